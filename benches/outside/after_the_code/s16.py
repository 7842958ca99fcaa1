# Session 11, sixth round (written after the code): two lists side by side on one sheet,
# a two-row header without merged cells, 户主：陈一 labels inside cells, and a register whose
# 姓名 / 身份证号 headers repeat with no qualifier (the cadre's first, the relative's after).
import sys, os, openpyxl
sys.path.insert(0, os.path.dirname(__file__))
from common import *
def side_by_side(ws):
    # to save paper: the list continues in the right half of the sheet
    ws.append(["序号","姓名","身份证号","金额",None,"序号","姓名","身份证号","金额"])
    ws.append([1,R[0][0],R[0][1],300,None,3,R[2][0],R[2][1],300])
    ws.append([2,R[1][0],R[1][1],300,None,4,R[3][0],R[3][1],300])
def unmerged_two_rows(ws):
    # 户主 written above 姓名 only, nothing merged; the lower row holds the fields
    ws.append(["序号","户主",None,"家庭人口","金额"])
    ws.append([None,"姓名","身份证号",None,None])
    for k,(n,i,_,_) in enumerate(R): ws.append([k+1,n,i,3,900])
def labels_in_cells(ws):
    # each cell carries its label: 姓名：李芳 | 身份证：4329…
    ws.append(["申请人","证件","金额"])
    for n,i,_,_ in R: ws.append([f"姓名：{n}",f"身份证：{i}",300])
for nm,b in [("左右两栏",side_by_side),("两行表头无合并",unmerged_two_rows),("格内带标签",labels_in_cells)]:
    roll_case("s16",nm,lambda ws,wb,b=b: b(ws))
def repeated_headers(d):
    wb=openpyxl.Workbook(); ws=wb.active
    ws.append(["姓名","身份证号","单位","姓名","关系","身份证号"])
    for n,i,c,r in R: ws.append([C[c][0],C[c][1],C[c][2],n,r,i])
    wb.save(f"{d}/kin/登记.xlsx")
def relation_first(d):
    # relation first, then the relative, then the cadre: 关系 | 姓名 | 身份证号 | 所属干部 | 干部身份证号
    wb=openpyxl.Workbook(); ws=wb.active
    ws.append(["关系","姓名","身份证号","所属干部","干部身份证号","干部单位"])
    for n,i,c,r in R: ws.append([r,n,i,C[c][0],C[c][1],C[c][2]])
    wb.save(f"{d}/kin/登记.xlsx")
for nm,b in [("表头重复无限定",repeated_headers),("关系在前",relation_first)]:
    reg_case("s16",nm,b)
