# Session 34, written by an outside tester who had not read the reader: exclusion registers,
# double claims and hostile inputs none of probe.py, make_eligibility.py, s28.py or hostile2.py tried.
# Deaths: a 殡仪馆 火化证明 register (逝者, 死亡时间 as Excel date-times with the hour); a 死者 CSV
# with times written 2024年7月5日10时30分 / 2024/9/30 23:59 and the 申报人 (alive, on the roll) with
# his ID; a 户籍注销 export with 注销类别 / 注销原因 mixing 死亡注销 (病故, 宣告死亡, 意外死亡), 迁出,
# 出国（境）定居, 参军, 重复户口 and a blank category with 病故; a quarterly roll by 发放月份 (a death
# in the middle of the quarter); rolls whose period is only in the file name
# (农村低保金发放明细（2024年10月份）.xlsx), only in the sheet names (8月 / 9月 / 10月 of 2024年…xlsx),
# only in the folder (2024年10月/…).
# Payroll: 编制类别 | 人员身份 | 用工形式 (行政编制 在编; 事业编制 在编 聘用合同制; 编内聘用; 编外 聘用;
# 临时工; 离退休; 公益性岗位); a township's 工资发放表 (职务工资, 乡镇工作补贴, no category) whose staff
# are on that township's 低保, one a 临时工（炊事员）.
# Vehicles: 小型新能源汽车 plates with 车辆状态 in words (正常, 逾期未检验, 强制注销, 达到报废标准公告牌证作废,
# 报废 with 注销日期, 注销 during the period, 转出, 被盗抢); GA codes 52 / 51 with multi-letter status
# GQ / G,Q / M / P; 初次登记日期 after, during and before the period in five spellings; company
# cars with a 联系人 who is on the roll.
# Double claims: 城市低保 and 农村低保 of two townships; one person twice in one month at two amounts;
# a household whose head and member are swapped between two townships' rolls.
# Hostile (beside a good roll; /usr/bin/time -v, timeout 120): a sharedStrings of 20,000,000 strings
# under a two-row sheet; NUL bytes inside a CSV; sheet names with slashes and over 31 characters;
# an approving unit written with / and \; 0-byte files given as --deaths and --kin; the same roll
# copied down 300 nested folders (past PATH_MAX) with --double-claims; a 50 MB CSV of one line; a
# CSV with CR-only line ends; an xlsx of 1,048,576 styled empty rows; symlinks to /dev/zero
# (roll.csv) and /dev/urandom (--deaths 火化登记.xlsx).
import sys, os, re, csv, io, shutil, subprocess, datetime, zipfile, time, openpyxl
sys.path.insert(0, os.path.dirname(__file__))
from common import chk, KM, C, R, KIN
V = "-v" in sys.argv
BASE = "/tmp/probe34"
RUN_DATE = "2024-11-05"
RESULTS = []
os.makedirs(BASE, exist_ok=True)

def pid(birth, seq): return chk("432921" + birth + seq)
Q = [("欧阳春花", pid("19480312", "104")), ("蒋德胜", pid("19550607", "213")), ("唐桂香", pid("19610923", "302")),
     ("邓满仓", pid("19520417", "135")), ("曾凤英", pid("19660101", "126")), ("黄石生", pid("19700520", "151")),
     ("雷冬梅", pid("19581111", "148")), ("谭水根", pid("19490228", "177"))]
QN = [n for n, _ in Q]; QI = dict(Q)
EKIN = "干部姓名,干部身份证号,工作单位,亲属姓名,称谓,亲属身份证号\n赵敏," + chk("43292119800101123") + ",县民政局,孙涛,姐姐," + chk("43292119820101123") + "\n"
ROLLNAME = "县民政局_农村低保_2024年10月.csv"
EROLL = "序号,乡镇,村,户主姓名,身份证号码,保障金额\n" + "".join(f"{k+1},白沙乡,石桥村,{n},{i},420\n" for k, (n, i) in enumerate(Q))
def serial(y, m, d): return (datetime.date(y, m, d) - datetime.date(1899, 12, 30)).days
def sex(i): return "女" if int(i[16]) % 2 == 0 else "男"

def verdict(kind, name, summary, why, ps=(), inspect_paths=()):
    ok = not why
    RESULTS.append((kind, name, ok))
    print(("OK  " if ok else "BAD ") + f"{kind} {name:18} exit={','.join(str(p.returncode) for p in ps)} {summary}")
    if why: print("     " + "; ".join(why))
    if not ok and V:
        for p in ps: print("   stdout:", p.stdout[-2500:], "\n   stderr:", p.stderr[-1500:])
        for ip, k in inspect_paths:
            print(subprocess.run([KM, "inspect", ip] + (["--kind", k] if k else []), capture_output=True, text=True).stdout[:3500])

def rows_of(path):
    return list(csv.DictReader(open(path, encoding="utf-8-sig"))) if os.path.exists(path) else None

def elig_rows(out):
    rows = []
    if os.path.isdir(out):
        for f in sorted(os.listdir(out)):
            m = re.match(r"eligibility_(\w+)\.csv$", f)
            if m:
                for r in rows_of(f"{out}/{f}"): r["_kind"] = m.group(1); rows.append(r)
    return rows

def km(args, timeout=300):
    return subprocess.run([KM] + args, capture_output=True, text=True, timeout=timeout)

# ================================================================== 虚报冒领
def elig(name, build, opt, want, optional=(), modes=("given",), extra_args=(), check=None, exit_ok=(0,), roll=EROLL):
    # build(d) writes d/rolls/* (besides the standard roll, unless roll=None) and d/x/* (the
    # register given with --<opt>); returns the x file names. want: {(kind, person): count or tuple
    # of counts}; optional: persons who may be named or not; nobody else. check(rows) -> [why].
    d = f"{BASE}/{name}"; shutil.rmtree(d, ignore_errors=True)
    for s in ("rolls", "x", "kin"): os.makedirs(f"{d}/{s}")
    open(f"{d}/kin/k.csv", "w").write(EKIN)
    if roll: open(f"{d}/rolls/{ROLLNAME}", "w").write(roll)
    xf = build(d) or []
    why, summ, ps = [], [], []
    for mode in modes:
        out = f"{d}/out_{mode}"
        if mode == "given":
            args = ([f"--{opt}", f"{d}/x"] if opt else []) + list(extra_args); rolls = f"{d}/rolls"
        else:
            rolls = f"{d}/rolls_mixed"; shutil.rmtree(rolls, ignore_errors=True); shutil.copytree(f"{d}/rolls", rolls)
            for f in xf: shutil.copy(f"{d}/x/{f}", f"{rolls}/{f}")
            args = list(extra_args)
        p = km(["run", "--kin", f"{d}/kin", "--rolls", rolls, "--out", out, "--no-workbooks", "--run-date", RUN_DATE] + args)
        ps.append(p)
        rows = elig_rows(out)
        keys = [(r["_kind"], r["person_name"]) for r in rows]
        for k, c in want.items():
            cs = c if isinstance(c, tuple) else (c,)
            if keys.count(k) not in cs: why.append(f"{mode}: {k[1]} in {k[0]} {keys.count(k)}× (want {c})")
        for r in rows:
            k = (r["_kind"], r["person_name"])
            if k not in want and r["person_name"] not in optional:
                why.append(f"{mode}: unexpected {r['_kind']}/{r['person_name']} ({r['rule']}; {r['register_detail'] or r['other_file']}; period {r['period']})")
        if check: why += [f"{mode}: {w}" for w in check(rows)]
        if p.returncode not in exit_ok: why.append(f"{mode}: exit {p.returncode}")
        summ.append(f"{mode}=[" + ",".join(f"{r['_kind'][:5]}:{r['person_name']}:{r['period']}:{(r['register_detail'] or r['other_file'])[:30]}" for r in rows) + "]")
    verdict("elig", name, " ".join(summ), why, ps, [(f"{d}/x", None), (f"{d}/rolls", None)])
    return d, ps

