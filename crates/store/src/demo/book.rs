//! The demo's customer book, drawn like gen_book.py (DATA.md section 1): lognormal ARR with
//! median $7,000 and sigma 1.4, clipped to [$600, $10M]; plan, seats, employees, fit, health,
//! NPS, contract dates and lifecycle stage correlated with ARR and with each other.

use super::dates::{civil_from_days, days_from_civil, iso};
use super::names::{CSMS, INDUSTRIES, NAME_A, NAME_B, NAME_INTL, SUFFIXES};
use crate::accounts::is_leap;
use crate::accounts::{AccountRow, ICP_FITS, PLANS, REGIONS, STAGES};
use csplan_domain::Cents;
use csplan_domain::segmentation::{ArrTier, TierBounds};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;
use rand_distr::StandardNormal;

/// How many accounts the demo company has.
pub(super) const ACCOUNTS: usize = 2_000;

const REGION_WEIGHTS: [f64; 4] = [0.45, 0.30, 0.17, 0.08];
/// Seat price per year of each plan, in dollars.
const SEAT_PRICE: [f64; 4] = [240.0, 420.0, 660.0, 960.0];
/// Plan cut points on ARR (plus noise), in dollars.
const PLAN_CUTS: [f64; 3] = [5_000.0, 20_000.0, 80_000.0];
/// Share of SMB accounts with a named CSM; the rest are pooled.
const SMB_NAMED_SHARE: f64 = 0.40;

fn normal(rng: &mut ChaCha8Rng) -> f64 {
    rng.sample(StandardNormal)
}

fn weighted<T: Copy>(rng: &mut ChaCha8Rng, items: &[(T, f64)]) -> T {
    let total: f64 = items.iter().map(|(_, w)| w).sum();
    let mut pick = rng.random::<f64>() * total;
    for &(item, weight) in items {
        if pick < weight {
            return item;
        }
        pick -= weight;
    }
    items[items.len() - 1].0
}

fn one_of<'a>(rng: &mut ChaCha8Rng, items: &[&'a str]) -> &'a str {
    items[rng.random_range(0..items.len())]
}

