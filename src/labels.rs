//! Every word a county user reads that the code makes up: the Chinese labels
//! of the machine codes (skip reasons, ID status, roles, relations …) and the
//! messages printed on screen by the commands. One table, so that a wording is
//! changed in one place and nothing on screen is left in English by accident.
//!
//! Workbooks are always Chinese. The screen is Chinese unless `--lang en`
//! ([`set_lang`]); machine-readable output (`--json`, `hits.csv`, the
//! manifest) keeps its English codes.

use std::sync::atomic::{AtomicBool, Ordering};

static ENGLISH: AtomicBool = AtomicBool::new(false);

/// The language of the screen messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

pub fn set_lang(l: Lang) {
    ENGLISH.store(l == Lang::En, Ordering::Relaxed);
}

pub fn lang() -> Lang {
    if ENGLISH.load(Ordering::Relaxed) { Lang::En } else { Lang::Zh }
}

/// `zh` or `en` by the screen language.
fn pick(zh: String, en: String) -> String {
    match lang() {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

// ---------------------------------------------------------------- codes → 中文

/// A skipped row's reason (`SheetReport::skipped` keys).
pub fn skip(k: &str) -> &str {
    match k {
        "blank" => "空行",
        "header" => "重复表头",
        "total" => "合计行",
        "footer" => "表尾",
        "form" => "表单行（姓名：…）",
        o => o,
    }
}

/// Why a data row gave no usable person (`SheetReport::unusable` keys).
pub fn unusable(k: &str) -> &str {
    match k {
        "no_person" => "无人员",
        "place_label" => "村（乡镇）名分隔行（用作其下各行的村、乡镇）",
        "no_cadre" => "无法对应干部",
        "no_enterprise" => "无企业名称或统一社会信用代码",
        "nothing_declared" => "申报为“无”（未经商办企业）",
        "no_name_and_unreadable_id" => "无姓名且身份证号不可读",
        "other_input" => "另一种比对的名单（死亡、车辆、财政供养、企业登记或社团兼职），不作为花名册",
        "no_valid_id" => "无有效身份证号",
        "no_date" => "无死亡、火化或注销日期（或日期无法识别）",
        "not_death" => "注销或终止原因不是死亡（如迁出）",
        "not_excluded_category" => "人员类别不属于财政供养",
        "exempt_vehicle_type" => "豁免车型（摩托车、残疾人专用车等）",
        o => o,
    }
}

/// A kind of value that could not be read (`SheetReport::unreadable` keys).
pub fn unreadable(k: &str) -> &str {
    match k {
        "amount" => "金额",
        "date" => "日期",
        "birth" => "出生日期",
        o => o,
    }
}

/// An ID's status (`SheetReport::id_status` keys).
pub fn id_status(k: &str) -> &str {
    match k {
        "valid" => "有效",
        "repaired" => "已修复",
        "legacy_upgraded" => "15位升级",
        "excel_truncated" => "Excel截断",
        "masked" => "已脱敏",
        "bad_check_digit" => "校验位错误",
        "malformed" => "格式错误",
        "missing" => "缺失",
        o => o,
    }
}

/// A roll person's role (`Hit::roll_role`).
pub fn roll_role(role: &str) -> &str {
    match role {
        "beneficiary" => "受益人",
        "household_head" => "户主",
        "member" => "家庭成员",
        "guardian" => "监护人",
        "legal_rep" => "法定代表人",
        "agent" => "委托代理人",
        "payee" => "领款人",
        "cadre" => "干部",
        "relative" => "亲属",
        other => other,
    }
}

/// A hit's roll person ([`Hit::roll_role`](crate::model::Hit::roll_role)) in
/// Chinese; "" for none.
pub fn roll_person(p: Option<crate::load::roles::Person>) -> String {
    p.map(|p| roll_role(&p.as_str()).to_string()).unwrap_or_default()
}

/// A relation to the cadre (`Hit::relation`), as the workbooks name it: the
/// one table of these words ([`Relation::label_zh`] reads it).
pub fn relation(relation: crate::normalize::relation::Relation) -> &'static str {
    use crate::normalize::relation::Relation as R;
    match relation {
        R::SelfRel => "本人",
        R::Spouse => "配偶",
        R::Parent => "父母",
        R::ParentInLaw => "配偶父母",
        R::Child => "子女",
        R::ChildInLaw => "子女配偶",
        R::Sibling => "兄弟姐妹",
        R::SiblingInLaw => "兄弟姐妹配偶/配偶兄弟姐妹",
        R::Grandparent => "祖父母/外祖父母",
        R::Grandchild => "孙子女/外孙子女",
        R::Other => "其他",
    }
}

/// Who decided a column's role (`ColumnReport::decided_by`).
pub fn decided_by(k: &str) -> &str {
    match k {
        "header" => "表头",
        "content" => "内容",
        "config" => "配置",
        o => o,
    }
}

/// Where a file's approving unit or program was read (`InputReport::unit_source`).
pub fn found_in(k: &str) -> &str {
    match k {
        "config" => "配置",
        "file_name" => "文件名",
        "folder_name" => "文件夹名",
        "title" => "标题行",
        "column" => "列",
        o => o,
    }
}

/// A column role as `inspect` prints it (`Role::label`: `name:beneficiary`,
/// `id:relative:配偶`, `township` …), in Chinese.
pub fn column_role(label: &str) -> String {
    let person = |p: &str| -> String {
        if let Some(n) = p.strip_prefix("other") {
            return format!("其他人员{n}");
        }
        if let Some(n) = p.strip_prefix("staff") {
            return format!("经办人员{n}（不比对）");
        }
        if let Some(q) = p.strip_prefix('?') {
            return if q.is_empty() { "未定人员".into() } else { format!("未定人员（{q}）") };
        }
        if let Some(t) = p.strip_prefix("relative:") {
            return format!("亲属（{t}）");
        }
        roll_role(p).to_string()
    };
    if let Some(p) = label.strip_prefix("name:") {
        return format!("{}姓名", person(p));
    }
    if let Some(p) = label.strip_prefix("id:") {
        return format!("{}身份证号", person(p));
    }
    if let Some(t) = label.strip_prefix("relation:") {
        return format!("亲属（{t}）称谓");
    }
    match label {
        "township" => "乡镇",
        "village" => "村（社区）",
        "group" => "组",
        "amount" => "金额",
        "date" => "日期",
        "program" => "项目",
        "unit" => "单位",
        "relation_to_head" => "与户主关系",
        "contractor" => "承包单位",
        "relation" => "称谓",
        "cadre_unit" => "干部单位",
        "cadre_post" => "干部职务",
        "address" => "住址",
        "birth" => "出生日期",
        "sex" => "性别",
        "seq" => "序号",
        "phone" => "电话",
        "account" => "账号",
        "student_no" => "学籍号",
        "unmapped" => "未识别",
        "ignore" => "忽略",
        o => o,
    }
    .to_string()
}

/// `k 数, …` for a count table, codes in Chinese.
pub fn counts(m: &std::collections::BTreeMap<String, u64>, label: fn(&str) -> &str) -> String {
    let sep = if lang() == Lang::Zh { "，" } else { ", " };
    m.iter()
        .map(|(k, v)| if lang() == Lang::Zh { format!("{} {v}", label(k)) } else { format!("{k} {v}") })
        .collect::<Vec<_>>()
        .join(sep)
}

// ---------------------------------------------------------------- screen

/// A progress stage (`pipeline::Progress::stage` names) for the progress bar.
pub fn stage(name: &str) -> String {
    if lang() == Lang::En {
        return name.to_string();
    }
    if let Some(n) = name.strip_prefix("matching ") {
        return format!("比对（第 {n} 块）");
    }
    match name {
        "reading registers" => "读取登记表",
        "reading rolls" => "读取花名册",
        "reading places" => "读取地名（第一遍）",
        "matching" => "比对",
        "enterprises" => "比对企业登记",
        "writing outputs" => "写出结果",
        o => o,
    }
    .to_string()
}

pub fn rows_word() -> &'static str {
    if lang() == Lang::En { "rows" } else { "行" }
}

