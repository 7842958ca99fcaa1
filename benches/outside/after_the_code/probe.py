# Layouts written after the code: exclusion registers as other offices might export them.
import csv, os, subprocess, shutil, json, sys
KM = os.environ["KINMATCH"]
def chk(b17):
    w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]; c="10X98765432"
    return b17 + c[sum(int(a)*b for a,b in zip(b17,w)) % 11]
P = [("王秀英", chk("43292119480312104")), ("李建国", chk("43292119550607201")), ("张桂兰", chk("43292119610923302"))]
roll = ["序号,乡镇,村,户主姓名,身份证号码,保障金额"] + [f"{i+1},白沙乡,石桥村,{n},{i_}," + "420" for i,(n,i_) in enumerate(P)]
def run(kind, name, header, rows, extra_rows=None, expect=3):
    d = f"/tmp/probe/{kind}_{name}"
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(f"{d}/rolls"); os.makedirs(f"{d}/x"); os.makedirs(f"{d}/kin")
    open(f"{d}/rolls/民政局_农村低保_2024年10月.csv","w").write("\n".join(roll)+"\n")
    open(f"{d}/kin/k.csv","w").write("干部姓名,干部身份证号,工作单位,亲属姓名,称谓,亲属身份证号\n赵敏,"+chk("43292119800101123")+",县民政局,孙涛,姐姐,"+chk("43292119820101123")+"\n")
    with open(f"{d}/x/{name}.csv","w",newline="") as f:
        w=csv.writer(f)
        for h in (header if isinstance(header[0], list) else [header]): w.writerow(h)
        for r in rows: w.writerow(r)
    opt = {"deaths":"--deaths","payroll":"--payroll","vehicles":"--vehicles"}[kind]
    res = {}
    for mode in ["given","mixed"]:
        out=f"{d}/out_{mode}"
        if mode=="given":
            cmd=[KM,"run","--kin",f"{d}/kin","--rolls",f"{d}/rolls",opt,f"{d}/x","--out",out,"--no-workbooks","--run-date","2024-11-05"]
        else:
            shutil.copy(f"{d}/x/{name}.csv", f"{d}/rolls/{name}.csv")
            cmd=[KM,"run","--kin",f"{d}/kin","--rolls",f"{d}/rolls","--out",out,"--no-workbooks","--run-date","2024-11-05"]
        p=subprocess.run(cmd,capture_output=True,text=True)
        fp=f"{out}/eligibility_{kind}.csv"
        n=sum(1 for _ in csv.reader(open(fp,encoding="utf-8-sig")))-1 if os.path.exists(fp) else -1
        res[mode]=(n,p.returncode)
    ok = res["given"][0]==expect and res["mixed"][0]==expect
    print(("OK  " if ok else "BAD ")+f"{kind:8} {name:12} given={res['given']} mixed={res['mixed']} expect={expect}")
    if not ok and "-v" in sys.argv:
        print(subprocess.run([KM,"run","--kin",f"{d}/kin","--rolls",f"{d}/rolls","--out",f"{d}/o3","--no-workbooks","--run-date","2024-11-05"],capture_output=True,text=True).stderr)
# deaths
run("deaths","户籍注销", ["姓名","公民身份号码","注销类别","注销时间","户籍地址"], [[n,i,"死亡","2024-07-0%d"%(k+1),"白沙乡石桥村"] for k,(n,i) in enumerate(P)])
run("deaths","火化证明", ["逝者姓名","逝者身份证号","性别","火化日期","骨灰去向"], [[n,i,"女","2024年6月1%d日"%k,"安葬"] for k,(n,i) in enumerate(P)])
run("deaths","死亡医学证明", [["白沙乡2024年死亡人口信息"],["序号","死者姓名","身份证件号码","死亡时间","死亡地点"]], [[k+1,n,i,"2024/08/0%d 10:30"%(k+1),"家中"] for k,(n,i) in enumerate(P)])
run("deaths","去世名单", ["姓名","身份证","去世时间","所在村"], [[n,i,"2024.9.%d"%(k+1),"石桥村"] for k,(n,i) in enumerate(P)])
run("deaths","后期", ["姓名","身份证号","死亡日期"], [[n,i,"2024-10-2%d"%k] for k,(n,i) in enumerate(P)], expect=0)
# payroll
run("payroll","工资统发", ["单位","姓名","身份证号码","职务","身份"], [["县水利局",n,i,"科员",["公务员","事业","工勤"][k]] for k,(n,i) in enumerate(P)])
run("payroll","财政供养", [["2024年财政供养人员信息表"],["预算单位名称","人员姓名","证件号码","岗位类别","人员性质"]], [["白沙乡人民政府",n,i,"管理岗","在编"] for k,(n,i) in enumerate(P)])
run("payroll","编外", ["单位","姓名","身份证号","人员类别"], [["县城管局",n,i,"编外聘用"] for k,(n,i) in enumerate(P)], expect=0)
run("payroll","实名制", ["机构名称","姓名","身份证号","编制类型","经费形式"], [["县教育局",n,i,"事业编制","全额拨款"] for k,(n,i) in enumerate(P)])
# vehicles
run("vehicles","车辆信息", ["车牌号","车辆类型","车主姓名","车主身份证号","注册日期","车辆状态"], [["湘U1234%d"%k,"小型轿车",n,i,"2020-01-01","正常"] for k,(n,i) in enumerate(P)])
run("vehicles","机动车", ["号牌号码","号牌种类","机动车所有人","身份证明号码","初次登记日期","机动车状态"], [["湘U5432%d"%k,"小型汽车",n,i,"2018-05-01","A"] for k,(n,i) in enumerate(P)])
run("vehicles","摩托", ["号牌号码","车辆类型","所有人","身份证明号码","初次登记日期"], [["湘U6%d"%k,"普通二轮摩托车",n,i,"2018-05-01"] for k,(n,i) in enumerate(P)], expect=0)
run("vehicles","已注销", ["号牌号码","车辆类型","所有人","身份证明号码","初次登记日期","状态","注销日期"], [["湘U7%d"%k,"小型汽车",n,i,"2010-05-01","注销","2023-01-01"] for k,(n,i) in enumerate(P)], expect=0)
