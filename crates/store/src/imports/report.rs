//! What an import tells the user: the rows it wrote, or every problem that stopped it, each with
//! its physical line, column, value and reason.

use serde::Serialize;
use std::fmt;
use ts_rs::TS;

/// The first problems are listed in full; past this many they are only counted (a broken
/// million-row file must not fill the memory with its report).
pub(crate) const MAX_LISTED_PROBLEMS: usize = 10_000;
/// How many problems the one-line message (Display) spells out.
const PROBLEMS_IN_MESSAGE: usize = 5;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportProblem {
    /// Physical line of the file, the header being line 1 (XLSX: the sheet's row number).
    #[ts(type = "number")]
    pub line: u64,
    /// The column's header in the file, or None when the whole record is wrong (e.g. too many
    /// fields, bad encoding).
    pub column: Option<String>,
    /// The value as the file has it ("" for whole-record problems).
    pub value: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportReport {
    pub file: String,
    /// The first problems (at most 10,000), in file order.
    pub problems: Vec<ImportProblem>,
    #[ts(type = "number")]
    pub total_problems: u64,
    /// Records with at least one problem (a record can have several).
    #[ts(type = "number")]
    pub rejected_rows: u64,
}

/// The summary of the plain `import_accounts_csv` call (kept for its callers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportSummary {
    pub file: String,
    #[ts(type = "number")]
    pub added: u64,
    #[ts(type = "number")]
    pub updated: u64,
}

#[derive(Debug, Default)]
pub(crate) struct Problems {
    pub list: Vec<ImportProblem>,
    pub total: u64,
}

impl Problems {
    pub fn push(&mut self, line: u64, column: Option<String>, value: String, reason: String) {
        self.total += 1;
        if self.list.len() < MAX_LISTED_PROBLEMS {
            self.list.push(ImportProblem {
                line,
                column,
                value,
                reason,
            });
        }
    }

    pub fn into_report(self, file: String, rejected_rows: u64) -> ImportReport {
        ImportReport {
            file,
            problems: self.list,
            total_problems: self.total,
            rejected_rows,
        }
    }
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.column {
            Some(column) => write!(f, "line {}, column {column}: {}", self.line, self.reason),
            None => write!(f, "line {}: the record {}", self.line, self.reason),
        }
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = if self.total_problems == 1 { "" } else { "s" };
        write!(
            f,
            "{} was not imported: {} problem{plural} found, so nothing was written. Fix the file and import it again, or import only the valid rows.",
            self.file, self.total_problems
        )?;
        for problem in self.problems.iter().take(PROBLEMS_IN_MESSAGE) {
            write!(f, "\n  {problem}")?;
        }
        let shown = self.problems.len().min(PROBLEMS_IN_MESSAGE) as u64;
        if self.total_problems > shown {
            write!(f, "\n  ... and {} more", self.total_problems - shown)?;
        }
        Ok(())
    }
}

impl std::error::Error for ImportReport {}
