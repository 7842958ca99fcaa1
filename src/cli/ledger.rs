//! `kinmatch ledger status | export | changes | close | object | history`

use crate::labels as msgs;
use crate::ledger::{DEFAULT_PATH, Ledger};
use std::path::PathBuf;

#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// Leads per approving unit: pending, overdue, decided, closed, not yet published.
    #[command(after_help = "Examples:\n  kinmatch ledger status\n  kinmatch ledger status --as-of 2024-12-01 --json\n\n--json prints {\"as_of\": …, \"units\": [{\"unit\", \"pending\", \"overdue\", \"decided\", \"closed\", \"unpublished\"}], \"total\": {…}}.")]
    Status {
        #[arg(long, default_value = DEFAULT_PATH)]
        ledger: PathBuf,
        /// Count overdue leads on this date (default: today).
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The county's ledger as a workbook: a sheet per status, each unit's overdue leads, a chart.
    #[command(after_help = "Example:\n  kinmatch ledger export -o 台账.xlsx --as-of 2024-12-01\n\nThe same ledger content and date give the same bytes. ID numbers are masked.")]
    Export {
        #[arg(long, default_value = DEFAULT_PATH)]
        ledger: PathBuf,
        #[arg(short, long)]
        out: PathBuf,
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
    },
    /// What changed between the units' register submissions (added / removed / changed, 补报).
    #[command(after_help = "Example:\n  kinmatch ledger changes --json")]
    Changes {
        #[arg(long, default_value = DEFAULT_PATH)]
        ledger: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Close verified leads (销号).
    #[command(after_help = "Example:\n  kinmatch ledger close 3f2a9c1d0b7e4a55 --by 张三 --date 2024-12-05 --note 已追回资金")]
    Close {
        #[arg(required = true)]
        hit_ids: Vec<String>,
        #[arg(long, default_value = DEFAULT_PATH)]
        ledger: PathBuf,
        #[arg(long)]
        by: String,
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Record an objection raised while a lead was on its publicity list.
    #[command(after_help = "Example:\n  kinmatch ledger object 3f2a9c1d0b7e4a55 --text 村民反映该户有车辆 --by 县纪委")]
    Object {
        hit_id: String,
        #[arg(long, default_value = DEFAULT_PATH)]
        ledger: PathBuf,
        #[arg(long)]
        text: String,
        #[arg(long, default_value = "")]
        by: String,
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
    },
    /// Every change of one lead: when, who, what, from which workbook.
    History {
        hit_id: String,
        #[arg(long, default_value = DEFAULT_PATH)]
        ledger: PathBuf,
    },
}

fn date_or_today(d: Option<String>) -> anyhow::Result<String> {
    let d = d.unwrap_or_else(crate::pipeline::today);
    if crate::ledger::add_days(&d, 0).is_none() {
        anyhow::bail!("日期应为 YYYY-MM-DD：{d}");
    }
    Ok(d)
}

pub fn exec(c: Command) -> anyhow::Result<i32> {
    match c {
        Command::Status { ledger, as_of, json } => {
            let as_of = date_or_today(as_of)?;
            let l = Ledger::open_existing(&ledger)?;
            let (units, total) = l.status(&as_of)?;
            if json {
                let v = serde_json::json!({ "as_of": as_of, "units": units, "total": total });
                println!("{}", serde_json::to_string_pretty(&v)?);
            } else {
                println!("{}", msgs::ledger_status_header(&as_of));
                for u in units.iter().map(|u| (u.unit.as_str(), &u.counts)).chain([(msgs::total_word(), &total)]) {
                    let c = u.1;
                    println!("{}\t{}\t{}\t{}\t{}\t{}", u.0, c.pending, c.overdue, c.decided, c.closed, c.unpublished);
                }
            }
            Ok(super::exit::OK)
        }
        Command::Export { ledger, out, as_of } => {
            let as_of = date_or_today(as_of)?;
            let l = Ledger::open_existing(&ledger)?;
            let leads = l.leads(&as_of)?;
            let (units, total) = l.status(&as_of)?;
            crate::report::write_ledger(&out, &leads, &units, &total, &as_of)?;
            println!("{}", msgs::ledger_exported(&out.display().to_string(), leads.len()));
            Ok(super::exit::OK)
        }
        Command::Changes { ledger, json } => {
            let l = Ledger::open_existing(&ledger)?;
            let ch = l.register_changes()?;
            if json {
                println!("{}", serde_json::to_string_pretty(&ch)?);
            } else {
                for c in &ch {
                    let late = c.late_hit.as_deref().map(|h| format!("（补报：比对已发现，线索 {h}）")).unwrap_or_default();
                    let what = match c.change.as_str() {
                        "added" => "新增",
                        "removed" => "删除",
                        _ => "变更",
                    };
                    println!("{}\t{}\t{what}\t{}\t{}（{}）\t{}{late}", c.received, c.unit, c.cadre_name, c.relative_name, c.relation_term, c.detail);
                }
            }
            Ok(super::exit::OK)
        }
        Command::Close { hit_ids, ledger, by, date, note } => {
            let date = date_or_today(date)?;
            let mut l = Ledger::open_existing(&ledger)?;
            let refused = l.close(&hit_ids, &by, &date, &note)?;
            println!("{}", msgs::ledger_closed(hit_ids.len() - refused.len(), &refused));
            Ok(if refused.is_empty() { super::exit::OK } else { super::exit::INPUT_NOT_READ })
        }
        Command::Object { hit_id, ledger, text, by, date } => {
            let date = date_or_today(date)?;
            let mut l = Ledger::open_existing(&ledger)?;
            let known = l.object(&hit_id, &by, &date, &text)?;
            println!("{}", msgs::ledger_object(&hit_id, known));
            Ok(if known { super::exit::OK } else { super::exit::INPUT_NOT_READ })
        }
        Command::History { hit_id, ledger } => {
            let l = Ledger::open_existing(&ledger)?;
            for (at, who, what, source) in l.events(&hit_id)? {
                println!("{at}\t{who}\t{what}\t{source}");
            }
            Ok(super::exit::OK)
        }
    }
}
