//! The capacity plan over time as documents (issue #4 part 7): the tables every export shares
//! (sheets.rs), a CSV of the plan per segment and quarter, an XLSX workbook with the sheets
//! Summary, Per segment, Hire-by, Cost and Assumptions, and a one-page HTML report for the CFO
//! with the three charts, the headline numbers and the assumptions. The numbers are the
//! engine's (`csplan_domain::forecast`); these modules only lay them out.

mod csv_file;
mod html;
mod sheets;
mod xlsx;

pub use csv_file::forecast_csv;
pub use html::forecast_report_html;
pub use sheets::{Cell, Sheet, sheets};
pub use xlsx::forecast_xlsx;

use csplan_domain::forecast::{Forecast, ForecastInputs, Preset, RiskBands, Uncertainty};

/// One plan and what was computed from it: what every export is made of.
#[derive(Debug, Clone, Copy)]
pub struct PlanDocument<'a> {
    /// The saved plan's name.
    pub name: &'a str,
    pub inputs: &'a ForecastInputs,
    /// Its uncertainty (the seed and trials of `bands`).
    pub uncertainty: &'a Uncertainty,
    /// The preset the forecast was computed under (base = the inputs as entered).
    pub preset: Preset,
    pub forecast: &'a Forecast,
    /// The Monte Carlo run of the same inputs, when there is one.
    pub bands: Option<&'a RiskBands>,
}
