# Session 32, written by an outside tester who had not read the reader: layouts none of probe.py,
# s10–s31 tried.
# Registers (each relative tied to the right cadre and relation): a 干部任免审批表 per sheet whose
# 家庭主要成员及重要社会关系 block gives 出生年月 as the numbers Excel made of what was typed (1976.05,
# and 1950.1 for 1950.10), no relative's ID; a wide register under a three-row header (本人情况 |
# 家庭成员情况 over 配偶情况 / 子女情况 / 父母情况 over repeated 姓名 | 身份证号码 | 工作单位, two children
# and two parents each unlabelled); a UTF-8 BOM semicolon CSV with CRLF, a quoted 工作单位 holding a
# semicolon, a 合计;;;;;共5人 line and a 填表人 / 审核人 line; relations written with notes in the
# 称谓 cell (父亲（已故）, 母亲（已去世）, 前妻（已离异）, 儿子（随前妻生活）); one cadre in two registers
# (the unit's and the 组织部's), the same relative in both (one lead, not two); a village's 村两委干部 register
# (白沙乡石桥村村民委员会, 村党支部书记兼村委会主任); names with rare characters (䶮, 𠮷 outside the BMP)
# and a Uyghur name with ·, one roll a GBK CSV where 𠮷 became ?.
# Rolls (every beneficiary read with the right name, ID, amount): one BIFF8 .xls with sheets 城市低保
# (街道 | 社区 | 户主姓名 | 身份证号) and 农村低保 (乡镇 | 村 | 户主 | 公民身份号码), different headers;
# a 学生资助 roll with 学生姓名 | 学生身份证号 | 父亲姓名 | 父亲身份证号 | 母亲姓名 | 母亲身份证号; a
# 医疗救助 roll with 患者姓名 and 就诊医院 (the hospital is no approving unit; amount = 医疗救助金额, not
# 医疗总费用); a 耕地地力 roll with 承包户主, a units row under the header (（亩）|（元/亩）|（元）) and
# amounts as text 1,234.51; a 危房改造 roll with 危房等级 / 改造方式 and 补助资金（万元） 2.5; a 66-column
# sheet (12 months × 应发 | 实发 | 发放日期 | 备注) with the ID in the last column; a CSV whose
# 发放日期 are bare Excel serials (45580); a 农机购置补贴 list (购机者姓名, 经销商, 单台销售价格 before
# 补贴额); a 低保 system export on two sheets (家庭信息 with 户主, 家庭成员 with 成员姓名 | 与户主关系 |
# 身份证号码) tied by 家庭编号; a 小额信贷贴息 list (借款人, 贷款金额（万元）, 贴息金额（元）); a project list
# 中标单位 | 法定代表人 (no ID) | 委托代理人 | 委托代理人身份证号 (partly blank) | 项目经理 | 项目经理身份证号.
# Relevance: a roll of 白沙乡民政办 with only a 村 column against 白沙乡人民政府; 县卫生健康局 against a
# 县卫健委 roll and 县卫生健康委员会 against a 县卫健局 roll.
# Loud (read right, or exit 3 naming the file; never exit 0 short of a roll): a roll exported as a
# dBase .dbf (GBK); a roll downloaded as exportExcel.do (an .xlsx without its extension); a
# password-protected (encrypted) .xlsx; an .xlsx saved as Strict Open XML; an .xlsx whose IDs are
# formulas saved without cached values.
import sys, os, re, csv, io, shutil, struct, subprocess, zipfile, openpyxl
sys.path.insert(0, os.path.dirname(__file__))
from common import chk, KM, out_hits, case_dir
V = "-v" in sys.argv
RUN_DATE = "2024-11-05"
RESULTS = []

def pid(birth, seq):
    # a valid ID of 示例县 (432921): birth YYYYMMDD, seq 3 digits (odd last digit: male)
    return chk("432921" + birth + seq)

ID = {
    "赵志刚": pid("19750101", "111"), "钱秀梅": pid("19750201", "122"), "孙国强": pid("19750301", "131"),
    "李芳": pid("19760512", "102"), "周建华": pid("19760623", "111"), "赵一鸣": pid("20010311", "131"),
    "孙长林": pid("19500322", "151"), "刘桂兰": pid("19530809", "148"), "赵德明": pid("19480303", "117"),
    "吴国华": pid("19780915", "133"), "黄小梅": pid("19800412", "126"), "吴天宇": pid("20050620", "153"),
    "周小兵": pid("20020909", "173"), "孙国华": pid("19780704", "135"), "孙长贵": pid("19501022", "157"),
    "赵䶮": pid("20030417", "126"), "赵𠮷": pid("20061112", "151"), "买买提·吐尔逊": pid("19740808", "113"),
}
STR = [("陈" + x, chk(f"432921196001{k+11:02d}211")) for k, x in enumerate("一二三四五六")]
ID.update(dict(STR))
S = [n for n, _ in STR]
ID["李芳namesake"] = pid("19900207", "124")      # another 李芳, born 1990

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
    # want: {(roll_name, cadre_name): {field: check}}: each such pair hit once (or a count in times),
    # tier confirmed and relative_id / roll_id the person's ID unless the checks say otherwise (a
    # check: str equal, tuple one of, callable), roll names compared without spaces. optional: roll
    # names that may be hit but never confirmed; allow: (roll_name, cadre_name) pairs that may be hit
    # in any way. Nothing else. hit_ids must be unique.
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
            why.append(f"unexpected hit {k[0]!r}→{k[1]!r} ({h['relative_name']}, {h['relation']}, {h['tier']}, roll_id {h['roll_id']})"); continue
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

