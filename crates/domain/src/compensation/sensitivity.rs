//! Which stress parameter moves the cost most: each parameter moved down and up by the same
//! relative step, everything else held, on the same draws (common random numbers, so the
//! differences are the parameter's effect and not Monte Carlo noise).

use super::error::CompError;
use super::history::History;
use super::plan::CompPlan;
use super::progress::Progress;
use super::stress::{StressSetup, simulate_with, summarize};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SensitivityRow {
    pub parameter: String,
    pub low: f64,
    pub high: f64,
    pub mean_cost_low: f64,
    pub mean_cost_high: f64,
    pub p95_low: f64,
    pub p95_high: f64,
    /// The larger of the mean's and the P95's change from low to high, in dollars.
    pub swing: f64,
}

type Field = fn(&mut StressSetup) -> &mut f64;

const PARAMETERS: [(&str, Field); 7] = [
    ("churn_shift", |s| &mut s.churn_shift),
    ("expansion_shift", |s| &mut s.expansion_shift),
    ("team_churn_sigma", |s| &mut s.team_churn_sigma),
    ("team_expansion_sigma", |s| &mut s.team_expansion_sigma),
    ("team_rho", |s| &mut s.team_rho),
    ("csm_churn_sigma", |s| &mut s.csm_churn_sigma),
    ("csm_expansion_sigma", |s| &mut s.csm_expansion_sigma),
];

/// Moves each parameter by ±`step` (0.2 = ±20%) of its value, `team_rho` kept within −1…1;
/// rows ordered by swing, largest first.
pub fn sensitivity(
    history: &History,
    plan: &CompPlan,
    setup: &StressSetup,
    step: f64,
) -> Result<Vec<SensitivityRow>, CompError> {
    sensitivity_with(history, plan, setup, step, &Progress::new())
}

/// The number of trials [`sensitivity`] runs for `setup`: each parameter down and up.
pub fn sensitivity_trials(setup: &StressSetup) -> u64 {
    2 * PARAMETERS.len() as u64 * u64::from(setup.trials)
}

/// [`sensitivity`], counting its trials in `progress` (14 runs of `setup.trials` each) and
/// stopping with [`CompError::Stopped`] within one chunk of trials once it is cancelled, so a
/// cancel never waits for the remaining runs.
pub fn sensitivity_with(
    history: &History,
    plan: &CompPlan,
    setup: &StressSetup,
    step: f64,
    progress: &Progress,
) -> Result<Vec<SensitivityRow>, CompError> {
    if !(step.is_finite() && step > 0.0 && step < 1.0) {
        return Err(CompError::Setup {
            field: "sensitivity step".into(),
            reason: "must be more than 0 and less than 1 (0.2 = ±20%)".into(),
        });
    }
    let mut rows = Vec::with_capacity(PARAMETERS.len());
    for (name, field) in PARAMETERS {
        let at = |factor: f64| -> Result<(f64, f64, f64), CompError> {
            let mut moved = setup.clone();
            let value = field(&mut moved);
            *value *= factor;
            if name == "team_rho" {
                *value = value.clamp(-1.0, 1.0);
            }
            let used = *value;
            let run = simulate_with(history, std::slice::from_ref(plan), &moved, progress)?;
            let summary = summarize(&plan.name, &run.costs[0], 0.0);
            Ok((used, summary.mean_cost, summary.p95))
        };
        let (low, mean_low, p95_low) = at(1.0 - step)?;
        let (high, mean_high, p95_high) = at(1.0 + step)?;
        rows.push(SensitivityRow {
            parameter: name.to_string(),
            low,
            high,
            mean_cost_low: mean_low,
            mean_cost_high: mean_high,
            p95_low,
            p95_high,
            swing: (mean_high - mean_low).abs().max((p95_high - p95_low).abs()),
        });
    }
    rows.sort_by(|a, b| b.swing.total_cmp(&a.swing));
    Ok(rows)
}
