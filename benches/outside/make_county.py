#!/usr/bin/env python3
"""Synthetic county for an outside test of kinmatch.  All persons are invented.

python3 make_county.py --seed 7 --out OUT
writes OUT/registers/*, OUT/rolls/*, OUT/truth.csv (+ OUT/decoys.csv);
with --registry also OUT/registry/*, OUT/declarations/*, OUT/truth_enterprise.csv
"""
import argparse, csv, os, random, datetime as dt
import openpyxl
from openpyxl.styles import Alignment

COUNTY = "云溪县"
REGIONS = ["432921", "432922"]
TOWNS = {
    "青石镇": ["柳树村", "石门村", "大坪村", "新华社区", "河口村", "红岩村"],
    "白沙乡": ["白沙村", "杨家村", "双河村", "坪上村", "茶园村", "高峰村"],
    "柳河镇": ["柳河社区", "桥头村", "龙潭村", "枫木村", "水井村", "田坝村"],
    "松岭乡": ["松岭村", "竹林村", "岩口村", "黄泥村", "马鞍村", "向阳村"],
    "金塘镇": ["金塘社区", "荷花村", "中坝村", "长岭村", "沙坪村", "凉桥村"],
}
TOWN_GOV = {t: t + "人民政府" for t in TOWNS}
BUREAUS = ["县住房和城乡建设局", "县人力资源和社会保障局", "县医疗保障局", "县教育局",
           "县民政局", "县农业农村局", "县乡村振兴局"]
UNITS = BUREAUS + [TOWN_GOV[t] for t in TOWNS]
SURN = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN = list("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华红玉萍建国文辉鹏飞宇浩然志强海燕春梅冬梅晓东林云凤翠玲德福贵荣宝珍义成忠良世学光永清国庆小龙家豪子涵欣怡雨轩梓萱思远俊杰")
TRAD = {'张': '張', '陈': '陳', '刘': '劉', '杨': '楊', '黄': '黃', '赵': '趙', '吴': '吳', '郑': '鄭', '邓': '鄧',
        '冯': '馮', '韩': '韓', '华': '華', '国': '國', '军': '軍', '红': '紅', '伟': '偉', '丽': '麗', '兰': '蘭',
        '凤': '鳳', '龙': '龍', '云': '雲', '东': '東', '刚': '剛', '强': '強', '荣': '榮', '贵': '貴', '宝': '寶',
        '义': '義', '飞': '飛', '杰': '傑', '辉': '輝', '鹏': '鵬', '涛': '濤', '学': '學', '庆': '慶'}
FW = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CK = "10X98765432"


class G:
    pass


def check_digit(s17):
    return CK[sum(int(c) * w for c, w in zip(s17, W)) % 11]


class Pop:
    def __init__(s, rng):
        s.rng = rng
        s.ids = set()

    def name(s, sex=None):
        r = s.rng
        sur = r.choice(SURN)
        n = r.choice([1, 2, 2, 2])
        return sur + "".join(r.choice(GIVEN) for _ in range(n))

    def pid(s, birth, sex):
        while True:
            seq = s.rng.randrange(0, 1000)
            if (seq % 2 == 1) != (sex == "男"):
                seq = (seq + 1) % 1000
            s17 = s.rng.choice(REGIONS) + birth.strftime("%Y%m%d") + "%03d" % seq
            i = s17 + check_digit(s17)
            if i not in s.ids:
                s.ids.add(i)
                return i

    def birth(s, y0, y1):
        y = s.rng.randint(y0, y1)
        return dt.date(y, s.rng.randint(1, 12), s.rng.randint(1, 28))

    def person(s, y0, y1, sex=None, town=None, village=None, name=None):
        p = G()
        p.sex = sex or s.rng.choice("男女")
        p.birth = s.birth(y0, y1)
        p.id = s.pid(p.birth, p.sex)
        p.name = name or s.name()
        p.town = town or s.rng.choice(list(TOWNS))
        p.village = village or s.rng.choice(TOWNS[p.town])
        p.rel_id_missing = False
        return p


def build_cadres(pop, rng, n_per_unit=25):
    cadres = []
    posts = ["科员", "副科长", "科长", "副局长", "办公室主任", "股长", "专技人员", "副镇长", "党委委员", "站长"]
    for unit in UNITS:
        for k in range(n_per_unit):
            town = unit[:3] if unit.endswith("人民政府") else rng.choice(list(TOWNS))
            c = pop.person(1966, 1995, town=town)
            c.unit = unit
            c.post = rng.choice(posts)
            c.rels = []
            by = c.birth.year

            def add(term, rel, sex, y0, y1, town=None):
                if y0 > 2020:
                    return
                y1 = min(y1, 2020)
                t = town or (c.town if rng.random() < 0.8 else rng.choice(list(TOWNS)))
                r = pop.person(y0, y1, sex=sex, town=t)
                r.term, r.rel = term, rel
                r.rel_id_missing = rng.random() < 0.10
                c.rels.append(r)
                return r
            opts = []
            sp_sex = "女" if c.sex == "男" else "男"
            if rng.random() < 0.9:
                add("妻子" if c.sex == "男" else "丈夫", "spouse", sp_sex, by - 4, by + 4, town=c.town)
            if by >= 1962 and rng.random() < 0.7:
                add("父亲", "parent", "男", by - 34, by - 22)
            if rng.random() < 0.7:
                add("母亲", "parent", "女", by - 32, by - 20)
            nch = rng.choice([0, 1, 1, 2, 2])
            for j in range(nch):
                sx = rng.choice("男女")
                ch = add(("儿子" if sx == "男" else "女儿") if j == 0 else ("次子" if sx == "男" else "次女"),
                         "child", sx, by + 22, by + 34, town=c.town)
                if ch and ch.birth.year < 1996 and rng.random() < 0.6:
                    add("儿媳" if sx == "男" else "女婿", "child_spouse", "女" if sx == "男" else "男",
                        ch.birth.year - 3, ch.birth.year + 3)
            if rng.random() < 0.5:
                sx = rng.choice("男女")
                older = rng.random() < 0.5
                term = {("男", True): "哥哥", ("男", False): "弟弟", ("女", True): "姐姐", ("女", False): "妹妹"}[(sx, older)]
                add(term, "sibling", sx, by - 8 if older else by + 1, by - 1 if older else by + 8)
            if len(c.rels) < 2 or rng.random() < 0.3:
                fil = ("岳父", "岳母") if c.sex == "男" else ("公公", "婆婆")
                add(fil[0], "in_law", "男", by - 34, by - 22)
                if len(c.rels) < 2:
                    add(fil[1], "in_law", "女", by - 32, by - 20)
            c.rels = c.rels[:6]
            cadres.append(c)
    return cadres


