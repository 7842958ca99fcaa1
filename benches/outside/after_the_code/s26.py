# Session 26, written after the code by an outside tester who had not read the reader: roll and
# register layouts none of s10–s25 tried. Rolls: a 救助对象基本信息 group beside a 银行信息 group
# (户名 repeating the name), a 低保证编号 of 18 digits before 身份证件号码(18位), households whose
# members carry no ID (only the head's row has one), 社会保障号码 as the only ID, a 医保 settlement
# export (人员编号 and 就诊流水号 of 20 digits, 证件类型 / 证件号码), a GBK CSV whose quoted addresses
# hold line breaks, village label rows (一、石桥村) between blocks, ethnic names with the middle dot
# written . • ・ or left out, a project list with 项目经理 and 总监理工程师 each followed by a plain
# 身份证号码, 全国学籍号 (G + ID) with no ID column, an xlsx of inline strings (Apache POI SXSSF),
# one 临时救助审批表 form per sheet. Registers: a 家庭成员及主要社会关系 table with 长子 / 次女 / 儿媳 /
# 女婿 / 孙子 and the relatives' own 工作单位及职务, the cadre's little table stacked above the
# relatives' table on each sheet, a semicolon GBK CSV with a title line, 子女 / 父母 merged down over
# two relatives, relatives tied to their cadre by 干部公民身份号码 alone on a second sheet, a
# 填写说明 row under the header, 本人 rows whose relatives work in other county units.
import sys, os, csv, zipfile, openpyxl
from xml.sax.saxutils import escape
sys.path.insert(0, os.path.dirname(__file__))
from common import *
V="-v" in sys.argv
ids={n:i for n,i,_,_ in R}
rel_of={n:(c,r) for n,i,c,r in R}
REL={"妻子":"spouse","丈夫":"spouse","儿子":"child","父亲":"parent"}
# strangers of our own: common.STR[0]'s ID is dated 1960-01-00 (malformed), these are all valid
STR=[("陈"+x, chk(f"432921196001{k+11:02d}211")) for k,x in enumerate("一二三四")]

def show(kind, name, d, p, hits, expect, ok, extra=""):
    report(kind, name, d, p, hits, expect, ok)
    if extra and (not ok or V): print("     "+extra)

def judge_roll(name, d, p, hits, want, tiers=("confirmed",), optional=(), kin_ids=None, dup_ok=()):
    # want: names that must be hit (each once unless in dup_ok), with a tier in tiers and, for a
    # confirmed hit, the relative's own ID as roll_id; optional: names that may be hit, never
    # confirmed; nothing else may be hit; exit 0.
    kin_ids=kin_ids or ids
    why=[]
    names=[h["roll_name"] for h in hits]
    for n in want:
        k=names.count(n)
        if k==0: why.append(f"{n} not hit")
        if k>1 and n not in dup_ok: why.append(f"{n} hit {k} times")
    for h in hits:
        n=h["roll_name"]
        if n in want:
            if h["tier"] not in tiers and not (n in dup_ok and names.count(n)>1 and h["tier"]!="confirmed"): why.append(f"{n} {h['tier']}")
            if h["tier"]=="confirmed" and h["relative_id"]!=kin_ids[n]: why.append(f"{n} confirmed on {h['relative_id']}")
        elif n in optional:
            if h["tier"]=="confirmed": why.append(f"{n} confirmed without an ID")
        else: why.append(f"unexpected hit {n!r} ({h['relative_name']}, {h['tier']})")
    if p.returncode!=0: why.append(f"exit {p.returncode}")
    show("roll", name, d, p, hits, len(want), not why, "; ".join(why))

def xlsx_roll(name, build, file=None, kin=KIN):
    d=case_dir(f"s26_{name}"); open(f"{d}/kin/k.csv","w").write(kin)
    wb=openpyxl.Workbook(); build(wb.active, wb); wb.save(f"{d}/rolls/{file or '县民政局_'+name+'.xlsx'}")
    p=run(d); return d, p, out_hits(d)

