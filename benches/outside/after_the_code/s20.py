# Session 12, third round written after the code: what departments send besides workbooks —
# a WPS .et file, an upper-case .XLSX, a zip of workbooks, a Word table, a PDF — and a roll
# whose header sits under eighteen lines of 填表说明. A file that cannot be read must say so
# (exit 3); one that can must give its four hits.
import sys, os, io, zipfile, openpyxl
sys.path.insert(0, os.path.dirname(__file__))
from common import *
rows=[(n,i) for n,i,_,_ in R]
def book(notes=0):
    wb=openpyxl.Workbook(); ws=wb.active
    for k in range(notes): ws.append([f"填表说明{k+1}：请如实填写，身份证号必须为18位，金额以元为单位。"])
    ws.append(["序号","姓名","身份证号码","金额"])
    for k,(n,i) in enumerate(rows): ws.append([k+1,n,i,300])
    b=io.BytesIO(); wb.save(b); return b.getvalue()
def case(name, files, expect, want_exit):
    d=case_dir(f"s20_{name}"); open(f"{d}/kin/k.csv","w").write(KIN)
    for fn,data in files: open(f"{d}/rolls/{fn}","wb").write(data)
    p=run(d); hits=out_hits(d)
    ok=len(hits)==expect and p.returncode==want_exit
    report("roll", name, d, p, hits, expect, ok)
    if not ok: print("   ", p.stdout.strip().splitlines()[-3:] if p.stdout.strip() else p.stderr[-300:])
case("WPS表格et", [("县民政局_临时救助.et", book())], 4, 0)
case("大写扩展名", [("县民政局_临时救助.XLSX", book())], 4, 0)
z=io.BytesIO(); zf=zipfile.ZipFile(z,"w"); zf.writestr("县民政局_临时救助.xlsx", book()); zf.close()
case("压缩包", [("民政局报送材料.zip", z.getvalue()), ("县民政局_低保.xlsx", book())], 4, 3)
case("Word表格", [("县民政局_临时救助名单.docx", b"PK\x03\x04fake-docx"), ("县民政局_低保.xlsx", book())], 4, 3)
case("PDF", [("县民政局_临时救助公示.pdf", b"%PDF-1.4\n%fake"), ("县民政局_低保.xlsx", book())], 4, 3)
case("说明十八行", [("县民政局_临时救助.xlsx", book(notes=18))], 4, 0)
