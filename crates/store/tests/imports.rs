//! The messy-file importer (issue #3 part 1): every problem of the fixture with its line, column
//! and reason; every value form read to the exact stored value; encodings; the day/month order;
//! XLSX; mappings remembered; re-import idempotent; undo exact; cancel writes nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{db_path, good_row, temp_dir, write_csv};
use csplan_domain::Cents;
use csplan_domain::segmentation::Account;
use csplan_domain::values::DateOrder;
use csplan_store::{
    AccountField, ColumnTarget, DateOrderFinding, ImportOptions, ImportProgress, MappingOrigin,
    NewWorkspace, SourceKind, Store, StoreError,
};
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/messy_accounts.csv")
}

async fn empty_store(dir: &tempfile::TempDir) -> Store {
    Store::create(&db_path(dir, "plan.db"), NewWorkspace::Empty)
        .await
        .unwrap()
}

fn progress() -> Arc<ImportProgress> {
    Arc::new(ImportProgress::new())
}

fn skip_invalid() -> ImportOptions {
    ImportOptions {
        skip_invalid: true,
        ..ImportOptions::default()
    }
}

fn account<'a>(accounts: &'a [Account], id: &str) -> &'a Account {
    accounts.iter().find(|a| a.account_id == id).unwrap()
}

/// (line, column, reason) of every problem the fixture has, in file order. Each line of
/// messy_accounts.csv from 7 on breaks exactly one rule (issue #3 part 1, "Validation").
const FIXTURE_PROBLEMS: [(u64, Option<&str>, &str); 13] = [
    (
        7,
        Some("Annual Recurring Revenue"),
        "\"12k\" is not a number",
    ),
    (
        8,
        Some("Annual Recurring Revenue"),
        "-5.00 is negative; ARR must be 0 or more",
    ),
    (9, Some("Health Score"), "105 is outside 0 to 100"),
    (10, Some("NPS"), "11 is outside 0 to 10"),
    (
        11,
        Some("Contract Start"),
        "2025-02-30 is not a real calendar date",
    ),
    (
        12,
        Some("Region"),
        "\"Mars\" is not one of NA, EMEA, APAC, LATAM (unknown value)",
    ),
    (
        13,
        Some("Account ID"),
        "ACC-1001 appears again (first on line 2)",
    ),
    (
        14,
        None,
        "has 18 fields, but the header has 17 (too many fields",
    ),
    (
        15,
        None,
        "has 5 fields, but the header has 17 (too few fields",
    ),
    (16, None, "not UTF-8 text"),
    (
        17,
        Some("Account Name"),
        "is empty, but a value is required",
    ),
    (
        18,
        Some("Annual Recurring Revenue"),
        "is in EUR, but line 2 is in USD",
    ),
    (19, Some("Health Score"), "\"72.5\" is not a whole number"),
];

fn assert_fixture_problems(report: &csplan_store::ImportReport) {
    assert_eq!(report.total_problems, 13, "{report:#?}");
    assert_eq!(report.rejected_rows, 13);
    for (problem, (line, column, reason)) in report.problems.iter().zip(FIXTURE_PROBLEMS) {
        assert_eq!(problem.line, line, "{problem:?}");
        assert_eq!(problem.column.as_deref(), column, "{problem:?}");
        assert!(
            problem.reason.contains(reason),
            "{problem:?} should say {reason}"
        );
    }
    // The value is reported as the file has it.
    assert_eq!(report.problems[0].value, "12k");
    assert_eq!(report.problems[11].value, "1.200,50 EUR");
}

#[tokio::test]
async fn the_preview_maps_the_headers_and_lists_every_problem() {
    let dir = temp_dir();
    let store = empty_store(&dir).await;
    let preview = store
        .preview_accounts_import(&fixture(), &ImportOptions::default(), &progress())
        .await
        .unwrap();
    assert_eq!(preview.kind, SourceKind::Csv);
    assert_eq!(preview.encoding, "UTF-8");
    assert_eq!(preview.mapping_origin, MappingOrigin::Detected);
    let target = |header: &str| {
        preview
            .mapping
            .columns
            .iter()
            .find(|c| c.header == header)
            .unwrap()
            .target
    };
    let field = |field| ColumnTarget::Field { field };
    assert_eq!(target("Annual Recurring Revenue"), field(AccountField::Arr));
    assert_eq!(target("CSM"), field(AccountField::CsmOwner));
    assert_eq!(target("ICP Fit"), field(AccountField::IcpFit));
    assert_eq!(target("Favourite Colour"), ColumnTarget::Custom);
    assert!(preview.missing_fields.is_empty());
    // 25/03/2026 on line 3 can only be day-first, and no date contradicts it.
    assert_eq!(
        preview.date_order,
        DateOrderFinding::Inferred {
            order: DateOrder::Dmy
        }
    );
    assert_eq!((preview.rows, preview.valid_rows), (17, 4));
    assert_eq!(preview.sample[0][1], "Acme, Inc.");
    assert_eq!(preview.sample[3][1], "Multi\nLine Co");
    assert_fixture_problems(&preview.report);
    // Nothing was written.
    assert_eq!(store.workspace_info().await.unwrap().accounts, 0);
    assert!(store.imports().await.unwrap().is_empty());
    store.close().await;
}