STD=["李芳","周建华","赵一鸣","孙长林"]
rows=[(n,ids[n]) for n in STD]
people=rows[:2]+[STR[0]]+rows[2:]+[STR[1]]

# ---------------------------------------------------------------- rolls
def group_bank(ws, wb):
    # 救助对象基本信息 over 姓名 | 性别 | 身份证号 | 家庭住址, 银行信息 over 开户银行 | 户名 | 银行账号
    ws.append(["序号","救助对象基本信息",None,None,None,"银行信息",None,None,"救助金额（元）"])
    ws.append([None,"姓名","性别","身份证号","家庭住址","开户银行","户名","银行账号",None])
    for m in ("A1:A2","B1:E1","F1:H1","I1:I2"): ws.merge_cells(m)
    for k,(n,i) in enumerate(people):
        ws.append([k+1,n,"女" if int(i[16])%2==0 else "男",i,"白沙乡石桥村","道县农商银行白沙支行",n,"6217995"+i[6:18],1500])
d,p,h=xlsx_roll("分组表头银行",group_bank); judge_roll("分组表头银行",d,p,h,STD)

def cert_no_first(ws, wb):
    # the 低保证 number (region, year, sequence: 18 digits, no ID) before the ID column
    ws.append(["低保证编号","户主姓名","身份证件号码(18位)","保障人数","月保障金（元）"])
    for k,(n,i) in enumerate(people): ws.append([f"432921202400{k+1:06d}",n,i,2,900])
d,p,h=xlsx_roll("低保证编号",cert_no_first); judge_roll("低保证编号",d,p,h,STD)

def head_id_only(ws, wb):
    # every member on a row with 与户主关系, 户主姓名 repeated, the ID only on the head's row
    ws.append(["序号","户主姓名","家庭成员姓名","与户主关系","身份证号码","保障金额（元）"])
    ws.append([1,"李芳","李芳","户主",ids["李芳"],900]); ws.append([None,"李芳",STR[0][0],"子",None,None])
    ws.append([2,"孙长林","孙长林","户主",ids["孙长林"],900]); ws.append([None,"孙长林","刘翠兰","妻",None,None])
    ws.append([3,STR[1][0],STR[1][0],"户主",STR[1][1],900]); ws.append([None,STR[1][0],"周建华","女婿",None,None])
d,p,h=xlsx_roll("仅户主有证号",head_id_only)
# 李芳 and 孙长林 confirmed on their own rows (a second, ID-less hit as 户主 of the member row may be
# tolerated if not confirmed); 周建华, a member without ID, may be a lead but never confirmed;
# no stranger may be hit (a head's ID must not be carried down to the member).
judge_roll("仅户主有证号",d,p,h,["李芳","孙长林"],optional=("周建华",),dup_ok=("李芳","孙长林"))

def social_security_no(ws, wb):
    # 城乡居民养老保险: the ID is written as 社会保障号码; 个人编号 is the fund's own number
    ws.append(["序号","个人编号","姓名","性别","社会保障号码","参保类型","待遇领取月份","发放金额（元）"])
    for k,(n,i) in enumerate(people): ws.append([k+1,f"4309210{k+1:05d}",n,"女" if int(i[16])%2==0 else "男",i,"城乡居民养老保险","2024-10",168])
d,p,h=xlsx_roll("社会保障号码",social_security_no,file="县人社局_城乡居民养老保险待遇发放.xlsx"); judge_roll("社会保障号码",d,p,h,STD)

def medical(ws, wb):
    # a 医保 settlement export: 人员编号 and 就诊流水号 are 20-digit numbers; 证件类型 then 证件号码
    ws.append(["序号","人员编号","姓名","证件类型","证件号码","人员类别","就诊流水号","入院日期","出院日期","医疗费用总额","医疗救助支出"])
    for k,(n,i) in enumerate(people):
        ws.append([k+1,f"4300001100000{k+1:07d}",n,"居民身份证（户口簿）",i,"低保对象",f"43292120241005{k+1:06d}","2024-10-05","2024-10-12",8650.4,1730.08])
