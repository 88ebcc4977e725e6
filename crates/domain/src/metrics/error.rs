//! Why metric inputs were refused; each message names the value to fix.

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MetricsError {
    #[error("NPS answer {position}: score {score} is outside 0–10 (DOMAIN.md §5.6)")]
    NpsScore { position: usize, score: u8 },
    #[error(
        "health bands: green starts at {green_from} and yellow at {yellow_from}; both must be numbers with yellow below green"
    )]
    HealthBands { green_from: f64, yellow_from: f64 },
    #[error("period: the length must be at least 1 month")]
    PeriodMonths,
    #[error("gross margin {0} is not a fraction between 0 and 1")]
    GrossMargin(f64),
    #[error("NRR–GRR gap threshold {0} must be a number of points, zero or more")]
    GapThreshold(f64),
}
