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

/// Arguments of `csplan export segments`.
#[derive(Debug, Args)]
pub struct ExportSegmentsArgs {
    /// The workspace file (it must exist).
    #[arg(long)]
    pub db: PathBuf,
    /// A rule set file (TOML, or JSON ending in .json) or the name of a saved rule set.
    #[arg(long, value_name = "FILE|NAME")]
    pub rules: String,
    #[arg(long, value_enum)]
    pub format: TableFormat,
    /// Also every account with its segment: the CSV becomes that list; the workbook gets an
    /// "Accounts" sheet beside "Segments".
    #[arg(long)]
    pub accounts: bool,
    /// The file to write (replaced if it exists).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}
