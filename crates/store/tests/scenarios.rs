//! Saved capacity scenarios: names, every write path, exact round trips.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{db_path, temp_dir};
use csplan_domain::Cents;
use csplan_domain::capacity::{Activity, Rounding, ScenarioInputs, SegmentCatalog};
use csplan_store::{NewWorkspace, Store};

async fn store(dir: &tempfile::TempDir) -> Store {
    Store::create(&db_path(dir, "plan.db"), NewWorkspace::Empty)
        .await
        .unwrap()
}

/// Values a float column could lose on a careless path: thirds, binary noise, subnormals,
/// extremes; money at the edges of i64; catalogues in a custom order, one of them empty.
fn odd_inputs() -> ScenarioInputs {
    let mut inputs = ScenarioInputs::default();
    inputs.tiers.enterprise_from = Cents(i64::MAX);
    inputs.tiers.mid_market_from = Cents(1);
    inputs.params.arr_per_csm = Cents(123_456_789_012);
    inputs.params.csm_activities_per_month = 1.0 / 3.0;
    inputs.params.working_time.days_per_month = 0.1 + 0.2;
    inputs.params.working_time.hours_per_day = 5e-324;
    inputs.params.touch_bands.high_touch_below = 49.999_999_999_999_99;
    inputs.params.touch_bands.automated_from = f64::MAX;
    inputs.params.rounding = Rounding::Floor;
    inputs.params.catalogs = vec![
        SegmentCatalog {
            segment: "SMB".into(),
            activities: vec![Activity {
                name: "Webinar «digital» 東京".into(),
                per_customer_per_month: 1.0 / 12.0,
                minutes: 7.25,
            }],
        },
        SegmentCatalog {
            segment: "Strategic".into(),
            activities: vec![],
        },
        SegmentCatalog {
            segment: "Enterprise".into(),
            activities: vec![
                Activity {
                    name: "QBR".into(),
                    per_customer_per_month: 2.0 / 3.0,
                    minutes: 1e300,
                },
                Activity {
                    name: "Check-in".into(),
                    per_customer_per_month: 0.0,
                    minutes: 30.0,
                },
            ],
        },
    ];
    inputs
}

#[tokio::test]
async fn inputs_round_trip_exactly() {
    let dir = temp_dir();
    let store = store(&dir).await;
    let inputs = odd_inputs();
    let created = store.create_scenario("Odd values", &inputs).await.unwrap();
    assert_eq!(created.inputs, inputs);
    let loaded = store.scenario(created.id).await.unwrap();
    assert_eq!(loaded.inputs, inputs);
    // Bit for bit, not merely equal.
    assert_eq!(
        loaded.inputs.params.working_time.days_per_month.to_bits(),
        (0.1f64 + 0.2).to_bits()
    );

    // Saving rewrites the catalogue rows: fewer catalogues and activities than before.
    let mut smaller = inputs.clone();
    smaller.params.catalogs.truncate(1);
    smaller.params.rounding = Rounding::Nearest;
    let summary = store
        .save_scenario_inputs(created.id, &smaller)
        .await
        .unwrap();
    assert_eq!(summary.name, "Odd values");
    assert!(summary.updated_at >= created.updated_at);
    assert_eq!(store.scenario(created.id).await.unwrap().inputs, smaller);
    store.close().await;
}

#[tokio::test]
async fn names_are_trimmed_unique_ignoring_case_and_limited() {
    let dir = temp_dir();
    let store = store(&dir).await;
    let defaults = ScenarioInputs::default();
    let created = store
        .create_scenario("  Q3 hiring  ", &defaults)
        .await
        .unwrap();
    assert_eq!(created.name, "Q3 hiring");

    let error = store
        .create_scenario("base PLAN", &defaults)
        .await
        .unwrap_err();
    assert_eq!(error.code(), "duplicate-name");
    assert!(
        error.to_string().contains("\"Base plan\" already exists"),
        "{error}"
    );

    assert_eq!(
        store.create_scenario("ÜBER", &defaults).await.unwrap().name,
        "ÜBER"
    );
    assert_eq!(
        store
            .create_scenario("über", &defaults)
            .await
            .unwrap_err()
            .code(),
        "duplicate-name"
    );

    for bad in ["", "   ", &"x".repeat(81)] {
        let error = store.create_scenario(bad, &defaults).await.unwrap_err();
        assert_eq!(error.code(), "invalid-name", "{bad:?}");
    }
    assert!(
        store
            .create_scenario(&"é".repeat(80), &defaults)
            .await
            .is_ok()
    );

    // Renaming to its own name in another case is fine; to another's name is not.
    let renamed = store
        .rename_scenario(created.id, "q3 HIRING")
        .await
        .unwrap();
    assert_eq!(renamed.name, "q3 HIRING");
    let error = store
        .rename_scenario(created.id, "Base Plan")
        .await
        .unwrap_err();
    assert_eq!(error.code(), "duplicate-name");
    assert_eq!(
        store
            .duplicate_scenario(created.id, "BASE plan")
            .await
            .unwrap_err()
            .code(),
        "duplicate-name"
    );
    store.close().await;
}

