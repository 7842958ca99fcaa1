"""Enterprise registry, declarations and their truth for an outside county
(make_county.py --registry). Written after kinmatch's registry reader, in
layouts the reader was not built against. All persons and firms are invented.

writes OUT/registry/*, OUT/declarations/申报表.xlsx, OUT/truth_enterprise.csv
"""
import csv, os, random
import openpyxl

SCOPE = {"spouse": "配偶", "child": "子女", "child_spouse": "子女配偶"}
DOMAIN = {
    "县住房和城乡建设局": "建筑工程施工；建材销售；室内装饰装修",
    "县医疗保障局": "药品零售；医疗器械销售",
    "县教育局": "教育咨询；文化艺术培训；文具用品零售",
    "县农业农村局": "农资销售；畜禽养殖；农作物种植",
    "县人力资源和社会保障局": "劳务派遣服务；职业中介活动",
    "县民政局": "养老服务；殡葬服务",
}
NEUTRAL = ["日用百货零售", "餐饮服务", "服装零售", "理发服务", "五金交电销售", "茶叶种植及销售", "网吧经营"]
FIRM = ["鑫源", "华兴", "盛达", "宏发", "金穗", "兴旺", "恒通", "润泽", "永安", "顺达", "福满", "嘉禾", "丰泰", "利民"]


def code(rng, k):
    return "92432921" + "%08d" % (10_000_000 + k * 37) + rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") + rng.choice("0123456789")


def id_text(rng, p, missing_ok=True):
    """The relative's ID as the registry writes it: usually clean, some lower-case x, some blank."""
    r = rng.random()
    if missing_ok and r < 0.06:
        return ""
    if r < 0.12:
        return p.id.lower()
    return p.id


