# Session 30, written by an outside tester who had not read the reader: layouts none of probe.py,
# s10–s29 tried.
# Registers (each relative tied to the right cadre and relation, the cadre's unit read right): a
# vertical label / value form per sheet (姓名 | 赵志刚 / 公民身份号码 | … / 工作单位 | … one a row) above
# the 家庭主要成员 table, sheets named Sheet1 …; headers with line breaks and notes in brackets
# (与本人关系⏎（如：妻子、儿子、父亲）, 公民身份号码⏎（18位，末位X大写）); a self-built database's pinyin
# initials (GBXM, GBSFZH, DWMC, QSXM, YBRGX, QSSFZH); a two-row header grouping 本人情况 over
# 姓名 | 身份证号码 | 工作单位 and 家庭成员情况 over 称谓 | 姓名 | 身份证号码, the cadre merged down;
# blocks with 小计 rows, blank rows, a 合计 row and 以下空白; a 个人有关事项报告 with 报告人 in a label
# line and a 子女及其配偶 section holding the child and the child's spouse on one row; a township's
# hand-typed sheet with 单位 merged over the whole table and 夫妻 as a relation; sheets named by a
# short unit (民政局, 白沙乡, 教育局); a wide register of unnumbered repeated groups 关系 | 姓名 |
# 身份证号 | 关系 | 姓名 | 身份证号 ….
# Rolls (every beneficiary read with the right name and ID): a bank 代发 list (单位名称：县民政局 in a
# label line, 收款人账号 | 收款人名称 | 证件类型 | 证件号码 | 交易金额, a 合计 footer); a 惠民惠农一卡通
# export with 补贴项目 and 主管部门 per row; months across the row under a merged 发放金额（元）; a
# household's 户主 merged down over member rows (the head again as 户主 among the members); a 合计
# row and 审核人：赵志刚 / 审批人：钱秀梅 signatures under the table; a GBK text file delimited by |
# under a title line; an HTML .xls with 户主<br>姓名, &nbsp; padding and title / footer tables;
# ID and bank card in one cell under 身份证号码⏎银行卡号; a 封面 sheet naming 申报单位 before the
# roll sheet; a CSV with old-Mac CR line endings.
# Loud (exit 3, never exit 0 with nothing): a roll OCR'd from a scan (IDs with O / l / I for
# 0 / 1); a roll workbook cut off in download; a publicity copy with 身份证号（后四位）; a register
# whose official's columns were left empty.
# Relevance: officials of 县民政局/社会救助股, 县民政局－社会事务股, 县民政局（社会福利股） against a
# 县民政局 roll; a roll placing beneficiaries only by 家庭住址 (白沙乡石桥村3组) or by 乡镇 written
# short (白沙).
import sys, os, re, csv, shutil, subprocess, openpyxl
from openpyxl.styles import Alignment
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
    "孙长林": pid("19500322", "151"), "赵德明": pid("19480303", "117"), "刘桂兰": pid("19530809", "148"),
    "吴国华": pid("19780915", "133"), "黄小梅": pid("19800412", "126"), "吴天宇": pid("20050620", "153"),
    "陈静": pid("19980305", "126"), "赵一丹": pid("19990214", "102"), "周小兵": pid("20020909", "173"),
}
# our own strangers, all valid
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

def judge(kind, name, d, ps, hits, want, optional=(), exit_ok=(0,), extra=(), inspect=None, times=(1,)):
    # want: {(roll_name, cadre_name): {field: check}}: each such pair hit once (or a count in times),
    # tier confirmed and relative_id the roll's ID unless the checks say otherwise (a check: str
    # equal, tuple one of, callable), roll names compared without spaces. optional: roll names that
    # may be hit but never confirmed. Nothing else.
    why = list(extra)
    nm = lambda h: re.sub(r"\s", "", h["roll_name"])   # a name padded 李　芳 / 李 芳 is kept as written
    keys = [(nm(h), h["cadre_name"]) for h in hits]
    for k in want:
        if keys.count(k) not in times: why.append(f"{k[0]}→{k[1]} hit {keys.count(k)} times")
    for h in hits:
        k = (nm(h), h["cadre_name"])
        if k[0] in optional:
            if h["tier"] == "confirmed": why.append(f"{k[0]} confirmed (roll_id {h['roll_id']}, relative_id {h['relative_id']})")
            continue
        if k not in want:
            why.append(f"unexpected hit {k[0]!r}→{k[1]!r} ({h['relative_name']}, {h['relation']}, {h['tier']}, cadre_unit {h['cadre_unit']!r})"); continue
        checks = dict({"tier": "confirmed", "relative_id": ID.get(k[0], ""), "roll_id": ID.get(k[0], "")}, **want[k])
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

