//! Health distribution per segment (DOMAIN.md §6.2: green = good, yellow = average, red =
//! poor), with the metrics page's editable cut-offs, for the Segments page's health chart.

use super::account::Account;
use super::rules::{RuleSet, assign};
use crate::metrics::{HealthBand, HealthBands};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SegmentHealth {
    pub segment: String,
    pub colour: String,
    #[ts(type = "number")]
    pub red: u64,
    #[ts(type = "number")]
    pub yellow: u64,
    #[ts(type = "number")]
    pub green: u64,
}

impl SegmentHealth {
    pub fn accounts(&self) -> u64 {
        self.red + self.yellow + self.green
    }
}

/// Accounts per health band in each segment of the rule set, in rule order with the
/// catch-all last (empty segments included, like `summarize`).
pub fn health_by_segment(
    rules: &RuleSet,
    accounts: &[Account],
    bands: &HealthBands,
) -> Vec<SegmentHealth> {
    health_assigned(rules, accounts, &assign(rules, accounts), bands)
}

/// `health_by_segment` from an assignment already made (`assign(rules, accounts)`).
pub fn health_assigned(
    rules: &RuleSet,
    accounts: &[Account],
    assigned: &[usize],
    bands: &HealthBands,
) -> Vec<SegmentHealth> {
    let mut rows: Vec<SegmentHealth> = rules
        .segment_names()
        .iter()
        .zip(rules.colours())
        .map(|(name, colour)| SegmentHealth {
            segment: name.to_string(),
            colour: colour.to_string(),
            red: 0,
            yellow: 0,
            green: 0,
        })
        .collect();
    for (account, &index) in accounts.iter().zip(assigned) {
        let row = &mut rows[index];
        // Scores are whole points 0-100 (the accounts table checks them), always a number.
        match bands.classify(account.health_score as f64) {
            Some(HealthBand::Green) => row.green += 1,
            Some(HealthBand::Yellow) => row.yellow += 1,
            Some(HealthBand::Red) | None => row.red += 1,
        }
    }
    rows
}
