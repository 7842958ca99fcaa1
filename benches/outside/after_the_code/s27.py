# Session 27, written by an outside tester who had not read the reader: layouts none of ent.py,
# s10–s26 tried.
# 经商办企业 (--registry, --declarations): an internal 市场主体登记 export with 证件类型 / 证件号码 and
# 登记状态 存续（在营、开业、在册）; a GBK CSV of 个体工商户 with 经营者姓名 / 证照类型 / 证照号码 and 组成形式
# 家庭经营 (one without 字号); a 农民专业合作社 成员名册 whose cooperative is named only in its title; a
# 股东 sheet where most shareholders are 企业法人 / 合伙企业 with credit codes in the 证照/证件号码 column;
# a 主要人员 sheet (执行董事兼总经理, 监事) tied to its enterprise by name; one company over several
# rows with its cells merged down; IDs masked 4329**********1234; shareholders across the row
# (股东1, 股东1身份证号码, 股东1出资比例 …); a 报告人姓名 declaration with a relative named in the
# registry without ID.
# 社团兼职 (--orgs, --retired): a 负责人备案 with 任职起止时间 2022.03-2027.03, 是否领取报酬 是/否 and
# 报酬金额; 退休干部兼职 with 届次 '第二届、第三届' in one cell; a retired cadre over 70 in two
# organisations and 法定代表人 of one; one organisation per sheet named only in the title.
# Rolls: 姓 and 名 in two columns, an ID column headed 号码, two-character names padded 李　芳, a
# field-code row (XM, SFZHM …) under the Chinese header. Registers: relatives across the row as
# 关系1 | 姓名1 | 身份证号1 | 关系2 …, a 备注 column saying 已故, a fixed-width GBK text report.
import sys, os, csv, subprocess, openpyxl
sys.path.insert(0, os.path.dirname(__file__))
from common import chk, C, R, KIN, KM, out_hits, case_dir
V = "-v" in sys.argv
RUN_DATE = "2024-11-05"
ids = {n: i for n, i, _, _ in R}
REL = {"妻子": "spouse", "丈夫": "spouse", "儿子": "child", "父亲": "parent"}
# our own strangers, all valid (common.STR[0] is dated 1960-01-00)
STR = [("陈" + x, chk(f"432921196001{k+11:02d}211")) for k, x in enumerate("一二三四五六")]
sid = dict(STR)
SROLL = "乡镇,村,户主姓名,身份证号码,金额\n" + "".join(f"白沙乡,石桥村,{n},{i},100\n" for n, i in STR[:2])
CAD = {c[0]: c for c in C}                      # 赵志刚 县民政局, 钱秀梅 白沙乡人民政府, 孙国强 县教育局
X = {"赵德明": chk("43292119480303117"), "刘桂兰": chk("43292119530809148")}
ALL = dict(ids); ALL.update(X)
RESULTS = []

def sh(d, args):
    return subprocess.run([KM, "run", "--kin", f"{d}/kin", "--rolls", f"{d}/rolls", "--out", f"{d}/out",
                           "--no-workbooks", "--run-date", RUN_DATE] + args, capture_output=True, text=True)

def rows_of(path):
    return list(csv.DictReader(open(path, encoding="utf-8-sig"))) if os.path.exists(path) else None

def verdict(kind, name, d, p, summary, why, inspect_paths):
    ok = not why
    RESULTS.append((kind, name, ok))
    print(("OK  " if ok else "BAD ") + f"{kind} {name:14} exit={p.returncode} {summary}")
    if why and (not ok or V): print("     " + "; ".join(why))
    if not ok and V:
        print(p.stdout[-2500:], p.stderr[-1500:])
        for ip, k in inspect_paths:
            print(subprocess.run([KM, "inspect", ip] + (["--kind", k] if k else []), capture_output=True, text=True).stdout[:4000])

# ------------------------------------------------------------------ 经商办企业
def ent_case(name, build, want, exit_ok=(0,), decl=None, after=None):
    # build(d) writes d/reg (and d/decl when decl); want: [(relative_name, {field: check})], each
    # matched by exactly one row of enterprise_findings.csv; a check is a str (equal), a tuple
    # (one of) or a callable; nothing else may be found.
    d = case_dir(f"s27_{name}"); os.makedirs(f"{d}/reg")
    open(f"{d}/kin/k.csv", "w").write(KIN); open(f"{d}/rolls/县民政局_低保.csv", "w").write(SROLL)
    build(d)
    args = ["--registry", f"{d}/reg"] + (["--declarations", f"{d}/decl"] if decl else [])
    p = sh(d, args); rows = rows_of(f"{d}/out/enterprise_findings.csv")
    why = []
    if rows is None: why.append("no enterprise_findings.csv"); rows = []
    for n, checks in want:
        mine = [r for r in rows if r["relative_name"] == n]
        if len(mine) != 1: why.append(f"{n}: {len(mine)} findings"); continue
        r = mine[0]
        for f, c in checks.items():
            v = r[f]
            good = c(v) if callable(c) else (v in c if isinstance(c, tuple) else v == c)
            if not good: why.append(f"{n}: {f}={v!r}")
    for r in rows:
        if r["relative_name"] not in [n for n, _ in want]:
            why.append(f"unexpected finding {r['relative_name']} ({r['tier']}, {r['match_kind']}, {r['enterprise_name']})")
    if p.returncode not in exit_ok: why.append(f"exit {p.returncode}")
    if after: why += after(d)
    summ = " ".join(f"{r['relative_name']}/{r['relation']}/{r['tier']}/{r['match_kind']}/{r['person_role']}/{r['post'] or '-'}/{r['enterprise_name'] or '-'}/{r['status'] or '-'}/{r['ratio'] or '-'}/{r['declared'] or '-'}" for r in rows)
    verdict("ent ", name, d, p, summ, why, [(f"{d}/reg", None)] + ([(f"{d}/decl", None)] if decl else []))

