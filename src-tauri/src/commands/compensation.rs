//! CSM compensation (DOMAIN.md §3): the saved comp plans with their lint, the backtest of a
//! proposed plan against the current one on the workspace's CSM history (WORKLOADS.md W4) and
//! the Monte Carlo stress test of their cost (W5). The engine is the domain's, the plans and the
//! history the store's, the charts csplan-charts'; these commands only connect them.

use crate::dialogs;
use crate::error::ApiError;
use crate::state::AppState;
use csplan_charts::compensation::{CostBand, cost_bands, payout_distribution, rank_vs_rank};
use csplan_domain::compensation::{
    Backtest, BacktestOptions, CompError, CompPlan, History, LintWarning, Progress, SensitivityRow,
    StressPreset, StressSetup, StressSummary, backtest, lint, plan_from_toml, sensitivity_trials,
    sensitivity_with, simulate_with, summarize, target_budget,
};
use csplan_store::{
    CompPlanSummary, HistoryImportSummary, PlanBudget, SavedCompPlan, SavedShifts,
    SavedStressSetup, Store,
};
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};
use tauri::State;
use ts_rs::TS;

/// Trials of each sensitivity run: 14 runs (7 parameters moved down and up) would take 14 times
/// as long as the stress test itself at its full trial count.
const SENSITIVITY_TRIALS: u32 = 10_000;
/// Most trials a run may ask for: every trial keeps one cost per plan in memory, and beyond a
/// million the percentiles no longer move by a dollar on a team's variable.
pub const MAX_TRIALS: u32 = 1_000_000;
/// How far each parameter is moved in the sensitivity table (±20%, as `csplan comp stress`).
const SENSITIVITY_STEP: f64 = 0.2;

/// A saved plan as the plan builder edits it, with what the linter says about it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CompPlanView {
    pub saved: SavedCompPlan,
    pub lint: Vec<LintWarning>,
}

/// The answer to an autosave: the version now saved and the lint of what was saved.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CompPlanSaved {
    pub summary: CompPlanSummary,
    pub lint: Vec<LintWarning>,
}

/// The history the backtest and the stress test run on, in a line: "12 CSMs × 8 quarters".
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct HistoryInfo {
    pub csms: u32,
    pub quarters: u32,
    /// The first and last quarter labels (`2024Q1`), absent when the history is empty.
    pub first: Option<String>,
    pub last: Option<String>,
}

/// The backtest's charts as SVG documents, ready to inline.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BacktestCharts {
    pub payout_distribution: String,
    pub rank_vs_rank: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BacktestView {
    pub backtest: Backtest,
    pub charts: BacktestCharts,
    pub history: HistoryInfo,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct StressView {
    /// One per plan, in the order asked for.
    pub summaries: Vec<StressSummary>,
    /// Of the last plan (the proposed one: the page asks for current, then proposed), largest
    /// swing first.
    pub sensitivity: Vec<SensitivityRow>,
    /// The set-up that ran (the preset applied), so the seed and trials shown are the ones used.
    pub setup: StressSetup,
    /// The yearly variable cost bands with each budget.
    pub chart: String,
}

/// A custom scenario: how the forward year's losses and expansion compare with the base year's
/// (1 = as they were; 1.5 = half as much again).
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, TS)]
pub struct StressShifts {
    pub churn_shift: f64,
    pub expansion_shift: f64,
}

/// How far the running stress test has got: the page polls it for its progress bar. The
/// sensitivity table's trials run after the test's own and are counted apart, so the bar keeps
/// moving (and Cancel still means something) while the table is computed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
pub struct StressProgress {
    pub trials_done: u32,
    pub trials: u32,
    /// Trials of the sensitivity table done so far (0 until the test's own trials are done).
    pub sensitivity_done: u32,
    /// Trials the sensitivity table runs after the test (0 for a run without one).
    pub sensitivity_trials: u32,
}

/// A run's progress with the trials it will count: its own, then the sensitivity table's.
#[derive(Debug)]
struct Running {
    progress: Arc<Progress>,
    trials: u32,
    sensitivity_trials: u32,
}

/// The stress test running now, if any, kept in the app state so that another command can read
/// its progress or cancel it while `comp_stress` waits for it.
#[derive(Debug, Default)]
pub struct StressRuns {
    running: Mutex<Option<Running>>,
}

impl StressRuns {
    /// A poisoned lock only means a run panicked while holding it; the value is still usable.
    fn lock(&self) -> MutexGuard<'_, Option<Running>> {
        self.running
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub(crate) fn start(&self, trials: u32) -> Arc<Progress> {
        self.start_with_sensitivity(trials, 0)
    }

