//! Errors of the loading stage. Every error names the file (and the sheet and
//! row where there is one) so a report line can be acted on.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum LoadError {
    #[error("{file}：无法读取文件：{source}")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{file}：空文件（0 字节）")]
    Empty { file: String },
    #[error("{file}：工作簿有密码或已加密；请去掉密码后另存")]
    Encrypted { file: String },
    #[error("{file}：不是表格文件：{reason}")]
    NotSpreadsheet { file: String, reason: String },
    #[error("{file}：工作簿已损坏：{reason}")]
    Corrupt { file: String, reason: String },
    #[error("{file}：无法识别文本编码：{reason}")]
    Encoding { file: String, reason: String },
    #[error("{file}：第 {line} 行：{reason}")]
    Csv {
        file: String,
        line: u64,
        reason: String,
    },
}
