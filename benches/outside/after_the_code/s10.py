# Session 10: roll and register layouts written after the code, none of them seen by the reader
# before. Each prints OK or BAD with the hits it found (-v: the run's screen and inspect).
import sys, os, shutil, openpyxl
sys.path.insert(0, os.path.dirname(__file__))
from common import *
kin = KIN
def roll_case(name, build, expect=4, ext="xlsx", tier=None):
    d=case_dir(f"s10_{name}")
    open(f"{d}/kin/k.csv","w").write(kin)
    if ext=="xlsx":
        wb=openpyxl.Workbook(); build(wb.active, wb); wb.save(f"{d}/rolls/县民政局_{name}.xlsx")
    else:
        build(f"{d}/rolls/县民政局_{name}.{ext}")
    p=run(d)
    hits=out_hits(d)
    ok=len(hits)==expect and (tier is None or all(h["tier"] in tier for h in hits))
    report("roll", name, d, p, hits, expect, ok)
# --- rolls ---
def codes(ws, wb):
    # a database export: column codes for headers (XM 姓名, GMSFHM 公民身份号码, XB 性别, JE 金额)
    ws.append(["XH","XZQH","XM","XB","GMSFHM","JE","FFRQ"])
    for k,(n,i,_,_) in enumerate(R+[(a,b,0,"") for a,b in STR]): ws.append([k+1,"白沙乡石桥村",n,"女" if int(i[16])%2==0 else "男",i,300,"2024-10-05"])
def household(ws, wb):
    # one household over several rows, the householder's cells merged down, members one per row
    ws.append(["序号","户主姓名","户主身份证号","家庭人口","成员姓名","与户主关系","成员身份证号","月保障金"])
    rows=[(STR[0],[R[0],R[2]]),(STR[1],[R[1],R[3]])]
    r=2
    for k,((hn,hi),mem) in enumerate(rows):
        for j,(n,i,_,rel) in enumerate(mem):
            ws.append([k+1 if j==0 else None,hn if j==0 else None,hi if j==0 else None,len(mem) if j==0 else None,n,"配偶" if j==0 else "子女",i,500 if j==0 else None])
        for col in "ABCDH": ws.merge_cells(f"{col}{r}:{col}{r+len(mem)-1}")
        r+=len(mem)
def id_first(ws, wb):
    # the ID column left of the name, then the bank account, both long numbers
    ws.append(["临时救助对象名册"]); ws.merge_cells("A1:F1")
    ws.append(["身份证号码","姓名","银行账号","救助金额","救助事由","经办人"])
    for n,i,_,_ in R: ws.append([i,n,"6228480"+i[6:18],1000,"因病","王会计"])
def sci(ws, wb):
    # IDs typed as numbers: Excel keeps 15 digits; the village tells where they live
    ws.append(["乡镇","村组","姓名","身份证号","面积（亩）","补贴金额（元）"])
    for n,i,_,_ in R:
        v=int(i[:15]+"000") if i[-1]!="X" else i
        ws.append(["白沙乡","石桥村一组",n,v,3.2,320])
def footer(ws, wb):
    # totals, signatures and a note under the table
    ws.append(["姓名","身份证号","金额"])
    for n,i,_,_ in R: ws.append([n,i,200])
    ws.append(["合计",None,800]); ws.append([]); ws.append(["审核人：张会计","","负责人：李主任"]); ws.append(["注：以上人员已公示7天无异议。"])
def semicolon(path):
    with open(path.replace(".txt",".csv"),"w",encoding="utf-8") as f:
        f.write("姓名;身份证号;补助金额\n"+"".join(f"{n};{i};150\n" for n,i,_,_ in R))
def fullwidth(ws, wb):
    # full-width spaces inside headers, an asterisk for required columns, a unit note in brackets
    ws.append(["*姓\u3000名","*公民身份\u3000号码","性\u3000别","补助金额\n（单位：元）"])
    for n,i,_,_ in R: ws.append([n,i,"女",100])
def namecell(ws, wb):
    # the person given in one cell as name and ID
    ws.append(["序号","受助人（姓名、身份证号）","救助金额"])
    for k,(n,i,_,_) in enumerate(R): ws.append([k+1,f"{n} {i}",500])
def second_sheet(ws, wb):
    ws.title="填表说明"; ws.append(["1. 本表由村委会填写。"]); ws.append(["2. 身份证号必须填写18位。"])
    s=wb.create_sheet("花名册"); s.append(["2024年度学生资助名单"]); s.append(["学校","学生姓名","学籍号","监护人姓名","监护人身份证号","资助金额"])
    for n,i,_,_ in R: s.append(["白沙中学",STR[0][0],"G"+STR[0][1],n,i,1000])
for nm,b in [("代码表头",codes),("户成员合并",household),("证号在前",id_first),("十五位数字",sci),("表尾合计",footer),("全角空格",fullwidth),("第二个表",second_sheet)]: roll_case(nm,b)
roll_case("分号分隔", semicolon, ext="txt")
roll_case("一格姓名证号", namecell)
# --- registers ---
def per_file(d):
    # one workbook per cadre, named after the cadre, with only the relatives' table inside
    for c,(cn,ci,u) in enumerate(C):
        wb=openpyxl.Workbook(); ws=wb.active; ws.title="家庭成员"
        ws.append(["称谓","姓名","身份证号","工作单位"])
        for n,i,cc,r in R:
            if cc==c: ws.append([r,n,i,"务农"])
        wb.save(f"{d}/kin/{u}_{cn}.xlsx")
def title_name(d):
    # the cadre named in the title above each block
    wb=openpyxl.Workbook(); ws=wb.active
    for c,(cn,ci,u) in enumerate(C):
        ws.append([f"{u}{cn}同志家庭成员情况（身份证号：{ci}）"]); ws.append(["称谓","姓名","身份证号"])
        for n,i,cc,r in R:
            if cc==c: ws.append([r,n,i])
        ws.append([])
    wb.save(f"{d}/kin/登记.xlsx")
def rel_in_name(d):
    # relation and name in one cell: 妻子：李芳
    wb=openpyxl.Workbook(); ws=wb.active
    ws.append(["干部姓名","身份证号","单位","亲属（关系：姓名）","亲属身份证号"])
    for n,i,c,r in R: ws.append([C[c][0],C[c][1],C[c][2],f"{r}：{n}",i])
    wb.save(f"{d}/kin/登记.xlsx")
def cadre_cols_right(d):
    # relatives first, the cadre's columns at the right end
    wb=openpyxl.Workbook(); ws=wb.active
    ws.append(["亲属姓名","关系","亲属身份证号","干部姓名","干部身份证号","所在单位"])
    for n,i,c,r in R: ws.append([n,r,i,C[c][0],C[c][1],C[c][2]])
    wb.save(f"{d}/kin/登记.xlsx")
def sheets_per_unit(d):
    # one sheet per unit, the unit only in the sheet name
    wb=openpyxl.Workbook(); wb.remove(wb.active)
    for c,(cn,ci,u) in enumerate(C):
        ws=wb.create_sheet(u); ws.append(["干部姓名","干部身份证号","亲属姓名","与干部关系","亲属身份证号"])
        for n,i,cc,r in R:
            if cc==c: ws.append([cn,ci,n,r,i])
    wb.save(f"{d}/kin/各单位.xlsx")
for nm,b in [("一人一文件",per_file),("标题写干部",title_name),("关系姓名同格",rel_in_name),("干部列在右",cadre_cols_right),("一单位一表",sheets_per_unit)]: reg_case("s10",nm,b)
