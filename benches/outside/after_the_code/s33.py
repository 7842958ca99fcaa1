# Session 33, written by an outside tester who had not read the reader: layouts none of probe.py,
# s10–s32 tried.
# Registers (each relative tied to the right cadre and relation): officials on a 干部基本信息 sheet and
# relatives on a 家庭成员信息 sheet tied only by 人员编码 (GB0012 …), one relative's code matching no
# official (must be loud); one row per official with 家庭成员（关系） 李芳（妻子）、赵一鸣（儿子） in one
# cell and their IDs one a line in another cell, same order; a protected sheet whose visible
# 亲属身份证号（脱敏） is masked and whose full IDs sit in hidden columns; a printed register of 50
# rows a page (title, header and 第 N 页 共 M 页 repeated), the official written once per block and a
# block running over the page break; elderly parents with 15-digit IDs beside 18-digit ones; the
# official's own row called 户主 (工作单位 / 职务 only on it); a 户口簿-style block (与户主关系, the
# official marked 是否干部本人 = 是, the official not the head: her husband is 户主, her son 子); a
# 填表说明 merged over A2:G11 with the header on row 12; 本人 rows beside a 是否本人 column (是 / 否).
# Rolls (every beneficiary read with the right name, ID, amount): a 低保 roll one row per member
# (户主姓名 repeated, 保障对象姓名 | 与户主关系, amount on the head's row only); a 学生资助 roll keyed
# by 全国学籍号 (G + ID) whose only ID column is the 监护人's; a 公益性岗位 roll named for the 人社局 with a
# 用人单位 column of townships and bureaus (the approving unit is the 人社局); a unit's 工资发放表 put
# among the rolls (not a benefit: no hit from it); amounts 壹仟贰佰元整 / 1.2万 / 1,200.00元 /
# 0.15万元 in one column; a table starting at F5; the persons on a hidden 明细 sheet behind a visible
# 汇总; a veryHidden 字典 sheet of dropdown values beside the roll; a village clerk's roll with the
# village only in its title and a 组别 column (3组), a relative without ID found by name + village;
# a tab-separated GBK text saved as .xls.
# Relevance: 县农业农村局（县乡村振兴局） against a 县乡村振兴局 roll and 县乡村振兴局 against a
# 县农业农村局（乡村振兴局） roll (same_unit); 城关镇人民政府 against a roll in 城关街道 (other) beside
# 城关街道办事处 (same_township).
# Loud (read right, or exit 3 naming the file; never exit 0 short of a person): a CSV whose lines
# use different delimiters (, / tab / ， / ;); a transposed roll (姓名 | 身份证号码 | 金额 as row labels,
# persons across); a CSV concatenated from a UTF-8 and a GBK export; a roll pasted from a chat into
# column A (1 李芳 4329… 450元 one line a cell).
import sys, os, re, csv, io, shutil, subprocess, openpyxl
sys.path.insert(0, os.path.dirname(__file__))
from common import chk, KM, out_hits, case_dir
V = "-v" in sys.argv
RUN_DATE = "2024-11-05"
RESULTS = []

def pid(birth, seq):
    return chk("432921" + birth + seq)

ID = {
    "赵志刚": pid("19750101", "111"), "钱秀梅": pid("19750201", "122"), "孙国强": pid("19750301", "131"),
    "李芳": pid("19760512", "102"), "周建华": pid("19760623", "111"), "赵一鸣": pid("20010311", "131"),
    "孙长林": pid("19500322", "151"), "刘桂兰": pid("19530809", "148"), "赵德明": pid("19480303", "117"),
    "吴国华": pid("19780915", "133"), "黄小梅": pid("19800412", "126"), "吴天宇": pid("20050620", "153"),
    "周小兵": pid("20020909", "173"), "赵明": pid("19480707", "115"),
}
STR = [("陈" + x, chk(f"432921196001{k+11:02d}211")) for k, x in enumerate("一二三四五六")]
ID.update(dict(STR))
S = [n for n, _ in STR]

def id15(i18):
    return i18[:6] + i18[8:17]

def sh(d, args=()):
    return subprocess.run([KM, "run", "--kin", f"{d}/kin", "--rolls", f"{d}/rolls", "--out", f"{d}/out",
                           "--no-workbooks", "--run-date", RUN_DATE] + list(args), capture_output=True, text=True)

def verdict(kind, name, ps, summary, why, inspect_paths):
    ok = not why
    RESULTS.append((kind, name, ok))
    print(("OK  " if ok else "BAD ") + f"{kind} {name:16} exit={','.join(str(p.returncode) for p in ps)} {summary}")
    if why and (not ok or V): print("     " + "; ".join(why))
    if not ok and V:
        for p in ps: print(p.stdout[-2500:], p.stderr[-1500:])
        for ip, k in inspect_paths:
            print(subprocess.run([KM, "inspect", ip] + (["--kind", k] if k else []), capture_output=True, text=True).stdout[:4000])

def good(v, c):
    return c(v) if callable(c) else (v in c if isinstance(c, tuple) else v == c)

