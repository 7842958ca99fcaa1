# Session 31, written by an outside tester who had not read the reader: registry, declaration,
# association and retired-cadre layouts none of ent.py, s17, s27 and registry_layouts.py /
# org_layouts.py tried.
# 经商办企业 (--registry, --declarations): a 个体工商户 export under three title lines and a footer,
# 登记状态 存续 / 吊销，未注销 / 注销 with a 注销/吊销日期 column; one workbook of three differently
# shaped sheets (企业, 个体工商户, 农民专业合作社); English column names from a system export; the
# SAIC data-standard field codes (UNISCID, ENTNAME, LEREP, CERNO, INV, CONPROP …) with codes for
# 证件类型 / 投资人类型; 股东 and 主要人员 sheets tied to the enterprise only by 主体身份代码 (PRIPID);
# 个人独资企业 投资人 and 合伙企业 合伙人 (普通 / 有限, an enterprise as 执行事务合伙人); a cooperative's
# 理事长 and 执行监事 across the row; IDs masked 43292119760512**** and 4329211976****111X; 企业名称 and
# 统一社会信用代码 in one cell (and 法定代表人 with the ID over a line break); old 15-digit IDs of
# 1990s 个体户; a 股东 sheet tied by 企业名称 mixing enterprises (with and without a credit code) and
# persons, without 股东类型. Declarations: one sheet per cadre (配偶、子女及其配偶从业情况登记表, label line with
# 填报人, 无 rows, a name with half-width brackets against the registry's full-width ones), a unit's
# summary with the cadre merged over his block, 爱人, 是否经商办企业 是/否 and 企业名称 '/'.
# 社团兼职 (--orgs, --retired): 届次 written 第三届 / 第四届理事会 / 五届 / 第4届 / 第五届（2021.06-2026.06）;
# 是否取酬 and 是否法定代表人 as √ under merged 是 | 否; pay per year (2022年度 … 2024年度) with no
# 是否取酬; a 民政 社会组织 登记 export with 法定代表人 columns; 会长 | 副会长 | 秘书长 with their IDs
# across the row; a 老干部局 list (原工作单位及职务 in one cell, 离退休类别) with a 15-digit ID in the
# filing; 取酬情况 未取酬 / 无报酬 / 未领取 / 有（交通、通讯补贴）.
import sys, os, csv, shutil, subprocess, openpyxl
sys.path.insert(0, os.path.dirname(__file__))
from common import chk, KM
V = "-v" in sys.argv
RUN_DATE = "2024-11-05"
BASE = "/tmp/probe31"
RESULTS = []

def pid(birth, seq): return chk("432921" + birth + seq)
ID = {
    "赵志刚": pid("19750101", "111"), "李芳": pid("19760512", "102"), "赵一鸣": pid("20010311", "131"),
    "王晓雨": pid("20000808", "126"), "赵德明": pid("19480303", "117"),
    "钱秀梅": pid("19750201", "122"), "周建华": pid("19760623", "111"), "周雨涵": pid("20020415", "128"),
    "刘桂兰": pid("19530809", "148"),
    "孙国强": pid("19750301", "131"), "黄小梅": pid("19800412", "126"), "孙浩然": pid("20040620", "153"),
    "孙长林": pid("19500322", "151"),
    # retired cadres
    "王建国": pid("19580612", "131"), "胡春生": pid("19600815", "113"), "李国华": pid("19520310", "153"),
    "张德顺": pid("19500505", "113"),
}
STR = [("陈" + x, chk(f"432921196001{k+11:02d}211")) for k, x in enumerate("一二三四五六")]
ID.update(dict(STR))
S = [n for n, _ in STR]
# the register: three cadres, spouse, children, a child's spouse, a parent (outside the scope)
CAD = {"赵志刚": ("县住房和城乡建设局", "副局长"), "钱秀梅": ("白沙乡人民政府", "乡长"), "孙国强": ("县教育局", "基础教育股股长")}
FAM = [("赵志刚", "妻子", "李芳", "云溪县白沙乡石桥村"), ("赵志刚", "儿子", "赵一鸣", "云溪县城关镇解放路"),
       ("赵志刚", "儿媳", "王晓雨", "云溪县城关镇解放路"), ("赵志刚", "父亲", "赵德明", "云溪县白沙乡石桥村"),
       ("钱秀梅", "丈夫", "周建华", "云溪县白沙乡高峰村"), ("钱秀梅", "女儿", "周雨涵", "云溪县白沙乡高峰村"),
       ("钱秀梅", "母亲", "刘桂兰", "云溪县白沙乡高峰村"),
       ("孙国强", "妻子", "黄小梅", "云溪县城关镇"), ("孙国强", "儿子", "孙浩然", "云溪县城关镇"),
       ("孙国强", "父亲", "孙长林", "云溪县城关镇")]
KIN = "干部姓名,干部身份证号,工作单位,职务,亲属姓名,称谓,亲属身份证号,现居住地址\n" + "".join(
    f"{c},{ID[c]},{CAD[c][0]},{CAD[c][1]},{n},{r},{ID[n]},{a}\n" for c, r, n, a in FAM)
CADRE_OF = {n: c for c, _, n, _ in FAM}
CADRE_OF.update({c: c for c in CAD})
SROLL = "乡镇,村,户主姓名,身份证号码,金额\n" + "".join(f"白沙乡,石桥村,{n},{i},100\n" for n, i in STR[:2])

def case_dir(name):
    d = f"{BASE}/{name}"; shutil.rmtree(d, ignore_errors=True)
    for x in ("kin", "rolls", "reg", "decl", "orgs", "ret"): os.makedirs(f"{d}/{x}")
    open(f"{d}/kin/干部亲属.csv", "w").write(KIN); open(f"{d}/rolls/县民政局_低保.csv", "w").write(SROLL)
    return d

def sh(d, args):
    return subprocess.run([KM, "run", "--kin", f"{d}/kin", "--rolls", f"{d}/rolls", "--out", f"{d}/out",
                           "--no-workbooks", "--run-date", RUN_DATE] + args, capture_output=True, text=True)

def rows_of(path):
    return list(csv.DictReader(open(path, encoding="utf-8-sig"))) if os.path.exists(path) else None

def good(v, c): return c(v) if callable(c) else (v in c if isinstance(c, tuple) else v == c)
def cs(s): return lambda v: s in v
def ncs(s): return lambda v: s not in v
def num(x): return lambda v: v not in ("", None) and abs(float(v) - x) < 0.01

