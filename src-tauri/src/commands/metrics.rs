//! The Metrics page (issue 7): snapshots of the book, the metrics of a period between two of
//! them with their formulas, the trend across snapshots, and the early-warning list. The store
//! computes, the domain defines, csplan-charts draws; these commands only connect them.

use crate::dialogs;
use crate::error::ApiError;
use crate::state::AppState;
use csplan_charts::metrics::{RetentionPeriod, retention_trend};
use csplan_report::early_warning_csv;
use csplan_store::{
    EarlyWarning, GroupBy, MetricsSetup, MovementsImport, MovementsPeriod, PeriodReport, Snapshot,
    Store,
};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

/// The early-warning accounts the page lists; the CSV export has them all.
const LISTED_WARNINGS: u32 = 200;

/// One period of the trend: the whole book's headline rates, as fractions.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MetricsTrendPoint {
    pub from: Snapshot,
    pub to: Snapshot,
    pub nrr: Option<f64>,
    pub grr: Option<f64>,
    pub logo_retention: Option<f64>,
    /// In points, −100 to 100.
    pub nps: Option<f64>,
}

/// Everything the page shows for one period and set of inputs.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MetricsView {
    pub report: PeriodReport,
    pub warning: EarlyWarning,
    /// Every pair of consecutive snapshots, oldest first.
    pub trend: Vec<MetricsTrendPoint>,
    /// "Revenue and logo retention per period", SVG.
    pub trend_chart: String,
}

#[tauri::command]
pub async fn metrics_snapshots(state: State<'_, AppState>) -> Result<Vec<Snapshot>, ApiError> {
    Ok(state.store().await?.snapshots().await?)
}

/// The saved cost inputs and settings (the documented defaults when none were saved).
#[tauri::command]
pub async fn metrics_setup(state: State<'_, AppState>) -> Result<MetricsSetup, ApiError> {
    Ok(state.store().await?.metrics_setup().await?)
}

/// The period from snapshot `from_id` to snapshot `to_id`. The inputs are saved with the
/// workspace first, so the page opens on them next time.
#[tauri::command]
pub async fn metrics_view(
    state: State<'_, AppState>,
    from_id: i64,
    to_id: i64,
    by: GroupBy,
    setup: MetricsSetup,
) -> Result<MetricsView, ApiError> {
    let store = state.store().await?;
    store.set_metrics_setup(&setup).await?;
    let from = store.snapshot(from_id).await?;
    let to = store.snapshot(to_id).await?;
    let report = store
        .metrics_between(from.clone(), to.clone(), by, &setup)
        .await?;
    let warning = store
        .early_warning(
            from,
            to,
            &setup.settings.health_bands,
            &setup.warnings,
            Some(LISTED_WARNINGS),
        )
        .await?;
    let trend = trend(&store, &setup).await?;
    let trend_chart = retention_trend(
        &trend
            .iter()
            .map(|p| RetentionPeriod {
                label: p.to.label.clone(),
                nrr: p.nrr.map(|v| v * 100.0),
                grr: p.grr.map(|v| v * 100.0),
                logo: p.logo_retention.map(|v| v * 100.0),
            })
            .collect::<Vec<_>>(),
    );
    Ok(MetricsView {
        report,
        warning,
        trend,
        trend_chart,
    })
}

/// The period from the snapshot at or before `from` and the imported movements dated after it
/// up to `to` (YYYY-MM-DD), for the whole book and each group of `by`: the store call `csplan
/// metrics --movements --period FROM..TO [--by]` makes, so the page and the CLI give the same
/// numbers. The inputs are saved first, as `metrics_view` does.
#[tauri::command]
pub async fn metrics_movements_view(
    state: State<'_, AppState>,
    from: String,
    to: String,
    by: GroupBy,
    setup: MetricsSetup,
) -> Result<MovementsPeriod, ApiError> {
    let store = state.store().await?;
    store.set_metrics_setup(&setup).await?;
    Ok(store.movements_metrics(&from, &to, by, &setup).await?)
}

/// Saves the cost inputs and settings (the health cut-offs among them) with the workspace, for a
/// change made while no period can be measured yet: the Segments page reads the cut-offs too.
#[tauri::command]
pub async fn metrics_save_setup(
    state: State<'_, AppState>,
    setup: MetricsSetup,
) -> Result<(), ApiError> {
    Ok(state.store().await?.set_metrics_setup(&setup).await?)
}

async fn trend(store: &Store, setup: &MetricsSetup) -> Result<Vec<MetricsTrendPoint>, ApiError> {
    let periods = store.metrics_trend(setup).await?;
    Ok(periods
        .into_iter()
        .map(|p| {
            let value = |key: &str| p.book_metric(key).and_then(|m| m.value);
            MetricsTrendPoint {
                nrr: value("nrr"),
                grr: value("grr"),
                logo_retention: value("customer_retention_rate"),
                nps: value("nps"),
                from: p.from,
                to: p.to,
            }
        })
        .collect())
}

/// Snapshots the workspace's accounts as they are now.
#[tauri::command]
pub async fn metrics_take_snapshot(
    state: State<'_, AppState>,
    as_of: String,
    label: String,
) -> Result<Snapshot, ApiError> {
    Ok(state.store().await?.take_snapshot(&as_of, &label).await?)
}

/// Asks for an accounts CSV export of another date and adds it as a snapshot; `None` when the
/// person cancels the dialog.
#[tauri::command]
pub async fn metrics_add_snapshot(
    state: State<'_, AppState>,
    as_of: String,
    label: String,
) -> Result<Option<Snapshot>, ApiError> {
    let Some(file) = dialogs::pick_file(
        "Add a snapshot from an accounts export",
        ("CSV file", &["csv"]),
    )
    .await
    else {
        return Ok(None);
    };
    let store = state.store().await?;
    Ok(Some(store.add_snapshot_csv(&file, &as_of, &label).await?))
}

/// Asks for a revenue movements file (account, date, type, amount: what `csplan movements
/// import` reads) and imports it; re-importing a file of the same name replaces its rows.
/// `None` when the person cancels the dialog; a file with problems is refused with every line
/// and column (code `invalid-import`) and nothing is written.
#[tauri::command]
pub async fn metrics_import_movements(
    state: State<'_, AppState>,
) -> Result<Option<MovementsImport>, ApiError> {
    let Some(file) =
        dialogs::pick_file("Import revenue movements", ("CSV file", &["csv", "txt"])).await
    else {
        return Ok(None);
    };
    let store = state.store().await?;
    Ok(Some(store.import_movements_csv(&file).await?))
}

#[tauri::command]
pub async fn metrics_delete_snapshot(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    Ok(state.store().await?.delete_snapshot(id).await?)
}

/// Saves the whole early-warning list of the period as CSV; `None` when the person cancels.
#[tauri::command]
pub async fn metrics_export_warnings(
    state: State<'_, AppState>,
    from_id: i64,
    to_id: i64,
    setup: MetricsSetup,
) -> Result<Option<String>, ApiError> {
    let store = state.store().await?;
    let from = store.snapshot(from_id).await?;
    let to = store.snapshot(to_id).await?;
    let file_name = format!("Early warning {}.csv", to.as_of);
    let warning = store
        .early_warning(
            from,
            to,
            &setup.settings.health_bands,
            &setup.warnings,
            None,
        )
        .await?;
    dialogs::save_text(
        "Save the early-warning list as CSV",
        &file_name,
        ("CSV file", &["csv"]),
        &early_warning_csv(&warning.accounts),
    )
    .await
}
