# Session 29, written by an outside tester who had not read the reader: layouts none of probe.py,
# s10–s28 tried.
# Registers (tying each relative to the right cadre and relation): a sheet of blocks each opened by
# a merged label row 姓名：赵志刚　单位：县民政局　职务：科员 over 称谓 | 姓名 | 出生年月 | 政治面貌 |
# 工作单位及职务 | 身份证号码 (a parent without ID); 序号 restarting per cadre under a merged left column
# holding 赵志刚⏎县民政局 (name and unit over a line break); nineteen relation words (长女, 三子, 继子,
# 养女, 儿媳妇, 孙女, 外孙, 岳母, 公公, 婆婆, 兄 … 嫂子, 弟媳, 姐夫, 妹夫); a couple who are both cadres
# and list each other; a WPS CSV whose IDs became 4.32921E+17 (must be loud); officials and families
# on two sheets tied only by 干部序号; a hierarchical 序号 (1, 1-1, 1-2 …) with the official's own row
# carrying no 关系; relatives' columns first and the official's columns last; a GBK HTML table saved
# as .xls by a cadre system, the official's cells in rowspan; one sheet per official named 1-赵志刚;
# the whole family written in one free-text cell (妻子：李芳，身份证号：…；儿子：…).
# Rolls: members in one cell 李芳（妻）4329…；赵一鸣（子）4329…; 姓名 and 身份证号码 eleven columns apart
# (phone, bank account between); IDs ending in × (multiplication sign) for X; the ID typed over three
# columns 前6位 | 中间8位 | 后4位 under a merged 身份证号码; a second sheet continuing the first without
# a header.
# Relevance: 审批单位 per row (县人社局 / 白沙乡人民政府) beside a 用工单位 column, the official at
# 县人力资源和社会保障局; rolls in numbered unit folders (05-县农业农村局/10月.xlsx); 白沙乡党委, 白沙乡党政综合办公室 and
# 中共白沙乡委员会 against a 白沙乡人民政府 roll; 县医保局 / 道县医疗保障局 both ways; 县住建局城建监察大队
# and 县住房和城乡建设局住房保障股 against a 县住建局 roll.
import sys, os, csv, shutil, subprocess, openpyxl
sys.path.insert(0, os.path.dirname(__file__))
from common import chk, KM, out_hits, case_dir
V = "-v" in sys.argv
RUN_DATE = "2024-11-05"
RESULTS = []

def pid(birth, seq):
    # a valid ID of 示例县 (432921): birth YYYYMMDD, seq 3 digits (odd last digit: male)
    return chk("432921" + birth + seq)

def pid_x(birth, male):
    # a valid ID of that birth whose check character is X
    for s in range(100, 999):
        if (s % 2 == 1) == male:
            i = pid(birth, f"{s:03d}")
            if i.endswith("X"): return i
    raise ValueError(birth)

ID = {
    "赵志刚": pid("19750101", "111"), "钱秀梅": pid("19750201", "122"), "孙国强": pid("19750301", "131"),
    "李芳": pid("19760512", "102"), "周建华": pid("19760623", "111"), "赵一鸣": pid("20010311", "131"),
    "孙长林": pid("19500322", "151"), "赵德明": pid("19480303", "117"), "刘桂兰": pid("19530809", "148"),
    "吴国华": pid("19780915", "133"), "黄小梅": pid("19800412", "126"), "吴天宇": pid("20050620", "153"),
}
# our own strangers, all valid (common.STR[0] is dated 1960-01-00)
STR = [("陈" + x, chk(f"432921196001{k+11:02d}211")) for k, x in enumerate("一二三四五六")]
ID.update(dict(STR))
S = [n for n, _ in STR]

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

def judge(kind, name, d, ps, hits, want, optional=(), exit_ok=(0,), extra=(), inspect=None):
    # want: {(roll_name, cadre_name): {field: check}}: each such pair hit exactly once, tier confirmed
    # and relative_id the roll's ID unless the checks say otherwise (a check: str equal, tuple one
    # of, callable). optional: roll names that may be hit but never confirmed. Nothing else.
    why = list(extra)
    keys = [(h["roll_name"], h["cadre_name"]) for h in hits]
    for k in want:
        if keys.count(k) != 1: why.append(f"{k[0]}→{k[1]} hit {keys.count(k)} times")
    for h in hits:
        k = (h["roll_name"], h["cadre_name"])
        if h["roll_name"] in optional:
            if h["tier"] == "confirmed": why.append(f"{k[0]} confirmed (roll_id {h['roll_id']}, relative_id {h['relative_id']})")
            continue
        if k not in want:
            why.append(f"unexpected hit {k[0]}→{k[1]!r} ({h['relative_name']}, {h['relation']}, {h['tier']}, cadre_unit {h['cadre_unit']!r})"); continue
        checks = dict({"tier": "confirmed", "relative_id": ID.get(k[0], "")}, **want[k])
        for f, c in checks.items():
            if not good(h[f], c): why.append(f"{k[0]}→{k[1]}: {f}={h[f]!r}")
    for p in ps:
        if p.returncode not in exit_ok: why.append(f"exit {p.returncode}")
    summ = ",".join(f"{h['roll_name']}/{h['tier']}/{h['cadre_name']}/{h['relation']}({h['relation_term']})/{h['relevance']}" for h in hits).replace("\n", "⏎")
    verdict(kind, name, ps, summ, why, inspect or [])