def judge(kind, name, d, ps, hits, want, optional=(), allow=(), exit_ok=(0,), extra=(), inspect=None, times=(1,)):
    # want: {(roll_name, cadre_name): {field: check}}: each pair hit once (or a count in times), tier
    # confirmed and relative_id / roll_id the person's ID unless the checks say otherwise. optional:
    # roll names that may be hit but never confirmed; allow: pairs that may be hit in any way.
    why = list(extra)
    nm = lambda h: re.sub(r"\s", "", h["roll_name"])
    keys = [(nm(h), h["cadre_name"]) for h in hits]
    for k in want:
        if keys.count(k) not in times: why.append(f"{k[0]}→{k[1]} hit {keys.count(k)} times")
    for h in hits:
        k = (nm(h), h["cadre_name"])
        if k in allow: continue
        if k[0] in optional:
            if h["tier"] == "confirmed": why.append(f"{k[0]} confirmed (roll_id {h['roll_id']}, relative_id {h['relative_id']})")
            continue
        if k not in want:
            why.append(f"unexpected hit {k[0]!r}→{k[1]!r} ({h['relative_name']}, {h['relation']}, {h['tier']}, roll_id {h['roll_id']}, file {h['roll_file']})"); continue
        checks = dict({"tier": "confirmed", "relative_id": ID.get(k[0], ""), "roll_id": ID.get(k[0], "")}, **want[k])
        for f, c in checks.items():
            if not good(h[f], c): why.append(f"{k[0]}→{k[1]}: {f}={h[f]!r}")
    ids = [h["hit_id"] for h in hits]
    for i in sorted(set(ids)):
        if ids.count(i) > 1: why.append(f"hit_id {i} on {ids.count(i)} rows")
    for p in ps:
        if p.returncode not in exit_ok: why.append(f"exit {p.returncode}")
    summ = ",".join(f"{h['roll_name']}/{h['tier']}/{h['cadre_name']}/{h['relation']}({h['relation_term']})/{h['relevance']}" for h in hits).replace("\n", "⏎")
    verdict(kind, name, ps, summ, why, inspect or [])

def W(rel, **more):
    w = {"relation": rel}; w.update(more); return w

def cs(s): return lambda v: s in v
def amt(x): return lambda v: v != "" and abs(float(v) - x) < 0.005

def mzroll(d, names, town="白沙乡", village="石桥村"):
    rows = [(n, ID[n]) for n in names] + STR[:2]
    open(f"{d}/rolls/县民政局_农村低保_2024年10月.csv", "w").write(
        "乡镇,村,户主姓名,身份证号码,保障金额\n" + "".join(f"{town},{village},{n},{i},450\n" for n, i in rows))

def reg_run(name, d, want, **kw):
    p = sh(d); judge("reg ", name, d, [p], out_hits(d), want, inspect=[(f"{d}/kin", "register")], **kw)

FAM = {"赵志刚": [("妻子", "李芳"), ("儿子", "赵一鸣")], "钱秀梅": [("丈夫", "周建华")], "孙国强": [("父亲", "孙长林"), ("母亲", "刘桂兰")]}
UNIT = {"赵志刚": "县民政局", "钱秀梅": "白沙乡人民政府", "孙国强": "县教育局"}
POST = {"赵志刚": "科员", "钱秀梅": "副乡长", "孙国强": "股长"}
STD5 = {("李芳", "赵志刚"): W("spouse", relevance="same_unit"), ("赵一鸣", "赵志刚"): W("child", relevance="same_unit"),
        ("周建华", "钱秀梅"): W("spouse", relevance="same_township"),
        ("孙长林", "孙国强"): W("parent", relevance="other"), ("刘桂兰", "孙国强"): W("parent", relevance="other")}
ALL5 = ["李芳", "赵一鸣", "周建华", "孙长林", "刘桂兰"]

# ================================================================== registers
# G1 officials and relatives on two sheets tied by 人员编码 alone. 干部基本信息: 人员编码 | 姓名 | 性别 |
# 公民身份号码 | 工作单位 | 现任职务; 家庭成员信息: 人员编码 | 称谓 | 姓名 | 公民身份号码 | 工作单位及职务 (no
# official's name). One relative (吴天宇) carries GB0031, which no official has: that row must be
# reported (exit 3), the rest read.
d = case_dir("s33r_人员编码两表")
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "干部基本信息"
ws.append(["人员编码", "姓名", "性别", "公民身份号码", "工作单位", "现任职务"])
CODE = {"赵志刚": "GB0012", "钱秀梅": "GB0013", "孙国强": "GB0027"}
for c in FAM: ws.append([CODE[c], c, "男" if c != "钱秀梅" else "女", ID[c], UNIT[c], POST[c]])
s2 = wb.create_sheet("家庭成员信息")
s2.append(["人员编码", "称谓", "姓名", "公民身份号码", "工作单位及职务"])
for c, fam in FAM.items():
    for r, n in fam: s2.append([CODE[c], r, n, ID[n], "白沙乡石桥村务农"])
s2.append(["GB0031", "儿子", "吴天宇", ID["吴天宇"], "学生"])
wb.save(f"{d}/kin/县直单位干部家庭成员信息.xlsx")
mzroll(d, ALL5 + ["吴天宇"])
reg_run("人员编码两表", d, STD5, exit_ok=(3,))

