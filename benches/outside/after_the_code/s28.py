# Session 28, written by an outside tester who had not read the reader: layouts none of probe.py,
# s10–s27 tried.
# Exclusion registers (虚报冒领), each given with its option and put among the rolls: a 公安 户籍注销
# export with 注销原因 (死亡 / 迁出) and 注销日期 as bare Excel serial numbers; a 殡葬 火化登记 with
# 逝者 and 家属 (name, ID) on one row and dates written 2024年3月5日; a 财政供养人员花名册 with
# 人员类别 在编 / 编外 / 退休 and 应发工资; a 车管所 export with 所有人 / 证件名称 / 证件号码, 小型轿车,
# a company car and one registered after the period; a 交管 export writing 号牌种类 / 车辆类型 /
# 状态 as GA codes (02 K33, 07 M22, E); a 市场主体名录 (在业 / 注销 / 吊销，未注销) for
# --business-owners; a 城乡居民养老保险 待遇终止 list (社会保障号码, 终止原因 死亡, 终止年月 202406); a
# township's 死亡人员名单 with 死亡年月 to the month (2024.06, 2024年7月).
# Rolls: 救助对象 without ID and 代领人 with ID; the unit only in a footer 填报单位：县民政局（盖章）;
# 2024年10月白沙乡低保发放表.xlsx with 审批单位 in a label line (same_township); the township only in
# the title; a BOM + CRLF CSV with a trailing empty column; amounts 1,200.00元 / ￥1,200.00; hidden
# rows (filter) and a hidden column; a BIFF8 .xls (xlwt); a 甲 乙 1 2 3 column-number row under the
# header; IDs and amounts as formulas with cached values; a 危房改造 roll naming the 施工负责人.
# Registers: units written 中共道县县委组织部 / 道县人民政府办公室 / 道县教育局 against rolls of
# 县委组织部 / 县政府办 / 县教育局; a pandas CSV export (index column, IDs with a trailing .0);
# children with （已婚） notes and their spouses (儿媳, 女婿); a BIFF8 register with the cadre's
# cells merged over his block.
import sys, os, csv, re, shutil, zipfile, subprocess, datetime, openpyxl
sys.path.insert(0, os.path.dirname(__file__))
from common import chk, C, R, KIN, ROLL, KM, out_hits, case_dir
V = "-v" in sys.argv
RUN_DATE = "2024-11-05"
ids = {n: i for n, i, _, _ in R}
REL = {"妻子": "spouse", "丈夫": "spouse", "儿子": "child", "父亲": "parent"}
# our own strangers, all valid (common.STR[0] is dated 1960-01-00)
STR = [("陈" + x, chk(f"432921196001{k+11:02d}211")) for k, x in enumerate("一二三四五六")]
sid = dict(STR)
RESULTS = []

def sh(d, args=(), kin=None, rolls=None):
    return subprocess.run([KM, "run", "--kin", kin or f"{d}/kin", "--rolls", rolls or f"{d}/rolls", "--out", f"{d}/out",
                           "--no-workbooks", "--run-date", RUN_DATE] + list(args), capture_output=True, text=True)

def rows_of(path):
    return list(csv.DictReader(open(path, encoding="utf-8-sig"))) if os.path.exists(path) else None

def verdict(kind, name, ps, summary, why, inspect_paths):
    ok = not why
    RESULTS.append((kind, name, ok))
    print(("OK  " if ok else "BAD ") + f"{kind} {name:16} exit={','.join(str(p.returncode) for p in ps)} {summary}")
    if why and (not ok or V): print("     " + "; ".join(why))
    if not ok and V:
        for p in ps: print(p.stdout[-2500:], p.stderr[-1500:])
        for ip, k in inspect_paths:
            print(subprocess.run([KM, "inspect", ip] + (["--kind", k] if k else []), capture_output=True, text=True).stdout[:4000])

def serial(y, m, d):
    return (datetime.date(y, m, d) - datetime.date(1899, 12, 30)).days

# ------------------------------------------------------------------ 虚报冒领 registers
P = [("王秀英", chk("43292119480312104")), ("李建国", chk("43292119550607201")), ("张桂兰", chk("43292119610923302")),
     ("刘德福", chk("43292119520417103"))]
pid = dict(P)
EROLL = "序号,乡镇,村,户主姓名,身份证号码,保障金额\n" + "".join(f"{k+1},白沙乡,石桥村,{n},{i},420\n" for k, (n, i) in enumerate(P))
EKIN = "干部姓名,干部身份证号,工作单位,亲属姓名,称谓,亲属身份证号\n赵敏," + chk("43292119800101123") + ",县民政局,孙涛,姐姐," + chk("43292119820101123") + "\n"
OPT = {"deaths": ["--deaths"], "payroll": ["--payroll"], "vehicles": ["--vehicles"], "business": ["--registry"]}

