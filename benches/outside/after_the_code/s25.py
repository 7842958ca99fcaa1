# Session 25, written after the code by an outside tester: roll and register layouts as county
# offices lay them out, none probed before (s10–s24): a three-row grouped header, households over
# unmerged rows with 户主 on the first only, members one per line inside a cell, records over two
# merged rows, subtotals between villages, two sections with their own headers on one sheet,
# decorated headers, 委托代理人, a hidden full-ID column behind masked IDs, 15-digit old IDs, IDs
# with a literal apostrophe, 代领人 in the notes or in columns, amount and account before the name;
# registers: the real 干部任免审批表 (年龄, no IDs), relatives listed before the 本人 row, the unit
# only in each sheet's title, cadre-system field codes (A0101 / A3601), a 个人有关事项报告表 with a
# section per relation, wide registers with several children in one cell.
import sys, os, openpyxl
from openpyxl.styles import Alignment
sys.path.insert(0, os.path.dirname(__file__))
from common import *
rows=[(n,i) for n,i,_,_ in R]
ids={n:i for n,i,_,_ in R}
def any_tier(hits): return True
def tiers(*t): return lambda hits: all(h["tier"] in t for h in hits)

# ---------------------------------------------------------------- rolls
def three_row_header(ws):
    # 基本信息 over 申请人 / 共同生活家庭成员, over 姓名 | 身份证号 …; 补助情况 over two columns merged down
    ws.append(["序号","基本信息",None,None,None,None,"补助情况",None])
    ws.append([None,"申请人",None,"共同生活家庭成员",None,None,"月补助标准（元）","发放金额（元）"])
    ws.append([None,"姓名","身份证号","姓名","与申请人关系","身份证号",None,None])
    for m in ("A1:A3","B1:F1","G1:H1","B2:C2","D2:F2","G2:G3","H2:H3"): ws.merge_cells(m)
    ws.append([1,"李芳",ids["李芳"],"赵一鸣","子",ids["赵一鸣"],450,900])
    ws.append([2,STR[0][0],STR[0][1],"周建华","配偶",ids["周建华"],450,900])
    ws.append([3,"孙长林",ids["孙长林"],None,None,None,450,450])
    ws.append([4,STR[1][0],STR[1][1],STR[2][0],"配偶",STR[2][1],450,900])
def household_rows(ws):
    # one household over several rows, nothing merged: 户主 and 保障人口 only on its first row,
    # every member (the head too) on its own row with 与户主关系
    ws.append(["序号","户主姓名","家庭成员姓名","与户主关系","身份证号码","保障人口","月保障金（元）"])
    ws.append([1,STR[0][0],STR[0][0],"户主",STR[0][1],3,1350])
    ws.append([None,None,"李芳","配偶",ids["李芳"],None,None])
    ws.append([None,None,"赵一鸣","子",ids["赵一鸣"],None,None])
    ws.append([2,"周建华","周建华","户主",ids["周建华"],2,900])
    ws.append([None,None,"孙长林","岳父",ids["孙长林"],None,None])
    ws.append([3,STR[1][0],STR[1][0],"户主",STR[1][1],1,450])
def lines_in_cell(ws):
    # members typed one per line (Alt+Enter) in one cell, their IDs one per line in the next
    ws.append(["序号","户主姓名","户主身份证号","家庭成员姓名","家庭成员身份证号","保障金额"])
    ws.append([1,STR[0][0],STR[0][1],"李芳\n赵一鸣",ids["李芳"]+"\n"+ids["赵一鸣"],1350])
    ws.append([2,STR[1][0],STR[1][1],"周建华\n孙长林",ids["周建华"]+"\n"+ids["孙长林"],1350])
    for r in (2,3):
        for c in (4,5): ws.cell(r,c).alignment=Alignment(wrap_text=True)
def two_rows_per_record(ws):
    # a sign-off sheet: each person over two rows, every cell merged down (room for the signature)
    ws.append(["2024年第三季度高龄津贴发放签领表"]); ws.merge_cells("A1:F1")
    ws.append(["序号","村","姓名","身份证号码","金额（元）","领款人签字"])
    r=3
    for k,(n,i) in enumerate(rows+STR[:2]):
        ws.append([k+1,"石桥村",n,i,300,None]); ws.append([None]*6)
        for col in "ABCDEF": ws.merge_cells(f"{col}{r}:{col}{r+1}")
        r+=2
def subtotals(ws):
    # village by village with a 小计 row after each, 合计 at the end
    ws.append(["村（社区）","序号","姓名","身份证号码","补贴金额"])
    ws.append(["石桥村",1,"李芳",ids["李芳"],200]); ws.append(["石桥村",2,STR[0][0],STR[0][1],200])
    ws.append(["石桥村小计",None,"2人",None,400])
    ws.append(["高峰村",1,"周建华",ids["周建华"],200]); ws.append(["高峰村",2,"赵一鸣",ids["赵一鸣"],200]); ws.append(["高峰村",3,"孙长林",ids["孙长林"],200])
    ws.append(["高峰村小计",None,"3人",None,600])
    ws.append(["合计",None,"5人",None,1000])
