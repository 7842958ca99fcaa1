//! The `kinmatch` binary: parse arguments, call the library, map the outcome
//! to an exit code. Everything else lives in the library.

use clap::Parser;
use kinmatch::cli::{Cli, dispatch, exit};

/// mimalloc: the batch allocates and frees millions of small records (cells,
/// names, IDs); glibc's malloc spent about a fifth of the county bench in its
/// free lists and the kernel's page zeroing (benches/README.md, "Allocator").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc.h (v2 and v3): the milliseconds before
/// freed memory is returned to the OS; -1 never. Returned at once (the default,
/// 10 ms), the next file's records fault it back in and the kernel zeroes it
/// again: a third of the county bench's time went there.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() {
    // SAFETY: sets an allocator option before any thread is started; mimalloc
    // reads this option at each purge.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
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