# D1 殡仪馆 火化证明开具登记: title, 逝者姓名 | 逝者身份证号码 | 死亡时间 | 火化时间 as Excel date-times
# with the hour (yyyy-mm-dd hh:mm). 欧阳春花 died 2024-07-15 14:30 and 蒋德胜 2024-09-30 23:40 (before
# October: both findings); 唐桂香 2024-10-01 00:20 (during) and 邓满仓 2024-11-02 08:00 (after): none.
def x_cremation_cert(d):
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "火化证明"
    ws.append(["示例县殡仪馆火化证明开具登记表（2024年）"]); ws.merge_cells("A1:K1")
    ws.append(["火化证明编号", "逝者姓名", "性别", "年龄", "逝者身份证号码", "户籍地址", "死亡时间", "死亡原因", "火化时间", "骨灰去向", "承办人"])
    dts = [(Q[0], datetime.datetime(2024, 7, 15, 14, 30)), (Q[1], datetime.datetime(2024, 9, 30, 23, 40)),
           (Q[2], datetime.datetime(2024, 10, 1, 0, 20)), (Q[3], datetime.datetime(2024, 11, 2, 8, 0))]
    for k, ((n, i), dt) in enumerate(dts):
        ws.append([f"HZ2024{k+101:04d}", n, sex(i), 2024 - int(i[6:10]), i, "示例县白沙乡石桥村", dt, "病故", dt + datetime.timedelta(days=2, hours=3), "公墓安葬", "刘师傅"])
        for c in (7, 9): ws.cell(ws.max_row, c).number_format = "yyyy-mm-dd hh:mm"
    wb.save(f"{d}/x/殡仪馆火化证明登记.xlsx"); return ["殡仪馆火化证明登记.xlsx"]
elig("D1火化证明时刻", x_cremation_cert, "deaths", {("deaths", QN[0]): 1, ("deaths", QN[1]): 1}, modes=("given", "mixed"))

# D2 a 死者 CSV (GBK, as the 民政 death-registration system exports): 死者姓名 | 死者性别 | 死者证件类型 |
# 死者证件号码 | 死亡时间 (text with the time: 2024年7月5日10时30分, 2024/9/30 23:59, 2024-10-31 23:59:59,
# 2024.11.01 00:01) | 死亡地点 | 申报人 | 申报人证件号码 | 与死者关系. 曾凤英 (the 申报人, alive) is on the roll:
# never a death. Findings: 欧阳春花, 蒋德胜.
def x_deceased_csv(d):
    rows = [(Q[0], "2024年7月5日10时30分"), (Q[1], "2024/9/30 23:59"), (Q[2], "2024-10-31 23:59:59"), (Q[3], "2024.11.01 00:01")]
    txt = "序号,死者姓名,死者性别,死者证件类型,死者证件号码,死亡时间,死亡地点,死亡原因,申报人,申报人证件号码,与死者关系\n"
    for k, ((n, i), t) in enumerate(rows):
        txt += f"{k+1},{n},{sex(i)},居民身份证,{i},{t},家中,疾病,{Q[4][0]},{Q[4][1]},子女\n"
    open(f"{d}/x/死亡人员信息.csv", "w", encoding="gbk").write(txt); return ["死亡人员信息.csv"]
elig("D2死者时间文本", x_deceased_csv, "deaths", {("deaths", QN[0]): 1, ("deaths", QN[1]): 1}, modes=("given", "mixed"))

# D3 a 公安 户籍注销 export with 注销类别 and 注销原因 mixed: 死亡注销/病故 (07-03), 迁出注销/迁往广东省深圳市,
# 出国（境）注销/出国定居, 参军注销/应征入伍, 死亡注销/宣告死亡 (08-08), 其他注销/重复户口, 死亡注销/意外死亡（溺水）
# (09-02), blank 类别 with 注销原因 病故 (08-20). Findings: the four deaths only.
def x_hukou_mixed(d):
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "户口注销"
    ws.append(["序号", "姓名", "公民身份号码", "性别", "户籍地详址", "注销类别", "注销原因", "注销日期", "承办派出所"])
    rows = [(Q[0], "死亡注销", "病故", "2024-07-03"), (Q[1], "迁出注销", "迁往广东省深圳市", "2024-06-11"),
            (Q[2], "出国（境）注销", "出国定居", "2024-05-20"), (Q[3], "参军注销", "应征入伍", "2024-09-10"),
            (Q[4], "死亡注销", "宣告死亡", "2024-08-08"), (Q[5], "其他注销", "重复户口", "2024-08-01"),
            (Q[6], "死亡注销", "意外死亡（溺水）", "2024-09-02"), (Q[7], None, "病故", "2024-08-20")]
    for k, ((n, i), cat, why, dt) in enumerate(rows):
        ws.append([k + 1, n, i, sex(i), "示例县白沙乡石桥村", cat, why, dt, "白沙派出所"])
    wb.save(f"{d}/x/户口注销人员.xlsx"); return ["户口注销人员.xlsx"]
elig("D3注销原因混合", x_hukou_mixed, "deaths", {("deaths", QN[0]): 1, ("deaths", QN[4]): 1, ("deaths", QN[6]): 1, ("deaths", QN[7]): 1},
     modes=("given", "mixed"))

# D4 a quarterly 低保 roll with 发放月份 2024-08 / 2024-09 / 2024-10 for each person. 欧阳春花 died
# 2024-08-20: the September and October rows (2 findings), not August; 蒋德胜 died 2024-10-05: none;
# 唐桂香 died 2024-07-31: all three rows.
QROLL = "序号,乡镇,村,姓名,身份证号码,发放月份,发放金额\n"
k = 0
for m in ("2024-08", "2024-09", "2024-10"):
    for n, i in Q[:4]:
        k += 1; QROLL += f"{k},白沙乡,石桥村,{n},{i},{m},420\n"
def x_quarter(d):
    open(f"{d}/rolls/县民政局_农村低保_2024年第三季度.csv", "w").write(QROLL)
    open(f"{d}/x/死亡名单.csv", "w").write(f"姓名,身份证号码,死亡日期\n{QN[0]},{QI[QN[0]]},2024-08-20\n{QN[1]},{QI[QN[1]]},2024-10-05\n{QN[2]},{QI[QN[2]]},2024-07-31\n")
    return ["死亡名单.csv"]
def periods(who, want_p):
    def c(rows):
        got = sorted(r["period"] for r in rows if r["person_name"] == who)
        return [] if got == want_p else [f"{who} periods {got}, want {want_p}"]
    return c
elig("D4季度死亡月中", x_quarter, "deaths", {("deaths", QN[0]): 2, ("deaths", QN[2]): 3}, roll=None,
     check=lambda rows: periods(QN[0], ["2024-09", "2024-10"])(rows) + periods(QN[2], ["2024-08", "2024-09", "2024-10"])(rows))

