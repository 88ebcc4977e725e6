//! CS Plan's desktop shell: opens the workspace, holds it in [`state::AppState`] and exposes the
//! store, domain and charts crates to the web UI as commands. No business logic lives here.

pub mod commands;
mod dialogs;
pub mod error;
pub mod state;

use state::{AppState, default_workspace_path};
use tauri::{Manager, Runtime};

/// Registers every command the UI calls. Shared by [`run`] and the tests' mock runtime.
pub fn with_commands<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    use commands::{
        capacity, compensation, data, forecast, maturity, metrics, segmentation, workspace,
    };
    builder.invoke_handler(tauri::generate_handler![
        workspace::workspace_info,
        workspace::workspace_open,
        workspace::workspace_new,
        capacity::capacity_defaults,
        capacity::capacity_plan,
        capacity::scenario_list,
        capacity::scenario_current,
        capacity::scenario_open,
        capacity::scenario_save,
        capacity::scenario_create,
        capacity::scenario_duplicate,
        capacity::scenario_rename,
        capacity::scenario_delete,
        capacity::scenario_compare,
        capacity::capacity_plan_rules,
        capacity::scenario_set_rule_set,
        data::import::import_fields,
        data::import::import_pick,
        data::import::import_preview,
        data::import::import_run,
        data::import::import_progress,
        data::import::import_cancel,
        data::import::import_report_save,
        data::mappings::import_mappings,
        data::mappings::import_mapping_name_check,
        data::mappings::import_mapping_delete,
        data::mappings::import_mapping_remap,
        data::history::import_history,
        data::history::import_undo,
        segmentation::segment_fields,
        segmentation::segments_view,
        segmentation::segments_export,
        segmentation::segments_preview,
        segmentation::rule_sets_compare,
        segmentation::rule_sets_list,
        segmentation::rule_set_current,
        segmentation::rule_set_open,
        segmentation::rule_set_save,
        segmentation::rule_set_create,
        segmentation::rule_set_duplicate,
        segmentation::rule_set_rename,
        segmentation::rule_set_delete,
        segmentation::rule_set_import,
        segmentation::rule_set_export,
        forecast::forecast_defaults,
        forecast::forecast_list,
        forecast::forecast_current,
        forecast::forecast_open,
        forecast::forecast_save,
        forecast::forecast_create,
        forecast::forecast_create_from_book,
        forecast::forecast_rename,
        forecast::forecast_delete,
        forecast::forecast_run,
        forecast::forecast_simulate,
        forecast::forecast_progress,
        forecast::forecast_cancel,
        forecast::forecast_compare,
        forecast::forecast_export,
        compensation::comp_plans,
        compensation::comp_plan_open,
        compensation::comp_plan_save,
        compensation::comp_plan_create,
        compensation::comp_plan_duplicate,
        compensation::comp_plan_rename,
        compensation::comp_plan_delete,
        compensation::comp_plan_export,
        compensation::comp_plan_import,
        compensation::comp_history_import,
        compensation::comp_history,
        compensation::comp_backtest,
        compensation::comp_stress,
        compensation::comp_stress_setup,
        compensation::comp_stress_progress,
        compensation::comp_stress_cancel,
        maturity::maturity_questions,
        maturity::maturity_list,
        maturity::maturity_create,
        maturity::maturity_open,
        maturity::maturity_delete,
        maturity::maturity_add_respondent,
        maturity::maturity_remove_respondent,
        maturity::maturity_answer,
        maturity::maturity_clear_answer,
        maturity::maturity_cadence_level,
        maturity::maturity_export_questionnaire,
        maturity::maturity_import_answers,
        maturity::maturity_export_report,
        maturity::maturity_export_answers_csv,
        metrics::metrics_snapshots,
        metrics::metrics_setup,
        metrics::metrics_view,
        metrics::metrics_take_snapshot,
        metrics::metrics_add_snapshot,
        metrics::metrics_delete_snapshot,
        metrics::metrics_import_movements,
        metrics::metrics_movements_view,
        metrics::metrics_save_setup,
        metrics::metrics_export_warnings,
    ])
}

pub fn run() {
    let app = with_commands(tauri::Builder::default())
        .setup(|app| {
            let path = default_workspace_path(app.handle());
            // Blocks the start for the time it takes to open (or create the demo) workspace, so
            // the first page already has a book to plan on.
            let state = tauri::async_runtime::block_on(AppState::open(path));
            app.manage(state);
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(error) = app {
        eprintln!("CS Plan could not start its window: {error}");
        std::process::exit(1);
    }
}