/// `run`: the first summary line.
pub fn run_inputs(version: &str, batch: &str, date: &str, kin_files: usize, kin_rows: usize, roll_files: usize, roll_rows: usize, persons: usize) -> String {
    pick(
        format!("kinmatch {version}：批次 {batch}（{date}）：登记表 {kin_files} 个文件（{kin_rows} 行），花名册 {roll_files} 个文件（{roll_rows} 行，{persons} 人次）"),
        format!("kinmatch {version}: batch {batch} ({date}): {kin_files} register files ({kin_rows} rows), {roll_files} roll files ({roll_rows} rows, {persons} persons)"),
    )
}

/// `run` / `check`: the hits line.
/// `run --registry`: the 经商办企业 comparison's line.
#[allow(clippy::too_many_arguments)]
pub fn enterprise_line(
    files: usize,
    rows: u64,
    findings: usize,
    confirmed: usize,
    probable: usize,
    possible: usize,
    undeclared: Option<usize>,
    not_found: Option<usize>,
) -> String {
    let decl_zh = match (undeclared, not_found) {
        (Some(u), Some(n)) => format!("；其中未申报 {u} 条，申报但登记中未找到的企业 {n} 家"),
        _ => String::new(),
    };
    let decl_en = match (undeclared, not_found) {
        (Some(u), Some(n)) => format!("; {u} not declared, {n} declared businesses not in the registry"),
        _ => String::new(),
    };
    pick(
        format!("  经商办企业：企业登记 {files} 个文件（{rows} 行）；发现 {findings} 条：确认 {confirmed}，高度疑似 {probable}，疑似 {possible}{decl_zh}"),
        format!("  enterprises: {files} registry files ({rows} rows); {findings} findings: {confirmed} confirmed, {probable} probable, {possible} possible{decl_en}"),
    )
}