DEATH_JULY = lambda d: open(f"{d}/x/死亡名单.csv", "w").write(f"姓名,身份证号码,死亡日期\n{QN[0]},{QI[QN[0]]},2024-07-10\n{QN[1]},{QI[QN[1]]},2024-08-15\n") and ["死亡名单.csv"]
def plain_sheet(ws, people):
    ws.append(["序号", "村", "户主姓名", "身份证号码", "保障人口", "保障金额"])
    for k, (n, i) in enumerate(people): ws.append([k + 1, "石桥村", n, i, 2, 420])

# D5a the period only in the file name, written 农村低保金发放明细（2024年10月份）.xlsx (full-width
# brackets, 月份), no date column, no title. 欧阳春花 (died 2024-07-10) and 蒋德胜 (08-15): findings.
def x_name_period(d):
    wb = openpyxl.Workbook(); plain_sheet(wb.active, Q); wb.save(f"{d}/rolls/白沙乡农村低保金发放明细（2024年10月份）.xlsx")
    return DEATH_JULY(d)
elig("D5a文件名月份", x_name_period, "deaths", {("deaths", QN[0]): 1, ("deaths", QN[1]): 1}, roll=None)

# D5b one workbook 2024年白沙乡农村低保发放.xlsx, a sheet per month (8月, 9月, 10月), no date anywhere
# else. 蒋德胜 died 2024-08-15: the 9月 and 10月 rows; 欧阳春花 (07-10): all three. The year alone is no
# period: a silent 0 is wrong.
def x_sheet_months(d):
    wb = openpyxl.Workbook(); wb.remove(wb.active)
    for m in ("8月", "9月", "10月"): plain_sheet(wb.create_sheet(m), Q)
    wb.save(f"{d}/rolls/2024年白沙乡农村低保发放.xlsx"); return DEATH_JULY(d)
elig("D5b工作表名月份", x_sheet_months, "deaths", {("deaths", QN[0]): 3, ("deaths", QN[1]): 2}, roll=None,
     check=periods(QN[1], ["2024-09", "2024-10"]))

# D5c the period only in the folder: rolls/2024年10月/县民政局_农村低保.xlsx. Findings (or, at the
# least, the roll reported as having no period, exit 3, never a silent exit 0).
def x_folder_period(d):
    os.makedirs(f"{d}/rolls/2024年10月")
    wb = openpyxl.Workbook(); plain_sheet(wb.active, Q); wb.save(f"{d}/rolls/2024年10月/县民政局_农村低保.xlsx")
    return DEATH_JULY(d)
dd, ps = elig("D5c文件夹月份", x_folder_period, "deaths", {("deaths", QN[0]): (0, 1), ("deaths", QN[1]): (0, 1)}, roll=None, exit_ok=(0, 3))
if not elig_rows(f"{dd}/out_given"):
    scr = ps[0].stdout + ps[0].stderr
    loud = ps[0].returncode == 3 and "县民政局_农村低保.xlsx" in scr
    RESULTS[-1] = (RESULTS[-1][0], RESULTS[-1][1], loud)
    print("     " + ("loud: no finding, the roll reported (exit 3)" if loud else f"silent: 0 findings, exit {ps[0].returncode}"))

# ------------------------------------------------------------------ payroll
# P1 a 财政供养人员信息 export with three columns of category: 编制类别 | 人员身份 | 用工形式.
# Findings: 欧阳春花 (行政编制, 在编), 蒋德胜 (事业编制, 在编, 聘用合同制: every 事业单位 member on
# 编制 holds a 聘用合同), 谭水根 (事业编制, 编内聘用). Not: 唐桂香 (编外, 聘用, 劳动合同), 邓满仓 (临时工,
# 劳务派遣), 黄石生 (公益性岗位). 曾凤英 (事业编制, 离退休): optional.
def x_payroll3(d):
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "供养人员"
    ws.append(["序号", "单位名称", "姓名", "身份证号码", "编制类别", "人员身份", "用工形式", "职务（岗位）", "月工资"])
    rows = [(Q[0], "县水利局", "行政编制", "在编", None, "科员"), (Q[1], "县人民医院", "事业编制", "在编", "聘用合同制", "护士"),
            (Q[2], "县城市管理综合执法局", "编外", "聘用", "劳动合同", "协管员"), (Q[3], "白沙乡人民政府", None, "临时工", "劳务派遣", "炊事员"),
            (Q[4], "县教育局", "事业编制", "离退休", None, "退休教师"), (Q[5], "县财政局", "无", "公益性岗位", None, "保洁员"),
            (Q[7], "县疾病预防控制中心", "事业编制", "编内聘用", "聘用合同制", "检验员")]
    for k, ((n, i), u, a, b, c, post) in enumerate(rows): ws.append([k + 1, u, n, i, a, b, c, post, 4200])
    wb.save(f"{d}/x/财政供养人员信息.xlsx"); return ["财政供养人员信息.xlsx"]
elig("P1编制类别身份", x_payroll3, "payroll", {("payroll", QN[0]): 1, ("payroll", QN[1]): 1, ("payroll", QN[7]): 1},
     optional=(QN[4],), modes=("given", "mixed"))

# P1b the same export with its one category column headed 编制类别 (行政编制 / 事业编制 / 编外 / 无 / blank),
# as many 编办 exports head it. Findings: 欧阳春花, 蒋德胜, 谭水根 (事业编制). Not: 唐桂香 (编外), 黄石生
# (无). 邓满仓 (blank: counts by the rule), 曾凤英 (事业编制, retired teacher): optional.
def x_payroll_cat(d):
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "供养人员"
    ws.append(["序号", "单位名称", "姓名", "身份证号码", "编制类别", "职务（岗位）", "月工资"])
    rows = [(Q[0], "县水利局", "行政编制", "科员"), (Q[1], "县人民医院", "事业编制", "护士"), (Q[2], "县城市管理综合执法局", "编外", "协管员"),
            (Q[3], "白沙乡人民政府", None, "炊事员"), (Q[4], "县教育局", "事业编制", "退休教师"), (Q[5], "县财政局", "无", "保洁员"),
            (Q[7], "县疾病预防控制中心", "事业编制", "检验员")]
    for k, ((n, i), u, a, post) in enumerate(rows): ws.append([k + 1, u, n, i, a, post, 4200])
    wb.save(f"{d}/x/财政供养人员信息.xlsx"); return ["财政供养人员信息.xlsx"]
elig("P1b编制类别单列", x_payroll_cat, "payroll", {("payroll", QN[0]): 1, ("payroll", QN[1]): 1, ("payroll", QN[7]): 1},
     optional=(QN[3], QN[4]))

# P2 a township's own 工资发放表: title 白沙乡人民政府2024年10月工资发放表, 姓名 | 身份证号码 | 职务 |
# 职务工资 | 级别工资 | 乡镇工作补贴 | 应发合计 | 代扣养老保险 | 实发金额; no category column. Its staff
# 欧阳春花 (副乡长) and 蒋德胜 (办事员) are on 白沙乡's 低保: findings; 唐桂香 职务 临时工（炊事员）: not.
def x_town_payroll(d):
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "10月"
    ws.append(["白沙乡人民政府2024年10月工资发放表"]); ws.merge_cells("A1:J1")
    ws.append(["序号", "姓名", "身份证号码", "职务", "职务工资", "级别工资", "乡镇工作补贴", "应发合计", "代扣养老保险", "实发金额"])
    for k, ((n, i), post) in enumerate([(Q[0], "副乡长"), (Q[1], "办事员"), (Q[2], "临时工（炊事员）")]):
        ws.append([k + 1, n, i, post, 1200, 1500, 500, 3200, 256, 2944])
    ws.append(["合计", None, None, None, 3600, 4500, 1500, 9600, 768, 8832])
    wb.save(f"{d}/x/白沙乡人民政府2024年10月工资发放表.xlsx"); return ["白沙乡人民政府2024年10月工资发放表.xlsx"]