def excl_case(kind, name, build, want, optional=(), modes=("given", "mixed"), detail=None):
    # build(dir) writes one file into dir and returns its name. The roll is a 民政局 低保 CSV of P for
    # 2024-10. want: the roll persons the finding file must name (once each); optional: may be
    # named or not (reported); nobody else. detail: {person: substring of register_detail/evidence}.
    d = f"/tmp/probe/s28_{kind}_{name}"; shutil.rmtree(d, ignore_errors=True)
    for s in ("rolls", "x", "kin"): os.makedirs(f"{d}/{s}")
    open(f"{d}/rolls/民政局_农村低保_2024年10月.csv", "w").write(EROLL)
    open(f"{d}/kin/k.csv", "w").write(EKIN)
    fn = build(f"{d}/x")
    out_csv = f"eligibility_{kind}.csv"
    why, summ, ps = [], [], []
    for mode in modes:
        out = f"{d}/out_{mode}"
        if mode == "given":
            args = OPT[kind] + [f"{d}/x"] + (["--business-owners"] if kind == "business" else [])
            rolls = f"{d}/rolls"
        else:
            shutil.rmtree(f"{d}/rolls_mixed", ignore_errors=True); shutil.copytree(f"{d}/rolls", f"{d}/rolls_mixed")
            shutil.copy(f"{d}/x/{fn}", f"{d}/rolls_mixed/{fn}")
            args = ["--business-owners"] if kind == "business" else []
            rolls = f"{d}/rolls_mixed"
        p = subprocess.run([KM, "run", "--kin", f"{d}/kin", "--rolls", rolls, "--out", out, "--no-workbooks",
                            "--run-date", RUN_DATE] + args, capture_output=True, text=True)
        ps.append(p)
        rows = rows_of(f"{out}/{out_csv}")
        if rows is None: why.append(f"{mode}: no {out_csv}"); rows = []
        names = [r["person_name"] for r in rows]
        for n in want:
            if names.count(n) != 1: why.append(f"{mode}: {n} found {names.count(n)} times")
        for r in rows:
            if r["person_name"] not in want and r["person_name"] not in optional:
                why.append(f"{mode}: unexpected {r['person_name']} ({r['rule']}; {r['register_detail']})")
        for n, s in (detail or {}).items():
            for r in rows:
                if r["person_name"] == n and s not in r["register_detail"] + r["evidence"]:
                    why.append(f"{mode}: {n} detail {r['register_detail']!r} lacks {s!r}")
        hits = rows_of(f"{out}/hits.csv") or []
        if hits: why.append(f"{mode}: {len(hits)} relatives' hits ({','.join(h['roll_name'] for h in hits)})")
        if p.returncode != 0: why.append(f"{mode}: exit {p.returncode}")
        summ.append(f"{mode}=[" + ",".join(f"{r['person_name']}:{r['register_detail']}" for r in rows) + "]")
    verdict("excl", f"{kind}/{name}", ps, " ".join(summ), why, [(f"{d}/x", None), (f"{d}/rolls_mixed", None)] if "mixed" in modes else [(f"{d}/x", None)])

def x_hukou(x):
    # 公安 户籍注销 export: a title, 注销原因 死亡 / 迁出, 注销日期 as bare Excel serial numbers
    # (General format); 张桂兰 died on 2024-10-20, within the period paid: no finding
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "注销人员"
    ws.append(["道县公安局户籍注销人员信息（2024年1月—10月）"]); ws.merge_cells("A1:I1")
    ws.append(["序号", "姓名", "性别", "民族", "公民身份号码", "户籍地址", "注销原因", "注销日期", "注销单位"])
    rows = [(P[0], "死亡", serial(2024, 7, 1)), (P[1], "迁出", serial(2024, 7, 27)), (P[2], "死亡", serial(2024, 10, 20)),
            (STR[0], "死亡", serial(2024, 4, 2))]
    for k, ((n, i), why, dt) in enumerate(rows):
        ws.append([k + 1, n, "女" if int(i[16]) % 2 == 0 else "男", "汉族", i, "道县白沙乡石桥村", why, dt, "白沙派出所"])
    wb.save(f"{x}/户籍注销人员.xlsx"); return "户籍注销人员.xlsx"
excl_case("deaths", "户籍注销序列日期", x_hukou, ["王秀英"], detail={"王秀英": "2024-07-01"})

