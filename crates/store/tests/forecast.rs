//! Saved plans over time (issue #4 part 5, DOMAIN.md §1.3, §1.4): where a plan starts on the
//! book, every write path, exact round trips with the seed and trials kept, and the demo plan.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{db_path, good_row, temp_dir, write_csv};
use csplan_domain::Cents;
use csplan_domain::capacity::ScenarioInputs;
use csplan_domain::forecast::{
    ArrMovement, LogoMovement, QuarterOverride, RequiredBasis, Spread, Uncertainty,
};
use csplan_domain::segmentation::{IsoDate, TierBounds};
use csplan_store::{BookSegment, MAX_SEED, NewWorkspace, Store, inputs_from_book};

async fn empty(dir: &tempfile::TempDir) -> Store {
    Store::create(&db_path(dir, "plan.db"), NewWorkspace::Empty)
        .await
        .unwrap()
}

fn start() -> IsoDate {
    IsoDate::parse("2027-01-01").unwrap()
}

/// A book of five accounts: Ana owns one Enterprise ($200k) and one SMB ($5k) account, so she
/// counts once, in Enterprise where her ARR is; Bo owns two Mid-Market accounts; one SMB
/// account has no owner.
fn owners_book(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let row = |id: u32, arr: &str, owner: &str| {
        let mut row = good_row(id, arr);
        row[14] = owner.to_string();
        row
    };
    let file = dir.path().join("owners.csv");
    write_csv(
        &file,
        &[
            row(1, "200000.00", "Ana Ruiz"),
            row(2, "5000.00", "Ana Ruiz"),
            row(3, "30000.00", "Bo Lind"),
            row(4, "40000.50", "Bo Lind"),
            row(5, "1000.00", ""),
        ],
    );
    file
}

#[tokio::test]
async fn a_new_plan_starts_from_each_tiers_book_and_csm_owners() {
    let dir = temp_dir();
    let store = empty(&dir).await;
    store.import_accounts_csv(&owners_book(&dir)).await.unwrap();
    let book = store.forecast_book(&TierBounds::default()).await.unwrap();
    let segment = |name: &str, accounts, cents, csms| BookSegment {
        segment: name.to_string(),
        accounts,
        arr: Cents(cents),
        csms,
    };
    assert_eq!(
        book,
        [
            segment("Enterprise", 1, 20_000_000, 1),
            segment("Mid-Market", 2, 7_000_050, 1),
            // Ana's SMB account is book here, but she is counted in Enterprise; no one else.
            segment("SMB", 2, 600_000, 0),
        ]
    );

    let capacity = ScenarioInputs::default();
    let inputs = inputs_from_book(start(), &book, &capacity.params.catalogs);
    assert_eq!(inputs.segments.len(), 3);
    let mid = &inputs.segments[1];
    assert_eq!(mid.segment, "Mid-Market");
    assert_eq!(
        (mid.opening_logos, mid.opening_arr),
        (2.0, Cents(7_000_050))
    );
    assert_eq!(mid.current_csms, 1.0);
    let catalog = capacity
        .params
        .catalogs
        .iter()
        .find(|c| c.segment == "Mid-Market")
        .unwrap();
    assert_eq!(
        mid.activities_per_customer_per_month,
        catalog.activities_per_customer_per_month()
    );
    assert_eq!(inputs.quarters, 8, "the documented default horizon");
    store.close().await;
}

