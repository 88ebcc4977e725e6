//! The capacity plan over time (issue #4; DOMAIN.md §1.3, §1.4, §1.10, §5.2, §8.1): each
//! segment's book rolled forward quarter by quarter, the CSMs both models require, the team that
//! ramps and leaves, the hire-by calendar, the cost against the benchmark band, the CS Magic
//! Number, seeded risk bands, presets and the comparison of two plans.

mod book;
mod calendar;
mod comparison;
mod cost;
mod engine;
mod error;
mod factors;
mod hires;
mod inputs;
mod limits;
mod need;
mod output;
mod simulate;
mod staffing;
mod totals;
mod uncertainty;
mod validate;

pub use comparison::{ForecastComparison, HireShift, QuarterDelta, compare};
pub use cost::{ESTABLISHED_UP_TO, LARGE_ORGANISATION_BELOW, MAGIC_NUMBER_TARGET};
pub use engine::{forecast, forecast_with};
pub use error::ForecastError;
pub use factors::{Factors, Preset};
pub use inputs::{
    ArrMovement, CostInputs, DEFAULT_QUARTERS, Drivers, ForecastInputs, LogoMovement, MAX_QUARTERS,
    MIN_QUARTERS, QuarterOverride, RampProfile, RequiredBasis, SegmentForecast, Supply,
};
pub use limits::{
    MAX_ACTIVITIES_PER_CUSTOMER, MAX_AMOUNT, MAX_CURRENT_CSMS, MAX_LOGOS, MAX_SEGMENTS,
    MIN_CSM_ACTIVITIES,
};
pub use output::{
    BookQuarter, CostBand, Forecast, Hire, Need, QuarterCost, QuarterSpan, SegmentOutlook,
    SegmentQuarter, Team, TotalQuarter,
};
pub use simulate::{MAX_TRIALS, simulate};
pub use uncertainty::{
    Band, MoneyBand, QuarterBands, RiskBands, SegmentBands, SegmentQuarterBands, Spread,
    Uncertainty,
};
