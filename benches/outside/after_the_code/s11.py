# Session 11: more layouts written after the code (none seen by the reader before): how
# people type names and IDs by hand, English headers, notes above the header, members
# listed across the row. Each prints OK or BAD with the hits it found (-v: screen and inspect).
import sys, os, shutil, subprocess, openpyxl
sys.path.insert(0, os.path.dirname(__file__))
from common import *
def with_x(prefix):
    # the first ID after prefix whose check character is X (typed x by hand)
    for k in range(100, 999):
        i = chk(f"{prefix}{k:03d}")
        if i.endswith("X"): return i
R=[("李芳",with_x("43292119760512"),0,"妻子")]+R[1:]
kin="干部姓名,干部身份证号,工作单位,亲属姓名,称谓,亲属身份证号\n"+"".join(f"{C[c][0]},{C[c][1]},{C[c][2]},{n},{r},{i}\n" for n,i,c,r in R)
FW=str.maketrans("0123456789X","０１２３４５６７８９Ｘ")
def spaced(n): return n[0]+"  "+n[1] if len(n)==2 else n
# --- rolls ---
def spaced_names(ws, wb):
    # two-character names padded to line up with three-character ones: 李  芳
    ws.append(["序号","姓  名","身份证号码","金额"])
    for k,(n,i,_,_) in enumerate(R): ws.append([k+1,spaced(n),i,300])
def fullwidth_ids(ws, wb):
    # IDs typed with a Chinese input method on: full-width digits, a small x
    ws.append(["姓名","身份证号","金额"])
    for k,(n,i,_,_) in enumerate(R): ws.append([n,(i.translate(FW) if k%2 else i.replace("X","x")),300])
def annotated(ws, wb):
    # a note in brackets after the name: 李芳（户主）, 周建华(残疾)
    ws.append(["姓名","身份证号","类别","金额"])
    for k,(n,i,_,_) in enumerate(R): ws.append([n+["（户主）","(残疾)","（学生）","（五保）"][k],i,"A类",300])
def english(ws, wb):
    # an export with English headers
    ws.append(["No.","Name","ID Number","Village","Amount"])
    for k,(n,i,_,_) in enumerate(R): ws.append([k+1,n,i,"石桥村",300])
def notes_above(ws, wb):
    # six lines of notes before the header, the header on row 8
    for t in ["附件3","白沙乡2024年第三季度临时救助资金发放花名册","填报单位（盖章）：县民政局","填报人：王会计     联系电话：13800000000","说明：1.本表一式三份；2.金额单位为元。",""]:
        ws.append([t])
    ws.append(["序号","救助对象","身份证件号码","家庭住址","救助类别","救助金额","领款人签字"])
    for k,(n,i,_,_) in enumerate(R): ws.append([k+1,n,i,"白沙乡石桥村","临时救助",800,None])
def grouped_ids(ws, wb):
    # IDs written in groups with spaces (6-8-4), as on a printed form
    ws.append(["姓名","公民身份号码","金额"])
    for n,i,_,_ in R: ws.append([n,f"{i[:6]} {i[6:14]} {i[14:]}",300])
def members_across(ws, wb):
    # one household per row, its members across the row: 成员1姓名 成员1身份证号 成员2姓名 …
    ws.append(["户主姓名","户主身份证号","成员1姓名","成员1身份证号","成员2姓名","成员2身份证号","保障金额"])
    ws.append([STR[0][0],STR[0][1],R[0][0],R[0][1],R[2][0],R[2][1],600])
    ws.append([STR[1][0],STR[1][1],R[1][0],R[1][1],R[3][0],R[3][1],600])
def relation_and_name(ws, wb):
    # a 低保 roll listing household members by relation with name in one column, IDs in the next
    ws.append(["户主","家庭成员","身份证号","与户主关系","保障金额"])
    for k,(n,i,_,_) in enumerate(R): ws.append([STR[k][0],n,i,"配偶",300])
def total_in_header_rows(ws, wb):
    # a two-row header whose lower row repeats units (元) and a column of row numbers
    ws.append(["序号","基本情况",None,"补贴情况",None]); ws.merge_cells("B1:C1"); ws.merge_cells("D1:E1")
    ws.append([None,"姓名","身份证号","面积（亩）","金额（元）"])
    for k,(n,i,_,_) in enumerate(R): ws.append([k+1,n,i,2.5,250])
for nm,b in [("姓名加空格",spaced_names),("全角证号",fullwidth_ids),("姓名括注",annotated),("英文表头",english),("表头前说明",notes_above),("证号分段",grouped_ids),("成员横排",members_across),("家庭成员列",relation_and_name),("两行表头",total_in_header_rows)]:
    roll_case("s11",nm,b,kin=kin)
# --- registers ---
roll = "乡镇,村,户主姓名,身份证号码,金额\n"+"".join(f"白沙乡,石桥村,{n},{i},100\n" for n,i,_,_ in R)
def reg_spaced(d):
    # names padded with spaces in the register, cadres' too
    wb=openpyxl.Workbook(); ws=wb.active
    ws.append(["单位","干部姓名","干部身份证号","亲属姓名","关系","亲属身份证号"])
    for n,i,c,r in R: ws.append([C[c][2],spaced(C[c][0]),C[c][1],spaced(n),r,i])
    wb.save(f"{d}/kin/登记.xlsx")
def reg_sheet_per_cadre(d):
    # one workbook per unit, one sheet per cadre named after him, the cadre's own row first (本人)
    wb=openpyxl.Workbook(); wb.remove(wb.active)
    for c,(cn,ci,u) in enumerate(C):
        ws=wb.create_sheet(cn); ws.append(["称谓","姓名","出生年月","政治面貌","工作单位及职务","身份证号"])
        for n,i,cc,r in R:
            if cc==c: ws.append([r,n,i[6:10]+"."+i[10:12],"群众","务农",i])
    wb.save(f"{d}/kin/县直单位.xlsx")
def reg_cadre_merged_left(d):
    # the cadre's cells merged down over his relatives, a 序号 per cadre
    wb=openpyxl.Workbook(); ws=wb.active
    ws.append(["序号","姓名","单位及职务","身份证号","家庭成员姓名","与本人关系","家庭成员身份证号"])
    r=2
    for c,(cn,ci,u) in enumerate(C):
        mem=[x for x in R if x[2]==c]
        for j,(n,i,_,rel) in enumerate(mem):
            ws.append([c+1 if j==0 else None, cn if j==0 else None, u+"科员" if j==0 else None, ci if j==0 else None, n, rel, i])
        if len(mem)>1:
            for col in "ABCD": ws.merge_cells(f"{col}{r}:{col}{r+len(mem)-1}")
        r+=len(mem)
    wb.save(f"{d}/kin/亲属.xlsx")
def reg_english(d):
    wb=openpyxl.Workbook(); ws=wb.active
    ws.append(["Official","Official ID","Unit","Relative","Relation","Relative ID"])
    for n,i,c,r in R: ws.append([C[c][0],C[c][1],C[c][2],n,r,i])
    wb.save(f"{d}/kin/登记.xlsx")
for nm,b in [("姓名加空格",reg_spaced),("一人一表",reg_sheet_per_cadre),("干部合并",reg_cadre_merged_left),("英文表头",reg_english)]:
    reg_case("s11",nm,b,roll=roll)