def x_cremation(x):
    # 殡葬管理 火化登记: 逝者 and 家属 (the one who signed) each with name and ID on the row;
    # dates 2024年3月5日. 李建国 (on the roll, alive) signed for a stranger who died.
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "火化登记"
    ws.append(["火化证号", "逝者姓名", "性别", "年龄", "逝者身份证号", "死亡日期", "火化日期", "家属姓名", "家属身份证号", "与逝者关系", "联系电话"])
    ws.append(["HH2024030051", P[0][0], "女", 76, P[0][1], "2024年3月5日", "2024年3月7日", STR[2][0], STR[2][1], "儿子", "13807461234"])
    ws.append(["HH2024060112", STR[3][0], "男", 64, STR[3][1], "2024年6月18日", "2024年6月20日", P[1][0], P[1][1], "兄弟", "13907462345"])
    ws.append(["HH2024110007", P[3][0], "男", 72, P[3][1], "2024年11月1日", "2024年11月3日", STR[4][0], STR[4][1], "女儿", "13607463456"])
    wb.save(f"{x}/火化登记.xlsx"); return "火化登记.xlsx"
excl_case("deaths", "火化登记含家属", x_cremation, ["王秀英"], detail={"王秀英": "2024-03-0"})

def x_payroll(x):
    # 财政供养人员花名册: 人员类别 在编 / 编外 / 退休, with 应发工资 / 实发工资
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["道县2024年10月财政供养人员花名册"]); ws.merge_cells("A1:H1")
    ws.append(["序号", "单位名称", "姓名", "身份证号码", "人员类别", "职务（岗位）", "应发工资", "实发工资"])
    ws.append([1, "县水利局", P[0][0], P[0][1], "在编", "科员", 5630.5, 4412.3])
    ws.append([2, "县城市管理综合执法局", P[1][0], P[1][1], "编外", "协管员", 2200, 1980])
    ws.append([3, "县教育局", P[2][0], P[2][1], "退休", "退休教师", 4890, 4890])
    ws.append([4, "白沙乡人民政府", STR[0][0], STR[0][1], "在编", "办事员", 4800, 3900])
    wb.save(f"{x}/财政供养人员花名册.xlsx"); return "财政供养人员花名册.xlsx"
excl_case("payroll", "在编编外退休", x_payroll, ["王秀英"], optional=("张桂兰",))

def x_vehicles(x):
    # 车管所 export to 民政: 所有人 / 证件名称 / 证件号码, 车辆类型 小型轿车; a two-wheel motorcycle,
    # a car registered after the period, a company car
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["序号", "号牌号码", "号牌种类", "车辆类型", "品牌型号", "所有人", "证件名称", "证件号码", "初次登记日期", "机动车状态", "住所"])
    ws.append([1, "湘M3A1K7", "小型汽车", "小型轿车", "大众牌FV7152", P[0][0], "居民身份证", P[0][1], "2019-05-10", "正常", "道县白沙乡石桥村"])
    ws.append([2, "湘M8C215", "普通摩托车", "普通二轮摩托车", "五羊-本田WH125", P[1][0], "居民身份证", P[1][1], "2016-03-02", "正常", "道县白沙乡石桥村"])
    ws.append([3, "湘MD6Q09", "小型新能源汽车", "小型轿车", "比亚迪BYD7005", P[2][0], "居民身份证", P[2][1], "2024-12-02", "正常", "道县白沙乡石桥村"])
    ws.append([4, "湘M5L930", "大型汽车", "重型厢式货车", "东风DFH5180", "道县顺达物流有限公司", "统一社会信用代码", "91432921MA4L3C0019", "2020-08-01", "正常", "道县城关镇"])
    wb.save(f"{x}/机动车信息.xlsx"); return "机动车信息.xlsx"
excl_case("vehicles", "所有人证件号码", x_vehicles, ["王秀英"])

def x_vehicle_codes(x):
    # 交管 system export with GA codes: 号牌种类 02 (小型汽车) / 07 (普通摩托车), 车辆类型 K33 (轿车) /
    # M22 (轻便二轮摩托车), 机动车状态 A (正常) / E (注销)
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["号牌号码", "号牌种类", "车辆类型", "机动车所有人", "身份证明号码", "初次登记日期", "机动车状态"])
    ws.append(["湘M2B7X1", "02", "K33", P[0][0], P[0][1], "2018-04-11", "A"])
    ws.append(["湘M61543", "07", "M22", P[1][0], P[1][1], "2017-09-23", "A"])
    ws.append(["湘M0K556", "02", "K33", P[2][0], P[2][1], "2009-02-17", "E"])
    wb.save(f"{x}/机动车登记.xlsx"); return "机动车登记.xlsx"
excl_case("vehicles", "交管代码", x_vehicle_codes, ["王秀英"])

