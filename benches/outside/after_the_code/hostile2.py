# Session 11: hostile inputs written after the loader (none of them in ../shared/hostile/):
# each goes into a roll folder beside one good roll, under a 3 GiB address-space cap and a
# 60 s limit. OK when the run finishes, the good roll's 4 hits are there, and the exit code
# says something could not be used (3) unless the input is harmless.
import sys, os, zipfile, subprocess, openpyxl, io
sys.path.insert(0, os.path.dirname(__file__))
from common import *
def xlsx_bytes(rows):
    wb=openpyxl.Workbook(); ws=wb.active
    for r in rows: ws.append(r)
    b=io.BytesIO(); wb.save(b); return b.getvalue()
def rezip(data, edit):
    zin=zipfile.ZipFile(io.BytesIO(data)); out=io.BytesIO(); zout=zipfile.ZipFile(out,"w",zipfile.ZIP_DEFLATED)
    for it in zin.infolist():
        zout.writestr(it.filename, edit(it.filename, zin.read(it.filename)))
    zout.close(); return out.getvalue()
good=xlsx_bytes([["姓名","身份证号","金额"]]+[[n,i,300] for n,i,_,_ in R])
people=[["姓名","身份证号","金额"],["陈一",STR[0][1],1]]
def shared_count(name, b):
    if name=="xl/sharedStrings.xml": return b.replace(b'count="', b'count="2000000000').replace(b'uniqueCount="', b'uniqueCount="2000000000')
    return b
def huge_dim(name, b):
    if name.startswith("xl/worksheets/sheet"): return b.replace(b'<dimension ref="A1:C2"/>', b'<dimension ref="A1:XFD1048576"/>')
    return b
def many_sheets():
    wb=openpyxl.Workbook()
    for k in range(400):
        ws=wb.create_sheet(f"s{k}"); ws.append(["姓名","身份证号"]); ws.append(["陈一",STR[0][1]])
    b=io.BytesIO(); wb.save(b); return b.getvalue()
CASES=[
    ("共享字符串计数", "x.xlsx", rezip(xlsx_bytes(people), shared_count), False),
    ("维度全表", "x.xlsx", rezip(xlsx_bytes(people), huge_dim), False),
    ("空xlsx", "x.xlsx", b"", True),
    ("空csv", "x.csv", b"", True),
    ("csv冒充xlsx", "x.xlsx", ("姓名,身份证号,金额\n陈一,"+STR[0][1]+",1\n").encode(), False),
    ("xlsx冒充csv", "x.csv", xlsx_bytes(people), False),
    ("html冒充xls", "x.xls", ("<html><table><tr><td>姓名</td><td>身份证号</td></tr><tr><td>陈一</td><td>"+STR[0][1]+"</td></tr></table></html>").encode(), False),
    ("html深嵌套", "x.xls", b"<html><table>"+b"<tr><td rowspan=9999 colspan=9999>"*20000+b"</table>", None),
    ("一行20MB", "x.csv", b"a"*20_000_000, True),
    ("NUL字节", "x.csv", ("姓名,身份证号\n陈一,"+STR[0][1]+"\n").encode().replace(b"\n", b"\x00\n")+b"\x00"*1000, None),
    ("UTF16", "x.csv", ("姓名,身份证号,金额\n陈一,"+STR[0][1]+",1\n").encode("utf-16"), False),
    ("400个工作表", "x.xlsx", many_sheets(), False),
    ("超长单元格", "x.xlsx", xlsx_bytes([["姓名","身份证号"],["陈"*1_000_000,STR[0][1]]]), None),
]
for name, fn, data, want3 in CASES:
    d=case_dir(f"h2_{name}"); open(f"{d}/kin/k.csv","w").write(KIN)
    open(f"{d}/rolls/县民政局_好.xlsx","wb").write(good); open(f"{d}/rolls/县民政局_{fn}","wb").write(data)
    try:
        p=subprocess.run(["bash","-c",f"ulimit -v 3000000; exec {KM} run --kin {d}/kin --rolls {d}/rolls --out {d}/out --no-workbooks --run-date 2024-11-05"],capture_output=True,text=True,timeout=60)
        hits=out_hits(d); code=p.returncode
    except subprocess.TimeoutExpired:
        hits=[]; code="timeout"
    good_hits=sum(1 for h in hits if h["roll_file"].endswith("好.xlsx"))
    ok = good_hits==4 and code in (0,3) and (want3 is None or (code==3)==want3)
    print(("OK  " if ok else "BAD ")+f"{name:10} exit={code} good_hits={good_hits} "+(p.stdout.strip().splitlines()[-1][:120] if code!="timeout" and p.stdout.strip() else ""))
    if not ok and "-v" in sys.argv and code!="timeout": print(p.stdout[-1200:], p.stderr[-800:])
