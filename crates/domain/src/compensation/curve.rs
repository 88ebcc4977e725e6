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
        let mut starts = Vec::with_capacity(self.tiers.len());
        let mut previous: Option<(Tier, f64)> = None;
        for tier in &self.tiers {
            let start = match previous {
                None => tier.jump,
                Some((p, p_start)) => p_start + p.rate * (tier.from - p.from) + tier.jump,
            };
            starts.push(start);
            previous = Some((*tier, start));
        }
        starts
    }

    /// Payout multiple at `attainment`: never negative, never above the cap.
    pub fn payout(&self, attainment: f64) -> f64 {
        let mut payout = 0.0;
        let mut previous: Option<(Tier, f64)> = None;
        for tier in &self.tiers {
            if tier.from > attainment && previous.is_some() {
                break;
            }
            let start = match previous {
                None => tier.jump,
                Some((p, p_start)) => p_start + p.rate * (tier.from - p.from) + tier.jump,
            };
            payout = start + tier.rate * (attainment - tier.from);
            previous = Some((*tier, start));
        }
        let payout = payout.max(0.0);
        match self.cap {
            Some(cap) => payout.min(cap),
            None => payout,
        }
    }
}