def verdict(kind, name, d, p, summary, why, inspect_paths):
    ok = not why
    RESULTS.append((kind, name, ok))
    print(("OK  " if ok else "BAD ") + f"{kind} {name:18} exit={p.returncode} {summary}")
    if why: print("     " + "; ".join(why))
    if not ok and V:
        print(p.stdout[-2500:], p.stderr[-2500:])
        for ip in inspect_paths:
            print(subprocess.run([KM, "inspect", ip], capture_output=True, text=True).stdout[:5000])

def wb_save(wb, path): wb.save(path)

# ================================================================== 经商办企业
REL = {"妻子": "spouse", "丈夫": "spouse", "儿子": "child", "女儿": "child", "儿媳": "child_in_law"}
def relation_of(n):
    if n in CAD: return "self"
    return REL[[r for c, r, m, _ in FAM if m == n][0]]

def ent_case(name, build, want, optional=(), exit_ok=(0,), decl=False, after=None):
    # want: {relative_name: {field: check}} each exactly one row of enterprise_findings.csv, on the
    # right cadre and relation, tier confirmed unless the checks say otherwise; optional: names that
    # may be found (checks apply if found); nothing else.
    d = case_dir(f"e_{name}"); build(d)
    args = ["--registry", f"{d}/reg"] + (["--declarations", f"{d}/decl"] if decl else [])
    p = sh(d, args); rows = rows_of(f"{d}/out/enterprise_findings.csv")
    why = []
    if rows is None: why.append("no enterprise_findings.csv"); rows = []
    allw = dict(want); allw.update(dict(optional))
    for n, checks in allw.items():
        mine = [r for r in rows if r["relative_name"] == n]
        if n in want and len(mine) != 1: why.append(f"{n}: {len(mine)} findings"); continue
        if len(mine) > 1: why.append(f"{n}: {len(mine)} findings")
        for r in mine:
            ck = dict({"tier": "confirmed", "cadre_name": CADRE_OF[n], "relation": relation_of(n)}, **checks)
            for f, c in ck.items():
                if not good(r[f], c): why.append(f"{n}: {f}={r[f]!r}")
    for r in rows:
        if r["relative_name"] not in allw:
            why.append(f"unexpected finding {r['relative_name']} ({r['tier']}, {r['match_kind']}, {r['enterprise_name']})")
    if p.returncode not in exit_ok: why.append(f"exit {p.returncode}")
    if after: why += after(d, rows)
    summ = " ".join(f"{r['relative_name']}/{r['relation']}/{r['tier']}/{r['match_kind']}/{r['person_role']}/{r['post'] or '-'}/"
                    f"{r['enterprise_name'] or '-'}/{r['credit_code'] or '-'}/{r['status'] or '-'}/{r['relevance'] or '-'}/{r['declared'] or '-'}"
                    for r in rows).replace("\n", "⏎")
    verdict("ent ", name, d, p, summ, why, [f"{d}/reg"] + ([f"{d}/decl"] if decl else []))

LIVE = "存续（在营、开业、在册）"

# E1 a 个体工商户 export under three title lines (title, 查询条件, 导出人/时间/共N条) and a footer
# (制表单位, 注); 注册号/统一社会信用代码; 登记状态 存续 / 吊销，未注销 / 注销 with the date in 注销/吊销日期.
# 李芳 (存续) and 周建华 (吊销，未注销: the business still exists in law; he is still its 经营者) are
# findings with the status as written; 赵一鸣's shop was 注销 in 2022: either no finding or one that
# says 注销. 赵德明 (parent) and 陈一 are nobody's business here.
def e_titles_status(d):
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "个体工商户"
    H = ["序号", "注册号/统一社会信用代码", "字号名称", "经营者", "经营者证件号码", "组成形式", "经营场所", "经营范围", "注册日期",
         "登记状态", "注销/吊销日期", "登记机关"]
    ws.append(["云溪县个体工商户基本信息表"]); ws.merge_cells("A1:L1")
    ws.append(["查询条件：登记机关=云溪县市场监督管理局；市场主体类型=个体工商户；登记状态=全部"]); ws.merge_cells("A2:L2")
    ws.append(["导出人：张三", None, None, "导出时间：2024-10-31 09:12:33", None, None, None, None, None, "共5条"])
    ws.append(H)
    ws.append([1, "92432921MA4L1A0011", "云溪县白沙乡芳华日杂店", "李芳", ID["李芳"], "个人经营", "云溪县白沙乡石桥村", "日用杂品零售",
               "2018-03-12", LIVE, None, "云溪县市场监督管理局"])
    ws.append([2, "92432921MA4L1A0028", "云溪县白沙乡建华农机修理部", "周建华", ID["周建华"], "个人经营", "云溪县白沙乡高峰村", "农业机械维修",
               "2015-06-01", "吊销，未注销", "2021-09-30", "云溪县市场监督管理局"])
    ws.append([3, "92432921MA4L1A0036", "云溪县城关镇一鸣网吧", "赵一鸣", ID["赵一鸣"], "个人经营", "云溪县城关镇解放路", "互联网上网服务",
               "2020-01-01", "注销", "2022-05-10", "云溪县市场监督管理局"])
    ws.append([4, "432921600012345", "云溪县白沙乡德明豆腐坊", "赵德明", ID["赵德明"], "个人经营", "云溪县白沙乡石桥村", "豆制品加工",
               "2009-11-20", LIVE, None, "云溪县市场监督管理局"])
    ws.append([5, "92432921MA4L1A0052", "云溪县城关镇陈一小吃店", S[0], ID[S[0]], "个人经营", "云溪县城关镇", "小吃服务",
               "2019-07-01", LIVE, None, "云溪县市场监督管理局"])
    ws.append([]); ws.append(["制表单位：云溪县市场监督管理局（盖章）"]); ws.append(["注：本表数据截至2024年10月31日，仅供纪检监察机关比对使用。"])
    wb.save(f"{d}/reg/个体工商户基本信息表.xlsx")
ent_case("标题三行吊销注销", e_titles_status,
         {"李芳": {"status": cs("存续"), "enterprise_name": "云溪县白沙乡芳华日杂店", "credit_code": "92432921MA4L1A0011"},
          "周建华": {"status": cs("吊销"), "enterprise_name": "云溪县白沙乡建华农机修理部", "relevance": cs("in_jurisdiction")}},
         optional={"赵一鸣": {"status": lambda v: "注销" in v and "存续" not in v}})