elig("P2乡镇工资表", x_town_payroll, "payroll", {("payroll", QN[0]): 1, ("payroll", QN[1]): 1}, modes=("given", "mixed"))

# ------------------------------------------------------------------ vehicles
# V1 words: 号牌种类 小型新能源汽车 (湘MD12345, eight characters), 车辆状态 in words, a 注销日期 column.
# Findings: 欧阳春花 (正常), 蒋德胜 (逾期未检验: still owned). Not: 唐桂香 (强制注销), 邓满仓
# (达到报废标准公告牌证作废), 曾凤英 (报废, 注销日期 2024-03-01). Optional: 黄石生 (注销 on 2024-10-20,
# owned for part of the month), 雷冬梅 (转出), 谭水根 (被盗抢).
def x_veh_words(d):
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["序号", "号牌号码", "号牌种类", "车辆类型", "中文品牌", "机动车所有人", "身份证明名称", "身份证明号码", "初次登记日期", "车辆状态", "注销日期"])
    rows = [(Q[0], "湘MD12345", "小型新能源汽车", "小型轿车", "比亚迪", "2021-06-01", "正常", None),
            (Q[1], "湘MF67890", "小型新能源汽车", "微型轿车", "五菱宏光MINIEV", "2022-03-05", "逾期未检验", None),
            (Q[2], "湘M12345", "小型汽车", "小型轿车", "桑塔纳", "2010-01-01", "强制注销", None),
            (Q[3], "湘M23456", "小型汽车", "小型普通客车", "五菱", "2009-05-01", "达到报废标准公告牌证作废", None),
            (Q[4], "湘M34567", "小型汽车", "小型轿车", "捷达", "2015-07-01", "报废", "2024-03-01"),
            (Q[5], "湘M45678", "小型汽车", "小型轿车", "长安", "2016-08-01", "注销", "2024-10-20"),
            (Q[6], "湘M56789", "小型汽车", "小型轿车", "吉利", "2017-09-01", "转出", None),
            (Q[7], "湘M67890", "小型汽车", "小型轿车", "奇瑞", "2018-10-01", "被盗抢", None)]
    for k, ((n, i), plate, kind, typ, brand, first, st, gone) in enumerate(rows):
        ws.append([k + 1, plate, kind, typ, brand, n, "居民身份证", i, first, st, gone])
    wb.save(f"{d}/x/机动车信息.xlsx"); return ["机动车信息.xlsx"]
elig("V1新能源状态文字", x_veh_words, "vehicles", {("vehicles", QN[0]): 1, ("vehicles", QN[1]): 1}, optional=(QN[5], QN[6], QN[7]),
     modes=("given", "mixed"))

# V2 GA codes: 号牌种类 52 (小型新能源) / 51 (大型新能源) / 02 / 07, 车辆类型 K33 / H12 / M21, 机动车状态
# A, GQ (违法未处理 + 逾期未检验), G,Q, M (强制注销), P (达到报废标准). Findings: 欧阳春花 (52, A),
# 蒋德胜 (51, GQ), 曾凤英 (02, G,Q). Not: 唐桂香 (M), 邓满仓 (P), 黄石生 (07 M21 motorcycle).
def x_veh_codes(d):
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["号牌号码", "号牌种类", "车辆类型", "所有人", "身份证明号码", "初次登记日期", "机动车状态"])
    rows = [(Q[0], "湘MD00001", "52", "K33", "2020-01-01", "A"), (Q[1], "湘MF00002", "51", "H12", "2019-04-01", "GQ"),
            (Q[2], "湘M00003", "02", "K33", "2011-01-01", "M"), (Q[3], "湘M00004", "02", "K33", "2008-01-01", "P"),
            (Q[4], "湘M00005", "02", "K33", "2017-01-01", "G,Q"), (Q[5], "湘M00006", "07", "M21", "2018-01-01", "A")]
    for (n, i), plate, kind, typ, first, st in rows: ws.append([plate, kind, typ, n, i, first, st])
    wb.save(f"{d}/x/交管机动车.xlsx"); return ["交管机动车.xlsx"]
elig("V2代码新能源多状态", x_veh_codes, "vehicles", {("vehicles", QN[0]): 1, ("vehicles", QN[1]): 1, ("vehicles", QN[4]): 1})

# V3 初次登记日期 in five spellings: 2024-11-02 and 20241105 (after October: not), 45606 (serial of
# 2024-11-10: not), 2024-10-15 (bought during October: finding), 2024年9月3日 and an Excel date
# 2023-05-06 (findings).
def x_veh_dates(d):
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["号牌号码", "车辆类型", "车主", "车主身份证号", "初次登记日期", "状态"])
    rows = [(Q[0], "2024-11-02"), (Q[1], 20241105), (Q[2], serial(2024, 11, 10)), (Q[3], "2024-10-15"), (Q[4], "2024年9月3日"),
            (Q[5], datetime.date(2023, 5, 6))]
    for k, ((n, i), first) in enumerate(rows):
        ws.append([f"湘M{k+1:05d}", "小型轿车", n, i, first, "正常"])
        if isinstance(first, datetime.date): ws.cell(ws.max_row, 5).number_format = "yyyy/m/d"
    wb.save(f"{d}/x/车辆登记.xlsx"); return ["车辆登记.xlsx"]
elig("V3初次登记日期", x_veh_dates, "vehicles", {("vehicles", QN[3]): 1, ("vehicles", QN[4]): 1, ("vehicles", QN[5]): 1})

# V4 company cars: 机动车所有人 a company with its credit code, 联系人 | 联系人身份证号 a roll person
# (欧阳春花, 蒋德胜: the contact is not the owner); 邓满仓's 个体 货运部 named after him, owner's number a
# 92… code (a name alone: no finding); 唐桂香 owns her own car: finding.
def x_veh_company(d):
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["号牌号码", "号牌种类", "车辆类型", "机动车所有人", "所有人证件号码", "联系人", "联系人身份证号", "联系电话", "初次登记日期", "机动车状态"])
    ws.append(["湘M8A001", "大型汽车", "重型半挂牵引车", "示例县顺通物流有限公司", "91432921MA4L5X0012", Q[0][0], Q[0][1], "13807460001", "2020-05-01", "正常"])
    ws.append(["湘M8A002", "小型汽车", "小型轿车", "示例县白沙乡石桥村股份经济合作社", "N2432921MA4L6Y003K", Q[1][0], Q[1][1], "13807460002", "2021-05-01", "正常"])
    ws.append(["湘M8A003", "小型汽车", "小型轿车", Q[2][0], Q[2][1], Q[2][0], Q[2][1], "13807460003", "2019-05-01", "正常"])
    ws.append(["湘M8A004", "小型汽车", "轻型厢式货车", Q[3][0], "92432921MA4L7Z0045", Q[3][0], None, "13807460004", "2018-05-01", "正常"])
    wb.save(f"{d}/x/机动车登记_单位车辆.xlsx"); return ["机动车登记_单位车辆.xlsx"]
elig("V4单位车联系人", x_veh_company, "vehicles", {("vehicles", QN[2]): 1}, modes=("given", "mixed"))

