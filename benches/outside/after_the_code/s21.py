# Session 12, fourth round written after the code: registers. An ID column that takes a birth
# date when there is no ID, the official written with his unit in brackets, each relative as
# 姓名/关系/身份证号 in one cell, and two officials of one name in two units without IDs.
import sys, os, openpyxl
sys.path.insert(0, os.path.dirname(__file__))
from common import *
def id_or_birth(d):
    # 身份证号（无则填出生日期）: the father's cell holds his birth date
    write_reg(d, ["干部姓名","干部身份证号","工作单位","亲属姓名","称谓","身份证号（无则填出生日期）"],
              lambda n,i,c,r: [C[c][0],C[c][1],C[c][2],n,r,i if r!="父亲" else f"{i[6:10]}.{i[10:12]}.{i[12:14]}"])
def cadre_with_unit(d):
    write_reg(d, ["干部","身份证号","亲属姓名","关系","亲属身份证号"],
              lambda n,i,c,r: [f"{C[c][0]}（{C[c][2]}）",C[c][1],n,r,i])
def relative_in_one_cell(d):
    wb=openpyxl.Workbook(); ws=wb.active
    ws.append(["干部姓名","干部身份证号","工作单位","家庭成员1","家庭成员2"])
    by={}
    for n,i,c,r in R: by.setdefault(c,[]).append(f"{n}/{r}/{i}")
    for c,cells in by.items(): ws.append([C[c][0],C[c][1],C[c][2]]+cells)
    wb.save(f"{d}/kin/登记.xlsx")
def namesakes_without_ids(d):
    # two 赵志刚, in 县民政局 and 县教育局, no cadre IDs: each keeps his own relatives
    wb=openpyxl.Workbook(); ws=wb.active
    ws.append(["干部姓名","工作单位","亲属姓名","称谓","亲属身份证号"])
    for n,i,c,r in R: ws.append(["赵志刚",C[c][2],n,r,i])
    wb.save(f"{d}/kin/登记.xlsx")
for nm,b in [("证号或生日",id_or_birth),("干部带单位",cadre_with_unit),("成员一格三项",relative_in_one_cell)]:
    reg_case("s21",nm,b)
d=case_dir("s21r_同名干部无证号"); open(f"{d}/rolls/县民政局_低保.csv","w").write(ROLL)
namesakes_without_ids(d); p=run(d); hits=out_hits(d)
units={h["relative_name"]:h["cadre_unit"] for h in hits}
ok=len(hits)==4 and all(units.get(n)==C[c][2] for n,i,c,r in R)
report("reg ","同名干部无证号",d,p,hits,4,ok)