def W(rel, **more):
    w = {"relation": rel}; w.update(more); return w

def cs(s): return lambda v: s in v

# the usual five relatives of the three officials
FAM = {"赵志刚": [("妻子", "李芳"), ("儿子", "赵一鸣")], "钱秀梅": [("丈夫", "周建华")], "孙国强": [("父亲", "孙长林"), ("母亲", "刘桂兰")]}
UNIT = {"赵志刚": "县民政局", "钱秀梅": "白沙乡人民政府", "孙国强": "县教育局"}
POST = {"赵志刚": "科员", "钱秀梅": "副乡长", "孙国强": "股长"}
STD5 = {("李芳", "赵志刚"): W("spouse", relevance="same_unit"), ("赵一鸣", "赵志刚"): W("child", relevance="same_unit"),
        ("周建华", "钱秀梅"): W("spouse", relevance="same_township"),
        ("孙长林", "孙国强"): W("parent", relevance="other"), ("刘桂兰", "孙国强"): W("parent", relevance="other")}
ALL5 = ["李芳", "赵一鸣", "周建华", "孙长林", "刘桂兰"]

# ================================================================== registers
# G1 one sheet per official (Sheet1, Sheet2, Sheet3), his particulars as a vertical label / value
# form (姓名 | 赵志刚; 公民身份号码 | …; 工作单位 | 县民政局; 现任职务 | 科员, one a row), then a
# merged 家庭主要成员 line and the relatives' table 称谓 | 姓名 | 身份证号码 | 工作单位及职务.
d = case_dir("s30r_竖排表单")
wb = openpyxl.Workbook(); wb.remove(wb.active)
for k, c in enumerate(FAM):
    ws = wb.create_sheet(f"Sheet{k+1}")
    ws.append(["干部家庭成员信息表"]); ws.merge_cells("A1:D1")
    for lab, val in [("姓名", c), ("公民身份号码", ID[c]), ("工作单位", UNIT[c]), ("现任职务", POST[c])]:
        ws.append([lab, val]); ws.merge_cells(f"B{ws.max_row}:D{ws.max_row}")
    ws.append([])
    ws.append(["家庭主要成员"]); ws.merge_cells(f"A{ws.max_row}:D{ws.max_row}")
    ws.append(["称谓", "姓名", "身份证号码", "工作单位及职务"])
    for r, n in FAM[c]: ws.append([r, n, ID[n], "白沙乡石桥村务农"])
wb.save(f"{d}/kin/干部家庭成员信息表.xlsx")
mzroll(d, ALL5)
reg_run("竖排表单", d, STD5)

# G2 headers typed with Alt+Enter line breaks and filling notes in brackets; no official's ID.
d = case_dir("s30r_表头括注换行")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["序号", "干部\n姓名", "所在单位\n（填写全称）", "职务\n（职级）", "家庭成员\n姓名",
           "与本人关系\n（如：妻子、儿子、父亲）", "公民身份号码\n（18位，末位X大写）", "现住址\n（具体到村组）"])
k = 0
for c, fam in FAM.items():
    for r, n in fam:
        k += 1; ws.append([k, c, UNIT[c], POST[c], n, r, ID[n], "白沙乡石桥村2组"])
for col in "ABCDEFGH": ws[f"{col}1"].alignment = Alignment(wrap_text=True)
wb.save(f"{d}/kin/干部亲属信息采集表.xlsx")
mzroll(d, ALL5)
reg_run("表头括注换行", d, STD5)

# G3 a self-built database's export whose headers are pinyin initials: GBXM (干部姓名), GBSFZH,
# DWMC (单位名称), ZW, QSXM (亲属姓名), YBRGX (与本人关系), QSSFZH.
d = case_dir("s30r_拼音首字母表头")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["GBXM", "GBSFZH", "DWMC", "ZW", "QSXM", "YBRGX", "QSSFZH"])
for c, fam in FAM.items():
    for r, n in fam: ws.append([c, ID[c], UNIT[c], POST[c], n, r, ID[n]])
wb.save(f"{d}/kin/gbqs_export.xlsx")
mzroll(d, ALL5)
reg_run("拼音首字母表头", d, STD5)

