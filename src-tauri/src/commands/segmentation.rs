//! Segmentation (DOMAIN.md §2): saved rule sets, the summary and charts of a rule set over the
//! book held in memory (recomputed on every edit), the move preview of an unsaved edit, two
//! rule sets side by side, and the segments exported as `csplan export segments` writes them.

use crate::dialogs;
use crate::error::ApiError;
use crate::state::{Accounts, AppState};
use csplan_domain::capacity::{CapacityParams, PlanError};
use csplan_domain::metrics::HealthBands;
use csplan_domain::segmentation::{
    BookTotal, ICP_FITS, LIFECYCLE_STAGES, PLANS, REGIONS, RuleChange, RuleError, RuleSet,
    SegmentHealth, SegmentSummary, assign_columns, book_total, health_assigned,
    rule_change_columns, summarize_columns,
};
use csplan_report::{SegmentsFile, segments_file};
use csplan_store::{RuleFileFormat, RuleSetSummary, SavedRuleSet, Store};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use tauri::State;
use ts_rs::TS;

/// Both segment charts as SVG documents, ready to inline.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SegmentCharts {
    pub arr_and_accounts: String,
    pub health: String,
}

/// A rule set over the whole book: the summary table and its total, the health bands and the
/// charts.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SegmentsView {
    pub summary: Vec<SegmentSummary>,
    pub total: BookTotal,
    pub health: Vec<SegmentHealth>,
    /// The workspace's cut-offs (set on the Metrics page), the same the metrics use.
    pub health_bands: HealthBands,
    pub charts: SegmentCharts,
}

/// What "Export segments…" writes: the summary as CSV (`csplan export segments --format csv`),
/// or a workbook with the summary and every account's segment (`--format xlsx --accounts`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum SegmentsExport {
    Csv,
    Xlsx,
}

/// Two saved rule sets on the same book: each one's summary, and what switching from A to B
/// moves and does to headcount.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RuleSetComparison {
    pub a: SavedRuleSet,
    pub b: SavedRuleSet,
    pub summary_a: Vec<SegmentSummary>,
    pub summary_b: Vec<SegmentSummary>,
    pub change: RuleChange,
}

/// The values a condition can choose from: the enumerated columns, and the custom columns the
/// book carries (custom fields of imported files).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SegmentFields {
    pub regions: Vec<String>,
    pub plans: Vec<String>,
    pub lifecycle_stages: Vec<String>,
    pub icp_fits: Vec<String>,
    pub custom_columns: Vec<String>,
}

fn invalid(error: RuleError) -> ApiError {
    ApiError::new("invalid-rule-set", error.to_string())
}

fn strings(values: &[&str]) -> Vec<String> {
    values.iter().map(|v| v.to_string()).collect()
}

fn view(rules: &RuleSet, accounts: &Accounts, bands: HealthBands) -> SegmentsView {
    // One pass of the rules over the book's columns serves the table, the health bands and both
    // charts.
    let assigned = assign_columns(rules, &accounts.rows, &accounts.columns);
    let summary = summarize_columns(rules, &accounts.columns, &assigned);
    let health = health_assigned(rules, &accounts.rows, &assigned, &bands);
    let charts = SegmentCharts {
        arr_and_accounts: csplan_charts::segmentation::arr_and_accounts(&summary),
        health: csplan_charts::segmentation::health_per_segment(&health, &bands),
    };
    SegmentsView {
        total: book_total(&summary),
        summary,
        health,
        health_bands: bands,
        charts,
    }
}

/// The capacity inputs a headcount preview uses: the capacity scenario open last (so the
/// numbers match the Capacity page), else the documented defaults.
async fn capacity_params(store: &Store) -> Result<CapacityParams, ApiError> {
    match store.last_scenario_id().await? {
        Some(id) => Ok(store.scenario(id).await?.inputs.params),
        None => Ok(CapacityParams::default()),
    }
}