def two_sections(ws):
    # two programs on one sheet, each with its own title line and its own header
    ws.append(["一、农村最低生活保障对象"])
    ws.append(["序号","姓名","身份证号","保障人数","月保障金"])
    ws.append([1,"李芳",ids["李芳"],2,900]); ws.append([2,"周建华",ids["周建华"],1,450]); ws.append([3,STR[0][0],STR[0][1],3,1350])
    ws.append([])
    ws.append(["二、特困人员救助供养对象"])
    ws.append(["序号","村","供养对象姓名","公民身份号码","供养方式","基本生活费"])
    ws.append([1,"石桥村","赵一鸣",ids["赵一鸣"],"分散供养",650]); ws.append([2,"石桥村","孙长林",ids["孙长林"],"集中供养",650])
def decorated(ws):
    # a template's decorated headers; a birth date and a phone number beside the ID
    ws.append(["序号","★姓名","性别(男/女)","出生日期（格式：19900101）","★身份证号码（必填，18位）","联系电话（11位）","※补助金额（元）"])
    for k,(n,i) in enumerate(rows): ws.append([k+1,n,"女" if int(i[16])%2==0 else "男",int(i[6:14]),i,13807460000+k,500])
def agents(ws):
    # a project roll: the bid winner's legal representative and its authorised agent, each with an ID
    ws.append(["序号","项目名称","中标单位","法定代表人","法定代表人身份证号","委托代理人","委托代理人身份证号","中标金额（万元）"])
    ws.append([1,"石桥村道路硬化工程","道县白沙建筑有限公司","李芳",ids["李芳"],STR[0][0],STR[0][1],48.6])
    ws.append([2,"高峰村饮水安全工程","道县宏达水利工程有限公司",STR[1][0],STR[1][1],"周建华",ids["周建华"],32.0])
    ws.append([3,"白沙乡中心小学维修","道县鑫源建设有限公司","孙长林",ids["孙长林"],STR[2][0],STR[2][1],21.3])
    ws.append([4,"石桥村产业路","道县通达路桥有限公司",STR[3][0],STR[3][1],"赵一鸣",ids["赵一鸣"],15.8])
def hidden_full(ws):
    # a 公示 copy: the visible column shows masked IDs, the full IDs stay in a hidden column
    ws.append(["序号","姓名","身份证号码","公示身份证号","金额"])
    for k,(n,i) in enumerate(rows): ws.append([k+1,n,i,i[:6]+"********"+i[14:],300])
    ws.column_dimensions["C"].hidden=True
def old_ids(ws):
    # a 五保 roll kept since the 1990s: the elder and the wife still with 15-digit IDs
    def old(i): return i[:6]+i[8:17]
    ws.append(["序号","姓名","身份证号码","供养标准","金额"])
    for k,(n,i) in enumerate(rows): ws.append([k+1,n,old(i) if n in ("孙长林","李芳") else i,"分散",650])
def apostrophes(ws):
    # IDs pasted from a system export: a literal apostrophe kept in some cells
    ws.append(["姓名","身份证号码","金额"])
    for k,(n,i) in enumerate(rows): ws.append([n,("'"+i) if k%2==0 else i,300])
def notes_with_agents(ws):
    # the beneficiaries are the relatives; 备注 names who collected for them with that person's ID
    ws.append(["序号","姓名","身份证号","金额","备注"])
    for k,(n,i) in enumerate(rows): ws.append([k+1,n,i,800,f"代领人：{STR[k][0]}，身份证号{STR[k][1]}，因病住院"])
def agent_columns(ws):
    # the beneficiaries are strangers; the relatives collected the money for them (代领人 columns)
    ws.append(["序号","救助对象姓名","救助对象身份证号","救助金额","代领人姓名","代领人身份证号","与救助对象关系"])
    for k,((n,i),(sn,si)) in enumerate(zip(rows,STR)): ws.append([k+1,sn,si,1000,n,i,"亲戚"])
def amount_first(ws):
    # a bank's return file: amount, card, ID, holder name, branch
    ws.append(["发放金额","卡号","证件号码","户名","开户网点"])
    for k,(n,i) in enumerate(rows): ws.append([300,"6217995"+i[6:18],i,n,"道县农商行白沙支行"])
