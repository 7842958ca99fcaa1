"""Social organisations' officer filings, retired cadres and their truth for an
outside county (make_county.py --orgs). Written after kinmatch's reader, in
layouts it was not built against. All persons and organisations are invented.

writes OUT/orgs/*, OUT/retired/退休干部名单.xlsx, OUT/truth_orgs.csv
The run date of the evaluation is 2024-11-01 (age 70 is counted on it).
"""
import csv, datetime as dt, os
import openpyxl

ORGS = ["云溪县书法家协会", "云溪县老年体育协会", "云溪县企业家联合会", "云溪县茶叶产业协会", "云溪县诗词学会",
        "云溪县老科技工作者协会", "云溪县慈善会", "云溪县摄影家协会", "云溪县易地扶贫研究会", "云溪县关心下一代工作委员会",
        "云溪县农村经济研究会", "云溪县餐饮行业协会"]
SUPER = ["县民政局", "县文化广电旅游局", "县委宣传部", "县农业农村局", "县工商业联合会", "县科学技术协会"]
RUN_DATE = dt.date(2024, 11, 1)


def age(p):
    b = p.birth
    return RUN_DATE.year - b.year - ((RUN_DATE.month, RUN_DATE.day) < (b.month, b.day))


def make_orgs(out, cadres, pop_cls, rng, ids):
    pop = pop_cls(rng)
    pop.ids = set(ids)
    for d in ("orgs", "retired"):
        os.makedirs(f"{out}/{d}", exist_ok=True)
        for fn in os.listdir(f"{out}/{d}"):
            os.remove(f"{out}/{d}/{fn}")
    posts = []  # dict(person, retired, org, post, term, paid, amount, legal)

    # Serving cadres: 25 hold a post, 10 of them paid.
    for i, c in enumerate(rng.sample(cadres, 25)):
        posts.append(dict(p=c, retired=False, org=rng.choice(ORGS), post=rng.choice(["副会长", "理事", "常务理事", "秘书长"]),
                          term="第" + rng.choice("三四五") + "届", paid=i < 10, legal=False))
    # Retired cadres: 60, born 1948-1964.
    retired = []
    for k in range(60):
        r = pop.person(1948, 1964)
        r.unit = rng.choice(["县住房和城乡建设局", "县教育局", "县民政局", "县财政局", "县农业农村局", "青石镇人民政府"])
        r.rank = rng.choice(["正科级", "副科级", "副处级", "四级调研员"])
        r.retired_on = f"{r.birth.year + 60}-{r.birth.month:02d}"
        retired.append(r)
    for k, r in enumerate(retired):
        kind = k % 6
        org = ORGS[k % len(ORGS)]
        if kind == 0:  # within every limit (unless 70 or over): not a finding by itself
            posts.append(dict(p=r, retired=True, org=org, post="理事", term="第四届", paid=False, legal=False))
        elif kind == 1:  # two organisations
            posts.append(dict(p=r, retired=True, org=org, post="副会长", term="第四届", paid=False, legal=False))
            posts.append(dict(p=r, retired=True, org=ORGS[(k + 3) % len(ORGS)], post="理事", term="第二届", paid=False, legal=False))
        elif kind == 2:  # three terms in one
            for t in ("第三届", "第四届", "第五届"):
                posts.append(dict(p=r, retired=True, org=org, post="会长", term=t, paid=False, legal=False))
        elif kind == 3:  # paid
            posts.append(dict(p=r, retired=True, org=org, post="秘书长", term="第五届", paid=True, legal=False))
        elif kind == 4:  # legal representative
            posts.append(dict(p=r, retired=True, org=org, post="会长", term="第五届", paid=False, legal=True))
        else:  # two terms, unpaid: within limits
            for t in ("第四届", "第五届"):
                posts.append(dict(p=r, retired=True, org=org, post="顾问", term=t, paid=False, legal=False))
    # Strangers, some sharing a cadre's name.
    for k in range(120):
        s = pop.person(1950, 1995)
        if k < 20:
            s.name = rng.choice(cadres).name
        posts.append(dict(p=s, retired=None, org=rng.choice(ORGS), post="会员代表", term="第五届", paid=rng.random() < 0.3, legal=False))
    rng.shuffle(posts)

    def rules(x):
        if x["retired"] is None:
            return None
        if not x["retired"]:
            return ["serving_post"] + (["serving_paid"] if x["paid"] else [])
        mine = [y for y in posts if y["p"] is x["p"]]
        out = []
        if len({y["org"] for y in mine}) > 1:
            out.append("retired_more_than_one_org")
        if len({y["term"] for y in mine if y["org"] == x["org"]}) > 2:
            out.append("retired_more_than_two_terms")
        if age(x["p"]) >= 70:
            out.append("retired_over_70")
        if x["paid"]:
            out.append("retired_paid")
        if x["legal"]:
            out.append("retired_legal_rep")
        return out

    truth = []
    # Layout 1: the filings of the organisations (xlsx, a title, 12 columns); two thirds of the posts.
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "负责人备案"
    ws.append(["云溪县社会组织负责人及兼职人员备案表（2024年）"]); ws.merge_cells("A1:L1")
    ws.append(["序号", "社会组织名称", "统一社会信用代码", "业务主管单位", "负责人姓名", "公民身份号码", "所任职务", "任职起始日期",
               "届次", "是否取酬", "年报酬（元）", "是否担任法定代表人"])
    csv_rows = [["姓名", "身份证号码", "工作单位", "兼职单位", "兼任职务", "兼职时间", "取酬情况"]]
    for i, x in enumerate(posts):
        p = x["p"]
        code = "51432921MJ" + "%07d" % (ORGS.index(x["org"]) * 7919 % 10_000_000) + "X"
        if i % 3 != 2:
            ws.append([ws.max_row - 1, x["org"], code, SUPER[ORGS.index(x["org"]) % len(SUPER)], p.name, p.id, x["post"],
                       f"20{rng.randint(15, 23)}-0{rng.randint(1, 9)}-01", x["term"], "是" if x["paid"] else "否",
                       rng.choice([3600, 6000, 12000]) if x["paid"] else "", "是" if x["legal"] else "否"])
            where = ("民政局_社会组织负责人备案.xlsx", "负责人备案", ws.max_row)
        else:
            # Layout 2: a unit's own register of its cadres' posts (csv): no 届次, no legal-rep column.
            x["term_lost"] = True
            csv_rows.append([p.name, p.id, getattr(p, "unit", ""), x["org"], x["post"], "2021年3月", "领取" if x["paid"] else "不领取"])
            where = ("组织部_领导干部社团兼职登记.csv", "", len(csv_rows))
        x["where"] = where
    with open(f"{out}/orgs/组织部_领导干部社团兼职登记.csv", "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(csv_rows)
    wb.save(f"{out}/orgs/民政局_社会组织负责人备案.xlsx")

    # The truth: the rules as the reader sees the rows (a row of the csv has no 届次 and no legal-rep column,
    # so its terms count by rows of the same organisation).
    for x in posts:
        if x["retired"] is None:
            continue
        mine = [y for y in posts if y["p"] is x["p"]]
        rs = rules(x)
        if x["retired"]:
            terms = set()
            for y in mine:
                if y["org"] == x["org"]:
                    terms.add(y["term"] if not y.get("term_lost") else f"row{y['where'][2]}")
            rs = [r for r in rs if r != "retired_more_than_two_terms"]
            if len(terms) > 2:
                rs.insert(1 if "retired_more_than_one_org" in rs else 0, "retired_more_than_two_terms")
            if x.get("term_lost") and x["legal"]:
                rs = [r for r in rs if r != "retired_legal_rep"]
        if not rs:
            continue
        f, sh, row = x["where"]
        truth.append(dict(orgs_file=f, orgs_sheet=sh, orgs_row=row, cadre=x["p"].name, retired=int(bool(x["retired"])),
                          rules=";".join(rs)))

    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "退休干部"
    ws.append(["序号", "姓名", "身份证号", "原工作单位", "原职务职级", "退休年月"])
    for i, r in enumerate(retired, 1):
        ws.append([i, r.name, r.id, r.unit, r.rank, r.retired_on])
    wb.save(f"{out}/retired/退休干部名单.xlsx")
    with open(f"{out}/truth_orgs.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, ["orgs_file", "orgs_sheet", "orgs_row", "cadre", "retired", "rules"]); w.writeheader(); w.writerows(truth)
    print(f"org posts={len(posts)} truth findings={len(truth)} retired={len(retired)}")