# ---------------------------------------------------------------- helpers
def merge_title(ws, row, text, ncol):
    ws.cell(row, 1, text)
    if ncol > 1:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncol)
    ws.cell(row, 1).alignment = Alignment(horizontal="center")


def ym(d):
    return d.strftime("%Y.%m")


def reg_id(r):
    if r.rel_id_missing:
        return random.choice(["", "", "无", "/", "未提供"])
    return r.id


# ---------------------------------------------------------------- registers
def reg_long(path, unit, cadres, vmerge=False):
    """R1 long form: merged title, 填报单位 line, one row per relative, cadre cols (optionally merged down)."""
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "登记表"
    hdr = ["序号", "干部姓名", "干部身份证号", "职务", "亲属姓名", "与本人关系", "亲属身份证号", "出生年月", "现居住地址", "工作单位及职务"]
    merge_title(ws, 1, f"{COUNTY}党员干部亲属信息登记表", len(hdr))
    ws.cell(2, 1, f"填报单位：{unit}（盖章）              填报时间：2024年3月")
    ws.append(hdr)
    r = 4
    for i, c in enumerate(cadres, 1):
        start = r
        for rel in c.rels:
            ws.append([i, c.name, c.id, c.post, rel.name, rel.term, reg_id(rel), ym(rel.birth),
                       f"{rel.town}{rel.village}", random.choice(["务农", "无", "个体", "外出务工", "学生"])])
            rel.kin_row = r; r += 1
        if vmerge and r - start > 1:
            for col in (1, 2, 3, 4):
                for rr in range(start + 1, r):
                    ws.cell(rr, col).value = None
                ws.merge_cells(start_row=start, start_column=col, end_row=r - 1, end_column=col)
    ws.append([]); ws.append(["填表人：", "", "", "审核人：", "", "", "联系电话：13800000000"])
    wb.save(path)


def reg_percadre(path, unit, cadres):
    """R2 one sheet per cadre, 干部任免审批表-style 家庭主要成员 table."""
    wb = openpyxl.Workbook(); wb.remove(wb.active)
    for c in cadres:
        ws = wb.create_sheet(c.name[:25] if c.name not in wb.sheetnames else c.name + "2")
        merge_title(ws, 1, "干部家庭主要成员及重要社会关系情况", 5)
        ws.cell(2, 1, f"姓名：{c.name}    工作单位：{unit}    职务：{c.post}")
        ws.cell(3, 1, f"公民身份号码：{c.id}    出生年月：{ym(c.birth)}")
        ws.append(["称谓", "姓名", "出生年月", "身份证号", "工作单位及职务"])
        for k, rel in enumerate(c.rels):
            ws.append([rel.term, rel.name, ym(rel.birth), reg_id(rel), f"{rel.town}{rel.village}村民"])
            rel.kin_row = 5 + k
        ws.append([]); ws.append(["本人签字：", "", "日期："])
    wb.save(path)


WIDE_GROUPS = [("配偶", ["spouse"]), ("父亲", None), ("母亲", None), ("子女一", None), ("子女二", None), ("其他亲属", None)]


def reg_wide(path, unit, cadres):
    """R3 wide form: one row per cadre, two-row header with a group per relative."""
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Sheet1"
    base = ["序号", "姓名", "身份证号码", "工作单位", "职务"]
    groups = ["配偶", "父亲", "母亲", "子女1", "子女2", "其他亲属"]
    ncol = len(base) + 2 * 5 + 3
    merge_title(ws, 1, f"{unit}干部亲属情况统计表", ncol)
    col = 1
    for h in base:
        ws.cell(2, col, h); ws.merge_cells(start_row=2, start_column=col, end_row=3, end_column=col); col += 1
    for g in groups:
        subs = ["姓名", "身份证号"] + (["关系"] if g == "其他亲属" else [])
        ws.cell(2, col, g); ws.merge_cells(start_row=2, start_column=col, end_row=2, end_column=col + len(subs) - 1)
        for s in subs:
            ws.cell(3, col, s); col += 1
    for i, c in enumerate(cadres, 1):
        row = [i, c.name, c.id, unit.replace("县", COUNTY, 1) if i % 2 else unit, c.post]
        slots = {g: None for g in groups}
        kept = []
        for rel in c.rels:
            g = {"spouse": "配偶"}.get(rel.rel)
            if rel.term == "父亲": g = "父亲"
            elif rel.term == "母亲": g = "母亲"
            elif rel.rel == "child": g = "子女1" if slots["子女1"] is None else "子女2"
            if g is None or slots.get(g) is not None:
                g = "其他亲属" if slots["其他亲属"] is None else None
            if g is None:
                continue
            slots[g] = rel; kept.append(rel)
        for g in groups:
            rel = slots[g]
            if rel is None:
                row += ["", ""] + ([""] if g == "其他亲属" else [])
            else:
                row += [rel.name, reg_id(rel)] + ([rel.term] if g == "其他亲属" else [])
                rel.kin_row = 3 + i
        c.rels = kept
        ws.append(row)
    wb.save(path)