# G2 one row per official: 家庭成员姓名（关系） holds 李芳（妻子）、赵一鸣（儿子）; 家庭成员身份证号码 holds
# their IDs one a line (Alt+Enter), in the same order.
d = case_dir("s33r_一格多人证号另格")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["序号", "姓名", "身份证号码", "工作单位", "职务", "家庭成员姓名（关系）", "家庭成员身份证号码"])
for k, (c, fam) in enumerate(FAM.items()):
    ws.append([k + 1, c, ID[c], UNIT[c], POST[c], "、".join(f"{n}（{r}）" for r, n in fam), "\n".join(ID[n] for r, n in fam)])
wb.save(f"{d}/kin/干部家庭成员登记.xlsx")
mzroll(d, ALL5)
reg_run("一格多人证号另格", d, STD5)

# G3 a protected sheet: 亲属身份证号（脱敏） visible (4329**********102X), the full 亲属身份证号 and
# 干部身份证号 in hidden columns.
d = case_dir("s33r_保护隐藏列")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["序号", "干部姓名", "工作单位", "职务", "称谓", "亲属姓名", "亲属身份证号（脱敏）", "亲属身份证号", "干部身份证号"])
k = 0
for c, fam in FAM.items():
    for r, n in fam:
        k += 1; ws.append([k, c, UNIT[c], POST[c], r, n, ID[n][:4] + "*" * 10 + ID[n][14:], ID[n], ID[c]])
for col in "HI": ws.column_dimensions[col].hidden = True
ws.protection.sheet = True; ws.protection.password = "1234"
wb.save(f"{d}/kin/县直干部亲属登记表.xlsx")
mzroll(d, ALL5)
reg_run("保护隐藏列", d, STD5)

# G4 a printed register: title, header, 50 data rows, 第 N 页 共 M 页, then title and header again.
# The official is written on the first row of his block only; 赵志刚's block starts on page 1's last
# row (李芳) and goes on after the repeated header (赵一鸣); 孙国强's likewise over pages 2–3.
d = case_dir("s33r_分页表头跨页块")
SUR = "王刘杨黄吴徐朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIV = ["建军", "国平", "海燕", "红英", "志强", "春梅", "德华", "小军", "永红", "桂香"]
blocks = []
fill = iter(range(1000))
def filler_block(nrel):
    # filler officials of 县财政局, unique names (surname by k), wife and son with unique names
    k = next(fill); c = SUR[k] + GIV[k % len(GIV)]
    cid = pid(f"1970{(k % 12) + 1:02d}{(k % 27) + 1:02d}", f"{(k * 7) % 900 + 100:03d}")
    rels = [("妻子" if j == 0 else "儿子", (SUR[(k + 40) % len(SUR)] if j == 0 else SUR[k]) + ("秀" if j == 0 else "天") + "春夏秋冬梅兰竹菊松柏"[k % 10] + "一二三四五六七八九十"[k // 10 % 10],
             pid(f"{1972 if j == 0 else 1998}{(k % 12) + 1:02d}{(k % 25) + 2:02d}", f"{(k * 11 + j) % 900 + 100:03d}")) for j in range(nrel)]
    return (c, cid, "县财政局", "科员", rels)
while sum(len(b[4]) for b in blocks) < 49: blocks.append(filler_block(1 if sum(len(b[4]) for b in blocks) == 48 else 2))
blocks.append(("赵志刚", ID["赵志刚"], UNIT["赵志刚"], POST["赵志刚"], [(r, n, ID[n]) for r, n in FAM["赵志刚"]]))
blocks.append(("钱秀梅", ID["钱秀梅"], UNIT["钱秀梅"], POST["钱秀梅"], [(r, n, ID[n]) for r, n in FAM["钱秀梅"]]))
while sum(len(b[4]) for b in blocks) < 99: blocks.append(filler_block(1 if sum(len(b[4]) for b in blocks) == 98 else 2))
blocks.append(("孙国强", ID["孙国强"], UNIT["孙国强"], POST["孙国强"], [(r, n, ID[n]) for r, n in FAM["孙国强"]]))
for _ in range(10): blocks.append(filler_block(2))
rows = []
for k, (c, cid, u, post, rels) in enumerate(blocks):
    for j, (r, n, i) in enumerate(rels):
        rows.append([k + 1, c, cid, u, post, r, n, i] if j == 0 else [None, None, None, None, None, r, n, i])
assert rows[49][6] == "李芳" and rows[50][6] == "赵一鸣" and rows[99][6] == "孙长林" and rows[100][6] == "刘桂兰", [r[6] for r in rows[48:52]]
wb = openpyxl.Workbook(); ws = wb.active
pages = (len(rows) + 49) // 50
HEAD = ["序号", "干部姓名", "干部身份证号", "工作单位", "职务", "称谓", "亲属姓名", "亲属身份证号"]
for p in range(pages):
    ws.append(["县直单位干部亲属信息登记表"]); ws.merge_cells(f"A{ws.max_row}:H{ws.max_row}")
    ws.append(HEAD)
    for r in rows[p * 50:(p + 1) * 50]: ws.append(r)
    ws.append([f"第 {p + 1} 页 共 {pages} 页"]); ws.merge_cells(f"A{ws.max_row}:H{ws.max_row}")
wb.save(f"{d}/kin/县直单位干部亲属信息登记表.xlsx")
mzroll(d, ALL5)
reg_run("分页表头跨页块", d, STD5)

# G5 elderly parents registered with their 15-digit first-generation IDs (孙长林 432921500322151),
# everyone else with 18 digits; the roll gives 18 digits.
d = case_dir("s33r_父母十五位")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["序号", "干部姓名", "干部身份证号", "工作单位", "称谓", "亲属姓名", "亲属身份证号"])
k = 0
for c, fam in FAM.items():
    for r, n in fam:
        k += 1; ws.append([k, c, ID[c], UNIT[c], r, n, id15(ID[n]) if r in ("父亲", "母亲") else ID[n]])