def make_registry(out, cadres, pop_cls, rng, towns, ids, county="云溪县"):
    pop = pop_cls(rng)
    pop.ids = set(ids)
    os.makedirs(f"{out}/registry", exist_ok=True)
    os.makedirs(f"{out}/declarations", exist_ok=True)
    for d in ("registry", "declarations"):
        for fn in os.listdir(f"{out}/{d}"):
            os.remove(f"{out}/{d}/{fn}")
    truth, decls = [], []
    inscope = [(c, r) for c in cadres for r in c.rels if r.rel in SCOPE]
    outscope = [(c, r) for c in cadres for r in c.rels if r.rel not in SCOPE]
    rng.shuffle(inscope); rng.shuffle(outscope)
    planted = inscope[:90]
    selfs = rng.sample(cadres, 15)
    parents = outscope[:25]  # out of scope: never findings
    k = 0
    firms = []  # (code, name, kind, address, scope, status, est, persons[(role, name, idtext, post, capital, ratio, truth)])

    def firm(kind, owner_town, domain_unit=None):
        nonlocal k
        k += 1
        town = owner_town if rng.random() < 0.7 else rng.choice(list(towns))
        village = rng.choice(towns[town])
        line = DOMAIN.get(domain_unit) if domain_unit and rng.random() < 0.6 else None
        scope = line or rng.choice(NEUTRAL)
        word = {"个体": "经营部", "公司": "有限公司", "合作社": "专业合作社"}[kind]
        name = f"{county}{rng.choice(FIRM)}{scope[:2]}{word}" if kind != "个体" else f"{county}{town}{rng.choice(FIRM)}{scope[:2]}{word}{k}"
        if kind == "公司":
            name = f"{county}{rng.choice(FIRM)}{scope[:2]}{k}有限公司"
        if kind == "合作社":
            name = f"{county}{town}{rng.choice(FIRM)}{scope[:2]}{k}专业合作社"
        status = rng.choice(["存续", "存续", "存续", "在业", "注销"])
        est = f"20{rng.randint(10, 24):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        return dict(code=code(rng, k), name=name, kind=kind, address=f"{county}{town}{village}{rng.randint(1, 99)}号",
                    town=town, scope=scope, line=bool(line), status=status, est=est, persons=[])

    def plant(c, r, rel, term):
        kind = rng.choice(["个体", "公司", "公司", "合作社"])
        f = firm(kind, c.town if c.unit.endswith("人民政府") else r.town, c.unit)
        role = "legal_rep" if kind != "公司" or rng.random() < 0.5 else rng.choice(["shareholder", "officer"])
        f["persons"].append(dict(role=role, name=r.name, id=id_text(rng, r), post="监事" if role == "officer" else "",
                                 t=dict(cadre=c.name, relative=r.name, relation=rel, term=term, unit=c.unit,
                                        in_jur=int(c.unit.endswith("人民政府") and f["town"] == c.unit[:3]) if c.unit.endswith("人民政府") else 1,
                                        line=int(f["line"]) if not c.unit.endswith("人民政府") else 0)))
        firms.append(f)
        if rng.random() < 0.5:
            decls.append(dict(cadre=c.name, relative=r.name, term=term, name=f["name"], code=f["code"] if rng.random() < 0.6 else ""))
            f["persons"][-1]["t"]["declared"] = "已申报"
        else:
            f["persons"][-1]["t"]["declared"] = "未申报"
        return f

    for c, r in planted:
        plant(c, r, r.rel, r.term)
    for c in selfs:
        plant(c, c, "self", "本人")
    for c, r in parents:  # out of scope
        f = firm("个体", r.town)
        f["persons"].append(dict(role="legal_rep", name=r.name, id=id_text(rng, r, False), post="", t=None))
        firms.append(f)
    # Same-name strangers (another ID) and plain strangers.
    for c, r in planted[:30]:
        f = firm("个体", r.town)
        s = pop.person(1950, 2000, town=r.town)
        f["persons"].append(dict(role="legal_rep", name=r.name, id=s.id, post="", t=None))
        firms.append(f)
    # LONE_NAMESAKES=N (a probe of precision, off by default): N strangers who
    # share the name of an in-scope relative the register gives without an ID
    # and who is in no firm; nothing tells them from the relative but the ID's
    # sex and age. Each one a finding is a false lead.
    lone = [(c, r) for c, r in inscope[90:] if r.rel_id_missing][: int(os.environ.get("LONE_NAMESAKES", "0"))]
    for c, r in lone:
        f = firm("个体", r.town)
        s = pop.person(1950, 2000, town=r.town)
        f["persons"].append(dict(role="legal_rep", name=r.name, id=s.id, post="", t=None))
        firms.append(f)
    for _ in range(400):
        f = firm(rng.choice(["个体", "公司", "合作社"]), rng.choice(list(towns)))
        s = pop.person(1950, 2000)
        f["persons"].append(dict(role="legal_rep", name=s.name, id=s.id, post="", t=None))
        if f["kind"] == "公司":
            s2 = pop.person(1950, 2000)
            f["persons"].append(dict(role="shareholder", name=s2.name, id=s2.id, post="", t=None))
        firms.append(f)
    rng.shuffle(firms)
    # Companies' shareholders sometimes an organisation (法人股东).
    for f in firms:
        if f["kind"] == "公司" and rng.random() < 0.2:
            f["persons"].append(dict(role="shareholder", name=f"{county}{rng.choice(FIRM)}投资有限公司", id="", post="", t=None))

    def rec(fname, sheet, row, p):
        if p["t"] is None:
            return
        t = dict(p["t"]); t.update(registry_file=fname, registry_sheet=sheet, registry_row=row, role=p["role"],
                                   id_in_registry=int(bool(p["id"])))
        truth.append(t)

    # Layout 1: 个体工商户, one sheet, a merged title, 经营者 + 身份证件号码.
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "个体户"
    ws.append(["云溪县个体工商户登记信息（截至2024年10月31日）"]); ws.merge_cells("A1:I1")
    ws.append(["序号", "统一社会信用代码", "个体户名称", "经营者姓名", "经营者身份证件号码", "经营场所", "经营范围", "核准日期", "登记状态"])
    n = 0
    for f in firms:
        if f["kind"] != "个体":
            continue
        p = f["persons"][0]
        n += 1
        ws.append([n, f["code"], f["name"], p["name"], p["id"], f["address"], f["scope"], f["est"], f["status"]])
        rec("市场监管局_个体工商户.xlsx", "个体户", ws.max_row, p)
    wb.save(f"{out}/registry/市场监管局_个体工商户.xlsx")

    # Layout 2: 企业, three sheets linked by the credit code.
    wb = openpyxl.Workbook(); base = wb.active; base.title = "企业基本信息"
    base.append(["统一社会信用代码", "企业名称", "企业类型", "法定代表人", "法定代表人证件号码", "注册资本（万元）", "成立日期",
                 "住所", "经营范围", "登记状态", "登记机关"])
    sh = wb.create_sheet("股东及出资信息")
    sh.append(["统一社会信用代码", "企业名称", "股东（发起人）", "证照/证件号码", "认缴出资额（万元）", "出资比例"])
    of = wb.create_sheet("主要人员")
    of.append(["统一社会信用代码", "姓名", "职务", "身份证件号码"])
    for f in firms:
        if f["kind"] != "公司":
            continue
        lr = next((p for p in f["persons"] if p["role"] == "legal_rep"), None)
        other = pop.person(1955, 1995) if lr is None else None
        lname, lid = (lr["name"], lr["id"]) if lr else (other.name, other.id)
        base.append([f["code"], f["name"], "有限责任公司（自然人投资或控股）", lname, lid, rng.choice([10, 50, 100, 200]), f["est"],
                     f["address"], f["scope"], f["status"], "云溪县市场监督管理局"])
        if lr:
            rec("市场监管局_企业登记.xlsx", "企业基本信息", base.max_row, lr)
        for p in f["persons"]:
            if p["role"] == "shareholder":
                sh.append([f["code"], f["name"], p["name"], p["id"], rng.choice([5, 10, 30]), f"{rng.choice([10, 20, 40, 60])}%"])
                rec("市场监管局_企业登记.xlsx", "股东及出资信息", sh.max_row, p)
            elif p["role"] == "officer":
                of.append([f["code"], p["name"], p["post"] or "监事", p["id"]])
                rec("市场监管局_企业登记.xlsx", "主要人员", of.max_row, p)
    wb.save(f"{out}/registry/市场监管局_企业登记.xlsx")

    # Layout 3: 农民专业合作社, a GBK CSV.
    rows = [["名称", "统一社会信用代码", "法定代表人", "证件号", "成员出资总额", "住所", "业务范围", "成立日期", "状态"]]
    for f in firms:
        if f["kind"] != "合作社":
            continue
        p = next((p for p in f["persons"] if p["role"] == "legal_rep"), f["persons"][0])
        rows.append([f["name"], f["code"], p["name"], p["id"], "50万元", f["address"], f["scope"], f["est"], f["status"]])
        rec("农业农村局_农民专业合作社.csv", "", len(rows), p)
    with open(f"{out}/registry/农业农村局_农民专业合作社.csv", "w", encoding="gbk", newline="") as fh:
        csv.writer(fh).writerows(rows)

    # Declarations, plus two declared businesses the registry does not hold.
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "申报"
    ws.append(["领导干部配偶、子女及其配偶经商办企业情况申报表"]); ws.merge_cells("A1:F1")
    ws.append(["序号", "干部姓名", "亲属姓名", "与本人关系", "企业名称", "统一社会信用代码"])
    for i, d in enumerate(decls, 1):
        ws.append([i, d["cadre"], d["relative"], d["term"], d["name"], d["code"]])
    for j in range(2):
        c = rng.choice(cadres)
        ws.append([len(decls) + j + 1, c.name, c.rels[0].name if c.rels else c.name, "配偶", f"{county}未登记{j}商贸有限公司", ""])
    wb.save(f"{out}/declarations/申报表.xlsx")

    cols = ["registry_file", "registry_sheet", "registry_row", "role", "cadre", "relative", "relation", "term", "unit",
            "in_jur", "line", "declared", "id_in_registry"]
    with open(f"{out}/truth_enterprise.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, cols); w.writeheader(); w.writerows(truth)
    print(f"registry firms={len(firms)} planted findings={len(truth)} declarations={len(decls) + 2}")