# E2 one workbook, three sheets of three shapes: 企业 (法定代表人 / 身份证号码), 个体工商户 (经营者姓名 /
# 经营者身份证号), 农民专业合作社 (法定代表人（理事长）/ 证件号码). Relevance: 赵一鸣's 建筑劳务 company
# is in the 住建局's line of work; 黄小梅's 文具 shop with 教育咨询 in the 教育局's; 周雨涵's cooperative
# in 白沙乡, the township her mother governs.
def e_three_sheets(d):
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "企业"
    ws.append(["统一社会信用代码", "企业名称", "企业类型", "法定代表人", "身份证号码", "注册资本（万元）", "成立日期", "住所", "经营范围", "登记状态"])
    ws.append(["91432921MA4L2B0014", "云溪县鸣远建筑劳务有限公司", "有限责任公司（自然人独资）", "赵一鸣", ID["赵一鸣"], 200, "2022-04-18",
               "云溪县城关镇解放路88号", "建筑劳务分包；土石方工程施工", LIVE])
    ws.append(["91432921MA4L2B0022", "云溪县顺丰物流有限公司", "有限责任公司（自然人独资）", S[1], ID[S[1]], 100, "2019-01-15",
               "云溪县城关镇", "道路货物运输", LIVE])
    g = wb.create_sheet("个体工商户")
    g.append(["统一社会信用代码", "个体工商户名称", "经营者姓名", "经营者身份证号", "经营场所", "经营范围", "成立日期", "状态"])
    g.append(["92432921MA4L2B0030", "云溪县城关镇小梅文具店", "黄小梅", ID["黄小梅"], "云溪县城关镇学府路3号", "文具用品零售；教育咨询服务（不含教育培训活动）", "2021-08-30", "在业"])
    g.append(["92432921MA4L2B0049", "云溪县城关镇陈三理发店", S[2], ID[S[2]], "云溪县城关镇", "理发服务", "2017-05-05", "在业"])
    c = wb.create_sheet("农民专业合作社")
    c.append(["统一社会信用代码", "合作社名称", "法定代表人（理事长）", "证件号码", "成员出资总额（万元）", "住所", "业务范围", "成立日期", "登记状态"])
    c.append(["93432921MA4L2B0057", "云溪县白沙乡雨涵果蔬种植专业合作社", "周雨涵", ID["周雨涵"], 60, "云溪县白沙乡高峰村", "蔬菜、水果种植及销售", "2023-03-01", LIVE])
    c.append(["93432921MA4L2B0065", "云溪县白沙乡长林油茶专业合作社", "孙长林", ID["孙长林"], 30, "云溪县白沙乡石桥村", "油茶种植", "2016-10-10", LIVE])
    wb.save(f"{d}/reg/市场主体登记信息（分类）.xlsx")
ent_case("一簿三类主体", e_three_sheets,
         {"赵一鸣": {"person_role": "legal_rep", "enterprise_name": "云溪县鸣远建筑劳务有限公司", "relevance": cs("line_of_work")},
          "黄小梅": {"enterprise_name": "云溪县城关镇小梅文具店", "relevance": cs("line_of_work")},
          "周雨涵": {"enterprise_name": "云溪县白沙乡雨涵果蔬种植专业合作社", "relevance": cs("in_jurisdiction")}})

# E3 a system export with English column names (base and shareholders); a corporate shareholder.
def e_english(d):
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Enterprises"
    ws.append(["Unified Social Credit Code", "Enterprise Name", "Enterprise Type", "Legal Representative", "ID Number",
               "Registered Capital (10k CNY)", "Date of Establishment", "Domicile", "Business Scope", "Registration Status", "Registration Authority"])
    ws.append(["91432921MA4L3C0010", "云溪县芳华装饰工程有限公司", "Limited Liability Company", "李芳", ID["李芳"], 100, "2020-06-01",
               "云溪县白沙乡石桥村", "室内装饰装修；建筑工程施工", "Active", "云溪县市场监督管理局"])
    ws.append(["91432921MA4L3C0029", "云溪县新城置业有限公司", "Limited Liability Company", S[3], ID[S[3]], 1000, "2018-02-02",
               "云溪县城关镇", "房地产开发经营", "Active", "云溪县市场监督管理局"])
    g = wb.create_sheet("Shareholders")
    g.append(["Unified Social Credit Code", "Shareholder Name", "Shareholder Type", "ID Type", "ID Number", "Subscribed Capital (10k CNY)", "Shareholding Ratio"])
    g.append(["91432921MA4L3C0029", S[3], "Natural Person", "Resident ID Card", ID[S[3]], 500, "50%"])
    g.append(["91432921MA4L3C0029", "云溪县城市建设投资集团有限公司", "Enterprise Legal Person", "Business License", "91432921MA4L0CT01B", 300, "30%"])
    g.append(["91432921MA4L3C0029", "王晓雨", "Natural Person", "Resident ID Card", ID["王晓雨"], 200, "20%"])
    wb.save(f"{d}/reg/enterprise_export.xlsx")
ent_case("英文列名", e_english,
         {"李芳": {"person_role": "legal_rep", "enterprise_name": "云溪县芳华装饰工程有限公司"},
          "王晓雨": {"person_role": "shareholder", "ratio": cs("20"), "enterprise_name": "云溪县新城置业有限公司"}})

# E4 the SAIC data-standard field codes (市场主体登记数据规范): base sheet UNISCID / ENTNAME / LEREP /
# CERTYPE / CERNO …, investors INV / INVTYPE (20 = 自然人股东, 10 = 企业法人) / CERTYPE (10 = 居民身份证)
# / CERNO / SUBCONAM / CONPROP, linked by UNISCID. Read, or loud (exit 3); never silent.
def e_saic_codes(d):
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "E_BASEINFO"
    ws.append(["PRIPID", "UNISCID", "ENTNAME", "ENTTYPE", "LEREP", "CERTYPE", "CERNO", "REGCAP", "ESTDATE", "DOM", "OPSCOPE", "REGSTATE", "REGORG"])
    ws.append(["4329210120180000317", "91432921MA4L4D0016", "云溪县建华农业开发有限公司", "1150", "周建华", "10", ID["周建华"], 50, "2018-07-07",
               "云溪县白沙乡高峰村", "农作物种植；农产品初加工", "1", "432921"])
    ws.append(["4329210120190000421", "91432921MA4L4D0024", "云溪县恒远商贸有限公司", "1150", S[4], "10", ID[S[4]], 100, "2019-09-09",
               "云溪县城关镇", "日用百货销售", "1", "432921"])
    g = wb.create_sheet("E_INV_INVESTMENT")
    g.append(["PRIPID", "UNISCID", "INV", "INVTYPE", "CERTYPE", "CERNO", "SUBCONAM", "CONPROP"])
    g.append(["4329210120190000421", "91432921MA4L4D0024", S[4], "20", "10", ID[S[4]], 70, 70])
    g.append(["4329210120190000421", "91432921MA4L4D0024", "赵一鸣", "20", "10", ID["赵一鸣"], 30, 30])
    wb.save(f"{d}/reg/E_BASEINFO_432921.xlsx")