def mzroll(d, names, town="白沙乡", village="石桥村"):
    # the 县民政局 低保 CSV naming these persons (with their IDs) and two strangers
    rows = [(n, ID[n]) for n in names] + STR[:2]
    open(f"{d}/rolls/县民政局_农村低保_2024年10月.csv", "w").write(
        "乡镇,村,户主姓名,身份证号码,保障金额\n" + "".join(f"{town},{village},{n},{i},450\n" for n, i in rows))

def reg_run(name, d, want, **kw):
    p = sh(d); judge("reg ", name, d, [p], out_hits(d), want, inspect=[(f"{d}/kin", "register")], **kw)

def W(cadre, rel, **more):
    w = {"relation": rel}; w.update(more); return w

def cs(s): return lambda v: s in v

# ================================================================== registers
# G1 blocks opened by a merged label row 姓名：…　单位：…　职务：… (no ID for the official); the
# relatives under 称谓 | 姓名 | 出生年月 | 政治面貌 | 工作单位及职务 | 身份证号码; 赵德明 (father) has no ID,
# only 出生年月 1948.03, and is on the roll with his ID (born 1948-03-03): a lead, never confirmed.
d = case_dir("s29r_块标签行")
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "家庭成员"
ws.append(["县民政局干部职工家庭成员信息登记表"]); ws.merge_cells("A1:F1")
ws.append(["称谓", "姓名", "出生年月", "政治面貌", "工作单位及职务", "身份证号码"])
def label(text):
    ws.append([text]); ws.merge_cells(f"A{ws.max_row}:F{ws.max_row}")
label("姓名：赵志刚　　单位：县民政局　　职务：科员")
ws.append(["妻子", "李芳", "1976.05", "群众", "白沙乡石桥村务农", ID["李芳"]])
ws.append(["儿子", "赵一鸣", "2001.03", "共青团员", "湖南农业大学学生", ID["赵一鸣"]])
ws.append(["父亲", "赵德明", "1948.03", "中共党员", "白沙乡石桥村村民", None])
label("姓名：钱秀梅　　单位：县民政局　　职务：社会救助股股长")
ws.append(["丈夫", "周建华", "1976.06", "群众", "白沙乡石桥村个体户", ID["周建华"]])
ws.append(["母亲", "刘桂兰", "1953.08", "群众", "白沙乡石桥村村民", None])
wb.save(f"{d}/kin/县民政局家庭成员登记表.xlsx")
mzroll(d, ["李芳", "赵一鸣", "赵德明", "周建华"])
reg_run("块标签行", d, {
    ("李芳", "赵志刚"): W("赵志刚", "spouse", relevance="same_unit"),
    ("赵一鸣", "赵志刚"): W("赵志刚", "child", relevance="same_unit"),
    ("赵德明", "赵志刚"): W("赵志刚", "parent", tier=("probable", "possible"), relative_id=""),
    ("周建华", "钱秀梅"): W("钱秀梅", "spouse", relevance="same_unit")})

# G2 序号 restarting per official; the official only in a merged left column 干部姓名 holding
# 赵志刚⏎县民政局 (the unit typed under the name with Alt+Enter); no unit column; a county-wide
# register. Expected: the official 赵志刚 (not "赵志刚⏎县民政局") of 县民政局. (Headed 干部姓名及单位 the
# column is not read at all: exit 3.)
d = case_dir("s29r_左列合并姓名单位")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["干部姓名", "序号", "称谓", "姓名", "身份证号码", "现居住地"])
BLK = [("赵志刚\n县民政局", [("妻子", "李芳"), ("儿子", "赵一鸣")]), ("钱秀梅\n白沙乡人民政府", [("丈夫", "周建华")]),
       ("孙国强\n县教育局", [("父亲", "孙长林"), ("母亲", "刘桂兰")])]
for who, fam in BLK:
    top = ws.max_row + 1
    for k, (r, n) in enumerate(fam): ws.append([who if k == 0 else None, k + 1, r, n, ID[n], "白沙乡石桥村"])
    if len(fam) > 1: ws.merge_cells(f"A{top}:A{ws.max_row}")
    ws.cell(top, 1).alignment = openpyxl.styles.Alignment(wrap_text=True, vertical="center")
wb.save(f"{d}/kin/全县干部亲属登记汇总.xlsx")
mzroll(d, ["李芳", "赵一鸣", "周建华", "孙长林"])
reg_run("左列合并姓名单位", d, {
    ("李芳", "赵志刚"): W("赵志刚", "spouse", relevance="same_unit", cadre_unit=cs("民政局")),
    ("赵一鸣", "赵志刚"): W("赵志刚", "child", relevance="same_unit"),
    ("周建华", "钱秀梅"): W("钱秀梅", "spouse", relevance="same_township", cadre_unit=cs("白沙乡")),
    ("孙长林", "孙国强"): W("孙国强", "parent", relevance="other", cadre_unit=cs("教育局"))})

