//! The segmentation commands through Tauri's real IPC layer on the mock runtime, against a real
//! demo workspace: the view of a rule set equals the domain's summary of the stored book, an
//! unsaved edit is previewed without being saved, a bad rule names itself, and a capacity
//! scenario planning over a rule set compares over that rule set's segments (DOMAIN.md §2.7).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csplan_domain::metrics::HealthBands;
use csplan_domain::segmentation::{book_total, health_by_segment, plan_rule_set, summarize};
use csplan_store::Store;
use serde_json::{Value, json};

mod common;
use common::Harness;

impl Harness {
    /// The stored book, read by a second connection like another program would.
    fn accounts(&self) -> Vec<csplan_domain::segmentation::Account> {
        tauri::async_runtime::block_on(async {
            let store = Store::open(&self.path).await.unwrap();
            let accounts = store.accounts().await.unwrap();
            store.close().await;
            accounts
        })
    }
}

/// Equal JSON, with numbers equal to 1e-12 relative: serde_json reads floats back from text to
/// within one unit in the last place, so a value that crossed IPC can differ in its last bit.
fn assert_same(got: &Value, want: &Value, at: &str) {
    match (got, want) {
        (Value::Number(g), Value::Number(w)) => {
            let (g, w) = (g.as_f64().unwrap(), w.as_f64().unwrap());
            assert!(
                (g - w).abs() <= 1e-12 * w.abs().max(1.0),
                "{at}: {g} vs {w}"
            );
        }
        (Value::Array(g), Value::Array(w)) => {
            assert_eq!(g.len(), w.len(), "{at}: lengths");
            for (i, (g, w)) in g.iter().zip(w).enumerate() {
                assert_same(g, w, &format!("{at}[{i}]"));
            }
        }
        (Value::Object(g), Value::Object(w)) => {
            assert_eq!(g.len(), w.len(), "{at}: keys");
            for (k, w) in w {
                assert_same(&g[k], w, &format!("{at}.{k}"));
            }
        }
        _ => assert_eq!(got, want, "{at}"),
    }
}

#[test]
fn the_view_of_the_open_rule_set_equals_the_domain_summary() {
    let app = Harness::demo();
    let saved = app.call("rule_set_current", json!({})).unwrap();
    assert_eq!(saved["rules"]["name"], "Tiers by ARR + ICP");
    let view = app
        .call("segments_view", json!({ "rules": saved["rules"] }))
        .unwrap();
    let rules = serde_json::from_value(saved["rules"].clone()).unwrap();
    let expected = summarize(&rules, &app.accounts());
    assert_same(
        &view["summary"],
        &serde_json::to_value(&expected).unwrap(),
        "summary",
    );
    assert_eq!(view["total"]["accounts"], 2000);
    assert_same(
        &view["total"],
        &serde_json::to_value(book_total(&expected)).unwrap(),
        "total",
    );
    assert!(
        view["charts"]["arr_and_accounts"]
            .as_str()
            .unwrap()
            .contains("ARR and accounts per segment")
    );
    assert!(
        view["charts"]["health"]
            .as_str()
            .unwrap()
            .contains("Health per segment")
    );
}

