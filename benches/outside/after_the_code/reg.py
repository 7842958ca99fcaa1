# Register layouts written after the code: each relative is on the roll by ID; count hits.
import csv, os, subprocess, shutil, sys, openpyxl
from openpyxl.utils import get_column_letter
KM = os.environ["KINMATCH"]
def chk(b17):
    w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]; c="10X98765432"
    return b17 + c[sum(int(a)*b for a,b in zip(b17,w)) % 11]
n=[0]
def pid(year, male=True):
    n[0]+=1; body=f"432921{year}0{(n[0]%9)+1}1{n[0]%10}{n[0]%10}{n[0]%7}{n[0]%10}"
    sx=int(body[-1]); body=body[:-1]+str((sx|1) if male else (sx&~1)); return chk(body)
cadres=[]
for k,(cn,unit) in enumerate([("赵志刚","县住房和城乡建设局"),("钱秀梅","白沙乡人民政府"),("孙国强","县教育局")]):
    rel=[("妻子" if k!=1 else "丈夫", ["李芳","周建华","吴丽"][k], pid(1976, k==1)), ("儿子", ["赵一鸣","周小龙","孙浩"][k], pid(2001)), ("父亲", ["赵德贵","钱富","孙长林"][k], pid(1950))]
    cadres.append((cn,pid(1975, k!=1),unit,rel))
allrel=[r for c in cadres for r in c[3]]
def roll(d):
    os.makedirs(f"{d}/rolls")
    with open(f"{d}/rolls/民政局_低保.csv","w") as f:
        f.write("乡镇,村,户主姓名,身份证号码,金额\n")
        for _,nm,i in allrel: f.write(f"白沙乡,石桥村,{nm},{i},100\n")
def run(name, build, expect=len(allrel)):
    d=f"/tmp/probe/r_{name}"; shutil.rmtree(d, ignore_errors=True); os.makedirs(f"{d}/kin")
    roll(d)
    wb=openpyxl.Workbook(); ws=wb.active; build(ws, wb); wb.save(f"{d}/kin/{name}.xlsx")
    p=subprocess.run([KM,"run","--kin",f"{d}/kin","--rolls",f"{d}/rolls","--out",f"{d}/out","--no-workbooks","--run-date","2024-11-05"],capture_output=True,text=True)
    hits=list(csv.DictReader(open(f"{d}/out/hits.csv",encoding="utf-8-sig"))) if os.path.exists(f"{d}/out/hits.csv") else []
    rels=set((h.get("cadre_name"),h.get("roll_name")) for h in hits)
    ok=len(hits)==expect
    print(("OK  " if ok else "BAD ")+f"{name:10} hits={len(hits)} expect={expect} exit={p.returncode}")
    if not ok and "-v" in sys.argv:
        print(p.stderr[-1500:]); print(subprocess.run([KM,"inspect",f"{d}/kin","--kind","register"],capture_output=True,text=True).stdout[:2500])
# 1 long form with cadre cells merged down
def b1(ws,wb):
    ws.append(["2024年度党员干部亲属信息登记汇总表"]); ws.merge_cells("A1:I1")
    ws.append(["序号","单位","干部姓名","职务","干部身份证号","亲属姓名","与本人关系","亲属身份证号","备注"])
    r=3
    for i,(cn,ci,u,rel) in enumerate(cadres):
        for j,(rr,nm,ii) in enumerate(rel):
            ws.append([i+1 if j==0 else None,u if j==0 else None,cn if j==0 else None,"科员" if j==0 else None,ci if j==0 else None,nm,rr,ii,None])
        for col in "ABCDE": ws.merge_cells(f"{col}{r}:{col}{r+len(rel)-1}")
        r+=len(rel)
# 2 wide form
def b2(ws,wb):
    ws.append(["姓名","身份证号","工作单位","配偶姓名","配偶身份证号","子女姓名","子女身份证号","父亲姓名","父亲身份证号"])
    for cn,ci,u,rel in cadres: ws.append([cn,ci,u,rel[0][1],rel[0][2],rel[1][1],rel[1][2],rel[2][1],rel[2][2]])
# 3 blocks with 本人 row
def b3(ws,wb):
    ws.append(["序号","姓名","与干部关系","公民身份号码","工作单位或住址"])
    k=1
    for cn,ci,u,rel in cadres:
        ws.append([k,cn,"本人",ci,u]); k+=1
        for rr,nm,ii in rel: ws.append([k,nm,rr,ii,"白沙乡石桥村"]); k+=1
# 4 one sheet per cadre, form above table
def b4(ws,wb):
    wb.remove(ws)
    for cn,ci,u,rel in cadres:
        s=wb.create_sheet(cn)
        s.append(["领导干部家庭成员信息表"]); s.append([f"姓名：{cn}", None, f"身份证号：{ci}", None, f"工作单位及职务：{u}副局长"])
        s.append(["称谓","姓名","出生年月","身份证号码","工作单位及职务","政治面貌"])
        for rr,nm,ii in rel: s.append([rr,nm,ii[6:10]+"."+ii[10:12],ii,"无","群众"])
# 5 two-row header: 干部信息 / 亲属信息 parent cells
def b5(ws,wb):
    ws.append(["干部信息",None,None,"亲属信息",None,None]); ws.merge_cells("A1:C1"); ws.merge_cells("D1:F1")
    ws.append(["姓名","身份证号","单位","姓名","关系","身份证号"])
    for cn,ci,u,rel in cadres:
        for rr,nm,ii in rel: ws.append([cn,ci,u,nm,rr,ii])
# 6 header words with qualifiers: 家庭成员
def b6(ws,wb):
    ws.append(["填报单位：县纪委监委"]); ws.append(["序号","党员干部姓名","党员干部身份证","所在单位","家庭成员姓名","家庭成员关系","家庭成员身份证件号码"])
    k=1
    for cn,ci,u,rel in cadres:
        for rr,nm,ii in rel: ws.append([k,cn,ci,u,nm,rr,ii]); k+=1
for nm,b in [("合并单元格",b1),("宽表",b2),("本人行",b3),("每人一表",b4),("两行表头",b5),("家庭成员",b6)]: run(nm,b)
def b7(ws,wb):
    # 干部任免审批表 style: no relative IDs, birth month only, age column
    wb.remove(ws)
    for cn,ci,u,rel in cadres:
        s=wb.create_sheet(cn)
        s.append(["干部任免审批表"]); s.append(["姓名",cn,"性别","男","出生年月",ci[6:10]+"."+ci[10:12],"身份证号",ci]); s.append(["现任职务",u+"科员"])
        s.append(["家庭主要成员及重要社会关系"])
        s.append(["称谓","姓名","出生年月","政治面貌","工作单位及职务"])
        for rr,nm,ii in rel: s.append([rr,nm,ii[6:10]+"."+ii[10:12],"群众","白沙乡石桥村农民"])
run("任免表无证号", b7)