    /// A run of `trials` followed by a sensitivity table of `sensitivity_trials`.
    pub(crate) fn start_with_sensitivity(
        &self,
        trials: u32,
        sensitivity_trials: u32,
    ) -> Arc<Progress> {
        let progress = Arc::new(Progress::new());
        *self.lock() = Some(Running {
            progress: Arc::clone(&progress),
            trials,
            sensitivity_trials,
        });
        progress
    }

    /// Forgets the run unless a newer one has replaced it.
    pub(crate) fn finish(&self, progress: &Arc<Progress>) {
        let mut running = self.lock();
        if running
            .as_ref()
            .is_some_and(|current| Arc::ptr_eq(&current.progress, progress))
        {
            *running = None;
        }
    }

    pub fn progress(&self) -> Option<StressProgress> {
        self.lock().as_ref().map(|run| {
            let done = run.progress.trials_done();
            let part = |done: u64, of: u32| u32::try_from(done).unwrap_or(of).min(of);
            StressProgress {
                trials_done: part(done, run.trials),
                trials: run.trials,
                sensitivity_done: part(
                    done.saturating_sub(u64::from(run.trials)),
                    run.sensitivity_trials,
                ),
                sensitivity_trials: run.sensitivity_trials,
            }
        })
    }

    /// Asks the running test to stop; `false` when none is running.
    pub fn cancel(&self) -> bool {
        match self.lock().as_ref() {
            Some(run) => {
                run.progress.cancel();
                true
            }
            None => false,
        }
    }
}

/// An engine error as the UI shows it; a plan field problem keeps the field's path in its text.
fn comp_error(error: CompError) -> ApiError {
    let code = match &error {
        CompError::Plan { .. } | CompError::PlanFile { .. } => "invalid-comp-plan",
        CompError::History(_) => "invalid-history",
        CompError::Setup { .. } => "invalid-stress-setup",
        CompError::Stopped => "stress-stopped",
    };
    ApiError::new(code, error.to_string())
}

fn history_info(history: &History) -> HistoryInfo {
    let quarters = history.quarters();
    HistoryInfo {
        csms: history.by_csm().len() as u32,
        quarters: quarters.len() as u32,
        first: quarters.first().map(|q| q.1.clone()),
        last: quarters.last().map(|q| q.1.clone()),
    }
}

/// Every saved plan, for the current and proposed selectors.
#[tauri::command]
pub async fn comp_plans(state: State<'_, AppState>) -> Result<Vec<CompPlanSummary>, ApiError> {
    Ok(state.store().await?.list_comp_plans().await?)
}

#[tauri::command]
pub async fn comp_plan_open(state: State<'_, AppState>, id: i64) -> Result<CompPlanView, ApiError> {
    let saved = state.store().await?.comp_plan(id).await?;
    let lint = lint(&saved.plan);
    Ok(CompPlanView { saved, lint })
}

/// Saves an edit as a new version (an unchanged plan keeps its version). A plan the engine
/// cannot compute with is refused by the store with the field to fix; lint warnings never stop a
/// save.
#[tauri::command]
pub async fn comp_plan_save(
    state: State<'_, AppState>,
    id: i64,
    plan: CompPlan,
) -> Result<CompPlanSaved, ApiError> {
    let summary = state.store().await?.save_comp_plan(id, &plan).await?;
    Ok(CompPlanSaved {
        summary,
        lint: lint(&plan),
    })
}

#[tauri::command]
pub async fn comp_plan_create(
    state: State<'_, AppState>,
    name: String,
    plan: CompPlan,
) -> Result<CompPlanView, ApiError> {
    let saved = state.store().await?.create_comp_plan(&name, &plan).await?;
    let lint = lint(&saved.plan);
    Ok(CompPlanView { saved, lint })
}

#[tauri::command]
pub async fn comp_plan_duplicate(
    state: State<'_, AppState>,
    id: i64,
    name: String,
) -> Result<CompPlanView, ApiError> {
    let saved = state.store().await?.duplicate_comp_plan(id, &name).await?;
    let lint = lint(&saved.plan);
    Ok(CompPlanView { saved, lint })
}

#[tauri::command]
pub async fn comp_plan_rename(
    state: State<'_, AppState>,
    id: i64,
    name: String,
) -> Result<CompPlanSummary, ApiError> {
    Ok(state.store().await?.rename_comp_plan(id, &name).await?)
}

#[tauri::command]
pub async fn comp_plan_delete(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    Ok(state.store().await?.delete_comp_plan(id).await?)
}

/// Saves a plan as a TOML file `csplan comp` reads. `None` when the person cancels the dialog.
#[tauri::command]
pub async fn comp_plan_export(
    state: State<'_, AppState>,
    id: i64,
) -> Result<Option<String>, ApiError> {
    let saved = state.store().await?.comp_plan(id).await?;
    dialogs::save_text(
        "Export the comp plan as TOML",
        &format!("{}.toml", saved.name),
        ("Comp plan", &["toml"]),
        &saved.toml,
    )
    .await
}