# G4 a two-row header: 本人情况 merged over 姓名 | 身份证号码 | 工作单位 | 职务, 家庭成员情况 merged over
# 称谓 | 姓名 | 身份证号码 | 工作单位或住址; the official's four cells merged down over his block.
d = case_dir("s30r_分组表头重名")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["本人情况", None, None, None, "家庭成员情况", None, None, None]); ws.merge_cells("A1:D1"); ws.merge_cells("E1:H1")
ws.append(["姓名", "身份证号码", "工作单位", "职务", "称谓", "姓名", "身份证号码", "工作单位或住址"])
for c, fam in FAM.items():
    top = ws.max_row + 1
    for j, (r, n) in enumerate(fam):
        ws.append(([c, ID[c], UNIT[c], POST[c]] if j == 0 else [None] * 4) + [r, n, ID[n], "白沙乡石桥村"])
    if len(fam) > 1:
        for col in "ABCD": ws.merge_cells(f"{col}{top}:{col}{ws.max_row}")
wb.save(f"{d}/kin/干部家庭成员登记.xlsx")
mzroll(d, ALL5)
reg_run("分组表头重名", d, STD5)

# G5 one official a block, his name on every row; after each block a 小计 row (小计 | | | | 2人) and a
# blank row; at the end 合计 | | | | 5人 and a 以下空白 line.
d = case_dir("s30r_小计空行")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["全县科级干部近亲属登记汇总表"]); ws.merge_cells("A1:G1")
ws.append(["序号", "干部姓名", "工作单位", "称谓", "亲属姓名", "亲属身份证号", "备注"])
k = 0
for c, fam in FAM.items():
    for r, n in fam:
        k += 1; ws.append([k, c, UNIT[c], r, n, ID[n], None])
    ws.append(["小计", None, None, None, f"{len(fam)}人", None, None])
    ws.append([])
ws.append(["合计", None, None, None, "5人", None, None])
ws.append(["以下空白"])
wb.save(f"{d}/kin/全县科级干部近亲属登记汇总表.xlsx")
mzroll(d, ALL5)
reg_run("小计空行", d, STD5)

# G6 a 个人有关事项报告 (family part): 报告人 in a label line, 一、配偶情况 under its own header, then
# 二、子女及其配偶情况 with the child and the child's spouse on one row (子女姓名 | 子女身份证号 |
# 子女工作单位及职务 | 子女配偶姓名 | 子女配偶身份证号 | 子女配偶工作单位及职务); one sheet per reporter.
d = case_dir("s30r_子女及其配偶同行")
wb = openpyxl.Workbook(); wb.remove(wb.active)
for c, sp, kids in [("赵志刚", ("李芳", "白沙乡石桥村务农"), [("赵一鸣", "长沙某公司职员", "陈静", "长沙某公司职员"), ("赵一丹", "在读研究生", None, None)]),
                    ("钱秀梅", ("周建华", "白沙乡石桥村个体"), [("周小兵", "白沙乡中心学校教师", None, None)])]:
    ws = wb.create_sheet(c)
    ws.append(["领导干部个人有关事项报告表（家庭成员部分）"]); ws.merge_cells("A1:F1")
    ws.append([f"报告人：{c}　　工作单位：{UNIT[c]}　　职务：{POST[c]}　　身份证号：{ID[c]}"]); ws.merge_cells("A2:F2")
    ws.append(["一、配偶情况"]); ws.merge_cells("A3:F3")
    ws.append(["姓名", "身份证号", "工作单位及职务", "户籍所在地"])
    ws.append([sp[0], ID[sp[0]], sp[1], "示例县白沙乡"])
    ws.append([])
    ws.append(["二、子女及其配偶情况"]); ws.merge_cells(f"A{ws.max_row}:F{ws.max_row}")
    ws.append(["子女姓名", "子女身份证号", "子女工作单位及职务", "子女配偶姓名", "子女配偶身份证号", "子女配偶工作单位及职务"])
    for kid, kw, ksp, kspw in kids:
        ws.append([kid, ID[kid], kw, ksp, ID[ksp] if ksp else None, kspw])
wb.save(f"{d}/kin/个人有关事项报告_家庭成员.xlsx")
mzroll(d, ["李芳", "赵一鸣", "陈静", "赵一丹", "周建华", "周小兵"])
reg_run("子女及其配偶同行", d, {
    ("李芳", "赵志刚"): W("spouse", relevance="same_unit", cadre_unit=cs("民政局")),
    ("赵一鸣", "赵志刚"): W("child", relevance="same_unit"), ("赵一丹", "赵志刚"): W("child"),
    ("陈静", "赵志刚"): W("child_in_law", relevance="same_unit"),
    ("周建华", "钱秀梅"): W("spouse", relevance="same_township"), ("周小兵", "钱秀梅"): W("child", relevance="same_township")})

