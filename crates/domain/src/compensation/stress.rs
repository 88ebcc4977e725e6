//! The Monte Carlo stress test of WORKLOADS.md W5: next year's variable comp cost under
//! uncertain churn and expansion. The base year (history quarters `base_quarters`) is replayed
//! with team-level shocks shared by every CSM and per-CSM noise:
//!
//! * Mc = exp(σc·z1 − σc²/2), Me = exp(σe·(ρ·z1 + √(1−ρ²)·z2) − σe²/2) for the team;
//! * nc = exp(sc·zc − sc²/2), ne = exp(se·ze − se²/2) per CSM (same for the trial's 4 quarters);
//! * grr = max(0, 1 − LR·churn_shift·Mc·nc), exp = E·expansion_shift·Me·ne, nrr = grr + exp/R,
//!   with LR = (churned + downgraded) / R of the base quarter.
//!
//! Other metrics (NPS, onboarding time, other columns) are replayed as they were.

use super::draws::{FreeStream, Generator, exact_fits, exact_normals};
use super::error::CompError;
use super::history::{CsmQuarter, History};
use super::payout::{Outcome, PlanEngine};
use super::plan::{CompPlan, PayPeriod};
use super::progress::Progress;
use super::stats::percentile_sorted;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct StressSetup {
    pub trials: u32,
    /// Exact: XORed into every counter (W5: 20260101), so it must fit in 32 bits.
    pub seed: u64,
    pub generator: Generator,
    /// `quarter_index` values of the history replayed as the forward year, in order.
    pub base_quarters: Vec<u32>,
    pub team_churn_sigma: f64,
    pub team_expansion_sigma: f64,
    /// Correlation of the team expansion shock with the churn shock.
    pub team_rho: f64,
    pub csm_churn_sigma: f64,
    pub csm_expansion_sigma: f64,
    /// Multiplies every loss rate (1 = the base year's).
    #[serde(default = "one")]
    pub churn_shift: f64,
    /// Multiplies every expansion (1 = the base year's).
    #[serde(default = "one")]
    pub expansion_shift: f64,
}

fn one() -> f64 {
    1.0
}

impl Default for StressSetup {
    /// WORKLOADS.md W5's parameters (benchlib.py `MC_*`) on the free generator; W5-exact is
    /// `generator: Generator::Exact` (examples/comp/w5-stress.toml, `csplan comp stress --exact`).
    fn default() -> Self {
        StressSetup {
            trials: 100_000,
            seed: 20_260_101,
            generator: Generator::Free,
            base_quarters: vec![5, 6, 7, 8],
            team_churn_sigma: 0.25,
            team_expansion_sigma: 0.30,
            team_rho: -0.5,
            csm_churn_sigma: 0.20,
            csm_expansion_sigma: 0.35,
            churn_shift: 1.0,
            expansion_shift: 1.0,
        }
    }
}

/// Named scenarios applied on top of a set-up. Their sizes are illustrations, not figures from
/// the sources (DOMAIN.md §3.8 has none); the set-up file can state any other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum StressPreset {
    /// Loss rates 50% above the base year, team churn shocks 1.5× as volatile.
    ChurnSpike,
    /// Expansion 50% above the base year.
    ExpansionBoom,
    /// No growth: expansion at half the base year, shocks half as volatile.
    FlatYear,
}

impl StressPreset {
    pub fn apply(self, setup: &StressSetup) -> StressSetup {
        let mut s = setup.clone();
        match self {
            StressPreset::ChurnSpike => {
                s.churn_shift *= 1.5;
                s.team_churn_sigma *= 1.5;
            }
            StressPreset::ExpansionBoom => s.expansion_shift *= 1.5,
            StressPreset::FlatYear => {
                s.expansion_shift *= 0.5;
                s.team_churn_sigma *= 0.5;
                s.team_expansion_sigma *= 0.5;
            }
        }
        s
    }
}

/// One forward quarter of one CSM, preloaded.
#[derive(Debug, Clone, Copy)]
struct Base {
    renewable: f64,
    loss_rate: f64,
    expansion: f64,
    quota: f64,
    quarter_of_year: u8,
}

/// Per-CSM preloaded arrays: the base quarters and each plan's fixed metric values.
struct Book {
    bases: Vec<Base>,
    /// `fixed[plan][csm * quarters + q]` (quarterly) or `[plan][csm]` (annual).
    fixed: Vec<Vec<Vec<f64>>>,
    csms: usize,
    quarters: usize,
}

fn setup_error(field: &str, reason: impl Into<String>) -> CompError {
    CompError::Setup {
        field: field.to_string(),
        reason: reason.into(),
    }
}