#[tokio::test]
async fn a_file_with_problems_is_rejected_whole_by_default() {
    let dir = temp_dir();
    let store = empty_store(&dir).await;
    let error = store
        .import_accounts(&fixture(), &ImportOptions::default(), &progress())
        .await
        .unwrap_err();
    assert_eq!(error.code(), "invalid-import");
    let message = error.to_string();
    assert!(
        message.contains("line 7, column Annual Recurring Revenue: \"12k\" is not a number"),
        "{message}"
    );
    let StoreError::InvalidImport(report) = error else {
        panic!("expected InvalidImport");
    };
    assert_fixture_problems(&report);
    assert_eq!(store.workspace_info().await.unwrap().accounts, 0);
    assert!(store.imports().await.unwrap().is_empty());
    store.close().await;
}

/// Every value form of the fixture's valid lines 2-6, stored exactly.
#[tokio::test]
async fn skip_invalid_imports_the_valid_rows_with_every_value_form_read() {
    let dir = temp_dir();
    let store = empty_store(&dir).await;
    let outcome = store
        .import_accounts(&fixture(), &skip_invalid(), &progress())
        .await
        .unwrap();
    assert_eq!(
        (outcome.added, outcome.updated, outcome.rejected),
        (4, 0, 13)
    );
    assert_fixture_problems(&outcome.report);
    let accounts = store.accounts().await.unwrap();
    assert_eq!(accounts.len(), 4);

    // Line 2: "$1,200.50", "1,200", "emea", "growth", "5 Mar 2024", "March 5, 2026",
    // "Adoption", "85%", "Ideal", and the extra column kept as a custom field.
    let acme = account(&accounts, "ACC-1001");
    assert_eq!(acme.account_name, "Acme, Inc.");
    assert_eq!(acme.arr, Cents(120_050));
    assert_eq!(acme.employees, Some(1_200));
    assert_eq!(
        (acme.region.as_str(), acme.plan.as_str()),
        ("EMEA", "Growth")
    );
    assert_eq!(acme.contract_start.to_string(), "2024-03-05");
    assert_eq!(acme.renewal_date.to_string(), "2026-03-05");
    assert_eq!(acme.lifecycle_stage, "adoption");
    assert_eq!((acme.health_score, acme.nps), (85, Some(9)));
    assert_eq!(acme.icp_fit, "ideal");
    assert_eq!(
        acme.custom.get("Favourite Colour").map(String::as_str),
        Some("Blue")
    );

    // Line 3: "USD 1200", empty optional cells NULL, "NA" North America, 25/03/2026.
    let lodz = account(&accounts, "ACC-1002");
    assert_eq!(lodz.account_name, "Łódź Logistics");
    assert_eq!(lodz.arr, Cents(120_000));
    assert_eq!((lodz.employees, lodz.nps), (None, None));
    assert_eq!((&lodz.industry, &lodz.csm_owner), (&None, &None));
    assert_eq!(lodz.region, "NA");
    assert_eq!(lodz.renewal_date.to_string(), "2026-03-25");
    assert!(lodz.custom.is_empty());

    // Line 4: a formula stored verbatim as text; 03/04/2025 read day-first like the file.
    let link = account(&accounts, "ACC-1003");
    assert_eq!(
        link.account_name,
        "=HYPERLINK(\"http://evil.example\",\"Click\")"
    );
    assert_eq!(link.arr, Cents(0));
    assert_eq!(link.contract_start.to_string(), "2025-04-03");
    assert_eq!((link.health_score, link.nps), (100, Some(10)));

    // Lines 5-6: a quoted line break inside the name.
    let multi = account(&accounts, "ACC-1004");
    assert_eq!(multi.account_name, "Multi\nLine Co");
    assert_eq!(multi.arr, Cents(99_999));

    let records = store.imports().await.unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].file_name, "messy_accounts.csv");
    assert_eq!(
        (records[0].added, records[0].updated, records[0].rejected),
        (4, 0, 13)
    );
    assert!(records[0].can_undo);
    store.close().await;
}

