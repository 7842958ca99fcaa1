//! `kinmatch verify DIR`

use crate::pipeline::verify;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
#[command(after_help = "Example:\n  kinmatch verify out\n\nExit code 0 only when every input and output verifies; 4 otherwise, with each difference listed.")]
pub struct Args {
    /// A batch output folder holding manifest.json.
    pub dir: PathBuf,
}

pub fn exec(a: Args) -> anyhow::Result<i32> {
    let findings = verify(&a.dir)?;
    if findings.is_empty() {
        println!("{}", crate::labels::verified());
        return Ok(super::exit::OK);
    }
    println!("{}", crate::labels::not_verified(findings.len()));
    for f in findings {
        println!("{}", crate::labels::finding(&f.what, &f.detail));
    }
    Ok(super::exit::NOT_VERIFIED)
}
