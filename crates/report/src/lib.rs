//! CS Plan documents: HTML reports and questionnaires, spreadsheet-safe CSV. Every function
//! takes plain values and returns the document as a string; saving it is the caller's job.
//! The HTML is self-contained (inline CSS, inline SVG, inline script): it opens from a file or
//! an email attachment with no network and prints on A4.

mod accounts_export;
mod answers_csv;
mod early_warning_csv;
pub mod forecast;
mod html;
mod import_problems_csv;
mod maturity_report;
mod questionnaire;
mod segments_export;
mod spreadsheet;

pub use accounts_export::{accounts_csv, accounts_xlsx};
pub use answers_csv::answers_csv;
pub use early_warning_csv::{band_name, early_warning_csv};
pub use import_problems_csv::{ProblemRow, import_problems_csv};
pub use maturity_report::maturity_report_html;
pub use questionnaire::{QUESTIONNAIRE_SCRIPT_ID, questionnaire_file_name, questionnaire_html};
pub use segments_export::{
    Membership, SegmentsFile, memberships_csv, segments_csv, segments_file, segments_xlsx,
};
pub use spreadsheet::neutralise;

/// The assessment a document is about, as plain values (the store's record has more).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssessmentHeader {
    pub name: String,
    /// YYYY-MM-DD.
    pub assessed_on: String,
}
