//! The ledger (台账): the county's state between batches, in one embedded
//! SQLite file. It sits beside the pipeline, not inside it: a run hands it the
//! registers it read and the hits it found; `review import` hands it the
//! reviewers' decisions; `ledger status` / `ledger export` read it back.
//!
//! Schema (version [`SCHEMA_VERSION`], `PRAGMA user_version`):
//!
//! | table | holds |
//! |---|---|
//! | `register_files` | every register file a run read: SHA-256, file, date received, batch |
//! | `register_persons` | one version of one register row per `(unit, ident)`, valid from / to (a removed relative is ended, a changed ID or relation is a new version) |
//! | `register_changes` | added / removed / changed between a unit's submissions; `late` marks a relative reported after a lead had found them (补报) |
//! | `batches` | every run recorded: batch id, run date, hits |
//! | `leads` | one row per `hit_id`: first / last seen, approving unit, due date, status, decision, publicity, the hit as JSON |
//! | `lead_events` | every change of a lead: when, who, what, from which workbook |
//! | `objections`, `samples` | objections raised during publicity; spot-check draws (rate, seed, unit, hits) |
//!
//! Every write is one transaction in WAL mode: a process killed half-way
//! leaves the ledger as it was. The file is created readable by its owner only.

mod dates;
mod leads;
mod registers;

pub use dates::add_days;
pub use leads::{ImportOutcome, LeadRow, LeadStatus, RunFacts, RunRecord, StatusCounts, UnitStatus};
pub use registers::{RegisterChange, RegisterRecord};

use rusqlite::Connection;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// The default ledger file, in the working directory.
pub const DEFAULT_PATH: &str = "kinmatch.db";
/// Days a lead has to be verified, unless `--due-days` says otherwise.
pub const DEFAULT_DUE_DAYS: u32 = 20;
/// Days a publicity list stays up.
pub const PUBLICITY_DAYS: u32 = 7;

#[derive(Debug, Error)]
pub enum LedgerError {
    #[error("台账 {path}：{source}")]
    Sqlite {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    #[error("台账 {path}：无法创建（{source}）")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("台账 {path} 的结构版本为 {found}，本程序只认识到 {known}：请用新版本的 kinmatch 打开（ledger schema {found} is newer than {known}）")]
    NewerSchema { path: String, found: i64, known: i64 },
    #[error("台账 {path}：{message}")]
    Invalid { path: String, message: String },
}

/// An SQLite error on the ledger at `path`.
pub(crate) fn sql_err(path: &str) -> impl Fn(rusqlite::Error) -> LedgerError + Copy + '_ {
    move |source| LedgerError::Sqlite { path: path.to_string(), source }
}

