# Session 12, written after the code: exports as systems and Excel write them (UTF-16 "Unicode
# text", ="…" guarded IDs, IDs with a leading tab, semicolons), print-ready sheets whose header
# repeats every page, a name and an ID in one cell split by a slash, and registers whose cadre
# columns say 填报人.
import sys, os, openpyxl
sys.path.insert(0, os.path.dirname(__file__))
from common import *
def raw_case(name, fname, data, expect=4):
    d=case_dir(f"s18_{name}"); open(f"{d}/kin/k.csv","w").write(KIN)
    open(f"{d}/rolls/{fname}","wb").write(data)
    p=run(d); hits=out_hits(d)
    report("roll", name, d, p, hits, expect, len(hits)==expect and all(h["tier"]=="confirmed" for h in hits))
rows=[(n,i) for n,i,_,_ in R]
tsv="序号\t姓名\t身份证号码\t金额\r\n"+"".join(f"{k+1}\t{n}\t{i}\t300\r\n" for k,(n,i) in enumerate(rows))
raw_case("UTF16制表符", "县民政局_临时救助.txt", b"\xff\xfe"+tsv.encode("utf-16-le"))
guarded="姓名,身份证号,金额\n"+"".join(f'{n},="{i}",300\n' for n,i in rows)
raw_case("等号引号证号", "县民政局_临时救助.csv", guarded.encode("utf-8"))
tabbed="姓名,身份证号,金额\n"+"".join(f'{n},"\t{i}",300\n' for n,i in rows)
raw_case("证号前制表符", "县民政局_临时救助.csv", tabbed.encode("utf-8"))
semi="姓名;身份证号;金额\n"+"".join(f"{n};{i};300\n" for n,i in rows)
raw_case("分号分隔", "县民政局_临时救助.csv", semi.encode("gbk"))
def repeated_header(ws):
    # printed pages: title and header again every two rows
    for k,(n,i) in enumerate(rows):
        if k%2==0:
            ws.append(["县民政局临时救助发放花名册"]); ws.append(["序号","姓名","身份证号码","金额"])
        ws.append([k+1,n,i,300])
def slash_cell(ws):
    ws.append(["序号","姓名/身份证号","金额"])
    for k,(n,i) in enumerate(rows): ws.append([k+1,f"{n}/{i}",300])
def aid_staff(ws):
    ws.append(["序号","受助人员姓名","受助人员身份证号","救助金额（元）"])
    for k,(n,i) in enumerate(rows): ws.append([k+1,n,i,300])
def blank_columns(ws):
    # a spacer column between every two columns
    ws.append(["序号",None,"姓名",None,"身份证号",None,"金额"])
    for k,(n,i) in enumerate(rows): ws.append([k+1,None,n,None,i,None,300])
for nm,b in [("每页重复表头",repeated_header),("姓名斜杠证号",slash_cell),("受助人员",aid_staff),("隔列空白",blank_columns)]:
    roll_case("s18",nm,lambda ws,wb,b=b: b(ws))
def filer(d):
    write_reg(d, ["填报人","填报人身份证号","所在单位","家庭成员姓名","与填报人关系","家庭成员身份证号"],
              lambda n,i,c,r: [C[c][0],C[c][1],C[c][2],n,r,i])
def reporter_cols(d):
    write_reg(d, ["报告人姓名","报告人身份证号码","报告人工作单位","近亲属姓名","近亲属身份证号码","关系"],
              lambda n,i,c,r: [C[c][0],C[c][1],C[c][2],n,i,r])
for nm,b in [("填报人",filer),("报告人",reporter_cols)]:
    reg_case("s18",nm,b)