/// `run --orgs`: the 社团兼职 comparison's line.
pub fn association_line(files: usize, findings: usize, retired: usize, paid: usize) -> String {
    pick(
        format!("  社团兼职：社会组织备案 {files} 个文件；发现 {findings} 条（退休干部 {retired} 条，领取报酬 {paid} 条）"),
        format!("  associations: {files} filing files; {findings} findings ({retired} retired cadres, {paid} paid)"),
    )
}

pub fn hits_line(cadres: usize, pois: usize, hits: usize, confirmed: usize, probable: usize, possible: usize) -> String {
    pick(
        format!("  干部 {cadres} 人，比对对象（干部及亲属）{pois} 人；命中 {hits} 条：确认 {confirmed}，高度疑似 {probable}，疑似 {possible}"),
        format!("  {cadres} cadres, {pois} persons of interest; {hits} hits: {confirmed} confirmed, {probable} probable, {possible} possible"),
    )
}

pub fn sheet_without_table(file: &str, sheet: &str, why: &str) -> String {
    pick(format!("  跳过工作表（无表格）：{file} · {sheet}：{why}"), format!("  sheet skipped (no table): {file} · {sheet}: {why}"))
}

/// The heading of the list of unusable inputs in summary.xlsx's 数据质量 (always Chinese: a workbook).
pub fn unusable_inputs_title(n: usize) -> String {
    format!("无法使用的输入（{n} 项，本批比对不完整，退出码 3）")
}

pub fn run_incomplete(n: usize) -> String {
    pick(
        format!("  ！有 {n} 项输入无法使用，本批比对不完整（退出码 3；详见 summary.xlsx 的“数据质量”表和 manifest.json）："),
        format!("  ! {n} inputs could not be used; the batch is incomplete (exit code 3; see the 数据质量 sheet of summary.xlsx and manifest.json):"),
    )
}

pub fn outputs_in(dir: &str, files: &str) -> String {
    pick(format!("  输出（{dir}）：{files}"), format!("  outputs in {dir}: {files}"))
}

pub fn strict_failed(n: usize) -> String {
    pick(format!("严格模式（--strict）：{n} 项输入无法使用，视为错误"), format!("--strict: {n} inputs could not be used"))
}

/// `index`: what the snapshot holds.
pub fn index_written(path: &str, files: usize, cadres: usize, pois: usize) -> String {
    pick(
        format!("{path}：登记表 {files} 个文件，干部 {cadres} 人，比对对象 {pois} 人"),
        format!("{path}: {files} register files, {cadres} cadres, {pois} persons of interest"),
    )
}

pub fn not_read(why: &str) -> String {
    pick(format!("  未读取：{why}"), format!("  NOT READ: {why}"))
}

/// `check`: the count line.
pub fn check_counts(persons: usize, pois: usize, hits: usize, confirmed: usize, probable: usize, possible: usize) -> String {
    pick(
        format!("花名册 {persons} 人次与比对对象 {pois} 人比对：命中 {hits} 条（确认 {confirmed}，高度疑似 {probable}，疑似 {possible}）"),
        format!("{persons} roll persons checked against {pois} persons of interest: {hits} hits ({confirmed} confirmed, {probable} probable, {possible} possible)"),
    )
}

pub fn check_write_failed(dir: &str, why: &str) -> String {
    pick(format!("结果文件未能写入 {dir}：{why}"), format!("could not write the results to {dir}: {why}"))
}

pub fn check_hits_and_failures(n: usize) -> String {
    pick(
        format!("有命中（退出码 10）；另有 {n} 项失败（见上），比对或结果不完整"),
        format!("hits found (exit code 10); {n} other failures (above): the check or its files are incomplete"),
    )
}

pub fn check_clean_but_incomplete(n: usize) -> String {
    pick(
        format!("未发现命中，但有 {n} 项输入无法使用或失败：不能据此认定名单无问题"),
        format!("no hit, but {n} inputs could not be used or failed: the roll is not shown clean"),
    )
}

/// `verify`.
pub fn verified() -> String {
    pick(
        "已验证：每个输入文件的 SHA-256 与清单一致，重新运行逐字节再现了每个输出".into(),
        "verified: every input matches its SHA-256 and the re-run reproduces every output byte for byte".into(),
    )
}

pub fn not_verified(n: usize) -> String {
    pick(format!("未通过验证：{n} 处不一致"), format!("NOT verified: {n} difference(s)"))
}

/// One `verify` finding on screen.
pub fn finding(what: &str, detail: &str) -> String {
    pick(format!("  {what}：{detail}"), format!("  {what}: {detail}"))
}