#[tokio::test]
async fn reimporting_the_same_file_is_idempotent() {
    let dir = temp_dir();
    let store = empty_store(&dir).await;
    store
        .import_accounts(&fixture(), &skip_invalid(), &progress())
        .await
        .unwrap();
    let first = store.accounts().await.unwrap();
    let again = store
        .import_accounts(&fixture(), &skip_invalid(), &progress())
        .await
        .unwrap();
    assert_eq!((again.added, again.updated), (0, 4));
    assert_eq!(store.accounts().await.unwrap(), first);
    // The second import remembered the mapping of the first.
    assert_eq!(again.mapping_origin, MappingOrigin::Saved { name: None });
    store.close().await;
}

#[tokio::test]
async fn undo_restores_updated_accounts_exactly_and_removes_added_ones() {
    let dir = temp_dir();
    let store = empty_store(&dir).await;
    let seed = dir.path().join("seed.csv");
    write_csv(&seed, &[good_row(1, "100.00"), good_row(2, "200.00")]);
    store.import_accounts_csv(&seed).await.unwrap();
    store
        .import_accounts(&fixture(), &skip_invalid(), &progress())
        .await
        .unwrap();
    let before = store.accounts().await.unwrap();

    // Updates account 2 (ARR, a custom field) and adds account 3.
    let change = dir.path().join("change.csv");
    std::fs::write(
        &change,
        "account_id,account_name,arr,employees,industry,region,plan,contract_start,renewal_date,lifecycle_stage,health_score,nps,active_users,licenses,csm_owner,icp_fit,Tier\n\
         ACC-0000002,Renamed,250.50,,,LATAM,Starter,2023-01-01,2027-01-01,advocacy,10,,1,1,,bad,Gold\n\
         ACC-0000003,New,300.00,,,NA,Starter,2023-01-01,2027-01-01,advocacy,10,,1,1,,bad,Silver\n",
    )
    .unwrap();
    let outcome = store
        .import_accounts(&change, &ImportOptions::default(), &progress())
        .await
        .unwrap();
    assert_eq!((outcome.added, outcome.updated), (1, 1));
    let changed = store.accounts().await.unwrap();
    let renamed = account(&changed, "ACC-0000002");
    assert_eq!(
        (renamed.account_name.as_str(), renamed.arr),
        ("Renamed", Cents(25_050))
    );
    assert_eq!(renamed.custom.get("Tier").map(String::as_str), Some("Gold"));

    // An older import cannot be undone while this one is in place.
    let refused = store.undo_import(Some(1)).await.unwrap_err();
    assert_eq!(refused.code(), "invalid-inputs");
    assert!(
        refused.to_string().contains("Undo import 3 first"),
        "{refused}"
    );

    let undone = store.undo_import(None).await.unwrap();
    assert_eq!(
        (undone.import_id, undone.removed, undone.restored),
        (3, 1, 1)
    );
    assert_eq!(store.accounts().await.unwrap(), before);

    // Then the fixture's import, then the seed: the book is empty again.
    assert_eq!(store.undo_import(None).await.unwrap().removed, 4);
    assert_eq!(store.undo_import(Some(1)).await.unwrap().removed, 2);
    assert!(store.accounts().await.unwrap().is_empty());
    assert_eq!(
        store.undo_import(None).await.unwrap_err().code(),
        "not-found"
    );
    let records = store.imports().await.unwrap();
    assert!(records.iter().all(|r| r.undone_at.is_some() && !r.can_undo));
    store.close().await;
}

