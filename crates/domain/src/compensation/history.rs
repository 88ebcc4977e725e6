//! The per-CSM per-quarter actuals a plan is backtested on (shared/bench/DATA.md §2).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One CSM in one quarter. Money in US dollars; `grr` and `nrr` as stored in the history (the
/// renewal-cohort rates, rounded to 6 decimals), used as given (WORKLOADS.md W4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CsmQuarter {
    pub csm_id: String,
    pub csm_name: String,
    pub segment: String,
    /// `2024Q1`.
    pub quarter: String,
    /// 1 for the first quarter of the history, counting on across years.
    pub quarter_index: u32,
    pub year: i32,
    /// 1–4.
    pub quarter_of_year: u8,
    pub book_arr_start: f64,
    pub num_accounts: f64,
    pub renewable_arr: f64,
    pub renewed_arr: f64,
    pub churned_arr: f64,
    pub downgraded_arr: f64,
    pub expansion_arr: f64,
    pub expansion_quota: f64,
    pub grr: f64,
    pub nrr: f64,
    pub nps: f64,
    pub onboarding_days: f64,
    /// Values of `History::extra_columns`, in that order; `None` where the cell was empty.
    pub extra: Vec<Option<f64>>,
}

impl CsmQuarter {
    /// A numeric column by its header name (standard or extra), if the row has a value.
    pub fn value(&self, column: &str, extra_columns: &[String]) -> Option<f64> {
        let standard = match column {
            "book_arr_start" => self.book_arr_start,
            "num_accounts" => self.num_accounts,
            "renewable_arr" => self.renewable_arr,
            "renewed_arr" => self.renewed_arr,
            "churned_arr" => self.churned_arr,
            "downgraded_arr" => self.downgraded_arr,
            "expansion_arr" => self.expansion_arr,
            "expansion_quota" => self.expansion_quota,
            "grr" => self.grr,
            "nrr" => self.nrr,
            "nps" => self.nps,
            "onboarding_days" => self.onboarding_days,
            "quarter_index" => f64::from(self.quarter_index),
            _ => {
                let index = extra_columns.iter().position(|c| c == column)?;
                return self.extra.get(index).copied().flatten();
            }
        };
        Some(standard)
    }
}

/// Rows sorted by CSM id, then quarter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct History {
    pub rows: Vec<CsmQuarter>,
    /// Numeric columns beyond DATA.md §2's, available to `Metric::Column` measures.
    pub extra_columns: Vec<String>,
}

impl History {
    pub fn new(mut rows: Vec<CsmQuarter>, extra_columns: Vec<String>) -> History {
        rows.sort_by(|a, b| {
            a.csm_id
                .cmp(&b.csm_id)
                .then(a.quarter_index.cmp(&b.quarter_index))
        });
        History {
            rows,
            extra_columns,
        }
    }

    /// Each CSM's rows, CSMs in id order (rows are sorted, so a CSM's rows are contiguous).
    pub fn by_csm(&self) -> Vec<&[CsmQuarter]> {
        self.rows.chunk_by(|a, b| a.csm_id == b.csm_id).collect()
    }

    /// The distinct quarters, in order, as (quarter_index, label).
    pub fn quarters(&self) -> Vec<(u32, String)> {
        let mut quarters: Vec<(u32, String)> = self
            .rows
            .iter()
            .map(|r| (r.quarter_index, r.quarter.clone()))
            .collect();
        quarters.sort();
        quarters.dedup();
        quarters
    }
}
