//! The Plan page's commands through Tauri's real IPC layer on the mock runtime (no window, no
//! display), against a real demo workspace, with the argument names the UI sends. Expected
//! values come from the domain engine run on the same saved plan (DOMAIN.md §1.3, §1.4).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csplan_app_lib::commands::forecast::{ForecastExport, render};
use csplan_domain::compensation::Progress;
use csplan_domain::forecast::{Preset, forecast_with, simulate};
use csplan_store::NewWorkspace;
use serde_json::{Value, json};

mod common;
use common::Harness;

#[test]
fn the_demo_plan_runs_and_its_bands_come_from_its_seed() {
    let h = Harness::demo();
    let plan = h
        .call("forecast_current", json!({ "today": "2026-11-27" }))
        .unwrap();
    assert_eq!(plan["name"], "Base plan");
    let inputs = plan["inputs"].clone();
    let uncertainty = plan["uncertainty"].clone();

    let view = h
        .call(
            "forecast_run",
            json!({ "inputs": inputs, "preset": "base" }),
        )
        .unwrap();
    let parsed = serde_json::from_value(inputs.clone()).unwrap();
    let expected = forecast_with(&parsed, Preset::Base.factors()).unwrap();
    // Whole numbers, dates and text compare exactly (floats cross IPC as JSON text).
    let want = serde_json::to_value(&expected).unwrap();
    assert_eq!(view["forecast"]["headline"], want["headline"]);
    assert!(
        view["forecast"]["hires"] == want["hires"],
        "the hire-by calendar differs"
    );
    let heads = |v: &Value| -> Vec<Value> {
        v["totals"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["team"]["required_headcount"].clone())
            .collect()
    };
    assert_eq!(heads(&view["forecast"]), heads(&want));
    assert!(view["bands"].is_null());
    assert!(
        view["charts"]["hires"]
            .as_str()
            .unwrap()
            .contains("Hire-by timeline")
    );

    let banded = h
        .call(
            "forecast_simulate",
            json!({ "inputs": inputs, "uncertainty": uncertainty }),
        )
        .unwrap();
    let spreads = serde_json::from_value(uncertainty).unwrap();
    let bands = simulate(&parsed, &spreads, &Progress::new()).unwrap();
    let money = |v: &Value| -> Vec<Value> {
        v["quarters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| q["cs_cost"].clone())
            .collect()
    };
    assert_eq!(
        money(&banded["bands"]),
        money(&serde_json::to_value(&bands).unwrap())
    );
    assert_eq!(banded["bands"]["seed"], 20_270_101);
    assert!(
        banded["charts"]["capacity"]
            .as_str()
            .unwrap()
            .contains("P10-P90 of required")
    );
    // Nothing runs now.
    assert_eq!(h.call("forecast_progress", json!({})).unwrap(), Value::Null);
    assert_eq!(h.call("forecast_cancel", json!({})).unwrap(), false);
}

#[test]
fn plans_are_saved_compared_and_refused_with_the_reason() {
    let h = Harness::demo();
    let plan = h
        .call("forecast_current", json!({ "today": "2026-11-27" }))
        .unwrap();
    let mut inputs = plan["inputs"].clone();
    inputs["supply"]["lead_time_days"] = json!(150);
    let copy = h
        .call(
            "forecast_create",
            json!({ "name": "Slow hiring", "inputs": inputs, "uncertainty": plan["uncertainty"] }),
        )
        .unwrap();
    assert_eq!(copy["inputs"]["supply"]["lead_time_days"], 150);
    // The new plan is the current one now.
    let current = h
        .call("forecast_current", json!({ "today": "2026-11-27" }))
        .unwrap();
    assert_eq!(current["name"], "Slow hiring");

    let compared = h
        .call(
            "forecast_compare",
            json!({ "a": plan["id"], "b": copy["id"] }),
        )
        .unwrap();
    assert_eq!(compared["a"], "Base plan");
    assert_eq!(compared["b"], "Slow hiring");
    // 60 more days of lead time open every requisition 60 days earlier; the need is the same.
    let shifts = compared["comparison"]["hires"].as_array().unwrap();
    assert!(!shifts.is_empty());
    assert!(shifts.iter().all(|s| s["days_change"] == -60), "{shifts:?}");
    let rows = compared["comparison"]["rows"].as_array().unwrap();
    assert!(rows.iter().all(|r| r["required_headcount_change"] == 0));

    let mut bad = plan["inputs"].clone();
    bad["quarters"] = json!(20);
    let message = h.refused(
        "forecast_run",
        json!({ "inputs": bad, "preset": "base" }),
        "invalid-forecast",
    );
    assert_eq!(message, "A plan covers 2 to 12 quarters (it asks for 20).");
    let message = h.refused(
        "forecast_rename",
        json!({ "id": copy["id"], "name": "base PLAN" }),
        "invalid-name",
    );
    assert!(message.contains("already exists"), "{message}");
    let error = h
        .call("forecast_current", json!({ "today": "27/11/2026" }))
        .map(|_| ())
        .err();
    assert!(error.is_none(), "an existing plan opens whatever the date");
}

#[test]
fn an_empty_workspace_gets_a_base_plan_on_its_book_starting_next_quarter() {
    let h = Harness::create("empty.db", NewWorkspace::Empty);
    h.refused(
        "forecast_current",
        json!({ "today": "27/11/2026" }),
        "invalid-date",
    );
    let plan = h
        .call("forecast_current", json!({ "today": "2026-11-27" }))
        .unwrap();
    assert_eq!(plan["name"], "Base plan");
    assert_eq!(plan["inputs"]["start"], "2027-01-01");
    assert_eq!(plan["inputs"]["segments"], json!([]));
    // With no segments the engine says what to do.
    let message = h.refused(
        "forecast_run",
        json!({ "inputs": plan["inputs"], "preset": "base" }),
        "invalid-forecast",
    );
    assert!(message.contains("no segments"), "{message}");
}

#[test]
fn a_new_plan_splits_todays_book_by_the_tiers_or_a_saved_rule_set() {
    let h = Harness::demo();
    let tiers = h
        .call(
            "forecast_create_from_book",
            json!({ "name": "Tiers", "today": "2026-11-27", "ruleSetId": null }),
        )
        .unwrap();
    let names = |plan: &Value| -> Vec<String> {
        plan["inputs"]["segments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["segment"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(names(&tiers), ["Enterprise", "Mid-Market", "SMB"]);
    let rule_sets = h.call("rule_sets_list", json!({})).unwrap();
    let first = &rule_sets.as_array().unwrap()[0];
    let by_rules = h
        .call(
            "forecast_create_from_book",
            json!({ "name": "By rules", "today": "2026-11-27", "ruleSetId": first["id"] }),
        )
        .unwrap();
    assert_eq!(by_rules["inputs"]["start"], "2027-01-01");
    let logos: f64 = by_rules["inputs"]["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["opening_logos"].as_f64().unwrap())
        .sum();
    assert_eq!(
        logos, 2000.0,
        "every account is in one segment of the rule set"
    );
    // The new plan is the one opened next time.
    let current = h
        .call("forecast_current", json!({ "today": "2026-11-27" }))
        .unwrap();
    assert_eq!(current["name"], "By rules");
}

#[test]
fn every_export_format_renders() {
    let h = Harness::demo();
    let plan = h
        .call("forecast_current", json!({ "today": "2026-11-27" }))
        .unwrap();
    let inputs = serde_json::from_value(plan["inputs"].clone()).unwrap();
    let uncertainty = serde_json::from_value(plan["uncertainty"].clone()).unwrap();
    let xlsx = render(
        "Base plan",
        &inputs,
        &uncertainty,
        Preset::Base,
        ForecastExport::Xlsx,
    )
    .unwrap();
    assert_eq!(&xlsx[..2], b"PK");
    let csv = render(
        "Base plan",
        &inputs,
        &uncertainty,
        Preset::Worst,
        ForecastExport::Csv,
    )
    .unwrap();
    assert!(
        String::from_utf8(csv)
            .unwrap()
            .starts_with("Segment,Quarter,")
    );
    let html = render(
        "Base plan",
        &inputs,
        &uncertainty,
        Preset::Base,
        ForecastExport::Html,
    )
    .unwrap();
    let html = String::from_utf8(html).unwrap();
    assert!(html.contains("Base plan: how many CSMs we need each quarter"));
    assert!(html.contains("risk bands from 10000 trials, seed 20270101"));
}