d,p,h=xlsx_roll("医保结算",medical,file="县医保局_医疗救助.xlsx"); judge_roll("医保结算",d,p,h,STD)

def csv_newline_addr():
    # a GBK CSV whose quoted 家庭住址 holds a line break (typed Alt+Enter before the export)
    d=case_dir("s26_CSV地址换行"); open(f"{d}/kin/k.csv","w").write(KIN)
    import io; b=io.StringIO(); w=csv.writer(b,lineterminator="\r\n")
    w.writerow(["序号","姓名","身份证号码","家庭住址","救助金额"])
    for k,(n,i) in enumerate(people): w.writerow([k+1,n,i,f"白沙乡石桥村\n{k+1}组{10+k}号",1000])
    open(f"{d}/rolls/县民政局_临时救助.csv","wb").write(b.getvalue().encode("gbk"))
    p=run(d); judge_roll("CSV地址换行",d,p,out_hits(d),STD)
csv_newline_addr()

def village_labels(ws, wb):
    # a label row before each village's block, merged across the table, numbering restarting
    ws.append(["序号","姓名","身份证号码","保障人数","金额（元）"])
    ws.append(["一、石桥村"]); ws.merge_cells("A2:E2")
    for k,(n,i) in enumerate([rows[0],STR[0],rows[2]]): ws.append([k+1,n,i,2,900])
    ws.append(["二、高峰村"]); ws.merge_cells("A6:E6")
    for k,(n,i) in enumerate([rows[1],rows[3],STR[1]]): ws.append([k+1,n,i,1,450])
d,p,h=xlsx_roll("村名分隔行",village_labels); judge_roll("村名分隔行",d,p,h,STD)
if V: print("     villages:",[(x["roll_name"],x["village"]) for x in h])

# ethnic names: the register writes the middle dot ·, the roll . • ・ or nothing
EC=("买买提·艾力",chk("65310119750101111"),"县民政局")
ER=[("阿依古丽·买买提",chk("65310119760512102"),"妻子","阿依古丽.买买提"),
    ("艾力江·买买提",chk("65310120010311131"),"儿子","艾力江•买买提"),
    ("吐尔逊·阿不都",chk("65310119500322151"),"父亲","吐尔逊・阿不都"),
    ("古丽娜尔·买买提",chk("65310120040506122"),"女儿","古丽娜尔买买提")]
EKIN="干部姓名,干部身份证号,工作单位,亲属姓名,称谓,亲属身份证号\n"+"".join(f"{EC[0]},{EC[1]},{EC[2]},{n},{r},{i}\n" for n,i,r,_ in ER)
def ethnic(ws, wb):
    ws.append(["序号","姓名","身份证号","金额（元）"])
    for k,(n,i,r,rn) in enumerate(ER): ws.append([k+1,rn,i,500])
    ws.append([5,"热合曼·吐尔逊",chk("65310119600101211"),500])
d,p,h=xlsx_roll("民族名间隔号",ethnic,kin=EKIN)
judge_roll("民族名间隔号",d,p,h,[x[3] for x in ER],tiers=("confirmed","probable"),kin_ids={x[3]:x[1] for x in ER})

