//! Saved column mappings (issue #3: "save mappings per source so the next import of the same
//! export needs no clicks"): one column's target changed by name (the CLI's --map), the mapping
//! an import starts from read from the header alone, names checked before saving, and a saved
//! mapping deleted.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{db_path, good_row, temp_dir, write_csv};
use csplan_store::{
    AccountField, ColumnMapping, ColumnTarget, DEFAULT_BUSY_TIMEOUT, ImportOptions, ImportProgress,
    MappingOrigin, NewWorkspace, Store, detect_mapping,
};
use std::sync::Arc;

fn headers(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

fn target_of(mapping: &ColumnMapping, header: &str) -> ColumnTarget {
    mapping
        .columns
        .iter()
        .find(|c| c.header == header)
        .map(|c| c.target)
        .unwrap()
}

fn field(field: AccountField) -> ColumnTarget {
    ColumnTarget::Field { field }
}

#[test]
fn a_column_given_a_field_takes_it_from_the_column_that_had_it() {
    let detected = detect_mapping(&headers(&["Account ID", "ARR", "Contract Value", "MRR"]));
    assert_eq!(target_of(&detected, "ARR"), field(AccountField::Arr));
    assert_eq!(target_of(&detected, "Contract Value"), ColumnTarget::Custom);

    // Matched by its normalised name when no column is called exactly that.
    let moved = detected
        .with_target("contract value", field(AccountField::Arr))
        .unwrap();
    assert_eq!(
        target_of(&moved, "Contract Value"),
        field(AccountField::Arr)
    );
    assert_eq!(target_of(&moved, "ARR"), ColumnTarget::Custom);
    assert_eq!(
        target_of(&moved, "Account ID"),
        field(AccountField::AccountId)
    );

    // MRR and ARR exclude each other: mapping MRR demotes the ARR column.
    let monthly = detected.with_target("MRR", ColumnTarget::Mrr).unwrap();
    assert_eq!(target_of(&monthly, "MRR"), ColumnTarget::Mrr);
    assert_eq!(target_of(&monthly, "ARR"), ColumnTarget::Custom);

    let ignored = detected
        .with_target("ARR", ColumnTarget::from_name("ignore").unwrap())
        .unwrap();
    assert_eq!(target_of(&ignored, "ARR"), ColumnTarget::Skip);
}

#[test]
fn a_column_picked_by_position_moves_the_field_even_when_headers_repeat() {
    // Two columns both called "ARR" (an export that repeats a header): detection gives the
    // first the field; the mapping editor picks the second by its position.
    let detected = detect_mapping(&headers(&["Account ID", "ARR", "ARR", "MRR"]));
    let targets = |m: &ColumnMapping| m.columns.iter().map(|c| c.target).collect::<Vec<_>>();
    assert_eq!(
        targets(&detected),
        vec![
            field(AccountField::AccountId),
            field(AccountField::Arr),
            ColumnTarget::Custom,
            ColumnTarget::Custom,
        ]
    );
    let second = detected
        .with_target_at(2, field(AccountField::Arr))
        .unwrap();
    assert_eq!(
        targets(&second),
        vec![
            field(AccountField::AccountId),
            ColumnTarget::Custom,
            field(AccountField::Arr),
            ColumnTarget::Custom,
        ]
    );
    // MRR on the last column displaces the ARR column; ARR back on the first displaces MRR.
    let monthly = second.with_target_at(3, ColumnTarget::Mrr).unwrap();
    assert_eq!(monthly.columns[2].target, ColumnTarget::Custom);
    assert_eq!(monthly.columns[3].target, ColumnTarget::Mrr);
    let back = monthly.with_target_at(1, field(AccountField::Arr)).unwrap();
    assert_eq!(back.columns[1].target, field(AccountField::Arr));
    assert_eq!(back.columns[3].target, ColumnTarget::Custom);

    let error = detected.with_target_at(4, ColumnTarget::Skip).unwrap_err();
    assert_eq!(error.code(), "invalid-inputs");
    assert_eq!(
        error.to_string(),
        "the file has 4 columns; there is no column 5"
    );
}

#[test]
fn an_unknown_column_or_target_name_is_refused_by_name() {
    let detected = detect_mapping(&headers(&["Account ID", "ARR"]));
    let error = detected
        .with_target("Renewal", ColumnTarget::Custom)
        .unwrap_err();
    assert_eq!(error.code(), "invalid-inputs");
    assert_eq!(
        error.to_string(),
        "the file has no column \"Renewal\"; its columns are \"Account ID\", \"ARR\""
    );
    assert_eq!(
        ColumnTarget::from_name(" Renewal_Date "),
        Some(field(AccountField::RenewalDate))
    );
    assert_eq!(
        ColumnTarget::from_name("custom"),
        Some(ColumnTarget::Custom)
    );
    assert_eq!(ColumnTarget::from_name("renewal"), None);
    // The 16 fields of the export format, then mrr, custom and ignore.
    let names = ColumnTarget::names();
    assert_eq!(names.len(), 19);
    assert_eq!(names[0], "account_id");
    assert_eq!(names[16..], ["mrr", "custom", "ignore"]);
    for name in names {
        assert_eq!(ColumnTarget::from_name(name).unwrap().name(), name);
    }
}

#[tokio::test]
async fn names_are_checked_before_saving_and_a_saved_mapping_can_be_deleted() {
    let dir = temp_dir();
    let store = Store::create(&db_path(&dir, "plan.db"), NewWorkspace::Empty)
        .await
        .unwrap();
    let file = dir.path().join("book.csv");
    write_csv(&file, &[good_row(1, "1200")]);
    let options = ImportOptions {
        mapping_name: Some("Acme CRM".to_string()),
        ..ImportOptions::default()
    };
    store
        .import_accounts(&file, &options, &Arc::new(ImportProgress::new()))
        .await
        .unwrap();

    let empty = store.check_mapping_name("   ", None).await.unwrap_err();
    assert_eq!(empty.code(), "invalid-name");
    assert_eq!(
        empty.to_string(),
        "A mapping name cannot be empty; type a name such as \"HubSpot export\"."
    );
    let clash = store
        .check_mapping_name("acme crm ", None)
        .await
        .unwrap_err();
    assert_eq!(clash.code(), "invalid-name");
    assert_eq!(
        clash.to_string(),
        "A saved mapping is already called \"Acme CRM\" (names are compared ignoring upper and lower case). Use that mapping to update it, or choose another name."
    );
    // The mapping in use may be saved again under its own name, in any case.
    assert_eq!(
        store
            .check_mapping_name("ACME crm", Some("Acme CRM"))
            .await
            .unwrap(),
        "ACME crm"
    );
    assert_eq!(
        store
            .check_mapping_name(" Salesforce ", Some("Acme CRM"))
            .await
            .unwrap(),
        "Salesforce"
    );

    store.delete_mapping("ACME CRM").await.unwrap();
    let saved = store.saved_mappings().await.unwrap();
    // The mapping remembered for the file's headers stays.
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].name, None);
    let gone = store.delete_mapping("Acme CRM").await.unwrap_err();
    assert_eq!(gone.code(), "not-found");
    store.close().await;
}