#[tokio::test]
async fn a_plan_round_trips_exactly_with_its_seed_and_trials() {
    let dir = temp_dir();
    let store = empty(&dir).await;
    let book = [BookSegment {
        segment: "SMB".to_string(),
        accounts: 300,
        arr: Cents(123_456_789),
        csms: 2,
    }];
    let mut inputs = inputs_from_book(start(), &book, &[]);
    inputs.quarters = 12;
    inputs.basis = RequiredBasis::Max;
    inputs.supply.attrition_per_year = 1.0 / 3.0;
    inputs.supply.ramp.productivity_by_month = vec![0.1 + 0.2, 0.75];
    inputs.segments[0].base.new_logos = LogoMovement::Rate { rate: 0.05 };
    inputs.segments[0].base.churn = ArrMovement::Amount { amount: Cents(-1) };
    inputs.segments[0].overrides = vec![QuarterOverride {
        quarter: 3,
        expansion: Some(ArrMovement::Rate { rate: 5e-324 }),
        ..QuarterOverride::default()
    }];
    let uncertainty = Uncertainty {
        trials: 777,
        seed: MAX_SEED,
        churn: Spread::Normal {
            mean: 1.0,
            sd: 0.125,
        },
        attrition: Spread::Fixed,
        ..Uncertainty::default()
    };
    let created = store
        .create_forecast("  FY27 «growth» ", &inputs, &uncertainty)
        .await
        .unwrap();
    assert_eq!(created.name, "FY27 «growth»");
    assert_eq!(created.inputs, inputs);
    assert_eq!(created.uncertainty, uncertainty);

    // Reopened from the file: the same plan, the same seed, the same trials.
    let path = store.path().to_path_buf();
    store.close().await;
    let store = Store::open(&path).await.unwrap();
    let back = store.forecast_by_name("fy27 «GROWTH»").await.unwrap();
    assert_eq!(back.inputs, inputs);
    assert_eq!(back.uncertainty.seed, MAX_SEED);
    assert_eq!(back.uncertainty.trials, 777);
    assert_eq!(back.uncertainty, uncertainty);

    // An edit is saved over it; a copy keeps the seed.
    let mut edited = uncertainty.clone();
    edited.seed = 42;
    inputs.supply.lead_time_days = 45;
    store
        .save_forecast(back.id, &inputs, &edited)
        .await
        .unwrap();
    let copy = store.duplicate_forecast(back.id, "Copy").await.unwrap();
    assert_eq!(copy.uncertainty.seed, 42);
    assert_eq!(copy.inputs.supply.lead_time_days, 45);
    let renamed = store.rename_forecast(copy.id, "Worst case").await.unwrap();
    assert_eq!(renamed.name, "Worst case");
    let names: Vec<String> = store
        .list_forecasts()
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(names, ["FY27 «growth»", "Worst case"]);
    store.close().await;
}

#[tokio::test]
async fn bad_plans_are_refused_with_what_to_fix_and_nothing_is_saved() {
    let dir = temp_dir();
    let store = empty(&dir).await;
    let inputs = inputs_from_book(start(), &[], &[]);
    let ok = Uncertainty::default();
    let first = store.create_forecast("Base", &inputs, &ok).await.unwrap();

    let mut nan = inputs.clone();
    nan.csm_activities_per_month = f64::NAN;
    let error = store.save_forecast(first.id, &nan, &ok).await.unwrap_err();
    assert_eq!(error.code(), "invalid-inputs");
    assert!(error.to_string().contains("must be a number"), "{error}");

    let too_big = Uncertainty {
        seed: MAX_SEED + 1,
        ..ok.clone()
    };
    let error = store
        .save_forecast(first.id, &inputs, &too_big)
        .await
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("The seed can be at most 9007199254740991")
    );
    let no_trials = Uncertainty {
        trials: 0,
        ..ok.clone()
    };
    let error = store
        .create_forecast("Other", &inputs, &no_trials)
        .await
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("Trials must be from 1 to 1000000")
    );

    let error = store
        .create_forecast("BASE", &inputs, &ok)
        .await
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("A plan named \"Base\" already exists")
    );
    let error = store.delete_forecast(first.id).await.unwrap_err();
    assert!(error.to_string().contains("only plan"));
    assert_eq!(store.forecast(first.id).await.unwrap().inputs, inputs);
    assert_eq!(store.list_forecasts().await.unwrap().len(), 1);
    store.close().await;
}

#[tokio::test]
async fn the_current_plan_is_remembered_and_forgotten_when_deleted() {
    let dir = temp_dir();
    let store = empty(&dir).await;
    assert_eq!(store.current_forecast().await.unwrap(), None);
    let inputs = inputs_from_book(start(), &[], &[]);
    let a = store
        .create_forecast("A", &inputs, &Uncertainty::default())
        .await
        .unwrap();
    let b = store
        .create_forecast("B", &inputs, &Uncertainty::default())
        .await
        .unwrap();
    assert_eq!(store.current_forecast().await.unwrap().unwrap().id, a.id);
    store.set_current_forecast(b.id).await.unwrap();
    assert_eq!(store.current_forecast().await.unwrap().unwrap().id, b.id);
    store.delete_forecast(b.id).await.unwrap();
    assert_eq!(store.current_forecast().await.unwrap().unwrap().id, a.id);
    assert_eq!(
        store.set_current_forecast(b.id).await.unwrap_err().code(),
        "not-found"
    );
    store.close().await;
}