#[tauri::command]
pub async fn segment_fields(state: State<'_, AppState>) -> Result<SegmentFields, ApiError> {
    let accounts = state.accounts().await?;
    let custom: BTreeSet<&String> = accounts.rows.iter().flat_map(|a| a.custom.keys()).collect();
    Ok(SegmentFields {
        regions: strings(&REGIONS),
        plans: strings(&PLANS),
        lifecycle_stages: strings(&LIFECYCLE_STAGES),
        icp_fits: strings(&ICP_FITS),
        custom_columns: custom.into_iter().cloned().collect(),
    })
}

/// Runs on every edit, on the accounts held in memory; a rule that cannot be used comes back
/// as an error naming the rule and the field.
#[tauri::command]
pub async fn segments_view(
    state: State<'_, AppState>,
    rules: RuleSet,
) -> Result<SegmentsView, ApiError> {
    rules.validate().map_err(invalid)?;
    // Read before the accounts, whose first load may need the store's guard again.
    let bands = state
        .store()
        .await?
        .metrics_setup()
        .await?
        .settings
        .health_bands;
    Ok(view(&rules, &*state.accounts().await?, bands))
}

/// Saves the segments of `rules` (the rule set on screen) over the book, through the save
/// dialog; the path, or `None` when the person cancels.
#[tauri::command]
pub async fn segments_export(
    state: State<'_, AppState>,
    rules: RuleSet,
    format: SegmentsExport,
) -> Result<Option<String>, ApiError> {
    rules.validate().map_err(invalid)?;
    let accounts = state.accounts().await?;
    let document = {
        let rules = rules.clone();
        // A million accounts take a moment to assign: off the async runtime's threads.
        tauri::async_runtime::spawn_blocking(move || render_export(&rules, &accounts, format))
            .await
            .map_err(|e| {
                ApiError::new(
                    "export-failed",
                    format!("The export stopped unexpectedly ({e}). Try again."),
                )
            })??
    };
    let (title, extension, kind) = match format {
        SegmentsExport::Csv => ("Export segments as CSV", "csv", "CSV file"),
        SegmentsExport::Xlsx => ("Export segments as a workbook", "xlsx", "Excel workbook"),
    };
    dialogs::save_bytes(
        title,
        &format!("{} segments.{extension}", rules.name),
        (kind, &[extension]),
        &document,
    )
    .await
}

/// The export's bytes: `csplan export segments`'s own `segments_file`, so the file equals the
/// CLI's (the WebDriver test compares them).
fn render_export(
    rules: &RuleSet,
    accounts: &Accounts,
    format: SegmentsExport,
) -> Result<Vec<u8>, ApiError> {
    let file = match format {
        SegmentsExport::Csv => SegmentsFile::SummaryCsv,
        SegmentsExport::Xlsx => SegmentsFile::Workbook {
            with_accounts: true,
        },
    };
    segments_file(rules, &accounts.rows, file)
        .map_err(|e| ApiError::new("io", format!("The workbook could not be written ({e}).")))
}

/// What saving `rules` over the saved rule set `id` would change: the accounts that move
/// between segments and the headcount per segment before and after.
#[tauri::command]
pub async fn segments_preview(
    state: State<'_, AppState>,
    id: i64,
    rules: RuleSet,
) -> Result<RuleChange, ApiError> {
    rules.validate().map_err(invalid)?;
    // The store's guard is let go before the accounts are read (which may take it again).
    let (saved, params) = {
        let store = state.store().await?;
        (store.rule_set(id).await?, capacity_params(&store).await?)
    };
    let accounts = state.accounts().await?;
    rule_change_columns(
        &saved.rules,
        &rules,
        &accounts.rows,
        &accounts.columns,
        &params,
    )
    .map_err(|e| ApiError::from(PlanError::Params(e)))
}

#[tauri::command]
pub async fn rule_sets_compare(
    state: State<'_, AppState>,
    a: i64,
    b: i64,
) -> Result<RuleSetComparison, ApiError> {
    let (a, b, params) = {
        let store = state.store().await?;
        let a = store.rule_set(a).await?;
        let b = store.rule_set(b).await?;
        (a, b, capacity_params(&store).await?)
    };
    let accounts = state.accounts().await?;
    let change = rule_change_columns(
        &a.rules,
        &b.rules,
        &accounts.rows,
        &accounts.columns,
        &params,
    )
    .map_err(|e| ApiError::from(PlanError::Params(e)))?;
    let summary = |rules: &RuleSet| {
        let assigned = assign_columns(rules, &accounts.rows, &accounts.columns);
        summarize_columns(rules, &accounts.columns, &assigned)
    };
    Ok(RuleSetComparison {
        summary_a: summary(&a.rules),
        summary_b: summary(&b.rules),
        a,
        b,
        change,
    })
}

