#!/usr/bin/env python3
"""A county for the 虚报冒领 rules (issue 13), laid out after the reader was
written and not from its word tables: rolls with their period in a title, a
month column, a payment date or nowhere; 火化 and 户口注销 lists; a payroll with
编制 categories; a vehicle register with 号牌种类 and 机动车状态; an enterprise
registry; and the truth: every (rule, roll file, roll row) that must be found,
and the traps that must not (a death after the period, an exempt vehicle, a
non-excluded program or category, a different period).

    python3 benches/outside/make_eligibility.py --seed 3 --out /tmp/el
    kinmatch run --kin /tmp/el/registers --rolls /tmp/el/rolls --out /tmp/el/out \
        --deaths /tmp/el/deaths --payroll /tmp/el/payroll --vehicles /tmp/el/vehicles \
        --registry /tmp/el/registry --business-owners --double-claims
    python3 benches/outside/evaluate_eligibility.py /tmp/el
"""
import argparse, csv, os, random
import openpyxl

W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
C = "10X98765432"
SURN = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文辉鹏宇浩凯春梅海燕林云峰"
TOWNS = ["青石镇", "柳河镇", "白沙乡", "金塘镇", "松岭乡"]
VILLAGES = ["大坪村", "石门村", "河口村", "龙潭村", "红岩村", "新华社区", "柳树村", "凉桥村"]


def ident(rng, used, birth_year=None):
    while True:
        y = birth_year or rng.randint(1935, 1995)
        body = f"4329{rng.randint(21, 22):02d}{y}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(100, 999)}"
        c = C[sum(int(a) * b for a, b in zip(body, W)) % 11]
        i = body + c
        if i not in used:
            used.add(i)
            return i


def noisy(rng, i, legacy_ok=False):
    """An ID as departments write it: mostly clean, some typed as numbers (Excel
    keeps 15 digits), with spaces, a lower-case x, or (old lists) 15 digits."""
    r = rng.random()
    if r < 0.08:
        return float(i[:15] + "000")  # typed as a number: Excel keeps 15 significant digits
    if r < 0.14:
        return f"{i[:6]} {i[6:14]} {i[14:]}"
    if r < 0.18:
        return i.lower()
    if legacy_ok and r < 0.30:
        return i[:6] + i[8:17]
    return i


