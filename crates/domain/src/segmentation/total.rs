//! The whole book under a rule set: the summary table's Total row and the Segments page's
//! headline (issue #3 summary, DOMAIN.md §2.7: each segment gets its touch model, so the book
//! is also told per touch model). Added up from the segments' exact counts, never from their
//! rounded means, so the UI, the CLI and the exports show the same total.

use super::summary::{SegmentSummary, mean, nps, share};
use crate::capacity::TouchModel;
use crate::money::Cents;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BookTotal {
    /// Segments in the rule set, the catch-all and empty ones included.
    #[ts(type = "number")]
    pub segments: u64,
    #[ts(type = "number")]
    pub accounts: u64,
    pub total_arr: Cents,
    /// Mean health score of the book's accounts, each account weighing one (so a segment of
    /// 900 accounts counts 900 times as much as one of 1). Every account has a score (the
    /// accounts table requires 0-100), so this is the mean over all of them; None for an
    /// empty book.
    pub mean_health: Option<f64>,
    /// NPS of every answer in the book: % promoters minus % detractors of all answers
    /// (DOMAIN.md §5.6), not a mean of the segments' NPS; None without answers.
    pub nps: Option<f64>,
    #[ts(type = "number")]
    pub nps_responses: u64,
    #[ts(type = "number")]
    pub nps_promoters: u64,
    #[ts(type = "number")]
    pub nps_detractors: u64,
    #[ts(type = "number")]
    pub renewals_next_90_days: u64,
    pub renewals_next_90_days_arr: Cents,
    /// The book per touch model (DOMAIN.md §2.4), High, Low, Automated; a model no segment
    /// uses is left out.
    pub touch_models: Vec<TouchModelTotal>,
}

/// The segments served one way, added up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TouchModelTotal {
    pub touch_model: TouchModel,
    #[ts(type = "number")]
    pub segments: u64,
    #[ts(type = "number")]
    pub accounts: u64,
    pub total_arr: Cents,
    /// Fractions 0-1 of the book's accounts and ARR (0 of an empty book).
    pub share_of_accounts: f64,
    pub share_of_arr: f64,
}

const TOUCH_ORDER: [TouchModel; 3] = [
    TouchModel::HighTouch,
    TouchModel::LowTouch,
    TouchModel::Automated,
];

/// The book's total over the segments of one summary (`summarize`).
pub fn book_total(segments: &[SegmentSummary]) -> BookTotal {
    let accounts: u64 = segments.iter().map(|s| s.accounts).sum();
    let total_arr: Cents = segments.iter().map(|s| s.total_arr).sum();
    let promoters = segments.iter().map(|s| s.nps_promoters).sum();
    let detractors = segments.iter().map(|s| s.nps_detractors).sum();
    let responses = segments.iter().map(|s| s.nps_responses).sum();
    let touch_models = TOUCH_ORDER
        .iter()
        .filter_map(|&model| {
            let served: Vec<&SegmentSummary> =
                segments.iter().filter(|s| s.touch_model == model).collect();
            if served.is_empty() {
                return None;
            }
            let model_accounts: u64 = served.iter().map(|s| s.accounts).sum();
            let model_arr: Cents = served.iter().map(|s| s.total_arr).sum();
            Some(TouchModelTotal {
                touch_model: model,
                segments: served.len() as u64,
                accounts: model_accounts,
                total_arr: model_arr,
                share_of_accounts: share(model_accounts as f64, accounts as f64),
                share_of_arr: share(model_arr.0 as f64, total_arr.0 as f64),
            })
        })
        .collect();
    BookTotal {
        segments: segments.len() as u64,
        accounts,
        total_arr,
        mean_health: mean(segments.iter().map(|s| s.health_points).sum(), accounts),
        nps: nps(promoters, detractors, responses),
        nps_responses: responses,
        nps_promoters: promoters,
        nps_detractors: detractors,
        renewals_next_90_days: segments.iter().map(|s| s.renewals_next_90_days).sum(),
        renewals_next_90_days_arr: segments.iter().map(|s| s.renewals_next_90_days_arr).sum(),
        touch_models,
    }
}