ent_case("SAIC字段代码", e_saic_codes,
         {"周建华": {"person_role": "legal_rep", "enterprise_name": "云溪县建华农业开发有限公司"},
          "赵一鸣": {"person_role": "shareholder", "enterprise_name": "云溪县恒远商贸有限公司"}})

# E5 股东 and 主要人员 sheets tied to the enterprise by 主体身份代码 alone (no credit code, no name);
# no 出资比例 column. 赵一鸣 holds 40 of 鼎盛建设's 100; 王晓雨 is its 监事; 孙长林 (parent) 监事 of another.
def e_pripid(d):
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "企业基本信息"
    ws.append(["主体身份代码", "统一社会信用代码", "企业名称", "企业类型", "法定代表人", "法定代表人证件号码", "注册资本（万元）", "住所", "经营范围", "登记状态"])
    ws.append(["4329210120200000555", "91432921MA4L5E0018", "云溪县鼎盛建设工程有限公司", "有限责任公司（自然人投资或控股）", S[1], ID[S[1]], 100,
               "云溪县城关镇", "房屋建筑工程施工；市政公用工程施工", LIVE])
    ws.append(["4329210120210000666", "91432921MA4L5E0026", "云溪县白沙乡绿源生态农业有限公司", "有限责任公司（自然人独资）", S[2], ID[S[2]], 50,
               "云溪县白沙乡石桥村", "水果种植", LIVE])
    g = wb.create_sheet("股东（发起人）出资信息")
    g.append(["主体身份代码", "股东名称", "证照类型", "证照号码", "认缴出资额（万元）", "实缴出资额（万元）"])
    g.append(["4329210120200000555", S[1], "居民身份证", ID[S[1]], 60, 60])
    g.append(["4329210120200000555", "赵一鸣", "居民身份证", ID["赵一鸣"], 40, 40])
    g.append(["4329210120210000666", S[2], "居民身份证", ID[S[2]], 50, 50])
    o = wb.create_sheet("主要人员信息")
    o.append(["主体身份代码", "姓名", "职务", "证件号码"])
    o.append(["4329210120200000555", S[1], "执行董事", ID[S[1]]])
    o.append(["4329210120200000555", "王晓雨", "监事", ID["王晓雨"]])
    o.append(["4329210120210000666", S[2], "执行董事兼经理", ID[S[2]]])
    o.append(["4329210120210000666", "孙长林", "监事", ID["孙长林"]])
    wb.save(f"{d}/reg/企业登记信息_按主体身份代码.xlsx")
ent_case("主体身份代码关联", e_pripid,
         {"赵一鸣": {"person_role": "shareholder", "enterprise_name": "云溪县鼎盛建设工程有限公司", "credit_code": "91432921MA4L5E0018",
                     "capital": num(40), "relevance": cs("line_of_work")},
          "王晓雨": {"person_role": "officer", "post": cs("监事"), "enterprise_name": "云溪县鼎盛建设工程有限公司",
                     "credit_code": "91432921MA4L5E0018"}})

# E6 非公司企业: a 个人独资企业 whose 投资人 is the cadre himself, and a 合伙企业 whose 执行事务合伙人 is an
# enterprise (with its 委派代表) and whose 合伙人 sheet lists a 普通合伙人 (an enterprise) and two 有限合伙人.
def e_partnership(d):
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "非公司企业"
    ws.append(["统一社会信用代码", "企业名称", "企业类型", "投资人/执行事务合伙人", "证照号码", "出资额（万元）", "主要经营场所", "经营范围", "成立日期", "登记状态"])
    ws.append(["91432921MA4L6F0011", "云溪县启智文化传播中心", "个人独资企业", "孙国强", ID["孙国强"], 10, "云溪县城关镇学府路8号",
               "文化艺术交流活动；教育咨询服务", "2021-02-02", LIVE])
    ws.append(["91432921MA4L6F002X", "云溪县汇金股权投资合伙企业（有限合伙）", "有限合伙企业", "云溪县汇金投资管理有限公司（委派代表：陈四）",
               "91432921MA4L6F9993", 500, "云溪县城关镇", "股权投资", "2020-05-20", LIVE])
    p = wb.create_sheet("合伙人信息")
    p.append(["企业名称", "合伙人名称", "合伙人类型", "承担责任方式", "证照号码", "认缴出资额（万元）", "出资方式"])
    p.append(["云溪县汇金股权投资合伙企业（有限合伙）", "云溪县汇金投资管理有限公司", "普通合伙人", "无限责任", "91432921MA4L6F9993", 10, "货币"])
    p.append(["云溪县汇金股权投资合伙企业（有限合伙）", "黄小梅", "有限合伙人", "有限责任", ID["黄小梅"], 200, "货币"])
    p.append(["云溪县汇金股权投资合伙企业（有限合伙）", S[3], "有限合伙人", "有限责任", ID[S[3]], 290, "货币"])
    wb.save(f"{d}/reg/非公司企业及合伙人.xlsx")
ent_case("独资合伙企业", e_partnership,
         {"孙国强": {"enterprise_name": "云溪县启智文化传播中心", "relevance": cs("line_of_work")},
          "黄小梅": {"person_role": "shareholder", "capital": num(200), "enterprise_name": "云溪县汇金股权投资合伙企业（有限合伙）"}})

# E7 cooperatives with their 理事长 and 执行监事 across the row (name, ID each): 周建华 is 执行监事
# (an officer, not the legal representative) of a cooperative in 白沙乡.
def e_coop_officers(d):
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "农民专业合作社"
    ws.append(["合作社名称", "统一社会信用代码", "住所", "理事长", "理事长身份证号码", "执行监事", "执行监事身份证号码", "成员总数",
               "成员出资总额（万元）", "业务范围", "登记状态"])
    ws.append(["云溪县白沙乡高峰村茶叶专业合作社", "93432921MA4L7G0012", "云溪县白沙乡高峰村", S[4], ID[S[4]], "周建华", ID["周建华"], 12, 80,
               "茶叶种植、加工、销售", LIVE])
    ws.append(["云溪县城关镇蔬菜专业合作社", "93432921MA4L7G0020", "云溪县城关镇", S[5], ID[S[5]], "孙长林", ID["孙长林"], 8, 40,
               "蔬菜种植", LIVE])
    wb.save(f"{d}/reg/农民专业合作社登记信息.xlsx")
ent_case("合作社理事长监事横排", e_coop_officers,
         {"周建华": {"person_role": "officer", "post": cs("监事"), "enterprise_name": "云溪县白沙乡高峰村茶叶专业合作社",
                     "relevance": cs("in_jurisdiction")}})

