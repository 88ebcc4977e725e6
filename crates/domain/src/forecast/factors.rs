//! Multipliers on the uncertain inputs (issue #4 parts 4 and 5). The engine runs on
//! `Factors`: the deterministic plan at 1.0 each, the named presets at their documented values,
//! and every Monte Carlo trial at one draw of each.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// 1.0 = as planned.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct Factors {
    /// Multiplies new logos (rate or count).
    pub new_logos: f64,
    /// Multiplies gross churn and contraction (rate or amount): the ARR lost.
    pub churn: f64,
    /// Multiplies expansion (rate or amount).
    pub expansion: f64,
    /// Multiplies activities per customer per month (the bottom-up load).
    pub activities: f64,
    /// Multiplies the yearly attrition rate.
    pub attrition: f64,
}

impl Factors {
    pub const PLANNED: Factors = Factors {
        new_logos: 1.0,
        churn: 1.0,
        expansion: 1.0,
        activities: 1.0,
        attrition: 1.0,
    };
}

impl Default for Factors {
    fn default() -> Self {
        Factors::PLANNED
    }
}

/// Named presets (issue #4 part 5). Their sizes are CS Plan's illustrations, not figures from
/// the sources (DOMAIN.md §1.4: no forecasting method is given); "worst" is the worst business
/// outcome (less growth, more churn, a heavier experience, more attrition), not the largest team.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Preset {
    /// The inputs as entered.
    #[default]
    Base,
    /// New logos x1.2, churn and contraction x0.8, expansion x1.2, activities x1.0, attrition x0.5.
    Best,
    /// New logos x0.8, churn and contraction x1.25, expansion x0.8, activities x1.1, attrition x1.5.
    Worst,
}

impl Preset {
    pub fn label(self) -> &'static str {
        match self {
            Preset::Base => "base",
            Preset::Best => "best",
            Preset::Worst => "worst",
        }
    }

    pub fn factors(self) -> Factors {
        match self {
            Preset::Base => Factors::PLANNED,
            Preset::Best => Factors {
                new_logos: 1.2,
                churn: 0.8,
                expansion: 1.2,
                activities: 1.0,
                attrition: 0.5,
            },
            Preset::Worst => Factors {
                new_logos: 0.8,
                churn: 1.25,
                expansion: 0.8,
                activities: 1.1,
                attrition: 1.5,
            },
        }
    }
}
