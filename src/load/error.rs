//! Errors of the loading stage. Every error names the file (and the sheet and
//! row where there is one) so a report line can be acted on.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum LoadError {
    #[error("{file}: cannot read the file: {source}")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{file}: empty file (0 bytes)")]
    Empty { file: String },
    #[error("{file}: password-protected or encrypted workbook; save it without a password")]
    Encrypted { file: String },
    #[error("{file}: not a spreadsheet: {reason}")]
    NotSpreadsheet { file: String, reason: String },
    #[error("{file}: damaged workbook: {reason}")]
    Corrupt { file: String, reason: String },
    #[error("{file}: sheet {sheet}: cannot read the sheet: {reason}")]
    Sheet {
        file: String,
        sheet: String,
        reason: String,
    },
    #[error("{file}: cannot decode the text: {reason}")]
    Encoding { file: String, reason: String },
    #[error("{file}: line {line}: {reason}")]
    Csv {
        file: String,
        line: u64,
        reason: String,
    },
}