/// The health bands of the Segments page are the workspace's, set on the Metrics page (DOMAIN.md
/// §6.2: the cut-offs are open, so one setting serves both pages), not fixed at 70 / 40.
#[test]
fn the_health_bands_are_the_workspaces() {
    let app = Harness::demo();
    let rules_json = app.call("rule_set_current", json!({})).unwrap()["rules"].clone();
    let rules = serde_json::from_value(rules_json.clone()).unwrap();
    let bands = HealthBands {
        green_from: 80.0,
        yellow_from: 55.0,
    };
    tauri::async_runtime::block_on(async {
        let store = Store::open(&app.path).await.unwrap();
        let mut setup = store.metrics_setup().await.unwrap();
        setup.settings.health_bands = bands;
        store.set_metrics_setup(&setup).await.unwrap();
        store.close().await;
    });
    let view = app
        .call("segments_view", json!({ "rules": rules_json }))
        .unwrap();
    assert_eq!(
        view["health_bands"],
        json!({ "green_from": 80.0, "yellow_from": 55.0 })
    );
    let accounts = app.accounts();
    let expected = health_by_segment(&rules, &accounts, &bands);
    assert_eq!(view["health"], serde_json::to_value(&expected).unwrap());
    let default = health_by_segment(&rules, &accounts, &HealthBands::default());
    assert_ne!(
        expected, default,
        "the demo book has scores between 70 and 80"
    );
    let svg = view["charts"]["health"].as_str().unwrap();
    assert!(
        svg.contains("Green: 80 and above") && svg.contains("Red: health below 55"),
        "the chart's legend names the cut-offs it used"
    );
}

#[test]
fn an_edit_is_previewed_not_saved_and_a_bad_rule_names_itself() {
    let app = Harness::demo();
    let saved = app.call("rule_set_current", json!({})).unwrap();
    let id = saved["id"].clone();
    // Strategic from $100,000 to $1 (still ideal fit): every ideal-fit Enterprise account, and
    // every ideal-fit account below it, moves to Strategic.
    let mut edited = saved["rules"].clone();
    edited["segments"][0]["conditions"][0]["min"] = json!(1);
    let change = app
        .call("segments_preview", json!({ "id": id, "rules": edited }))
        .unwrap();
    let accounts = app.accounts();
    let ideal_below = accounts
        .iter()
        .filter(|a| a.icp_fit == "ideal" && a.arr.0 >= 100 && a.arr.0 < 10_000_000)
        .count();
    assert_eq!(change["moves"]["moved_accounts"], json!(ideal_below));
    assert_eq!(
        app.call("rule_set_open", json!({ "id": id })).unwrap()["rules"],
        saved["rules"],
        "the preview saved nothing"
    );

    let mut broken = saved["rules"].clone();
    broken["segments"][1]["colour"] = json!("red");
    let message = app.refused(
        "segments_view",
        json!({ "rules": broken }),
        "invalid-rule-set",
    );
    assert!(
        message.contains("rule 2 (Enterprise): colour \"red\" is not a colour like #0072B2"),
        "{message}"
    );
}

#[test]
fn a_scenario_over_a_rule_set_plans_and_compares_over_its_segments() {
    let app = Harness::demo();
    let scenarios = app.call("scenario_list", json!({})).unwrap();
    let (a, b) = (scenarios[0]["id"].clone(), scenarios[1]["id"].clone());
    let rule_set = app.call("rule_set_current", json!({})).unwrap();
    let pointed = app
        .call(
            "scenario_set_rule_set",
            json!({ "id": a, "ruleSetId": rule_set["id"] }),
        )
        .unwrap();
    assert_eq!(pointed["rule_set_id"], rule_set["id"]);
    let comparison = app
        .call("scenario_compare", json!({ "a": a, "b": b }))
        .unwrap();
    let rules = serde_json::from_value(rule_set["rules"].clone()).unwrap();
    let inputs: csplan_domain::capacity::ScenarioInputs =
        serde_json::from_value(pointed["inputs"].clone()).unwrap();
    let expected = plan_rule_set(&rules, &app.accounts(), &inputs.params).unwrap();
    assert_same(
        &comparison["plan_a"],
        &serde_json::to_value(&expected).unwrap(),
        "plan_a",
    );
    let segments: Vec<&str> = comparison["plan_a"]["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["segment"].as_str().unwrap())
        .collect();
    assert_eq!(
        segments,
        [
            "Strategic",
            "Enterprise",
            "Mid-Market",
            "SMB Poor Fit",
            "SMB"
        ]
    );
    // The other scenario still plans over the ARR tiers.
    assert_eq!(comparison["plan_b"]["segments"][0]["segment"], "Enterprise");
}
