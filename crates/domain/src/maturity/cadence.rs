//! Question 9 answered from a number: how often the executive team reviews customer feedback
//! (DOMAIN.md §4.1 Q9 and §8.4: every 3–6 months → Poor, monthly → Average, daily → Excellent).

use super::level::Level;

/// The Q9 level for a review cadence given as days between executive reviews of customer
/// feedback. Daily or more often (≤ 1 day) is Excellent; at least monthly (≤ 31 days, the longest
/// month) is Average; anything rarer is Poor. The source names no level between "once a month"
/// and "every 3-6 months", so a cadence in that gap has not reached Average and reads as Poor
/// (DERIVED). A value that is not a number has no cadence and also reads as Poor.
pub fn level_for_review_cadence(days_between_reviews: f64) -> Level {
    if days_between_reviews <= 1.0 {
        Level::Excellent
    } else if days_between_reviews <= 31.0 {
        Level::Average
    } else {
        Level::Poor
    }
}
