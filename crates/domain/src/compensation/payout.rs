//! One plan's variable payout for one pay period of one CSM. The backtest and the stress test
//! both go through `PlanEngine::variable`, so a Monte Carlo trial that replays the history
//! unchanged pays exactly what the backtest pays.

use super::curve::CurveTable;
use super::error::CompError;
use super::history::{CsmQuarter, History};
use super::measure::{Measure, Metric};
use super::plan::{CompModel, CompPlan};
use super::validate::validate;

/// The actuals a stress test moves (renewals and expansion); every other metric is replayed
/// from the history as a fixed value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outcome {
    pub renewable: f64,
    pub renewed: f64,
    pub expansion: f64,
    pub quota: f64,
    pub grr: f64,
    pub nrr: f64,
}

impl Outcome {
    /// As stored in the history (grr and nrr as given, not recomputed).
    pub fn of(row: &CsmQuarter) -> Outcome {
        Outcome {
            renewable: row.renewable_arr,
            renewed: row.renewed_arr,
            expansion: row.expansion_arr,
            quota: row.expansion_quota,
            grr: row.grr,
            nrr: row.nrr,
        }
    }

    /// A year measured as one period: rates recomputed from the summed dollars.
    pub fn combined(outcomes: &[Outcome]) -> Outcome {
        let sum = |f: fn(&Outcome) -> f64| outcomes.iter().map(f).sum::<f64>();
        let renewable = sum(|o| o.renewable);
        let renewed = sum(|o| o.renewed);
        let expansion = sum(|o| o.expansion);
        Outcome {
            renewable,
            renewed,
            expansion,
            quota: sum(|o| o.quota),
            grr: renewed / renewable,
            nrr: (renewed + expansion) / renewable,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Source {
    Grr,
    Nrr,
    Expansion,
    /// Read from the history row (`fixed[measure index]`).
    Fixed,
}

fn source(metric: &Metric) -> Source {
    match metric {
        Metric::Grr => Source::Grr,
        Metric::Nrr => Source::Nrr,
        Metric::ExpansionVsQuota => Source::Expansion,
        Metric::Column(name) if name == "grr" => Source::Grr,
        Metric::Column(name) if name == "nrr" => Source::Nrr,
        _ => Source::Fixed,
    }
}

/// The history column a fixed metric reads.
fn column(metric: &Metric) -> &str {
    match metric {
        Metric::LogoRetention => "logo_retention",
        Metric::Nps => "nps",
        Metric::OnboardingDays => "onboarding_days",
        Metric::Column(name) => name,
        Metric::Grr => "grr",
        Metric::Nrr => "nrr",
        Metric::ExpansionVsQuota => "expansion_arr",
    }
}

/// A measure ready to pay: the same arithmetic as `Measure::payout_multiple`, with the
/// weight, threshold attainment, quarters and curve tiers worked out once.
#[derive(Debug, Clone)]
struct Ready {
    source: Source,
    weight: f64,
    target: f64,
    lower_is_better: bool,
    /// Attainment below which nothing is paid (−∞ without a threshold).
    threshold: f64,
    /// Bit q set: pays in quarter q of the year.
    quarters: u32,
    curve: CurveTable,
}

impl Ready {
    fn new(measure: &Measure) -> Ready {
        Ready {
            source: source(&measure.metric),
            weight: measure.weight / 100.0,
            target: measure.target,
            lower_is_better: measure.lower_is_better(),
            threshold: measure.threshold_attainment().unwrap_or(f64::NEG_INFINITY),
            quarters: (1..=4u8)
                .filter(|&q| measure.applies_in(q))
                .fold(0, |mask, q| mask | (1 << q)),
            curve: CurveTable::new(&measure.curve),
        }
    }

    fn payout_multiple(&self, value: f64) -> f64 {
        let attainment = if self.lower_is_better {
            self.target / value
        } else {
            value / self.target
        };
        if attainment < self.threshold {
            0.0
        } else {
            self.curve.payout(attainment)
        }
    }
}

/// A validated plan ready to pay: weights as fractions, each measure's metric resolved.
#[derive(Debug, Clone)]
pub struct PlanEngine {
    plan: CompPlan,
    measures: Vec<Ready>,
    credit: f64,
    target: f64,
}

impl PlanEngine {
    /// Checks the plan and that `history` has every column and quota its measures read.
    pub fn new(plan: &CompPlan, history: &History) -> Result<PlanEngine, CompError> {
        validate(plan)?;
        let measures: &[Measure] = if plan.model == CompModel::BasePlusVariable {
            &plan.measures
        } else {
            &[]
        };
        for measure in measures {
            match source(&measure.metric) {
                Source::Fixed => {
                    let name = column(&measure.metric);
                    if let Some(row) = history
                        .rows
                        .iter()
                        .find(|r| r.value(name, &history.extra_columns).is_none())
                    {
                        return Err(CompError::History(format!(
                            "plan \"{}\" measure \"{}\" reads column {name}, which {} in quarter {} does not have",
                            plan.name, measure.name, row.csm_id, row.quarter
                        )));
                    }
                }
                Source::Expansion => {
                    if let Some(row) = history.rows.iter().find(|r| r.expansion_quota <= 0.0) {
                        return Err(CompError::History(format!(
                            "plan \"{}\" measure \"{}\" divides by expansion_quota, which is 0 for {} in {}",
                            plan.name, measure.name, row.csm_id, row.quarter
                        )));
                    }
                }
                Source::Grr | Source::Nrr => {}
            }
        }
        Ok(PlanEngine {
            plan: plan.clone(),
            measures: measures.iter().map(Ready::new).collect(),
            credit: plan.expansion_credit(),
            target: plan.variable_target_per_period(),
        })
    }

    pub fn plan(&self) -> &CompPlan {
        &self.plan
    }

    /// One value per measure for the fixed metrics of these rows (their mean when a year is
    /// measured as one period); the revenue metrics' slots are unused.
    pub fn fixed_values(&self, rows: &[&CsmQuarter], history: &History) -> Vec<f64> {
        self.measures
            .iter()
            .zip(&self.plan.measures)
            .map(|(ready, measure)| match ready.source {
                Source::Fixed => {
                    let name = column(&measure.metric);
                    let values: Vec<f64> = rows
                        .iter()
                        .filter_map(|r| r.value(name, &history.extra_columns))
                        .collect();
                    values.iter().sum::<f64>() / values.len() as f64
                }
                _ => 0.0,
            })
            .collect()
    }

    /// Variable pay for one period. `quarter_of_year` selects the rotating measures; `None`
    /// (a year paid as one period) applies every measure.
    pub fn variable(&self, quarter_of_year: Option<u8>, outcome: &Outcome, fixed: &[f64]) -> f64 {
        match self.plan.model {
            CompModel::BaseOnly => 0.0,
            CompModel::BasePlusBonus => self.target * self.plan.bonus_funding.unwrap_or(1.0),
            CompModel::BasePlusVariable => {
                let mut multiple = 0.0;
                for (index, measure) in self.measures.iter().enumerate() {
                    let bit = |q: u8| 1u32.checked_shl(u32::from(q)).unwrap_or(0);
                    if quarter_of_year.is_some_and(|q| measure.quarters & bit(q) == 0) {
                        continue;
                    }
                    let value = match measure.source {
                        Source::Grr => outcome.grr,
                        Source::Nrr => outcome.nrr,
                        Source::Expansion => outcome.expansion * self.credit / outcome.quota,
                        Source::Fixed => fixed.get(index).copied().unwrap_or(f64::NAN),
                    };
                    multiple += measure.weight * measure.payout_multiple(value);
                }
                self.target * multiple
            }
        }
    }

    /// Variable paid on each row of `history` (same order): every quarter when paid quarterly;
    /// when paid yearly, the whole year on the CSM's last row of that year and 0 on the others.
    pub fn history_payouts(&self, history: &History) -> Vec<f64> {
        let mut payouts = vec![0.0; history.rows.len()];
        let mut start = 0;
        for rows in history.by_csm() {
            match self.plan.pay_period {
                super::plan::PayPeriod::Quarterly => {
                    for (offset, row) in rows.iter().enumerate() {
                        let fixed = self.fixed_values(&[row], history);
                        payouts[start + offset] =
                            self.variable(Some(row.quarter_of_year), &Outcome::of(row), &fixed);
                    }
                }
                super::plan::PayPeriod::Annual => {
                    let mut offset = 0;
                    for year in rows.chunk_by(|a, b| a.year == b.year) {
                        let refs: Vec<&CsmQuarter> = year.iter().collect();
                        let outcomes: Vec<Outcome> = year.iter().map(Outcome::of).collect();
                        let fixed = self.fixed_values(&refs, history);
                        offset += year.len();
                        payouts[start + offset - 1] =
                            self.variable(None, &Outcome::combined(&outcomes), &fixed);
                    }
                }
            }
            start += rows.len();
        }
        payouts
    }
}