fn check(setup: &StressSetup) -> Result<(), CompError> {
    if setup.trials == 0 {
        return Err(setup_error("trials", "must be at least 1"));
    }
    if setup.base_quarters.is_empty() {
        return Err(setup_error(
            "base_quarters",
            "lists at least one quarter_index",
        ));
    }
    for (field, value) in [
        ("team_churn_sigma", setup.team_churn_sigma),
        ("team_expansion_sigma", setup.team_expansion_sigma),
        ("csm_churn_sigma", setup.csm_churn_sigma),
        ("csm_expansion_sigma", setup.csm_expansion_sigma),
        ("churn_shift", setup.churn_shift),
        ("expansion_shift", setup.expansion_shift),
    ] {
        if !(value.is_finite() && value >= 0.0) {
            return Err(setup_error(
                field,
                format!("must be 0 or more (it is {value})"),
            ));
        }
    }
    if !(-1.0..=1.0).contains(&setup.team_rho) {
        return Err(setup_error("team_rho", "is a correlation between −1 and 1"));
    }
    Ok(())
}

fn book(history: &History, engines: &[PlanEngine], setup: &StressSetup) -> Result<Book, CompError> {
    let csms = history.by_csm();
    let quarters = setup.base_quarters.len();
    let mut bases = Vec::with_capacity(csms.len() * quarters);
    let mut fixed = vec![Vec::new(); engines.len()];
    for rows in &csms {
        let mut picked: Vec<&CsmQuarter> = Vec::with_capacity(quarters);
        for &index in &setup.base_quarters {
            let Some(row) = rows.iter().find(|r| r.quarter_index == index) else {
                return Err(CompError::History(format!(
                    "{} has no row for quarter_index {index}, a base quarter of the stress test",
                    rows[0].csm_id
                )));
            };
            picked.push(row);
            bases.push(Base {
                renewable: row.renewable_arr,
                loss_rate: (row.churned_arr + row.downgraded_arr) / row.renewable_arr,
                expansion: row.expansion_arr,
                quota: row.expansion_quota,
                quarter_of_year: row.quarter_of_year,
            });
        }
        for (p, engine) in engines.iter().enumerate() {
            match engine.plan().pay_period {
                PayPeriod::Quarterly => {
                    for row in &picked {
                        fixed[p].push(engine.fixed_values(&[row], history));
                    }
                }
                PayPeriod::Annual => fixed[p].push(engine.fixed_values(&picked, history)),
            }
        }
    }
    Ok(Book {
        bases,
        fixed,
        csms: csms.len(),
        quarters,
    })
}

/// Costs of one trial per plan, added into `costs`.
fn trial(
    t: u32,
    setup: &StressSetup,
    book: &Book,
    engines: &[PlanEngine],
    costs: &mut [f64],
    outcomes: &mut Vec<Outcome>,
) {
    let entities = book.csms as u32 + 1;
    let seed32 = setup.seed as u32;
    let mut free = match setup.generator {
        Generator::Free => Some(FreeStream::new(setup.seed, t)),
        Generator::Exact => None,
    };
    let mut draw = |entity: u32| match &mut free {
        Some(stream) => stream.pair(),
        None => exact_normals(t, entity, entities, seed32),
    };
    let (z1, z2) = draw(book.csms as u32);
    let (sc, se, rho) = (
        setup.team_churn_sigma,
        setup.team_expansion_sigma,
        setup.team_rho,
    );
    let team_churn = (sc * z1 - sc * sc / 2.0).exp();
    let team_expansion = (se * (rho * z1 + (1.0 - rho * rho).sqrt() * z2) - se * se / 2.0).exp();
    let (cc, ce) = (setup.csm_churn_sigma, setup.csm_expansion_sigma);
    costs.fill(0.0);
    for csm in 0..book.csms {
        let (zc, ze) = draw(csm as u32);
        let nc = (cc * zc - cc * cc / 2.0).exp();
        let ne = (ce * ze - ce * ce / 2.0).exp();
        outcomes.clear();
        let bases = &book.bases[csm * book.quarters..(csm + 1) * book.quarters];
        for base in bases {
            let grr = (1.0 - base.loss_rate * setup.churn_shift * team_churn * nc).max(0.0);
            let expansion = base.expansion * setup.expansion_shift * team_expansion * ne;
            outcomes.push(Outcome {
                renewable: base.renewable,
                renewed: grr * base.renewable,
                expansion,
                quota: base.quota,
                grr,
                nrr: grr + expansion / base.renewable,
            });
        }
        for (p, engine) in engines.iter().enumerate() {
            let fixed = &book.fixed[p];
            match engine.plan().pay_period {
                PayPeriod::Quarterly => {
                    for (q, (outcome, base)) in outcomes.iter().zip(bases).enumerate() {
                        costs[p] += engine.variable(
                            Some(base.quarter_of_year),
                            outcome,
                            &fixed[csm * book.quarters + q],
                        );
                    }
                }
                PayPeriod::Annual => {
                    costs[p] += engine.variable(None, &Outcome::combined(outcomes), &fixed[csm]);
                }
            }
        }
    }
}