# G3 nineteen relation words in a plain long register: what relation code each gets.
FAMILY = [  # (official, word, relative, birth, seq, accepted relation codes)
    ("赵志刚", "配偶", "李芳", None, None, ("spouse",)),
    ("赵志刚", "长女", "赵一丹", "19990214", "102", ("child",)),
    ("赵志刚", "三子", "赵一平", "20060710", "113", ("child",)),
    ("赵志刚", "继子", "王小军", "20030405", "115", ("child", "stepchild", "step_child")),
    ("赵志刚", "养女", "赵小红", "20080918", "124", ("child", "adopted_child")),
    ("赵志刚", "儿媳妇", "陈静", "19980305", "126", ("child_in_law",)),
    ("赵志刚", "孙女", "赵雨欣", "20200101", "128", ("grandchild",)),
    ("赵志刚", "外孙", "刘子轩", "20210606", "135", ("grandchild",)),
    ("赵志刚", "岳母", "张桂英", "19520211", "142", ("parent_in_law",)),
    ("赵志刚", "兄", "赵志勇", "19700808", "151", ("sibling",)),
    ("赵志刚", "弟", "赵志伟", "19780303", "157", ("sibling",)),
    ("赵志刚", "姐", "赵志英", "19681111", "162", ("sibling",)),
    ("赵志刚", "妹", "赵志红", "19800707", "164", ("sibling",)),
    ("赵志刚", "嫂子", "黄美玲", "19710520", "166", ("sibling_in_law",)),
    ("赵志刚", "弟媳", "吴丽华", "19801212", "168", ("sibling_in_law",)),
    ("赵志刚", "姐夫", "郑国平", "19660919", "171", ("sibling_in_law",)),
    ("赵志刚", "妹夫", "何建军", "19790101", "173", ("sibling_in_law",)),
    ("钱秀梅", "公公", "周德福", "19500404", "175", ("parent_in_law",)),
    ("钱秀梅", "婆婆", "杨秀兰", "19520612", "182", ("parent_in_law",)),
]
for _, _, n, b, s, _ in FAMILY:
    if b: ID[n] = pid(b, s)
d = case_dir("s29r_称谓大全")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["干部姓名", "干部身份证号", "工作单位", "称谓", "亲属姓名", "亲属身份证号"])
UNIT = {"赵志刚": "县民政局", "钱秀梅": "白沙乡人民政府"}
for c, w, n, *_ in FAMILY: ws.append([c, ID[c], UNIT[c], w, n, ID[n]])
wb.save(f"{d}/kin/干部亲属登记.xlsx")
mzroll(d, [n for _, _, n, *_ in FAMILY])
reg_run("称谓大全", d, {(n, c): W(c, codes) for c, w, n, b, s, codes in FAMILY})

# G4 a couple who are both officials (赵志刚 县民政局, 李芳 县教育局), each listing the other as
# 配偶 and their son; the roll (民政局 临时救助) names 李芳 and 赵一鸣. Expected: 李芳 as 赵志刚's
# spouse and as an official herself (self); 赵一鸣 as the child of each.
d = case_dir("s29r_夫妻双干部")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["序号", "干部姓名", "干部身份证号", "工作单位", "职务", "称谓", "亲属姓名", "亲属身份证号", "亲属工作单位"])
ws.append([1, "赵志刚", ID["赵志刚"], "县民政局", "副局长", "配偶", "李芳", ID["李芳"], "县教育局"])
ws.append([2, "赵志刚", ID["赵志刚"], "县民政局", "副局长", "儿子", "赵一鸣", ID["赵一鸣"], "学生"])
ws.append([3, "李芳", ID["李芳"], "县教育局", "股长", "配偶", "赵志刚", ID["赵志刚"], "县民政局"])
ws.append([4, "李芳", ID["李芳"], "县教育局", "股长", "儿子", "赵一鸣", ID["赵一鸣"], "学生"])
ws.append([5, "孙国强", ID["孙国强"], "县教育局", "科员", "父亲", "孙长林", ID["孙长林"], "务农"])
wb.save(f"{d}/kin/干部亲属登记.xlsx")
open(f"{d}/rolls/县民政局_临时救助_2024年10月.csv", "w").write(
    "序号,姓名,身份证号码,救助事由,救助金额\n" + "".join(f"{k+1},{n},{ID[n]},因病,2000\n" for k, n in enumerate(["李芳", "赵一鸣"] + S[:2])))
reg_run("夫妻双干部", d, {
    ("李芳", "赵志刚"): W("赵志刚", "spouse", relevance="same_unit"),
    ("李芳", "李芳"): W("李芳", "self"),
    ("赵一鸣", "赵志刚"): W("赵志刚", "child", relevance="same_unit"),
    ("赵一鸣", "李芳"): W("李芳", "child", relevance="other")})

