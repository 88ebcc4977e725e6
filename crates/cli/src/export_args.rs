//! Arguments of `csplan export accounts`.

use clap::{Args, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ExportAccountsArgs {
    /// The workspace file (it must exist).
    #[arg(long)]
    pub db: PathBuf,
    #[arg(long, value_enum)]
    pub format: TableFormat,
    /// The file to write (replaced if it exists).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

/// A table as a spreadsheet file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    Csv,
    Xlsx,
}
