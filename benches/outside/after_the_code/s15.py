# Session 11, fifth round (written after the code): where a roll's approving unit is
# written, and whether relevance (same_unit) follows: a 填报单位 line, a township's own file,
# a unit column, 民政 without 局, brackets, the unit after the program, a folder per unit.
import sys, os, openpyxl
sys.path.insert(0, os.path.dirname(__file__))
from common import *
def roll_case(name, path, build, same_unit):
    d=case_dir(f"s15_{name}"); open(f"{d}/kin/k.csv","w").write(KIN)
    full=f"{d}/rolls/{path}"; os.makedirs(os.path.dirname(full), exist_ok=True)
    wb=openpyxl.Workbook(); build(wb.active); wb.save(full)
    p=run(d); hits=out_hits(d)
    rel_ok=all((h["relevance"]=="same_unit")==(h["roll_name"] in same_unit) for h in hits)
    report("roll", name, d, p, hits, 4, len(hits)==4 and rel_ok)
    if not rel_ok: print("     ", [(h["roll_name"],h["approving_unit"],h["cadre_unit"],h["relevance"]) for h in hits])
def plain(ws):
    ws.append(["姓名","身份证号","金额"])
    for n,i,_,_ in R: ws.append([n,i,300])
def titled(ws):
    ws.append(["2024年10月农村低保发放花名册"]); ws.append(["填报单位：县民政局","","单位：元"]); plain(ws)
def unit_col(ws):
    ws.append(["发放单位","姓名","身份证号","金额"])
    for n,i,_,_ in R: ws.append(["县民政局",n,i,300])
ZHAO=("李芳","赵一鸣"); QIAN=("周建华",); SUN=("孙长林",)
for nm,path,b,su in [("填报单位行","低保花名册.xlsx",titled,ZHAO),("乡镇文件","2024年10月白沙乡临时救助发放.xlsx",plain,QIAN),
                     ("发放单位列","低保.xlsx",unit_col,ZHAO),("民政无局","民政_低保.xlsx",plain,ZHAO),("单位带括号","县民政局（低保）.xlsx",plain,ZHAO),
                     ("教育无局","教育_学生资助.xlsx",plain,SUN),("单位在后","低保_县民政局.xlsx",plain,ZHAO),("单位文件夹","县民政局/2024年10月/低保.xlsx",plain,ZHAO),
                     ("乡镇文件夹","白沙乡/临时救助.xlsx",plain,QIAN)]:
    roll_case(nm,path,b,su)