#[tokio::test]
async fn duplicating_copies_every_input() {
    let dir = temp_dir();
    let store = store(&dir).await;
    let source = store
        .create_scenario("Source", &odd_inputs())
        .await
        .unwrap();
    let copy = store
        .duplicate_scenario(source.id, "Source (copy)")
        .await
        .unwrap();
    assert_ne!(copy.id, source.id);
    assert_eq!(copy.inputs, source.inputs);

    // The copy is independent of its source.
    store
        .save_scenario_inputs(copy.id, &ScenarioInputs::default())
        .await
        .unwrap();
    assert_eq!(
        store.scenario(source.id).await.unwrap().inputs,
        odd_inputs()
    );
    store.close().await;
}

#[tokio::test]
async fn the_last_scenario_cannot_be_deleted() {
    let dir = temp_dir();
    let store = store(&dir).await;
    let base = store.scenario_by_name("Base plan").await.unwrap();
    let error = store.delete_scenario(base.id).await.unwrap_err();
    assert_eq!(error.code(), "last-scenario");
    assert!(error.to_string().contains("\"Base plan\""), "{error}");

    let other = store
        .create_scenario("Other", &ScenarioInputs::default())
        .await
        .unwrap();
    assert_eq!(store.last_scenario_id().await.unwrap(), Some(base.id));
    store.delete_scenario(base.id).await.unwrap();
    // The remembered scenario is gone, so none is remembered.
    assert_eq!(store.last_scenario_id().await.unwrap(), None);
    let names: Vec<String> = store
        .list_scenarios()
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(names, ["Other"]);
    assert_eq!(
        store.delete_scenario(other.id).await.unwrap_err().code(),
        "last-scenario"
    );
    store.close().await;
}

#[tokio::test]
async fn missing_scenarios_and_unstorable_inputs_are_reported() {
    let dir = temp_dir();
    let store = store(&dir).await;
    let defaults = ScenarioInputs::default();
    assert_eq!(store.scenario(999).await.unwrap_err().code(), "not-found");
    assert_eq!(
        store.scenario_by_name("Nope").await.unwrap_err().code(),
        "not-found"
    );
    assert_eq!(
        store
            .save_scenario_inputs(999, &defaults)
            .await
            .unwrap_err()
            .code(),
        "not-found"
    );
    assert_eq!(
        store.rename_scenario(999, "X").await.unwrap_err().code(),
        "not-found"
    );
    assert_eq!(
        store.duplicate_scenario(999, "X").await.unwrap_err().code(),
        "not-found"
    );
    assert_eq!(
        store.delete_scenario(999).await.unwrap_err().code(),
        "not-found"
    );
    assert_eq!(
        store.set_last_scenario_id(999).await.unwrap_err().code(),
        "not-found"
    );

    let mut nan = defaults.clone();
    nan.params.csm_activities_per_month = f64::NAN;
    let error = store.create_scenario("NaN", &nan).await.unwrap_err();
    assert_eq!(error.code(), "invalid-inputs");
    assert!(
        error.to_string().contains("activities per CSM per month"),
        "{error}"
    );

    let mut twice = defaults.clone();
    twice.params.catalogs.push(twice.params.catalogs[0].clone());
    let error = store.create_scenario("Twice", &twice).await.unwrap_err();
    assert_eq!(error.code(), "invalid-inputs");
    assert_eq!(store.list_scenarios().await.unwrap().len(), 1);
    store.close().await;
}

#[tokio::test]
async fn the_last_opened_scenario_is_remembered() {
    let dir = temp_dir();
    let store = store(&dir).await;
    let other = store
        .create_scenario("Other", &ScenarioInputs::default())
        .await
        .unwrap();
    store.set_last_scenario_id(other.id).await.unwrap();
    assert_eq!(store.last_scenario_id().await.unwrap(), Some(other.id));
    store.close().await;
}
