# Session 11, second round: person words and ID-bearing numbers of particular programs
# (承包方代表, 残疾证号, 家长, 法人代表, 户名 of a bank list) and colloquial relation
# words in registers (爱人, 儿媳妇, 小孩). Written after the code; OK or BAD per layout.
import sys, os, shutil, openpyxl
sys.path.insert(0, os.path.dirname(__file__))
from common import *
kin = KIN
def contract(ws, wb):
    # 土地承包 style: 承包方代表名称 / 承包方代表证件号码
    ws.append(["承包方编码","承包方代表名称","承包方代表证件号码","承包地块总面积","补贴金额"])
    for k,(n,i,_,_) in enumerate(R): ws.append([f"432921101201{k:04d}",n,i,3.1,310])
def disability(ws, wb):
    # 残疾人两项补贴: the 残疾证号 is the ID followed by the category and grade (20 characters), no ID column
    ws.append(["序号","姓名","性别","残疾证号","残疾类别","残疾等级","补贴金额"])
    for k,(n,i,_,_) in enumerate(R): ws.append([k+1,n,"女",i+"12","肢体","二级",90])
def parents(ws, wb):
    # student aid listing 家长 (a parent) with the parent's ID
    ws.append(["学校","学生姓名","学生身份证号","家长姓名","家长身份证号","资助金额"])
    for k,(n,i,_,_) in enumerate(R): ws.append(["白沙中学",STR[k][0],STR[k][1],n,i,1000])
def legal_short(ws, wb):
    # a contract list naming the firm's 法人代表 (short for 法定代表人)
    ws.append(["项目名称","中标单位","法人代表","法人身份证号","中标金额（万元）"])
    for k,(n,i,_,_) in enumerate(R): ws.append([f"石桥村道路硬化{k}","白沙建筑有限公司",n,i,35.5])
def bank(ws, wb):
    # a bank's payment list: 户名 and 证件号码, the account beside
    ws.append(["户名","证件类型","证件号码","账号","金额","摘要"])
    for n,i,_,_ in R: ws.append([n,"居民身份证",i,"6217"+i[2:17],500,"低保金"])
def village_sheets(ws, wb):
    # one sheet per village, the village only in the sheet name; no header words beyond 姓名 / 身份证
    ws.title="石桥村"
    ws.append(["姓名","身份证","人数","金额"])
    for n,i,_,_ in R[:2]: ws.append([n,i,2,600])
    s=wb.create_sheet("高峰村"); s.append(["姓名","身份证","人数","金额"])
    for n,i,_,_ in R[2:]: s.append([n,i,3,900])
def worker(ws, wb):
    # public-welfare jobs: 上岗人员 and 岗位
    ws.append(["序号","上岗人员姓名","身份证号码","岗位名称","月补贴"])
    for k,(n,i,_,_) in enumerate(R): ws.append([k+1,n,i,"保洁员",800])
for nm,b in [("承包方代表",contract),("残疾证号",disability),("家长",parents),("法人代表",legal_short),("银行户名",bank),("村名作表名",village_sheets),("上岗人员",worker)]:
    roll_case("s12",nm,b)
# --- registers: colloquial relation words ---
roll = "乡镇,村,户主姓名,身份证号码,金额\n"+"".join(f"白沙乡,石桥村,{n},{i},100\n" for n,i,_,_ in R)
def reg_words(d):
    words={"妻子":"爱人","丈夫":"老公","儿子":"小孩","父亲":"老父亲"}
    wb=openpyxl.Workbook(); ws=wb.active
    ws.append(["干部姓名","干部身份证号","工作单位","亲属姓名","称谓","亲属身份证号"])
    for n,i,c,r in R: ws.append([C[c][0],C[c][1],C[c][2],n,words[r],i])
    wb.save(f"{d}/kin/登记.xlsx")
    return {"爱人":"spouse","老公":"spouse","小孩":"child","老父亲":"parent"}
d=f"/tmp/probe/s12r_口语称谓"; shutil.rmtree(d, ignore_errors=True); os.makedirs(f"{d}/kin"); os.makedirs(f"{d}/rolls")
open(f"{d}/rolls/县民政局_低保.csv","w").write(roll)
want=reg_words(d); p=run(d); hits=out_hits(d)
ok=len(hits)==4 and all(h["relation"]==want[h["relation_term"]] for h in hits)
report("reg ", "口语称谓", d, p, hits, 4, ok)
