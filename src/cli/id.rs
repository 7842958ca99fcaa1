//! `kinmatch id ID...`

use crate::normalize::id::{Sex, normalize_id};

#[derive(clap::Args, Debug)]
#[command(after_help = "Example:\n  kinmatch id 51990119900101123x '330102800101123' 5.19901199001011E+17")]
pub struct Args {
    /// ID numbers as written (quote them to keep spaces).
    #[arg(required = true)]
    pub ids: Vec<String>,
    /// One JSON object per line instead of a table.
    #[arg(long)]
    pub json: bool,
}

pub fn exec(a: Args) -> anyhow::Result<i32> {
    for raw in &a.ids {
        let n = normalize_id(raw);
        let birth = n
            .birth
            .map(|b| format!("{:04}-{:02}-{:02}", b / 10_000, b / 100 % 100, b % 100))
            .unwrap_or_default();
        let sex = match n.sex {
            Some(Sex::Male) => "male",
            Some(Sex::Female) => "female",
            None => "",
        };
        let region = n.region.clone().unwrap_or_default();
        if a.json {
            println!(
                "{}",
                serde_json::json!({"input": raw, "normalized": n.value, "status": n.status.as_str(),
                    "birth": birth, "sex": sex, "region": region, "key": n.key, "partial": n.partial})
            );
        } else {
            println!("{raw}\t{}\t{}\t{birth}\t{sex}\t{region}", n.value, n.status.as_str());
        }
    }
    Ok(super::exit::OK)
}