# G5 a WPS / Excel CSV export of a register whose IDs had been typed as numbers: every numeric ID
# written 4.32921E+17 (the digits are gone); the IDs ending in X stayed text and survive (李芳, 赵一鸣:
# confirmed). Expected: loud (exit 3, the file's lost IDs reported), 周建华 and 孙长林 never confirmed
# (name leads allowed).
d = case_dir("s29r_WPS科学计数")
def sci(i): return "4.32921E+17" if not i.endswith("X") else i
lines = ["干部姓名,干部身份证号,工作单位,亲属姓名,称谓,亲属身份证号"]
for c, r, n in [("赵志刚", "妻子", "李芳"), ("赵志刚", "儿子", "赵一鸣"), ("钱秀梅", "丈夫", "周建华"), ("孙国强", "父亲", "孙长林")]:
    lines.append(f"{c},{sci(ID[c])},{ {'赵志刚': '县民政局', '钱秀梅': '白沙乡人民政府', '孙国强': '县教育局'}[c]},{n},{r},{sci(ID[n])}")
open(f"{d}/kin/干部亲属信息.csv", "w", encoding="gbk").write("\r\n".join(lines) + "\r\n")
mzroll(d, ["李芳", "赵一鸣", "周建华", "孙长林"])
p = sh(d); hits = out_hits(d)
man = open(f"{d}/out/manifest.json", encoding="utf-8").read() if os.path.exists(f"{d}/out/manifest.json") else ""
extra = [] if "干部亲属信息.csv" in man and "problems" in man else ["manifest names no problem for the register"]
judge("reg ", "WPS科学计数", d, [p], hits, {("李芳", "赵志刚"): W("赵志刚", "spouse"), ("赵一鸣", "赵志刚"): W("赵志刚", "child")},
      optional=("周建华", "孙长林"), exit_ok=(3,), extra=extra,
      inspect=[(f"{d}/kin", "register")])
if V: print("      screen:", " | ".join(l for l in p.stdout.splitlines() if "干部亲属信息" in l or "科学" in l or "身份证" in l)[:800])

# G6 officials on sheet 干部信息 (序号 | 姓名 | 身份证号码 | 工作单位 | 职务), their families on sheet
# 家庭成员 tied by 干部序号 alone (the families sorted by relation, not by official).
d = case_dir("s29r_两表序号关联")
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "干部信息"
ws.append(["序号", "姓名", "性别", "身份证号码", "工作单位", "职务"])
ws.append([1, "赵志刚", "男", ID["赵志刚"], "县民政局", "科员"])
ws.append([2, "钱秀梅", "女", ID["钱秀梅"], "白沙乡人民政府", "副乡长"])
ws.append([3, "孙国强", "男", ID["孙国强"], "县教育局", "股长"])
s2 = wb.create_sheet("家庭成员")
s2.append(["干部序号", "称谓", "姓名", "身份证号码", "工作单位或住址"])
for row in [(1, "妻子", "李芳"), (2, "丈夫", "周建华"), (1, "儿子", "赵一鸣"), (3, "父亲", "孙长林"), (3, "母亲", "刘桂兰")]:
    s2.append([row[0], row[1], row[2], ID[row[2]], "白沙乡石桥村"])
wb.save(f"{d}/kin/干部及家庭成员信息.xlsx")
mzroll(d, ["李芳", "赵一鸣", "周建华", "孙长林", "刘桂兰"])
reg_run("两表序号关联", d, {
    ("李芳", "赵志刚"): W("赵志刚", "spouse", relevance="same_unit"), ("赵一鸣", "赵志刚"): W("赵志刚", "child"),
    ("周建华", "钱秀梅"): W("钱秀梅", "spouse", relevance="same_township"),
    ("孙长林", "孙国强"): W("孙国强", "parent"), ("刘桂兰", "孙国强"): W("孙国强", "parent")})

# G7 a hierarchical 序号: 1 is the official (关系 left blank), 1-1, 1-2 his relatives; one 工作单位及职务
# column for everyone (the official's row: his unit and post).
d = case_dir("s29r_层级序号")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["县直单位干部近亲属情况登记表"]); ws.merge_cells("A1:E1")
ws.append(["序号", "姓名", "关系", "身份证号码", "工作单位及职务"])
ws.append(["1", "赵志刚", None, ID["赵志刚"], "县民政局科员"])
ws.append(["1-1", "李芳", "妻子", ID["李芳"], "白沙乡石桥村务农"])
ws.append(["1-2", "赵一鸣", "儿子", ID["赵一鸣"], "县第一中学教师"])
ws.append(["2", "钱秀梅", None, ID["钱秀梅"], "白沙乡人民政府副乡长"])
ws.append(["2-1", "周建华", "丈夫", ID["周建华"], "白沙乡石桥村个体"])
ws.append(["3", "孙国强", None, ID["孙国强"], "县教育局股长"])
ws.append(["3-1", "孙长林", "父亲", ID["孙长林"], "退休"])
ws.append(["3-2", "刘桂兰", "母亲", ID["刘桂兰"], "无"])
wb.save(f"{d}/kin/县直干部近亲属登记.xlsx")
mzroll(d, ["李芳", "赵一鸣", "周建华", "孙长林", "刘桂兰"])
reg_run("层级序号", d, {
    ("李芳", "赵志刚"): W("赵志刚", "spouse", relevance="same_unit"), ("赵一鸣", "赵志刚"): W("赵志刚", "child", relevance="same_unit"),
    ("周建华", "钱秀梅"): W("钱秀梅", "spouse", relevance="same_township"),
    ("孙长林", "孙国强"): W("孙国强", "parent", relevance="other"), ("刘桂兰", "孙国强"): W("孙国强", "parent")})