wb.save(f"{d}/kin/干部亲属登记.xlsx")
mzroll(d, ALL5)
w = dict(STD5)
for n in ("孙长林", "刘桂兰"): w[(n, "孙国强")] = W("parent", relevance="other", relative_id=(ID[n], id15(ID[n])))
reg_run("父母十五位", d, w)

# G6 the official's own row called 户主 (工作单位 and 职务 written on it only), relatives below it
# with 称谓 妻子 / 儿子 / 丈夫 / 父亲 / 母亲; 序号 per family.
d = case_dir("s33r_户主即干部")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["序号", "工作单位", "职务", "姓名", "称谓", "身份证号码", "备注"])
for k, (c, fam) in enumerate(FAM.items()):
    ws.append([k + 1, UNIT[c], POST[c], c, "户主", ID[c], None])
    for r, n in fam: ws.append([None, None, None, n, r, ID[n], None])
wb.save(f"{d}/kin/干部家庭成员情况.xlsx")
mzroll(d, ALL5)
reg_run("户主即干部", d, STD5)

# G7 a 户口簿-style register: 与户主关系 as in the household book, the official marked by
# 是否干部本人 = 是. 钱秀梅 is the 妻 of the head 周建华, their son 周小兵 is 子 (her son too).
d = case_dir("s33r_户口簿与户主关系")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["序号", "工作单位", "姓名", "与户主关系", "公民身份号码", "是否干部本人"])
ws.append([1, "县民政局", "赵志刚", "户主", ID["赵志刚"], "是"])
ws.append([None, None, "李芳", "妻", ID["李芳"], "否"])
ws.append([None, None, "赵一鸣", "子", ID["赵一鸣"], "否"])
ws.append([2, None, "周建华", "户主", ID["周建华"], "否"])
ws.append([None, "白沙乡人民政府", "钱秀梅", "妻", ID["钱秀梅"], "是"])
ws.append([None, None, "周小兵", "子", ID["周小兵"], "否"])
wb.save(f"{d}/kin/干部家庭户成员登记.xlsx")
mzroll(d, ["李芳", "赵一鸣", "周建华", "周小兵"])
reg_run("户口簿与户主关系", d, {("李芳", "赵志刚"): W("spouse"), ("赵一鸣", "赵志刚"): W("child"),
                             ("周建华", "钱秀梅"): W("spouse"), ("周小兵", "钱秀梅"): W("child")})

# G8 title on row 1, a 填表说明 of ten lines in one cell merged over A2:G11, the header on row 12.
d = case_dir("s33r_说明合并块")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["县直单位领导干部配偶、子女及父母信息登记表"]); ws.merge_cells("A1:G1")
ws.append(["填表说明：\n1. 本表由各单位组织人事部门统一填写；\n2. 亲属包括配偶、子女及其配偶、父母；\n3. 身份证号码须填写18位，末位X大写；"
           "\n4. 已故亲属也须填写，并在备注栏注明；\n5. 工作单位填写全称；\n6. 称谓填写妻子、丈夫、儿子、女儿、父亲、母亲等；"
           "\n7. 本表信息仅用于廉政风险防控比对；\n8. 请于2024年10月31日前报送县纪委监委第三室；\n9. 联系人：陈五，电话：0746-1234567。"])
ws.merge_cells("A2:G11")
ws.cell(12, 1).value = None
for j, h in enumerate(["序号", "干部姓名", "干部身份证号", "工作单位", "称谓", "亲属姓名", "亲属身份证号"]): ws.cell(12, j + 1, h)
k = 0
for c, fam in FAM.items():
    for r, n in fam:
        k += 1
        for j, v in enumerate([k, c, ID[c], UNIT[c], r, n, ID[n]]): ws.cell(12 + k, j + 1, v)
wb.save(f"{d}/kin/干部亲属信息登记表.xlsx")
mzroll(d, ALL5)
reg_run("说明合并块", d, STD5)

# G9 the official's own row 本人 in 称谓, and a flag column 是否本人 (是 on his row, 否 on the others), as
# a unit's form asks "是否本人" to make the official's row plain.
# Each unit sends its own file, one official in it (the small units' usual case).
d = case_dir("s33r_是否本人列")
for k, (c, fam) in enumerate(FAM.items()):
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["序号", "工作单位", "姓名", "称谓", "身份证号码", "是否本人"])
    ws.append([1, UNIT[c], c, "本人", ID[c], "是"])
    for r, n in fam: ws.append([None, None, n, r, ID[n], "否"])
    wb.save(f"{d}/kin/{UNIT[c]}干部家庭成员登记表.xlsx")
mzroll(d, ALL5)
reg_run("是否本人列", d, STD5)

