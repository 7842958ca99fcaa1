# Shared by the probes written after the code (s10.py …): synthetic people, running
# kinmatch on a small case, printing OK / BAD.
import csv, os, subprocess, shutil, sys
KM = os.environ["KINMATCH"]
def chk(b17):
    w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]; c="10X98765432"
    return b17 + c[sum(int(a)*b for a,b in zip(b17,w)) % 11]
# three cadres (name, ID, unit) and four relatives (name, ID, cadre index, relation)
C=[("赵志刚",chk("43292119750101111"),"县民政局"),("钱秀梅",chk("43292119750201122"),"白沙乡人民政府"),("孙国强",chk("43292119750301131"),"县教育局")]
R=[("李芳",chk("43292119760512102"),0,"妻子"),("周建华",chk("43292119760623111"),1,"丈夫"),("赵一鸣",chk("43292120010311131"),0,"儿子"),("孙长林",chk("43292119500322151"),2,"父亲")]
KIN="干部姓名,干部身份证号,工作单位,亲属姓名,称谓,亲属身份证号\n"+"".join(f"{C[c][0]},{C[c][1]},{C[c][2]},{n},{r},{i}\n" for n,i,c,r in R)
# strangers: household heads and students who are nobody's relatives
STR=[("陈"+x, chk(f"4329211960010{k}211")) for k,x in enumerate("一二三四")]
ROLL="乡镇,村,户主姓名,身份证号码,金额\n"+"".join(f"白沙乡,石桥村,{n},{i},100\n" for n,i,_,_ in R)
def out_hits(d):
    f=f"{d}/out/hits.csv"
    return list(csv.DictReader(open(f,encoding="utf-8-sig"))) if os.path.exists(f) else []
def run(d):
    return subprocess.run([KM,"run","--kin",f"{d}/kin","--rolls",f"{d}/rolls","--out",f"{d}/out","--no-workbooks","--run-date","2024-11-05"],capture_output=True,text=True)
def case_dir(name):
    d=f"/tmp/probe/{name}"; shutil.rmtree(d, ignore_errors=True); os.makedirs(f"{d}/kin"); os.makedirs(f"{d}/rolls")
    return d
def report(kind, name, d, p, hits, expect, ok):
    print(("OK  " if ok else "BAD ")+f"{kind} {name:12} hits={len(hits)} expect={expect} exit={p.returncode} "+",".join(f"{h['roll_name']}/{h['tier']}/{h['roll_role']}/{h['relation']}" for h in hits))
    if not ok and "-v" in sys.argv:
        print(p.stdout[-1500:], p.stderr[-1500:])
        print(subprocess.run([KM,"inspect",f"{d}/rolls" if kind=="roll" else f"{d}/kin","--kind","roll" if kind=="roll" else "register"],capture_output=True,text=True).stdout[:3000])
def right_cadres(hits):
    return all(h["cadre_name"]==C[c][0] for h in hits for n,i,c,_ in R if h["roll_name"]==n)
def roll_case(probe, name, build, expect=4, file=None, kin=KIN, ok_if=None):
    # One roll layout: build(ws, wb) writes the workbook, saved as rolls/<file> (县民政局_<name>.xlsx)
    # beside the register kin. OK with expect hits, all confirmed unless ok_if(hits) says otherwise.
    import openpyxl
    d=case_dir(f"{probe}_{name}"); open(f"{d}/kin/k.csv","w").write(kin)
    wb=openpyxl.Workbook(); build(wb.active, wb); wb.save(f"{d}/rolls/{file or '县民政局_'+name+'.xlsx'}")
    p=run(d); hits=out_hits(d)
    ok=len(hits)==expect and (ok_if(hits) if ok_if else all(h["tier"]=="confirmed" for h in hits))
    report("roll", name, d, p, hits, expect, ok)
def reg_case(probe, name, build, expect=4, roll=ROLL):
    # One register layout: build(d) writes d/kin; the roll names every relative. OK with expect hits,
    # each on the right cadre.
    d=case_dir(f"{probe}r_{name}"); open(f"{d}/rolls/县民政局_低保.csv","w").write(roll)
    build(d); p=run(d); hits=out_hits(d)
    report("reg ", name, d, p, hits, expect, len(hits)==expect and right_cadres(hits))
def write_reg(d, header, row):
    # A register workbook d/kin/登记.xlsx: the header, then row(n, i, c, r) for every relative of R.
    import openpyxl
    wb=openpyxl.Workbook(); ws=wb.active; ws.append(header)
    for n,i,c,r in R: ws.append(row(n,i,c,r))
    wb.save(f"{d}/kin/登记.xlsx")