def managers(ws, wb):
    # 项目经理 and 总监理工程师, each followed by a plain 身份证号码
    ws.append(["序号","项目名称","施工单位","项目经理","身份证号码","注册建造师证书编号","监理单位","总监理工程师","身份证号码","合同金额（万元）"])
    ws.append([1,"石桥村道路硬化工程","道县白沙建筑有限公司","李芳",ids["李芳"],"湘243181900123","道县正信监理有限公司",STR[0][0],STR[0][1],48.6])
    ws.append([2,"高峰村饮水安全工程","道县宏达水利工程有限公司","周建华",ids["周建华"],"湘243191900456","道县正信监理有限公司",STR[1][0],STR[1][1],32.0])
    ws.append([3,"白沙乡中心小学维修","道县鑫源建设有限公司",STR[2][0],STR[2][1],"湘243201900789","永州市建科监理有限公司","孙长林",ids["孙长林"],21.3])
    ws.append([4,"石桥村产业路","道县通达路桥有限公司",STR[3][0],STR[3][1],"湘243211901011","永州市建科监理有限公司","赵一鸣",ids["赵一鸣"],15.8])
d,p,h=xlsx_roll("项目经理总监",managers,file="县住建局_2024年农村基础设施项目.xlsx"); judge_roll("项目经理总监",d,p,h,STD)

def student_no_only(ws, wb):
    # a 学籍系统 export: 全国学籍号 (G + the student's ID), no ID column; the parent by name only
    ws.append(["学校","年级","班级","学生姓名","性别","全国学籍号","家长姓名","资助项目","资助金额（元）"])
    par=["陈大山","王大海","刘建国","张伟民","李红梅","黄志强"]
    for k,(n,i) in enumerate(people): ws.append(["道县第一中学","高二","3班",n,"女" if int(i[16])%2==0 else "男","G"+i,par[k],"国家助学金",1000])
d,p,h=xlsx_roll("学籍号无证号",student_no_only,file="县教育局_学生资助.xlsx")
judge_roll("学籍号无证号",d,p,h,STD,tiers=("confirmed","probable"))

def poi_inline():
    # an xlsx as Apache POI's SXSSF writes it: every string an inline string, no sharedStrings part
    d=case_dir("s26_内联字符串"); open(f"{d}/kin/k.csv","w").write(KIN)
    def col(k): return "ABCDEFGHIJ"[k]
    def cell(r,k,v):
        if isinstance(v,(int,float)): return f'<c r="{col(k)}{r}" s="0" t="n"><v>{v}</v></c>'
        return f'<c r="{col(k)}{r}" s="0" t="inlineStr"><is><t>{escape(v)}</t></is></c>'
    data=[["序号","姓名","身份证号码","救助金额"]]+[[k+1,n,i,800] for k,(n,i) in enumerate(people)]
    sd="".join(f'<row r="{r+1}">'+"".join(cell(r+1,k,v) for k,v in enumerate(row))+"</row>" for r,row in enumerate(data))
    files={
     "[Content_Types].xml":'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
     "_rels/.rels":'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
     "xl/workbook.xml":'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="false"/><bookViews><workbookView activeTab="0"/></bookViews><sheets><sheet name="救助对象" r:id="rId3" sheetId="1"/></sheets></workbook>',
     "xl/_rels/workbook.xml.rels":'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="styles.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"/><Relationship Id="rId3" Target="worksheets/sheet1.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/></Relationships>',
     "xl/styles.xml":'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="0"/><fonts count="1"><font><sz val="11.0"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="darkGray"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>',
     "xl/worksheets/sheet1.xml":'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0" tabSelected="true"/></sheetViews><sheetFormatPr defaultRowHeight="15.0"/><sheetData>'+sd+'</sheetData><pageMargins bottom="0.75" footer="0.3" header="0.3" left="0.7" right="0.7" top="0.75"/></worksheet>'}
    with zipfile.ZipFile(f"{d}/rolls/县民政局_临时救助.xlsx","w",zipfile.ZIP_DEFLATED) as z:
        for k,v in files.items(): z.writestr(k,v)
    p=run(d); judge_roll("内联字符串",d,p,out_hits(d),STD)
poi_inline()