/// Asks for a plan TOML file and saves it as a new plan. `None` when the person cancels.
#[tauri::command]
pub async fn comp_plan_import(
    state: State<'_, AppState>,
) -> Result<Option<CompPlanView>, ApiError> {
    let Some(file) = dialogs::pick_file("Import a comp plan", ("Comp plan", &["toml"])).await
    else {
        return Ok(None);
    };
    Ok(Some(import_plan(&*state.store().await?, &file).await?))
}

/// Reads, checks and saves one plan file under the name inside it.
pub async fn import_plan(store: &Store, path: &Path) -> Result<CompPlanView, ApiError> {
    let (name, text) = dialogs::read_text(path)?;
    let plan = plan_from_toml(&name, &text)
        .map_err(|e| ApiError::new("invalid-comp-plan", format!("{e}. Nothing was imported.")))?;
    let saved = store.create_comp_plan(&plan.name, &plan).await?;
    let lint = lint(&saved.plan);
    Ok(CompPlanView { saved, lint })
}

/// Asks for a history CSV and merges it into the workspace. An invalid file changes nothing
/// and comes back as an error naming its line and column. `None` when the person cancels.
#[tauri::command]
pub async fn comp_history_import(
    state: State<'_, AppState>,
) -> Result<Option<HistoryImportSummary>, ApiError> {
    let title = "Import CSM history from a CSV file";
    let Some(file) = dialogs::pick_file(title, ("CSV file", &["csv"])).await else {
        return Ok(None);
    };
    Ok(Some(state.store().await?.import_history_csv(&file).await?))
}

/// The history in use, for the line under "Import history CSV...".
#[tauri::command]
pub async fn comp_history(state: State<'_, AppState>) -> Result<HistoryInfo, ApiError> {
    Ok(history_info(&state.store().await?.csm_history().await?))
}

/// What the proposed plan would have paid against the current one on the workspace's history.
#[tauri::command]
pub async fn comp_backtest(
    state: State<'_, AppState>,
    current_id: i64,
    proposed_id: i64,
    options: BacktestOptions,
) -> Result<BacktestView, ApiError> {
    let store = state.store().await?;
    let history = store.csm_history().await?;
    let current = store.comp_plan(current_id).await?.plan;
    let proposed = store.comp_plan(proposed_id).await?.plan;
    drop(store);
    let result = backtest(&history, &current, &proposed, &options).map_err(comp_error)?;
    Ok(backtest_view(result, &history))
}

/// The backtest with its charts, both drawn from the same per-CSM totals (the rank chart works
/// out each plan's Spearman for its legend).
pub fn backtest_view(backtest: Backtest, history: &History) -> BacktestView {
    let totals = &backtest.csm_totals;
    let charts = BacktestCharts {
        payout_distribution: payout_distribution(&[
            (
                backtest.current.clone(),
                totals.iter().map(|c| c.var_current).collect(),
            ),
            (
                backtest.proposed.clone(),
                totals.iter().map(|c| c.var_proposed).collect(),
            ),
        ]),
        rank_vs_rank: rank_vs_rank(&[
            (
                backtest.current.clone(),
                totals
                    .iter()
                    .map(|c| (c.perf_rank, c.rank_current))
                    .collect(),
            ),
            (
                backtest.proposed.clone(),
                totals
                    .iter()
                    .map(|c| (c.perf_rank, c.rank_proposed))
                    .collect(),
            ),
        ]),
    };
    BacktestView {
        history: history_info(history),
        backtest,
        charts,
    }
}

/// Next year's variable cost of each plan under uncertain churn and expansion. Runs on a
/// blocking thread: 100,000 trials take seconds and must not freeze the window; meanwhile
/// `comp_stress_progress` reports how far it is and `comp_stress_cancel` stops it. A finished
/// run's set-up is saved in the workspace, so the page reopens on the same seed and result.
#[tauri::command]
pub async fn comp_stress(
    state: State<'_, AppState>,
    plan_ids: Vec<i64>,
    trials: u32,
    seed: u64,
    preset: Option<StressPreset>,
    custom: Option<StressShifts>,
    budgets: Vec<Option<f64>>,
) -> Result<StressView, ApiError> {
    if plan_ids.is_empty() {
        return Err(ApiError::new(
            "invalid-stress-setup",
            "Choose at least one plan to stress-test.",
        ));
    }
    let (history, plans) = {
        let store = state.store().await?;
        let history = store.csm_history().await?;
        let mut plans = Vec::with_capacity(plan_ids.len());
        for id in &plan_ids {
            plans.push(store.comp_plan(*id).await?.plan);
        }
        (history, plans)
    };
    let setup = stress_setup(trials, seed, preset, custom);
    let saved = SavedStressSetup {
        trials,
        seed,
        generator: setup.generator,
        preset,
        custom: custom.map(|c| SavedShifts {
            churn_shift: c.churn_shift,
            expansion_shift: c.expansion_shift,
        }),
        budgets: plan_ids
            .iter()
            .enumerate()
            .map(|(i, &plan_id)| PlanBudget {
                plan_id,
                budget: budgets.get(i).copied().flatten(),
            })
            .collect(),
    };
    // Counted before the run: the table's trials follow the test's on the same progress.
    let table_trials = u32::try_from(sensitivity_trials(&sensitivity_setup(&setup))).unwrap_or(0);
    let progress = state.stress.start_with_sensitivity(trials, table_trials);
    let running = Arc::clone(&progress);
    let outcome = tauri::async_runtime::spawn_blocking(move || {
        stress(&history, &plans, &setup, &budgets, &running)
    })
    .await;
    state.stress.finish(&progress);
    let view = outcome.map_err(|e| {
        ApiError::new(
            "stress-failed",
            format!("The stress test stopped unexpectedly ({e}). Run it again."),
        )
    })??;
    state.store().await?.set_comp_stress_setup(&saved).await?;
    Ok(view)
}