# ================================================================== rolls
KINL = [("赵志刚", "县民政局", "妻子", "李芳"), ("钱秀梅", "白沙乡人民政府", "丈夫", "周建华"),
        ("赵志刚", "县民政局", "儿子", "赵一鸣"), ("孙国强", "县教育局", "父亲", "孙长林")]
def kin_csv(rows=KINL):
    return "干部姓名,干部身份证号,工作单位,亲属姓名,称谓,亲属身份证号\n" + "".join(f"{c},{ID[c]},{u},{n},{r},{ID[n]}\n" for c, u, r, n in rows)
STDW = {("李芳", "赵志刚"): {}, ("周建华", "钱秀梅"): {}, ("赵一鸣", "赵志刚"): {}, ("孙长林", "孙国强"): {}}
def mz(**kw):
    w = {k: dict(v) for k, v in STDW.items()}
    for k in [("李芳", "赵志刚"), ("赵一鸣", "赵志刚")]: w[k].update({"relevance": "same_unit"}, **kw)
    return w
P4 = ["李芳", S[0], "周建华", "赵一鸣", S[1], "孙长林"]

def roll_dir(name, kin=None):
    d = case_dir(f"s33_{name}"); open(f"{d}/kin/k.csv", "w").write(kin or kin_csv()); return d

def xlsx_roll(name, build, file, kin=None):
    d = roll_dir(name, kin)
    full = f"{d}/rolls/{file}"; os.makedirs(os.path.dirname(full), exist_ok=True)
    wb = openpyxl.Workbook(); build(wb.active, wb); wb.save(full)
    return d

def roll_run(name, d, want, **kw):
    p = sh(d); judge("roll", name, d, [p], out_hits(d), want, inspect=[(f"{d}/rolls", "roll")], **kw)

# R1 a 低保 roll one row per member, head first: 序号 | 乡镇 | 村 | 户主姓名 (repeated on every row) |
# 保障对象姓名 | 与户主关系 | 身份证号码 | 保障人数 | 月保障金额 (on the head's row only). Each relative
# hit once (the head's name in 户主姓名 on his wife's row is no second lead).
def r_members(ws, wb):
    ws.append(["序号", "乡镇", "村", "户主姓名", "保障对象姓名", "与户主关系", "身份证号码", "保障人数", "月保障金额"])
    fams = [(S[0], [(S[0], "户主"), ("李芳", "妻"), ("赵一鸣", "子")]), ("周建华", [("周建华", "户主"), (S[1], "妻")]),
            (S[2], [(S[2], "户主"), ("孙长林", "父")])]
    k = 0
    for head, mem in fams:
        for j, (n, r) in enumerate(mem):
            k += 1; ws.append([k, "白沙乡", "石桥村", head, n, r, ID[n], len(mem) if j == 0 else None, 450 * len(mem) if j == 0 else None])
d = xlsx_roll("每人一行户主重复", r_members, "县民政局_农村低保_2024年10月.xlsx")
roll_run("每人一行户主重复", d, mz())

# R2 a 学生资助 roll of the 学籍 system: 学校名称 | 年级 | 学生姓名 | 全国学籍号 (G + the student's ID) |
# 监护人姓名 | 与学生关系 | 监护人身份证号 | 资助项目 | 资助金额. The only ID column is the guardian's.
# 赵一鸣 and 周小兵 students, 李芳 and 周建华 guardians.
def r_xueji(ws, wb):
    ws.append(["序号", "学校名称", "年级", "学生姓名", "全国学籍号", "监护人姓名", "与学生关系", "监护人身份证号", "资助项目", "资助金额"])
    other = pid("20080415", "128"); other2 = pid("20090301", "146")
    for k, (st, sid, g, rel) in enumerate([("赵一鸣", ID["赵一鸣"], S[0], "父亲"), ("陈小二", other, "李芳", "母亲"),
                                           ("周小兵", ID["周小兵"], "周建华", "父亲"), ("陈小三", other2, S[1], "父亲")]):
        ws.append([k + 1, "示例县第一中学", "高二", st, "G" + sid, g, rel, ID[g], "国家助学金", 1000])
d = xlsx_roll("学籍号监护人证号", r_xueji, "县教育局_学生资助_2024年秋季.xlsx",
              kin=kin_csv(KINL + [("钱秀梅", "白沙乡人民政府", "儿子", "周小兵")]))
roll_run("学籍号监护人证号", d, {("赵一鸣", "赵志刚"): {"roll_role": cs("beneficiary")}, ("李芳", "赵志刚"): {"roll_role": cs("guardian")},
                            ("周小兵", "钱秀梅"): {"roll_role": cs("beneficiary")}, ("周建华", "钱秀梅"): {"roll_role": cs("guardian")}})

# R3 a 公益性岗位 roll named for the 人社局 (县人力资源和社会保障局_公益性岗位补贴_2024年10月.xlsx), no
# 审批单位 column, a 用人单位 column (白沙乡人民政府, 县民政局, 石桥村委会). The approving unit is the
# 人社局 (the file), not the 用人单位; 孙国强 (县人力资源和社会保障局) same_unit for his father.
def r_post(ws, wb):
    ws.append(["序号", "姓名", "性别", "身份证号码", "岗位名称", "用人单位", "上岗时间", "岗位补贴（元）", "社保补贴（元）"])
    for k, (n, u) in enumerate([("周建华", "白沙乡人民政府"), (S[0], "县民政局"), ("李芳", "县民政局"), ("孙长林", "石桥村委会"), (S[1], "白沙乡人民政府")]):
        ws.append([k + 1, n, "女" if int(ID[n][16]) % 2 == 0 else "男", ID[n], "保洁员", u, "2024-03-01", 1500, 620])