# G8 the relatives' columns first, the official's last: 姓名 | 称谓 | 身份证号码 | 出生日期 | 干部姓名 |
# 干部工作单位 | 干部身份证号 (a relatives-table export with the reference to its official at the end).
d = case_dir("s29r_亲属在前干部在后")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["姓名", "称谓", "身份证号码", "出生日期", "干部姓名", "干部工作单位", "干部身份证号"])
for n, r, c, u in [("李芳", "妻子", "赵志刚", "县民政局"), ("赵一鸣", "儿子", "赵志刚", "县民政局"), ("周建华", "丈夫", "钱秀梅", "白沙乡人民政府"),
                   ("孙长林", "父亲", "孙国强", "县教育局")]:
    i = ID[n]; ws.append([n, r, i, f"{i[6:10]}-{i[10:12]}-{i[12:14]}", c, u, ID[c]])
wb.save(f"{d}/kin/亲属信息导出.xlsx")
mzroll(d, ["李芳", "赵一鸣", "周建华", "孙长林"])
reg_run("亲属在前干部在后", d, {
    ("李芳", "赵志刚"): W("赵志刚", "spouse", relevance="same_unit"), ("赵一鸣", "赵志刚"): W("赵志刚", "child"),
    ("周建华", "钱秀梅"): W("钱秀梅", "spouse"), ("孙长林", "孙国强"): W("孙国强", "parent")})

# G9 a cadre system's export: an HTML table in GBK saved as .xls, the official's cells in rowspan,
# IDs kept as text by mso-number-format.
d = case_dir("s29r_HTML行合并")
T = '<td style="mso-number-format:\'\\@\'">{}</td>'
rows = []
for (c, u, post), fam in [(("赵志刚", "县民政局", "科员"), [("妻子", "李芳"), ("儿子", "赵一鸣")]),
                           (("钱秀梅", "白沙乡人民政府", "副乡长"), [("丈夫", "周建华")]),
                           (("孙国强", "县教育局", "股长"), [("父亲", "孙长林"), ("母亲", "刘桂兰")])]:
    for k, (r, n) in enumerate(fam):
        lead = (f'<td rowspan="{len(fam)}">{c}</td><td rowspan="{len(fam)}">{u}</td><td rowspan="{len(fam)}">{post}</td>'
                f'<td rowspan="{len(fam)}" style="mso-number-format:\'\\@\'">{ID[c]}</td>') if k == 0 else ""
        rows.append(f"<tr>{lead}<td>{r}</td><td>{n}</td>{T.format(ID[n])}</tr>")
html = ('<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">'
        '<head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>'
        '<table border="1"><tr><td colspan="7" align="center">干部家庭成员信息</td></tr>'
        '<tr><th>干部姓名</th><th>工作单位</th><th>现任职务</th><th>干部身份证号</th><th>称谓</th><th>亲属姓名</th><th>亲属身份证号</th></tr>'
        + "".join(rows) + "</table></body></html>")
open(f"{d}/kin/干部家庭成员信息.xls", "wb").write(html.encode("gbk"))
mzroll(d, ["李芳", "赵一鸣", "周建华", "孙长林", "刘桂兰"])
reg_run("HTML行合并", d, {
    ("李芳", "赵志刚"): W("赵志刚", "spouse", relevance="same_unit"), ("赵一鸣", "赵志刚"): W("赵志刚", "child"),
    ("周建华", "钱秀梅"): W("钱秀梅", "spouse"), ("孙长林", "孙国强"): W("孙国强", "parent"), ("刘桂兰", "孙国强"): W("孙国强", "parent")})

# G10 one sheet per official named 1-赵志刚, 2-钱秀梅, 3-孙国强 in 县民政局干部亲属登记表.xlsx; each sheet
# only the relatives' table under a title 家庭成员情况 (no official's name inside).
d = case_dir("s29r_序号名工作表")
wb = openpyxl.Workbook(); wb.remove(wb.active)
for k, (c, fam) in enumerate([("赵志刚", [("妻子", "李芳"), ("儿子", "赵一鸣")]), ("钱秀梅", [("丈夫", "周建华")]),
                               ("孙国强", [("父亲", "孙长林"), ("母亲", "刘桂兰")])]):
    s = wb.create_sheet(f"{k+1}-{c}")
    s.append(["家庭成员情况"]); s.merge_cells("A1:E1")
    s.append(["序号", "称谓", "姓名", "身份证号码", "工作单位或家庭住址"])
    for j, (r, n) in enumerate(fam): s.append([j + 1, r, n, ID[n], "白沙乡石桥村"])
wb.save(f"{d}/kin/县民政局干部亲属登记表.xlsx")
mzroll(d, ["李芳", "赵一鸣", "周建华", "孙长林", "刘桂兰"])
reg_run("序号名工作表", d, {(n, c): W(c, r, relevance="same_unit") for n, c, r in
                         [("李芳", "赵志刚", "spouse"), ("赵一鸣", "赵志刚", "child"), ("周建华", "钱秀梅", "spouse"),
                          ("孙长林", "孙国强", "parent"), ("刘桂兰", "孙国强", "parent")]})