def reg_selfrows(path, unit, cadres):
    """R4 本人 row first, then relatives; header words with *, spaces, line breaks."""
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "亲属信息"
    hdr = ["*姓 名", "*称谓", "公民身份\n号码", "出生\n日期", "政治面貌", "工作单位\n及职务", "现居住地"]
    merge_title(ws, 1, f"{unit}领导干部及亲属信息采集表", len(hdr))
    ws.cell(2, 1, "说明：1.带*为必填项；2.身份证号请以文本格式填写")
    ws.append(hdr)
    r = 4
    for c in cadres:
        ws.append([c.name, "本人", c.id, c.birth.strftime("%Y-%m-%d"), "中共党员", f"{unit}{c.post}", f"{c.town}{c.village}"])
        c.kin_row = r; r += 1
        for rel in c.rels:
            ws.append([rel.name, rel.term, reg_id(rel), rel.birth.strftime("%Y-%m-%d"), "群众", "务农", f"{rel.town}{rel.village}"])
            rel.kin_row = r; r += 1
    wb.save(path)


def reg_csv(path, unit, cadres):
    """R5 CSV export with odd headers."""
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["干部名字", "党员干部身份证号码", "所在单位", "家属姓名", "家属与干部关系", "家属公民身份号码", "家属出生日期", "家属户籍地址"])
        r = 2
        for c in cadres:
            for rel in c.rels:
                w.writerow([c.name, c.id, unit, rel.name, rel.term, reg_id(rel), rel.birth.strftime("%Y/%m/%d"), f"{COUNTY}{rel.town}{rel.village}"])
                rel.kin_row = r; r += 1


def reg_qualified(path, unit, cadres):
    """R6 工作人员姓名 qualifiers, header on row 4 after title+notes, unit only in title/file name."""
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "2024年度"
    hdr = ["编号", "工作人员姓名", "工作人员身份证号", "亲属姓名", "亲属关系", "亲属身份证号", "性别", "亲属所在乡镇", "亲属所在村", "备注"]
    merge_title(ws, 1, f"{unit}工作人员近亲属信息备案表", len(hdr))
    ws.cell(2, 1, "（近亲属包括配偶、父母、子女及其配偶、兄弟姐妹、配偶父母）")
    ws.cell(3, 1, "单位：人")
    ws.append(hdr)
    r = 5
    for i, c in enumerate(cadres, 1):
        for rel in c.rels:
            ws.append([f"{i:03d}", c.name, c.id, rel.name, rel.term, reg_id(rel), rel.sex, rel.town, rel.village, ""])
            rel.kin_row = r; r += 1
    wb.save(path)


# ---------------------------------------------------------------- rolls
SHORT = {"县住房和城乡建设局": "住建局", "县人力资源和社会保障局": "人社局", "县医疗保障局": "医保局", "县教育局": "教委",
         "县民政局": "民政局", "县农业农村局": "农业农村局", "县乡村振兴局": "乡村振兴局", "残联": "县残疾人联合会"}


def bank(rng):
    return rng.choice(["6228", "6217", "6230", "6215"]) + "".join(rng.choice("0123456789") for _ in range(rng.choice([12, 15])))


def phone(rng):
    return rng.choice(["138", "139", "151", "187", "177"]) + "".join(rng.choice("0123456789") for _ in range(8))


class Roll:
    """Collects rows; a row is a dict role->(person-or-None, name_written, id_written) plus other fields."""

    def __init__(s, fname, unit, sheet=None):
        s.fname, s.unit, s.sheet = fname, unit, sheet


def render_id(rng, p, allow_num=True, noise=None, old15=False):
    """Returns (value, noise_tag). value may be int for a numeric Excel cell."""
    if noise is None:
        x = rng.random()
        noise = ("exact" if x < .55 else "lower_x" if x < .63 else "spaces" if x < .70 else "fullwidth" if x < .76 else
                 "excel_num" if x < .84 else "missing" if x < .92 else "apostrophe")
    i = p.id
    if noise == "lower_x" and not i.endswith("X"):
        noise = "exact"
    if noise == "excel_num" and (i.endswith("X") or not allow_num):
        noise = "exact"
    if old15:
        return i[:6] + i[8:17], "old15"
    if noise == "exact": return i, noise
    if noise == "lower_x": return i[:-1] + "x", noise
    if noise == "spaces": return f"{i[:6]} {i[6:14]} {i[14:]}", noise
    if noise == "fullwidth": return i.translate(FW), noise
    if noise == "excel_num": return int(i[:15] + "000"), noise
    if noise == "missing": return "", noise
    if noise == "apostrophe": return "'" + i if allow_num is False else " " + i + " ", noise
    return i, "exact"


