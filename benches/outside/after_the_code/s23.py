# Session 12, sixth round written after the code: relevance (涉权) when the roll's unit is
# written short and the official's unit in full, for units the earlier probes did not name.
import sys, os
sys.path.insert(0, os.path.dirname(__file__))
from common import *
PAIRS=[("县卫生健康委员会","卫健委"),("县发展和改革委员会","发改委"),("县市场监督管理局","市监局"),
       ("县自然资源和规划局","自然资源局"),("县应急管理局","应急局"),("县退役军人事务局","退役军人局"),
       ("县文化和旅游局","文旅局"),("县交通运输局","交通局"),("县城市管理综合执法局","城管局"),
       ("县残疾人联合会","残联"),("县乡村振兴局","乡村振兴局"),("县林业局","林业局"),("县医疗保障局","医保局"),
       ("县人力资源和社会保障局","人社局"),("县住房和城乡建设局","住建局"),("县教育和体育局","教体局")]
for full, short in PAIRS:
    kin="干部姓名,干部身份证号,工作单位,亲属姓名,称谓,亲属身份证号\n"+f"{C[0][0]},{C[0][1]},{full},{R[0][0]},妻子,{R[0][1]}\n"
    d=case_dir(f"s23_{short}"); open(f"{d}/kin/k.csv","w").write(kin)
    open(f"{d}/rolls/{short}_补助.csv","w").write("姓名,身份证号,金额\n"+f"{R[0][0]},{R[0][1]},300\n")
    p=run(d); hits=out_hits(d)
    ok=len(hits)==1 and hits[0]["relevance"]=="same_unit"
    print(("OK  " if ok else "BAD ")+f"{full} / {short}: "+",".join(h["relevance"]+"|"+h["approving_unit"] for h in hits))
