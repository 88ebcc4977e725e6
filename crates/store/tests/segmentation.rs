//! Saved rule sets (DOMAIN.md §2): every write path, exact round trips through the workspace and
//! through TOML and JSON files, the active rule set, scenarios planning over a rule set, the demo
//! rule sets, and the move preview of an edited rule set on a stored book.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{db_path, good_row, temp_dir, write_csv};
use csplan_domain::Cents;
use csplan_domain::capacity::{Activity, CapacityParams, ScenarioInputs, TouchModel};
use csplan_domain::segmentation::{
    CatchAll, Condition, IsoDate, NumericField, OneOf, Range, RuleSet, SegmentRule, TextField,
    rule_change, summarize,
};
use csplan_store::{NewWorkspace, RuleFileFormat, Store};

async fn empty(dir: &tempfile::TempDir) -> Store {
    Store::create(&db_path(dir, "plan.db"), NewWorkspace::Empty)
        .await
        .unwrap()
}

fn activities(per_month: f64) -> Option<Vec<Activity>> {
    Some(vec![Activity {
        name: "Check-in «call» 東京".into(),
        per_customer_per_month: per_month,
        minutes: 1.0 / 3.0,
    }])
}

/// Enterprise from $100,000 (min inclusive), SMB the rest.
fn two_tiers(name: &str) -> RuleSet {
    RuleSet {
        name: name.into(),
        as_of: IsoDate::parse("2026-01-01").unwrap(),
        segments: vec![SegmentRule {
            name: "Enterprise".into(),
            touch_model: TouchModel::HighTouch,
            colour: "#009E73".into(),
            conditions: vec![Condition::Range(Range {
                field: NumericField::Arr,
                min: Some(100_000.0),
                max: None,
            })],
            activities: activities(12.0),
        }],
        catch_all: CatchAll {
            name: "SMB".into(),
            touch_model: TouchModel::Automated,
            colour: "#56B4E9".into(),
            activities: activities(1.0),
        },
    }
}

/// `two_tiers` with a "Strategic" rule first: ARR from $130,000 and ideal fit.
fn with_strategic(name: &str) -> RuleSet {
    let mut rules = two_tiers(name);
    rules.segments.insert(
        0,
        SegmentRule {
            name: "Strategic".into(),
            touch_model: TouchModel::HighTouch,
            colour: "#0072B2".into(),
            conditions: vec![
                Condition::Range(Range {
                    field: NumericField::Arr,
                    min: Some(130_000.0),
                    max: None,
                }),
                Condition::OneOf(OneOf {
                    field: TextField::IcpFit,
                    values: vec!["ideal".into()],
                }),
            ],
            activities: activities(12.0),
        },
    );
    rules
}

#[tokio::test]
async fn create_save_rename_duplicate_delete_round_trip_exactly() {
    let dir = temp_dir();
    let store = empty(&dir).await;
    assert!(store.list_rule_sets().await.unwrap().is_empty());

    let saved = store.create_rule_set(&two_tiers("  Tiers ")).await.unwrap();
    assert_eq!(
        saved.rules,
        two_tiers("Tiers"),
        "the name is trimmed, the rest exact"
    );

    let summary = store
        .save_rule_set(
            saved.id,
            &with_strategic("ignored: save keeps the saved name"),
        )
        .await
        .unwrap();
    assert_eq!(summary.name, "Tiers");
    assert_eq!(
        store.rule_set(saved.id).await.unwrap().rules,
        with_strategic("Tiers")
    );

    let renamed = store
        .rename_rule_set(saved.id, "Coverage 2027")
        .await
        .unwrap();
    assert_eq!(renamed.name, "Coverage 2027");
    let by_name = store.rule_set_by_name("coverage 2027").await.unwrap();
    assert_eq!(by_name.rules, with_strategic("Coverage 2027"));

    let copy = store.duplicate_rule_set(saved.id, "Copy").await.unwrap();
    assert_ne!(copy.id, saved.id);
    assert_eq!(copy.rules, with_strategic("Copy"));
    let names: Vec<String> = store
        .list_rule_sets()
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(names, ["Copy", "Coverage 2027"]);

    store.delete_rule_set(copy.id).await.unwrap();
    assert_eq!(store.list_rule_sets().await.unwrap().len(), 1);
    assert_eq!(
        store.rule_set(copy.id).await.unwrap_err().code(),
        "not-found"
    );
    assert_eq!(
        store.delete_rule_set(copy.id).await.unwrap_err().code(),
        "not-found"
    );
    store.close().await;
}