/// The set-up of the last finished stress run in this workspace, for the page's fields.
#[tauri::command]
pub async fn comp_stress_setup(
    state: State<'_, AppState>,
) -> Result<Option<SavedStressSetup>, ApiError> {
    Ok(state.store().await?.comp_stress_setup().await?)
}

/// How far the running stress test has got; `None` when none is running.
#[tauri::command]
pub fn comp_stress_progress(state: State<'_, AppState>) -> Option<StressProgress> {
    state.stress.progress()
}

/// Stops the running stress test at its next chunk of trials; it then answers with the
/// `stress-stopped` error. `false` when none was running.
#[tauri::command]
pub fn comp_stress_cancel(state: State<'_, AppState>) -> bool {
    state.stress.cancel()
}

/// W5's set-up with the page's trials and seed, the custom shifts (if any) and then the preset
/// (if any) applied; neither is the base year as it was.
pub fn stress_setup(
    trials: u32,
    seed: u64,
    preset: Option<StressPreset>,
    custom: Option<StressShifts>,
) -> StressSetup {
    let defaults = StressSetup::default();
    let base = StressSetup {
        trials,
        seed,
        churn_shift: custom.map_or(defaults.churn_shift, |c| c.churn_shift),
        expansion_shift: custom.map_or(defaults.expansion_shift, |c| c.expansion_shift),
        ..defaults
    };
    match preset {
        Some(preset) => preset.apply(&base),
        None => base,
    }
}

/// The sensitivity table's set-up: the test's, with at most `SENSITIVITY_TRIALS` trials.
fn sensitivity_setup(setup: &StressSetup) -> StressSetup {
    StressSetup {
        trials: setup.trials.min(SENSITIVITY_TRIALS),
        ..setup.clone()
    }
}

/// The stress test itself, on the calling thread, counting its trials and then the sensitivity
/// table's in `progress`; a cancel stops whichever is running within a chunk of trials.
pub fn stress(
    history: &History,
    plans: &[CompPlan],
    setup: &StressSetup,
    budgets: &[Option<f64>],
    progress: &Progress,
) -> Result<StressView, ApiError> {
    if setup.trials > MAX_TRIALS {
        return Err(ApiError::new(
            "invalid-stress-setup",
            format!(
                "Trials: {} is more than the {MAX_TRIALS} a run can hold; use fewer (100,000 gives percentiles to within a fraction of a percent).",
                setup.trials
            ),
        ));
    }
    for budget in budgets.iter().flatten() {
        if !(budget.is_finite() && *budget >= 0.0) {
            return Err(ApiError::new(
                "invalid-budget",
                format!("A budget is an amount of 0 dollars or more (it is {budget})."),
            ));
        }
    }
    let run = simulate_with(history, plans, setup, progress).map_err(comp_error)?;
    let summaries: Vec<StressSummary> = plans
        .iter()
        .zip(&run.costs)
        .enumerate()
        .map(|(i, (plan, costs))| {
            let budget = budgets
                .get(i)
                .copied()
                .flatten()
                .unwrap_or_else(|| target_budget(plan, run.csms));
            summarize(&plan.name, costs, budget)
        })
        .collect();
    let sensitivity = match plans.last() {
        Some(last) => sensitivity_with(
            history,
            last,
            &sensitivity_setup(setup),
            SENSITIVITY_STEP,
            progress,
        )
        .map_err(comp_error)?,
        None => Vec::new(),
    };
    let bands: Vec<CostBand> = summaries.iter().map(CostBand::from).collect();
    Ok(StressView {
        chart: cost_bands(&bands),
        summaries,
        sensitivity,
        setup: setup.clone(),
    })
}