def mzroll(d, names, town="白沙乡", village="石桥村", extra_rows=()):
    # the 县民政局 低保 CSV naming these persons (with their IDs) and two strangers
    rows = [(n, ID[n]) for n in names] + STR[:2] + list(extra_rows)
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
# G1 the 干部任免审批表, one sheet per cadre (no ID anywhere), 出生年月 in the form and in the
# 家庭主要成员及重要社会关系 block typed 1976.05 and kept by Excel as numbers (1976.05, and 1950.1 for
# 1950.10, the trailing zero gone); the relatives' 工作单位及职务 白沙乡石桥村村民 / 务农; 现任职务
# 县民政局科员 merged over B:G as the form has it. The roll
# gives IDs, 白沙乡 石桥村, and another 李芳 born 1990. Each relative: a lead below confirmed (name,
# birth month, village); the other 李芳 (birth contradicts): nothing above possible.
d = case_dir("s32r_任免表出生年月数值")
wb = openpyxl.Workbook(); wb.remove(wb.active)
REN = {"赵志刚": [("妻子", "李芳", 1976.05, "白沙乡石桥村村民"), ("儿子", "赵一鸣", 2001.03, "在读研究生")],
       "孙国强": [("父亲", "孙长贵", 1950.1, "白沙乡石桥村务农"), ("母亲", "刘桂兰", 1953.08, "白沙乡石桥村务农")]}
for c, fam in REN.items():
    ws = wb.create_sheet(c)
    ws.append(["干部任免审批表"]); ws.merge_cells("A1:G1")
    ws.append(["姓名", c, "性别", "男", "出生年月\n（岁）", 1975.01, "（照片）"])
    ws.append(["民族", "汉族", "籍贯", "湖南示例县", "出生地", "湖南示例县", None])
    ws.append(["入党时间", 1998.06, "参加工作时间", 1996.07, "健康状况", "健康", None])
    ws.append(["现任职务", UNIT[c] + POST[c], None, None, None, None, None]); ws.merge_cells(f"B{ws.max_row}:G{ws.max_row}")
    ws.append(["简历", "1996.07--  " + UNIT[c] + "工作", None, None, None, None, None]); ws.merge_cells(f"B{ws.max_row}:G{ws.max_row}")
    top = ws.max_row + 1
    ws.append(["家庭主要成员及重要社会关系", "称谓", "姓名", "出生年月", "政治面貌", "工作单位及职务", None])
    for r, n, b, u in fam: ws.append([None, r, n, b, "群众", u, None])
    for _ in range(4 - len(fam)): ws.append([None] * 7)
    for r in range(top, ws.max_row + 1): ws.merge_cells(f"F{r}:G{r}")
    ws.merge_cells(f"A{top}:A{ws.max_row}")
    for r in range(top + 1, ws.max_row + 1): ws.cell(r, 4).number_format = "0.00"
    ws.append(["呈报单位", "中共示例县委组织部", None, None, None, None, None])
wb.save(f"{d}/kin/干部任免审批表.xlsx")
mzroll(d, ["李芳", "赵一鸣", "孙长贵", "刘桂兰"], extra_rows=[("李芳", ID["李芳namesake"])])
p = sh(d); hits = out_hits(d)
lead = ("probable", "possible")
why = [f"the other 李芳 (born 1990) {h['tier']}" for h in hits if h["roll_id"] == ID["李芳namesake"] and h["tier"] != "possible"]
hits_main = [h for h in hits if h["roll_id"] != ID["李芳namesake"]]
judge("reg ", "任免表出生年月数值", d, [p], hits_main,
      {("李芳", "赵志刚"): W("spouse", tier=lead, relative_id=""), ("赵一鸣", "赵志刚"): W("child", tier=lead, relative_id=""),
       ("孙长贵", "孙国强"): W("parent", tier=lead, relative_id=""), ("刘桂兰", "孙国强"): W("parent", tier=lead, relative_id="")},
      extra=why, inspect=[(f"{d}/kin", "register")])

# G2 a wide register under three header rows: 本人情况 (merged over 姓名 | 身份证号码 | 工作单位 | 职务,
# each merged down rows 2–3) | 家庭成员情况; row 2 配偶情况 (3 columns) | 子女情况 (6) | 父母情况 (6);
# row 3 姓名 | 身份证号码 | 工作单位 five times (the two children and the two parents unlabelled).
d = case_dir("s32r_三行分组宽表")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["县直单位科级干部家庭成员信息汇总表"]); ws.merge_cells("A1:S1")
ws.append(["本人情况", None, None, None, "家庭成员情况"] + [None] * 14)
ws.append(["姓名", "身份证号码", "工作单位", "职务", "配偶情况", None, None, "子女情况"] + [None] * 5 + ["父母情况"] + [None] * 5)
ws.append([None] * 4 + ["姓名", "身份证号码", "工作单位"] * 5)
ws.merge_cells("A2:D2"); ws.merge_cells("E2:S2"); ws.merge_cells("E3:G3"); ws.merge_cells("H3:M3"); ws.merge_cells("N3:S3")
for col in "ABCD": ws.merge_cells(f"{col}3:{col}4")
G2 = {"赵志刚": ("李芳", ["赵一鸣"], []), "钱秀梅": ("周建华", [], []), "孙国强": (None, [], ["孙长林", "刘桂兰"])}
for c, (sp, kids, par) in G2.items():
    row = [c, ID[c], UNIT[c], POST[c]]
    row += [sp, ID[sp], "白沙乡石桥村务农"] if sp else [None] * 3
    for k in range(2): row += [kids[k], ID[kids[k]], "在读"] if k < len(kids) else [None] * 3
    for k in range(2): row += [par[k], ID[par[k]], "务农"] if k < len(par) else [None] * 3
    ws.append(row)
wb.save(f"{d}/kin/县直单位科级干部家庭成员信息汇总表.xlsx")
mzroll(d, ALL5)
reg_run("三行分组宽表", d, STD5)

