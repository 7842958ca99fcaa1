//! Command-line definitions (clap) and one module per subcommand. Each
//! subcommand returns the process exit code; errors go up as `anyhow`.

pub mod check;
pub mod id;
pub mod inspect;
pub mod ledger;
pub mod review;
pub mod run;
pub mod verify;

use clap::{Parser, Subcommand};

/// Exit codes, documented in README.md.
pub mod exit {
    pub const OK: i32 = 0;
    pub const ERROR: i32 = 1;
    pub const USAGE: i32 = 2;
    /// The batch finished, but some input could not be read (see the report).
    pub const INPUT_NOT_READ: i32 = 3;
    /// `verify`: the batch does not verify.
    pub const NOT_VERIFIED: i32 = 4;
    /// `check`: the roll holds hits (do not pay before they are verified).
    pub const HITS_FOUND: i32 = 10;
}

#[derive(Parser, Debug)]
#[command(
    name = "kinmatch",
    version,
    about = "党员干部亲属涉权事项比对: match cadres' relatives against beneficiary rolls, with evidence",
    after_help = "Examples:\n  kinmatch inspect fixtures/demo/rolls\n  kinmatch run --kin fixtures/demo/registers --rolls fixtures/demo/rolls --out out\n  kinmatch id 51990119900101123X\n  kinmatch verify out"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Language of the messages on screen: zh (default) or en. Workbooks are
    /// always in Chinese; --json, hits.csv and the manifest keep English codes.
    #[arg(long, global = true, value_parser = ["zh", "en"], default_value = "zh")]
    pub lang: String,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Show what the reader makes of each file: header row, column roles, rows, ID quality.
    Inspect(inspect::Args),
    /// Run the comparison batch: registers × rolls -> hits.csv, review workbooks, summary, manifest.
    Run(run::Args),
    /// Build a register snapshot for fast pre-disbursement checks.
    Index(check::IndexArgs),
    /// Check a roll before paying: match it against a snapshot; exit 10 when there are hits.
    Check(check::CheckArgs),
    /// Normalize ID numbers with the batch's own normalizer.
    Id(id::Args),
    /// Read filled-in review workbooks back into a decisions file.
    #[command(subcommand)]
    Review(review::Command),
    /// Draw a reproducible spot-check sample of verified hits per approving unit.
    Sample(review::SampleArgs),
    /// The ledger (台账): leads per unit, overdue, export, register changes, 销号.
    #[command(subcommand)]
    Ledger(ledger::Command),
    /// Write a blank register or roll workbook in the layout the engine reads best.
    Template(review::TemplateArgs),
    /// Re-run an archived batch from its manifest and check every input and output.
    Verify(verify::Args),
}

pub fn dispatch(cli: Cli) -> anyhow::Result<i32> {
    crate::labels::set_lang(if cli.lang == "en" { crate::labels::Lang::En } else { crate::labels::Lang::Zh });
    match cli.command {
        Command::Inspect(a) => inspect::exec(a),
        Command::Run(a) => run::exec(a),
        Command::Id(a) => id::exec(a),
        Command::Index(a) => check::exec_index(a),
        Command::Check(a) => check::exec_check(a),
        Command::Review(c) => review::exec(c),
        Command::Sample(a) => review::exec_sample(a),
        Command::Template(a) => review::exec_template(a),
        Command::Ledger(c) => ledger::exec(c),
        Command::Verify(a) => verify::exec(a),
    }
}
