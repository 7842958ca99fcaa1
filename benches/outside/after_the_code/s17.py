# Session 11: registry exports written after the code: IDs masked as the public-information
# system shows them, shareholders listed in one cell, the legal representative with his ID
# in brackets, officers across the row. OK when the findings file has the expected rows.
import sys, os
sys.path.insert(0, os.path.dirname(__file__))
import ent  # noqa: E402  (its own cases run first; ent.run is reused)
from ent import run, wife, son, chk
def mask(i): return i[:6]+"********"+i[14:]
print("--- s17 ---")
run("法人证号脱敏", [("Sheet1",[["统一社会信用代码","企业名称","法定代表人","证件号码","住所","经营范围","登记状态"],
    ["91432921MA4L000011","云溪县丽达建材有限公司",wife[0],mask(wife[1]),"云溪县白沙乡石桥村","建材销售","存续"],
    ["91432921MA4L000012","云溪县某某商贸有限公司",wife[0],mask(chk("43292119800101202")),"云溪县白沙乡","日用品","存续"]])], "--registry", "enterprise_findings.csv", 1)
run("股东同格", [("Sheet1",[["统一社会信用代码","企业名称","法定代表人","法定代表人身份证号","股东（出资比例）","住所","经营范围"],
    ["91432921MA4L000021","云溪县宏达建筑工程有限公司","王五",chk("43292119600101123"),f"王五(60%)、{son[0]}(40%)","云溪县","建筑工程"]]),
    ("股东信息",[["统一社会信用代码","股东名称","证件号码","出资比例"],["91432921MA4L000021",son[0],son[1],"40%"]])], "--registry", "enterprise_findings.csv", 1)
run("法人括号证号", [("Sheet1",[["统一社会信用代码","企业名称","法定代表人（身份证号）","住所","经营范围"],
    ["91432921MA4L000031","云溪县丽达建材有限公司",f"{wife[0]}（{wife[1]}）","云溪县白沙乡","建材销售"]])], "--registry", "enterprise_findings.csv", 1)