/// What a `verify` finding is about, and what it found (`pipeline::Finding`).
pub mod verify {
    use super::pick;

    pub fn version() -> String {
        pick("程序版本".into(), "version".into())
    }
    pub fn version_differs(batch: &str, this: &str) -> String {
        pick(format!("该批次由 kinmatch {batch} 生成，当前为 {this}"), format!("the batch was made by kinmatch {batch}, this is {this}"))
    }
    pub fn output(rel: &str) -> String {
        pick(format!("输出 {rel}"), format!("output {rel}"))
    }
    pub fn output_changed() -> String {
        pick("批次写出后已被改动（SHA-256 与清单不符）".into(), "changed since the batch was written (SHA-256 differs from the manifest)".into())
    }
    pub fn cannot_read(e: &str) -> String {
        pick(format!("无法读取：{e}"), format!("cannot be read: {e}"))
    }
    pub fn rerun() -> String {
        pick("重新运行".into(), "re-run".into())
    }
    pub fn rerun_failed(e: &str) -> String {
        pick(format!("无法重新运行该批次：{e}"), format!("the batch could not be re-run: {e}"))
    }
    pub fn input(file: &str, kind: &str) -> String {
        let k = match kind {
            "roll" => "花名册",
            "registry" => "企业登记",
            "declarations" => "申报表",
            "orgs" => "社会组织兼职备案",
            "retired" => "退休干部名单",
            "register" => "登记表",
            o => o,
        };
        pick(format!("输入 {file}（{k}）"), format!("input {file} ({kind})"))
    }
    pub fn input_missing() -> String {
        pick("缺失：文件已不在清单所记位置".into(), "missing: the file is no longer where the manifest says".into())
    }
    pub fn input_sha(was: &str, now: &str) -> String {
        pick(format!("SHA-256 不同：清单 {was}，现在 {now}"), format!("SHA-256 differs: manifest {was}, now {now}"))
    }
    pub fn input_new() -> String {
        pick("新文件：清单中没有".into(), "new file: not in the manifest".into())
    }
    pub fn option_file(k: &str) -> String {
        let zh = match k {
            "config" => "配置文件",
            "decisions" => "核查结论文件",
            "index" => "登记表快照",
            o => o,
        };
        pick(zh.into(), k.into())
    }
    pub fn option_file_differs() -> String {
        pick("与该批次所用文件不同".into(), "the file differs from the one the batch used".into())
    }
    pub fn rerun_output(rel: &str) -> String {
        pick(format!("重新运行的输出 {rel}"), format!("re-run output {rel}"))
    }
    pub fn not_produced() -> String {
        pick("重新运行未生成".into(), "not produced by the re-run".into())
    }
    pub fn content_differs() -> String {
        pick("内容不同".into(), "content differs".into())
    }
    pub fn extra_output() -> String {
        pick("重新运行生成了清单中没有的文件".into(), "produced by the re-run but not in the manifest".into())
    }
    pub fn first_difference(line: usize, a: &str, b: &str) -> String {
        pick(
            format!("第 {line} 行起不同：存档 `{a}` / 重新运行 `{b}`"),
            format!("first difference at line {line}: archived `{a}` / re-run `{b}`"),
        )
    }
    pub fn line_counts(a: usize, b: usize) -> String {
        pick(format!("行数不同：存档 {a} 行 / 重新运行 {b} 行"), format!("line counts differ: archived {a} / re-run {b}"))
    }
}

/// `inspect`: one file's first line.
pub fn inspect_file(file: &str, kind: &str, format: &str, unit: &str, program: &str) -> String {
    let kind_zh = match kind {
        "roll" => "花名册",
        "register" => "登记表",
        o => o,
    };
    pick(
        format!("{file}  [{kind_zh} · {format}]  审批单位：{unit}  项目：{program}"),
        format!("{file}  [{kind} · {format}]  unit: {unit}  program: {program}"),
    )
}

pub fn inspect_no_table(sheet: &str, why: &str) -> String {
    pick(format!("  工作表 {sheet}：无表格：{why}"), format!("  sheet {sheet}: no table: {why}"))
}

pub fn inspect_sheet(sheet: &str, header_row: u32, data_rows: u64, skipped: &str) -> String {
    // Row 0: a sheet going on with the one before, under its header (续表).
    if header_row == 0 {
        return pick(
            format!("  工作表 {sheet}：续表（无表头，沿用上一工作表的表头），数据 {data_rows} 行；跳过：{skipped}"),
            format!("  sheet {sheet}: continues the sheet before (no header of its own, that sheet's used), {data_rows} data rows; skipped: {skipped}"),
        );
    }
    pick(
        format!("  工作表 {sheet}：表头在第 {header_row} 行，数据 {data_rows} 行；跳过：{skipped}"),
        format!("  sheet {sheet}: header row {header_row}, {data_rows} data rows; skipped: {skipped}"),
    )
}