def cs(s): return lambda v: s in v
def one_of(*a): return tuple(a)

def e_internal(d):
    # an internal 市场主体登记 query export: 证件类型 then 证件号码 after 法定代表人, 登记状态 as the
    # 公示系统 writes it; 孙长林 (a parent, outside the comparison's scope) and a 注销 stranger
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "企业基本信息"
    ws.append(["序号", "统一社会信用代码", "企业名称", "法定代表人", "证件类型", "证件号码", "企业类型", "注册资本（万元）", "成立日期",
               "营业期限自", "营业期限至", "登记机关", "核准日期", "登记状态", "住所", "经营范围"])
    S = "存续（在营、开业、在册）"
    ws.append([1, "91432921MA4L1A0017", "道县芳华商贸有限公司", "李芳", "中华人民共和国居民身份证", ids["李芳"], "有限责任公司（自然人独资）", 50,
               "2019-03-01", "2019-03-01", "长期", "道县市场监督管理局", "2023-05-06", S, "道县白沙乡石桥村5组", "日用百货、五金交电销售"])
    ws.append([2, "93432921MA4L1A0025", "道县志刚生猪养殖专业合作社", "赵志刚", "中华人民共和国居民身份证", C[0][1], "农民专业合作社", 100,
               "2016-08-15", "2016-08-15", "长期", "道县市场监督管理局", "2016-08-15", S, "道县白沙乡高峰村", "生猪养殖、销售"])
    ws.append([3, "91432921MA4L1A0033", "道县长林建材有限公司", "孙长林", "中华人民共和国居民身份证", ids["孙长林"], "有限责任公司（自然人独资）", 30,
               "2015-01-09", "2015-01-09", "2035-01-08", "道县市场监督管理局", "2015-01-09", S, "道县城关镇", "建材销售"])
    ws.append([4, "91432921MA4L1A0041", "道县一品餐饮有限公司", STR[0][0], "中华人民共和国居民身份证", STR[0][1], "有限责任公司（自然人投资或控股）", 20,
               "2012-04-01", "2012-04-01", "2032-03-31", "道县市场监督管理局", "2021-10-10", "注销", "道县城关镇", "餐饮服务"])
    wb.save(f"{d}/reg/市场主体登记信息.xlsx")
ent_case("内部导出证件类型", e_internal,
         [("李芳", {"tier": "confirmed", "person_role": "legal_rep", "status": cs("存续"), "enterprise_name": "道县芳华商贸有限公司"}),
          ("赵志刚", {"tier": "confirmed", "relation": "self", "person_role": "legal_rep", "enterprise_name": "道县志刚生猪养殖专业合作社"})])

def e_getihu_csv(d):
    # a GBK CSV of 个体工商户: 经营者姓名 / 证照类型 / 证照号码, 组成形式 家庭经营, one without 字号
    lines = ["统一社会信用代码,个体工商户名称,经营者姓名,证照类型,证照号码,组成形式,资金数额（万元）,从业人数,经营场所,经营范围,成立日期,登记状态,登记机关,管辖单位",
             f"92432921MA4L2B0012,道县白沙乡建华农资店,周建华,中华人民共和国居民身份证,{ids['周建华']},家庭经营,5,2,道县白沙乡石桥村,化肥、农药零售,2018-04-12,存续（在营、开业、在册）,道县市场监督管理局,白沙市场监督管理所",
             f"92432921MA4L2B0020,,赵一鸣,中华人民共和国居民身份证,{ids['赵一鸣']},个人经营,2,1,道县城关镇潇水路18号,网络零售,2023-02-20,存续（在营、开业、在册）,道县市场监督管理局,城关市场监督管理所",
             f"92432921MA4L2B0039,道县陈二小吃店,{STR[1][0]},中华人民共和国居民身份证,{STR[1][1]},个人经营,1,1,道县城关镇,小吃服务,2020-07-01,存续（在营、开业、在册）,道县市场监督管理局,城关市场监督管理所"]
    open(f"{d}/reg/个体工商户登记信息.csv", "wb").write(("\r\n".join(lines) + "\r\n").encode("gbk"))
ent_case("个体户CSV证照号码", e_getihu_csv,
         [("周建华", {"tier": "confirmed", "enterprise_name": "道县白沙乡建华农资店"}),
          ("赵一鸣", {"tier": "confirmed", "credit_code": "92432921MA4L2B0020"})])