#[tokio::test]
async fn windows_1252_and_bom_files_are_read_as_text() {
    let dir = temp_dir();
    let store = empty_store(&dir).await;
    let header = "Account ID,Account Name,ARR,Region,Plan,Contract Start,Renewal Date,Stage,Health,Active Users,Licenses,ICP Fit\n";
    let cp1252 = dir.path().join("excel.csv");
    let mut bytes = header.as_bytes().to_vec();
    bytes.extend_from_slice(
        b"A-1,Caf\xe9 M\xfcller \x80,10,NA,Growth,2024-01-01,2026-01-01,adoption,50,1,1,ideal\n",
    );
    std::fs::write(&cp1252, bytes).unwrap();
    let preview = store
        .preview_accounts_import(&cp1252, &ImportOptions::default(), &progress())
        .await
        .unwrap();
    assert_eq!(preview.encoding, "Windows-1252");
    store
        .import_accounts(&cp1252, &ImportOptions::default(), &progress())
        .await
        .unwrap();
    let accounts = store.accounts().await.unwrap();
    assert_eq!(accounts[0].account_name, "Café Müller €");

    let bom = dir.path().join("bom.csv");
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(header.as_bytes());
    bytes.extend_from_slice(
        "A-2,Zürich AG,20,EMEA,Growth,2024-01-01,2026-01-01,adoption,50,1,1,ideal\n".as_bytes(),
    );
    std::fs::write(&bom, bytes).unwrap();
    let preview = store
        .preview_accounts_import(&bom, &ImportOptions::default(), &progress())
        .await
        .unwrap();
    assert_eq!(preview.encoding, "UTF-8 with BOM");
    // The BOM is not part of the first header, so "Account ID" is still recognised.
    assert_eq!(
        preview.mapping.columns[0].target,
        ColumnTarget::Field {
            field: AccountField::AccountId
        }
    );
    store
        .import_accounts(&bom, &ImportOptions::default(), &progress())
        .await
        .unwrap();
    let accounts = store.accounts().await.unwrap();
    assert_eq!(account(&accounts, "A-2").account_name, "Zürich AG");
    store.close().await;
}

/// Only 03/04/2026-style dates: the caller must choose, and the choice decides the day.
#[tokio::test]
async fn ambiguous_dates_need_the_order_and_mrr_is_taken_times_12() {
    let dir = temp_dir();
    let store = empty_store(&dir).await;
    let file = dir.path().join("mrr.csv");
    std::fs::write(
        &file,
        "Id,Name,MRR,Region,Plan,Start Date,Renewal,Stage,Health,Users,Seats,Fit\n\
         1,One,100.25,NA,Growth,03/04/2024,12/11/2026,adoption,50,1,1,ideal\n",
    )
    .unwrap();
    let preview = store
        .preview_accounts_import(&file, &ImportOptions::default(), &progress())
        .await
        .unwrap();
    assert_eq!(preview.date_order, DateOrderFinding::Ambiguous);
    assert_eq!(preview.valid_rows, 0);
    let error = store
        .import_accounts(&file, &ImportOptions::default(), &progress())
        .await
        .unwrap_err();
    assert_eq!(error.code(), "ambiguous-dates");
    assert!(
        error
            .to_string()
            .contains("line 2, column Start Date: \"03/04/2024\""),
        "{error}"
    );
    for (order, start) in [
        (DateOrder::Mdy, "2024-03-04"),
        (DateOrder::Dmy, "2024-04-03"),
    ] {
        let options = ImportOptions {
            date_order: Some(order),
            ..ImportOptions::default()
        };
        let outcome = store
            .import_accounts(&file, &options, &progress())
            .await
            .unwrap();
        assert_eq!(outcome.date_order, DateOrderFinding::Chosen { order });
        let accounts = store.accounts().await.unwrap();
        assert_eq!(accounts[0].contract_start.to_string(), start);
        // MRR 100.25 x 12 = 1,203.00 exactly.
        assert_eq!(accounts[0].arr, Cents(120_300));
    }
    store.close().await;
}