# G7 a township's hand-typed sheet: 单位 merged down over the whole table (白沙乡人民政府), each
# official's 姓名 and 职务 merged over his block; relations as typed: 夫妻, 儿子, 女儿; no IDs for the
# officials. Their relatives live in 白沙乡, the 县民政局 roll places them there: same_township.
d = case_dir("s30r_乡镇手工合并")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["白沙乡机关干部亲属信息统计表"]); ws.merge_cells("A1:G1")
ws.append(["单位", "姓名", "职务", "亲属关系", "亲属姓名", "亲属身份证号码", "亲属现住址"])
first = ws.max_row + 1
for c, post, fam in [("钱秀梅", "副乡长", [("夫妻", "周建华"), ("儿子", "周小兵")]), ("吴国华", "党委委员", [("夫妻", "黄小梅"), ("儿子", "吴天宇")])]:
    top = ws.max_row + 1
    for j, (r, n) in enumerate(fam):
        ws.append(["白沙乡人民政府" if ws.max_row + 1 == first else None, c if j == 0 else None, post if j == 0 else None, r, n, ID[n], "白沙乡石桥村"])
    ws.merge_cells(f"B{top}:B{ws.max_row}"); ws.merge_cells(f"C{top}:C{ws.max_row}")
ws.merge_cells(f"A{first}:A{ws.max_row}")
ws.append(["填表人：陈五", None, None, None, "填表时间：2024年9月", None, None])
wb.save(f"{d}/kin/白沙乡干部亲属统计表.xlsx")
mzroll(d, ["周建华", "周小兵", "黄小梅", "吴天宇"])
reg_run("乡镇手工合并", d, {
    ("周建华", "钱秀梅"): W("spouse", relevance="same_township", cadre_unit=cs("白沙乡")),
    ("周小兵", "钱秀梅"): W("child", relevance="same_township"),
    ("黄小梅", "吴国华"): W("spouse", relevance="same_township", cadre_unit=cs("白沙乡")),
    ("吴天宇", "吴国华"): W("child", relevance="same_township")})

# G8 one sheet per unit, the sheet named by the unit written short (民政局, 白沙乡, 教育局), no unit
# column and no unit in the file name (全县科级干部亲属信息.xlsx).
d = case_dir("s30r_工作表名简称单位")
wb = openpyxl.Workbook(); wb.remove(wb.active)
for c, sname in [("赵志刚", "民政局"), ("钱秀梅", "白沙乡"), ("孙国强", "教育局")]:
    ws = wb.create_sheet(sname)
    ws.append(["干部姓名", "干部身份证号", "职务", "称谓", "亲属姓名", "亲属身份证号"])
    for r, n in FAM[c]: ws.append([c, ID[c], POST[c], r, n, ID[n]])
wb.save(f"{d}/kin/全县科级干部亲属信息.xlsx")
mzroll(d, ALL5)
reg_run("工作表名简称单位", d, {
    ("李芳", "赵志刚"): W("spouse", relevance="same_unit", cadre_unit=cs("民政")),
    ("赵一鸣", "赵志刚"): W("child", relevance="same_unit"),
    ("周建华", "钱秀梅"): W("spouse", relevance="same_township", cadre_unit=cs("白沙乡")),
    ("孙长林", "孙国强"): W("parent", relevance="other", cadre_unit=cs("教育")), ("刘桂兰", "孙国强"): W("parent")})

# G9 a wide register of unnumbered repeated groups: 干部姓名 | 身份证号 | 工作单位 | 关系 | 姓名 | 身份证号 |
# 关系 | 姓名 | 身份证号 | 关系 | 姓名 | 身份证号 (the same three words each time, no 1 / 2 / 3).
d = case_dir("s30r_重复分组无编号")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["干部姓名", "身份证号", "工作单位"] + ["关系", "姓名", "身份证号"] * 3)
for c, fam in FAM.items():
    row = [c, ID[c], UNIT[c]]
    for r, n in fam: row += [r, n, ID[n]]
    ws.append(row)
