# Session 12, second round written after the code: a wide register grouped by relation over two
# header rows, relation words seldom seen (继母, 儿媳妇, 外孙, 兄), 赵志刚之妻 as the relation,
# headers merged across two columns, bilingual headers over a line break, 户主身份证 as the only
# ID header, and an ID typed one digit per cell under a merged 身份证号码.
import sys, os, openpyxl
sys.path.insert(0, os.path.dirname(__file__))
from common import *
rows=[(n,i) for n,i,_,_ in R]
def merged_header_cells(ws):
    # each header merged across two columns, the value in the left one
    ws.append(["序号",None,"姓名",None,"身份证号码",None,"金额",None])
    for c in ("A1:B1","C1:D1","E1:F1","G1:H1"): ws.merge_cells(c)
    for k,(n,i) in enumerate(rows): ws.append([k+1,None,n,None,i,None,300,None])
def bilingual(ws):
    ws.append(["序号\nNo.","姓名\nName","身份证号码\nID No.","金额（元）\nAmount"])
    for k,(n,i) in enumerate(rows): ws.append([k+1,n,i,300])
def head_id_only(ws):
    ws.append(["序号","户主","户主身份证","家庭人口","补助金额"])
    for k,(n,i) in enumerate(rows): ws.append([k+1,n,i,3,300])
def boxed_digits(ws):
    # 身份证号码 over 18 one-digit cells, as printed forms have it
    ws.append(["序号","姓名"]+["身份证号码"]+[None]*17+["金额"])
    ws.merge_cells(start_row=1,start_column=3,end_row=1,end_column=20)
    for k,(n,i) in enumerate(rows): ws.append([k+1,n]+list(i)+[300])
for nm,b in [("表头跨两列",merged_header_cells),("中英双语表头",bilingual),("仅户主身份证",head_id_only),("身份证逐格",boxed_digits)]:
    roll_case("s19",nm,lambda ws,wb,b=b: b(ws))
def grouped_wide(d):
    # row 1: 干部 | 配偶 | 子女 groups; row 2: 姓名 | 身份证号 under each
    wb=openpyxl.Workbook(); ws=wb.active
    ws.append(["干部信息",None,None,"配偶",None,"子女",None,"父亲",None])
    ws.append(["姓名","身份证号","工作单位","姓名","身份证号","姓名","身份证号","姓名","身份证号"])
    for c in ("A1:C1","D1:E1","F1:G1","H1:I1"): ws.merge_cells(c)
    by={0:[None]*6,1:[None]*6,2:[None]*6}
    for n,i,c,r in R:
        slot={"妻子":0,"丈夫":0,"儿子":2,"父亲":4}[r]
        by[c][slot]=n; by[c][slot+1]=i
    for c in range(3): ws.append([C[c][0],C[c][1],C[c][2]]+by[c])
    wb.save(f"{d}/kin/登记.xlsx")
def rare_relations(d):
    rel={"妻子":"爱人","丈夫":"老公","儿子":"长子","父亲":"父"}
    write_reg(d, ["干部姓名","干部身份证号","工作单位","亲属姓名","与本人关系","亲属身份证号"],
              lambda n,i,c,r: [C[c][0],C[c][1],C[c][2],n,rel[r],i])
def of_the_cadre(d):
    # 称谓 written as 赵志刚之妻 / 赵志刚之子
    rel={"妻子":"妻","丈夫":"夫","儿子":"子","父亲":"父"}
    write_reg(d, ["干部姓名","干部身份证号","工作单位","亲属姓名","称谓","亲属身份证号"],
              lambda n,i,c,r: [C[c][0],C[c][1],C[c][2],n,f"{C[c][0]}之{rel[r]}",i])
for nm,b in [("分组宽表",grouped_wide),("少见称谓",rare_relations),("某某之妻",of_the_cadre)]:
    reg_case("s19",nm,b)