fn logistic(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// ARR in cents: 5% of accounts rounded to $1,000, 20% to $100, the rest to the cent.
fn draw_arr(rng: &mut ChaCha8Rng) -> Cents {
    let dollars = (7_000f64.ln() + 1.4 * normal(rng))
        .exp()
        .clamp(600.0, 10_000_000.0);
    let rounding = rng.random::<f64>();
    let step_cents = if rounding < 0.05 {
        100_000.0
    } else if rounding < 0.25 {
        10_000.0
    } else {
        1.0
    };
    let cents = ((dollars * 100.0 / step_cents).round() * step_cents) as i64;
    Cents(cents.max(60_000))
}

pub(super) fn generate(rng: &mut ChaCha8Rng) -> Vec<AccountRow> {
    let tiers = TierBounds::default();
    let as_of = days_from_civil(2026, 1, 1);
    let csms_of = |tier: ArrTier| -> Vec<&'static str> {
        CSMS.iter()
            .filter(|(_, _, t)| *t == tier.name())
            .map(|(_, name, _)| *name)
            .collect()
    };
    let owners = [
        csms_of(ArrTier::Enterprise),
        csms_of(ArrTier::MidMarket),
        csms_of(ArrTier::Smb),
    ];
    let industries: Vec<((&str, f64), f64)> = INDUSTRIES
        .iter()
        .map(|&(name, weight, fit)| ((name, fit), weight))
        .collect();
    let regions: Vec<(&str, f64)> = REGIONS.iter().copied().zip(REGION_WEIGHTS).collect();

    (0..ACCOUNTS)
        .map(|index| {
            let arr = draw_arr(rng);
            let dollars = arr.dollars();
            let tier = tiers.tier_of(arr);
            let (industry, affinity) = weighted(rng, &industries);
            let region = weighted(rng, &regions);

            let plan_score = dollars.ln() + 0.3 * normal(rng);
            let plan = PLAN_CUTS
                .iter()
                .filter(|cut| plan_score >= cut.ln())
                .count();
            let seats = dollars / SEAT_PRICE[plan] * rng.random_range(0.85..1.15);
            let licenses = seats.round().max(1.0) as i64;
            let employees = ((0.9 * dollars.ln() - 2.9 + 0.8 * normal(rng)).exp().round() as i64)
                .max(1)
                .max(licenses);

            let icp_score = affinity + 0.15 * ((employees as f64).ln() - 5.0) + normal(rng);
            let (icp_fit, icp_effect) = if icp_score > 0.55 {
                (ICP_FITS[0], 1.0)
            } else if icp_score < -0.9 {
                (ICP_FITS[2], -1.2)
            } else {
                (ICP_FITS[1], 0.0)
            };

            let latent_health = 65.0 + 10.0 * icp_effect + 12.0 * normal(rng);
            let utilisation = if rng.random::<f64>() < 0.02 {
                1.0 + 0.15 * rng.random::<f64>()
            } else {
                0.05 + 0.95 * logistic((latent_health - 50.0) / 15.0 + 0.5 * normal(rng))
            };
            let active_users = (licenses as f64 * utilisation).round() as i64;
            let health = (latent_health + 10.0 * (utilisation - 0.6))
                .round()
                .clamp(0.0, 100.0);

            let response_rate = if tier == ArrTier::Enterprise {
                0.5
            } else {
                0.35
            };
            let nps = (rng.random::<f64>() < response_rate).then(|| {
                (health / 10.0 - 0.5 + 1.6 * normal(rng))
                    .round()
                    .clamp(0.0, 10.0) as i64
            });

            // Contracts: 7% signed in the last 120 days, the rest an exponential tenure
            // (longer for Enterprise), capped at 8 years.
            let tenure = if rng.random::<f64>() < 0.07 {
                rng.random_range(0..=120)
            } else {
                let mean = if tier == ArrTier::Enterprise {
                    1_300.0
                } else {
                    900.0
                };
                let exponential = -mean * (1.0 - rng.random::<f64>()).ln();
                (60 + exponential.round() as i64).min(2_921)
            };
            let start = days_from_civil(2025, 12, 31) - tenure;
            let (year, month, day) = civil_from_days(start);
            let term_draw = rng.random::<f64>();
            let (one_year, two_years) = match tier {
                ArrTier::Enterprise => (0.40, 0.65),
                ArrTier::MidMarket => (0.65, 0.85),
                ArrTier::Smb => (0.92, 0.98),
            };
            let term = if term_draw < one_year {
                1
            } else if term_draw < two_years {
                2
            } else {
                3
            };
            // The next contract anniversary on or after the export date (2026-01-01).
            let periods = ((2026 - year + term - 1) / term).max(1);
            let renewal_year = year + term * periods;
            let renewal_day = if month == 2 && day == 29 && !is_leap(renewal_year) {
                28
            } else {
                day
            };
            let renewal = days_from_civil(renewal_year, month, renewal_day);

            let advocacy = 0.6 * logistic((health - 85.0) / 5.0);
            let expansion =
                0.7 * logistic((utilisation - 0.8) / 0.07) * logistic((health - 60.0) / 8.0);
            let stage_draw = rng.random::<f64>();
            let stage = if tenure < 90 {
                STAGES[0]
            } else if renewal - as_of < 90 {
                STAGES[2]
            } else if stage_draw < advocacy {
                STAGES[4]
            } else if stage_draw < advocacy + expansion * (1.0 - advocacy) {
                STAGES[3]
            } else {
                STAGES[1]
            };

            let tier_index = ArrTier::ALL.iter().position(|t| *t == tier).unwrap_or(2);
            let named = tier != ArrTier::Smb || rng.random::<f64>() < SMB_NAMED_SHARE;
            let csm_owner = named.then(|| one_of(rng, &owners[tier_index]).to_string());

            AccountRow {
                account_id: format!("ACC-{:07}", index + 1),
                account_name: company_name(rng),
                arr,
                employees: Some(employees),
                industry: Some(industry.to_string()),
                region: region.to_string(),
                plan: PLANS[plan].to_string(),
                contract_start: iso(year, month, day),
                renewal_date: iso(renewal_year, month, renewal_day),
                lifecycle_stage: stage.to_string(),
                health_score: health as i64,
                nps,
                active_users,
                licenses,
                csm_owner,
                icp_fit: icp_fit.to_string(),
            }
        })
        .collect()
}

fn company_name(rng: &mut ChaCha8Rng) -> String {
    let first = if rng.random::<f64>() < 0.05 {
        one_of(rng, NAME_INTL)
    } else {
        one_of(rng, NAME_A)
    };
    let second = one_of(rng, NAME_B);
    let suffix = weighted(rng, SUFFIXES);
    format!("{first} {second}{suffix}")
}