wb.save(f"{d}/kin/干部亲属横排.xlsx")
mzroll(d, ALL5)
reg_run("重复分组无编号", d, STD5)

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
    d = case_dir(f"s30_{name}"); open(f"{d}/kin/k.csv", "w").write(kin or kin_csv()); return d

def xlsx_roll(name, build, file, kin=None):
    d = roll_dir(name, kin)
    full = f"{d}/rolls/{file}"; os.makedirs(os.path.dirname(full), exist_ok=True)
    wb = openpyxl.Workbook(); build(wb.active, wb); wb.save(full)
    return d

def roll_run(name, d, want, **kw):
    p = sh(d); judge("roll", name, d, [p], out_hits(d), want, inspect=[(f"{d}/rolls", "roll")], **kw)

# R1 a bank's 代发 list: label lines 单位名称：县民政局 / 单位账号 / 代发项目 / 代发日期 above the header
# 序号 | 收款人账号 | 收款人名称 | 证件类型 | 证件号码 | 交易金额 | 摘要; a 合计 footer; the file named by
# the bank (代发明细_20241015.xlsx).
def r_bank(ws, wb):
    ws.append(["代发业务明细清单"]); ws.merge_cells("A1:G1")
    ws.append(["单位名称：县民政局", None, None, None, "单位账号：1857 0101 0400 12345"])
    ws.append(["代发项目：农村最低生活保障金", None, None, None, "代发日期：2024-10-15"])
    ws.append(["序号", "收款人账号", "收款人名称", "证件类型", "证件号码", "交易金额", "摘要"])
    for k, n in enumerate(P4):
        ws.append([k + 1, f"6228480{k:012d}", n, "居民身份证", ID[n], "450.00", "10月低保金"])
    ws.append(["合计", None, None, None, "6笔", "2700.00", None])
d = xlsx_roll("银行代发", r_bank, "代发明细_20241015.xlsx")
roll_run("银行代发", d, mz(approving_unit=cs("民政局")))

# R2 a 惠民惠农财政补贴资金一卡通 export: 补贴项目 and 主管部门 per row (县农业农村局 / 县民政局), the
# file naming no unit. Officials: 赵志刚 at 县农业农村局, 孙国强 at 县民政局.
def r_yikatong(ws, wb):
    ws.append(["序号", "乡镇", "村", "姓名", "身份证号码", "一卡通账号", "补贴项目", "主管部门", "发放金额"])
    for k, (n, item, dept) in enumerate([("李芳", "耕地地力保护补贴", "县农业农村局"), (S[0], "耕地地力保护补贴", "县农业农村局"),
                                          ("赵一鸣", "农村低保", "县民政局"), ("周建华", "农村低保", "县民政局"),
                                          ("孙长林", "农村低保", "县民政局"), (S[1], "高龄津贴", "县民政局")]):
        ws.append([k + 1, "白沙乡", "石桥村", n, ID[n], f"62309010{k:011d}", item, dept, 380])
d = xlsx_roll("一卡通主管部门", r_yikatong, "惠民惠农一卡通发放明细_2024年10月.xlsx",
              kin=kin_csv([("赵志刚", "县农业农村局", "妻子", "李芳"), ("钱秀梅", "白沙乡人民政府", "丈夫", "周建华"),
                           ("赵志刚", "县农业农村局", "儿子", "赵一鸣"), ("孙国强", "县民政局", "父亲", "孙长林")]))
roll_run("一卡通主管部门", d, {
    ("李芳", "赵志刚"): {"relevance": "same_unit", "approving_unit": cs("农业农村局")},
    ("赵一鸣", "赵志刚"): {"approving_unit": cs("民政局")},   # relevance: other, or same_township (not his township)
    ("周建华", "钱秀梅"): {"relevance": "same_township"},
    ("孙长林", "孙国强"): {"relevance": "same_unit", "approving_unit": cs("民政局")}})

# R3 months across the row: 发放金额（元） merged over 1月 … 10月 on the second header row, 全年合计
# last; one person per row. Each person must be one hit, not one per month.
def r_months(ws, wb):
    ws.append(["2024年1-10月特困人员救助供养金发放明细表"]); ws.merge_cells("A1:O1")
    ws.append(["序号", "姓名", "身份证号码", "供养方式", "发放金额（元）"] + [None] * 9 + ["合计"])
    ws.merge_cells("E2:N2")
    for c in "ABCDO": ws.merge_cells(f"{c}2:{c}3")
    ws.append([None] * 4 + [f"{m}月" for m in range(1, 11)] + [None])
    for k, n in enumerate(P4):
        ws.append([k + 1, n, ID[n], "分散供养"] + [780] * 10 + [7800])