def x_business(x):
    # 市场主体名录 (市场监管局 to 民政): 在业 / 注销 / 吊销，未注销; one column for 法定代表人（负责人、经营者）
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "市场主体名录"
    ws.append(["序号", "主体名称", "统一社会信用代码", "主体类型", "法定代表人（负责人、经营者）", "证件号码", "成立日期", "登记状态", "住所", "经营范围"])
    ws.append([1, "道县白沙乡秀英副食店", "92432921MA4M1D0014", "个体工商户", P[0][0], P[0][1], "2017-06-01", "在业", "道县白沙乡石桥村", "副食品零售"])
    ws.append([2, "道县建国农机有限公司", "91432921MA4M1D0022", "有限责任公司（自然人独资）", P[1][0], P[1][1], "2012-03-15", "注销", "道县城关镇", "农机销售"])
    ws.append([3, "道县桂兰百货店", "92432921MA4M1D0030", "个体工商户", P[2][0], P[2][1], "2015-09-09", "吊销，未注销", "道县白沙乡", "日用百货"])
    ws.append([4, "道县陈一餐馆", "92432921MA4M1D0049", "个体工商户", STR[0][0], STR[0][1], "2019-01-01", "在业", "道县城关镇", "餐饮服务"])
    wb.save(f"{x}/市场主体名录.xlsx"); return "市场主体名录.xlsx"
excl_case("business", "市场主体名录", x_business, ["王秀英"])

def x_pension_stop(x):
    # 城乡居民养老保险 待遇终止人员: 社会保障号码, 待遇终止原因 死亡 / 转入职工养老保险, 终止年月 202406
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["序号", "个人编号", "姓名", "社会保障号码", "所属乡镇", "待遇终止原因", "终止年月", "备注"])
    ws.append([1, "43092100012345", P[0][0], P[0][1], "白沙乡", "死亡", 202406, None])
    ws.append([2, "43092100012346", P[1][0], P[1][1], "白沙乡", "转入职工养老保险", 202407, None])
    ws.append([3, "43092100012347", P[2][0], P[2][1], "白沙乡", "死亡", 202411, None])
    wb.save(f"{x}/城乡居民养老保险待遇终止人员.xlsx"); return "城乡居民养老保险待遇终止人员.xlsx"
excl_case("deaths", "养老待遇终止", x_pension_stop, ["王秀英"], modes=("given",))

def x_death_month(x):
    # a township's 死亡人员名单 compiled from the villages: 死亡年月 to the month only, written
    # 2024.06 / 2024年7月 / 2024-10 (the month paid: no finding)
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["白沙乡2024年死亡人员名单"]); ws.merge_cells("A1:F1")
    ws.append(["序号", "村", "姓名", "身份证号", "死亡年月", "备注"])
    ws.append([1, "石桥村", P[0][0], P[0][1], "2024.06", "病故"])
    ws.append([2, "石桥村", P[1][0], P[1][1], "2024年7月", None])
    ws.append([3, "石桥村", P[2][0], P[2][1], "2024-10", None])
    wb.save(f"{x}/死亡人员名单.xlsx"); return "死亡人员名单.xlsx"
excl_case("deaths", "死亡年月", x_death_month, ["王秀英", "李建国"])

# ------------------------------------------------------------------ rolls
STD = ["李芳", "周建华", "赵一鸣", "孙长林"]
people = [(n, ids[n]) for n in STD[:2]] + [STR[0]] + [(n, ids[n]) for n in STD[2:]] + [STR[1]]

def judge(kind, name, d, ps, hits, want, optional=(), exit_ok=(0,), extra=(), inspect=None):
    # want: {roll_name: {field: check}} each hit exactly once (tier confirmed and relative_id the
    # relative's own ID unless the checks say otherwise); optional: names that may be hit but never
    # confirmed; nothing else.
    why = list(extra)
    names = [h["roll_name"] for h in hits]
    for n in want:
        if names.count(n) != 1: why.append(f"{n} hit {names.count(n)} times")
    for h in hits:
        n = h["roll_name"]
        if n in optional:
            if h["tier"] == "confirmed": why.append(f"{n} confirmed (roll_id {h['roll_id']})")
            continue
        if n not in want: why.append(f"unexpected hit {n!r} ({h['relative_name']}, {h['tier']})"); continue
        checks = dict({"tier": "confirmed"}, **want[n])
        for f, c in checks.items():
            v = h[f]
            good = c(v) if callable(c) else (v in c if isinstance(c, tuple) else v == c)
            if not good: why.append(f"{n}: {f}={v!r}")
    for p in ps:
        if p.returncode not in exit_ok: why.append(f"exit {p.returncode}")
    summ = ",".join(f"{h['roll_name']}/{h['tier']}/{h['roll_role']}/{h['relation']}/{h['relevance']}" for h in hits)
    verdict(kind, name, ps, summ, why, inspect or [])

