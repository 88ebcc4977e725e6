// Keeps a console window from opening next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// mimalloc, as in the CLI: an import's rows are allocated on the reading thread and freed on
/// SQLite's, which glibc does under its arenas' locks (13% of a million-account import).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    csplan_app_lib::run();
}