d = xlsx_roll("公益岗用人单位", r_post, "县人力资源和社会保障局_公益性岗位补贴_2024年10月.xlsx",
              kin=kin_csv([("赵志刚", "县民政局", "妻子", "李芳"), ("钱秀梅", "白沙乡人民政府", "丈夫", "周建华"),
                           ("孙国强", "县人力资源和社会保障局", "父亲", "孙长林")]))
pa = {"approving_unit": lambda v: "人力资源" in v or "人社" in v, "amount": amt(1500)}
roll_run("公益岗用人单位", d, {("李芳", "赵志刚"): dict(pa), ("周建华", "钱秀梅"): dict(pa),
                          ("孙长林", "孙国强"): dict(pa, relevance="same_unit")})

# R4 a unit's 工资发放表 put among the rolls (县民政局2024年10月工资发放表: 姓名 | 身份证号 | 职务 | 岗位工资 |
# 薪级工资 | 基础性绩效 | 应发合计 | 养老保险 | 医疗保险 | 住房公积金 | 个人所得税 | 实发合计). Salaries are no
# benefit: no hit from it (李芳 and 赵志刚 are on it). The 低保 CSV beside it gives its hits.
d = roll_dir("工资发放表混入")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["县民政局2024年10月工资发放表"]); ws.merge_cells("A1:M1")
ws.append(["序号", "姓名", "身份证号", "职务", "岗位工资", "薪级工资", "基础性绩效", "应发合计", "养老保险", "医疗保险", "住房公积金", "个人所得税", "实发合计"])
for k, n in enumerate(["赵志刚", "李芳", S[3], S[4]]): ws.append([k + 1, n, ID[n], "科员", 2360, 1280, 1900, 5540, 443.2, 110.8, 665, 12.3, 4308.7])
wb.save(f"{d}/rolls/县民政局_2024年10月工资发放表.xlsx")
mzroll(d, ["周建华", "孙长林"])
roll_run("工资发放表混入", d, {("周建华", "钱秀梅"): {}, ("孙长林", "孙国强"): {}}, exit_ok=(0, 3))

# R5 amounts written as 壹仟贰佰元整, 1.2万, 1,200.00元, 0.15万元 in one 救助金额 column.
d = roll_dir("金额大写万元")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["序号", "乡镇", "村", "救助对象", "身份证号码", "救助事由", "救助金额"])
AM = {"李芳": ("壹仟贰佰元整", 1200), "周建华": ("1.2万", 12000), "赵一鸣": ("1,200.00元", 1200), "孙长林": ("0.15万元", 1500),
      S[0]: ("捌佰元整", 800), S[1]: ("800", 800)}
for k, n in enumerate(P4): ws.append([k + 1, "白沙乡", "石桥村", n, ID[n], "因病", AM[n][0]])
wb.save(f"{d}/rolls/县民政局_临时救助_2024年10月.xlsx")
w = mz()
for k in w: w[k]["amount"] = amt(AM[k[0]][1])
roll_run("金额大写万元", d, w)

# R6 the table starting at F5 (A–E empty, the title in F2).
def r_colF(ws, wb):
    ws["F2"] = "县民政局2024年10月临时救助发放名册"
    for j, h in enumerate(["序号", "乡镇", "村", "姓名", "身份证号码", "救助金额"]): ws.cell(5, 6 + j, h)
    for k, n in enumerate(P4):
        for j, v in enumerate([k + 1, "白沙乡", "石桥村", n, ID[n], 800]): ws.cell(6 + k, 6 + j, v)
d = xlsx_roll("F列起表", r_colF, "县民政局_临时救助_2024年10月.xlsx")
roll_run("F列起表", d, mz(amount=amt(800)))

# R7 a visible 汇总 sheet (村 | 户数 | 人数 | 金额) and the persons on a hidden 明细 sheet.
def r_hidden(ws, wb):
    ws.title = "汇总"
    ws.append(["村", "户数", "人数", "金额（元）"]); ws.append(["石桥村", 6, 6, 2700]); ws.append(["合计", 6, 6, 2700])
    s = wb.create_sheet("明细"); s.sheet_state = "hidden"
    s.append(["序号", "乡镇", "村", "户主姓名", "身份证号码", "保障金额"])
    for k, n in enumerate(P4): s.append([k + 1, "白沙乡", "石桥村", n, ID[n], 450])
d = xlsx_roll("隐藏明细表", r_hidden, "县民政局_农村低保_2024年10月.xlsx")
roll_run("隐藏明细表", d, mz())