/// Each plan's variable cost in every trial.
#[derive(Debug, Clone, PartialEq)]
pub struct StressRun {
    pub plans: Vec<String>,
    pub csms: usize,
    /// `costs[plan][trial]`.
    pub costs: Vec<Vec<f64>>,
}

/// Trials run between two looks at the cancel switch: small enough that a cancel stops a
/// 100,000-trial run within a fraction of a second, large enough that the look costs nothing.
const CHUNK: usize = 1024;

/// Runs the trials for every plan on the same draws. Trials are split over the machine's
/// cores; each trial's draws depend only on its number, so the result is the same on any
/// number of threads.
pub fn simulate(
    history: &History,
    plans: &[CompPlan],
    setup: &StressSetup,
) -> Result<StressRun, CompError> {
    simulate_with(history, plans, setup, &Progress::new())
}

/// [`simulate`], counting finished trials in `progress` and stopping with
/// [`CompError::Stopped`] once it is cancelled. The trials and their draws are the same, so an
/// uncancelled run gives exactly `simulate`'s result.
pub fn simulate_with(
    history: &History,
    plans: &[CompPlan],
    setup: &StressSetup,
    progress: &Progress,
) -> Result<StressRun, CompError> {
    check(setup)?;
    let engines: Vec<PlanEngine> = plans
        .iter()
        .map(|plan| PlanEngine::new(plan, history))
        .collect::<Result<_, _>>()?;
    let book = book(history, &engines, setup)?;
    if setup.generator == Generator::Exact {
        if setup.seed > u64::from(u32::MAX) {
            return Err(setup_error(
                "seed",
                "the exact generator takes a seed below 2³²",
            ));
        }
        if !exact_fits(setup.trials, book.csms as u32 + 1) {
            return Err(setup_error(
                "trials",
                format!(
                    "{} trials × {} CSMs overflow the exact generator's 32-bit counter",
                    setup.trials, book.csms
                ),
            ));
        }
    }
    let trials = setup.trials as usize;
    let plan_count = engines.len();
    // Trial-major: each trial's plan costs side by side, so threads write disjoint chunks.
    let mut flat = vec![0.0; trials * plan_count];
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(trials)
        .max(1);
    let per_thread = trials.div_ceil(threads);
    std::thread::scope(|scope| {
        for (chunk_index, chunk) in flat.chunks_mut(per_thread * plan_count).enumerate() {
            let (book, engines) = (&book, &engines);
            scope.spawn(move || {
                let first = chunk_index * per_thread;
                let mut outcomes = Vec::with_capacity(book.quarters);
                for (block_index, block) in chunk.chunks_mut(CHUNK * plan_count).enumerate() {
                    if progress.is_cancelled() {
                        return;
                    }
                    let block_first = first + block_index * CHUNK;
                    for (offset, costs) in block.chunks_mut(plan_count).enumerate() {
                        trial(
                            (block_first + offset) as u32,
                            setup,
                            book,
                            engines,
                            costs,
                            &mut outcomes,
                        );
                    }
                    progress.add_trials((block.len() / plan_count) as u64);
                }
            });
        }
    });
    if progress.is_cancelled() {
        return Err(CompError::Stopped);
    }
    let costs = (0..plan_count)
        .map(|p| flat.iter().skip(p).step_by(plan_count).copied().collect())
        .collect();
    Ok(StressRun {
        plans: plans.iter().map(|p| p.name.clone()).collect(),
        csms: book.csms,
        costs,
    })
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StressSummary {
    pub plan: String,
    pub trials: u32,
    pub budget: f64,
    pub mean_cost: f64,
    pub p5: f64,
    pub p50: f64,
    pub p95: f64,
    /// Share of trials whose cost is above the budget.
    pub prob_cost_exceeds_budget: f64,
}

/// W5's budget: the plan's target variable for a year, for every CSM.
pub fn target_budget(plan: &CompPlan, csms: usize) -> f64 {
    csms as f64 * plan.variable_target_per_year()
}

pub fn summarize(plan: &str, costs: &[f64], budget: f64) -> StressSummary {
    let mut sorted = costs.to_vec();
    sorted.sort_by(f64::total_cmp);
    let over = costs.iter().filter(|&&c| c > budget).count();
    StressSummary {
        plan: plan.to_string(),
        trials: costs.len() as u32,
        budget,
        mean_cost: costs.iter().sum::<f64>() / costs.len() as f64,
        p5: percentile_sorted(&sorted, 0.05),
        p50: percentile_sorted(&sorted, 0.5),
        p95: percentile_sorted(&sorted, 0.95),
        prob_cost_exceeds_budget: over as f64 / costs.len() as f64,
    }
}
