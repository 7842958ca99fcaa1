import csv, os, subprocess, shutil, sys, openpyxl
KM = os.environ["KINMATCH"]
def chk(b17):
    w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]; c="10X98765432"
    return b17 + c[sum(int(a)*b for a,b in zip(b17,w)) % 11]
R=[("李芳",chk("43292119760512102")),("周建华",chk("43292119760623111")),("赵一鸣",chk("43292120010311131")),("孙长林",chk("43292119500322151"))]
kin="干部姓名,干部身份证号,工作单位,亲属姓名,称谓,亲属身份证号\n"+f"赵志刚,{chk('43292119750101111')},县民政局,李芳,妻子,{R[0][1]}\n钱秀梅,{chk('43292119750201122')},白沙乡人民政府,周建华,丈夫,{R[1][1]}\n赵志刚,{chk('43292119750101111')},县民政局,赵一鸣,儿子,{R[2][1]}\n孙国强,{chk('43292119750301131')},县教育局,孙长林,父亲,{R[3][1]}\n"
def run(name, build, expect=4):
    d=f"/tmp/probe/l_{name}"; shutil.rmtree(d, ignore_errors=True); os.makedirs(f"{d}/kin"); os.makedirs(f"{d}/rolls")
    open(f"{d}/kin/k.csv","w").write(kin)
    wb=openpyxl.Workbook(); ws=wb.active; build(ws); wb.save(f"{d}/rolls/{name}.xlsx")
    p=subprocess.run([KM,"run","--kin",f"{d}/kin","--rolls",f"{d}/rolls","--out",f"{d}/out","--no-workbooks","--run-date","2024-11-05"],capture_output=True,text=True)
    hits=list(csv.DictReader(open(f"{d}/out/hits.csv",encoding="utf-8-sig"))) if os.path.exists(f"{d}/out/hits.csv") else []
    ok=len(hits)==expect
    print(("OK  " if ok else "BAD ")+f"{name:10} hits={len(hits)} expect={expect} exit={p.returncode} "+",".join(f"{h['roll_name']}/{h['tier']}/{h['roll_role']}" for h in hits))
    if not ok and "-v" in sys.argv:
        print(p.stderr[-1200:]); print(subprocess.run([KM,"inspect",f"{d}/rolls","--kind","roll"],capture_output=True,text=True).stdout[:2500])
def multi(ws):
    ws.append(["白沙乡2024年第四季度农村低保发放花名册"]); ws.merge_cells("A1:H1")
    ws.append(["序号","村（社区）","户主姓名","户主身份证号","保障人口","家庭成员","家庭成员身份证号","发放金额（元）"])
    ws.append([1,"石桥村","王五",chk("43292119600101111"),3,"李芳、周建华",R[0][1]+"、"+R[1][1],1200])
    ws.append([2,"石桥村","赵一鸣",R[2][1],1,"","",400])
    ws.append([3,"石桥村","孙长林",R[3][1],1,"","",400])
    for k in range(4): ws.append([4+k,"石桥村",["陈一","陈二","陈三","陈四"][k],chk(f"4329211960010{k}211"),2,"","",800])
def twohdr(ws):
    ws.append(["序号","申请人信息",None,"共同生活家庭成员1",None,None,"共同生活家庭成员2",None,None,"救助金额"])
    ws.merge_cells("B1:C1"); ws.merge_cells("D1:F1"); ws.merge_cells("G1:I1")
    ws.append([None,"姓名","身份证号","姓名","与申请人关系","身份证号","姓名","与申请人关系","身份证号",None])
    ws.append([1,"李芳",R[0][1],"赵一鸣","子",R[2][1],"",None,"",800])
    ws.append([2,"周建华",R[1][1],"孙长林","父亲",R[3][1],"",None,"",800])
def bank(ws):
    ws.append(["代发清单"]); ws.append(["户名","账号","金额","证件号码","开户行"])
    for n,i in R: ws.append([n,"6217"+i[:12],350,i,"农村信用社"])
def linebreak(ws):
    ws.append(["填报单位：白沙乡人民政府","",None,"填报日期：2024年10月"])
    ws.append(["序\n号","乡 镇","村","受益人\n姓  名","身份证\n号  码","补助\n金额"])
    for k,(n,i) in enumerate(R): ws.append([k+1,"白沙乡","石桥村",n,i,500])
def numid(ws):
    ws.append(["姓名","身份证号","补贴面积","补贴金额"])
    for n,i in R: ws.append([n,float(i[:17]) if False else int(i) if i[-1]!="X" else i,2.5,300])
for nm,b in [("一格多人",multi),("两行表头",twohdr),("代发清单",bank),("换行表头",linebreak),("数字证号",numid)]: run(nm,b)
