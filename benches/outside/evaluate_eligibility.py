#!/usr/bin/env python3
"""Score a run's eligibility_*.csv against make_eligibility.py's truth: per rule
family, recall on the findings that must be found and precision; every trap
(a death after the period, an exempt vehicle, a non-excluded program or
category, another period) found is a false finding and is listed.

    python3 benches/outside/evaluate_eligibility.py /tmp/el   # runs kinmatch ($KINMATCH) into /tmp/el/out
    MIXED=1 python3 benches/outside/evaluate_eligibility.py /tmp/el   # the registers among the rolls, no options
"""
import csv, os, subprocess, sys
from collections import defaultdict

d = sys.argv[1]
km = os.environ.get("KINMATCH", "kinmatch")
out = os.path.join(d, "out")
cmd = [km, "run", "--kin", f"{d}/registers", "--rolls", f"{d}/rolls", "--out", out, "--run-date", "2024-11-05",
       "--deaths", f"{d}/deaths", "--payroll", f"{d}/payroll", "--vehicles", f"{d}/vehicles",
       "--registry", f"{d}/registry", "--business-owners", "--double-claims", "--no-workbooks"]
if os.environ.get("MIXED"):
    # Every exclusion register put among the rolls, no option naming them:
    # kinmatch must recognise each by its columns.
    import shutil
    mixed = os.path.join(d, "mixed")
    shutil.rmtree(mixed, ignore_errors=True)
    shutil.copytree(os.path.join(d, "rolls"), mixed)
    for side in ["deaths", "payroll", "vehicles", "registry"]:
        for f in os.listdir(os.path.join(d, side)):
            shutil.copy(os.path.join(d, side, f), os.path.join(mixed, f))
    cmd = [km, "run", "--kin", f"{d}/registers", "--rolls", mixed, "--out", out, "--run-date", "2024-11-05",
           "--business-owners", "--double-claims", "--no-workbooks"]
p = subprocess.run(cmd, capture_output=True, text=True)
print("kinmatch exit code:", p.returncode)
print("\n".join("  " + l for l in p.stderr.splitlines()))

def key(fam, rule, f, sh, r, of="", osh="", orow=""):
    a = (f, sh, str(r))
    b = (of, osh, str(orow))
    if fam == "double_claims":
        a, b = sorted([a, b])
        return (fam, rule, a, b)
    return (fam, rule, a)

must, traps = set(), set()
for t in csv.DictReader(open(os.path.join(d, "truth.csv"), encoding="utf-8")):
    k = key(t["family"], t["rule"], t["roll_file"], t["roll_sheet"], t["roll_row"], t["other_file"], t["other_sheet"], t["other_row"])
    (must if t["kind"] == "must" else traps).add(k)
traps -= must

found = set()
for fam in ["deaths", "payroll", "vehicles", "business", "double_claims"]:
    path = os.path.join(out, f"eligibility_{fam}.csv")
    if not os.path.exists(path):
        print(f"{fam}: no findings file")
        continue
    for r in csv.DictReader(open(path, encoding="utf-8-sig")):
        found.add(key(fam, r["rule"], r["roll_file"], r["roll_sheet"], r["roll_row"], r["other_file"], r["other_sheet"], r["other_row"]))

for fam in ["deaths", "payroll", "vehicles", "business", "double_claims"]:
    m = {k for k in must if k[0] == fam}
    f = {k for k in found if k[0] == fam}
    tp = len(m & f)
    prec = tp / len(f) if f else float("nan")
    rec = tp / len(m) if m else float("nan")
    trap_hits = f & traps
    print(f"{fam:14s} must {len(m):3d} found {len(f):3d} true {tp:3d}  recall {rec:.3f}  precision {prec:.3f}  traps found {len(trap_hits)}")
    for k in sorted(m - f)[:5]:
        print("    missed:", k)
    for k in sorted(f - m)[:5]:
        print("    false: ", k, "(trap)" if k in traps else "")