# G11 one official a row; the whole family in one free-text cell 家庭主要成员情况, written three ways
# (妻子：李芳，身份证号：…；儿子：…, one relative a line 丈夫 周建华 4329…, 父亲孙长林（4329…）、母亲…).
d = case_dir("s29r_家庭成员文本格")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["序号", "姓名", "身份证号码", "工作单位", "职务", "家庭主要成员情况"])
ws.append([1, "赵志刚", ID["赵志刚"], "县民政局", "科员", f"妻子：李芳，身份证号：{ID['李芳']}；儿子：赵一鸣，身份证号：{ID['赵一鸣']}"])
ws.append([2, "钱秀梅", ID["钱秀梅"], "白沙乡人民政府", "副乡长", f"丈夫 周建华 {ID['周建华']}"])
ws.append([3, "孙国强", ID["孙国强"], "县教育局", "股长", f"父亲孙长林（{ID['孙长林']}）、母亲刘桂兰（{ID['刘桂兰']}）"])
wb.save(f"{d}/kin/干部家庭主要成员.xlsx")
mzroll(d, ["李芳", "赵一鸣", "周建华", "孙长林", "刘桂兰"])
reg_run("家庭成员文本格", d, {
    ("李芳", "赵志刚"): W("赵志刚", "spouse", relevance="same_unit"), ("赵一鸣", "赵志刚"): W("赵志刚", "child"),
    ("周建华", "钱秀梅"): W("钱秀梅", "spouse"), ("孙长林", "孙国强"): W("孙国强", "parent"), ("刘桂兰", "孙国强"): W("孙国强", "parent")})

# ================================================================== rolls
KINL = [("赵志刚", "县民政局", "妻子", "李芳"), ("钱秀梅", "白沙乡人民政府", "丈夫", "周建华"),
        ("赵志刚", "县民政局", "儿子", "赵一鸣"), ("孙国强", "县教育局", "父亲", "孙长林")]
def kin_csv(rows=KINL):
    return "干部姓名,干部身份证号,工作单位,亲属姓名,称谓,亲属身份证号\n" + "".join(f"{c},{ID[c]},{u},{n},{r},{ID[n]}\n" for c, u, r, n in rows)
STDW = {("李芳", "赵志刚"): {}, ("周建华", "钱秀梅"): {}, ("赵一鸣", "赵志刚"): {}, ("孙长林", "孙国强"): {}}

def xlsx_roll(name, build, file, kin=None):
    d = case_dir(f"s29_{name}"); open(f"{d}/kin/k.csv", "w").write(kin or kin_csv())
    full = f"{d}/rolls/{file}"; os.makedirs(os.path.dirname(full), exist_ok=True)
    wb = openpyxl.Workbook(); build(wb.active, wb); wb.save(full)
    return d

def roll_run(name, d, want, **kw):
    p = sh(d); judge("roll", name, d, [p], out_hits(d), want, inspect=[(f"{d}/rolls", "roll")], **kw)

# R1 one household a row; the members in one cell 李芳（妻）4329…；赵一鸣（子）4329…
def r_members_cell(ws, wb):
    ws.append(["序号", "户主姓名", "户主身份证号", "保障人数", "共同生活家庭成员及身份证号", "月保障金额（元）"])
    ws.append([1, S[0], ID[S[0]], 3, f"李芳（妻）{ID['李芳']}；赵一鸣（子）{ID['赵一鸣']}", 1350])
    ws.append([2, S[1], ID[S[1]], 2, f"{S[2]}（妻）{ID[S[2]]}", 900])
    ws.append([3, "周建华", ID["周建华"], 2, f"孙长林（岳父）{ID['孙长林']}", 900])
d = xlsx_roll("成员括号关系证号", r_members_cell, "县民政局_农村低保_2024年10月.xlsx")
roll_run("成员括号关系证号", d, STDW)

# R2 姓名 and 身份证号码 eleven columns apart (phone, bank account, 保障人数 … between)
def r_far_apart(ws, wb):
    ws.append(["序号", "姓名", "性别", "民族", "出生年月", "文化程度", "村", "组", "联系电话", "开户银行", "银行账号", "保障人数",
               "保障类别", "身份证号码", "月保障金（元）"])
    people = [("李芳", "女"), (S[0], "男"), ("周建华", "男"), ("赵一鸣", "男"), (S[1], "男"), ("孙长林", "男")]
    for k, (n, sx) in enumerate(people):
        i = ID[n]
        ws.append([k + 1, n, sx, "汉族", f"{i[6:10]}.{i[10:12]}", "初中", "石桥村", f"{k+1}组", f"1387461{k:04d}", "道县农村商业银行",
                   f"6230901{k:012d}", 2, "B类", i, 560])
d = xlsx_roll("姓名证号相隔十列", r_far_apart, "县民政局_农村低保_2024年10月.xlsx")
roll_run("姓名证号相隔十列", d, STDW)

# R3 IDs whose check character X is typed × (U+00D7, the 乘号 an input method offers for "x")
XP = {"李秀英": pid_x("19700315", False), "王建军": pid_x("19650720", True)}
ID.update(XP)
def r_times_x(ws, wb):
    ws.append(["序号", "姓名", "身份证号码", "村", "救助金额（元）"])
    for k, n in enumerate(["李秀英", S[0], "王建军", "李芳"]):
        ws.append([k + 1, n, ID[n].replace("X", "×"), "石桥村", 1000])
