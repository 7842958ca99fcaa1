#!/usr/bin/env python3
"""Score kinmatch's 经商办企业 findings against a county from
`make_county.py --registry`.

KINMATCH=target/release/kinmatch python3 evaluate_enterprise.py OUT

Runs `kinmatch run --kin OUT/registers --rolls OUT/rolls --registry OUT/registry
--declarations OUT/declarations --out OUT/result_e --no-workbooks` and prints
recall (confirmed+probable, any tier), precision, the relation, the 申报 status
and the relevance flags against OUT/truth_enterprise.csv.
"""
import csv, os, subprocess, sys

REL = {"spouse": "spouse", "child": "child", "child_spouse": "child_in_law", "self": "self"}


def main():
    out = sys.argv[1]
    km = os.environ.get("KINMATCH", "target/release/kinmatch")
    res = f"{out}/result_e"
    p = subprocess.run([km, "run", "--kin", f"{out}/registers", "--rolls", f"{out}/rolls", "--registry", f"{out}/registry",
                        "--declarations", f"{out}/declarations", "--out", res, "--no-workbooks", "--run-date", "2024-11-01"],
                       capture_output=True, text=True)
    print("kinmatch exit code:", p.returncode)
    print("\n".join("  " + l for l in p.stderr.splitlines() if "经商办企业" in l or "企业登记" in l))
    truth = list(csv.DictReader(open(f"{out}/truth_enterprise.csv", encoding="utf-8")))
    found = list(csv.DictReader(open(f"{res}/enterprise_findings.csv", encoding="utf-8-sig")))
    key = lambda f, s, r, rel: (f, s, str(r), rel)
    tk = {key(t["registry_file"], t["registry_sheet"], t["registry_row"], t["relative"]): t for t in truth}
    fk = {}
    for f in found:
        fk.setdefault(key(f["registry_file"], f["registry_sheet"], f["registry_row"], f["relative_name"]), f)
    strong = {k: f for k, f in fk.items() if f["tier"] in ("confirmed", "probable")}
    rec_s = sum(1 for k in tk if k in strong)
    rec_a = sum(1 for k in tk if k in fk)
    print(f"truth findings: {len(tk)}  findings rows: {len(found)}")
    print(f"recall confirmed+probable: {rec_s}/{len(tk)} = {rec_s / max(1, len(tk)):.3f}")
    print(f"recall any tier:           {rec_a}/{len(tk)} = {rec_a / max(1, len(tk)):.3f}")
    for tier in ("confirmed", "probable", "possible"):
        fs = [k for k, f in fk.items() if f["tier"] == tier]
        ok = sum(1 for k in fs if k in tk)
        print(f"precision {tier:10} {ok}/{len(fs)} = {ok / max(1, len(fs)):.3f}")
    ok = sum(1 for k in strong if k in tk)
    print(f"precision confirmed+probable {ok}/{len(strong)} = {ok / max(1, len(strong)):.3f}")
    both = [(tk[k], fk[k]) for k in tk if k in fk]
    rel_ok = sum(1 for t, f in both if REL[t["relation"]] == f["relation"])
    dec_ok = sum(1 for t, f in both if t["declared"] == f["declared"])
    jur_ok = sum(1 for t, f in both if (t["in_jur"] == "1") == ("jurisdiction" in f["relevance"]))
    line_ok = sum(1 for t, f in both if (t["line"] == "1") == ("line_of_work" in f["relevance"]))
    n = max(1, len(both))
    print(f"relation right {rel_ok}/{len(both)} = {rel_ok / n:.3f}; 申报 status right {dec_ok}/{len(both)} = {dec_ok / n:.3f}")
    print(f"in jurisdiction right {jur_ok}/{len(both)} = {jur_ok / n:.3f}; line of work right {line_ok}/{len(both)} = {line_ok / n:.3f}")
    missed = [t for k, t in tk.items() if k not in fk]
    if missed:
        print("missed (first 10):")
        for t in missed[:10]:
            print("  ", t)
    wrong = [f for k, f in fk.items() if k not in tk]
    if wrong:
        print("findings not in the truth (first 10):")
        for f in wrong[:10]:
            print("  ", f["tier"], f["registry_file"], f["registry_row"], f["relative_name"], f["relation"], f["evidence"])
    bad_rel = [(t, f) for t, f in both if REL[t["relation"]] != f["relation"]][:5]
    for t, f in bad_rel:
        print("  relation:", t["relation"], "->", f["relation"], t["relative"], f["cadre_name"])
    if os.path.exists(f"{res}/enterprise_declared_not_found.csv"):
        nf = list(csv.DictReader(open(f"{res}/enterprise_declared_not_found.csv", encoding="utf-8-sig")))
        print(f"declared but not in the registry: {len(nf)} (2 planted)")


if __name__ == "__main__":
    main()
