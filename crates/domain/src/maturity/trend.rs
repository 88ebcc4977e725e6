//! How the company moved between assessments: one point per assessment, oldest first.

use super::scoring::ScoreCard;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One assessment on the trend line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TrendPoint {
    /// The assessment's name.
    pub assessment: String,
    /// YYYY-MM-DD.
    pub assessed_on: String,
    pub overall: Option<f64>,
    /// The consensus of questions 1 to 9, in order.
    pub consensus: Vec<Option<f64>>,
}

impl TrendPoint {
    /// The trend point of a scored assessment.
    pub fn from_card(assessment: &str, assessed_on: &str, card: &ScoreCard) -> TrendPoint {
        TrendPoint {
            assessment: assessment.to_string(),
            assessed_on: assessed_on.to_string(),
            overall: card.overall,
            consensus: card.questions.iter().map(|q| q.consensus).collect(),
        }
    }
}