pub fn none() -> String {
    pick("无".into(), "none".into())
}

pub fn text_sheet() -> String {
    pick("（文本）".into(), "(text)".into())
}

pub fn inspect_columns(cols: &str) -> String {
    pick(format!("    列：{cols}"), format!("    columns: {cols}"))
}

/// One column for `inspect`: header = role, and who decided it when not the header.
pub fn inspect_column(header: &str, role: &str, decided: &str) -> String {
    match lang() {
        Lang::Zh => {
            let how = if decided == "header" { String::new() } else { format!("（据{}）", decided_by(decided)) };
            format!("{header}={}{how}", column_role(role))
        }
        Lang::En => {
            let how = if decided == "header" { String::new() } else { format!(" ({decided})") };
            format!("{header}={role}{how}")
        }
    }
}

/// `inspect`: the official a register's rows were given from the file or sheet name.
pub fn inspect_cadre_from_name(name: &str, source: &str) -> String {
    let zh = if source == "sheet_name" { "工作表名" } else { "文件名" };
    pick(
        format!("    干部：{name}（据{zh}；各行未写干部）"),
        format!("    cadre: {name} (from the {}; no row names one)", source.replace('_', " ")),
    )
}

pub fn inspect_ids(ids: &str) -> String {
    pick(format!("    身份证号：{ids}"), format!("    IDs: {ids}"))
}

pub fn inspect_unusable(what: &str) -> String {
    pick(format!("    无可用人员的行：{what}"), format!("    rows without a usable person: {what}"))
}

pub fn inspect_problem(p: &str) -> String {
    pick(format!("    不可用：{p}"), format!("    UNUSABLE: {p}"))
}

pub fn skipped_file(file: &str, why: &str) -> String {
    pick(format!("跳过 {file}：{why}"), format!("skipped {file}: {why}"))
}

pub fn not_found(path: &str) -> String {
    pick(format!("未找到：{path}"), format!("NOT FOUND: {path}"))
}

pub fn inputs_unusable(n: usize) -> String {
    pick(format!("\n无法使用的输入（{n} 项，退出码 3）："), format!("\n{n} inputs could not be used (exit code 3):"))
}

/// `review import`.
pub fn decisions_written(n: usize, path: &str) -> String {
    pick(format!("{n} 条核查结论已写入 {path}"), format!("{n} decisions written to {path}"))
}

pub fn review_conflict(c: &str) -> String {
    pick(format!("冲突：{c}"), format!("CONFLICT: {c}"))
}

pub fn review_invalid(c: &str) -> String {
    pick(format!("无效：{c}"), format!("INVALID: {c}"))
}

pub fn review_unreadable(c: &str) -> String {
    pick(format!("未读取：{c}"), format!("NOT READ: {c}"))
}

pub fn review_unknown(c: &str) -> String {
    pick(format!("不在本批次中：{c}"), format!("NOT IN THE BATCH: {c}"))
}

pub fn review_no_batch() -> String {
    pick(
        "未找到本批次的 hits.csv（可用 --batch 指定批次输出文件夹）：未核对 hit_id 是否属于本批次".into(),
        "no hits.csv of the batch found (give --batch DIR): hit_ids were not checked against the batch".into(),
    )
}

pub fn review_missing(n: usize) -> String {
    pick(format!("{n} 条命中尚无核查结论"), format!("{n} hits still without a decision"))
}

pub fn sampled(n: usize, path: &str) -> String {
    pick(format!("已抽取 {n} 条命中，写入 {path}"), format!("{n} hits sampled into {path}"))
}