d = xlsx_roll("月份横排", r_months, "县民政局_特困供养_2024年.xlsx")
roll_run("月份横排", d, mz())

# R4 one household over several rows: 户主姓名 | 户主身份证号码 merged down over its members'
# rows; the members under 家庭成员姓名 | 与户主关系 | 家庭成员身份证号码, the head again among them as
# 户主. 周建华 is a head (he may be hit once as head and once as member, not once per row).
def r_household(ws, wb):
    ws.append(["序号", "户主姓名", "户主身份证号码", "家庭成员姓名", "与户主关系", "家庭成员身份证号码", "保障人数", "月保障金额"])
    for k, (head, mem) in enumerate([(S[0], [(S[0], "户主"), ("李芳", "妻子"), ("赵一鸣", "儿子")]),
                                     ("周建华", [("周建华", "户主"), (S[1], "妻子")]),
                                     (S[2], [(S[2], "户主"), ("孙长林", "父亲")])]):
        top = ws.max_row + 1
        for j, (n, r) in enumerate(mem):
            ws.append([k + 1 if j == 0 else None, head if j == 0 else None, ID[head] if j == 0 else None, n, r, ID[n],
                       len(mem) if j == 0 else None, 450 * len(mem) if j == 0 else None])
        for c in "ABCGH": ws.merge_cells(f"{c}{top}:{c}{ws.max_row}")
d = xlsx_roll("户主合并成员行", r_household, "县民政局_农村低保_2024年10月.xlsx")
roll_run("户主合并成员行", d, STDW, times=(1, 2))

# R5 a 合计 row and signatures under the table: 审核人：赵志刚 | 审批人：钱秀梅 | 制表人：陈五 — the
# official who signs is no beneficiary (no self hit on a name alone).
def r_sign(ws, wb):
    ws.append(["2024年10月临时救助资金发放花名册"]); ws.merge_cells("A1:G1")
    ws.append(["序号", "姓名", "身份证号码", "家庭住址", "救助事由", "救助金额（元）", "领款人签字"])
    for k, n in enumerate(P4): ws.append([k + 1, n, ID[n], "白沙乡石桥村", "因病", 1500, None])
    ws.append(["合计", "6人", None, None, None, 9000, None])
    ws.append([])
    ws.append(["审核人：赵志刚", None, "审批人：钱秀梅", None, "制表人：陈五", None, None])
    ws.append(["制表日期：2024年10月20日"])
d = xlsx_roll("合计签字行", r_sign, "县民政局_临时救助_2024年10月.xlsx")
roll_run("合计签字行", d, mz())

# R6 a GBK text file delimited by | (a finance system's export), a title line first, every line
# ending with |.
d = roll_dir("竖线分隔GBK")
txt = "县民政局临时救助资金发放清单（2024年10月）\n序号|姓名|身份证号码|救助金额|发放日期|\n" + \
      "".join(f"{k+1}|{n}|{ID[n]}|1000.00|2024-10-18|\n" for k, n in enumerate(P4))
open(f"{d}/rolls/临时救助发放清单.txt", "wb").write(txt.encode("gbk"))
roll_run("竖线分隔GBK", d, mz())

# R7 a web system's .xls (HTML): a title table, the data table with 户主<br>姓名 / 身份证<br>号码
# headers and names padded with &nbsp;, a signature table under it.
d = roll_dir("HTML换行表头")
rows = "".join(f"<tr><td>{k+1}</td><td>{n[0]}&nbsp;&nbsp;{n[1:]}</td><td>{ID[n]}</td><td>石桥村</td><td>2</td><td>900</td></tr>" if len(n) == 2 else
               f"<tr><td>{k+1}</td><td>{n}</td><td>{ID[n]}</td><td>石桥村</td><td>2</td><td>900</td></tr>" for k, n in enumerate(P4))
html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>'
        '<table><tr><td align="center"><b>白沙乡2024年10月农村低保资金发放花名册</b></td></tr></table>'
        '<table border="1"><tr><th>序号</th><th>户主<br>姓名</th><th>身份证<br>号码</th><th>村</th><th>保障<br>人数</th><th>月保障金<br>（元）</th></tr>'
        + rows + '</table><table><tr><td>审核人：</td><td>制表人：</td><td>日期：</td></tr></table></body></html>')
