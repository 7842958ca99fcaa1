//! The `kinmatch` binary: parse arguments, call the library, map the outcome
//! to an exit code. Everything else lives in the library.

use clap::Parser;
use kinmatch::cli::{Cli, dispatch, exit};

fn main() {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { exit::USAGE } else { exit::OK };
            let _ = e.print();
            std::process::exit(code);
        }
    };
    match dispatch(cli) {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!("kinmatch：错误：{e:#}");
            std::process::exit(exit::ERROR);
        }
    }
}