d = xlsx_roll("乘号当X", r_times_x, "县民政局_临时救助_2024年10月.xlsx",
              kin=kin_csv([("赵志刚", "县民政局", "姐姐", "李秀英"), ("孙国强", "县教育局", "姐夫", "王建军"), ("赵志刚", "县民政局", "妻子", "李芳")]))
roll_run("乘号当X", d, {("李秀英", "赵志刚"): {}, ("王建军", "孙国强"): {}, ("李芳", "赵志刚"): {}})

# R4 the ID typed over three columns 前6位 | 中间8位 | 后4位 under a merged 身份证号码
def r_split_id(ws, wb):
    ws.append(["序号", "姓名", "身份证号码", None, None, "村", "补贴金额（元）"]); ws.merge_cells("C1:E1")
    for c in "ABFG": ws.merge_cells(f"{c}1:{c}2")
    ws.append([None, None, "前6位", "中间8位", "后4位", None, None])
    for k, n in enumerate(["李芳", S[0], "周建华", "赵一鸣", S[1], "孙长林"]):
        i = ID[n]; ws.append([k + 1, n, i[:6], i[6:14], i[14:], "石桥村", 320])
d = xlsx_roll("证号分三列", r_split_id, "县农业农村局_耕地地力保护补贴.xlsx")
roll_run("证号分三列", d, STDW)

# R5 a roll over two sheets: Sheet2 continues Sheet1 (序号 4–6) without repeating the header
def r_two_sheets(ws, wb):
    ws.title = "Sheet1"
    ws.append(["2024年10月临时救助发放花名册"]); ws.merge_cells("A1:E1")
    ws.append(["序号", "姓名", "身份证号码", "救助事由", "救助金额（元）"])
    for k, n in enumerate([S[0], "李芳", "周建华"]): ws.append([k + 1, n, ID[n], "因病", 1000])
    s2 = wb.create_sheet("Sheet2")
    for k, n in enumerate(["赵一鸣", "孙长林", S[1]]): s2.append([k + 4, n, ID[n], "因灾", 800])
d = xlsx_roll("续表无表头", r_two_sheets, "县民政局_临时救助_2024年10月.xlsx")
roll_run("续表无表头", d, STDW)

# ================================================================== relevance
# U1 公益性岗位 roll with 审批单位 per row (县人社局 or 白沙乡人民政府) and a 用工单位 column that is not the
# approving unit; the file name names no unit. The official 赵志刚 is at 县人力资源和社会保障局.
d = xlsx_roll("审批单位列人社", lambda ws, wb: [ws.append(r) for r in [
    ["序号", "姓名", "身份证号码", "岗位名称", "用工单位", "审批单位", "岗位补贴（元）"],
    [1, "李芳", ID["李芳"], "保洁员", "石桥村委会", "县人社局", 1500],
    [2, "周建华", ID["周建华"], "护林员", "白沙乡林业站", "白沙乡人民政府", 1200],
    [3, "赵一鸣", ID["赵一鸣"], "村级协管员", "石桥村委会", "白沙乡人民政府", 1200],
    [4, "孙长林", ID["孙长林"], "门卫", "县教育局", "县人社局", 1500],
    [5, S[0], ID[S[0]], "保洁员", "石桥村委会", "县人社局", 1500]]],
    "2024年10月公益性岗位补贴发放表.xlsx",
    kin=kin_csv([("赵志刚", "县人力资源和社会保障局", "妻子", "李芳"), ("钱秀梅", "白沙乡人民政府", "丈夫", "周建华"),
                 ("赵志刚", "县人力资源和社会保障局", "儿子", "赵一鸣"), ("孙国强", "县教育局", "父亲", "孙长林")]))
roll_run("审批单位列人社", d, {
    ("李芳", "赵志刚"): {"relevance": "same_unit", "approving_unit": cs("人社")},
    ("周建华", "钱秀梅"): {"relevance": "same_unit", "approving_unit": cs("白沙乡")},
    ("赵一鸣", "赵志刚"): {"relevance": "other", "approving_unit": cs("白沙乡")},
    ("孙长林", "孙国强"): {"relevance": "other", "approving_unit": cs("人社")}})

# U2 rolls in numbered unit folders, files named by the month only: 各单位报送/05-县农业农村局/10月.xlsx
# and 11月.xlsx; the official 赵志刚 at 县农业农村局.
d = case_dir("s29_编号单位文件夹")
open(f"{d}/kin/k.csv", "w").write(kin_csv([("赵志刚", "县农业农村局", "妻子", "李芳"), ("赵志刚", "县农业农村局", "儿子", "赵一鸣"),
                                           ("孙国强", "县教育局", "父亲", "孙长林")]))
for m, names in [("10月", ["李芳", S[0]]), ("11月", ["赵一鸣", "孙长林", S[1]])]:
    f = f"{d}/rolls/各单位报送/05-县农业农村局/{m}.xlsx"; os.makedirs(os.path.dirname(f), exist_ok=True)
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["序号", "姓名", "身份证号码", "村组", "确权面积（亩）", "补贴金额（元）"])
    for k, n in enumerate(names): ws.append([k + 1, n, ID[n], "石桥村2组", 4.1, 430.5])
    wb.save(f)