#[tauri::command]
pub async fn rule_sets_list(state: State<'_, AppState>) -> Result<Vec<RuleSetSummary>, ApiError> {
    Ok(state.store().await?.list_rule_sets().await?)
}

/// The rule set opened last, else the first saved; `None` when the workspace has none.
#[tauri::command]
pub async fn rule_set_current(
    state: State<'_, AppState>,
) -> Result<Option<SavedRuleSet>, ApiError> {
    let store = state.store().await?;
    if let Some(id) = store.active_rule_set_id().await? {
        // Deleted by another program a moment ago: fall back quietly.
        if let Ok(saved) = store.rule_set(id).await {
            return Ok(Some(saved));
        }
    }
    match store.list_rule_sets().await?.first() {
        Some(first) => Ok(Some(store.rule_set(first.id).await?)),
        None => Ok(None),
    }
}

/// Opens a rule set and remembers it for the next start.
#[tauri::command]
pub async fn rule_set_open(state: State<'_, AppState>, id: i64) -> Result<SavedRuleSet, ApiError> {
    let store = state.store().await?;
    let saved = store.rule_set(id).await?;
    store.set_active_rule_set_id(id).await?;
    Ok(saved)
}

#[tauri::command]
pub async fn rule_set_save(
    state: State<'_, AppState>,
    id: i64,
    rules: RuleSet,
) -> Result<RuleSetSummary, ApiError> {
    Ok(state.store().await?.save_rule_set(id, &rules).await?)
}

/// Saves `rules` as a new rule set under its own name and makes it the open one.
#[tauri::command]
pub async fn rule_set_create(
    state: State<'_, AppState>,
    rules: RuleSet,
) -> Result<SavedRuleSet, ApiError> {
    let store = state.store().await?;
    let saved = store.create_rule_set(&rules).await?;
    store.set_active_rule_set_id(saved.id).await?;
    Ok(saved)
}

#[tauri::command]
pub async fn rule_set_duplicate(
    state: State<'_, AppState>,
    id: i64,
    name: String,
) -> Result<SavedRuleSet, ApiError> {
    let store = state.store().await?;
    let saved = store.duplicate_rule_set(id, &name).await?;
    store.set_active_rule_set_id(saved.id).await?;
    Ok(saved)
}

#[tauri::command]
pub async fn rule_set_rename(
    state: State<'_, AppState>,
    id: i64,
    name: String,
) -> Result<RuleSetSummary, ApiError> {
    Ok(state.store().await?.rename_rule_set(id, &name).await?)
}

#[tauri::command]
pub async fn rule_set_delete(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    Ok(state.store().await?.delete_rule_set(id).await?)
}

/// Asks for a TOML or JSON rule set file and saves it as a new rule set (the open one).
/// `None` when the person cancels.
#[tauri::command]
pub async fn rule_set_import(state: State<'_, AppState>) -> Result<Option<SavedRuleSet>, ApiError> {
    let Some(file) = dialogs::pick_file("Import a rule set", ("Rule set", &["toml", "json"])).await
    else {
        return Ok(None);
    };
    let store = state.store().await?;
    let saved = store.import_rule_set(&file).await?;
    store.set_active_rule_set_id(saved.id).await?;
    Ok(Some(saved))
}

/// Asks where to save the rule set as a readable file; the path, or `None` when cancelled.
#[tauri::command]
pub async fn rule_set_export(
    state: State<'_, AppState>,
    id: i64,
    format: RuleFileFormat,
) -> Result<Option<String>, ApiError> {
    let store = state.store().await?;
    let saved = store.rule_set(id).await?;
    let text = store.export_rule_set(id, format).await?;
    let extension = format.extension();
    dialogs::save_text(
        "Export the rule set",
        &format!("{}.{extension}", saved.rules.name),
        ("Rule set", &[extension]),
        &text,
    )
    .await
}
