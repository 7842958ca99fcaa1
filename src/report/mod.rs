//! Reports: what people act on, in Excel/WPS, in Chinese.
//!
//! * review workbooks, one per approving unit (谁审批、谁负责),
//! * the summary workbook (counts, charts, data quality),
//! * publicity lists (双向公示) with masked IDs,
//! * reading reviewed workbooks back into [`Decisions`],
//! * a reproducible spot-check sample,
//! * blank input templates.
//!
//! Every workbook is written with a fixed creation date (the batch's
//! `run_date`, or a constant for templates), so the same inputs give
//! byte-identical files.

use std::path::PathBuf;

mod decisions;
mod eligibility;
mod findings;
mod publicity;
mod review;
mod sample;
mod summary;
mod template;
mod ledger;
mod xlsx_util;

#[cfg(test)]
mod tests;

pub use decisions::{Decision, Decisions, ImportReport, import_reviews};
pub(crate) use decisions::conclusion_of;
pub use eligibility::write_eligibility_workbooks;
pub use findings::{write_association_workbooks, write_enterprise_workbooks};
pub use ledger::write_ledger;
pub use publicity::write_publicity;
pub use review::write_review_workbooks;
pub use sample::write_sample;
pub use summary::{Further, write_summary, write_summary_all, write_summary_with};
pub use template::{TemplateKind, write_template};

/// What every report says about the run that produced it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BatchInfo {
    pub batch_id: String,
    /// "YYYY-MM-DD", recorded once in the manifest and reused on re-runs.
    pub run_date: String,
    pub program_version: String,
    pub inputs: Vec<crate::model::InputReport>,
    /// Each lead's status in the ledger (台账状态), by hit_id; empty without a ledger
    /// (the review workbooks then have no status column).
    pub lead_status: std::collections::BTreeMap<String, String>,
    /// Every input the batch could not use, one line each (the run exits 3):
    /// also those no file row of 数据质量 holds (an archive left unread, no roll
    /// found at all).
    pub problems: Vec<String>,
}

/// The review workbook's sheets, and the 说明 line that names the unit: what
/// `review import` reads back (decisions.rs) of what review.rs writes.
pub(crate) const RESULT_SHEET: &str = "比对结果";
pub(crate) const README_SHEET: &str = "说明";
pub(crate) const UNIT_LABEL: &str = "审批单位";

pub use crate::labels::{ACTIONS, CONCLUSIONS, ELIGIBILITY_CONCLUSIONS};

/// Everything that can go wrong while writing or reading reports, with the
/// file (and sheet / row where relevant) it concerns.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("{path}: 无法创建目录: {source}")]
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: 无法写入文件: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: 生成工作簿失败 ({context}): {source}")]
    Xlsx {
        path: PathBuf,
        context: String,
        source: rust_xlsxwriter::XlsxError,
    },
    #[error("{path}: 无法读取工作簿: {source}")]
    ReadXlsx {
        path: PathBuf,
        source: calamine::XlsxError,
    },
    #[error("{path} · {sheet}: {message}")]
    Layout {
        path: PathBuf,
        sheet: String,
        message: String,
    },
    #[error("{path}{}: {message}", row.map(|r| format!(" 第{r}行")).unwrap_or_default())]
    Csv {
        path: PathBuf,
        row: Option<u64>,
        message: String,
    },
    #[error("批次运行日期 run_date 应为 YYYY-MM-DD，实际为 {value:?}")]
    BadRunDate { value: String },
    #[error("参数错误: {0}")]
    InvalidArgument(String),
}