#[tokio::test]
async fn names_clash_ignoring_case_and_bad_rules_are_refused_naming_the_rule() {
    let dir = temp_dir();
    let store = empty(&dir).await;
    let first = store.create_rule_set(&two_tiers("Über")).await.unwrap();
    let clash = store.create_rule_set(&two_tiers("über")).await.unwrap_err();
    assert_eq!(clash.code(), "invalid-name");
    assert!(
        clash.to_string().contains("\"Über\" already exists"),
        "{clash}"
    );
    let other = store.create_rule_set(&two_tiers("Other")).await.unwrap();
    assert_eq!(
        store
            .rename_rule_set(other.id, "ÜBER")
            .await
            .unwrap_err()
            .code(),
        "invalid-name"
    );
    assert_eq!(
        store
            .duplicate_rule_set(first.id, " ")
            .await
            .unwrap_err()
            .code(),
        "invalid-name"
    );

    let mut broken = two_tiers("Broken");
    broken.segments[0].conditions.push(Condition::Range(Range {
        field: NumericField::HealthScore,
        min: Some(80.0),
        max: Some(20.0),
    }));
    let error = store.save_rule_set(first.id, &broken).await.unwrap_err();
    assert_eq!(error.code(), "invalid-inputs");
    assert!(
        error.to_string().contains("rule 1 (Enterprise)")
            && error
                .to_string()
                .contains("min (80) must be below max (20)"),
        "{error}"
    );
    // Nothing was written.
    assert_eq!(
        store.rule_set(first.id).await.unwrap().rules,
        two_tiers("Über")
    );
    store.close().await;
}

#[tokio::test]
async fn export_and_import_toml_and_json_give_the_same_rule_set() {
    let dir = temp_dir();
    let store = empty(&dir).await;
    let saved = store
        .create_rule_set(&with_strategic("Shared"))
        .await
        .unwrap();
    for format in [RuleFileFormat::Toml, RuleFileFormat::Json] {
        let text = store.export_rule_set(saved.id, format).await.unwrap();
        let path = dir.path().join(format!("shared.{}", format.extension()));
        std::fs::write(&path, text).unwrap();
        let imported = store.import_rule_set(&path).await.unwrap();
        // The name is taken, so the import is saved beside it, never over it.
        let expected_name = match format {
            RuleFileFormat::Toml => "Shared (2)",
            RuleFileFormat::Json => "Shared (3)",
        };
        assert_eq!(imported.rules, with_strategic(expected_name));
    }
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "name = \"X\"\nas_of = \"2026-02-30\"\n").unwrap();
    let error = store.import_rule_set(&bad).await.unwrap_err();
    assert_eq!(error.code(), "invalid-inputs");
    assert!(error.to_string().contains("bad.toml"), "{error}");
    assert_eq!(store.list_rule_sets().await.unwrap().len(), 3);
    store.close().await;
}

#[tokio::test]
async fn the_active_rule_set_is_remembered_until_deleted() {
    let dir = temp_dir();
    let store = empty(&dir).await;
    let a = store.create_rule_set(&two_tiers("A")).await.unwrap();
    assert_eq!(store.active_rule_set_id().await.unwrap(), None);
    store.set_active_rule_set_id(a.id).await.unwrap();
    assert_eq!(store.active_rule_set_id().await.unwrap(), Some(a.id));
    assert_eq!(
        store
            .set_active_rule_set_id(a.id + 99)
            .await
            .unwrap_err()
            .code(),
        "not-found"
    );
    store.delete_rule_set(a.id).await.unwrap();
    assert_eq!(store.active_rule_set_id().await.unwrap(), None);
    store.close().await;
}

#[tokio::test]
async fn a_scenario_plans_over_a_rule_set_until_it_is_deleted() {
    let dir = temp_dir();
    let store = empty(&dir).await;
    let scenario = store.list_scenarios().await.unwrap()[0].clone();
    assert_eq!(store.scenario(scenario.id).await.unwrap().rule_set_id, None);
    let rules = store.create_rule_set(&two_tiers("A")).await.unwrap();
    let pointed = store
        .set_scenario_rule_set(scenario.id, Some(rules.id))
        .await
        .unwrap();
    assert_eq!(pointed.rule_set_id, Some(rules.id));
    let copy = store.duplicate_scenario(scenario.id, "Copy").await.unwrap();
    assert_eq!(
        copy.rule_set_id,
        Some(rules.id),
        "a duplicate plans over the same rule set"
    );
    assert_eq!(
        store
            .set_scenario_rule_set(scenario.id, Some(rules.id + 99))
            .await
            .unwrap_err()
            .code(),
        "not-found"
    );
    store.delete_rule_set(rules.id).await.unwrap();
    assert_eq!(store.scenario(scenario.id).await.unwrap().rule_set_id, None);
    assert_eq!(store.scenario(copy.id).await.unwrap().rule_set_id, None);
    let back = store.set_scenario_rule_set(copy.id, None).await.unwrap();
    assert_eq!(back.inputs, ScenarioInputs::default());
    store.close().await;
}