for nm,b,kw in [("三行表头",three_row_header,{}),("户成员不合并",household_rows,{}),("格内换行成员",lines_in_cell,{}),
                ("两行一人合并",two_rows_per_record,{}),("村小计",subtotals,{}),("一表两段",two_sections,{}),
                ("表头装饰",decorated,{}),("委托代理人",agents,{}),("隐藏全号列",hidden_full,{}),
                ("十五位旧证",old_ids,{"ok_if":tiers("confirmed","probable")}),("撇号证号",apostrophes,{}),
                ("备注代领人",notes_with_agents,{}),("代领人列",agent_columns,{"ok_if":any_tier}),("金额在前",amount_first,{})]:
    roll_case("s25",nm,lambda ws,wb,b=b: b(ws),**kw)

# ---------------------------------------------------------------- registers
def renmian(d):
    # the 2015 干部任免审批表, a sheet per cadre: no ID anywhere, 出生年月（岁）, 现任职务 holding the unit,
    # 家庭主要成员及重要社会关系 as a label merged down column A, the table giving 年龄, not birth months
    wb=openpyxl.Workbook(); wb.remove(wb.active)
    extra={0:[("母亲","王桂英",74,"群众","道县白沙乡石桥村村民")],1:[("女儿","周婷",22,"共青团员","湖南师范大学学生")],2:[("妻子","刘敏",47,"中共党员","县人民医院护士")]}
    for c,(cn,ci,u) in enumerate(C):
        ws=wb.create_sheet(cn)
        ws.append(["干部任免审批表"]); ws.merge_cells("A1:G1")
        ws.append(["姓名",cn,"性别","男" if int(ci[16])%2 else "女","出生年月\n（岁）",f"{ci[6:10]}.{ci[10:12]}\n（{2024-int(ci[6:10])}岁）","（照片）"])
        ws.append(["民族","汉族","籍贯","湖南道县","出生地","湖南道县",None])
        ws.append(["入党时间","1998.06","参加工作时间","1996.07","健康状况","健康",None])
        ws.append(["现任职务",u+("局长" if "局" in u else "党委副书记"),None,None,None,None,None]); ws.merge_cells("B5:G5")
        ws.append(["拟任职务",u+"四级调研员",None,None,None,None,None]); ws.merge_cells("B6:G6")
        ws.append(["简历","1996.07--2005.03  道县白沙乡人民政府干部\n2005.03--  "+u+"工作",None,None,None,None,None]); ws.merge_cells("B7:G7")
        start=ws.max_row+1
        ws.append(["家庭主要成员及重要社会关系","称谓","姓名","年龄","政治面貌","工作单位及职务",None])
        mem=[(r,n,2024-int(i[6:10]),"群众","道县白沙乡石桥村村民") for n,i,cc,r in R if cc==c]+extra[c]
        for m in mem+[(None,)*5]*(6-len(mem)): ws.append([None,*m,None])
        for r in range(start,ws.max_row+1): ws.merge_cells(f"F{r}:G{r}")
        ws.merge_cells(f"A{start}:A{ws.max_row}")
        ws.append(["呈报单位","中共道县县委组织部",None,None,None,None,None])
    wb.save(f"{d}/kin/任免审批表.xlsx")
def relatives_then_self(d):
    # each family listed father, spouse, children, then 本人 last; a blank row between families;
    # the relation column says 家庭关系
    wb=openpyxl.Workbook(); ws=wb.active
    ws.append(["2024年度干部家庭成员信息登记表"]); ws.merge_cells("A1:E1")
    ws.append(["序号","姓名","家庭关系","身份证号","工作单位及职务"])
    k=1
    for c,(cn,ci,u) in enumerate(C):
        for n,i,cc,r in R:
            if cc==c: ws.append([k,n,r,i,"道县白沙乡石桥村村民"]); k+=1
        ws.append([k,cn,"本人",ci,u+"科员"]); k+=1
        ws.append([])
    wb.save(f"{d}/kin/登记.xlsx")
def unit_in_title(d):
    # one sheet per unit (sheets left as Sheet1 …), the unit only in the title; cadres' columns without 单位
    wb=openpyxl.Workbook(); wb.remove(wb.active)
    for c,(cn,ci,u) in enumerate(C):
        ws=wb.create_sheet(f"Sheet{c+1}")
        ws.append([f"{u}干部职工近亲属信息登记表"]); ws.merge_cells("A1:G1")
        ws.append(["填表日期：2024年10月28日"])
        ws.append(["序号","干部姓名","干部身份证号","职务","亲属姓名","称谓","亲属身份证号"])
        k=1
        for n,i,cc,r in R:
            if cc==c: ws.append([k,cn,ci,"科员",n,r,i]); k+=1
    wb.save(f"{d}/kin/县直单位.xlsx")
def zzb_codes(d):
    # an export from the cadre-information system: headers are its item codes (A01 person, A36 family)
    lines=["A0101,A0184,A0192A,A3604A,A3601,A3684,A3611"]
    for n,i,c,r in R: lines.append(f"{C[c][0]},{C[c][1]},{C[c][2]}科员,{r},{n},{i},道县白沙乡石桥村村民")
    open(f"{d}/kin/A01_A36.csv","w",encoding="utf-8").write("\n".join(lines)+"\n")
