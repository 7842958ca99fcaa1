# Session 11, fourth round (written after the code): registers, and whether relevance
# (same_unit) survives how the cadre's unit is written: unit and post in one cell, a short
# unit name, the unit only in the file name, a title naming the cadre without 同志,
# relation words with a note, a signature line under a per-cadre form.
import sys, os, openpyxl
sys.path.insert(0, os.path.dirname(__file__))
from common import *
ROLLS={"县民政局_低保.csv":ROLL}
def reg_case(name, build, expect=4, same_unit=("李芳","赵一鸣")):
    d=case_dir(f"s14r_{name}")
    for f,t in ROLLS.items(): open(f"{d}/rolls/{f}","w").write(t)
    build(d); p=run(d); hits=out_hits(d)
    rel_ok=all((h["relevance"]=="same_unit")==(h["roll_name"] in same_unit) for h in hits)
    report("reg ", name, d, p, hits, expect, len(hits)==expect and right_cadres(hits) and rel_ok)
    if hits and not rel_ok: print("     relevance:", [(h["roll_name"],h["cadre_unit"],h["relevance"]) for h in hits])
def unit_and_post(d):
    wb=openpyxl.Workbook(); ws=wb.active
    ws.append(["干部姓名","身份证号","工作单位及职务","亲属姓名","关系","亲属身份证号"])
    for n,i,c,r in R: ws.append([C[c][0],C[c][1],C[c][2]+["局长","党委副书记","副局长"][c],n,r,i])
    wb.save(f"{d}/kin/登记.xlsx")
def short_unit(d):
    wb=openpyxl.Workbook(); ws=wb.active
    ws.append(["干部姓名","身份证号","单位","亲属姓名","关系","亲属身份证号"])
    for n,i,c,r in R: ws.append([C[c][0],C[c][1],["民政局","白沙乡","教育局"][c],n,r,i])
    wb.save(f"{d}/kin/登记.xlsx")
def unit_in_file_name(d):
    for c,(cn,ci,u) in enumerate(C):
        wb=openpyxl.Workbook(); ws=wb.active
        ws.append(["干部姓名","干部身份证号","亲属姓名","称谓","亲属身份证号"])
        for n,i,cc,r in R:
            if cc==c: ws.append([cn,ci,n,r,i])
        wb.save(f"{d}/kin/{u}干部亲属信息表.xlsx")
def title_without_tongzhi(d):
    # one sheet per cadre, titled 赵志刚家庭成员登记表, the unit in a 填报单位 line
    wb=openpyxl.Workbook(); wb.remove(wb.active)
    for c,(cn,ci,u) in enumerate(C):
        ws=wb.create_sheet(f"表{c+1}"); ws.append([f"{cn}家庭成员登记表"]); ws.merge_cells("A1:D1")
        ws.append([f"填报单位：{u}"]); ws.append(["称谓","姓名","身份证号","备注"])
        for n,i,cc,r in R:
            if cc==c: ws.append([r,n,i,None])
    wb.save(f"{d}/kin/家庭成员.xlsx")
def relation_noted(d):
    wb=openpyxl.Workbook(); ws=wb.active
    ws.append(["干部姓名","干部身份证号","工作单位","亲属姓名","称谓","亲属身份证号"])
    notes={"妻子":"配偶（妻子）","丈夫":"配偶(丈夫)","儿子":"子（长子）","父亲":"父亲（已退休）"}
    for n,i,c,r in R: ws.append([C[c][0],C[c][1],C[c][2],n,notes[r],i])
    wb.save(f"{d}/kin/登记.xlsx")
def signed_below(d):
    # a per-cadre form: the relatives' table first, the cadre named only in the signature lines under it
    for c,(cn,ci,u) in enumerate(C):
        wb=openpyxl.Workbook(); ws=wb.active
        ws.append(["领导干部家庭成员情况报告表"]); ws.append(["称谓","姓名","身份证号","工作单位及职务"])
        for n,i,cc,r in R:
            if cc==c: ws.append([r,n,i,"务农"])
        ws.append([]); ws.append([f"报告人：{cn}","",f"身份证号：{ci}"]); ws.append([f"所在单位：{u}","","填报日期：2024年10月"])
        wb.save(f"{d}/kin/报告表{c+1}.xlsx")
for nm,b in [("单位含职务",unit_and_post),("单位简称",short_unit),("单位在文件名",unit_in_file_name),("标题无同志",title_without_tongzhi),("称谓带注",relation_noted),("落款写干部",signed_below)]:
    reg_case(nm,b)
