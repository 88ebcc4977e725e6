//! The capacity plan over time (issue #4; DOMAIN.md §1.3, §1.4, §5.2): the saved plans, the
//! plan recomputed on every input change, the Monte Carlo risk bands off the main thread with
//! progress and cancel, the comparison of two plans and the exports. The engine is the domain's,
//! the plans the store's, the charts csplan-charts', the documents csplan-report's; these
//! commands only connect them.

use crate::commands::compensation::{MAX_TRIALS, StressProgress};
use crate::dialogs;
use crate::error::ApiError;
use crate::state::AppState;
use csplan_charts::forecast::{PlanCharts, plan_charts};
use csplan_domain::compensation::Progress;
use csplan_domain::forecast::{
    Forecast, ForecastComparison, ForecastError, ForecastInputs, Preset, RiskBands, Uncertainty,
    compare, forecast_with, simulate,
};
use csplan_domain::segmentation::IsoDate;
use csplan_report::forecast::{PlanDocument, forecast_csv, forecast_report_html, forecast_xlsx};
use csplan_store::{ForecastScenario, ForecastSummary, next_quarter_start};
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use tauri::State;
use ts_rs::TS;

/// The three charts as SVG documents, ready to inline.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ForecastCharts {
    pub capacity: String,
    pub hires: String,
    pub cost: String,
}

impl From<PlanCharts> for ForecastCharts {
    fn from(charts: PlanCharts) -> ForecastCharts {
        ForecastCharts {
            capacity: charts.capacity,
            hires: charts.hires,
            cost: charts.cost,
        }
    }
}

/// A plan with its charts; `bands` when a Monte Carlo run of the same inputs is included.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ForecastView {
    pub forecast: Forecast,
    pub bands: Option<RiskBands>,
    pub charts: ForecastCharts,
}

/// Two saved plans side by side (their deterministic plans, each as entered).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ForecastComparisonView {
    pub a: String,
    pub b: String,
    pub comparison: ForecastComparison,
}

/// The export's format, as the page's buttons name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ForecastExport {
    Xlsx,
    Csv,
    Html,
}

/// The documented defaults, for the fields' "reset": a plan starting the quarter after `today`,
/// without segments.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ForecastDefaults {
    pub inputs: ForecastInputs,
    pub uncertainty: Uncertainty,
}

#[tauri::command]
pub fn forecast_defaults(today: String) -> Result<ForecastDefaults, ApiError> {
    let start = next_quarter_start(self::today(&today)?);
    Ok(ForecastDefaults {
        inputs: ForecastInputs::new(start, Vec::new()),
        uncertainty: Uncertainty::default(),
    })
}

/// An engine error as the UI shows it: the run that was cancelled has its own code.
fn forecast_error(error: ForecastError) -> ApiError {
    let code = match error {
        ForecastError::Stopped => "forecast-stopped",
        _ => "invalid-forecast",
    };
    ApiError::new(code, error.to_string())
}

fn today(text: &str) -> Result<IsoDate, ApiError> {
    IsoDate::parse(text).map_err(|e| ApiError::new("invalid-date", e.to_string()))
}

#[tauri::command]
pub async fn forecast_list(state: State<'_, AppState>) -> Result<Vec<ForecastSummary>, ApiError> {
    Ok(state.store().await?.list_forecasts().await?)
}

/// The plan opened last; a workspace without one gets "Base plan" on its book, starting the
/// quarter after `today` (YYYY-MM-DD, the computer's date).
#[tauri::command]
pub async fn forecast_current(
    state: State<'_, AppState>,
    today: String,
) -> Result<ForecastScenario, ApiError> {
    let store = state.store().await?;
    if let Some(plan) = store.current_forecast().await? {
        return Ok(plan);
    }
    Ok(store
        .create_forecast_from_book("Base plan", self::today(&today)?)
        .await?)
}

