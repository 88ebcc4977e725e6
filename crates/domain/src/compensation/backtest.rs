//! The stress-test procedure of DOMAIN.md §3.7 as WORKLOADS.md W4 defines it: what the current
//! and the proposed plan would have paid each CSM in each quarter of the history, what each
//! costs, and whether the top performers are still the top earners.

use super::error::CompError;
use super::history::History;
use super::payout::PlanEngine;
use super::plan::CompPlan;
use super::stats::{
    descending_ranks, pearson, percentile_sorted, round_half_even, top_indices, z_scores,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Weights of the performance index (W4: 0.4 GRR, 0.4 NRR, 0.2 NPS). DOMAIN.md §3.7 leaves
/// "top performer" OPEN, so they are editable.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct PerfWeights {
    pub grr: f64,
    pub nrr: f64,
    pub nps: f64,
}

impl Default for PerfWeights {
    fn default() -> Self {
        PerfWeights {
            grr: 0.4,
            nrr: 0.4,
            nps: 0.2,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct BacktestOptions {
    pub perf_weights: PerfWeights,
    /// Share of CSMs counted as top performers and top earners (W4: 0.1, the top decile).
    pub top_share: f64,
    /// A top performer whose total payout falls by more than this percent under the proposed
    /// plan is listed (and fails the verdict). DOMAIN.md §3.7: the pass rule is OPEN; 0 flags
    /// any fall.
    pub max_drop_pct: f64,
}

impl Default for BacktestOptions {
    fn default() -> Self {
        BacktestOptions {
            perf_weights: PerfWeights::default(),
            top_share: 0.1,
            max_drop_pct: 0.0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct QuarterCost {
    pub quarter: String,
    pub plan: String,
    pub csms: u32,
    pub base_cost: f64,
    pub variable_cost: f64,
    pub total_cost: f64,
    /// ARR of the CSMs' books at the start of the quarter.
    pub book_arr: f64,
    /// Comp cost as % of ARR: the quarter's cost at a yearly rate (x 4) over `book_arr`;
    /// `None` when the books hold no ARR.
    pub cost_pct_of_arr: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PlanSummary {
    pub plan: String,
    pub variable_cost_total: f64,
    pub total_cost_total: f64,
    /// Comp cost as % of ARR over the whole history: total cost over the ARR-years the books
    /// carried (each quarter's starting book ARR counted for a quarter of a year).
    pub cost_pct_of_arr: Option<f64>,
    /// Spearman correlation of performance rank and payout rank; `None` if nobody differs.
    pub spearman_perf_vs_payout: Option<f64>,
    pub top_decile_overlap: u32,
    pub top_decile_size: u32,
    pub top_decile_retained_share: Option<f64>,
    /// P90 / P10 of the CSMs' total variable; `None` when P10 is 0.
    pub payout_p90_p10_ratio: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CsmTotals {
    pub csm_id: String,
    pub csm_name: String,
    pub segment: String,
    pub perf_score: f64,
    pub perf_rank: f64,
    pub var_current: f64,
    pub rank_current: f64,
    pub var_proposed: f64,
    pub rank_proposed: f64,
    /// (proposed − current) / current in percent; `None` when current paid nothing.
    pub change_pct: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PayoutRow {
    pub csm_id: String,
    pub quarter: String,
    pub var_current: f64,
    pub var_proposed: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BacktestVerdict {
    pub top_performers_rewarded: bool,
    /// "Top performers still rewarded" or "Top performers not rewarded".
    pub headline: String,
    /// The reasons, one sentence each.
    pub why: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Backtest {
    pub current: String,
    pub proposed: String,
    /// By quarter, then current before proposed.
    pub quarterly_cost: Vec<QuarterCost>,
    /// Current, then proposed.
    pub plan_summary: Vec<PlanSummary>,
    /// How much more (or less) variable pay the proposed plan pays over the whole history:
    /// (proposed − current) / current × 100, the same percent as `CsmTotals::change_pct`;
    /// `None` when the current plan paid no variable.
    pub variable_cost_change_pct: Option<f64>,
    /// By CSM id.
    pub csm_totals: Vec<CsmTotals>,
    /// By CSM id, then quarter.
    pub payouts: Vec<PayoutRow>,
    /// Top performers whose total payout falls by more than `max_drop_pct`, worst first.
    pub falling_top_performers: Vec<CsmTotals>,
    pub verdict: BacktestVerdict,
}

/// W4's performance index per CSM (rows of `history.by_csm()` order).
fn perf_scores(history: &History, weights: &PerfWeights) -> Vec<f64> {
    let mut grr = Vec::new();
    let mut nrr = Vec::new();
    let mut nps = Vec::new();
    for rows in history.by_csm() {
        let renewable: f64 = rows.iter().map(|r| r.renewable_arr).sum();
        let renewed: f64 = rows.iter().map(|r| r.renewed_arr).sum();
        let expansion: f64 = rows.iter().map(|r| r.expansion_arr).sum();
        grr.push(renewed / renewable);
        nrr.push((renewed + expansion) / renewable);
        nps.push(rows.iter().map(|r| r.nps).sum::<f64>() / rows.len() as f64);
    }
    let (zg, zn, zp) = (z_scores(&grr), z_scores(&nrr), z_scores(&nps));
    (0..grr.len())
        .map(|i| weights.grr * zg[i] + weights.nrr * zn[i] + weights.nps * zp[i])
        .collect()
}

fn summary(
    plan: &CompPlan,
    totals: &[f64],
    variable_by_row: &[f64],
    history: &History,
    perf_rank: &[f64],
    top_performers: &[usize],
) -> PlanSummary {
    let variable_cost_total: f64 = variable_by_row.iter().sum();
    let base_total = plan.base_per_quarter() * history.rows.len() as f64;
    let rank = descending_ranks(totals);
    let m = top_performers.len();
    let earners = top_indices(totals, m);
    let overlap = top_performers
        .iter()
        .filter(|i| earners.contains(i))
        .count();
    let mut sorted = totals.to_vec();
    sorted.sort_by(f64::total_cmp);
    let p10 = percentile_sorted(&sorted, 0.1);
    let p90 = percentile_sorted(&sorted, 0.9);
    let arr_years: f64 =
        history.rows.iter().map(|r| r.book_arr_start).sum::<f64>() / QUARTERS_PER_YEAR;
    PlanSummary {
        plan: plan.name.clone(),
        variable_cost_total,
        total_cost_total: base_total + variable_cost_total,
        cost_pct_of_arr: cost_pct_of_arr(base_total + variable_cost_total, arr_years),
        spearman_perf_vs_payout: pearson(perf_rank, &rank),
        top_decile_overlap: overlap as u32,
        top_decile_size: m as u32,
        top_decile_retained_share: (m > 0).then(|| overlap as f64 / m as f64),
        payout_p90_p10_ratio: (p10 != 0.0).then(|| p90 / p10),
    }
}

/// Quarters in a year: a quarter's book ARR funds a quarter of a year of cost.
const QUARTERS_PER_YEAR: f64 = 4.0;

/// Cost as a percentage of the ARR earned over the same time (`arr_years` = ARR x years).
fn cost_pct_of_arr(cost: f64, arr_years: f64) -> Option<f64> {
    (arr_years > 0.0).then(|| cost / arr_years * 100.0)
}

fn quarterly(plan: &CompPlan, history: &History, variable_by_row: &[f64]) -> Vec<QuarterCost> {
    history
        .quarters()
        .into_iter()
        .map(|(index, label)| {
            let rows: Vec<usize> = (0..history.rows.len())
                .filter(|&i| history.rows[i].quarter_index == index)
                .collect();
            let csms = rows.len() as u32;
            let base_cost = plan.base_per_quarter() * f64::from(csms);
            let variable_cost: f64 = rows.iter().map(|&i| variable_by_row[i]).sum();
            let book_arr: f64 = rows.iter().map(|&i| history.rows[i].book_arr_start).sum();
            let total_cost = base_cost + variable_cost;
            QuarterCost {
                quarter: label,
                plan: plan.name.clone(),
                csms,
                base_cost,
                variable_cost,
                total_cost,
                book_arr,
                cost_pct_of_arr: cost_pct_of_arr(total_cost, book_arr / QUARTERS_PER_YEAR),
            }
        })
        .collect()
}

fn verdict(
    summaries: &[PlanSummary],
    falling: &[CsmTotals],
    top_count: usize,
    options: &BacktestOptions,
) -> BacktestVerdict {
    let mut why = Vec::new();
    let mut rewarded = true;
    if falling.is_empty() {
        why.push(format!(
            "None of the {top_count} top performers is paid more than {}% less under {}.",
            options.max_drop_pct, summaries[1].plan
        ));
    } else {
        rewarded = false;
        let worst = &falling[0];
        why.push(format!(
            "{} of the {top_count} top performers would be paid more than {}% less; the worst, {} (performance rank {}), falls by {:.1}%.",
            falling.len(),
            options.max_drop_pct,
            worst.csm_id,
            worst.perf_rank,
            -worst.change_pct.unwrap_or(-100.0)
        ));
    }
    let overlap = |s: &PlanSummary| (s.top_decile_overlap, s.top_decile_size);
    let (current, proposed) = (&summaries[0], &summaries[1]);
    let (co, size) = overlap(current);
    let (po, _) = overlap(proposed);
    if po < co {
        rewarded = false;
        why.push(format!(
            "Fewer top performers are among the top earners: {po} of {size} under {}, {co} under {}.",
            proposed.plan, current.plan
        ));
    } else {
        why.push(format!(
            "{po} of {size} top performers are among the top earners under {} ({co} under {}).",
            proposed.plan, current.plan
        ));
    }
    match (
        current.spearman_perf_vs_payout,
        proposed.spearman_perf_vs_payout,
    ) {
        (Some(c), Some(p)) if p < c => {
            rewarded = false;
            why.push(format!(
                "Pay follows performance less closely: Spearman {p:.3} under {}, {c:.3} under {}.",
                proposed.plan, current.plan
            ));
        }
        (Some(c), Some(p)) => why.push(format!(
            "Pay follows performance at least as closely: Spearman {p:.3} under {}, {c:.3} under {}.",
            proposed.plan, current.plan
        )),
        _ => why.push("Pay does not vary between CSMs under one of the plans.".to_string()),
    }
    BacktestVerdict {
        top_performers_rewarded: rewarded,
        headline: if rewarded {
            "Top performers still rewarded".to_string()
        } else {
            "Top performers not rewarded".to_string()
        },
        why,
    }
}

/// (proposed − current) / current in percent; `None` when current paid nothing.
fn change_pct(current: f64, proposed: f64) -> Option<f64> {
    (current != 0.0).then(|| (proposed - current) / current * 100.0)
}

/// Backtests `proposed` against `current` on `history` (WORKLOADS.md W4).
pub fn backtest(
    history: &History,
    current: &CompPlan,
    proposed: &CompPlan,
    options: &BacktestOptions,
) -> Result<Backtest, CompError> {
    if current.name == proposed.name {
        return Err(CompError::Plan {
            plan: proposed.name.clone(),
            field: "name".into(),
            reason: "the two plans need different names to tell their columns apart".into(),
        });
    }
    if !(options.top_share > 0.0 && options.top_share <= 1.0) {
        return Err(CompError::Setup {
            field: "top_share".into(),
            reason: "must be more than 0 and at most 1".into(),
        });
    }
    let engines = [
        PlanEngine::new(current, history)?,
        PlanEngine::new(proposed, history)?,
    ];
    let by_row: Vec<Vec<f64>> = engines.iter().map(|e| e.history_payouts(history)).collect();
    let csms = history.by_csm();
    let mut totals = [
        Vec::with_capacity(csms.len()),
        Vec::with_capacity(csms.len()),
    ];
    let mut start = 0;
    for rows in &csms {
        for (p, payouts) in by_row.iter().enumerate() {
            totals[p].push(payouts[start..start + rows.len()].iter().sum::<f64>());
        }
        start += rows.len();
    }
    let perf = perf_scores(history, &options.perf_weights);
    let perf_rank = descending_ranks(&perf);
    let m = round_half_even(options.top_share * csms.len() as f64);
    let top_performers = top_indices(&perf, m);
    let plans = [current, proposed];
    let plan_summary: Vec<PlanSummary> = (0..2)
        .map(|p| {
            summary(
                plans[p],
                &totals[p],
                &by_row[p],
                history,
                &perf_rank,
                &top_performers,
            )
        })
        .collect();
    let ranks = [descending_ranks(&totals[0]), descending_ranks(&totals[1])];
    let csm_totals: Vec<CsmTotals> = csms
        .iter()
        .enumerate()
        .map(|(i, rows)| CsmTotals {
            csm_id: rows[0].csm_id.clone(),
            csm_name: rows[0].csm_name.clone(),
            segment: rows[0].segment.clone(),
            perf_score: perf[i],
            perf_rank: perf_rank[i],
            var_current: totals[0][i],
            rank_current: ranks[0][i],
            var_proposed: totals[1][i],
            rank_proposed: ranks[1][i],
            change_pct: change_pct(totals[0][i], totals[1][i]),
        })
        .collect();
    let mut falling: Vec<CsmTotals> = top_performers
        .iter()
        .map(|&i| csm_totals[i].clone())
        .filter(|c| c.change_pct.is_some_and(|pct| pct < -options.max_drop_pct))
        .collect();
    falling.sort_by(|a, b| {
        a.change_pct
            .unwrap_or(0.0)
            .total_cmp(&b.change_pct.unwrap_or(0.0))
    });
    let mut quarterly_cost = Vec::new();
    let current_quarters = quarterly(current, history, &by_row[0]);
    let proposed_quarters = quarterly(proposed, history, &by_row[1]);
    for (c, p) in current_quarters.into_iter().zip(proposed_quarters) {
        quarterly_cost.push(c);
        quarterly_cost.push(p);
    }
    let payouts = history
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| PayoutRow {
            csm_id: r.csm_id.clone(),
            quarter: r.quarter.clone(),
            var_current: by_row[0][i],
            var_proposed: by_row[1][i],
        })
        .collect();
    let verdict = verdict(&plan_summary, &falling, m, options);
    let variable_cost_change_pct = change_pct(
        plan_summary[0].variable_cost_total,
        plan_summary[1].variable_cost_total,
    );
    Ok(Backtest {
        current: current.name.clone(),
        proposed: proposed.name.clone(),
        quarterly_cost,
        plan_summary,
        variable_cost_change_pct,
        csm_totals,
        payouts,
        falling_top_performers: falling,
        verdict,
    })
}
