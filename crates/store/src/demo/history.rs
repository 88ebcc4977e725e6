//! Eight quarters (2024Q1..2025Q4) of per-CSM history for the demo team, drawn like
//! gen_history.py (DATA.md section 2): each CSM has a lasting skill (new hires ramp up over four
//! quarters) that lowers churn and raises expansion and NPS, with team-wide quarterly shocks and
//! Q4-heavy renewals. Each CSM's book starts at 80-90% of what they own in the demo book today.

use super::names::CSMS;
use crate::accounts::AccountRow;
use rand::RngExt;
use rand_chacha::ChaCha8Rng;
use rand_distr::StandardNormal;

pub(super) const QUARTERS: usize = 8;
const FIRST_YEAR: usize = 2024;
/// Share of the book renewing in Q1..Q4.
const RENEWABLE_SEASON: [f64; 4] = [0.22, 0.24, 0.23, 0.31];

pub(super) struct Csm {
    pub id: &'static str,
    pub name: &'static str,
    pub segment: &'static str,
}

/// One row of csm_quarters; money in whole dollars, as gen_history.py writes it.
pub(super) struct QuarterRow {
    pub csm_id: &'static str,
    pub quarter: String,
    pub quarter_index: i64,
    pub book_arr_start: i64,
    pub num_accounts: i64,
    pub renewable_arr: i64,
    pub renewed_arr: i64,
    pub churned_arr: i64,
    pub downgraded_arr: i64,
    pub expansion_arr: i64,
    pub expansion_quota: i64,
    pub grr: f64,
    pub nrr: f64,
    pub nps: i64,
    pub onboarding_days: i64,
}

struct SegmentModel {
    loss_base: f64,
    expansion_base: f64,
    nps_offset: f64,
    onboarding_base: f64,
    lumpiness: f64,
}

fn model(segment: &str) -> SegmentModel {
    match segment {
        "Enterprise" => SegmentModel {
            loss_base: 0.07,
            expansion_base: 0.035,
            nps_offset: 5.0,
            onboarding_base: 70.0,
            lumpiness: 0.30,
        },
        "Mid-Market" => SegmentModel {
            loss_base: 0.10,
            expansion_base: 0.030,
            nps_offset: 0.0,
            onboarding_base: 42.0,
            lumpiness: 0.18,
        },
        _ => SegmentModel {
            loss_base: 0.14,
            expansion_base: 0.020,
            nps_offset: -5.0,
            onboarding_base: 21.0,
            lumpiness: 0.10,
        },
    }
}

fn normal(rng: &mut ChaCha8Rng) -> f64 {
    rng.sample(StandardNormal)
}

fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

pub(super) fn team() -> Vec<Csm> {
    CSMS.iter()
        .map(|&(id, name, segment)| Csm { id, name, segment })
        .collect()
}

pub(super) fn generate(rng: &mut ChaCha8Rng, book: &[AccountRow]) -> Vec<QuarterRow> {
    let team_churn: Vec<f64> = (0..QUARTERS).map(|_| (0.10 * normal(rng)).exp()).collect();
    let team_expansion: Vec<f64> = (0..QUARTERS).map(|_| (0.12 * normal(rng)).exp()).collect();
    let mut rows = Vec::with_capacity(CSMS.len() * QUARTERS);
    for csm in team() {
        let owned: Vec<&AccountRow> = book
            .iter()
            .filter(|a| a.csm_owner.as_deref() == Some(csm.name))
            .collect();
        let owned_arr: f64 = owned.iter().map(|a| a.arr.dollars()).sum();
        let m = model(csm.segment);
        let skill = normal(rng);
        let new_hire = rng.random::<f64>() < 0.25;
        let mut book_arr = (owned_arr * rng.random_range(0.80..0.90)).max(10_000.0);
        let mut accounts = ((owned.len() as f64 * rng.random_range(0.80..0.90)).round()).max(1.0);
        for q in 0..QUARTERS {
            let season = q % 4;
            let skill_now = if new_hire {
                skill - 0.6 + 0.6 * (q as f64 / 4.0).min(1.0)
            } else {
                skill
            };
            let start = book_arr.round();
            let lumpy = m.lumpiness;
            let renewable = (start
                * RENEWABLE_SEASON[season]
                * (lumpy * normal(rng) - lumpy * lumpy / 2.0).exp())
            .round()
            .clamp(1_000.0_f64.min(start), start);
            let loss =
                (m.loss_base * (-0.30 * skill_now + 0.35 * normal(rng)).exp() * team_churn[q])
                    .clamp(0.0, 0.6);
            let churn_share = rng.random_range(0.45..0.75);
            let churned = (renewable * loss * churn_share).round();
            let downgraded = (renewable * loss * (1.0 - churn_share)).round();
            let renewed = renewable - churned - downgraded;
            let expansion = (start
                * m.expansion_base
                * (0.35 * skill_now + 0.45 * normal(rng)).exp()
                * team_expansion[q])
                .round();
            let quota = (start * m.expansion_base * 1.1 / 100.0).round() * 100.0;
            let nps = (25.0 + m.nps_offset + 12.0 * skill_now + 10.0 * normal(rng))
                .round()
                .clamp(-100.0, 100.0);
            let onboarding = (m.onboarding_base * (-0.12 * skill_now + 0.15 * normal(rng)).exp())
                .round()
                .max(5.0);
            rows.push(QuarterRow {
                csm_id: csm.id,
                quarter: format!("{}Q{}", FIRST_YEAR + q / 4, season + 1),
                quarter_index: q as i64 + 1,
                book_arr_start: start as i64,
                num_accounts: accounts as i64,
                renewable_arr: renewable as i64,
                renewed_arr: renewed as i64,
                churned_arr: churned as i64,
                downgraded_arr: downgraded as i64,
                expansion_arr: expansion as i64,
                expansion_quota: quota as i64,
                grr: round6(renewed / renewable),
                nrr: round6((renewed + expansion) / renewable),
                nps: nps as i64,
                onboarding_days: onboarding as i64,
            });
            let average_account = start / accounts;
            let churned_accounts = (churned / average_account * rng.random_range(0.7..1.3))
                .round()
                .min(accounts - 1.0);
            let new_logo_arr = (start * rng.random_range(0.0..0.06)).round();
            let new_accounts =
                (new_logo_arr / average_account * rng.random_range(0.7..1.3)).round();
            book_arr = start - churned - downgraded + expansion + new_logo_arr;
            accounts = (accounts - churned_accounts + new_accounts).max(1.0);
        }
    }
    rows
}