def e_coop(d):
    # a 农民专业合作社: 基本信息 sheet, then a 成员名册 whose cooperative is named only in its title;
    # one member is a company (credit code); 孙长林 (parent, out of scope) is a member too
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "基本信息"
    ws.append(["统一社会信用代码", "名称", "类型", "法定代表人（理事长）", "法定代表人证件号码", "住所", "成员出资总额（万元）", "业务范围", "成立日期", "登记状态"])
    ws.append(["93432921MA4L3C0016", "道县白沙乡金穗水稻种植专业合作社", "农民专业合作社", STR[2][0], STR[2][1], "道县白沙乡石桥村", 120,
               "组织采购、供应成员所需的农业生产资料；组织收购、销售成员生产的水稻", "2017-11-20", "存续"])
    m = wb.create_sheet("成员名册")
    m.append(["道县白沙乡金穗水稻种植专业合作社成员名册"]); m.merge_cells("A1:I1")
    m.append(["序号", "成员姓名（名称）", "成员类型", "证件类型", "证件号码", "出资方式", "出资额（万元）", "出资比例", "住所"])
    m.append([1, STR[2][0], "农民", "居民身份证", STR[2][1], "货币", 40, "33.33%", "白沙乡石桥村"])
    m.append([2, "赵一鸣", "农民", "居民身份证", ids["赵一鸣"], "货币", 30, "25%", "白沙乡石桥村"])
    m.append([3, "孙长林", "农民", "居民身份证", ids["孙长林"], "实物", 20, "16.67%", "白沙乡高峰村"])
    m.append([4, "道县金穗农业发展有限公司", "企业", "营业执照", "91432921MA4L3C9X27", "货币", 30, "25%", "道县城关镇"])
    m.append([None, "合计", None, None, None, None, 120, "100%", None])
    wb.save(f"{d}/reg/合作社成员名册.xlsx")
ent_case("合作社成员名册", e_coop,
         [("赵一鸣", {"tier": "confirmed", "enterprise_name": cs("金穗水稻种植专业合作社")})])

def e_corporate_holders(d):
    # a 股东 sheet where most shareholders are 企业法人 / 合伙企业 with their credit codes in the
    # 证照/证件号码 column, one natural person (李芳)
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "基本信息"
    ws.append(["统一社会信用代码", "企业名称", "法定代表人", "法定代表人身份证号", "企业类型", "注册资本（万元）", "住所", "经营范围", "登记状态"])
    ws.append(["91432921MA4L4D0014", "道县潇湘城乡供水有限公司", STR[3][0], STR[3][1], "其他有限责任公司", 5000, "道县城关镇", "自来水生产和供应；给排水工程施工", "存续"])
    g = wb.create_sheet("股东信息")
    g.append(["序号", "统一社会信用代码", "企业名称", "股东名称", "股东类型", "证照/证件类型", "证照/证件号码", "认缴出资额（万元）", "认缴出资方式", "认缴出资日期", "出资比例"])
    g.append([1, "91432921MA4L4D0014", "道县潇湘城乡供水有限公司", "道县城市建设投资集团有限公司", "企业法人", "企业法人营业执照(公司)", "91432921MA4L0CT01B", 2500, "货币", "2040-12-31", "50%"])
    g.append([2, "91432921MA4L4D0014", "道县潇湘城乡供水有限公司", "湖南潇湘水务股份有限公司", "企业法人", "企业法人营业执照(公司)", "91430100MA4L0SW02C", 1500, "货币", "2040-12-31", "30%"])
    g.append([3, "91432921MA4L4D0014", "道县潇湘城乡供水有限公司", "道县汇智投资合伙企业（有限合伙）", "合伙企业", "合伙企业营业执照", "91432921MA4L0HH03D", 500, "货币", "2040-12-31", "10%"])
    g.append([4, "91432921MA4L4D0014", "道县潇湘城乡供水有限公司", "李芳", "自然人股东", "中华人民共和国居民身份证", ids["李芳"], 500, "货币", "2040-12-31", "10%"])
    wb.save(f"{d}/reg/企业股东.xlsx")
ent_case("股东类型混合", e_corporate_holders,
         [("李芳", {"tier": "confirmed", "person_role": "shareholder", "ratio": cs("10"), "enterprise_name": "道县潇湘城乡供水有限公司"})])

def e_officers(d):
    # 主要人员 tied to the enterprise by 企业名称 alone; 执行董事兼总经理, 监事, 财务负责人
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "登记信息"
    ws.append(["统一社会信用代码", "企业名称", "企业类型", "注册资本（万元）", "住所", "经营范围", "成立日期", "登记状态"])
    ws.append(["91432921MA4L5E0011", "道县鑫源建材有限公司", "有限责任公司（自然人投资或控股）", 300, "道县白沙乡石桥村", "建材、水泥制品销售", "2020-09-09", "存续"])
    ws.append(["91432921MA4L5E0020", "道县顺达物流有限公司", "有限责任公司（自然人投资或控股）", 100, "道县城关镇", "道路货物运输", "2019-01-15", "存续"])
    o = wb.create_sheet("主要人员")
    o.append(["企业名称", "姓名", "职务", "身份证件号码"])
    o.append(["道县鑫源建材有限公司", "李芳", "执行董事兼总经理", ids["李芳"]])
    o.append(["道县鑫源建材有限公司", "周建华", "监事", ids["周建华"]])
    o.append(["道县鑫源建材有限公司", STR[4][0], "财务负责人", STR[4][1]])
    o.append(["道县顺达物流有限公司", STR[5][0], "执行董事兼总经理", STR[5][1]])
    o.append(["道县顺达物流有限公司", "孙长林", "监事", ids["孙长林"]])
    wb.save(f"{d}/reg/企业主要人员.xlsx")
ent_case("主要人员执行董事", e_officers,
         [("李芳", {"tier": "confirmed", "post": cs("执行董事兼总经理"), "credit_code": "91432921MA4L5E0011"}),
          ("周建华", {"tier": "confirmed", "post": cs("监事"), "credit_code": "91432921MA4L5E0011"})])