# G3 a register CSV saved by a web system: UTF-8 with BOM, ';' between fields, CRLF, a quoted
# 工作单位 holding a ';', a title line, then 合计;;;;;共5人 and 填表人：陈五;;审核人：王六;;; under it.
d = case_dir("s32r_BOM分号合计行")
lines = ["县直单位干部亲属信息登记表;;;;;;", "序号;干部姓名;干部身份证号;工作单位;称谓;亲属姓名;亲属身份证号"]
k = 0
for c, fam in FAM.items():
    for r, n in fam:
        k += 1; u = '"县民政局;社会救助股"' if c == "赵志刚" else UNIT[c]
        lines.append(f"{k};{c};{ID[c]};{u};{r};{n};{ID[n]}")
lines += ["合计;;;;;共5人;", "填表人：陈五;;审核人：王六;;;;"]
open(f"{d}/kin/干部亲属登记.csv", "wb").write(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))
mzroll(d, ALL5)
reg_run("BOM分号合计行", d, STD5)

# G4 notes written into the 称谓 cell: 父亲（已故）, 母亲（已去世）, 前妻（已离异）, 儿子（随前妻生活）.
# A deceased parent may still stand on a roll (the pension of the dead): kept, a parent. The former
# wife: kept as a lead on her ID (any relation word); the son: a child.
d = case_dir("s32r_称谓带注")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["序号", "干部姓名", "干部身份证号", "工作单位", "称谓", "亲属姓名", "亲属身份证号", "备注"])
for k, (c, r, n) in enumerate([("赵志刚", "妻子", "李芳"), ("赵志刚", "前妻（已离异）", "黄小梅"), ("赵志刚", "儿子（随前妻生活）", "赵一鸣"),
                               ("孙国强", "父亲（已故）", "孙长林"), ("孙国强", "母亲（已去世）", "刘桂兰"), ("钱秀梅", "丈夫", "周建华")]):
    ws.append([k + 1, c, ID[c], UNIT[c], r, n, ID[n], None])
wb.save(f"{d}/kin/县直干部亲属登记表.xlsx")
mzroll(d, ALL5 + ["黄小梅"])
w = dict(STD5); w[("黄小梅", "赵志刚")] = {"relevance": "same_unit"}
reg_run("称谓带注", d, w)

# G5 one cadre in two registers: the 县民政局's own (赵志刚: 李芳, 赵一鸣) and the 组织部's 科级干部 list
# (赵志刚 again with 李芳 and his father 赵德明; 钱秀梅 with 周建华). One lead for each relative of each
# cadre: 李芳 once, and no hit_id on two rows.
d = case_dir("s32r_同一干部两表")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["序号", "姓名", "身份证号", "职务", "家庭成员姓名", "与本人关系", "家庭成员身份证号"])
for k, (r, n) in enumerate(FAM["赵志刚"]): ws.append([k + 1, "赵志刚", ID["赵志刚"], "科员", n, r, ID[n]])
wb.save(f"{d}/kin/县民政局_干部亲属登记表.xlsx")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["序号", "干部姓名", "干部身份证号", "工作单位", "亲属姓名", "称谓", "亲属身份证号"])
for k, (c, r, n) in enumerate([("赵志刚", "妻子", "李芳"), ("赵志刚", "父亲", "赵德明"), ("钱秀梅", "丈夫", "周建华")]):
    ws.append([k + 1, c, ID[c], UNIT[c], n, r, ID[n]])
wb.save(f"{d}/kin/县委组织部_科级干部亲属汇总.xlsx")
mzroll(d, ["李芳", "赵一鸣", "赵德明", "周建华"])
reg_run("同一干部两表", d, {("李芳", "赵志刚"): W("spouse"), ("赵一鸣", "赵志刚"): W("child"),
                          ("赵德明", "赵志刚"): W("parent"), ("周建华", "钱秀梅"): W("spouse")})

# G6 a township's register of its villages' 村两委干部: 单位 白沙乡石桥村村民委员会, 职务 村党支部书记兼
# 村委会主任; beside a township official. The 县民政局 roll pays in 白沙乡 石桥村: the village cadre's
# relatives live in the township (and village) he serves: same_township, not other.
d = case_dir("s32r_村两委干部")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["白沙乡村（社区）两委干部及乡机关干部近亲属登记表"]); ws.merge_cells("A1:G1")
ws.append(["序号", "姓名", "身份证号码", "单位", "职务", "亲属姓名", "关系", "亲属身份证号码"])
for k, (c, u, post, r, n) in enumerate([("吴国华", "白沙乡石桥村村民委员会", "村党支部书记兼村委会主任", "妻子", "黄小梅"),
                                        ("吴国华", "白沙乡石桥村村民委员会", "村党支部书记兼村委会主任", "儿子", "吴天宇"),
                                        ("钱秀梅", "白沙乡人民政府", "副乡长", "丈夫", "周建华")]):
    ws.append([k + 1, c, ID[c], u, post, n, r, ID[n]])
wb.save(f"{d}/kin/白沙乡两委干部亲属登记表.xlsx")
mzroll(d, ["黄小梅", "吴天宇", "周建华"])
reg_run("村两委干部", d, {("黄小梅", "吴国华"): W("spouse", relevance="same_township"), ("吴天宇", "吴国华"): W("child", relevance="same_township"),
                        ("周建华", "钱秀梅"): W("spouse", relevance="same_township")})