def name(rng):
    return rng.choice(SURN) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2, 2])))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--out", required=True)
    ap.add_argument("--people", type=int, default=1500)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    out = a.out
    for d in ["registers", "rolls", "deaths", "payroll", "vehicles", "registry"]:
        os.makedirs(os.path.join(out, d), exist_ok=True)
    used = set()
    people = [{"name": name(rng), "id": ident(rng, used), "town": rng.choice(TOWNS), "village": rng.choice(VILLAGES)} for _ in range(a.people)]
    truth, traps = [], []  # (family, rule, roll_file, roll_row[, other_file, other_row])

    # --- Rolls. 低保 2024-10: one workbook, a sheet per township, the month in the title.
    dibao_file = "民政局_农村低保.xlsx"
    wb = openpyxl.Workbook(); wb.remove(wb.active)
    dibao = []  # (person, sheet, row)
    pool = people[:600]
    for t in TOWNS:
        ws = wb.create_sheet(t)
        ws.append([f"{t}2024年10月农村最低生活保障金发放花名册"])
        ws.append(["序号", "村（居）", "户主", "公民身份号码", "保障人口", "月发放额（元）", "开户行", "备注"])
        k = 0
        for p in pool:
            if p["town"] != t:
                continue
            k += 1
            ws.append([k, p["village"], p["name"], noisy(rng, p["id"]), rng.randint(1, 4), rng.choice([380, 760, 1140]), "农商银行", ""])
            dibao.append((p, t, ws.max_row))
    wb.save(os.path.join(out, "rolls", dibao_file))
    # 特困 with a 发放月份 column (some rows 2024-09: another period).
    tekun_file = "民政局_特困人员供养金.xlsx"
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "特困"
    ws.append(["姓名", "身份证号码", "乡镇（街道）", "村社区", "供养方式", "发放月份", "金额"])
    tekun = []
    for p in people[600:760]:
        ws.append([p["name"], noisy(rng, p["id"]), p["town"], p["village"], rng.choice(["分散供养", "集中供养"]), "2024-10", 1200])
        tekun.append((p, "特困", ws.max_row, "2024-10"))
    # double claim (exclusive): 12 people of 低保 also on 特困 in 2024-10; 6 traps in 2024-09.
    excl = rng.sample(dibao, 18)
    excl_ids = {p["id"] for p, _, _ in excl}
    for i, (p, sh, r) in enumerate(excl):
        month = "2024-10" if i < 12 else "2024-09"
        ws.append([p["name"], p["id"], p["town"], p["village"], "分散供养", month, 1200])
        rec = ("double_claims", "double_claim_exclusive", dibao_file, sh, r, tekun_file, "特困", ws.max_row)
        (truth if i < 12 else traps).append(rec)
        tekun.append((p, "特困", ws.max_row, month))
    wb.save(os.path.join(out, "rolls", tekun_file))
    # 临时救助 CSV with a payment date (GBK), and a 低保 person twice in 低保 (same program, two towns).
    lin_file = "金塘镇_临时救助.csv"
    with open(os.path.join(out, "rolls", lin_file), "w", encoding="gbk", newline="") as f:
        w = csv.writer(f)
        w.writerow(["序号", "救助对象", "证件号码", "救助事由", "救助金额", "审批日期"])
        lin = []
        for i, p in enumerate(people[760:900]):
            w.writerow([i + 1, p["name"], p["id"], rng.choice(["因病", "因灾", "因学"]), 500, f"2024-10-{rng.randint(8, 28):02d}"])
            lin.append((p, i + 2))
        # 低保 and 临时救助 at once is allowed: traps.
        for p, sh, r in rng.sample(dibao, 6):
            w.writerow([len(lin) + 1, p["name"], p["id"], "因病", 800, "2024-10-15"])
            lin.append((p, len(lin) + 2))
            traps.append(("double_claims", "double_claim_exclusive", dibao_file, sh, r, lin_file, "", len(lin) + 1))
    # 耕地地力保护补贴 (no period anywhere; not means-tested).
    gd_file = "农业农村局_耕地地力保护补贴.xlsx"
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "清册"
    ws.append(["乡镇", "村", "户主姓名", "身份证号", "面积（亩）", "补贴金额"])
    gd = []
    for p in people[900:1100]:
        ws.append([p["town"], p["village"], p["name"], p["id"], round(rng.uniform(1, 9), 2), 300])
        gd.append((p, ws.max_row))
    wb.save(os.path.join(out, "rolls", gd_file))
    # 低保 twice: a second sheet row in another township for 8 people (same period).
    wb = openpyxl.load_workbook(os.path.join(out, "rolls", dibao_file))
    same_program = []
    for p, sh, r in rng.sample([x for x in dibao if x[0]["id"] not in excl_ids], 8):
        same_program.append(p)
        other = next(t for t in TOWNS if t != sh)
        ws = wb[other]
        ws.append([ws.max_row - 1, p["village"], p["name"], p["id"], 1, 380, "农商银行", ""])
        a_, b_ = sorted([(sh, r), (other, ws.max_row)])
        truth.append(("double_claims", "double_claim_same_program", dibao_file, sh, r, dibao_file, other, ws.max_row))
    wb.save(os.path.join(out, "rolls", dibao_file))

    # A person of the rules below is on no other row (the double claims keep their own people).
    twice = {}
    for p_, *_ in dibao + tekun + lin:
        twice[p_["id"]] = twice.get(p_["id"], 0) + 1
    for p_ in same_program:
        twice[p_["id"]] = twice.get(p_["id"], 0) + 1
    dibao_only = [x for x in dibao if twice.get(x[0]["id"], 0) == 1]
    picks = rng.sample(dibao_only, 120)
    dead_pos, pay_pos, car_pos, biz_pos = picks[:30], picks[30:60], picks[60:90], picks[90:110]
    trap_people = picks[110:120]

    # --- Deaths: a 火化 list (death and cremation dates) and a 户口注销 list.
    with open(os.path.join(out, "deaths", "殡仪馆火化登记.csv"), "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["编号", "死者姓名", "性别", "死者身份证号码", "死亡时间", "火化时间", "家属联系电话"])
        for i, (p, sh, r) in enumerate(dead_pos[:20]):
            d = f"2024年{rng.randint(5, 8)}月{rng.randint(1, 28)}日"
            w.writerow([i + 1, p["name"], "", noisy(rng, p["id"], True), d, "", "13800000000"])
            truth.append(("deaths", "paid_after_death", dibao_file, sh, r))
        # died during or after the period: not findings.
        for i, (p, sh, r) in enumerate(trap_people[:5]):
            d = "2024年10月20日" if i % 2 else "2024年11月3日"
            w.writerow([100 + i, p["name"], "", p["id"], d, "", ""])
            traps.append(("deaths", "paid_after_death", dibao_file, sh, r))
        for i in range(40):  # dead people on no roll
            w.writerow([200 + i, name(rng), "", ident(rng, used), "2024年7月1日", "", ""])
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "注销"
    ws.append(["户口注销人员名单（2024年第三季度）"])
    ws.append(["序号", "姓名", "公民身份号码", "注销原因", "注销日期", "户籍地址"])
    for i, (p, sh, r) in enumerate(dead_pos[20:]):
        ws.append([i + 1, p["name"], noisy(rng, p["id"], True), "死亡", f"2024-09-{rng.randint(1, 28):02d}", f"{p['town']}{p['village']}"])
        truth.append(("deaths", "paid_after_death", dibao_file, sh, r))
    # a 特困 person dead in August, paid for 2024-10: found; one on 耕地补贴 (no period): reported, not guessed.
    p, sh, r, m = tekun[0]
    ws.append([50, p["name"], p["id"], "死亡", "2024-08-02", ""])
    truth.append(("deaths", "paid_after_death", tekun_file, "特困", r))
    p, r = gd[0]
    ws.append([51, p["name"], p["id"], "死亡", "2024-08-02", ""])
    wb.save(os.path.join(out, "deaths", "公安户口注销.xlsx"))

    # --- Payroll.
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "供养人员"
    ws.append(["序号", "单位名称", "姓名", "身份证号码", "岗位", "编制类型"])
    for i, (p, sh, r) in enumerate(pay_pos):
        ws.append([i + 1, rng.choice(["县水利局", "白沙乡中心小学", "县人民医院"]), p["name"], noisy(rng, p["id"]), "职员", rng.choice(["行政编制", "事业编制", "参公管理"])])
        truth.append(("payroll", "public_employee_means_tested", dibao_file, sh, r))
    for i, (p, sh, r) in enumerate(trap_people[5:8]):  # 编外 on 低保: not excluded
        ws.append([100 + i, "县城管局", p["name"], p["id"], "协管员", "编外聘用"])
        traps.append(("payroll", "public_employee_means_tested", dibao_file, sh, r))
    for i, (p, r) in enumerate(gd[1:6]):  # staff on a subsidy that does not exclude them
        ws.append([200 + i, "县农业农村局", p["name"], p["id"], "干部", "行政编制"])
        traps.append(("payroll", "public_employee_means_tested", gd_file, "清册", r))
    for i in range(60):
        ws.append([300 + i, "县教育局", name(rng), ident(rng, used), "教师", "事业编制"])
    wb.save(os.path.join(out, "payroll", "财政供养人员信息.xlsx"))

    # --- Vehicles.
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "机动车"
    ws.append(["号牌号码", "号牌种类", "车辆类型", "机动车所有人", "身份证明号码", "初次登记日期", "机动车状态"])
    for p, sh, r in car_pos:
        ws.append([f"湘U{rng.randint(10000, 99999)}", "小型汽车", "小型轿车", p["name"], noisy(rng, p["id"]), f"20{rng.randint(15, 23)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}", "正常"])
        truth.append(("vehicles", "vehicle_owner_means_tested", dibao_file, sh, r))
    tp = trap_people[8:10] + rng.sample(dibao, 4)
    for i, (p, sh, r) in enumerate(tp):
        row = [
            ["湘U1" + str(1000 + i), "普通摩托车", "两轮摩托车", p["name"], p["id"], "2019-03-01", "正常"],
            ["湘U2" + str(1000 + i), "小型汽车", "小型轿车", p["name"], p["id"], "2012-05-01", "注销"],
            ["湘U3" + str(1000 + i), "小型汽车", "残疾人专用车", p["name"], p["id"], "2020-05-01", "正常"],
            ["湘U4" + str(1000 + i), "小型汽车", "小型轿车", p["name"], p["id"], "2024-12-01", "正常"],
        ][i % 4]
        ws.append(row)
        if (p["id"], r) not in {(q["id"], rr) for q, _, rr in car_pos}:
            traps.append(("vehicles", "vehicle_owner_means_tested", dibao_file, sh, r))
    for p, r in gd[6:10]:  # a car on a subsidy roll: not asset-tested
        ws.append([f"湘U{rng.randint(10000, 99999)}", "小型汽车", "小型轿车", p["name"], p["id"], "2018-01-01", "正常"])
        traps.append(("vehicles", "vehicle_owner_means_tested", gd_file, "清册", r))
    for i in range(80):
        ws.append([f"湘U{rng.randint(10000, 99999)}", "小型汽车", "小型普通客车", name(rng), ident(rng, used), "2018-01-01", "正常"])
    wb.save(os.path.join(out, "vehicles", "机动车登记信息.xlsx"))

    # --- Enterprise registry.
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "企业"
    ws.append(["统一社会信用代码", "企业名称", "法定代表人", "法定代表人身份证号", "登记状态", "住所"])
    for i, (p, sh, r) in enumerate(biz_pos):
        ws.append([f"91432900MA4{i:07d}", f"云溪县{p['name']}商贸有限公司", p["name"], p["id"], "存续", p["town"]])
        truth.append(("business", "business_owner_means_tested", dibao_file, sh, r))
    for i, (p, sh, r) in enumerate(rng.sample(dibao, 3)):
        if any(p is q for q, _, _ in biz_pos):
            continue
        ws.append([f"91432900MA5{i:07d}", f"云溪县{p['name']}养殖场", p["name"], p["id"], "注销", p["town"]])
        traps.append(("business", "business_owner_means_tested", dibao_file, sh, r))
    wb.save(os.path.join(out, "registry", "市场主体登记.xlsx"))

    # --- A register (its cadres are public employees too), kept small.
    with open(os.path.join(out, "registers", "县民政局_亲属.csv"), "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["干部姓名", "干部身份证号", "工作单位", "亲属姓名", "称谓", "亲属身份证号"])
        for p in people[1200:1210]:
            w.writerow([p["name"], p["id"], "县民政局", name(rng), "妻子", ident(rng, used)])
    # one cadre on 低保 (a public employee): a payroll finding from the register.
    p, sh, r = picks[0]
    with open(os.path.join(out, "registers", "县民政局_亲属.csv"), "a", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerow([p["name"], p["id"], "县水利局", name(rng), "妻子", ident(rng, used)])
    truth.append(("payroll", "public_employee_means_tested", dibao_file, sh, r))

    with open(os.path.join(out, "truth.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["family", "rule", "roll_file", "roll_sheet", "roll_row", "other_file", "other_sheet", "other_row", "kind"])
        for t in truth:
            w.writerow(list(t) + [""] * (8 - len(t)) + ["must"])
        for t in traps:
            w.writerow(list(t) + [""] * (8 - len(t)) + ["trap"])
    print(f"{out}: {len(truth)} findings to find, {len(traps)} traps")


if __name__ == "__main__":
    main()