#[tokio::test]
async fn the_demo_has_a_base_plan_on_its_book() {
    let dir = temp_dir();
    let store = Store::create(&db_path(&dir, "demo.db"), NewWorkspace::Demo)
        .await
        .unwrap();
    let plan = store.current_forecast().await.unwrap().unwrap();
    assert_eq!(plan.name, "Base plan");
    assert_eq!(plan.inputs.start, start());
    let book = store.forecast_book(&TierBounds::default()).await.unwrap();
    let starts: Vec<(String, f64, Cents, f64)> = plan
        .inputs
        .segments
        .iter()
        .map(|s| {
            (
                s.segment.clone(),
                s.opening_logos,
                s.opening_arr,
                s.current_csms,
            )
        })
        .collect();
    let expected: Vec<(String, f64, Cents, f64)> = book
        .iter()
        .map(|s| (s.segment.clone(), s.accounts as f64, s.arr, s.csms as f64))
        .collect();
    assert_eq!(starts, expected);
    // The demo's 12 CSMs: 3 Enterprise, 4 Mid-Market, 5 SMB (store/demo history's team).
    let csms: Vec<u64> = book.iter().map(|s| s.csms).collect();
    assert_eq!(csms, [3, 4, 5]);
    let total: i64 = book.iter().map(|s| s.arr.0).sum();
    assert_eq!(total, 3_510_099_671);
    assert_eq!(plan.uncertainty, Uncertainty::default());
    store.close().await;
}

#[tokio::test]
async fn a_plan_made_from_the_book_starts_next_quarter() {
    let next = |today: &str| csplan_store::next_quarter_start(IsoDate::parse(today).unwrap());
    assert_eq!(next("2026-11-27").to_string(), "2027-01-01");
    assert_eq!(next("2027-01-01").to_string(), "2027-04-01");
    assert_eq!(next("2027-06-30").to_string(), "2027-07-01");
    assert_eq!(next("2027-09-15").to_string(), "2027-10-01");

    let dir = temp_dir();
    let store = empty(&dir).await;
    store.import_accounts_csv(&owners_book(&dir)).await.unwrap();
    let plan = store
        .create_forecast_from_book("Base plan", IsoDate::parse("2026-11-27").unwrap())
        .await
        .unwrap();
    assert_eq!(plan.inputs.start.to_string(), "2027-01-01");
    let arr: Vec<Cents> = plan.inputs.segments.iter().map(|s| s.opening_arr).collect();
    assert_eq!(arr, [Cents(20_000_000), Cents(7_000_050), Cents(600_000)]);
    assert_eq!(plan.uncertainty, Uncertainty::default());
    store.close().await;
}

#[tokio::test]
async fn a_plan_can_start_from_a_saved_rule_sets_segments() {
    let dir = temp_dir();
    let store = Store::create(&db_path(&dir, "demo.db"), NewWorkspace::Demo)
        .await
        .unwrap();
    let rule_sets = store.list_rule_sets().await.unwrap();
    let first = rule_sets.first().expect("the demo has saved rule sets");
    let rules = store.rule_set(first.id).await.unwrap().rules;
    let plan = store
        .create_forecast_from_rules(
            "By rule set",
            IsoDate::parse("2026-11-27").unwrap(),
            first.id,
        )
        .await
        .unwrap();
    assert_eq!(plan.inputs.start.to_string(), "2027-01-01");
    // Every account lands in exactly one segment: the book adds up to the demo's.
    let logos: f64 = plan.inputs.segments.iter().map(|s| s.opening_logos).sum();
    let arr: i64 = plan.inputs.segments.iter().map(|s| s.opening_arr.0).sum();
    assert_eq!((logos, arr), (2000.0, 3_510_099_671));
    // The 12 CSM owners are counted once each.
    let csms: f64 = plan.inputs.segments.iter().map(|s| s.current_csms).sum();
    assert_eq!(csms, 12.0);
    // Segments keep the rule set's names and order, and its catalogues' load.
    let names: Vec<&str> = rules.segment_names();
    let planned: Vec<&str> = plan
        .inputs
        .segments
        .iter()
        .map(|s| s.segment.as_str())
        .collect();
    assert!(
        planned.iter().all(|p| names.contains(p)),
        "{planned:?} vs {names:?}"
    );
    for (segment, rule) in plan
        .inputs
        .segments
        .iter()
        .zip(names.iter().filter(|n| planned.contains(n)))
    {
        assert_eq!(segment.segment, *rule);
    }
    let with_catalogue = rules.segments.iter().find(|s| {
        s.activities.as_ref().is_some_and(|a| !a.is_empty()) && planned.contains(&s.name.as_str())
    });
    if let Some(rule) = with_catalogue {
        let expected: f64 = rule
            .activities
            .as_ref()
            .unwrap()
            .iter()
            .map(|a| a.per_customer_per_month)
            .sum();
        let segment = plan
            .inputs
            .segments
            .iter()
            .find(|s| s.segment == rule.name)
            .unwrap();
        assert_eq!(segment.activities_per_customer_per_month, expected);
    }
    assert_eq!(
        store
            .create_forecast_from_rules("x", IsoDate::parse("2026-11-27").unwrap(), 9999)
            .await
            .unwrap_err()
            .code(),
        "not-found"
    );
    store.close().await;
}