# G7 rare characters: 赵志刚's children 赵䶮 (U+4DAE) and 赵𠮷 (U+20BB7, outside the BMP), 钱秀梅's
# husband 买买提·吐尔逊. Rolls: a 县民政局 xlsx writing them as the register does, and a 县教育局 GBK
# CSV (学生资助) where 𠮷, which GBK lacks, came out as ? (赵?): the same ID, confirmed or probable.
d = case_dir("s32r_生僻字")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["干部姓名", "干部身份证号", "工作单位", "称谓", "亲属姓名", "亲属身份证号"])
for c, r, n in [("赵志刚", "女儿", "赵䶮"), ("赵志刚", "儿子", "赵𠮷"), ("钱秀梅", "丈夫", "买买提·吐尔逊")]: ws.append([c, ID[c], UNIT[c], r, n, ID[n]])
wb.save(f"{d}/kin/干部亲属.xlsx")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["序号", "乡镇", "村", "姓名", "身份证号码", "金额"])
for k, n in enumerate(["赵䶮", S[0], "买买提·吐尔逊"]): ws.append([k + 1, "白沙乡", "石桥村", n, ID[n], 300])
wb.save(f"{d}/rolls/县民政局_临时救助_2024年10月.xlsx")
open(f"{d}/rolls/县教育局_学生资助_2024年秋季.csv", "wb").write(
    ("序号,学生姓名,身份证号码,学校,资助金额\n" + "".join(f"{k+1},{n},{ID[n]},示例县一中,1000\n" for k, n in enumerate(["赵𠮷", S[1]]))).encode("gbk", errors="replace"))
ID["赵?"] = ID["赵𠮷"]
p = sh(d)
judge("reg ", "生僻字", d, [p], out_hits(d), {("赵䶮", "赵志刚"): W("child"), ("买买提·吐尔逊", "钱秀梅"): W("spouse"),
                                             ("赵?", "赵志刚"): W("child", tier=("confirmed", "probable"), relative_id=ID["赵𠮷"])},
      inspect=[(f"{d}/kin", "register")])

# ================================================================== rolls
KINL = [("赵志刚", "县民政局", "妻子", "李芳"), ("钱秀梅", "白沙乡人民政府", "丈夫", "周建华"),
        ("赵志刚", "县民政局", "儿子", "赵一鸣"), ("孙国强", "县教育局", "父亲", "孙长林")]
def kin_csv(rows=KINL):
    return "干部姓名,干部身份证号,工作单位,亲属姓名,称谓,亲属身份证号\n" + "".join(f"{c},{ID[c]},{u},{n},{r},{ID[n]}\n" for c, u, r, n in rows)
STDW = {("李芳", "赵志刚"): {}, ("周建华", "钱秀梅"): {}, ("赵一鸣", "赵志刚"): {}, ("孙长林", "孙国强"): {}}
def mz(**kw):
    # STDW with 赵志刚's relatives same_unit (a 县民政局 roll)
    w = {k: dict(v) for k, v in STDW.items()}
    for k in [("李芳", "赵志刚"), ("赵一鸣", "赵志刚")]: w[k].update({"relevance": "same_unit"}, **kw)
    return w
P4 = ["李芳", S[0], "周建华", "赵一鸣", S[1], "孙长林"]

def roll_dir(name, kin=None):
    d = case_dir(f"s32_{name}"); open(f"{d}/kin/k.csv", "w").write(kin or kin_csv()); return d

def xlsx_roll(name, build, file, kin=None):
    d = roll_dir(name, kin)
    full = f"{d}/rolls/{file}"; os.makedirs(os.path.dirname(full), exist_ok=True)
    wb = openpyxl.Workbook(); build(wb.active, wb); wb.save(full)
    return d

def roll_run(name, d, want, **kw):
    p = sh(d); judge("roll", name, d, [p], out_hits(d), want, inspect=[(f"{d}/rolls", "roll")], **kw)

def amt(x): return lambda v: v != "" and abs(float(v) - x) < 0.005

# R1 a BIFF8 .xls (xlwt) of two sheets with different headers: 城市低保 (序号 | 街道 | 社区 | 户主姓名 |
# 身份证号 | 保障人数 | 月保障金) and 农村低保 (序号 | 乡镇 | 村 | 户主 | 公民身份号码 | 家庭人口 | 月补差).
d = roll_dir("城乡低保两表xls")
import xlwt
book = xlwt.Workbook(encoding="utf-8")
s1 = book.add_sheet("城市低保"); s2 = book.add_sheet("农村低保")
for j, h in enumerate(["序号", "街道", "社区", "户主姓名", "身份证号", "保障人数", "月保障金"]): s1.write(0, j, h)
for k, n in enumerate(["李芳", S[0]]):
    for j, v in enumerate([k + 1, "城关街道", "解放社区", n, ID[n], 2, 1240]): s1.write(k + 1, j, v)
for j, h in enumerate(["序号", "乡镇", "村", "户主", "公民身份号码", "家庭人口", "月补差"]): s2.write(0, j, h)
for k, n in enumerate(["周建华", "赵一鸣", S[1], "孙长林"]):
    for j, v in enumerate([k + 1, "白沙乡", "石桥村", n, ID[n], 3, 900]): s2.write(k + 1, j, v)
book.save(f"{d}/rolls/县民政局_城乡低保_2024年10月.xls")
w = mz(); w[("周建华", "钱秀梅")] = {"relevance": "same_township", "township": "白沙乡"}
w[("李芳", "赵志刚")]["amount"] = amt(1240); w[("赵一鸣", "赵志刚")]["village"] = "石桥村"
roll_run("城乡低保两表xls", d, w)