# E8 IDs masked otherwise than the 公示 system does: the last four hidden (43292119760512****) and the
# month and day hidden (4329211976****111X). 李芳 and 周建华: probable at best (id_masked); a namesake
# 李芳 born 1983 (43292119830715****) is no finding.
def e_masked_other(d):
    other = chk("43292119830715204")
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["企业名称", "统一社会信用代码", "法定代表人", "证件号码（脱敏）", "住所", "经营范围", "登记状态"])
    ws.append(["云溪县芳菲服饰有限公司", "91432921MA4L8H0015", "李芳", ID["李芳"][:14] + "****", "云溪县白沙乡石桥村", "服装零售", LIVE])
    ws.append(["云溪县芳源茶业有限公司", "91432921MA4L8H0023", "李芳", other[:14] + "****", "云溪县城关镇", "茶叶销售", LIVE])
    ws.append(["云溪县建华运输有限公司", "91432921MA4L8H0031", "周建华", ID["周建华"][:10] + "****" + ID["周建华"][14:], "云溪县白沙乡高峰村", "道路货物运输", LIVE])
    ws.append(["云溪县一品食品有限公司", "91432921MA4L8H004X", S[0], ID[S[0]][:14] + "****", "云溪县城关镇", "食品销售", LIVE])
    wb.save(f"{d}/reg/企业信息_脱敏.xlsx")
ent_case("脱敏末四位月日", e_masked_other,
         {"李芳": {"tier": ("probable", "possible"), "enterprise_name": "云溪县芳菲服饰有限公司"},
          "周建华": {"tier": ("probable", "possible"), "enterprise_name": "云溪县建华运输有限公司"}})

# E9 企业名称 and 统一社会信用代码 in one cell over a line break (企业名称/统一社会信用代码), the legal
# representative with his ID likewise; the declaration gives the credit code only. 李芳's is declared by
# code (已申报), 周建华's is not (未申报).
def e_name_code_cell(d):
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["序号", "企业名称/统一社会信用代码", "法定代表人/身份证号", "住所", "经营范围", "登记状态"])
    ws.append([1, "云溪县芳华商贸有限公司\n91432921MA4L9J0010", "李芳\n" + ID["李芳"], "云溪县白沙乡石桥村", "日用百货销售", LIVE])
    ws.append([2, "云溪县建华农资有限公司\n91432921MA4L9J0029", "周建华\n" + ID["周建华"], "云溪县白沙乡高峰村", "化肥、农药零售", LIVE])
    ws.append([3, "云溪县陈氏五金有限公司\n91432921MA4L9J0037", S[5] + "\n" + ID[S[5]], "云溪县城关镇", "五金销售", LIVE])
    wb.save(f"{d}/reg/企业名录.xlsx")
    dw = openpyxl.Workbook(); s = dw.active
    s.append(["干部姓名", "亲属姓名", "关系", "统一社会信用代码"])
    s.append(["赵志刚", "李芳", "妻子", "91432921MA4L9J0010"])
    dw.save(f"{d}/decl/申报.xlsx")
ent_case("名称代码同格", e_name_code_cell,
         {"李芳": {"enterprise_name": "云溪县芳华商贸有限公司", "credit_code": "91432921MA4L9J0010", "declared": "已申报"},
          "周建华": {"enterprise_name": "云溪县建华农资有限公司", "credit_code": "91432921MA4L9J0029", "declared": "未申报"}}, decl=True)

# E10 a 1990s 个体户 register still holding 15-digit IDs; the credit code the last column.
def e_old_ids(d):
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["字号名称", "经营者", "身份证号码", "经营场所", "开业日期", "经营范围", "登记状态", "统一社会信用代码"])
    old = lambda i: i[:6] + i[8:17]
    ws.append(["云溪县白沙乡建华百货商店", "周建华", old(ID["周建华"]), "云溪县白沙乡高峰村", "1996-04-01", "百货零售", "在业", "92432921MA4LAK0017"])
    ws.append(["云溪县白沙乡德明修理店", "赵德明", old(ID["赵德明"]), "云溪县白沙乡石桥村", "1993-08-01", "农具修理", "在业", "92432921MA4LAK0025"])
    ws.append(["云溪县城关镇陈二副食店", S[1], old(ID[S[1]]), "云溪县城关镇", "1998-02-01", "副食品零售", "在业", "92432921MA4LAK0033"])
    wb.save(f"{d}/reg/个体户（老户）.xlsx")
ent_case("十五位旧证号", e_old_ids,
         {"周建华": {"enterprise_name": "云溪县白沙乡建华百货商店", "credit_code": "92432921MA4LAK0017"}})

# E11 a 股东及出资信息 sheet tied by 企业名称, no 股东类型 column: enterprises (one with its credit code,
# one with none) and persons mixed under 股东; 周雨涵 holds 15%; 赵德明 (parent) 10%.
def e_mixed_holders(d):
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "企业基本信息"
    ws.append(["统一社会信用代码", "企业名称", "法定代表人", "法定代表人身份证号", "住所", "经营范围", "登记状态"])
    ws.append(["91432921MA4LBM0010", "云溪县白沙乡旅游开发有限公司", S[3], ID[S[3]], "云溪县白沙乡高峰村", "旅游资源开发；餐饮服务", LIVE])
    g = wb.create_sheet("股东及出资信息")
    g.append(["企业名称", "股东", "证照/证件号码", "认缴出资额（万元）", "出资比例", "认缴出资时间"])
    g.append(["云溪县白沙乡旅游开发有限公司", "云溪县国有资产经营有限公司", "91432921MA4L0GZ01X", 500, "50%", "2030-12-31"])
    g.append(["云溪县白沙乡旅游开发有限公司", "云溪县白沙乡高峰村股份经济合作社", None, 150, "15%", "2030-12-31"])
    g.append(["云溪县白沙乡旅游开发有限公司", S[3], ID[S[3]], 100, "10%", "2030-12-31"])
    g.append(["云溪县白沙乡旅游开发有限公司", "周雨涵", ID["周雨涵"], 150, "15%", "2030-12-31"])
    g.append(["云溪县白沙乡旅游开发有限公司", "赵德明", ID["赵德明"], 100, "10%", "2030-12-31"])
    wb.save(f"{d}/reg/企业股东出资.xlsx")
ent_case("股东企业自然人混排", e_mixed_holders,
         {"周雨涵": {"person_role": "shareholder", "ratio": cs("15"), "credit_code": "91432921MA4LBM0010",
                     "relevance": cs("in_jurisdiction")}})