# ------------------------------------------------------------------ double claims
def pairs_cross_files(rows):
    # a pair whose two rows are in one file (the head written on his own household's member rows)
    return [f"{r['person_name']}: pair within {r['roll_file']} rows {r['roll_row']}/{r['other_row']}"
            for r in rows if r["_kind"] == "double_claims" and r["roll_file"] == r["other_file"]]

# DC1 城市低保 (县民政局_城市低保_2024年10月.xlsx: 街道 | 社区 | 户主姓名 | 身份证号) and 农村低保 of two
# townships (白沙乡 .xlsx: 乡镇 | 村 | 户主 | 公民身份号码; 青石镇 CSV). 欧阳春花 on 城市 and 白沙乡 农村,
# 蒋德胜 on 白沙乡 and 青石镇 农村: one finding each; 唐桂香 (城市 only), 邓满仓 (白沙乡 only): none.
def x_city_rural(d):
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "城市低保"
    ws.append(["序号", "街道", "社区", "户主姓名", "身份证号", "保障人数", "保障金额"])
    for k, (n, i) in enumerate([Q[0], Q[2]]): ws.append([k + 1, "城关街道", "东门社区", n, i, 1, 600])
    wb.save(f"{d}/rolls/县民政局_城市低保_2024年10月.xlsx")
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "农村低保"
    ws.append(["序号", "乡镇", "村", "户主", "公民身份号码", "金额"])
    for k, (n, i) in enumerate([Q[0], Q[1], Q[3]]): ws.append([k + 1, "白沙乡", "石桥村", n, i, 420])
    wb.save(f"{d}/rolls/白沙乡_农村低保_2024年10月.xlsx")
    open(f"{d}/rolls/青石镇_农村低保_2024年10月.csv", "w").write("序号,乡镇,村,户主姓名,身份证号码,保障金额\n" + f"1,青石镇,大坪村,{Q[1][0]},{Q[1][1]},380\n2,青石镇,大坪村,{Q[5][0]},{Q[5][1]},380\n")
elig("DC1城乡低保两乡", x_city_rural, None, {("double_claims", QN[0]): 1, ("double_claims", QN[1]): 1}, extra_args=["--double-claims"], roll=None)

# DC2 one 低保 CSV with 发放月份: 欧阳春花 twice in 2024-10 (450 and 380, two villages): one finding;
# 蒋德胜 in 2024-09 and 2024-10: none.
def x_twice_month(d):
    open(f"{d}/rolls/县民政局_农村低保_2024年9-10月.csv", "w").write(
        "序号,乡镇,村,户主姓名,身份证号码,发放月份,保障金额\n"
        f"1,白沙乡,石桥村,{Q[0][0]},{Q[0][1]},2024-10,450\n2,白沙乡,石桥村,{Q[1][0]},{Q[1][1]},2024-09,420\n"
        f"3,白沙乡,石桥村,{Q[2][0]},{Q[2][1]},2024-10,420\n4,白沙乡,枫木村,{Q[0][0]},{Q[0][1]},2024-10,380\n"
        f"5,白沙乡,石桥村,{Q[1][0]},{Q[1][1]},2024-10,420\n")
elig("DC2同月两额", x_twice_month, None, {("double_claims", QN[0]): 1}, extra_args=["--double-claims"], roll=None)

# DC3 household rolls (户主姓名 | 户主身份证号 | 家庭成员姓名 | 成员身份证号 | 与户主关系 | 保障金额, one row per
# member): in 白沙乡 欧阳春花 heads the household with 蒋德胜 (配偶); in 青石镇 蒋德胜 heads it with 欧阳春花
# (配偶). Each is claimed twice (one finding each, at least); the head written on each member row
# of his own household is no double claim; 唐桂香 / 邓满仓's household (白沙乡 only): none.
def x_swapped(d):
    H = ["序号", "户主姓名", "户主身份证号", "家庭成员姓名", "成员身份证号", "与户主关系", "保障金额"]
    def book(path, fams, town):
        wb = openpyxl.Workbook(); ws = wb.active; ws.title = town
        ws.append([f"{town}2024年10月农村低保家庭成员明细"]); ws.append(H)
        k = 0
        for head, mem in fams:
            for m, rel in mem:
                k += 1; ws.append([k, head[0], head[1], m[0], m[1], rel, 300])
        wb.save(path)
    book(f"{d}/rolls/白沙乡_农村低保_2024年10月.xlsx", [(Q[0], [(Q[0], "户主"), (Q[1], "配偶")]), (Q[2], [(Q[2], "户主"), (Q[3], "子")])], "白沙乡")
    book(f"{d}/rolls/青石镇_农村低保_2024年10月.xlsx", [(Q[1], [(Q[1], "户主"), (Q[0], "配偶")]), (Q[5], [(Q[5], "户主")])], "青石镇")
elig("DC3户主成员互换", x_swapped, None, {("double_claims", QN[0]): (1, 2), ("double_claims", QN[1]): (1, 2)}, extra_args=["--double-claims"], roll=None,
     check=pairs_cross_files)

# DC3b the 白沙乡 household roll of DC3 alone: no one is claimed twice (the head is written on each
# member row of his own household). Want: no finding.
def x_households_alone(d):
    x_swapped(d); os.remove(f"{d}/rolls/青石镇_农村低保_2024年10月.xlsx")
elig("DC3b户主逐行重复", x_households_alone, None, {}, extra_args=["--double-claims"], roll=None)

# ================================================================== hostile
GOOD = "姓名,身份证号码,金额\n" + "".join(f"{n},{i},300\n" for n, i, _, _ in R)
RSS_CAP_KB = 2 * 1024 * 1024

