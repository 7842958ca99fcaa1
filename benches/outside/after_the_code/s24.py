# Session 12, seventh round written after the code: registers whose official is written once per
# block (cells below left blank, not merged), whose own row says 干部本人, and a workbook with
# the officials on one sheet and their relatives (by the official's name) on another.
import sys, os, openpyxl
sys.path.insert(0, os.path.dirname(__file__))
from common import *
def blank_below(d):
    wb=openpyxl.Workbook(); ws=wb.active
    ws.append(["序号","干部姓名","干部身份证号","工作单位","亲属姓名","称谓","亲属身份证号"])
    last=None; k=0
    for n,i,c,r in sorted(R,key=lambda x:x[2]):
        if c!=last: k+=1; ws.append([k,C[c][0],C[c][1],C[c][2],n,r,i]); last=c
        else: ws.append([None,None,None,None,n,r,i])
    wb.save(f"{d}/kin/登记.xlsx")
def self_row_words(d):
    wb=openpyxl.Workbook(); ws=wb.active
    ws.append(["称谓","姓名","身份证号","工作单位"])
    for c in range(3):
        ws.append(["干部本人",C[c][0],C[c][1],C[c][2]])
        for n,i,cc,r in R:
            if cc==c: ws.append([r,n,i,""])
    wb.save(f"{d}/kin/登记.xlsx")
def two_sheets(d):
    wb=openpyxl.Workbook(); ws=wb.active; ws.title="干部"
    ws.append(["姓名","身份证号","工作单位","职务"])
    for c in range(3): ws.append([C[c][0],C[c][1],C[c][2],"科员"])
    ws2=wb.create_sheet("亲属")
    ws2.append(["干部姓名","亲属姓名","称谓","亲属身份证号"])
    for n,i,c,r in R: ws2.append([C[c][0],n,r,i])
    wb.save(f"{d}/kin/登记.xlsx")
for nm,b in [("块首写干部",blank_below),("干部本人行",self_row_words),("干部亲属分表",two_sheets)]:
    reg_case("s24",nm,b)