/// The migrations, in order: `MIGRATIONS[i]` takes the schema from version i to i + 1.
const MIGRATIONS: &[&str] = &[r#"
CREATE TABLE register_files (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL,
    file TEXT NOT NULL,
    received TEXT NOT NULL,
    batch TEXT NOT NULL,
    rows INTEGER NOT NULL,
    UNIQUE (sha256, file, received)
);
CREATE TABLE register_persons (
    id INTEGER PRIMARY KEY,
    unit TEXT NOT NULL,
    ident TEXT NOT NULL,
    content TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_to TEXT,
    file TEXT NOT NULL,
    sheet TEXT NOT NULL,
    row INTEGER NOT NULL,
    cadre_name TEXT NOT NULL,
    cadre_id TEXT NOT NULL,
    cadre_id_num REAL,
    cadre_unit TEXT NOT NULL,
    cadre_post TEXT NOT NULL,
    relative_name TEXT NOT NULL,
    relative_id TEXT NOT NULL,
    relative_id_num REAL,
    relation_term TEXT NOT NULL,
    address TEXT NOT NULL,
    birth TEXT NOT NULL
);
CREATE INDEX register_persons_open ON register_persons (unit, valid_to);
CREATE INDEX register_persons_dates ON register_persons (valid_from, valid_to);
CREATE TABLE register_changes (
    id INTEGER PRIMARY KEY,
    received TEXT NOT NULL,
    batch TEXT NOT NULL,
    unit TEXT NOT NULL,
    change TEXT NOT NULL,
    cadre_name TEXT NOT NULL,
    relative_name TEXT NOT NULL,
    relation_term TEXT NOT NULL,
    detail TEXT NOT NULL,
    late_hit TEXT
);
CREATE TABLE batches (
    seq INTEGER PRIMARY KEY,
    batch_id TEXT NOT NULL,
    run_date TEXT NOT NULL,
    hits INTEGER NOT NULL,
    registers_as_of TEXT
);
CREATE TABLE leads (
    hit_id TEXT PRIMARY KEY,
    first_batch TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_batch TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    found INTEGER NOT NULL,
    approving_unit TEXT NOT NULL,
    due TEXT NOT NULL,
    status TEXT NOT NULL,
    conclusion TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL DEFAULT '',
    reviewer TEXT NOT NULL DEFAULT '',
    review_date TEXT NOT NULL DEFAULT '',
    remark TEXT NOT NULL DEFAULT '',
    decision_source TEXT NOT NULL DEFAULT '',
    published_on TEXT,
    publicity_ends TEXT,
    closed_on TEXT,
    roll_file TEXT NOT NULL,
    hit_json TEXT NOT NULL
);
CREATE INDEX leads_unit ON leads (approving_unit, status);
CREATE TABLE lead_events (
    id INTEGER PRIMARY KEY,
    hit_id TEXT NOT NULL REFERENCES leads (hit_id),
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    what TEXT NOT NULL,
    source TEXT NOT NULL
);
CREATE INDEX lead_events_hit ON lead_events (hit_id);
CREATE TABLE objections (
    id INTEGER PRIMARY KEY,
    hit_id TEXT NOT NULL REFERENCES leads (hit_id),
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE TABLE samples (
    id INTEGER PRIMARY KEY,
    drawn_on TEXT NOT NULL,
    batch TEXT NOT NULL,
    rate REAL NOT NULL,
    seed INTEGER NOT NULL,
    unit TEXT NOT NULL,
    hits TEXT NOT NULL
);
"#, r#"
-- v2: leads of every comparison (虚报冒领 findings too); a run marks as no
-- longer found only the leads of the comparisons it ran.
ALTER TABLE leads ADD COLUMN comparison TEXT NOT NULL DEFAULT 'relatives_rolls';
"#];

/// The schema version this program writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// An open ledger.
pub struct Ledger {
    conn: Connection,
    path: PathBuf,
}

impl Ledger {
    /// Open the ledger at `path`, creating it (owner-only) and bringing its
    /// schema up to date.
    pub fn open(path: &Path) -> Result<Ledger, LedgerError> {
        let shown = path.display().to_string();
        if !path.exists() {
            create_private(path).map_err(|source| LedgerError::Io { path: shown.clone(), source })?;
        }
        let conn = Connection::open(path).map_err(|source| LedgerError::Sqlite { path: shown.clone(), source })?;
        let mut l = Ledger { conn, path: path.to_path_buf() };
        l.setup()?;
        Ok(l)
    }

    /// Open an existing ledger only (for the commands that read it).
    pub fn open_existing(path: &Path) -> Result<Ledger, LedgerError> {
        if !path.is_file() {
            return Err(LedgerError::Invalid {
                path: path.display().to_string(),
                message: "文件不存在：先用 kinmatch run --ledger 建立台账（ledger not found）".into(),
            });
        }
        Ledger::open(path)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn err(&self) -> impl Fn(rusqlite::Error) -> LedgerError + '_ {
        move |source| LedgerError::Sqlite { path: self.path.display().to_string(), source }
    }

    /// A write transaction, taking the write lock at once (a second writer
    /// waits for it, instead of failing later on a stale snapshot), and the
    /// path to name in errors.
    fn begin(&mut self) -> Result<(rusqlite::Transaction<'_>, String), LedgerError> {
        let path = self.path.display().to_string();
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(sql_err(&path))?;
        Ok((tx, path))
    }

    fn setup(&mut self) -> Result<(), LedgerError> {
        let path = self.path.display().to_string();
        let e = |source| LedgerError::Sqlite { path: path.clone(), source };
        // Wait for another writer instead of failing at once (two imports at a time).
        self.conn.busy_timeout(std::time::Duration::from_secs(60)).map_err(e)?;
        let mode: String = self
            .conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
            .map_err(e)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(LedgerError::Invalid { path, message: format!("无法启用 WAL 日志模式（journal_mode={mode}）") });
        }
        self.conn.pragma_update(None, "foreign_keys", true).map_err(e)?;
        self.conn.pragma_update(None, "synchronous", "FULL").map_err(e)?;
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(e)?;
        let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(e)?;
        if version > SCHEMA_VERSION {
            return Err(LedgerError::NewerSchema { path, found: version, known: SCHEMA_VERSION });
        }
        for (i, m) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            tx.execute_batch(m).map_err(e)?;
            tx.pragma_update(None, "user_version", i as i64 + 1).map_err(e)?;
        }
        tx.commit().map_err(e)
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<i64, LedgerError> {
        self.conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(self.err())
    }

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    pub fn integrity_check(&self) -> Result<String, LedgerError> {
        self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).map_err(self.err())
    }
}