def e_merged(d):
    # one company over several rows: 企业名称, 统一社会信用代码, 法定代表人 (no ID), 注册资本, 住所 merged
    # down over its shareholders' rows
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "企业及股东"
    ws.append(["序号", "企业名称", "统一社会信用代码", "法定代表人", "注册资本（万元）", "住所", "股东姓名", "股东证件号码", "认缴出资额（万元）", "出资比例"])
    ws.append([1, "道县宏远建筑劳务有限公司", "91432921MA4L6F0019", STR[0][0], 200, "道县城关镇", STR[0][0], STR[0][1], 100, "50%"])
    ws.append([None, None, None, None, None, None, STR[1][0], STR[1][1], 60, "30%"])
    ws.append([None, None, None, None, None, None, "赵一鸣", ids["赵一鸣"], 40, "20%"])
    ws.append([2, "道县白沙乡秀梅农家乐有限公司", "91432921MA4L6F0027", STR[2][0], 50, "道县白沙乡高峰村", STR[2][0], STR[2][1], 25, "50%"])
    ws.append([None, None, None, None, None, None, "钱秀梅", C[1][1], 25, "50%"])
    for col in "ABCDEF":
        ws.merge_cells(f"{col}2:{col}4"); ws.merge_cells(f"{col}5:{col}6")
    wb.save(f"{d}/reg/企业股东合并单元格.xlsx")
ent_case("一企多行合并", e_merged,
         [("赵一鸣", {"tier": "confirmed", "person_role": "shareholder", "enterprise_name": "道县宏远建筑劳务有限公司", "credit_code": "91432921MA4L6F0019"}),
          ("钱秀梅", {"tier": "confirmed", "relation": "self", "person_role": "shareholder", "enterprise_name": "道县白沙乡秀梅农家乐有限公司"})])

def mask4(i): return i[:4] + "*" * 10 + i[14:]
def e_masked4(d):
    # IDs masked 4329**********1234 (the first four and the last four shown); a namesake 李芳 whose
    # last four differ
    other = chk("43292119830715204")
    assert other[14:] != ids["李芳"][14:]
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["企业名称", "统一社会信用代码", "法定代表人", "法定代表人证件号", "登记状态", "住所", "经营范围"])
    ws.append(["道县芳菲服饰有限公司", "91432921MA4L7G0016", "李芳", mask4(ids["李芳"]), "存续（在营、开业、在册）", "道县白沙乡石桥村", "服装销售"])
    ws.append(["道县芳源茶业有限公司", "91432921MA4L7G0024", "李芳", mask4(other), "存续（在营、开业、在册）", "道县城关镇", "茶叶种植、销售"])
    ws.append(["道县建华运输有限公司", "91432921MA4L7G0032", "周建华", mask4(ids["周建华"]), "存续（在营、开业、在册）", "道县白沙乡", "道路货物运输"])
    ws.append(["道县一品食品有限公司", "91432921MA4L7G0040", STR[3][0], mask4(STR[3][1]), "存续（在营、开业、在册）", "道县城关镇", "食品销售"])
    wb.save(f"{d}/reg/企业信息（脱敏）.xlsx")
ent_case("四位脱敏证号", e_masked4,
         [("李芳", {"tier": one_of("probable", "possible"), "enterprise_name": "道县芳菲服饰有限公司"}),
          ("周建华", {"tier": one_of("probable", "possible"), "enterprise_name": "道县建华运输有限公司"})])

def e_wide_holders(d):
    # shareholders across the row: 股东1 | 股东1身份证号码 | 股东1出资比例 | 股东2 …
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["企业名称", "统一社会信用代码", "法定代表人", "法定代表人身份证号码", "注册资本（万元）", "住所",
               "股东1", "股东1身份证号码", "股东1出资比例", "股东2", "股东2身份证号码", "股东2出资比例", "股东3", "股东3身份证号码", "股东3出资比例"])
    ws.append(["道县恒通机械租赁有限公司", "91432921MA4L8H0013", STR[0][0], STR[0][1], 100, "道县城关镇",
               STR[0][0], STR[0][1], "65%", "周建华", ids["周建华"], "35%", None, None, None])
    ws.append(["道县兴旺农机服务有限公司", "91432921MA4L8H0021", STR[1][0], STR[1][1], 50, "道县白沙乡",
               STR[1][0], STR[1][1], "40%", STR[2][0], STR[2][1], "30%", "孙长林", ids["孙长林"], "30%"])
    wb.save(f"{d}/reg/企业股东横排.xlsx")
ent_case("股东横排编号", e_wide_holders,
         [("周建华", {"tier": "confirmed", "person_role": "shareholder", "enterprise_name": "道县恒通机械租赁有限公司", "ratio": cs("35")})])