pub fn template_written(path: &str) -> String {
    pick(format!("模板已写入 {path}"), format!("template written to {path}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_roles_read_in_chinese() {
        assert_eq!(column_role("name:beneficiary"), "受益人姓名");
        assert_eq!(column_role("id:relative:配偶"), "亲属（配偶）身份证号");
        assert_eq!(column_role("name:other1"), "其他人员1姓名");
        assert_eq!(column_role("id:?"), "未定人员身份证号");
        assert_eq!(column_role("village"), "村（社区）");
        // An unknown code is shown as it is, never dropped.
        assert_eq!(column_role("new_role"), "new_role");
    }
}

// ---------------------------------------------------------------- review workbooks (核查)

/// The reviewer's columns of every review workbook: written by `report/`
/// (hits, 经商办企业, 社团兼职, 虚报冒领, the sample, the ledger export) and
/// read back by `review import` (`report::decisions`), so the two cannot differ.
pub const CONCLUSION_HEADER: &str = "核查结论";
pub const ACTION_HEADER: &str = "处理措施";
pub const REVIEWER_HEADER: &str = "核查人";
pub const REVIEW_DATE_HEADER: &str = "核查日期";
pub const REMARK_HEADER: &str = "备注";

/// A reviewer's conclusions on a lead (the 核查结论 dropdown).
pub const COMPLIANT: &str = "合规";
pub const NONCOMPLIANT: &str = "不合规";
pub const NOT_THE_PERSON: &str = "非本人（误报）";
pub const TO_VERIFY: &str = "待核实";
/// A paying unit's conclusions on a 虚报冒领 finding.
pub const SUBSTANTIATED: &str = "属实（不应享受）";
pub const UNSUBSTANTIATED: &str = "不属实（可以享受）";
/// The action that is none (处理措施).
pub const NO_ACTION: &str = "无需处理";

/// Values offered in the 核查结论 dropdown.
pub const CONCLUSIONS: [&str; 4] = [COMPLIANT, NONCOMPLIANT, NOT_THE_PERSON, TO_VERIFY];
/// Values offered in a 虚报冒领 workbook's 核查结论 dropdown.
pub const ELIGIBILITY_CONCLUSIONS: [&str; 3] = [SUBSTANTIATED, UNSUBSTANTIATED, TO_VERIFY];
/// Values offered in the 处理措施 dropdown.
pub const ACTIONS: [&str; 5] = [NO_ACTION, "取消", "停发", "追回资金", "移送纪检监察"];

/// The reviewer's five columns with their widths, as every review workbook ends.
pub const REVIEW_COLUMNS: [(&str, f64); 5] =
    [(CONCLUSION_HEADER, 14.0), (ACTION_HEADER, 14.0), (REVIEWER_HEADER, 10.0), (REVIEW_DATE_HEADER, 12.0), (REMARK_HEADER, 24.0)];

// ---------------------------------------------------------------- 台账 (ledger)

/// Why a run refuses to write into a folder holding a reviewer's work.
pub fn reviewer_work_at_risk(dir: &str, count: usize, example: &str) -> String {
    pick(
        format!(
            "输出文件夹 {dir} 的核查表中有 {count} 条已填写的核查结论尚未导入台账（如 {example}），本次运行会覆盖它们，已停止。\n  请先导入：kinmatch review import {dir}/review/*.xlsx --ledger kinmatch.db -o decisions.csv\n  或用 --force 写入新的文件夹（{dir}-2 …），原文件夹保持不动。"
        ),
        format!(
            "{count} decisions filled into the review workbooks of {dir} are not in the ledger yet (e.g. {example}); this run would overwrite them, so it stopped.\n  Import them first: kinmatch review import {dir}/review/*.xlsx --ledger kinmatch.db -o decisions.csv\n  or use --force to write a fresh folder ({dir}-2 …) and leave this one as it is."
        ),
    )
}

pub fn as_of_needs_ledger() -> String {
    pick("--as-of 需要 --ledger：按日期回溯的登记表来自台账".into(), "--as-of needs --ledger: the registers as of a date come from the ledger".into())
}

pub fn ledger_no_registers(as_of: &str) -> String {
    format!("台账中截至 {as_of} 没有任何登记表（先用 kinmatch run --kin … --ledger 登记）")
}

/// What a run recorded in the ledger.
pub fn ledger_run_line(path: &str, new: usize, again: usize, not_found: usize, prefilled: usize, published: usize) -> String {
    pick(
        format!("  台账（{path}）：新线索 {new}，再次发现 {again}，本批未再发现 {not_found}；核查表预填台账结论 {prefilled} 条；新公示 {published} 条"),
        format!("  ledger ({path}): {new} new leads, {again} seen again, {not_found} no longer found; {prefilled} decisions prefilled; {published} newly published"),
    )
}

pub fn ledger_register_line(units: usize, new_units: usize, added: usize, removed: usize, changed: usize, late: usize) -> String {
    pick(
        format!("  登记表：{units} 个单位（首次报送 {new_units}）；与上次报送相比 新增 {added}，删除 {removed}，变更 {changed}；比对发现后才补报 {late}"),
        format!("  registers: {units} units ({new_units} first submissions); since the last submission {added} added, {removed} removed, {changed} changed; {late} reported only after a lead found them"),
    )
}

pub fn ledger_fresh_folder(dir: &str) -> String {
    pick(format!("  原输出文件夹的核查表有未导入的结论，本次写入新文件夹：{dir}"), format!("  the output folder holds decisions not yet imported; this run wrote a fresh folder: {dir}"))
}

pub fn ledger_imported(path: &str, applied: usize, unchanged: usize, unknown: usize) -> String {
    pick(
        format!("台账（{path}）：写入结论 {applied} 条，未变 {unchanged} 条，台账中没有的线索 {unknown} 条"),
        format!("ledger ({path}): {applied} decisions written, {unchanged} unchanged, {unknown} unknown to the ledger"),
    )
}

/// The status of a lead, as reviewers read it.
pub fn lead_status(s: &str) -> &'static str {
    match s {
        "pending" => "待核查",
        "compliant" => COMPLIANT,
        "noncompliant" => NONCOMPLIANT,
        "handled" => "已处理",
        "closed" => "已销号",
        _ => "未知",
    }
}