def timed(args, timeout=120):
    # /usr/bin/time -v kinmatch …; after `timeout` seconds kinmatch (time's child) is killed, so
    # time still reports its maximum RSS. Returns (p, seconds, max RSS in kB, timed_out).
    t = time.time()
    pr = subprocess.Popen(["/usr/bin/time", "-v", KM] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    killed = False
    try:
        out, err = pr.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        killed = True
        try:
            kids = open(f"/proc/{pr.pid}/task/{pr.pid}/children").read().split()
            for k in kids: os.kill(int(k), 9)
        except OSError:
            pr.kill()
        out, err = pr.communicate()
    el = time.time() - t
    out, err = out.decode("utf-8", "replace"), err.decode("utf-8", "replace")
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
    rss = int(m.group(1)) if m else -1
    m = re.search(r"Exit status: (\d+)", err)
    code = "timeout" if killed else (int(m.group(1)) if m else pr.returncode)
    err = re.split(r"(Command (exited with non-zero status|terminated by signal)[^\n]*\n)?\tCommand being timed", err)[0]
    return subprocess.CompletedProcess(args, code, out, err), el, rss

def hostile(name, build, bad_names, want3=True, good_hits=4, extra=None, args_fn=None, max_s=None):
    # build(d) puts the hostile input(s) in d (rolls/, or x/ given by args_fn); GOOD is in rolls/.
    # OK: no crash, < 120 s, max RSS < 2 GiB, the good roll's hits, exit 3 (or 0 when want3 is False;
    # either when None) with each bad name on screen when 3. extra(d, p) -> [why].
    d = f"{BASE}/h_{name}"; subprocess.run(["rm", "-rf", d]); [os.makedirs(f"{d}/{s}") for s in ("rolls", "kin", "x")]
    open(f"{d}/kin/k.csv", "w").write(KIN); open(f"{d}/rolls/县民政局_好.csv", "w").write(GOOD)
    build(d)
    args = ["run", "--kin", f"{d}/kin", "--rolls", f"{d}/rolls", "--out", f"{d}/out", "--run-date", RUN_DATE] + (args_fn(d) if args_fn else ["--no-workbooks"])
    p, el, rss = timed(args)
    hits = rows_of(f"{d}/out/hits.csv") or []
    gh = sum(1 for h in hits if h["roll_file"].endswith("县民政局_好.csv"))
    screen = p.stdout + p.stderr
    why = []
    if p.returncode == "timeout": why.append(f"killed after {el:.0f}s (timeout)")
    elif p.returncode not in (0, 3): why.append(f"exit {p.returncode}: {p.stderr.strip()[-300:]}")
    if el >= 119 and p.returncode != "timeout": why.append(f"time {el:.0f}s")
    if max_s and el > max_s and p.returncode != "timeout": why.append(f"took {el:.0f}s (want under {max_s}s)")
    if rss > RSS_CAP_KB: why.append(f"max RSS {rss/1024:.0f} MB")
    if gh != good_hits: why.append(f"good roll hits {gh} (want {good_hits})")
    if want3 is True and p.returncode != 3: why.append(f"exit {p.returncode}, want 3")
    if want3 is False and p.returncode != 0: why.append(f"exit {p.returncode}, want 0")
    if p.returncode == 3:
        for b in bad_names:
            if b not in screen: why.append(f"{b} not named on screen")
    if extra: why += extra(d, p, hits)
    last = [l for l in screen.strip().splitlines() if l.strip()]
    msg = " | ".join(l.strip()[:110] for l in last if any(b in l for b in bad_names))[:400] or (last[-1][:110] if last else "")
    verdict("host", name, f"time={el:.1f}s rss={rss/1024:.0f}MB hits={len(hits)} good={gh} :: {msg}", why, [p])
    return d, p

CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      '{sheets}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>')
STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill>'
          '<fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/></patternFill></fill></fills>'
          '<borders count="2"><border/><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/></border></borders>'
          '<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf/><xf fillId="2" borderId="1" applyFill="1" applyBorder="1"/></cellXfs></styleSheet>')