/// Fault injection for the kill tests: with `KINMATCH_TEST_PAUSE_IN_TX=MS`,
/// every write transaction waits that long before it commits, so that a test
/// can kill the process half-way through one.
pub(crate) fn test_pause() {
    if let Some(ms) = std::env::var("KINMATCH_TEST_PAUSE_IN_TX").ok().and_then(|v| v.parse::<u64>().ok()) {
        eprintln!("KINMATCH_TEST_PAUSE_IN_TX: inside a ledger transaction");
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}

/// Create an empty file readable and writable by its owner only.
fn create_private(path: &Path) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    o.open(path).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_ledger_has_the_schema_and_is_owner_only() {
        let tmp = tempfile::tempdir().unwrap();
        let p = tmp.path().join("sub").join("kinmatch.db");
        let l = Ledger::open(&p).unwrap();
        assert_eq!(l.schema_version().unwrap(), SCHEMA_VERSION);
        assert_eq!(l.integrity_check().unwrap(), "ok");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{mode:o}");
        }
        drop(l);
        // Opening again migrates nothing and keeps the version.
        assert_eq!(Ledger::open(&p).unwrap().schema_version().unwrap(), SCHEMA_VERSION);
    }

    #[test]
    fn a_version_1_ledger_is_migrated_in_place() {
        let tmp = tempfile::tempdir().unwrap();
        let p = tmp.path().join("kinmatch.db");
        let c = Connection::open(&p).unwrap();
        c.execute_batch(MIGRATIONS[0]).unwrap();
        c.execute(
            "INSERT INTO leads (hit_id, first_batch, first_seen, last_batch, last_seen, found, approving_unit, due, status, roll_file, hit_json)
             VALUES ('h1', 'b', '2024-01-01', 'b', '2024-01-01', 1, '县民政局', '2024-01-21', 'pending', 'x.xlsx', '{}')",
            [],
        )
        .unwrap();
        c.pragma_update(None, "user_version", 1).unwrap();
        drop(c);
        let l = Ledger::open(&p).unwrap();
        assert_eq!(l.schema_version().unwrap(), SCHEMA_VERSION);
        let comparison: String = l.conn.query_row("SELECT comparison FROM leads WHERE hit_id = 'h1'", [], |r| r.get(0)).unwrap();
        assert_eq!(comparison, "relatives_rolls");
    }

    #[test]
    fn a_ledger_from_a_newer_program_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let p = tmp.path().join("kinmatch.db");
        drop(Ledger::open(&p).unwrap());
        let c = Connection::open(&p).unwrap();
        c.pragma_update(None, "user_version", SCHEMA_VERSION + 1).unwrap();
        drop(c);
        let e = Ledger::open(&p).err().expect("refused").to_string();
        assert!(e.contains("newer"), "{e}");
    }
}