# R2 a 学生资助 roll naming both parents with their IDs: 学生姓名 | 学生身份证号 | 学校 | 年级 | 父亲姓名 |
# 父亲身份证号 | 母亲姓名 | 母亲身份证号 | 资助项目 | 资助金额. 李芳 is a mother, 周建华 a father, 周小兵 a
# student, 孙国华 (孙国强's brother) a father; 钱秀梅 (a cadre) stands as 周小兵's mother.
def r_student(ws, wb):
    ws.append(["2024年秋季学期普通高中国家助学金发放名单"]); ws.merge_cells("A1:K1")
    ws.append(["序号", "学生姓名", "学生身份证号", "学校", "年级", "父亲姓名", "父亲身份证号", "母亲姓名", "母亲身份证号", "资助项目", "资助金额"])
    for k, (st, fa, mo) in enumerate([("陈小一", S[0], "李芳"), ("周小兵", "周建华", "钱秀梅"), ("孙小雨", "孙国华", S[1]), ("陈小二", S[2], S[3])]):
        ws.append([k + 1, st, ID.get(st) or pid(f"20080{k+1}15", "128"), "示例县一中", "高二", fa, ID[fa], mo, ID[mo], "国家助学金", 1000])
d = xlsx_roll("学生资助父母列", r_student, "县教育局_学生资助_2024年秋季.xlsx",
              kin=kin_csv([("赵志刚", "县民政局", "妻子", "李芳"), ("钱秀梅", "白沙乡人民政府", "丈夫", "周建华"),
                           ("钱秀梅", "白沙乡人民政府", "儿子", "周小兵"), ("孙国强", "县教育局", "弟弟", "孙国华")]))
roll_run("学生资助父母列", d, {("李芳", "赵志刚"): {}, ("周建华", "钱秀梅"): {}, ("周小兵", "钱秀梅"): {},
                            ("孙国华", "孙国强"): {"relevance": "same_unit"}}, allow=[("钱秀梅", "钱秀梅")])

# R3 a 医疗救助 roll of the 县医疗保障局: 患者姓名 | 性别 | 身份证号码 | 就诊医院 | 住院号 | 入院日期 |
# 出院日期 | 医疗总费用 | 基本医保支付 | 大病保险支付 | 医疗救助金额. 赵志刚 works at the 县人民医院, where
# his wife was treated: the hospital is not the approving unit (relevance other); 孙国强 at the
# 县医疗保障局: same_unit. amount = 医疗救助金额.
def r_medical(ws, wb):
    ws.append(["序号", "患者姓名", "性别", "身份证号码", "就诊医院", "住院号", "入院日期", "出院日期", "医疗总费用", "基本医保支付", "大病保险支付", "医疗救助金额"])
    for k, (n, hosp) in enumerate([("李芳", "县人民医院"), (S[0], "县人民医院"), ("周建华", "县中医医院"), ("赵一鸣", "市第一人民医院"), (S[1], "县人民医院"), ("孙长林", "县人民医院")]):
        ws.append([k + 1, n, "女" if int(ID[n][16]) % 2 == 0 else "男", ID[n], hosp, f"ZY2024{k:05d}", "2024-09-02", "2024-09-12", 12345.6, 7000, 1200, 2345.6])
d = xlsx_roll("医疗救助就诊医院", r_medical, "县医疗保障局_医疗救助_2024年10月.xlsx",
              kin=kin_csv([("赵志刚", "县人民医院", "妻子", "李芳"), ("钱秀梅", "白沙乡人民政府", "丈夫", "周建华"),
                           ("赵志刚", "县人民医院", "儿子", "赵一鸣"), ("孙国强", "县医疗保障局", "父亲", "孙长林")]))
med = {"approving_unit": cs("医疗保障局"), "amount": amt(2345.6)}
roll_run("医疗救助就诊医院", d, {("李芳", "赵志刚"): dict(med, relevance="other"), ("赵一鸣", "赵志刚"): dict(med, relevance="other"),
                              ("周建华", "钱秀梅"): dict(med), ("孙长林", "孙国强"): dict(med, relevance="same_unit")})

# R4 a 耕地地力保护补贴 roll: title, header 序号 | 乡镇 | 村 | 组 | 承包户主 | 身份证号码 | 承包面积 | 补贴标准 |
# 补贴金额 | 一卡通账号, a units row under it (（亩） | （元/亩） | （元）), amounts typed as text with a
# thousands separator (1,234.51), a 合计 row.
def r_land(ws, wb):
    ws.append(["2024年度耕地地力保护补贴发放清册"]); ws.merge_cells("A1:J1")
    ws.append(["序号", "乡镇", "村", "组", "承包户主", "身份证号码", "承包面积", "补贴标准", "补贴金额", "一卡通账号"])
    ws.append([None] * 6 + ["（亩）", "（元/亩）", "（元）", None])
    for k, n in enumerate(P4):
        ws.append([k + 1, "白沙乡", "石桥村", f"{k+1}组", n, ID[n], "12.35", "99.96", "1,234.51", f"62309010{k:011d}"])
    ws.append(["合计", None, None, None, None, None, "74.10", None, "7,407.06", None])
d = xlsx_roll("耕地承包户主单位行", r_land, "县农业农村局_耕地地力保护补贴_2024年.xlsx")
w = {k: {"amount": amt(1234.51)} for k in STDW}
roll_run("耕地承包户主单位行", d, w)

# R5 a 农村危房改造 roll: 户主姓名 | 身份证号码 | 家庭人口 | 危房等级 (C级 / D级) | 改造方式 (拆除重建 /
# 修缮加固) | 补助资金（万元） 2.5 / 1.2 | 竣工验收时间. amount in 元 (25000): 补助资金 is the money paid.
def r_house(ws, wb):
    ws.append(["序号", "乡镇", "村", "户主姓名", "身份证号码", "家庭人口", "危房等级", "改造方式", "补助资金（万元）", "竣工验收时间"])
    for k, n in enumerate(P4):
        ws.append([k + 1, "白沙乡", "石桥村", n, ID[n], 3, "D级" if k % 2 else "C级", "拆除重建" if k % 2 else "修缮加固", 2.5 if k % 2 else 1.2, "2024-09-30"])