def xlsx_roll(name, build, file):
    d = case_dir(f"s28_{name}"); open(f"{d}/kin/k.csv", "w").write(KIN)
    full = f"{d}/rolls/{file}"; os.makedirs(os.path.dirname(full), exist_ok=True)
    wb = openpyxl.Workbook(); build(wb.active, wb); wb.save(full)
    return d

def std_want(names=STD, more=None):
    more = more or {}
    w = {}
    for n in names:
        w[n] = {"relative_id": ids[n]}
        w[n].update(more.get(n, {}))
    return w

def roll_run(name, d, want, **kw):
    p = sh(d); judge("roll", name, d, [p], out_hits(d), want, inspect=[(f"{d}/rolls", "roll")], **kw)

# R1 救助对象 without ID, 代领人 with ID
def r_agent_only_id(ws, wb):
    ws.append(["序号", "救助对象姓名", "性别", "年龄", "救助类别", "救助金额（元）", "代领人姓名", "代领人身份证号", "与救助对象关系", "备注"])
    ws.append([1, STR[4][0], "男", 82, "因病", 1500, "李芳", ids["李芳"], "侄媳", "本人卧床"])
    ws.append([2, "赵一鸣", "男", 23, "因灾", 1000, STR[5][0], STR[5][1], "表兄", "本人在外务工"])
    ws.append([3, STR[2][0], "女", 79, "因病", 1200, "孙长林", ids["孙长林"], "兄弟", None])
    ws.append([4, STR[3][0], "男", 85, "因残", 800, STR[1][0], STR[1][1], "儿子", None])
d = xlsx_roll("代领人有证号", r_agent_only_id, "县民政局_临时救助_2024年10月.xlsx")
# 李芳 and 孙长林 collected the money: confirmed on their own IDs; 赵一鸣 (no ID on the roll, his
# 代领人 a stranger) may be a lead but never confirmed; no stranger is hit
roll_run("代领人有证号", d, std_want(["李芳", "孙长林"]), optional=("赵一鸣",))

# R2 the unit only in a footer
def r_footer_unit(ws, wb):
    ws.append(["2024年10月临时救助资金发放花名册"]); ws.merge_cells("A1:F1")
    ws.append(["序号", "姓名", "身份证号码", "救助事由", "救助金额（元）", "领款人签字"])
    for k, (n, i) in enumerate(people): ws.append([k + 1, n, i, "因病", 1000, None])
    ws.append(["合计", None, None, None, 6000, None])
    ws.append([])
    ws.append(["填报单位：县民政局（盖章）", None, None, "审核人：王建军", None, "填报日期：2024年10月28日"])
d = xlsx_roll("落款填报单位", r_footer_unit, "2024年10月临时救助发放花名册.xlsx")
roll_run("落款填报单位", d, std_want(more={"李芳": {"relevance": "same_unit", "approving_unit": lambda v: "民政" in v},
                                           "赵一鸣": {"relevance": "same_unit"}, "周建华": {"relevance": "other"}, "孙长林": {"relevance": "other"}}))

# R3 a file named with a month and a township, 审批单位 in a label line above the header
def r_township_file(ws, wb):
    ws.append(["农村最低生活保障金发放花名册"]); ws.merge_cells("A1:F1")
    ws.append(["审批单位：县民政局", None, None, None, "发放月份：2024年10月", None])
    ws.append(["序号", "村（居）", "户主姓名", "身份证号码", "保障人数", "保障金额（元）"])
    for k, (n, i) in enumerate(people): ws.append([k + 1, "石桥村", n, i, 2, 900])
d = xlsx_roll("乡镇月份文件名", r_township_file, "2024年10月白沙乡低保发放表.xlsx")
TWN = {"李芳": {"relevance": "same_unit", "township": lambda v: "白沙" in v}, "赵一鸣": {"relevance": "same_unit"},
       "周建华": {"relevance": "same_township", "township": lambda v: "白沙" in v}, "孙长林": {"relevance": "other"}}
roll_run("乡镇月份文件名", d, std_want(more=TWN))

# R4 the township only in the title, the unit in the file name
def r_township_title(ws, wb):
    ws.append(["白沙乡2024年10月农村低保金发放花名册"]); ws.merge_cells("A1:E1")
    ws.append(["序号", "村", "户主姓名", "身份证号码", "保障金额（元）"])
    for k, (n, i) in enumerate(people): ws.append([k + 1, "石桥村", n, i, 900])
d = xlsx_roll("乡镇只在标题", r_township_title, "县民政局_农村低保_2024年10月.xlsx")
roll_run("乡镇只在标题", d, std_want(more=TWN))

