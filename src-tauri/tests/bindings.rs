//! Every type that crosses IPC is exported with ts-rs and must match the checked-in
//! `ui/src/api/bindings/`, so the UI is always compiled against what the commands really send.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csplan_app_lib::commands::capacity::{ComparisonView, PlanCharts, PlanView};
use csplan_app_lib::commands::compensation::{
    BacktestView, CompPlanSaved, CompPlanView, HistoryInfo, StressProgress, StressShifts,
    StressView,
};
use csplan_app_lib::commands::maturity::{MaturityCharts, MaturityView};
use csplan_app_lib::commands::segmentation::{
    RuleSetComparison, SegmentCharts, SegmentFields, SegmentsView,
};
use csplan_app_lib::error::ApiError;
use csplan_domain::capacity::{CapacityPlan, ComparisonRow, ScenarioInputs};
use csplan_domain::compensation::{BacktestOptions, StressPreset};
use csplan_domain::maturity::{Answer, Question};
use csplan_store::{
    AssessmentSummary, CompPlanSummary, HistoryImportSummary, ImportReport, MergeSummary,
    SavedStressSetup, Scenario, ScenarioSummary, WorkspaceInfo,
};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use ts_rs::TS;

const UPDATE_HINT: &str = "run UPDATE_BINDINGS=1 cargo test -p csplan-app --test bindings";

fn export_all(dir: &Path) {
    let cfg = ts_rs::Config::new()
        .with_large_int("number")
        .with_out_dir(dir);
    PlanView::export_all(&cfg).unwrap();
    csplan_app_lib::commands::forecast::ForecastView::export_all(&cfg).unwrap();
    csplan_app_lib::commands::forecast::ForecastDefaults::export_all(&cfg).unwrap();
    csplan_app_lib::commands::forecast::ForecastCharts::export_all(&cfg).unwrap();
    csplan_app_lib::commands::forecast::ForecastComparisonView::export_all(&cfg).unwrap();
    csplan_app_lib::commands::forecast::ForecastExport::export_all(&cfg).unwrap();
    csplan_store::ForecastScenario::export_all(&cfg).unwrap();
    csplan_store::ForecastSummary::export_all(&cfg).unwrap();
    csplan_domain::forecast::Preset::export_all(&cfg).unwrap();
    PlanCharts::export_all(&cfg).unwrap();
    ComparisonView::export_all(&cfg).unwrap();
    ComparisonRow::export_all(&cfg).unwrap();
    ApiError::export_all(&cfg).unwrap();
    ScenarioInputs::export_all(&cfg).unwrap();
    CapacityPlan::export_all(&cfg).unwrap();
    Scenario::export_all(&cfg).unwrap();
    ScenarioSummary::export_all(&cfg).unwrap();
    WorkspaceInfo::export_all(&cfg).unwrap();
    ImportReport::export_all(&cfg).unwrap();
    MaturityView::export_all(&cfg).unwrap();
    MaturityCharts::export_all(&cfg).unwrap();
    Question::export_all(&cfg).unwrap();
    Answer::export_all(&cfg).unwrap();
    AssessmentSummary::export_all(&cfg).unwrap();
    MergeSummary::export_all(&cfg).unwrap();
    CompPlanView::export_all(&cfg).unwrap();
    CompPlanSaved::export_all(&cfg).unwrap();
    CompPlanSummary::export_all(&cfg).unwrap();
    BacktestView::export_all(&cfg).unwrap();
    BacktestOptions::export_all(&cfg).unwrap();
    StressView::export_all(&cfg).unwrap();
    StressPreset::export_all(&cfg).unwrap();
    StressShifts::export_all(&cfg).unwrap();
    StressProgress::export_all(&cfg).unwrap();
    SavedStressSetup::export_all(&cfg).unwrap();
    HistoryInfo::export_all(&cfg).unwrap();
    HistoryImportSummary::export_all(&cfg).unwrap();
    csplan_app_lib::commands::data::import::FieldChoice::export_all(&cfg).unwrap();
    csplan_store::ImportOptions::export_all(&cfg).unwrap();
    csplan_store::ImportPreview::export_all(&cfg).unwrap();
    csplan_store::ImportOutcome::export_all(&cfg).unwrap();
    csplan_store::ImportProgressSnapshot::export_all(&cfg).unwrap();
    csplan_store::ImportRecord::export_all(&cfg).unwrap();
    csplan_store::UndoSummary::export_all(&cfg).unwrap();
    csplan_store::SavedMapping::export_all(&cfg).unwrap();
    SegmentsView::export_all(&cfg).unwrap();
    SegmentCharts::export_all(&cfg).unwrap();
    SegmentFields::export_all(&cfg).unwrap();
    RuleSetComparison::export_all(&cfg).unwrap();
    csplan_app_lib::commands::segmentation::SegmentsExport::export_all(&cfg).unwrap();
    csplan_store::RuleSetSummary::export_all(&cfg).unwrap();
    csplan_store::SavedRuleSet::export_all(&cfg).unwrap();
    csplan_store::RuleFileFormat::export_all(&cfg).unwrap();
    csplan_app_lib::commands::metrics::MetricsView::export_all(&cfg).unwrap();
    csplan_store::MetricsSetup::export_all(&cfg).unwrap();
    csplan_store::Snapshot::export_all(&cfg).unwrap();
    csplan_store::MovementsImport::export_all(&cfg).unwrap();
    csplan_store::MovementsPeriod::export_all(&cfg).unwrap();
    csplan_store::GroupBy::export_all(&cfg).unwrap();
    csplan_domain::metrics::HealthBands::export_all(&cfg).unwrap();
}

fn read_dir(dir: &Path) -> BTreeMap<String, String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return BTreeMap::new();
    };
    entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

fn checked_in() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/api/bindings")
}

#[test]
fn ui_bindings_match_the_rust_types() {
    let fresh_dir = tempfile::tempdir().unwrap();
    export_all(fresh_dir.path());
    let fresh = read_dir(fresh_dir.path());
    assert!(fresh.contains_key("PlanView.ts"), "export wrote nothing");
    let target = checked_in();

    if std::env::var_os("UPDATE_BINDINGS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(&target).unwrap();
        for name in read_dir(&target).keys() {
            if !fresh.contains_key(name) {
                std::fs::remove_file(target.join(name)).unwrap();
            }
        }
        for (name, text) in &fresh {
            std::fs::write(target.join(name), text).unwrap();
        }
        return;
    }

    let current = read_dir(&target);
    let mut problems = Vec::new();
    for (name, text) in &fresh {
        match current.get(name) {
            None => problems.push(format!("missing {name}")),
            Some(old) if old != text => problems.push(format!("outdated {name}")),
            Some(_) => {}
        }
    }
    for name in current.keys().filter(|n| !fresh.contains_key(*n)) {
        problems.push(format!("stale {name} (no Rust type exports it)"));
    }
    assert!(
        problems.is_empty(),
        "ui/src/api/bindings is out of date ({}); {UPDATE_HINT}",
        problems.join(", ")
    );
}