d = xlsx_roll("危房改造万元", r_house, "县住房和城乡建设局_农村危房改造_2024年.xlsx")
wan = lambda x: amt(x * 10000)
w = {("李芳", "赵志刚"): {"amount": wan(1.2)}, ("周建华", "钱秀梅"): {"amount": wan(1.2)},
     ("赵一鸣", "赵志刚"): {"amount": wan(2.5)}, ("孙长林", "孙国强"): {"amount": wan(2.5)}}
roll_run("危房改造万元", d, w)

# R6 a 66-column sheet: 序号 | 乡镇 | 村 | 组 | 姓名 | 性别 | 民族 | 出生日期 | 联系电话 | 家庭人口 | 保障类别 |
# 开户银行 | 银行账号 | 12 months × (应发 | 实发 | 发放日期 | 备注) | 全年合计 | 身份证号码 (column 63+).
def r_wide(ws, wb):
    head = ["序号", "乡镇", "村", "组", "姓名", "性别", "民族", "出生日期", "联系电话", "家庭人口", "保障类别", "开户银行", "银行账号"]
    for m in range(1, 13): head += [f"{m}月应发", f"{m}月实发", f"{m}月发放日期", f"{m}月备注"]
    head += ["全年合计", "身份证号码"]
    ws.append(head)
    for k, n in enumerate(P4):
        row = [k + 1, "白沙乡", "石桥村", "3组", n, "女" if int(ID[n][16]) % 2 == 0 else "男", "汉族", f"{ID[n][6:10]}-{ID[n][10:12]}-{ID[n][12:14]}",
               f"1387310{k:04d}", 2, "A类", "示例县农商银行", f"62309010{k:011d}"]
        for m in range(1, 13): row += [450, 450, f"2024-{m:02d}-15", None]
        row += [5400, ID[n]]
        ws.append(row)
d = xlsx_roll("六十六列证号最右", r_wide, "县民政局_农村低保_2024年度台账.xlsx")
roll_run("六十六列证号最右", d, mz())

# R7 a CSV whose 发放日期 are bare Excel serial numbers (45580 = 2024-10-15), as a 财政 system
# exports a date cell it did not format.
d = roll_dir("CSV日期序列号")
open(f"{d}/rolls/县民政局_临时救助_2024年10月.csv", "w").write(
    "序号,姓名,身份证号码,救助金额,发放日期\n" + "".join(f"{k+1},{n},{ID[n]},800,45580\n" for k, n in enumerate(P4)))
roll_run("CSV日期序列号", d, mz(date=cs("2024-10")))

# R8 a 农机购置补贴 list: 序号 | 购机者姓名 | 购机者身份证号 | 所在乡镇 | 机具品目 | 生产厂家 | 经销商 | 购买数量 |
# 单台销售价格（元） | 单台补贴额（元） | 总补贴额（元）. amount the subsidy (9,800), never the price.
def r_machine(ws, wb):
    ws.append(["序号", "购机者姓名", "购机者身份证号", "所在乡镇", "机具品目", "生产厂家", "经销商", "购买数量", "单台销售价格（元）", "单台补贴额（元）", "总补贴额（元）"])
    for k, n in enumerate(P4):
        ws.append([k + 1, n, ID[n], "白沙乡", "轮式拖拉机", "某某农业装备有限公司", "示例县丰收农机销售有限公司", 1, 56000, 9800, 9800])
d = xlsx_roll("农机购置补贴", r_machine, "县农业农村局_农机购置补贴_2024年第三批.xlsx")
roll_run("农机购置补贴", d, {k: {"amount": amt(9800)} for k in STDW})

# R9 a 低保 system's export on two sheets tied by 家庭编号: 家庭信息 (家庭编号 | 乡镇 | 村 | 户主姓名 |
# 户主身份证号 | 保障人数 | 月保障金) and 家庭成员 (家庭编号 | 成员姓名 | 与户主关系 | 身份证号码 | 是否保障对象).
def r_two_tables(ws, wb):
    ws.title = "家庭信息"
    fams = [("BS0001", S[0], [(S[0], "户主"), ("李芳", "妻子"), ("赵一鸣", "儿子")]), ("BS0002", "周建华", [("周建华", "户主"), (S[1], "妻子")]),
            ("BS0003", S[2], [(S[2], "户主"), ("孙长林", "父亲")])]
    ws.append(["家庭编号", "乡镇", "村", "户主姓名", "户主身份证号", "保障人数", "月保障金"])
    for no, head, mem in fams: ws.append([no, "白沙乡", "石桥村", head, ID[head], len(mem), 450 * len(mem)])
    s = wb.create_sheet("家庭成员")
    s.append(["家庭编号", "成员姓名", "与户主关系", "身份证号码", "是否保障对象"])
    for no, head, mem in fams:
        for n, r in mem: s.append([no, n, r, ID[n], "是"])
d = xlsx_roll("系统两表家庭编号", r_two_tables, "县民政局_农村低保家庭信息导出.xlsx")
roll_run("系统两表家庭编号", d, mz(), times=(1, 2))

# R10 a 扶贫小额信贷贴息 list: 借款人 | 借款人身份证号 | 贷款银行 | 贷款金额（万元） | 贷款日期 | 到期日期 |
# 贴息金额（元）. amount the 贴息 (1,150), not 5 (万元).
def r_loan(ws, wb):
    ws.append(["序号", "乡镇", "村", "借款人", "借款人身份证号", "贷款银行", "贷款金额（万元）", "贷款日期", "到期日期", "贴息金额（元）"])
    for k, n in enumerate(P4): ws.append([k + 1, "白沙乡", "石桥村", n, ID[n], "示例县农商银行", 5, "2023-11-20", "2026-11-19", 1150])