# R5 a CSV with a BOM, CRLF and a trailing empty column (every line ends with a comma), a blank
# line of commas at the end
d = case_dir("s28_BOM尾逗号"); open(f"{d}/kin/k.csv", "w").write(KIN)
lines = ["序号,姓名,身份证号码,救助事由,救助金额（元）,"] + [f"{k+1},{n},{i},因病,800," for k, (n, i) in enumerate(people)] + [",,,,,"]
open(f"{d}/rolls/县民政局_临时救助.csv", "wb").write(b"\xef\xbb\xbf" + ("\r\n".join(lines) + "\r\n").encode("utf-8"))
roll_run("BOM尾逗号", d, std_want())

# R6 amounts written 1,200.00元 / ￥1,200.00 / 1,200.00 元 / 1200元
AMT = ["1,200.00元", "￥1,200.00", "1,200.00 元", "1200元", "1,200.00元", "1,200.00元"]
def r_amounts(ws, wb):
    ws.append(["序号", "姓名", "身份证号码", "发放金额", "备注"])
    for k, (n, i) in enumerate(people): ws.append([k + 1, n, i, AMT[k], None])
d = xlsx_roll("金额带元千分位", r_amounts, "县民政局_临时救助.xlsx")
amt = lambda v: v != "" and abs(float(v) - 1200) < 0.01
roll_run("金额带元千分位", d, std_want(more={n: {"amount": amt, "amount_unread": ""} for n in STD}))

# R7 hidden rows (the office filtered on one village before saving) and a hidden helper column
def r_hidden(ws, wb):
    ws.append(["序号", "村", "姓名", "身份证号码", "校验", "补助金额（元）"])
    vil = ["石桥村", "高峰村", "石桥村", "高峰村", "高峰村", "石桥村"]
    for k, (n, i) in enumerate(people): ws.append([k + 1, vil[k], n, i, "正确", 500])
    for r in range(2, 8):
        if vil[r - 2] == "高峰村": ws.row_dimensions[r].hidden = True
    ws.column_dimensions["E"].hidden = True
    ws.auto_filter.ref = "A1:F7"
d = xlsx_roll("隐藏行列", r_hidden, "县民政局_临时救助.xlsx")
roll_run("隐藏行列", d, std_want())

# R8 a BIFF8 .xls written by xlwt: a merged title, IDs as text, a 说明 sheet
def xls_roll(path):
    import xlwt
    wb = xlwt.Workbook(encoding="utf-8"); ws = wb.add_sheet("发放表")
    ws.write_merge(0, 0, 0, 6, "2024年10月特困人员供养金发放表")
    for k, h in enumerate(["序号", "乡镇", "村", "姓名", "身份证号码", "供养方式", "金额（元）"]): ws.write(1, k, h)
    for r, (n, i) in enumerate(people):
        for k, v in enumerate([r + 1, "白沙乡", "石桥村", n, i, "分散供养", 1120]): ws.write(r + 2, k, v)
    s = wb.add_sheet("说明"); s.write(0, 0, "本表由县民政局社会救助股填报，金额单位：元。")
    wb.save(path)
d = case_dir("s28_xls二进制"); open(f"{d}/kin/k.csv", "w").write(KIN)
xls_roll(f"{d}/rolls/县民政局_特困供养_2024年10月.xls")
roll_run("xls二进制", d, std_want())

# R9 a statistical form's column-number row (甲 乙 1 2 3 …) under the header
def r_col_numbers(ws, wb):
    ws.append(["道县2024年耕地地力保护补贴发放清册"]); ws.merge_cells("A1:G1")
    ws.append(["序号", "姓名", "身份证号码", "村组", "确权面积（亩）", "补贴标准（元/亩）", "补贴金额（元）"])
    ws.append(["甲", "乙", "丙", "丁", 1, 2, "3=1×2"])
    for k, (n, i) in enumerate(people): ws.append([k + 1, n, i, "石桥村3组", 3.2, 105.6, 337.92])
d = xlsx_roll("栏次行", r_col_numbers, "县农业农村局_耕地地力保护补贴.xlsx")
roll_run("栏次行", d, std_want())