def e_declared(d):
    # registry: 李芳 legal representative with her ID (not declared); 周建华 a 监事 in 主要人员 without
    # any ID column (declared by 钱秀梅). Declarations headed 报告人姓名 / 与报告人关系 under a title;
    # 赵志刚 declares his son's company, which the registry does not hold.
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "基本信息"
    ws.append(["统一社会信用代码", "企业名称", "法定代表人", "法定代表人证件号码", "住所", "经营范围", "登记状态"])
    ws.append(["91432921MA4L9J0010", "道县芳华日用品有限公司", "李芳", ids["李芳"], "道县白沙乡石桥村", "日用品销售", "存续"])
    ws.append(["93432921MA4L9J0029", "道县白沙乡石桥村建华种养专业合作社", STR[1][0], STR[1][1], "道县白沙乡石桥村", "水稻种植；生猪养殖", "存续"])
    o = wb.create_sheet("主要人员")
    o.append(["统一社会信用代码", "姓名", "职务"])
    o.append(["93432921MA4L9J0029", STR[1][0], "理事长"])
    o.append(["93432921MA4L9J0029", "周建华", "监事"])
    wb.save(f"{d}/reg/市场主体.xlsx")
    os.makedirs(f"{d}/decl")
    dw = openpyxl.Workbook(); s = dw.active
    s.append(["领导干部配偶、子女及其配偶经商办企业情况申报表"]); s.merge_cells("A1:J1")
    s.append(["序号", "报告人姓名", "工作单位", "现任职务", "亲属姓名", "与报告人关系", "企业（其他市场主体）名称", "统一社会信用代码", "经营状态", "申报日期"])
    s.append([1, "钱秀梅", "白沙乡人民政府", "乡长", "周建华", "丈夫", "道县白沙乡石桥村建华种养专业合作社", "93432921MA4L9J0029", "存续", "2024-03-01"])
    s.append([2, "赵志刚", "县民政局", "局长", "赵一鸣", "儿子", "道县一鸣网络科技有限公司", "91432921MA4L9J0037", "存续", "2024-03-01"])
    dw.save(f"{d}/decl/经商办企业申报表.xlsx")
def decl_after(d):
    why = []
    nf = rows_of(f"{d}/out/enterprise_declared_not_found.csv")
    if nf is None: why.append("no enterprise_declared_not_found.csv")
    elif not any("一鸣网络科技" in " ".join(r.values()) for r in nf): why.append(f"declared_not_found lacks 道县一鸣网络科技有限公司: {nf}")
    return why
ent_case("报告人申报", e_declared,
         [("李芳", {"tier": "confirmed", "declared": lambda v: v in ("未申报", "false", "undeclared", "no")}),
          ("周建华", {"tier": "probable", "match_kind": cs("declared"), "declared": lambda v: v in ("已申报", "true", "declared", "yes")})],
         decl=True, after=decl_after)

# ------------------------------------------------------------------ 社团兼职
RET = [("王建国", chk("43292119580612131"), "县农业农村局", "副局长", "2018年6月"),
       ("胡春生", chk("43292119600815113"), "县科技局", "局长", "2020年8月"),
       ("李国华", chk("43292119520310153"), "县卫生健康局", "局长", "2012年3月")]
rid = {r[0]: r[1] for r in RET}
def retired_list(d):
    # 退休干部名单: 退休前工作单位 / 退休前职务 / 出生年月 / 公民身份号码
    os.makedirs(f"{d}/ret")
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["县管退休干部名单"]); ws.merge_cells("A1:H1")
    ws.append(["序号", "姓名", "性别", "出生年月", "公民身份号码", "退休前工作单位", "退休前职务", "退休时间"])
    for k, (n, i, u, post, t) in enumerate(RET): ws.append([k + 1, n, "男", f"{i[6:10]}.{i[10:12]}", i, u, post, t])
    wb.save(f"{d}/ret/退休干部名单.xlsx")

def org_case(name, build, want, retired=False, exit_ok=(0,), check=None):
    # want: [(cadre_name, org substring or None, {field: check})]: each matches exactly one row of
    # association_findings.csv; "rules" is checked as a set; nothing else may be found. Or
    # check(rows) -> reasons, where a cadre's findings may be one per row or one per organisation.
    d = case_dir(f"s27_{name}"); os.makedirs(f"{d}/orgs")
    open(f"{d}/kin/k.csv", "w").write(KIN); open(f"{d}/rolls/县民政局_低保.csv", "w").write(SROLL)
    build(d)
    args = ["--orgs", f"{d}/orgs"]
    if retired: retired_list(d); args += ["--retired", f"{d}/ret"]
    p = sh(d, args); rows = rows_of(f"{d}/out/association_findings.csv")
    why = []
    if rows is None: why.append("no association_findings.csv"); rows = []
    used = set()
    if check: why += check(rows); used = set(range(len(rows)))
    for n, org, checks in want:
        mine = [k for k, r in enumerate(rows) if r["cadre_name"] == n and (org is None or org in r["org_name"])]
        if len(mine) != 1: why.append(f"{n}/{org}: {len(mine)} findings"); continue
        used.add(mine[0]); r = rows[mine[0]]
        for f, c in checks.items():
            v = r[f]
            if f == "rules": good = set(filter(None, v.split(";"))) == set(c)
            else: good = c(v) if callable(c) else (v in c if isinstance(c, tuple) else v == c)
            if not good: why.append(f"{n}/{org}: {f}={v!r}")
    for k, r in enumerate(rows):
        if k not in used: why.append(f"unexpected finding {r['cadre_name']} {r['org_name']!r} {r['rules']}")
    if p.returncode not in exit_ok: why.append(f"exit {p.returncode}")
    summ = " ".join(f"{r['cadre_name']}/{r['tier']}/{r['org_name'] or '-'}/{r['post'] or '-'}/since={r['since'] or '-'}/term={r['term'] or '-'}/paid={r['paid']}/amt={r['amount'] or '-'}/{r['rules']}" for r in rows)
    verdict("org ", name, d, p, summ, why, [(f"{d}/orgs", None)] + ([(f"{d}/ret", None)] if retired else []))