d = xlsx_roll("小额信贷贴息", r_loan, "县乡村振兴局_小额信贷贴息_2024年第三季度.xlsx")
roll_run("小额信贷贴息", d, {k: {"amount": amt(1150)} for k in STDW})

# R11 a project list: 项目名称 | 中标单位 | 中标金额（万元） | 法定代表人 (no ID column) | 委托代理人 |
# 委托代理人身份证号 (blank on some rows) | 项目经理 | 项目经理身份证号. 李芳 a 项目经理 with her ID:
# confirmed; 周建华 (法定代表人) and 赵一鸣 (委托代理人, ID blank) by name only: never confirmed.
def r_project(ws, wb):
    ws.append(["序号", "项目名称", "中标单位", "中标金额（万元）", "法定代表人", "委托代理人", "委托代理人身份证号", "项目经理", "项目经理身份证号"])
    ws.append([1, "白沙乡石桥村道路硬化工程", "示例县宏达建筑工程有限公司", 128.5, "周建华", "赵一鸣", None, "李芳", ID["李芳"]])
    ws.append([2, "白沙乡枫木村安全饮水工程", "示例县鑫源水电安装有限公司", 56.2, S[0], S[1], ID[S[1]], S[2], ID[S[2]]])
    ws.append([3, "青石镇中心小学运动场改造", "湖南某建设集团有限公司", 210, S[3], S[4], None, S[5], ID[S[5]]])
d = xlsx_roll("项目法代代理经理", r_project, "县住房和城乡建设局_工程项目中标单位汇总_2024年.xlsx")
roll_run("项目法代代理经理", d, {("李芳", "赵志刚"): {}}, optional=("周建华", "赵一鸣"))

# ================================================================== relevance
# U1 a roll of the township's 民政办 (白沙乡民政办_临时救助_2024年10月.xlsx), only a 村 column: the
# 白沙乡人民政府 official's husband is same_unit or same_township, not other.
def r_mzb(ws, wb):
    ws.append(["序号", "村", "姓名", "身份证号码", "救助事由", "救助金额"])
    for k, n in enumerate(P4): ws.append([k + 1, "石桥村", n, ID[n], "因病", 1000])
d = xlsx_roll("乡镇民政办", r_mzb, "白沙乡民政办_临时救助_2024年10月.xlsx")
roll_run("乡镇民政办", d, {("李芳", "赵志刚"): {}, ("赵一鸣", "赵志刚"): {}, ("孙长林", "孙国强"): {},
                        ("周建华", "钱秀梅"): {"relevance": ("same_unit", "same_township")}})

# U2 县卫生健康局 (the official) against a 县卫健委 roll, and 县卫生健康委员会 against a 县卫健局 roll.
d = roll_dir("卫健局卫健委", kin=kin_csv([("赵志刚", "县卫生健康局", "妻子", "李芳"), ("孙国强", "县卫生健康委员会", "父亲", "孙长林")]))
open(f"{d}/rolls/县卫健委_计划生育特别扶助_2024年.csv", "w").write(
    "序号,姓名,身份证号码,扶助类别,金额\n" + "".join(f"{k+1},{n},{ID[n]},独生子女伤残,4800\n" for k, n in enumerate(["李芳", S[0]])))
open(f"{d}/rolls/县卫健局_农村部分计划生育家庭奖励扶助_2024年.csv", "w").write(
    "序号,姓名,身份证号码,金额\n" + "".join(f"{k+1},{n},{ID[n]},960\n" for k, n in enumerate(["孙长林", S[1]])))
roll_run("卫健局卫健委", d, {("李芳", "赵志刚"): {"relevance": "same_unit"}, ("孙长林", "孙国强"): {"relevance": "same_unit"}})

# ================================================================== loud
def loud(name, d, bad_file, want, also_ok_read=True):
    # the good roll's hits must be there; the odd file either read (its persons hit, want) or
    # named on screen with exit 3. Never exit 0 short of it.
    p = sh(d); hits = out_hits(d); screen = p.stdout + p.stderr
    keys = {(re.sub(r"\s", "", h["roll_name"]), h["cadre_name"]) for h in hits}
    read = all(k in keys for k in want)
    if read and also_ok_read:
        w = dict(want); w[("周建华", "钱秀梅")] = {}
        judge("loud", name, d, [p], hits, w, exit_ok=(0, 3), inspect=[(f"{d}/rolls", "roll")])
    else:
        why = []
        if p.returncode != 3: why.append(f"exit {p.returncode} with the file's persons not read")
        if bad_file not in screen: why.append(f"{bad_file} not named on screen")
        if ("周建华", "钱秀梅") not in keys: why.append("the good roll's hit lost")
        verdict("loud", name, [p], f"hits={len(hits)} read={read}", why, [(f"{d}/rolls", "roll")])

def good_roll(d):
    open(f"{d}/rolls/白沙乡_临时救助_2024年10月.csv", "w").write(f"姓名,身份证号码,金额\n周建华,{ID['周建华']},500\n{S[5]},{ID[S[5]]},500\n")

LW = {("李芳", "赵志刚"): {}, ("孙长林", "孙国强"): {}}

# L1 a roll exported by an old 特困 system as a dBase III .dbf (GBK, fields 姓名 / 身份证号 / 乡镇 / 金额).
def dbf(path, fields, rows):
    recl = 1 + sum(w for _, _, w in fields)
    hdr = struct.pack("<BBBBIHH20x", 3, 124, 10, 15, len(rows), 32 + 32 * len(fields) + 1, recl)
    hdr = hdr[:29] + bytes([0x7A]) + hdr[30:]
    for fname, t, wdt in fields:
        hdr += fname.encode("gbk").ljust(11, b"\0") + t.encode() + b"\0" * 4 + bytes([wdt, 2 if t == "N" else 0]) + b"\0" * 14
    hdr += b"\r"
    body = b""
    for r in rows:
        body += b" "
        for (fname, t, wdt), v in zip(fields, r):
            b = str(v).encode("gbk")
            body += b.rjust(wdt) if t == "N" else b.ljust(wdt)
    open(path, "wb").write(hdr + body + b"\x1a")