# R10 IDs and amounts as formulas with cached values (VLOOKUP into the 户籍 workbook, E = D × 450)
def r_formulas_build(path):
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "低保"
    ws.append(["序号", "姓名", "身份证号码", "保障人数", "保障金额（元）"])
    cache = {}
    for k, (n, i) in enumerate(people):
        r = k + 2
        ws.append([k + 1, n, f"=VLOOKUP(B{r},[1]户籍信息!$A:$C,3,FALSE)", 2, f"=D{r}*450"])
        cache[f"C{r}"] = ("str", i); cache[f"E{r}"] = (None, "900")
    wb.save(path)
    z = zipfile.ZipFile(path); parts = {n: z.read(n) for n in z.namelist()}; z.close()
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    def fix(m):
        ref = m.group(1); t, v = cache[ref]
        return f'<c r="{ref}"' + (f' t="{t}"' if t else "") + f'><f>{m.group(2)}</f><v>{v}</v></c>'
    xml, n = re.subn(r'<c r="([A-Z]+\d+)"><f>(.*?)</f><v\s*/></c>', fix, xml)
    assert n == 2 * len(people), n
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for k, v in parts.items(): z.writestr(k, v)
d = case_dir("s28_公式缓存值"); open(f"{d}/kin/k.csv", "w").write(KIN)
r_formulas_build(f"{d}/rolls/县民政局_农村低保_2024年10月.xlsx")
roll_run("公式缓存值", d, std_want(more={n: {"amount": lambda v: v != "" and abs(float(v) - 900) < 0.01} for n in STD}))

# R11 a 危房改造 roll naming the builder's 施工负责人 with his ID
def r_builder(ws, wb):
    ws.append(["序号", "户主姓名", "身份证号码", "村", "改造方式", "补助资金（元）", "施工单位", "施工负责人", "施工负责人身份证号"])
    ws.append([1, "李芳", ids["李芳"], "石桥村", "修缮加固", 15000, "道县宏远建筑工程有限公司", STR[4][0], STR[4][1]])
    ws.append([2, STR[0][0], STR[0][1], "石桥村", "拆除重建", 35000, "道县白沙建筑队", "周建华", ids["周建华"]])
    ws.append([3, STR[1][0], STR[1][1], "高峰村", "修缮加固", 15000, "道县宏远建筑工程有限公司", STR[4][0], STR[4][1]])
d = xlsx_roll("危改施工负责人", r_builder, "县住建局_农村危房改造_2024年.xlsx")
roll_run("危改施工负责人", d, std_want(["李芳", "周建华"], more={"周建华": {"roll_role": lambda v: v not in ("beneficiary", "household_head")}}))

# ------------------------------------------------------------------ registers
def reg_run(name, d, want, extra=()):
    p = sh(d); judge("reg ", name, d, [p], out_hits(d), want, extra=extra, inspect=[(f"{d}/kin", "register")])

def cad(n): return {c[0]: c for c in C}[n]
REL_OF = {n: (C[c][0], REL[r]) for n, i, c, r in R}
def reg_want(names, more=None):
    more = more or {}
    w = {}
    for n in names:
        cn, rel = REL_OF[n]
        w[n] = {"relative_id": ids[n], "cadre_name": cn, "relation": rel}
        w[n].update(more.get(n, {}))
    return w

# G1 units written in full (中共道县县委组织部, 道县人民政府办公室, 道县教育局) against rolls of
# 县委组织部, 县政府办 and 县教育局
def g_party_units(d):
    units = ["中共道县县委组织部", "道县人民政府办公室", "道县教育局"]
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["干部姓名", "干部身份证号", "工作单位", "职务", "亲属姓名", "称谓", "亲属身份证号"])
    for n, i, c, r in R: ws.append([C[c][0], C[c][1], units[c], ["副部长", "副主任", "副局长"][c], n, r, i])
    wb.save(f"{d}/kin/干部亲属登记.xlsx")
d = case_dir("s28r_党委政府全称")
g_party_units(d)
def simple_roll(path, names):
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["序号", "姓名", "身份证号码", "金额（元）"])
    for k, n in enumerate(names): ws.append([k + 1, n, ids.get(n) or sid[n], 500])
    wb.save(path)
simple_roll(f"{d}/rolls/县委组织部_困难党员慰问金_2024年.xlsx", ["李芳", STR[0][0]])
simple_roll(f"{d}/rolls/县政府办_春节慰问金_2024年.xlsx", ["周建华", STR[1][0]])
simple_roll(f"{d}/rolls/县教育局_学生资助_2024年秋季.xlsx", ["赵一鸣", "孙长林"])
p = sh(d); hits = out_hits(d)
reg_want_g1 = reg_want(STD, {"李芳": {"relevance": "same_unit"}, "周建华": {"relevance": "same_unit"},
                               "赵一鸣": {"relevance": "other"}, "孙长林": {"relevance": "same_unit"}})
judge("reg ", "党委政府全称", d, [p], hits, reg_want_g1, inspect=[(f"{d}/kin", "register")])
if V or any(h["relevance"] != reg_want_g1[h["roll_name"]]["relevance"] for h in hits if h["roll_name"] in reg_want_g1):
    print("     ", [(h["roll_name"], h["approving_unit"], h["cadre_unit"], h["relevance"]) for h in hits])

