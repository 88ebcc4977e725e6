//! `csplan plan` and `csplan export plan`, as clap parses them.

use crate::args::Format;
use clap::{Args, Subcommand, ValueEnum};
use csplan_domain::forecast::Preset;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PresetArg {
    /// The inputs as entered.
    Base,
    /// More new logos and expansion, less churn and attrition.
    Best,
    /// Fewer new logos, less expansion, more churn, heavier accounts, more attrition.
    Worst,
}

impl From<PresetArg> for Preset {
    fn from(arg: PresetArg) -> Preset {
        match arg {
            PresetArg::Base => Preset::Base,
            PresetArg::Best => Preset::Best,
            PresetArg::Worst => Preset::Worst,
        }
    }
}

/// Which saved plan, and what to change for this run only.
#[derive(Debug, Args)]
pub struct PlanSource {
    /// The workspace file (it must exist).
    #[arg(long)]
    pub db: PathBuf,
    /// The saved plan (as named on the Plan page); default: the plan opened last.
    #[arg(long)]
    pub scenario: Option<String>,
    /// Quarters to plan, 2 to 12 (default: the plan's).
    #[arg(long, value_name = "N")]
    pub quarters: Option<u32>,
    /// Monte Carlo trials for the risk bands (default: the plan's; 0 = no bands).
    #[arg(long, value_name = "N")]
    pub trials: Option<u32>,
    /// Monte Carlo seed (default: the plan's); the same seed gives the same bands.
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
    /// Named preset on the uncertain inputs; risk bands are computed for the base plan only.
    #[arg(long, value_enum, default_value = "base")]
    pub preset: PresetArg,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    #[command(flatten)]
    pub source: PlanSource,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Workbook with the sheets Summary, Per segment, Hire-by, Cost, Assumptions.
    Xlsx,
    /// The plan per segment and quarter, then the totals.
    Csv,
    /// The one-page report for the CFO, printable to PDF.
    Html,
}

#[derive(Debug, Subcommand)]
pub enum ExportWhat {
    /// The capacity plan over time of a saved plan.
    Plan(ExportPlanArgs),
    /// The customer book (WORKLOADS.md §0 columns, then the import's custom fields).
    Accounts(crate::export_args::ExportAccountsArgs),
    /// A rule set's summary per segment (and with --accounts, each account's segment).
    Segments(crate::export_args::ExportSegmentsArgs),
}

#[derive(Debug, Args)]
pub struct ExportPlanArgs {
    #[command(flatten)]
    pub source: PlanSource,
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// The file to write (replaced if it exists).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}
