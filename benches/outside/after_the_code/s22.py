# Session 12, fifth round written after the code: rolls whose header lies (姓名 over the IDs and
# 身份证号 over the names), a CSV under a title line, a 合计 row right under the header, and two
# bare 姓名 | 身份证号 pairs (applicant and co-applicant) side by side.
import sys, os, openpyxl
sys.path.insert(0, os.path.dirname(__file__))
from common import *
rows=[(n,i) for n,i,_,_ in R]
def swapped(ws):
    # eight rows (the relatives and four strangers): enough for the cells to overturn the header
    ws.append(["序号","姓名","身份证号","金额"])
    for k,(n,i) in enumerate(rows+STR): ws.append([k+1,i,n,300])
def total_first(ws):
    ws.append(["序号","姓名","身份证号码","金额"])
    ws.append(["合计",None,None,1200])
    for k,(n,i) in enumerate(rows): ws.append([k+1,n,i,300])
def two_bare_pairs(ws):
    # the co-applicant pair on the right: strangers; the relatives are on the left
    ws.append(["序号","姓名","身份证号","姓名","身份证号","金额"])
    for k,((n,i),(sn,si)) in enumerate(zip(rows,STR)): ws.append([k+1,n,i,sn,si,300])
for nm,b in [("表头名不副实",swapped),("合计在前",total_first),("两组无限定",two_bare_pairs)]:
    roll_case("s22",nm,lambda ws,wb,b=b: b(ws))
d=case_dir("s22_CSV标题行"); open(f"{d}/kin/k.csv","w").write(KIN)
open(f"{d}/rolls/县民政局_临时救助.csv","w",encoding="utf-8").write("2024年10月临时救助发放名单,,,\n"+ROLL)
p=run(d); hits=out_hits(d); report("roll","CSV标题行",d,p,hits,4,len(hits)==4 and all(h["tier"]=="confirmed" for h in hits))