# G2 a pandas CSV export: the index as an unnamed first column, numeric IDs with a trailing .0
# (IDs ending in X stayed text)
def g_float_ids(d):
    def f(i): return i if i.endswith("X") else i + ".0"
    lines = [",干部姓名,干部身份证号,工作单位,亲属姓名,称谓,亲属身份证号"]
    for k, (n, i, c, r) in enumerate(R): lines.append(f"{k},{C[c][0]},{f(C[c][1])},{C[c][2]},{n},{r},{f(i)}")
    open(f"{d}/kin/干部亲属信息_export.csv", "w").write("\n".join(lines) + "\n")
d = case_dir("s28r_浮点点零"); open(f"{d}/rolls/县民政局_低保.csv", "w").write(ROLL)
g_float_ids(d); reg_run("浮点点零", d, reg_want(STD))

# G3 children with （已婚） notes after their names, their spouses on the next rows (儿媳, 女婿)
INLAW = {"王丽": chk("43292120020807102"), "赵一丹": chk("43292119990214102"), "刘强": chk("43292119980930111")}
def g_married(d):
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["干部姓名", "干部身份证号", "工作单位", "称谓", "亲属姓名", "亲属身份证号", "备注"])
    zc = C[0]
    ws.append([zc[0], zc[1], zc[2], "妻子", "李芳", ids["李芳"], None])
    ws.append([zc[0], zc[1], zc[2], "儿子", "赵一鸣（已婚）", ids["赵一鸣"], None])
    ws.append([zc[0], zc[1], zc[2], "儿媳", "王丽", INLAW["王丽"], None])
    ws.append([zc[0], zc[1], zc[2], "女儿", "赵一丹（已婚，户籍已迁出）", INLAW["赵一丹"], "在长沙工作"])
    ws.append([zc[0], zc[1], zc[2], "女婿", "刘强", INLAW["刘强"], None])
    for n, i, c, r in R[1:]:
        if c != 0: ws.append([C[c][0], C[c][1], C[c][2], r, n, i, None])
    wb.save(f"{d}/kin/干部亲属.xlsx")
d = case_dir("s28r_子女已婚注")
allid = dict(ids); allid.update(INLAW)
open(f"{d}/rolls/县民政局_低保.csv", "w").write("乡镇,村,户主姓名,身份证号码,金额\n" + "".join(f"白沙乡,石桥村,{n},{allid[n]},100\n" for n in STD + list(INLAW)))
g_married(d)
wm = reg_want(STD)
for n in ("赵一鸣",): wm[n]["evidence"] = lambda v: "姓名一致" in v
wm["王丽"] = {"relative_id": INLAW["王丽"], "cadre_name": "赵志刚", "relation": "child_in_law"}
wm["赵一丹"] = {"relative_id": INLAW["赵一丹"], "cadre_name": "赵志刚", "relation": "child", "evidence": lambda v: "姓名一致" in v}
wm["刘强"] = {"relative_id": INLAW["刘强"], "cadre_name": "赵志刚", "relation": "child_in_law"}
reg_run("子女已婚注", d, wm)

# G4 a BIFF8 .xls register: the cadre's name, ID and unit merged down over his block
def g_xls(d):
    import xlwt
    wb = xlwt.Workbook(encoding="utf-8"); ws = wb.add_sheet("干部亲属")
    ws.write_merge(0, 0, 0, 6, "干部职工近亲属信息登记表")
    for k, h in enumerate(["序号", "干部姓名", "干部身份证号", "工作单位", "称谓", "亲属姓名", "亲属身份证号"]): ws.write(1, k, h)
    more = {"周小燕": chk("43292120050101002"), "刘桂兰": chk("43292119520101002")}
    FAM = [(0, "妻子", "李芳"), (0, "儿子", "赵一鸣"), (1, "丈夫", "周建华"), (1, "女儿", "周小燕"), (2, "父亲", "孙长林"), (2, "母亲", "刘桂兰")]
    row = 2
    for c in range(3):
        block = [f for f in FAM if f[0] == c]
        for k, v in enumerate([c + 1, C[c][0], C[c][1], C[c][2]]): ws.write_merge(row, row + len(block) - 1, k, k, v)
        for _, r, n in block:
            ws.write(row, 4, r); ws.write(row, 5, n); ws.write(row, 6, ids.get(n) or more[n]); row += 1
    wb.save(f"{d}/kin/干部亲属登记.xls")
d = case_dir("s28r_xls合并"); open(f"{d}/rolls/县民政局_低保.csv", "w").write(ROLL)
g_xls(d); reg_run("xls合并", d, reg_want(STD))

ok = sum(1 for *_, o in RESULTS if o)
print(f"{ok}/{len(RESULTS)} OK")