def write_xlsx(path, sheets, shared_writer):
    # sheets: [(name, sheet_xml_writer)]; writers take a binary file-like and write the part.
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT.format(sheets="".join(
            f'<Override PartName="/xl/worksheets/sheet{k+1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for k in range(len(sheets)))))
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
                   "".join(f'<sheet name="{n}" sheetId="{k+1}" r:id="rId{k+1}"/>' for k, (n, _) in enumerate(sheets)) + "</sheets></workbook>")
        rels = "".join(f'<Relationship Id="rId{k+1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{k+1}.xml"/>' for k in range(len(sheets)))
        n = len(sheets)
        rels += f'<Relationship Id="rId{n+1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        rels += f'<Relationship Id="rId{n+2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + rels + "</Relationships>")
        z.writestr("xl/styles.xml", STYLES)
        for k, (_, w) in enumerate(sheets):
            with z.open(f"xl/worksheets/sheet{k+1}.xml", "w", force_zip64=True) as f: w(f)
        with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as f: shared_writer(f)

def esc(s): return s.replace("&", "&amp;").replace("<", "&lt;")
def sheet_shared(rows, tail=b""):
    # rows of cells; each cell a shared-string index (int) or ("n", number)
    def w(f):
        f.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
        for r, row in enumerate(rows):
            f.write(f'<row r="{r+1}">'.encode())
            for c, v in enumerate(row):
                ref = f"{'ABCDEFGH'[c]}{r+1}"
                f.write((f'<c r="{ref}" t="s"><v>{v}</v></c>' if isinstance(v, int) else f'<c r="{ref}"><v>{v[1]}</v></c>').encode())
            f.write(b"</row>")
        f.write(tail + b"</sheetData></worksheet>")
    return w

# H1 sharedStrings.xml of 20,000,000 strings (≈ 0.5 GB, compressed to a few MB) under a sheet of one
# header and one person (欧阳春花, a stranger), as a generator that never collects its string table
# writes it. Want: bounded memory and time; the person read (exit 0) or the file reported (exit 3).
def h_shared(d):
    real = ["姓名", "身份证号码", "金额", Q[0][0], Q[0][1]]
    N = 20_000_000
    def sw(f):
        f.write(f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{N+5}" uniqueCount="{N+5}">'.encode())
        f.write("".join(f"<si><t>{esc(s)}</t></si>" for s in real).encode())
        chunk = b"<si><t>\xe5\xa1\xab\xe5\x85\x85</t></si>" * 100_000
        for _ in range(N // 100_000): f.write(chunk)
        f.write(b"</sst>")
    write_xlsx(f"{d}/rolls/县民政局_临时救助_2024年10月.xlsx", [("Sheet1", sheet_shared([[0, 1, 2], [3, 4, ("n", 800)]]))], sw)
hostile("H1共享字符串巨大", h_shared, ["县民政局_临时救助_2024年10月.xlsx"], want3=None)

def read_rows(d, fname, n):
    # the manifest's data rows with a valid ID for that roll file
    import json
    try: m = json.load(open(f"{d}/out/manifest.json"))
    except Exception as e: return [f"no manifest ({e})"]
    got = sum(sh.get("id_status", {}).get("valid", 0) for f in m["inputs"]["rolls"] if f["file"].endswith(fname) for sh in f.get("sheets") or [])
    return [] if got == n else [f"{fname}: {got} valid IDs read (want {n})"]

# H1b a real-sized string table: 5,000,000 distinct strings (78 MB xlsx, 3:1, no bomb) under the same
# two-row sheet. Want: the person read (exit 0), bounded memory.
def h_shared_real(d):
    import random
    rnd = random.Random(1); real = ["姓名", "身份证号码", "金额", Q[0][0], Q[0][1]]; N = 5_000_000
    def sw(f):
        f.write(f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{N+5}" uniqueCount="{N+5}">'.encode())
        f.write("".join(f"<si><t>{esc(s)}</t></si>" for s in real).encode())
        for _ in range(N // 100_000):
            f.write("".join(f"<si><t>{rnd.getrandbits(64):016x}{rnd.getrandbits(32):08x}</t></si>" for _ in range(100_000)).encode())
        f.write(b"</sst>")
    write_xlsx(f"{d}/rolls/县民政局_临时救助_2024年10月.xlsx", [("Sheet1", sheet_shared([[0, 1, 2], [3, 4, ("n", 800)]]))], sw)
hostile("H1b共享字符串五百万", h_shared_real, ["县民政局_临时救助_2024年10月.xlsx"], want3=False,
        extra=lambda d, p, hits: read_rows(d, "县民政局_临时救助_2024年10月.xlsx", 1))

# H2 a CSV with NUL bytes in the middle: one name written 周\0建华, then a line of 8,192 NULs, then two
# clean rows. Want: the clean rows (李芳, 赵一鸣, 孙长林) read; the damaged line not lost silently
# (周建华 read by ID, or the file / line reported, exit 3).
def h_nul(d):
    rel = [(n, i) for n, i, _, _ in R]
    b = "姓名,身份证号码,金额\n".encode() + f"{rel[0][0]},{rel[0][1]},500\n".encode()
    b += "周".encode() + b"\x00" + f"建华,{rel[1][1]},500\n".encode() + b"\x00" * 8192 + b"\n"
    b += f"{rel[2][0]},{rel[2][1]},500\n{rel[3][0]},{rel[3][1]},500\n".encode()
    open(f"{d}/rolls/县民政局_临时救助_2024年10月.csv", "wb").write(b)
def nul_extra(d, p, hits):
    got = {h["roll_name"] for h in hits if h["roll_file"].endswith("临时救助_2024年10月.csv")}
    ids = {h["roll_id"] for h in hits if h["roll_file"].endswith("临时救助_2024年10月.csv")}
    why = [f"clean row {n} lost" for n in ("李芳", "赵一鸣", "孙长林") if n not in got]
    if R[1][1] not in ids and p.returncode != 3: why.append("周建华's NUL row dropped silently (exit 0)")
    bad = [h["roll_name"] for h in hits if "\x00" in h["roll_name"]]
    if bad: why.append(f"NUL kept in a name: {bad!r}")
    return why
hostile("H2CSV中部NUL", h_nul, ["县民政局_临时救助_2024年10月.csv"], want3=None, extra=nul_extra)

# H3 sheets named 县民政局/农村低保/2024年10月 (slashes, which Excel forbids but other writers do not)
# and a 45-character name; two relatives on each. Want: all read (exit 0), hits' roll_sheet as
# named, review workbooks written and openable.
def h_sheetnames(d):
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "A"; ws2 = wb.create_sheet("B")
    for s, ppl in ((ws, R[:2]), (ws2, R[2:])):
        s.append(["姓名", "身份证号码", "金额"])
        for n, i, _, _ in ppl: s.append([n, i, 450])
    b = io.BytesIO(); wb.save(b)
    zin = zipfile.ZipFile(b); out = zipfile.ZipFile(f"{d}/rolls/县民政局_农村低保_2024年10月.xlsx", "w", zipfile.ZIP_DEFLATED)
    for it in zin.infolist():
        x = zin.read(it.filename)
        if it.filename == "xl/workbook.xml":
            x = x.replace(b'name="A"', 'name="县民政局/农村低保/2024年10月"'.encode()).replace(b'name="B"', f'name="{LONG}"'.encode())
        out.writestr(it, x)
    out.close()
LONG = "白沙乡石桥村二〇二四年十月份农村最低生活保障金发放花名册（第一批次经乡镇审核后报县民政局审批）"
def sheet_extra(d, p, hits):
    why = []
    sheets = {h["roll_sheet"] for h in hits if "农村低保" in h["roll_file"]}
    if sheets != {"县民政局/农村低保/2024年10月", LONG}: why.append(f"roll_sheet {sheets}")
    n = sum(1 for h in hits if "农村低保" in h["roll_file"])
    if n != 4: why.append(f"{n} hits from the oddly named sheets (want 4)")
    rv = f"{d}/out/review"
    files = [os.path.join(a, f) for a, _, fs in os.walk(rv) for f in fs] if os.path.isdir(rv) else []
    if not files: why.append("no review workbook")
    for f in files:
        try: openpyxl.load_workbook(f)
        except Exception as e: why.append(f"{f} unreadable: {e}")
    return why
hostile("H3工作表名斜杠超长", h_sheetnames, [], want3=False, extra=sheet_extra, args_fn=lambda d: [])

# H3b an approving unit written with slashes (a joint approval 县民政局/县财政局, and 县民政局\白沙乡民政办)
# in a 审批单位 column, run with workbooks. Want: exit 0, every hit, review workbooks inside
# out/review/ (no subfolder made of the name, nothing outside out/).
def h_unit_slash(d):
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["序号", "审批单位", "姓名", "身份证号码", "救助金额"])
    for k, (n, i, _, _) in enumerate(R): ws.append([k + 1, "县民政局/县财政局" if k < 2 else "县民政局\\白沙乡民政办", n, i, 800])
    wb.save(f"{d}/rolls/临时救助_2024年10月.xlsx")
def unit_extra(d, p, hits):
    why = []
    n = sum(1 for h in hits if h["roll_file"].endswith("临时救助_2024年10月.xlsx"))
    if n != 4: why.append(f"{n} hits from the slash-unit roll (want 4)")
    rv = f"{d}/out/review"
    for a, dirs, fs in os.walk(rv):
        for x in dirs: why.append(f"subfolder made under review/: {os.path.relpath(os.path.join(a, x), d)}")
    outside = [f for f in os.listdir(d) if f not in ("rolls", "kin", "x", "out")]
    if outside: why.append(f"written outside out/: {outside}")
    names = sorted(os.listdir(rv)) if os.path.isdir(rv) else []
    if not names: why.append("no review workbook")
    units = {h["approving_unit"] for h in hits if h["roll_file"].endswith("临时救助_2024年10月.xlsx")}
    return why + ([f"(review files {names}; units {units})"] if why else [])
hostile("H3b审批单位斜杠", h_unit_slash, [], want3=False, extra=unit_extra, args_fn=lambda d: [])

# H4 0-byte files given as exclusion and register inputs: --deaths holds an empty 火化登记.xlsx beside
# a good 死亡名单.csv (欧阳春花 died 2024-07-01; she is on 县民政局_农村低保_2024年10月.csv); --kin holds an
# empty 空登记表.xlsx beside the good register. Want: exit 3 naming both empty files, the good
# register's 4 hits, the death finding.
def h_zero(d):
    open(f"{d}/x/火化登记.xlsx", "wb").close()
    open(f"{d}/x/死亡名单.csv", "w").write(f"姓名,身份证号码,死亡日期\n{Q[0][0]},{Q[0][1]},2024-07-01\n")
    open(f"{d}/kin/空登记表.xlsx", "wb").close()
    open(f"{d}/rolls/{ROLLNAME}", "w").write(EROLL)
def zero_extra(d, p, hits):
    rows = elig_rows(f"{d}/out")
    return [] if [r["person_name"] for r in rows] == [Q[0][0]] else [f"death findings {[r['person_name'] for r in rows]}"]
hostile("H4零字节死亡登记", h_zero, ["火化登记.xlsx", "空登记表.xlsx"], want3=True, extra=zero_extra,
        args_fn=lambda d: ["--no-workbooks", "--deaths", f"{d}/x"])

# H5 the same 低保 roll copied at depth 1, 10, 60 and 300 of nested folders (第001层目录/…; the deepest
# path ≈ 4.8 kB, past PATH_MAX), run with --double-claims. Want: no crash or hang; each relative
# hit once (not four times); no double-claim finding made of the copies; exit 3 naming the copies
# (the same file given twice) and the path that could not be opened, if any.
def h_deep(d):
    data = ("乡镇,村,户主姓名,身份证号码,保障金额\n" + "".join(f"白沙乡,石桥村,{n},{i},420\n" for n, i, _, _ in R)).encode()
    fd0 = os.open(f"{d}/rolls", os.O_RDONLY)
    cur = fd0
    for lvl in range(1, 301):
        nm = f"第{lvl:03d}层目录"
        os.mkdir(nm, dir_fd=cur)
        nxt = os.open(nm, os.O_RDONLY, dir_fd=cur)
        if cur != fd0: os.close(cur)
        cur = nxt
        if lvl in (1, 10, 60, 300):
            f = os.open("县民政局_农村低保_2024年10月.csv", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=cur); os.write(f, data); os.close(f)
    os.close(cur); os.close(fd0)
def deep_extra(d, p, hits):
    why = []
    names = [h["roll_name"] for h in hits if not h["roll_file"].endswith("县民政局_好.csv")]
    for n, *_ in R:
        if names.count(n) != 1: why.append(f"{n} hit {names.count(n)}× from the copies")
    dc = rows_of(f"{d}/out/eligibility_double_claims.csv") or []
    if dc: why.append(f"{len(dc)} double-claim findings from copies of one file")
    return why
hostile("H5深层同文件副本", h_deep, ["县民政局_农村低保_2024年10月.csv"], want3=True, extra=deep_extra,
        args_fn=lambda d: ["--no-workbooks", "--double-claims"])

# H5b the control: the same roll in rolls/a/ and rolls/b/ (two levels), --double-claims. Want:
# each relative hit once, no double-claim finding, exit 3 naming the copies.
def h_two_copies(d):
    data = ("乡镇,村,户主姓名,身份证号码,保障金额\n" + "".join(f"白沙乡,石桥村,{n},{i},420\n" for n, i, _, _ in R)).encode()
    for s_ in "ab":
        os.makedirs(f"{d}/rolls/{s_}"); open(f"{d}/rolls/{s_}/县民政局_农村低保_2024年10月.csv", "wb").write(data)
hostile("H5b两份相同副本", h_two_copies, ["县民政局_农村低保_2024年10月.csv"], want3=True, extra=deep_extra,
        args_fn=lambda d: ["--no-workbooks", "--double-claims"])

# H6 a 50 MB CSV of one line, no newline: 姓名,身份证号码,金额, repeated (≈ 2.2 million columns).
def h_line(d):
    unit = "姓名,身份证号码,金额,".encode()
    open(f"{d}/rolls/县民政局_导出.csv", "wb").write(unit * (50_000_000 // len(unit)))
hostile("H6单行50MB", h_line, ["县民政局_导出.csv"], want3=True)

# H6c a CSV whose one header line repeats 姓名,身份证号码,金额 over 16,384 columns (Excel's limit;
# 125 kB), nothing under it. Want: reported (exit 3) within 10 s.
def h_wide_header(d):
    open(f"{d}/rolls/县民政局_横向导出.csv", "wb").write(",".join(["姓名", "身份证号码", "金额"][k % 3] for k in range(16384)).encode() + b"\n")
hostile("H6c表头16384列", h_wide_header, ["县民政局_横向导出.csv"], want3=True, max_s=10)

# H6b a roll saved as "CSV (Macintosh)": lines ended by CR alone. Want: read (4 hits from it, exit 0).
def h_cr(d):
    open(f"{d}/rolls/县民政局_临时救助_2024年10月.csv", "wb").write(
        ("序号,姓名,身份证号码,金额\r" + "".join(f"{k+1},{n},{i},600\r" for k, (n, i, _, _) in enumerate(R))).encode("gbk"))
def cr_extra(d, p, hits):
    n = sum(1 for h in hits if h["roll_file"].endswith("临时救助_2024年10月.csv"))
    return [] if n == 4 else [f"{n} hits from the CR-only CSV (want 4)"]
hostile("H6b仅CR换行CSV", h_cr, ["县民政局_临时救助_2024年10月.csv"], want3=None, extra=cr_extra)

# H7 an xlsx whose sheet has 4 persons, then styled empty rows down to 1,048,576 (every row
# customFormat with three styled empty cells; dimension A1:C1048576), as a sheet formatted by
# selecting whole columns. Want: read (4 hits), exit 0, quick, bounded memory.
def h_styled(d):
    real = ["姓名", "身份证号码", "金额"] + [x for n, i, _, _ in R for x in (n, i)]
    def ssw(f):
        f.write(f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(real)}" uniqueCount="{len(real)}">'.encode())
        f.write("".join(f"<si><t>{s}</t></si>" for s in real).encode()); f.write(b"</sst>")
    def sw(f):
        f.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                b'<dimension ref="A1:C1048576"/><cols><col min="1" max="3" width="20" style="1" customWidth="1"/></cols><sheetData>')
        f.write(b'<row r="1"><c r="A1" t="s" s="1"><v>0</v></c><c r="B1" t="s" s="1"><v>1</v></c><c r="C1" t="s" s="1"><v>2</v></c></row>')
        for k in range(4):
            r = k + 2
            f.write(f'<row r="{r}"><c r="A{r}" t="s" s="1"><v>{3+2*k}</v></c><c r="B{r}" t="s" s="1"><v>{4+2*k}</v></c><c r="C{r}" s="1"><v>450</v></c></row>'.encode())
        buf = []
        for r in range(6, 1048577):
            buf.append(f'<row r="{r}" s="1" customFormat="1" ht="18" customHeight="1"><c r="A{r}" s="1"/><c r="B{r}" s="1"/><c r="C{r}" s="1"/></row>')
            if len(buf) == 50000: f.write("".join(buf).encode()); buf = []
        f.write("".join(buf).encode()); f.write(b"</sheetData></worksheet>")
    write_xlsx(f"{d}/rolls/县民政局_农村低保_2024年10月.xlsx", [("Sheet1", sw)], ssw)
def styled_extra(d, p, hits):
    n = sum(1 for h in hits if h["roll_file"].endswith("农村低保_2024年10月.xlsx"))
    return [] if n == 4 else [f"{n} hits from the styled sheet (want 4)"]
hostile("H7百万格式空行", h_styled, ["县民政局_农村低保_2024年10月.xlsx"], want3=False, extra=styled_extra)

# H8 a symlink roll.csv -> /dev/zero in the rolls folder. Want: no hang, bounded memory, exit 3
# naming roll.csv.
hostile("H8链接devzero", lambda d: os.symlink("/dev/zero", f"{d}/rolls/roll.csv"), ["roll.csv"], want3=True)

# H8b a symlink 火化登记.xlsx -> /dev/urandom given in --deaths beside a good death list. Want: no
# hang, exit 3 naming it, the good death list used (欧阳春花's finding).
def h_urandom(d):
    os.symlink("/dev/urandom", f"{d}/x/火化登记.xlsx")
    open(f"{d}/x/死亡名单.csv", "w").write(f"姓名,身份证号码,死亡日期\n{Q[0][0]},{Q[0][1]},2024-07-01\n")
    open(f"{d}/rolls/{ROLLNAME}", "w").write(EROLL)
hostile("H8b死亡链接urandom", h_urandom, ["火化登记.xlsx"], want3=True, extra=zero_extra,
        args_fn=lambda d: ["--no-workbooks", "--deaths", f"{d}/x"])

# H8c dangling symlinks, as a folder of links to a network share that is not mounted: rolls/低保10月.xlsx
# -> /mnt/share/民政/低保10月.xlsx and, in --deaths, 火化登记.xlsx -> /mnt/share/殡仪馆/火化登记.xlsx.
# Want: exit 3 naming both (the batch is short of a roll and a death list), the rest used.
def h_dangling(d):
    os.symlink("/mnt/share/民政/低保10月.xlsx", f"{d}/rolls/低保10月.xlsx")
    os.symlink("/mnt/share/殡仪馆/火化登记.xlsx", f"{d}/x/火化登记.xlsx")
    open(f"{d}/x/死亡名单.csv", "w").write(f"姓名,身份证号码,死亡日期\n{Q[0][0]},{Q[0][1]},2024-07-01\n")
    open(f"{d}/rolls/{ROLLNAME}", "w").write(EROLL)
hostile("H8c悬空链接", h_dangling, ["低保10月.xlsx", "火化登记.xlsx"], want3=True, extra=zero_extra,
        args_fn=lambda d: ["--no-workbooks", "--deaths", f"{d}/x"])

ok = sum(1 for *_, o in RESULTS if o)
print(f"{ok}/{len(RESULTS)} OK")
