//! What each segment of a rule set holds: accounts, exact ARR, shares, health, NPS and the
//! renewals coming up (the "summary per segment").

use super::SegmentBook;
use super::account::Account;
use super::rules::{RuleSet, assign};
use crate::capacity::TouchModel;
use crate::money::Cents;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The window of "renewals in the next 90 days", counted from the rule set's date.
pub const RENEWAL_WINDOW_DAYS: i64 = 90;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SegmentSummary {
    pub segment: String,
    pub touch_model: TouchModel,
    pub colour: String,
    #[ts(type = "number")]
    pub accounts: u64,
    pub total_arr: Cents,
    /// Fraction 0-1 of the whole book's ARR (0 when the book has no ARR).
    pub share_of_arr: f64,
    /// Fraction 0-1 of the whole book's accounts.
    pub share_of_accounts: f64,
    /// Arithmetic mean of health_score; None for an empty segment.
    pub mean_health: Option<f64>,
    /// The sum of the accounts' health scores (points), mean_health's numerator: kept so the
    /// book's mean over several segments is exact (`book_total`).
    #[ts(type = "number")]
    pub health_points: i64,
    /// NPS in points: % promoters (9-10) minus % detractors (0-6) of those who answered
    /// (DOMAIN.md §5.6, the industry convention the sources do not state); None without answers.
    pub nps: Option<f64>,
    #[ts(type = "number")]
    pub nps_responses: u64,
    /// Answers of 9-10 and of 0-6, NPS's counts.
    #[ts(type = "number")]
    pub nps_promoters: u64,
    #[ts(type = "number")]
    pub nps_detractors: u64,
    /// Accounts renewing between the rule set's date and 90 days later, both included.
    #[ts(type = "number")]
    pub renewals_next_90_days: u64,
    pub renewals_next_90_days_arr: Cents,
}

/// What one segment has added up so far.
#[derive(Default, Clone, Copy)]
pub(crate) struct Tally {
    pub accounts: u64,
    pub arr: i64,
    pub health: i64,
    pub promoters: u64,
    pub detractors: u64,
    pub responses: u64,
    pub renewals: u64,
    pub renewal_arr: i64,
}

/// One summary per segment of the rule set, in rule order with the catch-all last, empty
/// segments included (a chart shows them as zero; the W2 export leaves them out).
pub fn summarize(rules: &RuleSet, accounts: &[Account]) -> Vec<SegmentSummary> {
    summarize_assigned(rules, accounts, &assign(rules, accounts))
}

/// `summarize` from an assignment already made (`assign(rules, accounts)`).
pub fn summarize_assigned(
    rules: &RuleSet,
    accounts: &[Account],
    assigned: &[usize],
) -> Vec<SegmentSummary> {
    let names = rules.segment_names();
    let mut tallies = vec![Tally::default(); names.len()];
    // The window's first day as a day number once, not once per account.
    let window_start = rules.as_of.day_number();
    for (account, &index) in accounts.iter().zip(assigned) {
        let t = &mut tallies[index];
        t.accounts += 1;
        t.arr += account.arr.0;
        t.health += account.health_score;
        if let Some(score) = account.nps {
            t.responses += 1;
            t.promoters += u64::from(score >= 9);
            t.detractors += u64::from(score <= 6);
        }
        if (0..=RENEWAL_WINDOW_DAYS).contains(&(account.renewal_date.day_number() - window_start)) {
            t.renewals += 1;
            t.renewal_arr += account.arr.0;
        }
    }
    finish(rules, tallies, accounts.len())
}

/// `part / whole` as a fraction 0-1; 0 of nothing (an empty book has no shares to give).
pub(crate) fn share(part: f64, whole: f64) -> f64 {
    if whole > 0.0 { part / whole } else { 0.0 }
}

/// `points / count`, None over no accounts.
pub(crate) fn mean(points: i64, count: u64) -> Option<f64> {
    (count > 0).then(|| points as f64 / count as f64)
}

/// NPS in points from the counts (DOMAIN.md §5.6), None without answers.
pub(crate) fn nps(promoters: u64, detractors: u64, responses: u64) -> Option<f64> {
    (responses > 0).then(|| (promoters as f64 - detractors as f64) * 100.0 / responses as f64)
}

/// The summaries from each segment's tally, over a book of `book_accounts` accounts.
pub(crate) fn finish(
    rules: &RuleSet,
    tallies: Vec<Tally>,
    book_accounts: usize,
) -> Vec<SegmentSummary> {
    let names = rules.segment_names();
    let book_accounts = book_accounts as f64;
    let book_arr: i64 = tallies.iter().map(|t| t.arr).sum();
    names
        .iter()
        .zip(rules.touch_models())
        .zip(rules.colours())
        .zip(tallies)
        .map(|(((name, touch_model), colour), t)| SegmentSummary {
            segment: name.to_string(),
            touch_model,
            colour: colour.to_string(),
            accounts: t.accounts,
            total_arr: Cents(t.arr),
            share_of_arr: share(t.arr as f64, book_arr as f64),
            share_of_accounts: share(t.accounts as f64, book_accounts),
            mean_health: mean(t.health, t.accounts),
            health_points: t.health,
            nps: nps(t.promoters, t.detractors, t.responses),
            nps_responses: t.responses,
            nps_promoters: t.promoters,
            nps_detractors: t.detractors,
            renewals_next_90_days: t.renewals,
            renewals_next_90_days_arr: Cents(t.renewal_arr),
        })
        .collect()
}

/// The rule set's segments as the capacity planner's input, empty segments left out (as W3
/// prints only the segments present). Pair with `RuleSet::catalogs` for the activity mix.
pub fn segment_books(rules: &RuleSet, accounts: &[Account]) -> Vec<SegmentBook> {
    books_of(summarize(rules, accounts))
}

/// The non-empty segments of a summary as the capacity planner's input.
pub(crate) fn books_of(summary: Vec<SegmentSummary>) -> Vec<SegmentBook> {
    summary
        .into_iter()
        .filter(|s| s.accounts > 0)
        .map(|s| SegmentBook {
            segment: s.segment,
            accounts: s.accounts,
            total_arr: s.total_arr,
        })
        .collect()
}