def forms(ws, wb):
    # one 临时救助审批表 per applicant, a sheet each (审批表1 …), nothing but the form
    wb.remove(ws)
    for k,(n,i) in enumerate(people):
        s=wb.create_sheet(f"审批表{k+1}")
        s.append(["道县临时救助审批表"]); s.merge_cells("A1:F1")
        s.append(["申请人姓名",n,"性别","女" if int(i[16])%2==0 else "男","出生年月",f"{i[6:10]}.{i[10:12]}"])
        s.append(["身份证号码",i,None,None,"联系电话",f"1380746{k:04d}"]); s.merge_cells("B3:D3")
        s.append(["家庭住址","道县白沙乡石桥村3组",None,None,None,None]); s.merge_cells("B4:F4")
        s.append(["家庭人口",3,"月人均收入（元）",420,"救助类别","急难型"])
        s.append(["申请理由","因病住院，医疗费用支出较大，家庭基本生活出现困难。",None,None,None,None]); s.merge_cells("B6:F6")
        s.append(["村（居）委会意见","情况属实，同意上报。",None,None,None,None]); s.merge_cells("B7:F7")
        s.append(["乡镇人民政府审核意见","经核查，情况属实，拟给予临时救助。",None,None,None,None]); s.merge_cells("B8:F8")
        s.append(["县民政局审批意见","同意救助。",None,None,None,None]); s.merge_cells("B9:F9")
        s.append(["救助金额（元）",2000,"审批日期","2024年10月20日",None,None])
d,p,h=xlsx_roll("审批表一人一页",forms); judge_roll("审批表一人一页",d,p,h,STD)

# ---------------------------------------------------------------- registers
# extra relatives (sexes fit the relations: the 17th digit is odd for men, even for women)
X={"赵小雨":chk("43292120050815122"),"王婷":chk("43292120020918224"),"赵子轩":chk("43292120220405113"),
   "刘洋":chk("43292119980707135"),"赵德明":chk("43292119480303117"),"王秀英":chk("43292119520607162"),
   "刘桂兰":chk("43292119530809148")}
ALL=dict(ids); ALL.update(X)
def reg26(name, build, want):
    # want: (relative name, cadre index, relation code); the roll (a 县民政局 低保 CSV) lists each of
    # them and two strangers; OK when each is hit once, confirmed, on the right cadre with that
    # relation and the cadre's own unit, and the run exits 0
    d=case_dir(f"s26r_{name}")
    roll="乡镇,村,户主姓名,身份证号码,金额\n"+"".join(f"白沙乡,石桥村,{n},{ALL[n]},100\n" for n,_,_ in want)+"".join(f"白沙乡,石桥村,{n},{i},100\n" for n,i in STR[:2])
    open(f"{d}/rolls/县民政局_低保.csv","w").write(roll)
    build(d); p=run(d); hits=out_hits(d)
    w={n:(c,r) for n,c,r in want}; why=[]
    names=[h["roll_name"] for h in hits]
    for n in w:
        if names.count(n)!=1: why.append(f"{n} hit {names.count(n)} times")
    for h in hits:
        n=h["roll_name"]
        if n not in w: why.append(f"unexpected {n}"); continue
        c,r=w[n]
        if h["cadre_name"]!=C[c][0]: why.append(f"{n}: cadre {h['cadre_name']!r}")
        if h["relation"]!=r: why.append(f"{n}: relation {h['relation']} ({h['relation_term']}) want {r}")
        if C[c][2] not in h["cadre_unit"]: why.append(f"{n}: cadre_unit {h['cadre_unit']!r}")
        if h["tier"]!="confirmed": why.append(f"{n}: {h['tier']}")
    if p.returncode!=0: why.append(f"exit {p.returncode}")
    show("reg ", name, d, p, hits, len(want), not why, "; ".join(why))
STDW=[(n,c,REL[r]) for n,i,c,r in R]