#[tokio::test]
async fn the_starting_mapping_is_read_from_the_header_without_making_a_workspace() {
    let dir = temp_dir();
    let file = dir.path().join("crm.csv");
    std::fs::write(
        &file,
        "Customer ID,Company,ARR,Start,End\nC-1,One,10,2024-01-01,2026-01-01\n",
    )
    .unwrap();
    let missing = db_path(&dir, "new.db");
    let (mapping, origin) = Store::import_mapping_at(
        &missing,
        DEFAULT_BUSY_TIMEOUT,
        &file,
        &ImportOptions::default(),
    )
    .await
    .unwrap();
    assert_eq!(origin, MappingOrigin::Detected);
    assert_eq!(
        target_of(&mapping, "Customer ID"),
        field(AccountField::AccountId)
    );
    assert_eq!(target_of(&mapping, "Start"), ColumnTarget::Custom);
    assert!(!missing.exists());

    // In a workspace that saved a mapping under a name, that name gives it back.
    let path = db_path(&dir, "plan.db");
    let store = Store::create(&path, NewWorkspace::Empty).await.unwrap();
    let book = dir.path().join("book.csv");
    write_csv(&book, &[good_row(1, "1200")]);
    let named = ImportOptions {
        mapping_name: Some("Export".to_string()),
        ..ImportOptions::default()
    };
    let remapped = detect_mapping(
        &common::HEADER
            .split(',')
            .map(String::from)
            .collect::<Vec<_>>(),
    )
    .with_target("industry", ColumnTarget::Skip)
    .unwrap();
    store
        .import_accounts(
            &book,
            &ImportOptions {
                mapping: Some(remapped.clone()),
                ..named.clone()
            },
            &Arc::new(ImportProgress::new()),
        )
        .await
        .unwrap();
    store.close().await;
    let (mapping, origin) = Store::import_mapping_at(&path, DEFAULT_BUSY_TIMEOUT, &book, &named)
        .await
        .unwrap();
    assert_eq!(
        origin,
        MappingOrigin::Saved {
            name: Some("Export".to_string())
        }
    );
    assert_eq!(mapping, remapped);
}