# R8 a roll beside a veryHidden 字典 sheet (村名 | 与户主关系 | 开户银行: the dropdowns' values).
def r_dict(ws, wb):
    ws.title = "发放名册"
    ws.append(["序号", "乡镇", "村", "户主姓名", "身份证号码", "开户银行", "保障金额"])
    for k, n in enumerate(P4): ws.append([k + 1, "白沙乡", "石桥村", n, ID[n], "示例县农商银行", 450])
    s = wb.create_sheet("字典"); s.sheet_state = "veryHidden"
    s.append(["村名", "与户主关系", "开户银行"])
    for a, b, c in zip(["石桥村", "枫木村", "白沙村", "青山村"], ["户主", "配偶", "子女", "父母"], ["示例县农商银行", "邮储银行", "农业银行", "建设银行"]):
        s.append([a, b, c])
    from openpyxl.worksheet.datavalidation import DataValidation
    dv = DataValidation(type="list", formula1="字典!$A$2:$A$5"); ws.add_data_validation(dv); dv.add("C2:C200")
d = xlsx_roll("深度隐藏字典表", r_dict, "县民政局_农村低保_2024年10月.xlsx")
roll_run("深度隐藏字典表", d, mz())

# R9 a village clerk's roll: title 白沙乡石桥村2024年耕地地力保护补贴发放公示, 组别 (3组), no 乡镇 / 村
# column; file 白沙乡_耕地地力保护补贴_2024年.xlsx. 赵志刚's father 赵明 is registered without ID,
# 家庭住址 白沙乡石桥村: the roll's 赵明 (ID of a man born 1948) is a lead by name and village.
def r_group(ws, wb):
    ws.append(["白沙乡石桥村2024年耕地地力保护补贴发放公示"]); ws.merge_cells("A1:F1")
    ws.append(["序号", "组别", "户主姓名", "身份证号码", "面积（亩）", "补贴金额（元）"])
    for k, n in enumerate(["李芳", S[0], "赵明", S[1], "周建华"]): ws.append([k + 1, f"{k % 4 + 1}组", n, ID[n], 5.2, 520])
kin9 = ("干部姓名,干部身份证号,工作单位,亲属姓名,称谓,亲属身份证号,家庭住址\n"
        f"赵志刚,{ID['赵志刚']},县民政局,李芳,妻子,{ID['李芳']},白沙乡石桥村\n赵志刚,{ID['赵志刚']},县民政局,赵明,父亲,,白沙乡石桥村\n"
        f"钱秀梅,{ID['钱秀梅']},白沙乡人民政府,周建华,丈夫,{ID['周建华']},白沙乡石桥村\n")
d = xlsx_roll("村在标题组别列", r_group, "白沙乡_耕地地力保护补贴_2024年.xlsx", kin=kin9)
roll_run("村在标题组别列", d, {("李芳", "赵志刚"): {"village": cs("石桥")}, ("周建华", "钱秀梅"): {"relevance": "same_unit"},
                          ("赵明", "赵志刚"): {"tier": ("probable", "possible"), "relative_id": ""}})

# R10 a 低保 system's export: GBK text, tab-separated, saved as 县民政局_农村低保_2024年10月.xls.
d = roll_dir("制表符文本xls")
open(f"{d}/rolls/县民政局_农村低保_2024年10月.xls", "wb").write(
    ("序号\t乡镇\t村\t户主姓名\t身份证号码\t保障金额\t\r\n" + "".join(f"{k+1}\t白沙乡\t石桥村\t{n}\t{ID[n]}\t450\t\r\n" for k, n in enumerate(P4))).encode("gbk"))
roll_run("制表符文本xls", d, mz())

# ================================================================== relevance
# U1 乡村振兴局 merged into 农业农村局: 赵志刚 at 县农业农村局（县乡村振兴局） against a 县乡村振兴局 roll; 孙国强
# at 县乡村振兴局 against a 县农业农村局（乡村振兴局） roll. Both same_unit.
d = roll_dir("乡村振兴并入农业", kin=kin_csv([("赵志刚", "县农业农村局（县乡村振兴局）", "妻子", "李芳"), ("孙国强", "县乡村振兴局", "父亲", "孙长林")]))
open(f"{d}/rolls/县乡村振兴局_小额信贷贴息_2024年第三季度.csv", "w").write(
    "序号,借款人,借款人身份证号,贴息金额\n" + "".join(f"{k+1},{n},{ID[n]},1150\n" for k, n in enumerate(["李芳", S[0]])))
open(f"{d}/rolls/县农业农村局（乡村振兴局）_雨露计划_2024年秋季.csv", "w").write(
    "序号,姓名,身份证号码,补助金额\n" + "".join(f"{k+1},{n},{ID[n]},1500\n" for k, n in enumerate(["孙长林", S[1]])))
roll_run("乡村振兴并入农业", d, {("李芳", "赵志刚"): {"relevance": "same_unit"}, ("孙长林", "孙国强"): {"relevance": "same_unit"}})

# U2 城关镇 and 城关街道 are two: 钱秀梅 at 城关镇人民政府, 吴国华 at 城关街道办事处; a 县民政局 roll whose
# 乡镇 is 城关街道 pays both spouses. 周建华 other, 黄小梅 same_township.
d = roll_dir("城关镇城关街道", kin=kin_csv([("钱秀梅", "城关镇人民政府", "丈夫", "周建华"), ("吴国华", "城关街道办事处", "妻子", "黄小梅")]))
open(f"{d}/rolls/县民政局_城市低保_2024年10月.csv", "w").write(
    "乡镇（街道）,社区,户主姓名,身份证号码,保障金额\n" + "".join(f"城关街道,解放社区,{n},{ID[n]},600\n" for n in ["周建华", "黄小梅", S[0]]))