pub fn ledger_status_header(as_of: &str) -> String {
    pick(
        format!("台账状态（截至 {as_of}）\n审批单位\t待核查\t逾期\t已核查\t已销号\t待公示"),
        format!("ledger status as of {as_of}\nunit\tpending\toverdue\tdecided\tclosed\tunpublished"),
    )
}

pub fn total_word() -> &'static str {
    if lang() == Lang::En { "total" } else { "合计" }
}

pub fn ledger_closed(n: usize, refused: &[String]) -> String {
    let mut s = pick(format!("已销号 {n} 条"), format!("{n} leads closed"));
    if !refused.is_empty() {
        s.push_str(&pick(
            format!("；未销号（台账中没有，或尚未核查）：{}", refused.join(", ")),
            format!("; not closed (unknown, or not yet decided): {}", refused.join(", ")),
        ));
    }
    s
}

pub fn ledger_object(hit: &str, known: bool) -> String {
    if known {
        pick(format!("已记录对 {hit} 的公示异议"), format!("objection to {hit} recorded"))
    } else {
        pick(format!("台账中没有线索 {hit}"), format!("the ledger has no lead {hit}"))
    }
}

pub fn ledger_exported(path: &str, leads: usize) -> String {
    pick(format!("{path}：台账 {leads} 条线索"), format!("{path}: {leads} leads"))
}

pub fn ledger_sample_recorded(path: &str) -> String {
    pick(format!("  抽查记录已写入台账（{path}）"), format!("  the draw is recorded in the ledger ({path})"))
}

pub fn ledger_registers_as_of(as_of: &str, files: usize, rows: usize) -> String {
    pick(
        format!("  登记表来自台账：截至 {as_of} 的 {files} 个文件，{rows} 行（台账不作改动）"),
        format!("  registers from the ledger as of {as_of}: {files} files, {rows} rows (the ledger is not changed)"),
    )
}

// ---------------------------------------------------------------- 虚报冒领 (eligibility)

pub fn roll_without_period(file: &str) -> String {
    format!("无法判断发放期间（死亡人员比对）：{file} 中有已死亡人员，但花名册没有日期或月份列，文件名也未写明月份；请补充发放月份后重新比对")
}

/// One line per rule family: findings and the files written.
pub fn eligibility_line(family: &str, n: usize) -> String {
    pick(format!("  {family}：{n} 条"), format!("  {family}: {n} findings"))
}

/// The 台账状态 cell of a review workbook row: the lead's status in the ledger
/// (with its deadline while pending), or a new lead with the deadline it gets.
pub fn lead_status_cell(lead: Option<&crate::ledger::LeadRow>, run_date: &str, new_due: &str) -> String {
    use crate::ledger::LeadStatus;
    match lead {
        None => format!("新线索（核查期限 {new_due}）"),
        Some(l) => match l.status {
            LeadStatus::Pending if l.due.as_str() < run_date => format!("待核查，已逾期（期限 {}）", l.due),
            LeadStatus::Pending => format!("待核查（期限 {}）", l.due),
            LeadStatus::Closed => format!("已销号 {}", l.closed_on.as_deref().unwrap_or("")).trim_end().to_string(),
            s => lead_status(s.as_str()).to_string(),
        },
    }
}

/// `check`: what the exclusion rules found.
pub fn check_eligibility(n: usize) -> String {
    pick(format!("  虚报冒领比对（死亡、财政供养、车辆、重复享受）：{n} 条"), format!("  eligibility rules (deaths, payroll, vehicles, double claims): {n} findings"))
}

// ---------------------------------------------------------------- inputs of other comparisons found among the rolls

/// What another comparison's input is called, in Chinese.
pub fn other_input_zh(k: crate::load::roles::OtherInput) -> &'static str {
    use crate::load::roles::OtherInput as O;
    match k {
        O::Deaths => "死亡、火化或户口注销名单",
        O::Vehicles => "机动车登记",
        O::Payroll => "财政供养人员花名册",
        O::Registry => "企业登记（市场主体登记）",
        O::Orgs => "社会组织兼职备案",
        O::Declarations => "干部经商办企业申报表",
        O::Retired => "退休干部名单",
    }
}

/// An input report's `kind` as the workbooks name it: 花名册, 亲属登记表, or
/// another comparison's input ([`other_input_zh`]). The one table of these words.
pub fn input_kind_zh(kind: &str) -> &str {
    match kind {
        "roll" => "花名册",
        "register" => "亲属登记表",
        "unknown" | "" => "未识别",
        other => match crate::load::roles::OtherInput::from_name(other) {
            Some(k) => other_input_zh(k),
            None => other,
        },
    }
}