#[tauri::command]
pub async fn forecast_open(
    state: State<'_, AppState>,
    id: i64,
) -> Result<ForecastScenario, ApiError> {
    let store = state.store().await?;
    let plan = store.forecast(id).await?;
    store.set_current_forecast(id).await?;
    Ok(plan)
}

/// The autosave: the inputs and uncertainty as they are on the page.
#[tauri::command]
pub async fn forecast_save(
    state: State<'_, AppState>,
    id: i64,
    inputs: ForecastInputs,
    uncertainty: Uncertainty,
) -> Result<ForecastSummary, ApiError> {
    Ok(state
        .store()
        .await?
        .save_forecast(id, &inputs, &uncertainty)
        .await?)
}

#[tauri::command]
pub async fn forecast_create(
    state: State<'_, AppState>,
    name: String,
    inputs: ForecastInputs,
    uncertainty: Uncertainty,
) -> Result<ForecastScenario, ApiError> {
    let store = state.store().await?;
    let plan = store.create_forecast(&name, &inputs, &uncertainty).await?;
    store.set_current_forecast(plan.id).await?;
    Ok(plan)
}

/// A new plan on the book as it is now (flat drivers), for "New from the book": over the ARR
/// tiers, or over the segments of the saved rule set `rule_set_id`.
#[tauri::command]
pub async fn forecast_create_from_book(
    state: State<'_, AppState>,
    name: String,
    today: String,
    rule_set_id: Option<i64>,
) -> Result<ForecastScenario, ApiError> {
    let store = state.store().await?;
    let today = self::today(&today)?;
    let plan = match rule_set_id {
        Some(id) => store.create_forecast_from_rules(&name, today, id).await?,
        None => store.create_forecast_from_book(&name, today).await?,
    };
    store.set_current_forecast(plan.id).await?;
    Ok(plan)
}

#[tauri::command]
pub async fn forecast_rename(
    state: State<'_, AppState>,
    id: i64,
    name: String,
) -> Result<ForecastSummary, ApiError> {
    Ok(state.store().await?.rename_forecast(id, &name).await?)
}

#[tauri::command]
pub async fn forecast_delete(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    Ok(state.store().await?.delete_forecast(id).await?)
}

/// The plan for the inputs on screen, on every change: milliseconds, so it runs inline.
#[tauri::command]
pub fn forecast_run(inputs: ForecastInputs, preset: Preset) -> Result<ForecastView, ApiError> {
    let forecast = forecast_with(&inputs, preset.factors()).map_err(forecast_error)?;
    let charts = plan_charts(&forecast, None).into();
    Ok(ForecastView {
        forecast,
        bands: None,
        charts,
    })
}

/// The risk bands of the inputs on screen (as entered), on a blocking thread: a large run takes
/// seconds and must not freeze the window. Meanwhile `forecast_progress` reports how far it is
/// and `forecast_cancel` stops it (it then answers `forecast-stopped`).
#[tauri::command]
pub async fn forecast_simulate(
    state: State<'_, AppState>,
    inputs: ForecastInputs,
    uncertainty: Uncertainty,
) -> Result<ForecastView, ApiError> {
    if uncertainty.trials > MAX_TRIALS {
        return Err(ApiError::new(
            "invalid-forecast",
            format!(
                "Trials: {} is more than the {MAX_TRIALS} a run can hold; 10,000 gives bands to within a fraction of a CSM.",
                uncertainty.trials
            ),
        ));
    }
    let progress = state.forecast.start(uncertainty.trials);
    let running = Arc::clone(&progress);
    let outcome = tauri::async_runtime::spawn_blocking(move || -> Result<_, ApiError> {
        let forecast = forecast_with(&inputs, Preset::Base.factors()).map_err(forecast_error)?;
        let bands = simulate(&inputs, &uncertainty, &running).map_err(forecast_error)?;
        Ok((forecast, bands))
    })
    .await;
    state.forecast.finish(&progress);
    let (forecast, bands) = outcome.map_err(|e| {
        ApiError::new(
            "forecast-failed",
            format!("The risk-band run stopped unexpectedly ({e}). Run it again."),
        )
    })??;
    let charts = plan_charts(&forecast, Some(&bands)).into();
    Ok(ForecastView {
        forecast,
        bands: Some(bands),
        charts,
    })
}