def render_name(rng, name, allow_note=True):
    x = rng.random()
    if x < .07:
        t = "".join(TRAD.get(ch, ch) for ch in name)
        if t != name:
            return t, "traditional"
    if x < .13 and allow_note:
        return name + rng.choice(["(户主)", "（代领）", "（已核实）"]), "note"
    if x < .17 and len(name) == 2:
        return name[0] + " " + name[1], "inner_space"
    return name, "clean"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", default="OUT")
    ap.add_argument("--registry", action="store_true", help="also write an enterprise registry and declarations (registry_layouts.py)")
    ap.add_argument("--orgs", action="store_true", help="also write social organisations' filings and retired cadres (org_layouts.py)")
    ap.add_argument("--noid-decoys", type=float, default=0.0, metavar="F",
                    help="draw this fraction of the decoys from relatives the register gives no ID (a precision probe for "
                         "leads resting on name, place and age; 0 keeps the county of a seed unchanged)")
    a = ap.parse_args()
    rng = random.Random(a.seed); random.seed(a.seed + 1)
    pop = Pop(rng)
    out = a.out
    os.makedirs(f"{out}/registers", exist_ok=True); os.makedirs(f"{out}/rolls", exist_ok=True)
    for d in ("registers", "rolls"):
        for fn in os.listdir(f"{out}/{d}"):
            os.remove(f"{out}/{d}/{fn}")
    cadres = build_cadres(pop, rng)
    byunit = {u: [c for c in cadres if c.unit == u] for u in UNITS}

    # ---- registers: 12 units, 6 layouts
    plan = [
        ("县住房和城乡建设局", reg_long, "县住房和城乡建设局干部亲属信息登记表.xlsx", {}),
        ("县人力资源和社会保障局", reg_percadre, "人社局干部家庭成员.xlsx", None),
        ("县医疗保障局", reg_wide, "医保局亲属统计.xlsx", None),
        ("县教育局", reg_selfrows, "县教育局领导干部亲属采集表.xlsx", None),
        ("县民政局", reg_csv, "民政局亲属登记导出.csv", None),
        ("县农业农村局", reg_qualified, "农业农村局近亲属备案.xlsx", None),
        ("县乡村振兴局", reg_long, "乡村振兴局亲属登记.xlsx", {"vmerge": True}),
        ("青石镇人民政府", reg_selfrows, "青石镇人民政府干部亲属.xlsx", None),
        ("白沙乡人民政府", reg_wide, "白沙乡干部亲属统计.xlsx", None),
        ("柳河镇人民政府", reg_percadre, "柳河镇干部家庭主要成员.xlsx", None),
        ("松岭乡人民政府", reg_csv, "松岭乡亲属登记导出.csv", None),
        ("金塘镇人民政府", reg_qualified, "金塘镇人民政府工作人员近亲属备案.xlsx", None),
    ]
    reg_layout = {}
    for unit, fn, fname, kw in plan:
        p = f"{out}/registers/{fname}"
        fn(p, unit, byunit[unit], **(kw or {}))
        reg_layout[unit] = (fname, fn.__name__)
    rels = [(c, r) for c in cadres for r in c.rels]
    print(f"cadres={len(cadres)} relatives={len(rels)} missing_reg_id={sum(r.rel_id_missing for _, r in rels)}")

    truth, decoys = [], []
    relnames = {r.name for c, r in rels} | {c.name for c in cadres}
    used = set()

    def pick(pred, n, prefer_unit=None, frac_unit=0.3):
        """pick n (cadre, relative) not used yet matching pred(rel). relative may be the cadre (self)."""
        pool = [(c, r) for c, r in rels if (c, r) not in used and pred(r)]
        rng.shuffle(pool)
        if prefer_unit:
            pu = [x for x in pool if x[0].unit == prefer_unit]
            k = min(len(pu), int(n * frac_unit))
            sel = pu[:k] + [x for x in pool if x not in pu[:k]][:n - k]
        else:
            sel = pool[:n]
        for x in sel: used.add(x)
        return sel

    def pick_self(n):
        pool = [c for c in cadres if (c, c) not in used]
        rng.shuffle(pool)
        for c in pool[:n]: used.add((c, c))
        return [(c, c) for c in pool[:n]]

    def age_pred(y0, y1, need_id=False):
        return lambda r: y0 <= r.birth.year <= y1 and (not need_id or not r.rel_id_missing)

    def approving(fname):
        base = fname.split("_")[0]
        for k, v in SHORT.items():
            if v == base or k == base:
                return k if k.startswith("县") else v
        if base in TOWNS: return TOWN_GOV[base]
        return base

    def expect_rel(cadre, fname, town):
        unit = approving(fname)
        if unit == cadre.unit: return "same_unit"
        if town and cadre.unit == TOWN_GOV.get(town): return "same_township"
        return "other"

    def record(fname, sheet, row, written, cadre, rel, town, layout, slot, idn, nn):
        truth.append(dict(roll_file=fname, roll_sheet=sheet or "", roll_row=row, roll_name=written,
                          relative_name=rel.name, cadre_name=cadre.name,
                          expected_relevance=expect_rel(cadre, fname, town),
                          layout=layout, slot=slot, id_noise=idn, name_noise=nn,
                          relation="self" if rel is cadre else rel.term,
                          reg_id_missing=int(rel.rel_id_missing), kin_file=reg_layout[cadre.unit][0]))

    def filler(y0, y1, town=None):
        p = pop.person(y0, y1, town=town)
        return p

    def decoy_for(rel, y0, y1):
        d = pop.person(y0, y1, sex=rel.sex, town=rel.town, village=rel.village, name=rel.name)
        return d

    # Generic table writer: spec lists columns as (header, fn(rowctx)->value).
    # Each row ctx: dict slot->(person, name_written, id_value) and 'town','village', misc.
    def make_rows(n, slots, ages, planted, town_fixed=None, n_decoys=0, id_missing_filler=0.0, allow_num=True,
                  old15=False, prefer_town=None):
        """planted: list of (slot, cadre, rel). returns list of row ctx, with plant info."""
        rows = []
        for k in range(n):
            t = town_fixed or rng.choice(list(TOWNS))
            ctx = {"town": t, "village": rng.choice(TOWNS[t]), "_plants": []}
            for s in slots:
                y0, y1 = ages[s]
                p = filler(y0, y1, town=t); p.village = ctx["village"]
                iv = p.id if rng.random() >= id_missing_filler else ""
                ctx[s] = (p, p.name, iv)
            rows.append(ctx)
        idx = rng.sample(range(n), len(planted) + n_decoys)
        for (slot, cadre, rel), k in zip(planted, idx):
            ctx = rows[k]
            if not town_fixed:
                ctx["town"], ctx["village"] = rel.town, rel.village
            elif rel.town == town_fixed:
                ctx["village"] = rel.village
            nm, nn = render_name(rng, rel.name, allow_note=(slot in ("head", "bene")))
            iv, idn = render_id(rng, rel, allow_num=allow_num, old15=old15 and rng.random() < 0.3)
            if rel.rel_id_missing and idn == "missing":
                iv, idn = rel.id, "exact"
            if rel.rel_id_missing and nn != "clean":
                nm, nn = rel.name, "clean"
            if idn == "missing" and nn != "clean":
                nm, nn = rel.name, "clean"
            ctx[slot] = (rel, nm, iv)
            ctx["_plants"].append((slot, cadre, rel, nm, idn, nn))
        # decoys: same name as a registered relative (with a register ID), same town/village, different ID
        cand = [r for c, r in rels if not r.rel_id_missing]
        cand_noid = [r for c, r in rels if r.rel_id_missing]
        for k in idx[len(planted):]:
            ctx = rows[k]
            if a.noid_decoys and rng.random() < a.noid_decoys:
                r = rng.choice(cand_noid)
            else:
                r = rng.choice(cand)
            s = slots[0]
            y0, y1 = ages[s]
            d = decoy_for(r, y0, y1)
            if not town_fixed:
                ctx["town"], ctx["village"] = r.town, r.village
            else:
                d.town = town_fixed
            ctx[s] = (d, d.name, d.id)
            ctx["_decoy"] = r
        return rows

    def fin(fname, sheet, rows, first_row, layout, townof=lambda ctx: ctx["town"]):
        for k, ctx in enumerate(rows):
            rr = ctx.get("_row", first_row + k)
            for slot, cadre, rel, nm, idn, nn in ctx["_plants"]:
                record(fname, sheet, rr, nm, cadre, rel, townof(ctx), layout, slot, idn, nn)
            if "_decoy" in ctx:
                decoys.append(dict(roll_file=fname, roll_sheet=sheet or "", roll_row=rr, name=ctx["_decoy"].name))

    def mix(sel, slots_w):
        return [(rng.choices([s for s, _ in slots_w], [w for _, w in slots_w])[0], c, r) for c, r in sel]

    ADULT = (1940, 2000)
    R = f"{out}/rolls"

    # 1 住建局_危房改造.xlsx : two-row merged header 户主 over 姓名|身份证号
    fname = "住建局_危房改造.xlsx"
    sel = pick(age_pred(1935, 1985), 30, prefer_unit="县住房和城乡建设局")
    rows = make_rows(1000, ["head"], {"head": ADULT}, [("head", c, r) for c, r in sel], n_decoys=12)
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "2024年危改"
    merge_title(ws, 1, f"{COUNTY}2024年农村危房改造补助资金发放花名册", 12)
    hdr1 = ["序号", "乡镇", "村", "户主", None, "家庭人口", "改造方式", "危险等级", "补助金额（元）", "开户银行", "银行账号", "联系电话"]
    for j, h in enumerate(hdr1, 1):
        if h: ws.cell(2, j, h)
    ws.cell(3, 4, "姓名"); ws.cell(3, 5, "身份证号")
    ws.merge_cells("D2:E2")
    for j in [1, 2, 3, 6, 7, 8, 9, 10, 11, 12]:
        ws.merge_cells(start_row=2, start_column=j, end_row=3, end_column=j)
    for k, ctx in enumerate(rows):
        p, nm, iv = ctx["head"]
        ws.append([k + 1, ctx["town"], ctx["village"], nm, iv, rng.randint(1, 6), rng.choice(["加固", "拆除重建"]),
                   rng.choice(["C级", "D级"]), rng.choice([15000, 20000, 35000]), "农村商业银行", bank(rng), phone(rng)])
    wb.save(f"{R}/{fname}")
    fin(fname, "2024年危改", rows, 4, "two-row header 户主/姓名|身份证号")

    # 2 民政局_农村低保.xlsx : sheet per township, household-level with 家庭成员姓名 joined by 、
    fname = "民政局_农村低保.xlsx"
    wb = openpyxl.Workbook(); wb.remove(wb.active)
    for t in TOWNS:
        selh = pick(lambda r, t=t: r.town == t and r.birth.year < 1990, 6, prefer_unit="县民政局", frac_unit=0.3)
        selm = pick(lambda r, t=t: r.town == t and not r.rel_id_missing, 4)
        rows = make_rows(600, ["head"], {"head": ADULT}, [("head", c, r) for c, r in selh], town_fixed=t, n_decoys=5)
        # members
        free = [k for k, ctx in enumerate(rows) if not ctx["_plants"] and "_decoy" not in ctx]
        for (c, r), k in zip(selm, rng.sample(free, len(selm))):
            rows[k]["village"] = r.village
            rows[k]["_members"] = [r.name]
            rows[k]["_plants"].append(("member", c, r, r.name, "no_id_column", "clean"))
        ws = wb.create_sheet(t)
        merge_title(ws, 1, f"{t}2024年3月农村最低生活保障金发放表", 9)
        ws.append(["序号", "村（社区）", "户主姓名", "户主身份证号", "家庭成员姓名", "保障人数", "月保障金（元）", "社会保障卡号", "联系电话"])
        rr = 3; cur_v = None
        rows.sort(key=lambda ctx: TOWNS[t].index(ctx["village"]))
        for k, ctx in enumerate(rows):
            p, nm, iv = ctx["head"]
            mem = ctx.get("_members", []) + [nm_ for nm_ in (pop.name() for _ in range(rng.randint(0, 3))) if nm_ not in relnames]
            rng.shuffle(mem)
            ws.append([k + 1, ctx["village"], nm, iv, "、".join(mem), len(mem) + 1, rng.choice([380, 450, 520]) * (len(mem) + 1),
                       "E" + "".join(rng.choice("0123456789") for _ in range(8)), phone(rng)])
            ctx["_row"] = rr; rr += 1
            if k + 1 == len(rows) or rows[k + 1]["village"] != ctx["village"]:
                ws.append(["", "小计", "", "", "", "", "", "", ""]); rr += 1
        fin(fname, t, rows, 3, "sheet per township, 户主 + 家庭成员姓名 joined by 、")
    wb.save(f"{R}/{fname}")

    # 3 人社局_公益性岗位.csv GBK
    fname = "人社局_公益性岗位.csv"
    sel = pick(age_pred(1960, 2000), 32, prefer_unit="县人力资源和社会保障局")
    rows = make_rows(800, ["bene"], {"bene": (1960, 2000)}, [("bene", c, r) for c, r in sel], n_decoys=10, allow_num=False)
    with open(f"{R}/{fname}", "w", encoding="gbk", errors="replace", newline="") as f:
        w = csv.writer(f)
        w.writerow(["姓名", "性别", "公民身份号码", "岗位名称", "安置单位", "所在乡镇", "所在村", "岗位补贴(元/月)", "手机号码", "银行卡号"])
        for ctx in rows:
            p, nm, iv = ctx["bene"]
            if isinstance(iv, int): iv = str(iv)
            w.writerow([nm, p.sex, iv, rng.choice(["护林员", "保洁员", "护路员", "水管员"]), ctx["town"] + TOWNS[ctx["town"]][0],
                        ctx["town"], ctx["village"], rng.choice([800, 1000, 1200]), phone(rng), bank(rng)])
    fin(fname, None, rows, 2, "GBK CSV 公益性岗位")

    # 4 医保局_医疗救助.xlsx : 救助对象 + 代领人, IDs as numbers
    fname = "医保局_医疗救助.xlsx"
    sel = pick(age_pred(1940, 1995), 28, prefer_unit="县医疗保障局")
    rows = make_rows(1500, ["bene", "agent"], {"bene": (1935, 2015), "agent": (1960, 2000)},
                     mix(sel, [("bene", 3), ("agent", 1)]), n_decoys=12, id_missing_filler=0.0)
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "医疗救助"
    ws.append(["救助对象", "身份证号码", "人员类别", "医疗总费用", "救助金额", "乡镇（街道）", "村（居）", "代领人姓名", "代领人身份证号", "与救助对象关系", "银行账号"])
    for ctx in rows:
        p, nm, iv = ctx["bene"]; a_, anm, aiv = ctx["agent"]
        if not ctx["_plants"] and rng.random() < 0.15 and isinstance(iv, str) and iv.isdigit(): iv = int(iv[:15] + "000")
        ws.append([nm, iv, rng.choice(["特困人员", "低保对象", "低收入人口"]), rng.randint(2000, 90000), rng.randint(500, 20000),
                   ctx["town"], ctx["village"], anm, aiv, rng.choice(["子女", "配偶", "亲属"]), bank(rng)])
    wb.save(f"{R}/{fname}")
    fin(fname, "医疗救助", rows, 2, "two persons per row 救助对象 + 代领人, numeric IDs")

    # 5 教委_学生资助.xlsx : students + 监护人, address combined
    fname = "教委_学生资助.xlsx"
    sel_s = pick(age_pred(2004, 2018), 22, prefer_unit="县教育局")
    sel_g = pick(age_pred(1970, 1995), 12)
    rows = make_rows(2000, ["stu", "guard"], {"stu": (2004, 2018), "guard": (1970, 1995)},
                     [("stu", c, r) for c, r in sel_s] + [("guard", c, r) for c, r in sel_g], n_decoys=10)
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "资助名单"
    merge_title(ws, 1, "2024年春季学期学生资助发放名单", 11)
    ws.append(["序号", "学生姓名", "学生身份证号", "学籍号", "就读学校", "年级", "资助项目", "资助金额", "监护人姓名", "监护人身份证号", "家庭住址"])
    for k, ctx in enumerate(rows):
        p, nm, iv = ctx["stu"]; g, gnm, giv = ctx["guard"]
        ws.append([k + 1, nm, iv, "G" + p.id, rng.choice(["县第一中学", "青石镇中心小学", "县职业中学"]), rng.choice(["七年级", "高一", "三年级"]),
                   rng.choice(["国家助学金", "营养改善计划", "免学费"]), rng.choice([1000, 1250, 2000]), gnm, giv,
                   f"{ctx['town']}{ctx['village']}{rng.randint(1, 9)}组"])
    wb.save(f"{R}/{fname}")
    fin(fname, "资助名单", rows, 3, "student + 监护人, address in one column, 学籍号 G+ID")

    # 6 农业农村局_耕地地力保护补贴.xlsx : big, 小计 rows, self pairs
    fname = "农业农村局_耕地地力保护补贴.xlsx"
    sel = pick(age_pred(1935, 1990), 38, prefer_unit="县农业农村局") + pick_self(10)
    rows = make_rows(6000, ["bene"], {"bene": (1935, 1990)}, [("bene", c, r) for c, r in sel], n_decoys=25)
    rows.sort(key=lambda ctx: (ctx["town"], ctx["village"]))
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "补贴清册"
    merge_title(ws, 1, "2024年耕地地力保护补贴发放清册", 10)
    ws.cell(2, 1, "单位：亩、元")
    ws.append(["乡镇", "村", "组", "补贴对象", "补贴对象身份证号", "承包面积", "补贴标准", "补贴金额", "一卡通账号", "备注"])
    rr = 4
    for k, ctx in enumerate(rows):
        p, nm, iv = ctx["bene"]
        area = round(rng.uniform(0.5, 8), 2)
        ws.append([ctx["town"], ctx["village"], f"{rng.randint(1, 8)}组", nm, iv, area, 105.5, round(area * 105.5, 2), bank(rng), ""])
        ctx["_row"] = rr; rr += 1
        if k + 1 == len(rows) or rows[k + 1]["village"] != ctx["village"]:
            ws.append(["", ctx["village"] + "小计", "", "", "", "", "", "", "", ""]); rr += 1
    ws.append(["合计"])
    wb.save(f"{R}/{fname}")
    fin(fname, "补贴清册", rows, 4, "big roll with 小计 rows (incl. cadres themselves)")

    # 7 青石镇_临时救助.xlsx : township roll, address column
    fname = "青石镇_临时救助.xlsx"
    sel = pick(lambda r: r.town == "青石镇", 20, prefer_unit="青石镇人民政府", frac_unit=0.5)
    rows = make_rows(300, ["bene"], {"bene": ADULT}, [("bene", c, r) for c, r in sel], town_fixed="青石镇", n_decoys=6)
    for ctx in rows:
        if ctx["_plants"]: ctx["village"] = ctx["_plants"][0][2].village
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Sheet1"
    merge_title(ws, 1, "青石镇2024年第一季度临时救助发放花名册", 8)
    ws.cell(2, 1, "填报单位：青石镇人民政府（盖章）")
    ws.append(["序号", "申请人", "身份证号", "家庭住址", "救助事由", "救助金额", "经办人", "备注"])
    for k, ctx in enumerate(rows):
        p, nm, iv = ctx["bene"]
        ws.append([k + 1, nm, iv, f"青石镇{ctx['village']}", rng.choice(["因病", "因灾", "因学"]), rng.choice([500, 1000, 2000]), "李经办", ""])
    wb.save(f"{R}/{fname}")
    fin(fname, "Sheet1", rows, 4, "township's own roll, 申请人, address column")

    # 8 白沙乡_临时救助.csv : UTF-8, 受助人
    fname = "白沙乡_临时救助.csv"
    sel = pick(lambda r: r.town == "白沙乡", 15, prefer_unit="白沙乡人民政府", frac_unit=0.5)
    rows = make_rows(250, ["bene"], {"bene": ADULT}, [("bene", c, r) for c, r in sel], town_fixed="白沙乡", n_decoys=5, allow_num=False)
    for ctx in rows:
        if ctx["_plants"]: ctx["village"] = ctx["_plants"][0][2].village
    with open(f"{R}/{fname}", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["受助人姓名", "受助人身份证号", "所属村", "救助类别", "救助金额", "联系方式", "发放日期"])
        for ctx in rows:
            p, nm, iv = ctx["bene"]
            w.writerow([nm, iv, ctx["village"], "临时救助", rng.choice([300, 800]), phone(rng), "2024-03-15"])
    fin(fname, None, rows, 2, "UTF-8 CSV 受助人, village only")

    # 9 乡村振兴局_雨露计划.xlsx : 享受人 (student) + 领取人 (parent)
    fname = "乡村振兴局_雨露计划.xlsx"
    sel_s = pick(age_pred(2000, 2008), 8, prefer_unit="县乡村振兴局")
    sel_p = pick(age_pred(1965, 1990), 10, prefer_unit="县乡村振兴局")
    rows = make_rows(800, ["stu", "payee"], {"stu": (2000, 2008), "payee": (1965, 1985)},
                     [("stu", c, r) for c, r in sel_s] + [("payee", c, r) for c, r in sel_p], n_decoys=8)
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "雨露计划"
    ws.append(["县", "乡镇", "村", "享受人姓名", "享受人身份证号", "就读院校", "补助金额", "领取人", "领取人身份证", "领取人银行卡号"])
    for ctx in rows:
        p, nm, iv = ctx["stu"]; q, qn, qi = ctx["payee"]
        ws.append([COUNTY, ctx["town"], ctx["village"], nm, iv, "某职业技术学院", 1500, qn, qi, bank(rng)])
    wb.save(f"{R}/{fname}")
    fin(fname, "雨露计划", rows, 2, "享受人 + 领取人")

    # 10 民政局_特困供养.xlsx : 残疾证号 (ID+2 digits) before 身份证号
    fname = "民政局_特困供养.xlsx"
    sel = pick(age_pred(1935, 1975), 15, prefer_unit="县民政局")
    rows = make_rows(400, ["bene"], {"bene": (1935, 1975)}, [("bene", c, r) for c, r in sel], n_decoys=5)
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "特困"
    ws.append(["序号", "供养对象", "残疾证号", "公民身份证号", "供养方式", "乡镇", "村", "月供养金", "监护人电话"])
    for k, ctx in enumerate(rows):
        p, nm, iv = ctx["bene"]
        dis = p.id + rng.choice(["41", "62", "23"]) if rng.random() < 0.5 else ""
        ws.append([k + 1, nm, dis, iv, rng.choice(["分散供养", "集中供养"]), ctx["town"], ctx["village"], 650, phone(rng)])
    wb.save(f"{R}/{fname}")
    fin(fname, "特困", rows, 2, "残疾证号 (ID+2) column before 身份证号")

    # 11 住建局_工程项目中标人.xlsx : legal rep + project manager
    fname = "住建局_工程项目中标人.xlsx"
    sel = pick(age_pred(1960, 1995), 14, prefer_unit="县住房和城乡建设局", frac_unit=0.4) + pick_self(4)
    rows = make_rows(150, ["legal", "pm"], {"legal": (1960, 1990), "pm": (1970, 1995)},
                     mix(sel, [("legal", 2), ("pm", 1)]), n_decoys=3, allow_num=False)
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "中标公示"
    merge_title(ws, 1, "2024年度县级小型工程项目中标情况汇总", 9)
    ws.append(["项目名称", "项目所在乡镇", "中标单位", "统一社会信用代码", "法定代表人", "法定代表人身份证号", "项目负责人", "项目负责人身份证号", "中标金额（万元）"])
    for k, ctx in enumerate(rows):
        p, nm, iv = ctx["legal"]; q, qn, qi = ctx["pm"]
        ws.append([f"{ctx['village']}道路硬化工程{k}", ctx["town"], f"{COUNTY}{rng.choice(['鑫达', '宏远', '顺通'])}建筑有限公司{k}",
                   "91" + "".join(rng.choice("0123456789ABCDEFGHJK") for _ in range(16)), nm, iv, qn, qi, round(rng.uniform(20, 400), 1)])
    wb.save(f"{R}/{fname}")
    fin(fname, "中标公示", rows, 3, "project: 法定代表人 + 项目负责人")

    # 12 民政局_高龄津贴.xlsx : old people, some 15-digit old IDs
    fname = "民政局_高龄津贴.xlsx"
    sel = pick(age_pred(1920, 1944), 25, prefer_unit="县民政局")
    rows = make_rows(1200, ["bene"], {"bene": (1925, 1944)}, [("bene", c, r) for c, r in sel], n_decoys=8, old15=True)
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "高龄津贴"
    merge_title(ws, 1, "80周岁以上老年人高龄津贴发放表", 8)
    ws.append(["乡镇", "村（社区）", "享受人姓名", "身份证号码", "出生年月", "年龄", "月津贴", "代领人电话"])
    for ctx in rows:
        p, nm, iv = ctx["bene"]
        ws.append([ctx["town"], ctx["village"], nm, iv, ym(p.birth), 2024 - p.birth.year, 100, phone(rng)])
    wb.save(f"{R}/{fname}")
    fin(fname, "高龄津贴", rows, 3, "elderly, some 15-digit old IDs")

    # 13 残联_残疾人两项补贴.xlsx : 残疾人证号 20 chars, header on row 3
    fname = "残联_残疾人两项补贴.xlsx"
    sel = pick(age_pred(1940, 2010), 15)
    rows = make_rows(700, ["bene"], {"bene": (1940, 2010)}, [("bene", c, r) for c, r in sel], n_decoys=5)
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "两项补贴"
    merge_title(ws, 1, "困难残疾人生活补贴和重度残疾人护理补贴发放名册", 9)
    ws.cell(2, 1, "发放月份：2024年3月")
    ws.append(["序号", "补贴对象", "残疾人证号", "残疾类别", "残疾等级", "身份证号", "乡镇", "村", "补贴金额"])
    for k, ctx in enumerate(rows):
        p, nm, iv = ctx["bene"]
        ws.append([k + 1, nm, p.id + rng.choice(["11", "42", "63"]), rng.choice(["肢体", "视力", "智力"]), rng.choice(["一级", "二级"]),
                   iv, ctx["town"], ctx["village"], rng.choice([80, 100])])
    wb.save(f"{R}/{fname}")
    fin(fname, "两项补贴", rows, 4, "残联: 残疾人证号 (20) + 身份证号")

    # 14 金塘镇_临时救助.xlsx : two sheets (说明 + data), 受助对象
    fname = "金塘镇_临时救助.xlsx"
    sel = pick(lambda r: r.town == "金塘镇", 15, prefer_unit="金塘镇人民政府", frac_unit=0.5)
    rows = make_rows(250, ["bene"], {"bene": ADULT}, [("bene", c, r) for c, r in sel], town_fixed="金塘镇", n_decoys=5)
    for ctx in rows:
        if ctx["_plants"]: ctx["village"] = ctx["_plants"][0][2].village
    wb = openpyxl.Workbook(); ws0 = wb.active; ws0.title = "填表说明"
    ws0["A1"] = "本表由各村填报，镇民政办汇总。"; ws0["A2"] = "身份证号须为18位。"
    ws = wb.create_sheet("一季度")
    merge_title(ws, 1, "金塘镇临时救助审批发放表", 8)
    ws.append(["村（社区）", "受助对象", "性别", "年龄", "受助对象身份证号码", "救助金额(元)", "开户行", "银行卡号"])
    for ctx in rows:
        p, nm, iv = ctx["bene"]
        ws.append([ctx["village"], nm, p.sex, 2024 - p.birth.year, iv, rng.choice([600, 1200]), "信用社", bank(rng)])
    wb.save(f"{R}/{fname}")
    fin(fname, "一季度", rows, 3, "township roll, second sheet, 受助对象")

    # 15 人社局_就业补贴.xlsx : 补贴对象 + 开户人 (payee) ; header row 2
    fname = "人社局_一次性创业补贴.xlsx"
    sel = pick(age_pred(1965, 2000), 20, prefer_unit="县人力资源和社会保障局")
    rows = make_rows(1000, ["bene", "payee"], {"bene": (1965, 2000), "payee": (1960, 1998)},
                     mix(sel, [("bene", 3), ("payee", 1)]), n_decoys=8)
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "创业补贴"
    ws.append(["一次性创业补贴申领人员名单（第一批）"])
    ws.append(["补贴对象", "证件号码", "经营主体名称", "乡镇", "村", "补贴金额", "开户人", "开户人身份证号码", "开户银行账号", "联系电话"])
    for k, ctx in enumerate(rows):
        p, nm, iv = ctx["bene"]; q, qn, qi = ctx["payee"]
        same = not ctx["_plants"] or all(s != "payee" for s, *_ in ctx["_plants"])
        if same and rng.random() < 0.7:
            qn, qi = nm, iv
        ws.append([nm, iv, f"{nm}农家乐{k}", ctx["town"], ctx["village"], 5000, qn, qi, bank(rng), phone(rng)])
    wb.save(f"{R}/{fname}")
    fin(fname, "创业补贴", rows, 3, "补贴对象 + 开户人 (often same person)")

    # fix up: 开户人 copy of a planted bene is the same person; add truth for it? it's same roll_row/cadre/relative -> dedup key
    cols = ["roll_file", "roll_sheet", "roll_row", "roll_name", "relative_name", "cadre_name", "expected_relevance",
            "layout", "slot", "id_noise", "name_noise", "relation", "reg_id_missing", "kin_file"]
    seen = set(); tr = []
    for t in truth:
        k = (t["roll_file"], t["roll_sheet"], t["roll_row"], t["cadre_name"], t["relative_name"])
        if k not in seen:
            seen.add(k); tr.append(t)
    with open(f"{out}/truth.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, cols); w.writeheader(); w.writerows(tr)
    with open(f"{out}/decoys.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, ["roll_file", "roll_sheet", "roll_row", "name"]); w.writeheader(); w.writerows(decoys)
    with open(f"{out}/registers_layouts.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f); w.writerow(["unit", "file", "layout"])
        for u, (fn, l) in reg_layout.items(): w.writerow([u, fn, l])
    print(f"truth pairs={len(tr)} decoys={len(decoys)}")
    if a.registry:
        # Its own random stream: the registers and rolls above are unchanged by it.
        from registry_layouts import make_registry
        make_registry(out, cadres, Pop, random.Random(a.seed + 99), TOWNS, pop.ids)
    if a.orgs:
        from org_layouts import make_orgs
        make_orgs(out, cadres, Pop, random.Random(a.seed + 199), pop.ids)


if __name__ == "__main__":
    main()
