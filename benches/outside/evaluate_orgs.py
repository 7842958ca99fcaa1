#!/usr/bin/env python3
"""Score kinmatch's 社团兼职 findings against a county from `make_county.py --orgs`.

KINMATCH=target/release/kinmatch python3 evaluate_orgs.py OUT
"""
import csv, os, subprocess, sys


def main():
    out = sys.argv[1]
    km = os.environ.get("KINMATCH", "target/release/kinmatch")
    res = f"{out}/result_o"
    p = subprocess.run([km, "run", "--kin", f"{out}/registers", "--rolls", f"{out}/rolls", "--orgs", f"{out}/orgs",
                        "--retired", f"{out}/retired", "--out", res, "--no-workbooks", "--run-date", "2024-11-01"],
                       capture_output=True, text=True)
    print("kinmatch exit code:", p.returncode)
    print("\n".join("  " + l for l in p.stderr.splitlines() if "社团" in l or "社会组织" in l or "退休" in l))
    truth = {(t["orgs_file"], t["orgs_sheet"], t["orgs_row"], t["cadre"]): t for t in csv.DictReader(open(f"{out}/truth_orgs.csv", encoding="utf-8"))}
    found = {}
    for f in csv.DictReader(open(f"{res}/association_findings.csv", encoding="utf-8-sig")):
        found.setdefault((f["orgs_file"], f["orgs_sheet"], f["orgs_row"], f["cadre_name"]), f)
    strong = {k for k, f in found.items() if f["tier"] in ("confirmed", "probable")}
    hit = [k for k in truth if k in found]
    print(f"truth findings {len(truth)}, findings {len(found)}")
    print(f"recall confirmed+probable {sum(1 for k in truth if k in strong)}/{len(truth)} = {sum(1 for k in truth if k in strong) / max(1, len(truth)):.3f}")
    print(f"recall any tier {len(hit)}/{len(truth)} = {len(hit) / max(1, len(truth)):.3f}")
    ok = sum(1 for k in strong if k in truth)
    print(f"precision confirmed+probable {ok}/{len(strong)} = {ok / max(1, len(strong)):.3f}")
    rules_ok = sum(1 for k in hit if set(truth[k]["rules"].split(";")) == set(found[k]["rules"].split(";")))
    print(f"rules right {rules_ok}/{len(hit)} = {rules_ok / max(1, len(hit)):.3f}")
    for k in [k for k in hit if set(truth[k]["rules"].split(";")) != set(found[k]["rules"].split(";"))][:8]:
        print("  rules:", k, "truth", truth[k]["rules"], "got", found[k]["rules"], "age", found[k]["age"])
    for k in [k for k in truth if k not in found][:8]:
        print("  missed:", truth[k])
    for k in [k for k in found if k not in truth][:8]:
        print("  not in truth:", k, found[k]["tier"], found[k]["rules"], found[k]["evidence"])


if __name__ == "__main__":
    main()