roll_run("城关镇城关街道", d, {("周建华", "钱秀梅"): {"relevance": "other"}, ("黄小梅", "吴国华"): {"relevance": "same_township"}})

# ================================================================== loud
def loud(name, d, bad_file, want):
    # the good roll's hit must be there; the odd file either read (its persons hit as want says) or
    # named on screen with exit 3. Never exit 0 short of a person.
    p = sh(d); hits = out_hits(d); screen = p.stdout + p.stderr
    keys = {(re.sub(r"\s", "", h["roll_name"]), h["cadre_name"]) for h in hits}
    read = all(k in keys for k in want)
    if read:
        w = dict(want); w[("周建华", "钱秀梅")] = {}
        judge("loud", name, d, [p], hits, w, exit_ok=(0, 3), inspect=[(f"{d}/rolls", "roll")])
    else:
        why = []
        if p.returncode != 3: why.append(f"exit {p.returncode} with the file's persons not read ({', '.join(k[0] for k in want if k not in keys)} missing)")
        if bad_file not in screen: why.append(f"{bad_file} not named on screen")
        if ("周建华", "钱秀梅") not in keys: why.append("the good roll's hit lost")
        verdict("loud", name, [p], f"hits={len(hits)} read={read} " + ",".join(f"{h['roll_name']}/{h['tier']}" for h in hits), why, [(f"{d}/rolls", "roll")])

def good_roll(d):
    open(f"{d}/rolls/白沙乡_临时救助_2024年10月.csv", "w").write(f"姓名,身份证号码,金额\n周建华,{ID['周建华']},500\n{S[5]},{ID[S[5]]},500\n")

LW = {("李芳", "赵志刚"): {}, ("赵一鸣", "赵志刚"): {}, ("孙长林", "孙国强"): {}}

# L1 a CSV whose lines use different delimiters (a clerk pasted lines from other files): , then tab,
# full-width ，, ; .
d = roll_dir("分隔符混乱CSV")
lines = ["序号,乡镇,村,姓名,身份证号码,金额", f"1,白沙乡,石桥村,李芳,{ID['李芳']},450",
         "\t".join(["2", "白沙乡", "石桥村", S[0], ID[S[0]], "450"]), "，".join(["3", "白沙乡", "石桥村", "赵一鸣", ID["赵一鸣"], "450"]),
         ";".join(["4", "白沙乡", "石桥村", "孙长林", ID["孙长林"], "450"]), f"5,白沙乡,石桥村,{S[1]},{ID[S[1]]},450"]
open(f"{d}/rolls/县民政局_农村低保_2024年10月.csv", "w").write("\n".join(lines) + "\n")
good_roll(d)
loud("分隔符混乱CSV", d, "县民政局_农村低保_2024年10月.csv", LW)

# L2 a transposed roll (fits the page): 姓名 | 身份证号码 | 救助金额 as row labels in column A, one
# person a column.
d = roll_dir("横排花名册")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["白沙乡2024年10月临时救助公示"]); ws.merge_cells("A1:G1")
people = ["李芳", S[0], "赵一鸣", S[1], "孙长林", S[2]]
ws.append(["序号"] + list(range(1, 7)))
ws.append(["姓名"] + people)
ws.append(["身份证号码"] + [ID[n] for n in people])
ws.append(["救助金额（元）"] + [800] * 6)
wb.save(f"{d}/rolls/县民政局_临时救助_2024年10月.xlsx")
good_roll(d)
loud("横排花名册", d, "县民政局_临时救助_2024年10月.xlsx", LW)

# L3 a CSV concatenated from two exports (copy /b a.csv+b.csv): the header and the first rows in
# UTF-8, the rest (李芳, 赵一鸣, 孙长林) in GBK.
d = roll_dir("UTF8拼GBK")
a = ("序号,乡镇,村,户主姓名,身份证号码,保障金额\n" + "".join(f"{k+1},白沙乡,石桥村,{n},{ID[n]},450\n" for k, n in enumerate(S[:3]))).encode("utf-8")
b = "".join(f"{k+4},白沙乡,枫木村,{n},{ID[n]},450\n" for k, n in enumerate(["李芳", "赵一鸣", "孙长林", S[3]])).encode("gbk")
open(f"{d}/rolls/县民政局_农村低保_2024年10月.csv", "wb").write(a + b)
good_roll(d)
loud("UTF8拼GBK", d, "县民政局_农村低保_2024年10月.csv", LW)

# L4 a roll pasted from a chat into column A: each line one cell (1 李芳 4329… 450元), the header a
# cell too.
d = roll_dir("微信粘贴A列")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["白沙乡10月临时救助名单"])
ws.append(["序号 姓名 身份证号码 金额"])
for k, n in enumerate(["李芳", S[0], "赵一鸣", S[1], "孙长林", S[2]]): ws.append([f"{k+1} {n} {ID[n]} 800元"])
wb.save(f"{d}/rolls/县民政局_临时救助_2024年10月.xlsx")
good_roll(d)
loud("微信粘贴A列", d, "县民政局_临时救助_2024年10月.xlsx", LW)

ok = sum(1 for *_, o in RESULTS if o)
print(f"{ok}/{len(RESULTS)} OK")