def o_filing(d):
    # 社会组织负责人备案: 任职起止时间 2022.03-2027.03, 是否领取报酬 是/否, 报酬金额（元/年）
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "负责人备案"
    ws.append(["序号", "社会组织名称", "统一社会信用代码", "组织类型", "业务主管单位", "姓名", "性别", "公民身份号码", "现工作单位及职务",
               "社会组织职务", "任职起止时间", "是否领取报酬", "报酬金额（元/年）"])
    ws.append([1, "道县教育学会", "51432921MJ0A10012K", "社会团体", "县教育局", "孙国强", "男", C[2][1], "县教育局副局长", "副会长", "2022.03-2027.03", "是", 6000])
    ws.append([2, "道县白沙乡妇女儿童发展促进会", "51432921MJ0A10020E", "社会团体", "白沙乡人民政府", "钱秀梅", "女", C[1][1], "白沙乡人民政府乡长", "理事", "2021.06-2026.06", "否", None])
    ws.append([3, "道县阳光康复中心", "52432921MJ0A10039X", "民办非企业单位", "县民政局", STR[0][0], "男", STR[0][1], "退休", "理事长", "2020.01-2025.01", "是", 24000])
    wb.save(f"{d}/orgs/社会组织负责人备案.xlsx")
org_case("任职起止报酬金额", o_filing,
         [("孙国强", "教育学会", {"rules": ("serving_post", "serving_paid"), "paid": "true", "amount": lambda v: v != "" and float(v) == 6000, "post": "副会长", "since": cs("2022")}),
          ("钱秀梅", "妇女儿童", {"rules": ("serving_post",), "paid": "false", "post": "理事", "since": cs("2021")})])

def o_terms(d):
    # 退休干部在社会组织兼职情况登记表: 届次 '第二届、第三届' in one cell, then 第四届 on another row
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["退休干部在社会组织兼职情况登记表"]); ws.merge_cells("A1:J1")
    ws.append(["序号", "姓名", "身份证号", "退休前单位及职务", "兼职社会组织名称", "兼任职务", "届次", "任职时间", "是否取酬", "批准文号"])
    ws.append([1, "王建国", rid["王建国"], "县农业农村局副局长", "道县农学会", "副理事长", "第二届、第三届", "2014.06", "否", "道组干〔2014〕12号"])
    ws.append([2, "王建国", rid["王建国"], "县农业农村局副局长", "道县农学会", "理事长", "第四届", "2022.06", "否", "道组干〔2022〕31号"])
    ws.append([3, "胡春生", rid["胡春生"], "县科技局局长", "道县老科技工作者协会", "秘书长", "第三届", "2021.09", "否", "道组干〔2021〕20号"])
    wb.save(f"{d}/orgs/退休干部兼职登记.xlsx")
def rules_of(rows): return set(x for r in rows for x in r["rules"].split(";") if x)
def terms_check(rows):
    # 王建国 holds one organisation over three 届次 (第二届、第三届 in one cell, 第四届 on the next row):
    # more than two terms, nothing else (one organisation, unpaid, 66); 胡春生 (one term) is no finding
    why = []; w = [r for r in rows if r["cadre_name"] == "王建国"]
    if not w: why.append("王建国 not found")
    elif rules_of(w) != {"retired_more_than_two_terms"}: why.append(f"王建国 rules {sorted(rules_of(w))}")
    if w and not any(r["terms_held"] == "3" for r in w): why.append(f"王建国 terms_held {[r['terms_held'] for r in w]}")
    for r in w:
        if r["post"] not in ("副理事长", "理事长"): why.append(f"王建国 post {r['post']!r}")
    for r in rows:
        if r["cadre_name"] != "王建国": why.append(f"unexpected finding {r['cadre_name']} {r['rules']}")
    return why
org_case("届次同格", o_terms, [], retired=True, check=terms_check)

def o_over70(d):
    # 社会团体负责人名单: 是否法定代表人 / 是否领取报酬 是否; a retired cadre of 72 in two organisations,
    # the legal representative of one
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["社会组织名称", "登记证号", "姓名", "性别", "出生日期", "公民身份号码", "担任职务", "是否法定代表人", "是否领取报酬", "原工作单位"])
    i = rid["李国华"]
    ws.append(["道县老年人体育协会", "51432921MJ0B20017P", "李国华", "男", "1952-03-10", i, "会长", "是", "否", "县卫生健康局"])
    ws.append(["道县医学会", "51432921MJ0B20025J", "李国华", "男", "1952-03-10", i, "名誉会长", "否", "否", "县卫生健康局"])
    ws.append(["道县医学会", "51432921MJ0B20025J", STR[1][0], "男", "1960-01-12", STR[1][1], "会长", "是", "否", "县人民医院"])
    wb.save(f"{d}/orgs/社会团体负责人名单.xlsx")

def over70_check(rows):
    # 李国华 (72): two organisations, over 70, legal representative of 老年人体育协会 (not of 医学会),
    # unpaid; the stranger and the other retired cadres are no finding
    why = []; w = [r for r in rows if r["cadre_name"] == "李国华"]
    want = {"retired_more_than_one_org", "retired_over_70", "retired_legal_rep"}
    if not w: why.append("李国华 not found")
    elif rules_of(w) != want: why.append(f"李国华 rules {sorted(rules_of(w))} want {sorted(want)}")
    for r in w:
        if "医学会" in r["org_name"] and "retired_legal_rep" in r["rules"]: why.append("legal_rep on 医学会's row")
        if r["org_name"] == "": why.append("a finding without org_name")
    for r in rows:
        if r["cadre_name"] != "李国华": why.append(f"unexpected finding {r['cadre_name']} {r['rules']}")
    return why