roll_run("编号单位文件夹", d, {
    ("李芳", "赵志刚"): {"relevance": "same_unit", "approving_unit": cs("农业农村局")},
    ("赵一鸣", "赵志刚"): {"relevance": "same_unit", "approving_unit": cs("农业农村局")},
    ("孙长林", "孙国强"): {"relevance": "other"}})

# U3 township officials written 白沙乡党委, 中共白沙乡委员会 and 白沙乡党政综合办公室 (the township's own
# office) against a roll approved by 白沙乡人民政府;
# their relatives live in 青石镇 (the roll's 乡镇 column), so only the unit can make them same_unit:
# a 乡镇 is one organ (党委 leads the 政府's approvals), so same_unit is expected.
d = case_dir("s29_乡党委对乡政府")
open(f"{d}/kin/k.csv", "w").write(kin_csv([("钱秀梅", "白沙乡党委", "丈夫", "周建华"), ("吴国华", "中共白沙乡委员会", "妻子", "黄小梅"),
                                           ("吴国华", "中共白沙乡委员会", "儿子", "吴天宇"), ("孙国强", "县教育局", "父亲", "孙长林"),
                                           ("赵志刚", "白沙乡党政综合办公室", "妻子", "李芳")]))
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["序号", "乡镇", "村", "姓名", "身份证号码", "救助类别", "救助金额（元）"])
for k, n in enumerate(["周建华", "黄小梅", "吴天宇", "孙长林", "李芳", S[0]]): ws.append([k + 1, "青石镇", "枫木村", n, ID[n], "因病", 1500])
wb.save(f"{d}/rolls/白沙乡人民政府_临时救助_2024年10月.xlsx")
roll_run("乡党委对乡政府", d, {
    ("周建华", "钱秀梅"): {"relevance": "same_unit"}, ("黄小梅", "吴国华"): {"relevance": "same_unit"},
    ("吴天宇", "吴国华"): {"relevance": "same_unit"}, ("孙长林", "孙国强"): {"relevance": "other"},
    ("李芳", "赵志刚"): {"relevance": "same_unit"}})

# U4 县医保局 (official) against a 县医疗保障局 roll, and 道县医疗保障局 (official) against a 县医保局 roll
d = case_dir("s29_医保局简称全称")
open(f"{d}/kin/k.csv", "w").write(kin_csv([("赵志刚", "县医保局", "妻子", "李芳"), ("孙国强", "道县医疗保障局", "父亲", "孙长林"),
                                           ("钱秀梅", "白沙乡人民政府", "丈夫", "周建华")]))
for f, names in [("县医疗保障局_医疗救助_2024年10月.xlsx", ["李芳", "周建华", S[0]]), ("县医保局_城乡居民医保参保资助_2024年.xlsx", ["孙长林", S[1]])]:
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["序号", "姓名", "身份证号码", "救助类别", "救助金额（元）"])
    for k, n in enumerate(names): ws.append([k + 1, n, ID[n], "低保对象", 380])
    wb.save(f"{d}/rolls/{f}")
roll_run("医保局简称全称", d, {
    ("李芳", "赵志刚"): {"relevance": "same_unit"}, ("孙长林", "孙国强"): {"relevance": "same_unit"},
    ("周建华", "钱秀梅"): {"relevance": "other"}})

# U5 officials of a bureau's own 股 (县住房和城乡建设局住房保障股) and of its subordinate 大队
# (县住建局城建监察大队) against a 县住建局 危房改造 roll. Expected same_unit for both: the 股 is the
# bureau itself; the 大队 is the bureau's own subordinate unit, under the bureau that approves.
d = case_dir("s29_住建局下属单位")
open(f"{d}/kin/k.csv", "w").write(kin_csv([("赵志刚", "县住建局城建监察大队", "妻子", "李芳"), ("孙国强", "县住房和城乡建设局住房保障股", "父亲", "孙长林"),
                                           ("钱秀梅", "县教育局", "丈夫", "周建华")]))
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["序号", "户主姓名", "身份证号码", "村", "改造方式", "补助资金（元）"])
for k, n in enumerate(["李芳", "孙长林", "周建华", S[0]]): ws.append([k + 1, n, ID[n], "石桥村", "修缮加固", 15000])
wb.save(f"{d}/rolls/县住建局_农村危房改造_2024年.xlsx")
p = sh(d); hits = out_hits(d)
judge("roll", "住建局下属单位", d, [p], hits, {
    ("李芳", "赵志刚"): {"relevance": "same_unit"}, ("孙长林", "孙国强"): {"relevance": "same_unit"},
    ("周建华", "钱秀梅"): {"relevance": "other"}}, inspect=[(f"{d}/rolls", "roll")])
if V: print("     ", [(h["roll_name"], h["cadre_unit"], h["approving_unit"], h["relevance"]) for h in hits])

ok = sum(1 for *_, o in RESULTS if o)
print(f"{ok}/{len(RESULTS)} OK")