open(f"{d}/rolls/县民政局_农村低保_2024年10月.xls", "w").write(html)
roll_run("HTML换行表头", d, mz())

# R8 ID and bank card in one cell, one a line, under 身份证号码⏎银行卡号.
def r_id_card(ws, wb):
    ws.append(["序号", "姓名", "身份证号码\n银行卡号", "村组", "补贴金额（元）"])
    for k, n in enumerate(P4):
        ws.append([k + 1, n, f"{ID[n]}\n62302013{k:011d}", "石桥村3组", 320])
        ws.cell(ws.max_row, 3).alignment = Alignment(wrap_text=True)
d = xlsx_roll("证号卡号同格", r_id_card, "县民政局_高龄津贴_2024年10月.xlsx")
roll_run("证号卡号同格", d, mz())

# R9 a 封面 sheet first (申报单位：县民政局 / 所属期 / 制表日期), the roll on the second sheet 花名册; the
# file named by the month only (2024年10月发放.xlsx).
def r_cover(ws, wb):
    ws.title = "封面"
    for t in ["农村最低生活保障资金发放花名册", "", "申报单位：县民政局", "所属期：2024年10月", "制表日期：2024年10月25日"]: ws.append([t])
    s = wb.create_sheet("花名册")
    s.append(["序号", "乡镇", "村", "姓名", "身份证号码", "金额"])
    for k, n in enumerate(P4): s.append([k + 1, "白沙乡", "石桥村", n, ID[n], 450])
d = xlsx_roll("封面页单位", r_cover, "2024年10月发放.xlsx")
roll_run("封面页单位", d, mz())

# R10 a CSV saved by Excel for Mac as "CSV (Macintosh)": lines ended by CR alone.
d = roll_dir("CR换行CSV")
open(f"{d}/rolls/县民政局_临时救助_2024年10月.csv", "wb").write(
    ("序号,姓名,身份证号码,救助金额\r" + "".join(f"{k+1},{n},{ID[n]},800\r" for k, n in enumerate(P4))).encode("utf-8"))
roll_run("CR换行CSV", d, mz())

# ================================================================== loud
# L1 a roll typed back from a scan by OCR: every ID has O / o for 0, l / I for 1. Either read (every
# relative confirmed on the right ID) or loud (exit 3); never exit 0 with nothing.
def ocr(i): return i.replace("0", "O").replace("1", "l", 2).replace("1", "I")
def r_ocr(ws, wb):
    ws.append(["序号", "姓名", "身份证号码", "村", "金额"])
    for k, n in enumerate(P4): ws.append([k + 1, n, ocr(ID[n]), "石桥村", 450])
d = xlsx_roll("OCR证号", r_ocr, "县民政局_农村低保_2024年10月.xlsx")
p = sh(d); hits = out_hits(d)
if p.returncode == 3 and not any(h["tier"] == "confirmed" for h in hits):
    verdict("loud", "OCR证号", [p], f"hits={len(hits)} (loud)", [], [])
else:
    judge("loud", "OCR证号", d, [p], hits, STDW, inspect=[(f"{d}/rolls", "roll")])