/// How far the running risk-band run has got; `None` when none is running.
#[tauri::command]
pub fn forecast_progress(state: State<'_, AppState>) -> Option<StressProgress> {
    state.forecast.progress()
}

/// Stops the running risk-band run; `false` when none was running.
#[tauri::command]
pub fn forecast_cancel(state: State<'_, AppState>) -> bool {
    state.forecast.cancel()
}

/// Two saved plans, each as entered: the difference per segment and quarter and per hire.
#[tauri::command]
pub async fn forecast_compare(
    state: State<'_, AppState>,
    a: i64,
    b: i64,
) -> Result<ForecastComparisonView, ApiError> {
    let store = state.store().await?;
    let (plan_a, plan_b) = (store.forecast(a).await?, store.forecast(b).await?);
    drop(store);
    let run = |p: &ForecastScenario| {
        forecast_with(&p.inputs, Preset::Base.factors())
            .map_err(|e| ApiError::new("invalid-forecast", format!("\"{}\": {e}", p.name)))
    };
    Ok(ForecastComparisonView {
        comparison: compare(&run(&plan_a)?, &run(&plan_b)?),
        a: plan_a.name,
        b: plan_b.name,
    })
}

/// Saves the plan on screen (under `preset`, with the risk bands of a base plan) as a workbook,
/// a CSV or the CFO's one-page report. `None` when the person cancels the dialog.
#[tauri::command]
pub async fn forecast_export(
    name: String,
    inputs: ForecastInputs,
    uncertainty: Uncertainty,
    preset: Preset,
    format: ForecastExport,
) -> Result<Option<String>, ApiError> {
    let document = {
        let (name, inputs, uncertainty) = (name.clone(), inputs.clone(), uncertainty.clone());
        tauri::async_runtime::spawn_blocking(move || {
            render(&name, &inputs, &uncertainty, preset, format)
        })
        .await
        .map_err(|e| {
            ApiError::new(
                "forecast-failed",
                format!("The export stopped unexpectedly ({e}). Try again."),
            )
        })??
    };
    let (title, extension, kind) = match format {
        ForecastExport::Xlsx => ("Export the plan as a workbook", "xlsx", "Excel workbook"),
        ForecastExport::Csv => ("Export the plan as CSV", "csv", "CSV file"),
        ForecastExport::Html => (
            "Save the one-page report for the CFO",
            "html",
            "HTML report",
        ),
    };
    dialogs::save_bytes(
        title,
        &format!("{name}.{extension}"),
        (kind, &[extension]),
        &document,
    )
    .await
}

/// The export's bytes (no dialog), shared with the tests.
pub fn render(
    name: &str,
    inputs: &ForecastInputs,
    uncertainty: &Uncertainty,
    preset: Preset,
    format: ForecastExport,
) -> Result<Vec<u8>, ApiError> {
    let forecast = forecast_with(inputs, preset.factors()).map_err(forecast_error)?;
    let bands = if preset == Preset::Base {
        Some(simulate(inputs, uncertainty, &Progress::new()).map_err(forecast_error)?)
    } else {
        None
    };
    let doc = PlanDocument {
        name,
        inputs,
        uncertainty,
        preset,
        forecast: &forecast,
        bands: bands.as_ref(),
    };
    Ok(match format {
        ForecastExport::Xlsx => {
            forecast_xlsx(&doc).map_err(|e| ApiError::new("io", format!("The {e}.")))?
        }
        ForecastExport::Csv => forecast_csv(&doc).into_bytes(),
        ForecastExport::Html => forecast_report_html(&doc).into_bytes(),
    })
}
