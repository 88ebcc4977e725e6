//! Ceilings far above any real company that keep the arithmetic safe: with at most 100
//! segments, $10 trillion of ARR and 10 billion logos a segment, every sum of cents fits an i64
//! and every sum of headcounts a u64, so runaway drivers (1000% growth a quarter, a Monte Carlo
//! multiplier of 100) cannot overflow. A plan that reaches a ceiling is refused with the
//! segment and quarter named.

use crate::money::Cents;

/// The largest amount of money the plan holds: $10 trillion.
pub const MAX_AMOUNT: Cents = Cents(1_000_000_000_000_000);
/// The most logos a segment can have.
pub const MAX_LOGOS: f64 = 1e10;
pub const MAX_SEGMENTS: usize = 100;
/// Activities per customer per month, at most (the sources' CSM does 600 a month).
pub const MAX_ACTIVITIES_PER_CUSTOMER: f64 = 10_000.0;
/// Activities one CSM does a month, at least.
pub const MIN_CSM_ACTIVITIES: f64 = 1.0;
pub const MAX_CURRENT_CSMS: f64 = 1e6;

/// Cents from a float amount of cents, half away from zero (the plan's one money rounding),
/// held within +-[`MAX_AMOUNT`].
pub(crate) fn to_cents(cents: f64) -> Cents {
    let max = MAX_AMOUNT.0 as f64;
    Cents(cents.round().clamp(-max, max) as i64)
}
