#!/usr/bin/env python3
"""Run kinmatch on a generated county and score hits.csv against truth.csv.

python3 evaluate.py OUT            # runs kinmatch, then scores
python3 evaluate.py OUT --no-run   # scores an existing OUT/result
"""
import os
import argparse, csv, json, os, re, subprocess, sys
from collections import Counter, defaultdict

KM = os.environ.get("KINMATCH", "kinmatch")
TIERS = ["confirmed", "probable", "possible"]


def nm(s):
    return re.sub(r"\s+", "", s or "")


def key(d):
    return (os.path.basename(d["roll_file"]), d["roll_sheet"] or "", int(d["roll_row"]), nm(d["cadre_name"]), nm(d["relative_name"]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?", default="OUT")
    ap.add_argument("--no-run", action="store_true")
    a = ap.parse_args()
    res = f"{a.out}/result"
    rc = None
    if not a.no_run:
        if not os.path.exists(KM):
            sys.exit(f"binary missing: {KM}")
        p = subprocess.run([KM, "run", "--kin", f"{a.out}/registers", "--rolls", f"{a.out}/rolls", "--out", res, "--no-workbooks"],
                           capture_output=True, text=True)
        rc = p.returncode
        print(f"kinmatch exit code: {rc}")
        if p.stderr.strip():
            print("stderr:\n  " + p.stderr.strip().replace("\n", "\n  "))
        print("stdout:\n  " + p.stdout.strip().replace("\n", "\n  "))
    truth = list(csv.DictReader(open(f"{a.out}/truth.csv", encoding="utf-8")))
    hits = list(csv.DictReader(open(f"{res}/hits.csv", encoding="utf-8-sig")))
    tkeys = {key(t): t for t in truth}
    # best tier per hit key
    best = {}
    for h in hits:
        k = key(h)
        if k not in best or TIERS.index(h["tier"]) < TIERS.index(best[k]["tier"]):
            best[k] = h
    n = len(tkeys)
    found_cp = [k for k in tkeys if k in best and best[k]["tier"] in ("confirmed", "probable")]
    found_any = [k for k in tkeys if k in best]
    print(f"\ntruth pairs: {n}   hits rows: {len(hits)}   distinct hit keys: {len(best)}")
    print(f"recall confirmed+probable: {len(found_cp)}/{n} = {len(found_cp)/n:.3f}")
    print(f"recall any tier:           {len(found_any)}/{n} = {len(found_any)/n:.3f}")

    def prec(tiers):
        ks = [k for k, h in best.items() if h["tier"] in tiers]
        tp = sum(1 for k in ks if k in tkeys)
        return tp, len(ks)
    for lab, ts in [("confirmed", {"confirmed"}), ("probable", {"probable"}), ("confirmed+probable", {"confirmed", "probable"}),
                    ("possible", {"possible"})]:
        tp, m = prec(ts)
        print(f"precision {lab:19s} {tp}/{m} = {tp/m:.3f}" if m else f"precision {lab:19s} n/a (0 hits)")
    ok = sum(1 for k in found_any if best[k]["relevance"] == tkeys[k]["expected_relevance"])
    print(f"relevance accuracy (found true pairs): {ok}/{len(found_any)} = {ok/max(1,len(found_any)):.3f}")
    conf = Counter((tkeys[k]["expected_relevance"], best[k]["relevance"]) for k in found_any)
    print("  relevance expected->got: " + ", ".join(f"{e}->{g}:{c}" for (e, g), c in sorted(conf.items())))

    m = json.load(open(f"{res}/manifest.json", encoding="utf-8"))
    inp = m.get("inputs", {})
    print(f"\nexit code: {rc if rc is not None else '(not run)'}")
    print("manifest inputs.problems: " + json.dumps(inp.get("problems"), ensure_ascii=False))
    for side in ("kin", "rolls"):
        for f in inp.get(side, []):
            for s in f.get("sheets", []) or []:
                if s.get("problem") or s.get("error") or s.get("unusable"):
                    print(f"  {side} {f['file']} · {s.get('sheet')}: problem={s.get('problem')} error={s.get('error')} unusable={s.get('unusable')}")
            if f.get("error"):
                print(f"  {side} {f['file']}: error={f['error']}")

    print("\nroll column roles as read (name/id roles only):")
    for f in inp.get("rolls", []):
        for s in f.get("sheets", []) or []:
            cols = [f"{c['header']}={c['role']}" for c in s.get("columns", []) if c["role"].startswith(("name", "id"))]
            print(f"  {f['file']}·{s.get('sheet')} unit={f.get('unit')}({f.get('unit_source')}) hdr_row={s.get('header_row')}: " + "; ".join(cols))
    # per file
    print("\nper roll file: truth / found c+p / found any / relevance ok")
    byf = defaultdict(list)
    for k, t in tkeys.items():
        byf[k[0]].append(k)
    for f, ks in sorted(byf.items()):
        cp = sum(1 for k in ks if k in best and best[k]["tier"] != "possible")
        an = sum(1 for k in ks if k in best)
        rv = sum(1 for k in ks if k in best and best[k]["relevance"] == tkeys[k]["expected_relevance"])
        print(f"  {f:28s} {len(ks):4d} {cp:4d} {an:4d} {rv:4d}   [{tkeys[ks[0]]['layout']}]")
    print("\nrecall (any tier) by id_noise / name_noise / slot:")
    for col in ("id_noise", "name_noise", "slot", "reg_id_missing", "kin_file", "relation"):
        c = Counter(t[col] for t in tkeys.values()); f_ = Counter(tkeys[k][col] for k in found_any)
        print(f"  {col}: " + ", ".join(f"{v}={f_[v]}/{c[v]}" for v in sorted(c)))

    missed = [t for k, t in tkeys.items() if k not in best]
    print("\nmissed by cause-ish (reg_id_missing, id_noise, slot): " + ", ".join(
        f"{a}/{b}/{c}={n}" for (a, b, c), n in Counter((t.get("reg_id_missing"), t["id_noise"], t["slot"]) for t in missed).most_common()))
    show = int(os.environ.get("SHOW_MISSED", "15"))
    print(f"\nmissed true pairs ({len(missed)}), first {show}:")
    for t in missed[:show]:
        print(f"  {t['roll_file']}·{t['roll_sheet']}·r{t['roll_row']} roll_name={t['roll_name']} rel={t['relative_name']}({t['relation']}) "
              f"cadre={t['cadre_name']} regid_missing={t.get('reg_id_missing')} slot={t['slot']} id={t['id_noise']} name={t['name_noise']} | {t['layout']}")
    print("  missed by file: " + ", ".join(f"{f}={c}" for f, c in Counter(t["roll_file"] for t in missed).most_common()))
    wrong_rel = [k for k in found_any if best[k]["relevance"] != tkeys[k]["expected_relevance"]]
    print(f"\nrelevance mismatches ({len(wrong_rel)}) by file/expected->got: " + ", ".join(
        f"{f}:{x}->{y}={c}" for (f, x, y), c in Counter((k[0], tkeys[k]["expected_relevance"], best[k]["relevance"]) for k in wrong_rel).most_common()))
    print("  first 8:")
    for k in wrong_rel[:8]:
        h = best[k]
        print(f"  {k[0]}·r{k[2]} cadre={h['cadre_name']} cadre_unit={h['cadre_unit']} approving={h['approving_unit']} "
              f"township={h['township']} expected={tkeys[k]['expected_relevance']} got={h['relevance']}")
    dec = set()
    if os.path.exists(f"{a.out}/decoys.csv"):
        dec = {(d["roll_file"], d["roll_sheet"], int(d["roll_row"])) for d in csv.DictReader(open(f"{a.out}/decoys.csv", encoding="utf-8"))}
    fp = [h for k, h in best.items() if k not in tkeys and h["tier"] in ("confirmed", "probable")]
    print(f"\nfalse confirmed/probable hits ({len(fp)}), first 10:")
    for h in fp[:10]:
        d = " [planted decoy]" if (os.path.basename(h["roll_file"]), h["roll_sheet"], int(h["roll_row"])) in dec else ""
        print(f"  {h['tier']} {h['roll_file']}·{h['roll_sheet']}·r{h['roll_row']} {h['roll_role']} {h['roll_name']} {h['roll_id']} "
              f"~ {h['relative_name']} {h['relative_id']} ({h['relation']} of {h['cadre_name']}) {h['evidence']}{d}")


if __name__ == "__main__":
    main()
