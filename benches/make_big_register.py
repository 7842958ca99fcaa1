#!/usr/bin/env python3
"""Write a synthetic long-form kinship register of N relatives as CSV (UTF-8),
for the pre-disbursement benchmark (a snapshot of 2,000,000 relatives).
Invented names, fictional region codes (5199xx), valid check digits.
    python3 benches/make_big_register.py 2000000 > /tmp/big_register.csv
"""
import random, sys

W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
def idn(first17):
    r = sum((ord(c) - 48) * w for c, w in zip(first17, W)) % 11
    return first17 + "10X98765432"[r]

def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2_000_000
    rnd = random.Random(2026)
    sur = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文"
    giv = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅鹏飞斌宇浩凯健俊帆帅旭宁婷雪琳晶欣怡佳慧颖"
    towns = ["万谷乡", "青石镇", "龙潭镇", "桃源乡", "白马镇", "新华街道", "石桥乡", "柳林镇"]
    rels = ["配偶", "父亲", "母亲", "岳父", "岳母", "儿子", "女儿", "哥哥"]
    out = sys.stdout
    out.write("干部姓名,干部身份证号,工作单位,职务,亲属姓名,称谓,亲属身份证号,现居住地址或工作单位\n")
    name = lambda: rnd.choice(sur) + "".join(rnd.choice(giv) for _ in range(rnd.choice((1, 2))))
    def pid(year):
        return idn("5199%02d%04d%02d%02d%03d" % (rnd.randrange(1, 99), year, rnd.randrange(1, 13), rnd.randrange(1, 29), rnd.randrange(0, 1000)))
    i = 0
    while i < n:
        cy = rnd.randrange(1960, 1995)
        cn, ci = name(), pid(cy)
        unit = rnd.choice(towns) + "人民政府"
        for r in rels:
            if i >= n:
                break
            y = cy + {"配偶": 0, "父亲": -28, "母亲": -26, "岳父": -28, "岳母": -26, "儿子": 26, "女儿": 27, "哥哥": -3}[r]
            t = rnd.choice(towns)
            out.write(f"{cn},{ci},{unit},科员,{name()},{r},{pid(min(max(y, 1920), 2020))},{t}某村{rnd.randrange(1, 9)}组\n")
            i += 1

main()
