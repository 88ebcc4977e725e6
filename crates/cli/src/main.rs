//! `csplan`: the headless CS Plan. It runs the same store and domain calls as the app, so the
//! numbers it prints are the numbers the app shows.

mod args;
mod catalog_file;
mod commands;
mod comp_args;
mod comp_report;
mod export_args;
mod import_args;
mod maturity_args;
mod maturity_output;
mod metrics_args;
mod plan_args;
mod plan_output;
mod report;
mod rule_source;
mod rules_args;
mod segment_args;

use clap::Parser;
use std::process::ExitCode;

/// mimalloc instead of the system allocator: an import's rows are allocated on the reading thread
/// and freed on SQLite's, and glibc frees across threads under its arenas' locks (13% of a
/// million-account import's samples, all on SQLite's thread, its critical path).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = args::Cli::parse();
    // One thread is enough: the work is a few SQLite queries and arithmetic, and a
    // multi-threaded runtime only adds start-up time to every invocation.
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: could not start: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(commands::run(args)) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`csplan capacity | head`): nothing is wrong, stop quietly.
        Err(error)
            if error
                .downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