def family_table(d):
    # 家庭成员及主要社会关系: 称谓 长子 / 次女 / 儿媳 / 女婿 / 孙子; the relatives' 工作单位及职务 name other units
    wb=openpyxl.Workbook(); ws=wb.active
    ws.append(["干部家庭成员及主要社会关系登记表"]); ws.merge_cells("A1:J1")
    ws.append(["序号","干部姓名","干部身份证号","工作单位","称谓","姓名","出生年月","政治面貌","工作单位及职务","身份证号码"])
    fam=[(0,"妻子","李芳","群众","县财政局会计"),(0,"长子","赵一鸣","共青团员","湖南农业大学学生"),(0,"次女","赵小雨","共青团员","道县第一中学学生"),
         (0,"儿媳","王婷","群众","县人民医院护士"),(0,"孙子","赵子轩","无","无"),(1,"丈夫","周建华","中共党员","县教育局白沙中心学校教师"),
         (1,"女婿","刘洋","群众","个体经营"),(2,"父亲","孙长林","中共党员","退休")]
    for k,(c,r,n,pol,w) in enumerate(fam):
        i=ALL[n]; ws.append([k+1,C[c][0],C[c][1],C[c][2],r,n,f"{i[6:10]}.{i[10:12]}",pol,w,i])
    wb.save(f"{d}/kin/家庭成员.xlsx")
reg26("家庭成员主要社会关系",family_table,[("李芳",0,"spouse"),("赵一鸣",0,"child"),("赵小雨",0,"child"),("王婷",0,"child_in_law"),
       ("赵子轩",0,"grandchild"),("周建华",1,"spouse"),("刘洋",1,"child_in_law"),("孙长林",2,"parent")])

def stacked(d):
    # a sheet per cadre (sheets 1, 2, 3): the cadre's own little table, a blank row, 家庭成员信息,
    # then the relatives' table
    wb=openpyxl.Workbook(); wb.remove(wb.active)
    for c,(cn,ci,u) in enumerate(C):
        ws=wb.create_sheet(str(c+1))
        ws.append(["干部亲属信息登记表"]); ws.merge_cells("A1:E1")
        ws.append(["姓名","身份证号码","工作单位","职务","联系电话"])
        ws.append([cn,ci,u,"科员",f"1397460{c:04d}"])
        ws.append([])
        ws.append(["家庭成员信息"]); ws.merge_cells("A5:E5")
        ws.append(["称谓","姓名","身份证号码","工作单位及职务","现居住地"])
        for n,i,cc,r in R:
            if cc==c: ws.append([r,n,i,"无","道县白沙乡石桥村"])
    wb.save(f"{d}/kin/干部亲属.xlsx")
reg26("干部表叠在亲属表上",stacked,STDW)

def semicolon_gbk(d):
    # a GBK CSV with ; between fields, a title line padded with ;, CRLF
    lines=["县直单位干部亲属信息登记表;;;;;","干部姓名;干部身份证号;工作单位;亲属姓名;称谓;亲属身份证号"]
    lines+=[f"{C[c][0]};{C[c][1]};{C[c][2]};{n};{r};{i}" for n,i,c,r in R]
    open(f"{d}/kin/登记表.csv","wb").write(("\r\n".join(lines)+"\r\n").encode("gbk"))
reg26("分号GBK带标题",semicolon_gbk,STDW)

def merged_relation(d):
    # the cadre's cells merged over his block; 子女 and 父母 each merged down over two relatives
    wb=openpyxl.Workbook(); ws=wb.active
    ws.append(["干部姓名","身份证号","工作单位","与干部关系","亲属姓名","亲属身份证号"])
    blocks=[(0,[("配偶","李芳"),("子女","赵一鸣"),(None,"赵小雨"),("父母","赵德明"),(None,"王秀英")]),
            (1,[("配偶","周建华")]),(2,[("父母","孙长林"),(None,"刘桂兰")])]
    for c,mem in blocks:
        top=ws.max_row+1
        for k,(r,n) in enumerate(mem):
            ws.append([C[c][0] if k==0 else None,C[c][1] if k==0 else None,C[c][2] if k==0 else None,r,n,ALL[n]])
        bot=ws.max_row
        if bot>top:
            for col in "ABC": ws.merge_cells(f"{col}{top}:{col}{bot}")
        for k,(r,n) in enumerate(mem):
            if r and k+1<len(mem) and mem[k+1][0] is None: ws.merge_cells(f"D{top+k}:D{top+k+1}")
    wb.save(f"{d}/kin/登记.xlsx")