#[tokio::test]
async fn a_mapping_given_or_named_is_used_and_remembered() {
    let dir = temp_dir();
    let store = empty_store(&dir).await;
    let file = dir.path().join("crm.csv");
    std::fs::write(
        &file,
        "Customer ID,Company,ARR,Region,Plan,Start,End,Stage,Health,Users,Seats,Fit,Owner\n\
         C-1,One,10,NA,Growth,2024-01-01,2026-01-01,adoption,50,1,1,ideal,Kim\n",
    )
    .unwrap();
    let preview = store
        .preview_accounts_import(&file, &ImportOptions::default(), &progress())
        .await
        .unwrap();
    // "Start" and "End" are no header names the detection knows.
    assert_eq!(
        preview.missing_fields,
        [AccountField::ContractStart, AccountField::RenewalDate]
    );
    let error = store
        .import_accounts(&file, &ImportOptions::default(), &progress())
        .await
        .unwrap_err();
    assert_eq!(error.code(), "unmapped-fields");

    let mut mapping = preview.mapping.clone();
    mapping.columns[5].target = ColumnTarget::Field {
        field: AccountField::ContractStart,
    };
    mapping.columns[6].target = ColumnTarget::Field {
        field: AccountField::RenewalDate,
    };
    mapping.columns[12].target = ColumnTarget::Skip;
    let options = ImportOptions {
        mapping: Some(mapping.clone()),
        mapping_name: Some("Acme CRM".to_string()),
        ..ImportOptions::default()
    };
    let outcome = store
        .import_accounts(&file, &options, &progress())
        .await
        .unwrap();
    assert_eq!(outcome.mapping_origin, MappingOrigin::Given);
    let accounts = store.accounts().await.unwrap();
    assert_eq!(accounts[0].renewal_date.to_string(), "2026-01-01");
    // A skipped column is neither a field nor a custom field.
    assert!(accounts[0].custom.is_empty());
    assert_eq!(accounts[0].csm_owner, None);

    // Same headers: the mapping comes back by itself; by name (any case) too.
    let again = store
        .preview_accounts_import(&file, &ImportOptions::default(), &progress())
        .await
        .unwrap();
    assert_eq!(again.mapping_origin, MappingOrigin::Saved { name: None });
    assert_eq!(again.mapping, mapping);
    let named = ImportOptions {
        mapping_name: Some("acme crm".to_string()),
        ..ImportOptions::default()
    };
    let by_name = store
        .preview_accounts_import(&file, &named, &progress())
        .await
        .unwrap();
    assert_eq!(
        by_name.mapping_origin,
        MappingOrigin::Saved {
            name: Some("Acme CRM".to_string())
        }
    );
    let saved = store.saved_mappings().await.unwrap();
    assert_eq!(saved.len(), 2);
    assert_eq!(saved[0].name.as_deref(), Some("Acme CRM"));
    store.close().await;
}

#[tokio::test]
async fn a_cancelled_import_writes_nothing() {
    let dir = temp_dir();
    let store = empty_store(&dir).await;
    let progress = progress();
    progress.cancel();
    let error = store
        .import_accounts(&fixture(), &skip_invalid(), &progress)
        .await
        .unwrap_err();
    assert_eq!(error.code(), "cancelled");
    assert_eq!(store.workspace_info().await.unwrap().accounts, 0);
    assert!(store.imports().await.unwrap().is_empty());
    store.close().await;
}

/// An XLSX workbook written here with rust_xlsxwriter: number and date cells, a named second
/// sheet, and a problem reported with the sheet's row number.
#[tokio::test]
async fn xlsx_sheets_import_like_csv() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let dir = temp_dir();
    let store = empty_store(&dir).await;
    let file = dir.path().join("book.xlsx");
    let mut workbook = Workbook::new();
    let notes = workbook.add_worksheet();
    notes.set_name("Notes").unwrap();
    notes.write_string(0, 0, "Exported from the CRM").unwrap();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Accounts").unwrap();
    let headers = [
        "Account ID",
        "Account Name",
        "ARR",
        "Region",
        "Plan",
        "Contract Start",
        "Renewal Date",
        "Lifecycle Stage",
        "Health Score",
        "Active Users",
        "Licenses",
        "ICP Fit",
        "Segment Note",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let rows: [(&str, f64, f64); 2] = [("X-1", 1250.5, 72.0), ("X-2", 99.99, 140.0)];
    for (r, (id, arr, health)) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, *id).unwrap();
        sheet.write_string(r, 1, format!("Company {id}")).unwrap();
        sheet.write_number(r, 2, *arr).unwrap();
        sheet.write_string(r, 3, "apac").unwrap();
        sheet.write_string(r, 4, "Professional").unwrap();
        let start = ExcelDateTime::from_ymd(2024, 2, 29).unwrap();
        sheet
            .write_datetime_with_format(r, 5, &start, &date)
            .unwrap();
        sheet.write_string(r, 6, "2026-02-28").unwrap();
        sheet.write_string(r, 7, "expansion").unwrap();
        sheet.write_number(r, 8, *health).unwrap();
        sheet.write_number(r, 9, 7.0).unwrap();
        sheet.write_number(r, 10, 9.0).unwrap();
        sheet.write_string(r, 11, "stretch").unwrap();
    }
    sheet.write_string(1, 12, "watch").unwrap();
    workbook.save(&file).unwrap();

    let options = ImportOptions {
        sheet: Some("Accounts".to_string()),
        skip_invalid: true,
        ..ImportOptions::default()
    };
    let preview = store
        .preview_accounts_import(&file, &options, &progress())
        .await
        .unwrap();
    assert_eq!(preview.kind, SourceKind::Xlsx);
    assert_eq!(preview.sheets, ["Notes", "Accounts"]);
    assert_eq!(preview.sheet.as_deref(), Some("Accounts"));
    let outcome = store
        .import_accounts(&file, &options, &progress())
        .await
        .unwrap();
    assert_eq!((outcome.added, outcome.rejected), (1, 1));
    let problem = &outcome.report.problems[0];
    assert_eq!(problem.line, 3);
    assert_eq!(problem.column.as_deref(), Some("Health Score"));
    assert!(
        problem.reason.contains("140 is outside 0 to 100"),
        "{problem:?}"
    );
    let accounts = store.accounts().await.unwrap();
    let x1 = account(&accounts, "X-1");
    assert_eq!(x1.arr, Cents(125_050));
    assert_eq!(x1.region, "APAC");
    assert_eq!(x1.contract_start.to_string(), "2024-02-29");
    assert_eq!(x1.health_score, 72);
    assert_eq!(
        x1.custom.get("Segment Note").map(String::as_str),
        Some("watch")
    );

    let missing = ImportOptions {
        sheet: Some("Nope".to_string()),
        ..ImportOptions::default()
    };
    let error = store
        .preview_accounts_import(&file, &missing, &progress())
        .await
        .unwrap_err();
    assert!(
        error.to_string().contains("its sheets are Notes, Accounts"),
        "{error}"
    );
    store.close().await;
}