org_case("退休超龄两社团法代", o_over70, [], retired=True, check=over70_check)

def o_per_sheet(d):
    # one organisation a sheet, named only in the title line (道县书法家协会第三届理事会组成人员名单)
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "书法家协会"
    ws.append(["道县书法家协会第三届理事会组成人员名单"]); ws.merge_cells("A1:F1")
    ws.append(["序号", "职务", "姓名", "性别", "身份证号码", "工作单位及职务"])
    ws.append([1, "主席", STR[0][0], "男", STR[0][1], "道县第一中学教师"])
    ws.append([2, "副主席", "赵志刚", "男", C[0][1], "县民政局副局长"])
    ws.append([3, "秘书长", STR[1][0], "男", STR[1][1], "道县文化馆馆员"])
    s = wb.create_sheet("摄影家协会")
    s.append(["道县摄影家协会第二届理事会组成人员名单"]); s.merge_cells("A1:F1")
    s.append(["序号", "职务", "姓名", "性别", "身份证号码", "工作单位及职务"])
    s.append([1, "主席", STR[2][0], "男", STR[2][1], "道县融媒体中心记者"])
    s.append([2, "副主席", STR[3][0], "男", STR[3][1], "个体"])
    wb.save(f"{d}/orgs/文联所属协会理事会名单.xlsx")
org_case("协会名只在标题", o_per_sheet,
         [("赵志刚", None, {"rules": ("serving_post",), "org_name": cs("书法家协会"), "post": cs("副主席")})])

# ------------------------------------------------------------------ rolls and registers
def judge_roll(name, d, p, hits, want, kin_ids=None, padded=False):
    # every name in want hit once, confirmed, roll_name as written in full, on the relative's own ID;
    # nothing else hit; exit 0. padded: roll_name may keep the padding spaces as written, but the
    # evidence must say the names agree
    kin_ids = kin_ids or ids; why = []
    if padded:
        for h in hits:
            if "姓名一致" not in h["evidence"]: why.append(f"{h['roll_name']!r}: {h['evidence']}")
        hits = [dict(h, roll_name="".join(h["roll_name"].split())) for h in hits]
    names = [h["roll_name"] for h in hits]
    for n in want:
        if names.count(n) != 1: why.append(f"{n} hit {names.count(n)} times")
    for h in hits:
        n = h["roll_name"]
        if n not in want: why.append(f"unexpected hit {n!r} ({h['relative_name']}, {h['tier']})"); continue
        if h["tier"] != "confirmed": why.append(f"{n} {h['tier']} ({h['evidence']})")
        if h["relative_id"] != kin_ids[n]: why.append(f"{n} on {h['relative_id']}")
    if p.returncode != 0: why.append(f"exit {p.returncode}")
    summ = ",".join(f"{h['roll_name']}/{h['tier']}/{h['relation']}" for h in hits)
    verdict("roll", name, d, p, summ, why, [(f"{d}/rolls", "roll")])

STD = ["李芳", "周建华", "赵一鸣", "孙长林"]
people = [(n, ids[n]) for n in STD[:2]] + [STR[0]] + [(n, ids[n]) for n in STD[2:]] + [STR[1]]
def xlsx_roll(name, build, file=None):
    d = case_dir(f"s27_{name}"); open(f"{d}/kin/k.csv", "w").write(KIN)
    wb = openpyxl.Workbook(); build(wb.active); wb.save(f"{d}/rolls/{file or '县民政局_' + name + '.xlsx'}")
    return d, sh(d, [])

def r_split_name(ws):
    # 姓 and 名 in two columns (a bank or 医保 system's person table)
    ws.append(["序号", "姓", "名", "性别", "身份证号码", "村组", "补贴金额（元）"])
    for k, (n, i) in enumerate(people): ws.append([k + 1, n[0], n[1:], "女" if int(i[16]) % 2 == 0 else "男", i, "石桥村3组", 320])
d, p = xlsx_roll("姓名分两列", r_split_name, file="县农业农村局_耕地地力保护补贴.xlsx")
hits = out_hits(d); judge_roll("姓名分两列", d, p, hits, STD)

def r_haoma(ws):
    # the ID column headed 号码 alone, after 证件类型
    ws.append(["序号", "姓名", "证件类型", "号码", "保障人数", "月保障金（元）"])
    for k, (n, i) in enumerate(people): ws.append([k + 1, n, "居民身份证", i, 2, 900])
d, p = xlsx_roll("证件号码头为号码", r_haoma); judge_roll("证件号码头为号码", d, p, out_hits(d), STD)

def r_padded(ws):
    # two-character names padded to three with a full-width space (李　芳), as printed rolls align them
    ws.append(["序号", "姓  名", "身份证号码", "家庭住址", "救助金额（元）"])
    for k, (n, i) in enumerate(people + [("陈五", STR[4][1])]):
        ws.append([k + 1, n[0] + "\u3000" + n[1] if len(n) == 2 else n, i, "白沙乡石桥村", 800])
d, p = xlsx_roll("两字名补全角空格", r_padded); judge_roll("两字名补全角空格", d, p, out_hits(d), STD, padded=True)