/// A file among the rolls (or registers) used as another comparison's input.
pub fn routed_input(file: &str, k: crate::load::roles::OtherInput, by: crate::pipeline::RoutedBy) -> String {
    use crate::pipeline::RoutedBy as B;
    let (how, how_en) = match by {
        B::Config => ("按 kinmatch.toml 的设定", "set by kinmatch.toml"),
        B::FileName => ("按文件名识别（列名未能判断，如有误请在 kinmatch.toml 中设定 kind）", "recognised by its file name"),
        B::Columns => ("按其列识别", "recognised by its columns"),
    };
    pick(
        format!("{file}：{how}为{}，已作为 {} 使用（不作为花名册读取）", other_input_zh(k), k.option()),
        format!("{file}: {how_en} as {} ({}), used as {}", k.as_str(), other_input_zh(k), k.option()),
    )
}

/// A sheet of another comparison's input inside a roll file that also holds a roll.
pub fn other_input_in_roll(k: crate::load::roles::OtherInput) -> String {
    format!("这张工作表是{}，不是花名册，但同一文件中还有花名册：请把它另存为单独的文件，或用 {} 给出（此表未读取）", other_input_zh(k), k.option())
}

/// An option that compares with an input neither given nor found among the rolls.
pub fn input_needed(k: crate::load::roles::OtherInput) -> String {
    format!("缺少{}：请用 {} 给出，或把它放在花名册文件夹中（本项比对未进行）", other_input_zh(k), k.option())
}

/// `--checks` names that are no comparison.
pub fn unknown_checks(names: &[&str]) -> String {
    let known: Vec<String> = crate::compare::COMPARISONS.iter().map(|c| format!("{}（{}）", c.id, c.name_zh)).collect();
    format!("--checks 中的“{}”不是比对名称；可选：{}", names.join("、"), known.join("、"))
}

/// The screen's line for a run limited by `--checks`.
pub fn checks_run(checks: &[String]) -> String {
    let names: Vec<&str> =
        crate::compare::COMPARISONS.iter().filter(|c| checks.iter().any(|x| x == c.id)).map(|c| c.name_zh).collect();
    format!("  本次只进行（--checks）：{}", names.join("；"))
}

/// A comparison asked for by `--checks` without its input.
pub fn check_without_input(c: &crate::compare::Comparison) -> String {
    let input = match c.input {
        crate::compare::InputKind::Rolls => "花名册（--rolls）",
        crate::compare::InputKind::Registry => "企业登记（--registry）",
        crate::compare::InputKind::Orgs => "社会组织兼职备案（--orgs）",
        crate::compare::InputKind::Exclusions => "死亡、财政供养、机动车名单或 --business-owners / --double-claims",
    };
    format!("--checks 要求进行“{}”，但缺少{input}：本项比对未进行", c.name_zh)
}

/// A registry file that names persons but holds no ID number.
pub fn registry_without_ids() -> String {
    "企业登记中没有证件号码列（只有姓名）：仅凭姓名不能确认是干部亲属，本表的人员基本无法比对；请向登记机关索取含法定代表人、股东证件号码的导出表".into()
}

/// A register sheet that gave officials but not one relative.
pub fn register_without_relatives(cadres: usize) -> String {
    format!("{REGISTER_WITHOUT_RELATIVES}{cadres} 行，没有任何亲属：亲属的姓名、身份证号列未识别，或表头认错了行？请用 kinmatch inspect 查看各列，必要时在 kinmatch.toml 中指定表头行和列")
}

const REGISTER_WITHOUT_RELATIVES: &str = "只读到干部本人 ";

/// Is this sheet problem [`register_without_relatives`]?
pub fn is_register_without_relatives(problem: &str) -> bool {
    problem.starts_with(REGISTER_WITHOUT_RELATIVES)
}

pub fn ids_mostly_unreadable(unreadable: u64, written: u64) -> String {
    format!("身份证号 {unreadable} / {written} 个无法识别（不是身份证号格式）：请用 kinmatch inspect 查看该列，必要时在 kinmatch.toml 中指定列")
}

pub fn roll_without_ids(persons: usize) -> String {
    format!("{persons} 行人员都没有身份证号：身份证号列未识别或为空，只能按姓名和住址比对，无法确认；请用 kinmatch inspect 查看各列，必要时在 kinmatch.toml 中指定列")
}

/// Files given more than once (the same bytes).
pub fn duplicate_files(files: &[String]) -> String {
    format!("内容完全相同的文件：{}（重复报送？其中的人员会被重复比对，请只保留一份）", files.join("、"))
}

/// `check` given another comparison's input instead of a roll.
pub fn not_a_roll_to_check(file: &str, k: crate::load::roles::OtherInput) -> String {
    let how = if k.is_exclusion() { format!("要让 check 用它比对，请用 kinmatch index {} … 放入快照", k.option()) } else { format!("请用 kinmatch run {} 比对", k.option()) };
    format!("不可用（花名册）：{file} 是{}，不是花名册，未比对（{how}）", other_input_zh(k))
}