/// The demo ships two rule sets, the first active; each partitions the whole demo book.
#[tokio::test]
async fn the_demo_workspace_has_two_rule_sets_covering_its_book() {
    let dir = temp_dir();
    let store = Store::create(&db_path(&dir, "demo.db"), NewWorkspace::Demo)
        .await
        .unwrap();
    let list = store.list_rule_sets().await.unwrap();
    let names: Vec<&str> = list.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Renewal, usage and region", "Tiers by ARR + ICP"]);
    let active = store.active_rule_set_id().await.unwrap().unwrap();
    assert_eq!(
        store.rule_set(active).await.unwrap().rules.name,
        "Tiers by ARR + ICP"
    );
    let accounts = store.accounts().await.unwrap();
    let info = store.workspace_info().await.unwrap();
    for summary in &list {
        let rules = store.rule_set(summary.id).await.unwrap().rules;
        let segments = summarize(&rules, &accounts);
        assert_eq!(
            segments.iter().map(|s| s.accounts).sum::<u64>(),
            info.accounts
        );
        assert_eq!(
            segments.iter().map(|s| s.total_arr).sum::<Cents>(),
            info.total_arr
        );
    }
    store.close().await;
}

/// The preview of an edit on a stored book, worked by hand. Book: $150,000 ideal, $120,000
/// ideal, $130,000 stretch, $5,000 ideal. Adding "Strategic: ARR >= $130,000 and ideal" moves
/// only the $150,000 account from Enterprise; the $130,000 one is a stretch fit and stays.
/// Bottom-up (DOMAIN.md §1.1): 12 activities a month per high-touch customer, 600 per CSM.
#[tokio::test]
async fn the_move_preview_of_an_edited_rule_set_on_the_stored_book() {
    let dir = temp_dir();
    let store = empty(&dir).await;
    let csv = dir.path().join("book.csv");
    let mut stretch = good_row(3, "130000.00");
    stretch[15] = "stretch".into();
    write_csv(
        &csv,
        &[
            good_row(1, "150000.00"),
            good_row(2, "120000.00"),
            stretch,
            good_row(4, "5000.00"),
        ],
    );
    store.import_accounts_csv(&csv).await.unwrap();
    let saved = store.create_rule_set(&two_tiers("Tiers")).await.unwrap();
    let accounts = store.accounts().await.unwrap();
    let edited = with_strategic("Tiers");
    let change = rule_change(&saved.rules, &edited, &accounts, &CapacityParams::default()).unwrap();

    assert_eq!(change.moves.from, ["Enterprise", "SMB"]);
    assert_eq!(change.moves.to, ["Strategic", "Enterprise", "SMB"]);
    assert_eq!(change.moves.moved_accounts, 1);
    assert_eq!(change.moves.moved_arr, Cents(15_000_000));
    assert_eq!(change.moves.cells[0][0].accounts, 1);
    assert_eq!(change.moves.cells[0][1].accounts, 2);
    assert_eq!(change.moves.cells[0][1].arr, Cents(25_000_000));
    assert_eq!(change.moves.cells[1][2].accounts, 1);

    let row = |name: &str| change.headcount.iter().find(|r| r.segment == name).unwrap();
    // Enterprise: 3 customers x 12 = 36 activities / 600 = 0.06 FTE before; 2 x 12 after.
    assert_eq!(row("Enterprise").bottom_up.fte_a, 3.0 / 50.0);
    assert_eq!(row("Enterprise").bottom_up.fte_b, 2.0 / 50.0);
    assert_eq!(row("Strategic").bottom_up.fte_b, 1.0 / 50.0);
    assert_eq!(
        (row("Strategic").accounts_a, row("Strategic").accounts_b),
        (0, 1)
    );
    // Top-down: Strategic's $150,000 at $1.5M per CSM is 0.1 FTE, one hire when rounded up.
    assert_eq!(row("Strategic").top_down.fte_b, 0.1);
    assert_eq!(row("Strategic").top_down.headcount_change, 1);
    // The preview wrote nothing.
    assert_eq!(
        store.rule_set(saved.id).await.unwrap().rules,
        two_tiers("Tiers")
    );
    store.close().await;
}
