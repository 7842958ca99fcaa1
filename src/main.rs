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

/// `mi_option_allow_thp` in mimalloc.h (v2): whether mimalloc asks for
/// transparent huge pages (`madvise(MADV_HUGEPAGE)`) on the memory it maps.
const MI_OPTION_ALLOW_THP: libmimalloc_sys::mi_option_t = 37;

/// No transparent huge pages for this process. Each huge page the batch
/// faults in is zeroed whole (2 MiB) by the kernel: on the county bench the
/// process faulted in 3.4 GB for a peak of 1.7 GB, and the kernel's zeroing
/// took more time than reading the rolls. With 4 KiB pages only what is
/// touched is zeroed: 0.8 s less of 6 s (benches/README.md, "Huge pages").
fn no_huge_pages() {
    // SAFETY: mimalloc reads the option when it maps memory; set before any
    // thread is started.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_ALLOW_THP, 0) };
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes no pointer; it sets a flag of this
    // process (inherited by no one but its children) and cannot fail harmfully.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

fn main() {
    no_huge_pages();
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