def matters_report(d):
    # a 领导干部个人有关事项报告表 per cadre: 配偶 / 子女 / 父母 sections, each with its own header;
    # the spouse's section has no relation column
    wb=openpyxl.Workbook(); wb.remove(wb.active)
    for c,(cn,ci,u) in enumerate(C):
        ws=wb.create_sheet(cn)
        ws.append(["领导干部个人有关事项报告表"]); ws.merge_cells("A1:H1")
        ws.append(["姓名",cn,"身份证号",ci,"工作单位",u,"现任职务","局长"])
        mine=[(n,i,r) for n,i,cc,r in R if cc==c]
        ws.append(["一、本人婚姻情况及配偶情况"])
        ws.append(["姓名","国籍","身份证件号码","工作单位","职务"])
        sp=[x for x in mine if x[2] in ("妻子","丈夫")]
        ws.append([sp[0][0],"中国",sp[0][1],"道县白沙乡石桥村","无"] if sp else ["无"])
        ws.append(["二、子女及其配偶情况"])
        ws.append(["姓名","与本人关系","身份证件号码","工作（学习）单位","职务"])
        ch=[x for x in mine if x[2]=="儿子"]
        for n,i,r in ch: ws.append([n,r,i,"湖南农业大学","学生"])
        if not ch: ws.append(["无"])
        ws.append(["三、父母情况"])
        ws.append(["姓名","称谓","身份证件号码","现住址"])
        pa=[x for x in mine if x[2]=="父亲"]
        for n,i,r in pa: ws.append([n,r,i,"道县白沙乡石桥村"])
        if not pa: ws.append(["无"])
        ws.append([]); ws.append(["本人承诺：以上所报告内容真实、完整。","","","","报告人签字：",None,"2024年10月"])
    wb.save(f"{d}/kin/个人有关事项.xlsx")
def children_in_one_cell(d):
    # a wide register, several children (and both parents) one per line in one cell, IDs likewise
    wb=openpyxl.Workbook(); ws=wb.active
    ws.append(["单位","姓名","身份证号","配偶姓名","配偶身份证号","子女姓名","子女身份证号","父母姓名","父母身份证号"])
    other={"赵小雨":chk("43292120050815112"),"王秀英":chk("43292119520607152")}
    ws.append([C[0][2],C[0][0],C[0][1],"李芳",ids["李芳"],"赵一鸣\n赵小雨",ids["赵一鸣"]+"\n"+other["赵小雨"],None,None])
    ws.append([C[1][2],C[1][0],C[1][1],"周建华",ids["周建华"],None,None,None,None])
    ws.append([C[2][2],C[2][0],C[2][1],None,None,None,None,"孙长林\n王秀英",ids["孙长林"]+"\n"+other["王秀英"]])
    wb.save(f"{d}/kin/登记.xlsx")
REL={"妻子":"spouse","丈夫":"spouse","儿子":"child","父亲":"parent"}
def reg25(name, build, unit=True):
    # like reg_case, and each hit carries the relative's relation (spouse / child / parent) and,
    # where the register states it, the cadre's unit (县民政局 …), so relevance can be judged
    d=case_dir(f"s25r_{name}"); open(f"{d}/rolls/县民政局_低保.csv","w").write(ROLL)
    build(d); p=run(d); hits=out_hits(d)
    want={n:(c,r) for n,i,c,r in R}
    rel_ok=all(h["relation"]==REL[want[h["roll_name"]][1]] for h in hits if h["roll_name"] in want)
    unit_ok=not unit or all(C[want[h["roll_name"]][0]][2] in h["cadre_unit"] for h in hits if h["roll_name"] in want)
    ok=len(hits)==4 and right_cadres(hits) and rel_ok and unit_ok
    report("reg ", name, d, p, hits, 4, ok)
    if hits and not (rel_ok and unit_ok): print("     cadre/unit/relation:", [(h["roll_name"],h["cadre_name"],h["cadre_unit"],h["relation"],h["relevance"]) for h in hits])
    return hits
for nm,b,u in [("关系在本人前",relatives_then_self,True),("组工系统代码",zzb_codes,True),("事项报告分段",matters_report,True),
               ("子女一格多行",children_in_one_cell,True),("标题写单位",unit_in_title,True)]:
    reg25(nm,b,u)
# 任免审批表 without IDs: the pairs rest on name, age and place: each relative found, not confirmed;
# the unit is in 现任职务 (县民政局局长)
hits=reg25("任免表年龄无证号",renmian)
if hits and not all(h["tier"] in ("probable","possible") for h in hits): print("     BAD: a pair without IDs confirmed")
