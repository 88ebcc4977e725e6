//! The risk bands' inputs and outputs (issue #4 part 4): each uncertain input gets a
//! distribution of its multiplier (1.0 = as planned), and a seeded run reports P10 / P50 / P90.

use crate::money::Cents;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The distribution of one multiplier.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Spread {
    /// Always the planned value (multiplier 1).
    Fixed,
    /// Triangular: lowest, most likely and highest multiplier.
    Triangular { min: f64, mode: f64, max: f64 },
    /// Normal with this mean and standard deviation; a draw below 0 counts as 0.
    Normal { mean: f64, sd: f64 },
}

/// What is uncertain and how much, plus the run's size and seed (stored with the scenario so
/// the same seed gives the same bands, DESIGN.md "Decisions").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Uncertainty {
    /// 1 to 1,000,000; default 10,000.
    pub trials: u32,
    pub seed: u64,
    pub new_logos: Spread,
    /// Applies to gross churn and contraction together.
    pub churn: Spread,
    pub expansion: Spread,
    pub activities: Spread,
    pub attrition: Spread,
}

impl Default for Uncertainty {
    /// Illustrative spreads centred on the plan (mode 1): new logos, churn and expansion
    /// +-30%, activities per customer +-15%, attrition +-50%.
    fn default() -> Self {
        let around = |width: f64| Spread::Triangular {
            min: 1.0 - width,
            mode: 1.0,
            max: 1.0 + width,
        };
        Uncertainty {
            trials: 10_000,
            seed: 20_270_101,
            new_logos: around(0.3),
            churn: around(0.3),
            expansion: around(0.3),
            activities: around(0.15),
            attrition: around(0.5),
        }
    }
}

/// P10 / P50 / P90 of a quantity (linear interpolation between closest ranks, as the comp
/// stress test's percentiles).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct Band {
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

/// The same for money, each percentile rounded half away from zero to the cent.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct MoneyBand {
    pub p10: Cents,
    pub p50: Cents,
    pub p90: Cents,
}

/// Bands for the whole team in one quarter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct QuarterBands {
    pub quarter: u32,
    /// Required FTE on the plan's basis.
    pub required_fte: Band,
    /// Required headcount (sum of the segments' rounded headcounts).
    pub required_headcount: Band,
    /// Hires for this and every earlier quarter.
    pub cumulative_hires: Band,
    pub closing_arr: MoneyBand,
    /// CS cost of the quarter (CSMs + managers).
    pub cs_cost: MoneyBand,
}

/// Bands for one segment in one quarter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SegmentQuarterBands {
    pub quarter: u32,
    pub required_fte: Band,
    pub required_headcount: Band,
    pub cs_cost: MoneyBand,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SegmentBands {
    pub segment: String,
    pub quarters: Vec<SegmentQuarterBands>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RiskBands {
    pub trials: u32,
    pub seed: u64,
    pub quarters: Vec<QuarterBands>,
    pub segments: Vec<SegmentBands>,
}