reg26("称谓合并两人",merged_relation,[("李芳",0,"spouse"),("赵一鸣",0,"child"),("赵小雨",0,"child"),("赵德明",0,"parent"),("王秀英",0,"parent"),
       ("周建华",1,"spouse"),("孙长林",2,"parent"),("刘桂兰",2,"parent")])

def joined_by_id(d):
    # officials on one sheet; relatives on another tied to them by 干部公民身份号码 alone
    wb=openpyxl.Workbook(); ws=wb.active; ws.title="干部基本信息"
    ws.append(["序号","姓名","公民身份号码","单位","职务"])
    for c,(cn,ci,u) in enumerate(C): ws.append([c+1,cn,ci,u,"科员"])
    ws2=wb.create_sheet("亲属信息")
    ws2.append(["序号","干部公民身份号码","亲属姓名","与干部关系","亲属公民身份号码","工作单位"])
    for k,(n,i,c,r) in enumerate(R): ws2.append([k+1,C[c][1],n,r,i,"无"])
    wb.save(f"{d}/kin/干部亲属信息.xlsx")
reg26("亲属按干部证号关联",joined_by_id,STDW)

def hint_row(d):
    # the template's 填写说明 row under the header
    wb=openpyxl.Workbook(); ws=wb.active
    ws.append(["干部姓名","干部身份证号","工作单位","亲属姓名","称谓","亲属身份证号"])
    ws.append(["（填写全名）","（18位，末位X大写）","（填写单位全称）","（填写全名）","（妻子、丈夫、儿子、女儿、父亲、母亲等）","（18位，无则填“无”）"])
    for n,i,c,r in R: ws.append([C[c][0],C[c][1],C[c][2],n,r,i])
    wb.save(f"{d}/kin/登记.xlsx")
reg26("表头下填写说明行",hint_row,STDW)

def self_rows_units(d):
    # 本人 first in each block; the relatives' 工作单位及职务 name other county units
    # (钱秀梅's husband teaches for 县教育局, 孙国强's unit; 赵一鸣 works for 白沙乡人民政府, 钱秀梅's)
    wb=openpyxl.Workbook(); ws=wb.active
    ws.append(["序号","称谓","姓名","身份证号","工作单位及职务","联系电话"])
    work={"李芳":"县财政局会计","周建华":"县教育局白沙中心学校教师","赵一鸣":"白沙乡人民政府科员","孙长林":"县教育局退休干部"}
    for c,(cn,ci,u) in enumerate(C):
        ws.append([1,"本人",cn,ci,u+"股长",f"1397460{c:04d}"])
        k=2
        for n,i,cc,r in R:
            if cc==c: ws.append([k,r,n,i,work[n],None]); k+=1
    wb.save(f"{d}/kin/登记.xlsx")
reg26("本人行亲属有单位",self_rows_units,STDW)

def self_rows_units_blank(d):
    # the commonest form of the same: 本人 first, 工作单位及职务 filled for the official only
    wb=openpyxl.Workbook(); ws=wb.active
    ws.append(["序号","称谓","姓名","身份证号","工作单位及职务"])
    for c,(cn,ci,u) in enumerate(C):
        ws.append([1,"本人",cn,ci,u+"科员"])
        k=2
        for n,i,cc,r in R:
            if cc==c: ws.append([k,r,n,i,None]); k+=1
    wb.save(f"{d}/kin/登记.xlsx")
reg26("本人行单位及职务",self_rows_units_blank,STDW)
