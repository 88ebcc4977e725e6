//! Capacity planning (DOMAIN.md §1): the plan for a scenario's inputs on the open book, with its
//! charts, and the saved scenarios it is planned from.

use crate::error::ApiError;
use crate::state::AppState;
use csplan_domain::Cents;
use csplan_domain::capacity::{
    CapacityPlan, ComparisonRow, PlanError, ScenarioInputs, compare, run,
};
use csplan_domain::segmentation::plan_rule_set;
use csplan_store::{Scenario, ScenarioSummary};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

/// Both capacity charts as SVG documents, ready to inline.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PlanCharts {
    pub csms_per_segment: String,
    pub customers_per_csm: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PlanView {
    pub plan: CapacityPlan,
    pub charts: PlanCharts,
}

/// Two saved scenarios side by side on the same book.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ComparisonView {
    pub a: Scenario,
    pub b: Scenario,
    pub plan_a: CapacityPlan,
    pub plan_b: CapacityPlan,
    pub rows: Vec<ComparisonRow>,
}

fn plan_view(book: &[Cents], inputs: &ScenarioInputs) -> Result<PlanView, ApiError> {
    let plan = run(book, inputs)?;
    let charts = PlanCharts {
        csms_per_segment: csplan_charts::csms_per_segment(&plan),
        customers_per_csm: csplan_charts::customers_per_csm(&plan, &inputs.params.touch_bands),
    };
    Ok(PlanView { plan, charts })
}

/// The sources' defaults (DOMAIN.md §8.1), for "reset" and new scenarios.
#[tauri::command]
pub fn capacity_defaults() -> ScenarioInputs {
    ScenarioInputs::default()
}

/// Runs on every input change, so it works on the book held in memory.
#[tauri::command]
pub async fn capacity_plan(
    state: State<'_, AppState>,
    inputs: ScenarioInputs,
) -> Result<PlanView, ApiError> {
    plan_view(&state.book().await, &inputs)
}

#[tauri::command]
pub async fn scenario_list(state: State<'_, AppState>) -> Result<Vec<ScenarioSummary>, ApiError> {
    Ok(state.store().await?.list_scenarios().await?)
}

/// The scenario opened last, else the first one saved.
#[tauri::command]
pub async fn scenario_current(state: State<'_, AppState>) -> Result<Scenario, ApiError> {
    let store = state.store().await?;
    if let Some(id) = store.last_scenario_id().await? {
        // The remembered one may have been deleted by another program; fall back quietly.
        if let Ok(scenario) = store.scenario(id).await {
            return Ok(scenario);
        }
    }
    match store.list_scenarios().await?.first() {
        Some(first) => Ok(store.scenario(first.id).await?),
        None => Err(ApiError::new(
            "no-scenarios",
            "This workspace has no capacity scenario. Save one with \"Save as new...\".",
        )),
    }
}

/// Opens a scenario and remembers it for the next start.
#[tauri::command]
pub async fn scenario_open(state: State<'_, AppState>, id: i64) -> Result<Scenario, ApiError> {
    let store = state.store().await?;
    let scenario = store.scenario(id).await?;
    store.set_last_scenario_id(id).await?;
    Ok(scenario)
}

#[tauri::command]
pub async fn scenario_save(
    state: State<'_, AppState>,
    id: i64,
    inputs: ScenarioInputs,
) -> Result<ScenarioSummary, ApiError> {
    Ok(state
        .store()
        .await?
        .save_scenario_inputs(id, &inputs)
        .await?)
}

/// Saves the inputs as a new scenario and makes it the current one.
#[tauri::command]
pub async fn scenario_create(
    state: State<'_, AppState>,
    name: String,
    inputs: ScenarioInputs,
) -> Result<Scenario, ApiError> {
    let store = state.store().await?;
    let scenario = store.create_scenario(&name, &inputs).await?;
    store.set_last_scenario_id(scenario.id).await?;
    Ok(scenario)
}

/// Copies a scenario under a new name and makes the copy the current one.
#[tauri::command]
pub async fn scenario_duplicate(
    state: State<'_, AppState>,
    id: i64,
    name: String,
) -> Result<Scenario, ApiError> {
    let store = state.store().await?;
    let scenario = store.duplicate_scenario(id, &name).await?;
    store.set_last_scenario_id(scenario.id).await?;
    Ok(scenario)
}

#[tauri::command]
pub async fn scenario_rename(
    state: State<'_, AppState>,
    id: i64,
    name: String,
) -> Result<ScenarioSummary, ApiError> {
    Ok(state.store().await?.rename_scenario(id, &name).await?)
}

#[tauri::command]
pub async fn scenario_delete(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    Ok(state.store().await?.delete_scenario(id).await?)
}

/// The plan over a saved rule set's segments (DOMAIN.md §2.7) instead of ARR tiers: the rule
/// set's activity catalogues first, the scenario's for segments without one. Runs on every
/// input change, on the accounts held in memory.
#[tauri::command]
pub async fn capacity_plan_rules(
    state: State<'_, AppState>,
    inputs: ScenarioInputs,
    rule_set_id: i64,
) -> Result<PlanView, ApiError> {
    let rules = state.store().await?.rule_set(rule_set_id).await?.rules;
    let accounts = state.accounts().await?;
    let plan = plan_rule_set(&rules, &accounts.rows, &inputs.params).map_err(PlanError::Params)?;
    let charts = PlanCharts {
        csms_per_segment: csplan_charts::csms_per_segment(&plan),
        customers_per_csm: csplan_charts::customers_per_csm(&plan, &inputs.params.touch_bands),
    };
    Ok(PlanView { plan, charts })
}

/// Plans the scenario over a saved rule set, or over ARR tiers again with `None`.
#[tauri::command]
pub async fn scenario_set_rule_set(
    state: State<'_, AppState>,
    id: i64,
    rule_set_id: Option<i64>,
) -> Result<Scenario, ApiError> {
    Ok(state
        .store()
        .await?
        .set_scenario_rule_set(id, rule_set_id)
        .await?)
}

/// Plans two saved scenarios on the same book and lines their answers up row by row.
#[tauri::command]
pub async fn scenario_compare(
    state: State<'_, AppState>,
    a: i64,
    b: i64,
) -> Result<ComparisonView, ApiError> {
    let (a, b) = {
        let store = state.store().await?;
        (store.scenario(a).await?, store.scenario(b).await?)
    };
    let plan_a = scenario_plan(&state, &a).await?;
    let plan_b = scenario_plan(&state, &b).await?;
    let rows = compare(&plan_a, &plan_b);
    Ok(ComparisonView {
        a,
        b,
        plan_a,
        plan_b,
        rows,
    })
}

/// A saved scenario's plan, over its rule set when it has one, else over its ARR tiers. The
/// store's guard is let go before the accounts are read (which may take it again).
async fn scenario_plan(state: &AppState, scenario: &Scenario) -> Result<CapacityPlan, ApiError> {
    let Some(id) = scenario.rule_set_id else {
        return Ok(run(&state.book().await, &scenario.inputs)?);
    };
    let rules = state.store().await?.rule_set(id).await?.rules;
    let accounts = state.accounts().await?;
    Ok(
        plan_rule_set(&rules, &accounts.rows, &scenario.inputs.params)
            .map_err(PlanError::Params)?,
    )
}