# ------------------------------------------------------------------ declarations
REG_D = [("91432921MA4L9J0010", "云溪县芳华商贸有限公司", "李芳", "云溪县白沙乡石桥村", "日用百货销售"),
         ("91432921MA4L9J0029", "云溪县建华农资有限公司", "周建华", "云溪县白沙乡高峰村", "化肥、农药零售"),
         ("92432921MA4L9J0045", "云溪县小梅文具店（城关）", "黄小梅", "云溪县城关镇", "文具用品零售"),
         ("91432921MA4L9J0053", "云溪县鸣远建筑劳务有限公司", "赵一鸣", "云溪县城关镇", "建筑劳务分包"),
         ("91432921MA4L9J0061", "云溪县陈六贸易有限公司", S[5], "云溪县城关镇", "日用品销售")]
def registry_d(d, who):
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["统一社会信用代码", "企业名称", "法定代表人", "法定代表人证件号码", "住所", "经营范围", "登记状态"])
    for code, name, n, addr, scope in REG_D:
        if n in who: ws.append([code, name, n, ID[n], addr, scope, LIVE])
    wb.save(f"{d}/reg/企业.xlsx")

def not_found_check(want_in, want_out):
    def after(d, rows):
        why = []; nf = rows_of(f"{d}/out/enterprise_declared_not_found.csv")
        if nf is None: return ["no enterprise_declared_not_found.csv"]
        text = [" | ".join(r.values()) for r in nf]
        for w in want_in:
            if not any(w in t for t in text): why.append(f"declared_not_found lacks {w}")
        for t in text:
            if not any(w in t for w in want_in): why.append(f"declared_not_found lists {t!r}")
        return why
    return after

# D1 one sheet per cadre: 领导干部配偶、子女及其配偶从业情况登记表, a label line (填报人：赵志刚 …), 称谓 |
# 姓名 | 身份证号码 | 从业类型 | 企业（单位）名称 | 统一社会信用代码 | 担任职务 | 出资额 | 备注; 无 rows; 黄小梅's
# shop typed with half-width brackets. 李芳, 黄小梅 已申报; 周建华 未申报 (his wife wrote 无); 赵一鸣's
# declared company is not in the registry; no 无 row is a declared business.
def d_per_cadre(d):
    registry_d(d, {"李芳", "周建华", "黄小梅"})
    wb = openpyxl.Workbook(); wb.remove(wb.active)
    H = ["序号", "称谓", "姓名", "身份证号码", "从业类型", "企业（单位）名称", "统一社会信用代码", "担任职务", "出资额（万元）", "备注"]
    forms = {"赵志刚": [("妻子", "李芳", "经商办企业", "云溪县芳华商贸有限公司", None, "法定代表人", 50, None),
                        ("儿子", "赵一鸣", "经商办企业", "云溪县一鸣网络科技有限公司", None, "股东", 20, "2024年新设立"),
                        ("儿媳", "王晓雨", "无", "无", None, "无", None, None)],
             "钱秀梅": [("丈夫", "周建华", "无", "无", "无", "无", None, None),
                        ("女儿", "周雨涵", "无", "无", "无", "无", None, "在校学生")],
             "孙国强": [("妻子", "黄小梅", "个体工商户", "云溪县小梅文具店(城关)", None, "经营者", 5, None),
                        ("儿子", "孙浩然", "无", "无", None, None, None, "在校学生")]}
    for c, rows in forms.items():
        ws = wb.create_sheet(c)
        ws.append(["领导干部配偶、子女及其配偶从业情况登记表"]); ws.merge_cells("A1:J1")
        ws.append([f"填报人：{c}", None, None, f"工作单位：{CAD[c][0]}", None, f"职务：{CAD[c][1]}", None, None, "填报日期：2024年3月1日"])
        ws.append(H)
        for k, (rel, n, kind, firm, code, post, cap, note) in enumerate(rows):
            ws.append([k + 1, rel, n, ID[n], kind, firm, code, post, cap, note])
        ws.append([]); ws.append(["本人承诺：以上填报内容真实、完整。", None, None, None, None, None, "本人签字："])
    wb.save(f"{d}/decl/配偶子女从业情况登记表.xlsx")
ent_case("申报一人一表", d_per_cadre,
         {"李芳": {"declared": "已申报"}, "周建华": {"declared": "未申报"}, "黄小梅": {"declared": "已申报"}},
         decl=True, after=not_found_check(["一鸣网络科技"], []))

# D3 a unit's summary: the cadre's name, unit and post merged down over his block; 爱人; 是否经商办企业
# 是 / 否; 企业名称 '/' where 否. 李芳 (by name and code) and 周建华 (by name alone) 已申报; 黄小梅 and
# 赵一鸣 未申报 (their rows say 否); nothing is declared-not-found.
def d_merged_summary(d):
    registry_d(d, {"李芳", "周建华", "黄小梅", "赵一鸣"})
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["领导干部配偶、子女及其配偶经商办企业情况汇总表"]); ws.merge_cells("A1:K1")
    ws.append(["序号", "干部姓名", "工作单位", "职务", "亲属姓名", "与干部关系", "是否经商办企业", "企业名称", "统一社会信用代码", "经营范围", "备注"])
    blocks = [("赵志刚", [("李芳", "爱人", "是", "云溪县芳华商贸有限公司", "91432921MA4L9J0010", "日用百货"),
                          ("赵一鸣", "儿子", "否", "/", "/", "/"), ("王晓雨", "儿媳", "否", "/", "/", "/")]),
              ("钱秀梅", [("周建华", "爱人", "是", "云溪县建华农资有限公司", None, "农资"), ("周雨涵", "女儿", "否", "/", "/", "/")]),
              ("孙国强", [("黄小梅", "爱人", "否", "/", "/", "/")])]
    k = 0
    for c, rows in blocks:
        top = ws.max_row + 1
        for j, (n, rel, yes, firm, code, scope) in enumerate(rows):
            k += 1
            ws.append([k, c if j == 0 else None, CAD[c][0] if j == 0 else None, CAD[c][1] if j == 0 else None, n, rel, yes, firm, code, scope, None])
        if len(rows) > 1:
            for col in "BCD": ws.merge_cells(f"{col}{top}:{col}{ws.max_row}")
    wb.save(f"{d}/decl/经商办企业情况汇总表.xlsx")
ent_case("申报汇总合并干部", d_merged_summary,
         {"李芳": {"declared": "已申报"}, "周建华": {"declared": "已申报"}, "黄小梅": {"declared": "未申报"},
          "赵一鸣": {"declared": "未申报"}},
         decl=True, after=not_found_check([], []))

# ================================================================== 社团兼职
RET = [("王建国", "县农业农村局", "副局长", "2018-06"), ("胡春生", "县科技局", "局长", "2020-08"),
       ("李国华", "县卫生健康局", "局长", "2012-03")]
def retired_std(d):
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["姓名", "身份证号码", "退休前单位", "退休前职级", "退休日期", "管理类别"])
    for n, u, post, t in RET: ws.append([n, ID[n], u, post, t, "县管干部"])
    wb.save(f"{d}/ret/退休干部.xlsx")

