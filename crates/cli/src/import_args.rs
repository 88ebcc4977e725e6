//! Arguments of `csplan import accounts`.

use clap::{Args, ValueEnum};
use csplan_domain::values::DateOrder;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ImportAccountsArgs {
    /// The CSV or XLSX file to import (told apart by extension and content).
    pub file: PathBuf,
    /// The workspace file (created empty if missing).
    #[arg(long)]
    pub db: PathBuf,
    /// Read the columns with the mapping saved under this name (made in the app, or by an
    /// earlier import with this option); after a successful import it is saved under it.
    #[arg(long, value_name = "NAME")]
    pub mapping: Option<String>,
    /// Read one column as a field, overriding the detected or saved mapping (repeatable):
    /// "Contract Value=arr", "Owner=csm_owner", "MRR=mrr"; "Notes=ignore" drops a column,
    /// "Tier=custom" keeps it as a custom field. The changed mapping is saved like any other.
    #[arg(long = "map", value_name = "HEADER=FIELD")]
    pub map: Vec<String>,
    /// Import the valid rows and skip the others (listed in the report) instead of rejecting
    /// the whole file.
    #[arg(long)]
    pub skip_invalid: bool,
    /// Write every problem to this CSV file (line, column, value, reason).
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Order of day and month in numeric dates such as 03/04/2026, when the file does not
    /// decide it (mdy = US, dmy = most other countries).
    #[arg(long, value_enum)]
    pub date_order: Option<DateOrderArg>,
    /// XLSX: the sheet to read (default: the first).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DateOrderArg {
    Mdy,
    Dmy,
}

impl From<DateOrderArg> for DateOrder {
    fn from(arg: DateOrderArg) -> DateOrder {
        match arg {
            DateOrderArg::Mdy => DateOrder::Mdy,
            DateOrderArg::Dmy => DateOrder::Dmy,
        }
    }
}