def r_codes_row(ws):
    # the Chinese header, then the platform's field-code row (XH, XM, SFZHM …) under it
    ws.append(["序号", "姓名", "身份证号码", "乡镇（街道）", "村（社区）", "发放金额（元）"])
    ws.append(["XH", "XM", "SFZHM", "XZJD", "CSQ", "FFJE"])
    for k, (n, i) in enumerate(people): ws.append([k + 1, n, i, "白沙乡", "石桥村", 650])
d, p = xlsx_roll("表头下字段代码行", r_codes_row); judge_roll("表头下字段代码行", d, p, out_hits(d), STD)

def reg_case(name, build, want):
    # want: (relative, cadre index, relation code): the roll lists each and two strangers; each hit
    # once, confirmed, on the right cadre, relation and unit; exit 0
    d = case_dir(f"s27r_{name}")
    roll = "乡镇,村,户主姓名,身份证号码,金额\n" + "".join(f"白沙乡,石桥村,{n},{ALL[n]},100\n" for n, _, _ in want) + SROLL.split("\n", 1)[1]
    open(f"{d}/rolls/县民政局_低保.csv", "w").write(roll)
    build(d); p = sh(d, []); hits = out_hits(d)
    w = {n: (c, r) for n, c, r in want}; why = []
    names = [h["roll_name"] for h in hits]
    for n in w:
        if names.count(n) != 1: why.append(f"{n} hit {names.count(n)} times")
    for h in hits:
        n = h["roll_name"]
        if n not in w: why.append(f"unexpected {n}"); continue
        c, r = w[n]
        if h["cadre_name"] != C[c][0]: why.append(f"{n}: cadre {h['cadre_name']!r}")
        if h["relation"] != r: why.append(f"{n}: relation {h['relation']} ({h['relation_term']}) want {r}")
        if C[c][2] not in h["cadre_unit"]: why.append(f"{n}: cadre_unit {h['cadre_unit']!r}")
        if h["tier"] != "confirmed": why.append(f"{n}: {h['tier']}")
    if p.returncode != 0: why.append(f"exit {p.returncode}")
    summ = ",".join(f"{h['roll_name']}/{h['tier']}/{h['cadre_name']}/{h['relation']}" for h in hits)
    verdict("reg ", name, d, p, summ, why, [(f"{d}/kin", "register")])
STDW = [(n, c, REL[r]) for n, i, c, r in R]
FAM = [(0, "妻子", "李芳"), (0, "儿子", "赵一鸣"), (0, "父亲", "赵德明"), (1, "丈夫", "周建华"), (2, "父亲", "孙长林"), (2, "母亲", "刘桂兰")]
FAMW = [("李芳", 0, "spouse"), ("赵一鸣", 0, "child"), ("赵德明", 0, "parent"), ("周建华", 1, "spouse"), ("孙长林", 2, "parent"), ("刘桂兰", 2, "parent")]

def g_numbered_groups(d):
    # one cadre a row, relatives across in numbered groups: 关系1 | 姓名1 | 身份证号1 | 关系2 …
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["干部姓名", "身份证号", "工作单位", "关系1", "姓名1", "身份证号1", "关系2", "姓名2", "身份证号2", "关系3", "姓名3", "身份证号3"])
    for c, (cn, ci, u) in enumerate(C):
        row = [cn, ci, u]
        for cc, r, n in FAM:
            if cc == c: row += [r, n, ALL[n]]
        ws.append(row + [None] * (12 - len(row)))
    wb.save(f"{d}/kin/干部亲属.xlsx")
reg_case("关系姓名证号编号组", g_numbered_groups, FAMW)

def g_deceased(d):
    # a 备注 column: 已故 for two parents (their IDs kept), other notes for the rest
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["干部姓名", "干部身份证号", "工作单位", "亲属姓名", "称谓", "亲属身份证号", "备注"])
    note = {"赵德明": "已故", "孙长林": "已故（2023年5月）", "李芳": "县财政局职工", "周建华": "务农"}
    for c, r, n in FAM: ws.append([C[c][0], C[c][1], C[c][2], n, r, ALL[n], note.get(n)])
    wb.save(f"{d}/kin/登记.xlsx")
reg_case("备注已故", g_deceased, FAMW)

def g_fixed_width(d):
    # a fixed-width GBK text report from a cadre system: a title, the header, a dashed rule, columns
    # aligned by spaces (a Chinese character is two columns wide)
    cols = ["序号", "干部姓名", "干部身份证号", "工作单位", "亲属姓名", "称谓", "亲属身份证号"]
    width = [6, 10, 20, 18, 10, 8, 20]
    def line(vals):
        s = b""
        for v, w in zip(vals, width):
            b = str(v).encode("gbk"); s += b + b" " * (w - len(b))
        return s.rstrip()
    out = ["干部亲属信息登记表".encode("gbk"), "打印日期：2024-10-31".encode("gbk"), line(cols), b"-" * sum(width)]
    for k, (c, r, n) in enumerate(FAM): out.append(line([k + 1, C[c][0], C[c][1], C[c][2], n, r, ALL[n]]))
    open(f"{d}/kin/干部亲属信息.txt", "wb").write(b"\r\n".join(out) + b"\r\n")
reg_case("定宽文本报表", g_fixed_width, FAMW)

ok = sum(1 for *_, o in RESULTS if o)
print(f"{ok}/{len(RESULTS)} OK")
