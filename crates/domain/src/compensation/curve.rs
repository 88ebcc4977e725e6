//! Payout curves: payout (as a multiple of target payout) against attainment. DOMAIN.md §3.8:
//! the sources give no accelerators, decelerators, caps or curves, so every number here is the
//! plan's own; the default is the plain linear curve with no cap.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One straight piece of the curve, from `from` attainment up to the next tier.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// Attainment where the tier starts (1 = 100%).
    pub from: f64,
    /// Payout added per unit of attainment: 1 is linear, above 1 an accelerator, below a
    /// decelerator.
    pub rate: f64,
    /// A step up in payout at `from` (a cliff; the linter names it).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub jump: f64,
}

fn is_zero(value: &f64) -> bool {
    *value == 0.0
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PayoutCurve {
    /// Tiers in increasing `from`, the first from 0.
    pub tiers: Vec<Tier>,
    /// Highest payout multiple (2 = 200% of target); none = uncapped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<f64>,
}

impl Default for PayoutCurve {
    fn default() -> Self {
        PayoutCurve::linear()
    }
}

impl PayoutCurve {
    /// Pays attainment as it is: 95% attainment pays 95% of target.
    pub fn linear() -> PayoutCurve {
        PayoutCurve {
            tiers: vec![Tier {
                from: 0.0,
                rate: 1.0,
                jump: 0.0,
            }],
            cap: None,
        }
    }

    /// Linear to 100%, then `accelerator` × the attainment above 100%, capped at `cap`
    /// (W4's proposed plan: 1.5 and 2).
    pub fn accelerated(accelerator: f64, cap: f64) -> PayoutCurve {
        PayoutCurve {
            tiers: vec![
                Tier {
                    from: 0.0,
                    rate: 1.0,
                    jump: 0.0,
                },
                Tier {
                    from: 1.0,
                    rate: accelerator,
                    jump: 0.0,
                },
            ],
            cap: Some(cap),
        }
    }

    /// The payout where each tier starts (its jump included), in tier order.
    pub fn tier_starts(&self) -> Vec<f64> {
        CurveTable::new(self).tiers.iter().map(|t| t.2).collect()
    }

    /// Payout multiple at `attainment`: never negative, never above the cap.
    pub fn payout(&self, attainment: f64) -> f64 {
        CurveTable::new(self).payout(attainment)
    }
}

/// A curve with each tier's starting payout worked out once, for the stress test's inner loop.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CurveTable {
    /// (from, rate, payout at from).
    tiers: Vec<(f64, f64, f64)>,
    cap: f64,
}

impl CurveTable {
    pub(crate) fn new(curve: &PayoutCurve) -> CurveTable {
        let mut tiers: Vec<(f64, f64, f64)> = Vec::with_capacity(curve.tiers.len());
        for tier in &curve.tiers {
            let start = match tiers.last() {
                None => tier.jump,
                Some(&(from, rate, start)) => start + rate * (tier.from - from) + tier.jump,
            };
            tiers.push((tier.from, tier.rate, start));
        }
        CurveTable {
            tiers,
            cap: curve.cap.unwrap_or(f64::INFINITY),
        }
    }

    /// The last tier starting at or below `attainment` (the first tier below its start) pays
    /// its start plus its rate times the attainment past its start; a NaN attainment pays 0.
    pub(crate) fn payout(&self, attainment: f64) -> f64 {
        let mut chosen = None;
        for tier in &self.tiers {
            if chosen.is_some() && tier.0 > attainment {
                break;
            }
            chosen = Some(tier);
        }
        let payout = chosen.map_or(0.0, |&(from, rate, start)| {
            start + rate * (attainment - from)
        });
        payout.max(0.0).min(self.cap)
    }
}
