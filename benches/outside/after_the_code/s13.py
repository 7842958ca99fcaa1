# Session 11, third round (written after the code): member lists with relations in
# brackets, annotated IDs, wide registers numbered 子女1 / 子女2 without 姓名, 姓名（干部）,
# ID type columns, an upper-case extension, two-row register headers grouped 干部信息 / 亲属信息.
import sys, os, openpyxl
sys.path.insert(0, os.path.dirname(__file__))
from common import *
def members_bracketed(ws, wb):
    # the household's members by name with their relation in brackets, IDs in the next column
    ws.append(["户主姓名","户主身份证号","家庭成员（关系）","成员身份证号","保障金额"])
    ws.append([STR[0][0],STR[0][1],f"{R[0][0]}(妻)、{R[2][0]}(子)",f"{R[0][1]}、{R[2][1]}",600])
    ws.append([STR[1][0],STR[1][1],f"{R[1][0]}（夫）、{R[3][0]}（父）",f"{R[1][1]}、{R[3][1]}",600])
def id_annotated(ws, wb):
    # a note written after the ID: 4329…（户主）, 4329…已核
    ws.append(["姓名","身份证号","金额"])
    for k,(n,i,_,_) in enumerate(R): ws.append([n,i+["（户主）","已核","(本人)"," 注"][k],300])
def upper_ext(ws, wb):
    ws.append(["姓名","身份证号","金额"])
    for n,i,_,_ in R: ws.append([n,i,300])
def names_only_members(ws, wb):
    # members by name with relation words in brackets and no member IDs; the head's ID only;
    # the village tells where they live (matched by name and place: not confirmed)
    ws.append(["乡镇","村","户主姓名","户主身份证号","家庭成员"])
    ws.append(["白沙乡","石桥村",STR[0][0],STR[0][1],f"{R[0][0]}(妻)、{R[2][0]}(子)"])
    ws.append(["白沙乡","石桥村",STR[1][0],STR[1][1],f"{R[1][0]}(夫)、{R[3][0]}(父)"])
for nm,b,kw in [("成员带关系",members_bracketed,{}),("证号带注",id_annotated,{}),("大写扩展名",upper_ext,{"file":"县民政局_低保.XLSX"}),
                ("成员仅姓名",names_only_members,{"expect":0,"ok_if":lambda h: True})]:
    roll_case("s13",nm,b,**kw)
# --- registers ---
def wide_numbered(d):
    # one cadre per row, relatives across: 配偶 | 配偶身份证 | 子女1 | 子女1身份证 | 父亲 | 父亲身份证
    wb=openpyxl.Workbook(); ws=wb.active
    ws.append(["单位","姓名","身份证号","配偶","配偶身份证","子女1","子女1身份证","父亲","父亲身份证"])
    for c,(cn,ci,u) in enumerate(C):
        row=[u,cn,ci,None,None,None,None,None,None]
        for n,i,cc,r in R:
            if cc!=c: continue
            k={"妻子":3,"丈夫":3,"儿子":5,"父亲":7}[r]; row[k]=n; row[k+1]=i
        ws.append(row)
    wb.save(f"{d}/kin/登记.xlsx")
def bracket_who(d):
    # 姓名（干部） … 姓名（亲属）: the person in brackets after the field
    wb=openpyxl.Workbook(); ws=wb.active
    ws.append(["姓名（干部）","身份证号（干部）","单位","姓名（亲属）","关系","身份证号（亲属）"])
    for n,i,c,r in R: ws.append([C[c][0],C[c][1],C[c][2],n,r,i])
    wb.save(f"{d}/kin/登记.xlsx")
def id_type(d):
    # an ID-type column before each ID
    wb=openpyxl.Workbook(); ws=wb.active
    ws.append(["干部姓名","证件类型","证件号码","亲属姓名","与干部关系","亲属证件类型","亲属证件号码"])
    for n,i,c,r in R: ws.append([C[c][0],"居民身份证",C[c][1],n,r,"居民身份证",i])
    wb.save(f"{d}/kin/登记.xlsx")
def grouped_two_rows(d):
    # a two-row header: 干部信息 over 姓名 | 身份证号 | 单位, 亲属信息 over 姓名 | 关系 | 身份证号
    wb=openpyxl.Workbook(); ws=wb.active
    ws.append(["序号","干部信息",None,None,"亲属信息",None,None]); ws.merge_cells("B1:D1"); ws.merge_cells("E1:G1"); ws.merge_cells("A1:A2")
    ws.append([None,"姓名","身份证号","单位","姓名","关系","身份证号"])
    for k,(n,i,c,r) in enumerate(R): ws.append([k+1,C[c][0],C[c][1],C[c][2],n,r,i])
    wb.save(f"{d}/kin/登记.xlsx")
def gbk_csv_row3(d):
    # a GBK CSV export with two lines before the header
    lines=["县直单位干部亲属信息","导出时间：2024-10-31",KIN.splitlines()[0]]+KIN.splitlines()[1:]
    open(f"{d}/kin/亲属导出.csv","wb").write(("\r\n".join(lines)+"\r\n").encode("gbk"))
for nm,b in [("子女编号宽表",wide_numbered),("括号写谁",bracket_who),("证件类型列",id_type),("两行分组表头",grouped_two_rows),("GBK第三行表头",gbk_csv_row3)]:
    reg_case("s13",nm,b)
