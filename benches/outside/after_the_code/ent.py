# Registry and association layouts written after the code.
import csv, os, subprocess, shutil, sys
KM = os.environ["KINMATCH"]
def chk(b17):
    w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]; c="10X98765432"
    return b17 + c[sum(int(a)*b for a,b in zip(b17,w)) % 11]
cadre=("赵敏",chk("43292119750101123")); wife=("孙丽",chk("43292119770305202")); son=("赵磊",chk("43292120000101101"))
kin = "干部姓名,干部身份证号,工作单位,职务,亲属姓名,称谓,亲属身份证号\n" + "\n".join(f"{cadre[0]},{cadre[1]},县住房和城乡建设局,局长,{n},{r},{i}" for n,r,i in [(wife[0],"妻子",wife[1]),(son[0],"儿子",son[1])]) + "\n"
roll = "乡镇,村,户主姓名,身份证号码,金额\n白沙乡,石桥村,王五,"+chk("43292119600101123")+",100\n"
def run(name, sheets, opt, expect_file, expect, extra=None):
    d=f"/tmp/probe/e_{name}"; shutil.rmtree(d, ignore_errors=True)
    for x in ["kin","rolls","x"]: os.makedirs(f"{d}/{x}")
    open(f"{d}/kin/k.csv","w").write(kin); open(f"{d}/rolls/民政局_低保.csv","w").write(roll)
    import openpyxl
    wb=openpyxl.Workbook(); wb.remove(wb.active)
    for sn,rows in sheets:
        ws=wb.create_sheet(sn)
        for r in rows: ws.append(r)
    wb.save(f"{d}/x/{name}.xlsx")
    res={}
    for mode in ["given","mixed"]:
        out=f"{d}/out_{mode}"
        if mode=="given": cmd=[KM,"run","--kin",f"{d}/kin","--rolls",f"{d}/rolls",opt,f"{d}/x","--out",out,"--no-workbooks","--run-date","2024-11-05"]
        else:
            shutil.copy(f"{d}/x/{name}.xlsx", f"{d}/rolls/{name}.xlsx")
            cmd=[KM,"run","--kin",f"{d}/kin","--rolls",f"{d}/rolls","--out",out,"--no-workbooks","--run-date","2024-11-05"]
        p=subprocess.run(cmd,capture_output=True,text=True)
        fp=f"{out}/{expect_file}"
        rows=list(csv.DictReader(open(fp,encoding="utf-8-sig"))) if os.path.exists(fp) else None
        res[mode]=(len(rows) if rows is not None else -1, p.returncode)
        if mode=="given": given_rows=rows; err=p.stderr
    ok=res["given"][0]==expect and res["mixed"][0]==expect
    print(("OK  " if ok else "BAD ")+f"{name:14} given={res['given']} mixed={res['mixed']} expect={expect}")
    if not ok and "-v" in sys.argv: print(err)
    return given_rows
# 1. a public-information export without ID numbers (names only), with address in the township of... county dept: jurisdiction county
run("企业信息查询", [("Sheet1",[["企业名称","登记状态","法定代表人","注册资本","成立日期","统一社会信用代码","企业地址","所属行业","经营范围"],
    ["云溪县丽达建材有限公司","存续（在营、开业、在册）",wife[0],"100万元人民币","2019-03-01","91432921MA4L000001","云溪县白沙乡石桥村5组","批发业","建材、五金销售"],
    ["某某市外地公司","存续","张三","50万","2018-01-01","91430100MA4L000002","长沙市岳麓区","零售业","日用品"]])], "--registry", "enterprise_findings.csv", 1)
# 2. 公示系统 style with IDs in separate 'investor' sheet; the son as shareholder
run("公示导出", [("基本信息",[["统一社会信用代码/注册号","名称","类型","法定代表人/负责人/经营者","注册资本","成立日期","住所","登记机关","登记状态"],
    ["91432921MA4L000003","云溪县磊鑫工程劳务有限公司","有限责任公司(自然人独资)","李四","200万","2020-06-01","云溪县城关镇解放路8号","云溪县市场监督管理局","存续"]]),
    ("股东及出资信息",[["统一社会信用代码/注册号","股东名称","股东类型","证照/证件类型","证照/证件号码","认缴出资额（万元）","认缴出资日期"],
    ["91432921MA4L000003",son[0],"自然人股东","居民身份证",son[1],"200","2040-12-31"]])], "--registry", "enterprise_findings.csv", 1)
# 3. 个体工商户 with 经营者 + 身份证号 cut by Excel (number)
run("个体户", [("个体",[["序号","字号名称","经营者","身份证号码","组成形式","经营场所","经营范围","注册日期","状态"],
    [1,"云溪县丽丽装饰店",wife[0],int(wife[1][:15]+"000") if False else float(wife[1]),"个人经营","云溪县白沙乡石桥村","室内装饰装修","2021-05-06","开业"]])], "--registry", "enterprise_findings.csv", 1)
# 4. association filing: cadre holding a post with pay
run("社团备案", [("负责人",[["社会团体名称","统一社会信用代码","业务主管单位","负责人姓名","公民身份号码","担任职务","任职开始日期","是否领取薪酬","年薪酬（元）"],
    ["云溪县建筑业协会","51432921MJ0000001X","县住房和城乡建设局",cadre[0],cadre[1],"会长","2022-01-01","是","12000"]])], "--orgs", "association_findings.csv", 1)