def rules_of(rs): return set(x for r in rs for x in r["rules"].split(";") if x)

def org_case(name, build, want, retired=True, exit_ok=(0,), retired_build=None):
    # want: {cadre_name: {"rules": set, field: check}}: the union of the rules over the cadre's rows must
    # be the set; every field check holds on every row of his; nothing else found.
    d = case_dir(f"o_{name}"); build(d)
    args = ["--orgs", f"{d}/orgs"]
    if retired: (retired_build or retired_std)(d); args += ["--retired", f"{d}/ret"]
    p = sh(d, args); rows = rows_of(f"{d}/out/association_findings.csv")
    why = []
    if rows is None: why.append("no association_findings.csv"); rows = []
    for n, checks in want.items():
        mine = [r for r in rows if r["cadre_name"] == n]
        if not mine: why.append(f"{n}: no finding"); continue
        if rules_of(mine) != set(checks["rules"]): why.append(f"{n}: rules {sorted(rules_of(mine))} want {sorted(checks['rules'])}")
        for r in mine:
            for f, c in checks.items():
                if f != "rules" and not good(r[f], c): why.append(f"{n}: {f}={r[f]!r}")
    for r in rows:
        if r["cadre_name"] not in want: why.append(f"unexpected finding {r['cadre_name']} {r['org_name']!r} {r['rules']}")
    if p.returncode not in exit_ok: why.append(f"exit {p.returncode}")
    summ = " ".join(f"{r['cadre_name']}/{r['tier']}/{r['org_name'] or '-'}/{r['post'] or '-'}/since={r['since'] or '-'}/term={r['term'] or '-'}/"
                    f"held={r['terms_held']}/paid={r['paid']}/amt={r['amount'] or '-'}/lr={r['legal_rep']}/{r['cadre_unit']}/{r['rules']}" for r in rows)
    verdict("org ", name, d, p, summ, why, [f"{d}/orgs"] + ([f"{d}/ret"] if retired else []))

# O1 届次 written every way: 王建国 in one organisation 第三届 / 第四届理事会 / 五届 (three terms:
# retired_more_than_two_terms); 胡春生 第四届 (理事) and 第4届 (常务理事, the same term, promoted) and
# 第五届（2021.06-2026.06）: two terms, within limits, no finding; 孙国强 serving.
def o_terms_words(d):
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["序号", "社会组织名称", "姓名", "身份证号码", "原工作单位及职务", "担任职务", "届次", "是否取酬"])
    rows = [("云溪县农学会", "王建国", "县农业农村局副局长", "理事", "第三届"),
            ("云溪县农学会", "王建国", "县农业农村局副局长", "副理事长", "第四届理事会"),
            ("云溪县农学会", "王建国", "县农业农村局副局长", "理事长", "五届"),
            ("云溪县老科技工作者协会", "胡春生", "县科技局局长", "理事", "第四届"),
            ("云溪县老科技工作者协会", "胡春生", "县科技局局长", "常务理事", "第4届"),
            ("云溪县老科技工作者协会", "胡春生", "县科技局局长", "副会长", "第五届（2021.06-2026.06）"),
            ("云溪县教育学会", "孙国强", "县教育局基础教育股股长", "副会长", "第三届"),
            ("云溪县教育学会", S[0], "云溪县第一中学教师", "会长", "第三届")]
    for k, (o, n, job, post, term) in enumerate(rows): ws.append([k + 1, o, n, ID[n], job, post, term, "否"])
    wb.save(f"{d}/orgs/社会组织兼职人员届次登记.xlsx")
org_case("届次多种写法", o_terms_words,
         {"王建国": {"rules": {"retired_more_than_two_terms"}}, "孙国强": {"rules": {"serving_post"}, "paid": "false"}})

# O2 是否取酬 and 是否法定代表人 each as 是 | 否 under a merged header, ticked √.
def o_ticks(d):
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["序号", "社会组织名称", "姓名", "公民身份号码", "兼任职务", "是否取酬", None, "取酬金额（元/年）", "是否法定代表人", None])
    ws.append([None, None, None, None, None, "是", "否", None, "是", "否"])
    for col in "ABCDEH": ws.merge_cells(f"{col}1:{col}2")
    ws.merge_cells("F1:G1"); ws.merge_cells("I1:J1")
    ws.append([1, "云溪县建筑业协会", "赵志刚", ID["赵志刚"], "副会长", "√", None, 12000, None, "√"])
    ws.append([2, "云溪县老年人体育协会", "李国华", ID["李国华"], "会长", None, "√", None, "√", None])
    ws.append([3, "云溪县妇女儿童发展促进会", "钱秀梅", ID["钱秀梅"], "理事", None, "√", None, None, "√"])
    ws.append([4, "云溪县建筑业协会", S[1], ID[S[1]], "会长", "√", None, 24000, "√", None])
    wb.save(f"{d}/orgs/社会团体兼职情况表.xlsx")
org_case("是否打勾", o_ticks,
         {"赵志刚": {"rules": {"serving_post", "serving_paid"}, "paid": "true", "amount": num(12000), "legal_rep": "false"},
          "李国华": {"rules": {"retired_over_70", "retired_legal_rep"}, "paid": "false", "legal_rep": "true"},
          "钱秀梅": {"rules": {"serving_post"}, "paid": "false"}})

# O3 pay per year, no 是否取酬 column: 赵志刚 0 / 3000 / 3000 (paid), 孙国强 0 / 0 / 0 (not paid),
# 胡春生 (retired) 6000 a year (retired_paid).
def o_per_year(d):
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["序号", "姓名", "身份证号", "工作单位及职务", "兼职社会组织", "兼任职务", "2022年度领取报酬（元）", "2023年度领取报酬（元）", "2024年度领取报酬（元）"])
    ws.append([1, "赵志刚", ID["赵志刚"], "县住房和城乡建设局副局长", "云溪县建筑业协会", "常务理事", 0, 3000, 3000])
    ws.append([2, "孙国强", ID["孙国强"], "县教育局基础教育股股长", "云溪县教育学会", "理事", 0, 0, 0])
    ws.append([3, "胡春生", ID["胡春生"], "县科技局原局长（已退休）", "云溪县老科技工作者协会", "秘书长", 6000, 6000, 6000])
    ws.append([4, S[2], ID[S[2]], "云溪县人民医院医生", "云溪县医学会", "理事", 1200, 1200, 1200])
    wb.save(f"{d}/orgs/干部兼职取酬情况（2022-2024）.xlsx")