d = roll_dir("dBase特困")
dbf(f"{d}/rolls/县民政局_特困供养_2024年10月.dbf", [("姓名", "C", 20), ("身份证号", "C", 18), ("乡镇", "C", 20), ("金额", "N", 10)],
    [(n, ID[n], "白沙乡", "780.00") for n in ["李芳", S[0], "孙长林"]])
good_roll(d)
loud("dBase特困", d, "县民政局_特困供养_2024年10月.dbf", LW)

# L2 a roll downloaded from a web system as exportExcel.do (an .xlsx without its extension).
d = roll_dir("下载名do")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["序号", "姓名", "身份证号码", "救助金额"])
for k, n in enumerate(["李芳", S[0], "孙长林"]): ws.append([k + 1, n, ID[n], 800])
wb.save(f"{d}/rolls/exportExcel.do")
good_roll(d)
loud("下载名do", d, "exportExcel.do", LW)

# L3 a password-protected .xlsx (encrypted: an OLE2 compound file holding EncryptionInfo and
# EncryptedPackage, as Excel writes it). Cannot be read: exit 3, the file named.
def cfb(path, streams):
    # a minimal compound file (v3, 512-byte sectors), every stream at least 4096 bytes (no mini stream)
    SEC = 512; END, FREE, FATS, NOS = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    data = []; fat = [FATS, END]; nxt = 2; starts = []
    for _, b in streams:
        b = b + b"\0" * (-len(b) % SEC); n = len(b) // SEC; starts.append(nxt)
        fat += [nxt + i + 1 for i in range(n - 1)] + [END]; nxt += n; data.append(b)
    assert len(fat) <= 128
    fat += [FREE] * (128 - len(fat))
    def entry(name, typ, left=NOS, right=NOS, child=NOS, start=END, size=0):
        nm = name.encode("utf-16-le") + b"\0\0"
        return nm.ljust(64, b"\0") + struct.pack("<HBBIII16sIQQIQ", len(nm), typ, 1, left, right, child, b"\0" * 16, 0, 0, 0, start, size)
    # root's child: the second stream; the first its left sibling (shorter name sorts first)
    dirs = entry("Root Entry", 5, child=2) + entry(streams[0][0], 2, start=starts[0], size=len(streams[0][1])) + \
        entry(streams[1][0], 2, left=1, start=starts[1], size=len(streams[1][1])) + b"\0" * 64 + struct.pack("<III", NOS, NOS, NOS) + b"\0" * 52
    hdr = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16 + struct.pack("<HHHHH6sIIIIIIIII", 0x3E, 3, 0xFFFE, 9, 6, b"\0" * 6,
                                                                      0, 1, 1, 0, 4096, END, 0, END, 0)
    hdr += struct.pack("<I", 0) + struct.pack("<I", FREE) * 108
    open(path, "wb").write(hdr + struct.pack("<128I", *fat) + dirs + b"".join(data))
d = roll_dir("加密xlsx")
info = struct.pack("<HHI", 4, 4, 0x40) + (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" '
        b'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" '
        b'cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>')
cfb(f"{d}/rolls/县民政局_临时救助_2024年10月.xlsx", [("EncryptionInfo", info.ljust(4096, b"\0")),
                                                 ("EncryptedPackage", struct.pack("<Q", 8000) + os.urandom(8184))])
good_roll(d)
loud("加密xlsx", d, "县民政局_临时救助_2024年10月.xlsx", LW, also_ok_read=False)

# L4 an .xlsx saved as "Strict Open XML Spreadsheet" (the purl.oclc.org namespaces, conformance="strict").
d = roll_dir("StrictOOXML")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["序号", "姓名", "身份证号码", "救助金额"])
for k, n in enumerate(["李芳", S[0], "孙长林"]): ws.append([k + 1, n, ID[n], 800])
buf = io.BytesIO(); wb.save(buf)
zin = zipfile.ZipFile(io.BytesIO(buf.getvalue())); out = io.BytesIO(); zout = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)
for it in zin.infolist():
    b = zin.read(it.filename)
    if it.filename.endswith((".xml", ".rels")):
        t = b.decode("utf-8").replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main") \
             .replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships")
        if it.filename == "xl/workbook.xml": t = t.replace("<workbook ", '<workbook conformance="strict" ', 1)
        b = t.encode("utf-8")
    zout.writestr(it, b)
zout.close(); open(f"{d}/rolls/县民政局_临时救助_2024年10月.xlsx", "wb").write(out.getvalue())
good_roll(d)
loud("StrictOOXML", d, "县民政局_临时救助_2024年10月.xlsx", LW)

# L5 a roll whose 身份证号码 cells are formulas (=VLOOKUP into the 户籍 workbook) saved by a script
# without cached values: no ID can be read. Loud.
d = roll_dir("公式无缓存")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["序号", "姓名", "身份证号码", "救助金额"])
for k, n in enumerate(["李芳", S[0], "孙长林", S[1], S[2]]):
    ws.append([k + 1, n, f"=VLOOKUP(B{k+2},'[户籍信息.xlsx]Sheet1'!$A:$B,2,FALSE)", 800])
wb.save(f"{d}/rolls/县民政局_临时救助_2024年10月.xlsx")
good_roll(d)
loud("公式无缓存", d, "县民政局_临时救助_2024年10月.xlsx", LW, also_ok_read=False)

ok = sum(1 for *_, o in RESULTS if o)
print(f"{ok}/{len(RESULTS)} OK")