# L2 a roll workbook cut off in download (the first 60% of the .xlsx bytes) beside a good roll.
d = roll_dir("截断xlsx")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["序号", "姓名", "身份证号码", "金额"])
for k, n in enumerate(P4 * 30): ws.append([k + 1, n, ID[n], 450])
wb.save(f"{d}/k.xlsx"); b = open(f"{d}/k.xlsx", "rb").read(); os.remove(f"{d}/k.xlsx")
open(f"{d}/rolls/县民政局_临时救助_2024年10月.xlsx", "wb").write(b[: len(b) * 6 // 10])
mzroll(d, ["李芳"])
p = sh(d); hits = out_hits(d)
judge("loud", "截断xlsx", d, [p], hits, {("李芳", "赵志刚"): {}}, exit_ok=(3,),
      extra=[] if "临时救助" in p.stdout + p.stderr else ["the cut file not named on screen"])

# L3 the publicity copy sent instead of the roll: 姓名 | 身份证号（后四位） | 村 | 金额. Nothing can be
# confirmed: loud (exit 3), at most name leads.
def r_last4(ws, wb):
    ws.append(["2024年10月农村低保公示名单"]); ws.merge_cells("A1:E1")
    ws.append(["序号", "姓名", "身份证号（后四位）", "村", "金额"])
    for k, n in enumerate(P4): ws.append([k + 1, n, ID[n][-4:], "石桥村", 450])
d = xlsx_roll("公示后四位", r_last4, "县民政局_农村低保公示_2024年10月.xlsx")
p = sh(d)
judge("loud", "公示后四位", d, [p], out_hits(d), {}, optional=tuple(P4), exit_ok=(3,), inspect=[(f"{d}/rolls", "roll")])

# L4 a register where the unit filled in only the relatives: the template's 干部姓名 / 干部身份证号 /
# 工作单位 columns left empty on every row (file 登记表.xlsx). Rows tied to no official: exit 3.
d = case_dir("s30r_干部列空")
wb = openpyxl.Workbook(); ws = wb.active
ws.append(["序号", "干部姓名", "干部身份证号", "工作单位", "称谓", "亲属姓名", "亲属身份证号"])
for k, n in enumerate(ALL5): ws.append([k + 1, None, None, None, dict((b, a) for f in FAM.values() for a, b in f)[n], n, ID[n]])
wb.save(f"{d}/kin/登记表.xlsx")
mzroll(d, ALL5)
p = sh(d)
judge("loud", "干部列空", d, [p], out_hits(d), {}, exit_ok=(3,), inspect=[(f"{d}/kin", "register")])

# ================================================================== relevance
# U1 officials of a bureau's 股 written with a separator: 县民政局/社会救助股, 县民政局－社会事务股,
# 县民政局（社会福利股）, and 县教育局/计财股; a 县民政局 roll of 青石镇 (no township of theirs).
d = roll_dir("单位斜杠股室", kin=kin_csv([("赵志刚", "县民政局/社会救助股", "妻子", "李芳"), ("吴国华", "县民政局－社会事务股", "妻子", "黄小梅"),
                                      ("孙国强", "县民政局（社会福利股）", "父亲", "孙长林"), ("钱秀梅", "县教育局/计财股", "丈夫", "周建华")]))
open(f"{d}/rolls/县民政局_临时救助_2024年10月.csv", "w").write(
    "乡镇,村,姓名,身份证号码,救助金额\n" + "".join(f"青石镇,枫木村,{n},{ID[n]},1000\n" for n in ["李芳", "黄小梅", "孙长林", "周建华", S[0]]))
roll_run("单位斜杠股室", d, {("李芳", "赵志刚"): {"relevance": "same_unit"}, ("黄小梅", "吴国华"): {"relevance": "same_unit"},
                          ("孙长林", "孙国强"): {"relevance": "same_unit"}, ("周建华", "钱秀梅"): {"relevance": "other"}})

# U2 a 县民政局 roll placing its persons only by 家庭住址 (白沙乡石桥村3组, 示例县白沙乡枫木村5组), and a
# second one whose 乡镇 column writes the township short (白沙 | 石桥). Officials of 白沙乡人民政府 and
# 白沙乡党委: same_township; an official of 县教育局: other.
d = roll_dir("住址定乡镇", kin=kin_csv([("钱秀梅", "白沙乡人民政府", "丈夫", "周建华"), ("吴国华", "白沙乡党委", "妻子", "黄小梅"),
                                     ("吴国华", "白沙乡党委", "儿子", "吴天宇"), ("孙国强", "县教育局", "父亲", "孙长林")]))
open(f"{d}/rolls/县民政局_临时救助_2024年10月.csv", "w").write(
    "序号,姓名,身份证号码,家庭住址,救助金额\n" + "".join(f"{k+1},{n},{ID[n]},{a},1000\n" for k, (n, a) in enumerate(
        [("周建华", "白沙乡石桥村3组"), ("黄小梅", "示例县白沙乡枫木村5组"), ("孙长林", "白沙乡石桥村1组"), (S[0], "青石镇枫木村2组")])))
open(f"{d}/rolls/县民政局_农村低保_2024年10月.csv", "w").write(
    "乡镇,村,户主姓名,身份证号码,保障金额\n" + "".join(f"{t},{v},{n},{ID[n]},450\n" for t, v, n in [("白沙", "石桥", "吴天宇"), ("青石", "枫木", S[1])]))
roll_run("住址定乡镇", d, {("周建华", "钱秀梅"): {"relevance": "same_township"}, ("黄小梅", "吴国华"): {"relevance": "same_township"},
                       ("吴天宇", "吴国华"): {"relevance": "same_township"}, ("孙长林", "孙国强"): {"relevance": "other"}})

ok = sum(1 for *_, o in RESULTS if o)
print(f"{ok}/{len(RESULTS)} OK")