org_case("分年度报酬", o_per_year,
         {"赵志刚": {"rules": {"serving_post", "serving_paid"}, "paid": "true", "org_name": "云溪县建筑业协会"},
          "孙国强": {"rules": {"serving_post"}, "paid": "false", "org_name": "云溪县教育学会"},
          "胡春生": {"rules": {"retired_paid"}, "paid": "true", "org_name": "云溪县老科技工作者协会"}})

# O4 the 民政局's 社会组织 登记 export: one row per organisation with its 法定代表人 and his ID.
def o_legal_rep_registry(d):
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "社会组织"
    ws.append(["统一社会信用代码", "社会组织名称", "社会组织类型", "业务主管单位", "登记管理机关", "法定代表人", "法定代表人身份证号码",
               "住所", "成立登记日期", "登记状态"])
    ws.append(["51432921MJ0A10012K", "云溪县老年人体育协会", "社会团体", "县体育局", "云溪县民政局", "李国华", ID["李国华"], "云溪县城关镇", "2013-05-05", "正常"])
    ws.append(["53432921MJ0A10020E", "云溪县教育发展基金会", "基金会", "县教育局", "云溪县民政局", "孙国强", ID["孙国强"], "云溪县城关镇", "2019-09-10", "正常"])
    ws.append(["51432921MJ0A10039X", "云溪县农学会", "社会团体", "县农业农村局", "云溪县民政局", "王建国", ID["王建国"], "云溪县城关镇", "2008-03-03", "正常"])
    ws.append(["52432921MJ0A10047P", "云溪县阳光康复中心", "民办非企业单位", "县民政局", "云溪县民政局", S[0], ID[S[0]], "云溪县城关镇", "2020-01-01", "正常"])
    wb.save(f"{d}/orgs/社会组织登记信息.xlsx")
org_case("社会组织法定代表人", o_legal_rep_registry,
         {"李国华": {"rules": {"retired_over_70", "retired_legal_rep"}, "legal_rep": "true"},
          "王建国": {"rules": {"retired_legal_rep"}, "legal_rep": "true"},
          "孙国强": {"rules": {"serving_post"}, "legal_rep": "true", "org_name": "云溪县教育发展基金会"}})

# O5 a 年检 list: officers across the row (会长 | 会长身份证号 | 副会长 | 副会长身份证号 | 秘书长 | …).
def o_officers_across(d):
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["社会组织名称", "统一社会信用代码", "业务主管单位", "会长", "会长身份证号", "副会长", "副会长身份证号", "秘书长", "秘书长身份证号",
               "秘书长是否专职", "2023年度检查结论"])
    ws.append(["云溪县建筑业协会", "51432921MJ0B20017P", "县住房和城乡建设局", S[0], ID[S[0]], "赵志刚", ID["赵志刚"], S[1], ID[S[1]], "是", "合格"])
    ws.append(["云溪县老科技工作者协会", "51432921MJ0B20025J", "县科学技术协会", "胡春生", ID["胡春生"], "李国华", ID["李国华"], S[2], ID[S[2]], "否", "合格"])
    wb.save(f"{d}/orgs/社会团体年度检查负责人名单.xlsx")
org_case("负责人横排", o_officers_across,
         {"赵志刚": {"rules": {"serving_post"}, "post": cs("副会长"), "org_name": "云溪县建筑业协会"},
          "李国华": {"rules": {"retired_over_70"}, "post": cs("副会长"), "org_name": "云溪县老科技工作者协会"}})

# O6 a 老干部局 list: 原工作单位及职务 in one cell, 离退休类别, 离退休时间 2010.05; the filing gives 张德顺
# (74) his old 15-digit ID. 张德顺: retired_over_70, of 县财政局 (not 县财政局局长); 王建国 (66, one
# organisation, unpaid): no finding.
def retired_lgb(d):
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["云溪县县管离退休干部花名册"]); ws.merge_cells("A1:I1")
    ws.append(["序号", "姓名", "性别", "出生年月", "原工作单位及职务", "离退休类别", "离退休时间", "身份证号码", "联系电话"])
    ws.append([1, "张德顺", "男", "1950.05", "县财政局局长", "退休", "2010.05", ID["张德顺"], "13907460001"])
    ws.append([2, "王建国", "男", "1958.06", "县农业农村局副局长", "退休", "2018.06", ID["王建国"], "13907460002"])
    wb.save(f"{d}/ret/离退休干部花名册.xlsx")
def o_old_id(d):
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["组织名称", "姓名", "身份证号", "职务", "任职时间", "是否领取报酬"])
    ws.append(["云溪县老年书画研究会", "张德顺", ID["张德顺"][:6] + ID["张德顺"][8:17], "名誉会长", "2015.03", "否"])
    ws.append(["云溪县农学会", "王建国", ID["王建国"], "理事", "2019.05", "否"])
    ws.append(["云溪县老年书画研究会", S[3], ID[S[3]], "会长", "2015.03", "否"])
    wb.save(f"{d}/orgs/老年社团负责人.xlsx")
org_case("老干部局名册旧证号", o_old_id,
         {"张德顺": {"rules": {"retired_over_70"}, "cadre_unit": "县财政局"}}, retired_build=retired_lgb)

# O7 取酬情况 in words: 未取酬 / 无报酬 / 未领取 (not paid, though they hold 取酬 / 报酬 / 领取),
# 有（交通、通讯补贴） and 取酬 (paid); 金额 '/'.
def o_pay_words(d):
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["社会组织名称", "姓名", "身份证号", "职务", "取酬情况", "金额（元）"])
    ws.append(["云溪县建筑业协会", "赵志刚", ID["赵志刚"], "理事", "未取酬", "/"])
    ws.append(["云溪县妇女儿童发展促进会", "钱秀梅", ID["钱秀梅"], "副理事长", "无报酬", "/"])
    ws.append(["云溪县教育学会", "孙国强", ID["孙国强"], "秘书长", "有（交通、通讯补贴）", 2400])
    ws.append(["云溪县老科技工作者协会", "胡春生", ID["胡春生"], "理事", "未领取", "/"])
    ws.append(["云溪县老年人体育协会", "李国华", ID["李国华"], "顾问", "取酬", 3600])
    wb.save(f"{d}/orgs/社团兼职取酬情况.xlsx")
org_case("取酬情况文字", o_pay_words,
         {"赵志刚": {"rules": {"serving_post"}, "paid": "false"}, "钱秀梅": {"rules": {"serving_post"}, "paid": "false"},
          "孙国强": {"rules": {"serving_post", "serving_paid"}, "paid": "true"},
          "李国华": {"rules": {"retired_over_70", "retired_paid"}, "paid": "true"}})

ok = sum(1 for *_, o in RESULTS if o)
print(f"{ok}/{len(RESULTS)} OK")