/// Files that are no CSV text or no workbook: refused with what to do, nothing written.
#[tokio::test]
async fn unreadable_files_are_refused_with_what_to_do() {
    let dir = temp_dir();
    let store = empty_store(&dir).await;
    let utf16 = dir.path().join("utf16.csv");
    std::fs::write(&utf16, b"\xff\xfea\x00b\x00\n").unwrap();
    let error = store
        .import_accounts(&utf16, &ImportOptions::default(), &progress())
        .await
        .unwrap_err();
    assert_eq!(error.code(), "invalid-inputs");
    assert!(
        error.to_string().contains("the header row has NUL bytes"),
        "{error}"
    );
    let fake = dir.path().join("fake.xlsx");
    std::fs::write(&fake, "Account ID,ARR\n").unwrap();
    let error = store
        .preview_accounts_import(&fake, &ImportOptions::default(), &progress())
        .await
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("fake.xlsx is not a readable XLSX workbook"),
        "{error}"
    );
    assert_eq!(store.workspace_info().await.unwrap().accounts, 0);
    store.close().await;
}

#[tokio::test]
async fn the_preview_shows_the_rows_of_a_file_whose_arr_column_is_unmapped() {
    // Issue #3 part 1, "Mapping": the person maps columns by their values, so the sample is read
    // from the file whatever the mapping; the import stays refused until ARR has a column.
    let dir = temp_dir();
    let store = empty_store(&dir).await;
    let file = dir.path().join("contract_value.csv");
    let rows = [
        good_row(1, "12,000.50"),
        vec![String::new(); 16],
        good_row(2, "900"),
        good_row(3, "$75k"),
    ];
    write_csv(&file, &rows);
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen(",arr,", ",Contract Value,", 1)).unwrap();
    let preview = store
        .preview_accounts_import(&file, &ImportOptions::default(), &progress())
        .await
        .unwrap();
    assert_eq!(preview.missing_fields, [AccountField::Arr]);
    assert_eq!(preview.headers[2], "Contract Value");
    // Three data records; the blank one is not a row.
    assert_eq!(preview.rows, 3);
    assert_eq!(preview.valid_rows, 0);
    assert_eq!(preview.encoding, "UTF-8");
    assert_eq!(
        preview.sample,
        [rows[0].clone(), rows[2].clone(), rows[3].clone()]
    );
    // The example values of the unmapped column, as the mapping table lists them.
    let contract_value: Vec<&str> = preview.sample.iter().map(|r| r[2].as_str()).collect();
    assert_eq!(contract_value, ["12,000.50", "900", "$75k"]);
    assert_eq!(preview.report.total_problems, 0);
    let error = store
        .import_accounts(&file, &ImportOptions::default(), &progress())
        .await
        .unwrap_err();
    assert_eq!(error.code(), "unmapped-fields");
    assert!(store.accounts().await.unwrap().is_empty());
    store.close().await;
}
