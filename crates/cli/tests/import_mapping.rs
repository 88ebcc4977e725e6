//! `csplan import accounts --map "Header=field"` and `--mapping NAME`, and `csplan import
//! mappings`, as whole processes (issue #3: "let the user confirm or change the mapping, and
//! save mappings per source so the next import of the same export needs no clicks").
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

mod common;
use common::{failure, ok, s};

/// An export whose id, ARR and dates sit under names the detection does not know, with an "ARR"
/// column that is not the contract value. Rows: A-1 with 5000 (ARR column 1000), A-2 with
/// 7000.50 (ARR column 2000).
const ACME: &str = "Customer Ref,Company,Contract Value,Region,Plan,Start,End,Stage,Health,Users,Seats,Fit,ARR\n\
A-1,One,5000,NA,Growth,2024-01-01,2026-01-01,adoption,50,10,12,ideal,1000\n\
A-2,Two,7000.50,EMEA,Professional,2024-02-01,2026-02-01,onboarding,70,5,5,stretch,2000\n";

/// The same export with its columns in another order and other accounts: B-1 with 300, B-2
/// with 450.25.
const ACME_SHUFFLED: &str = "ARR,Fit,Seats,Users,Health,Stage,End,Start,Plan,Region,Contract Value,Company,Customer Ref\n\
99,ideal,3,3,80,adoption,2026-03-01,2024-03-01,Starter,APAC,300,Three,B-1\n\
98,bad,4,2,20,renewal,2026-04-01,2024-04-01,Starter,NA,450.25,Four,B-2\n";

const ACME_MAP: [&str; 8] = [
    "--map",
    "Customer Ref=account_id",
    "--map",
    "contract value=arr",
    "--map",
    "Start=contract_start",
    "--map",
    "End=renewal_date",
];

/// `account_id,arr` of every account, in the order the export writes them.
fn ids_and_arr(db: &Path, dir: &Path) -> Vec<String> {
    let out = dir.join("accounts.csv");
    ok(&[
        "export",
        "accounts",
        "--db",
        s(db),
        "--format",
        "csv",
        "--out",
        s(&out),
    ]);
    std::fs::read_to_string(&out)
        .unwrap()
        .lines()
        .skip(1)
        .map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            format!("{},{}", cells[0], cells[2])
        })
        .collect()
}

#[test]
fn map_moves_a_column_to_a_field_and_the_column_it_displaced_is_kept_as_custom() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("acme.csv");
    std::fs::write(&file, ACME).unwrap();
    let db = dir.path().join("plan.db");
    let mut args = vec!["import", "accounts", s(&file), "--db", s(&db)];
    args.extend(ACME_MAP);
    let out = ok(&args);
    assert_eq!(
        out,
        format!(
            "Imported {} (import 1): 2 accounts added, 0 updated, 0 rows skipped.\n",
            file.display()
        )
    );
    // ARR is the contract value, not the "ARR" column: 5000 + 7000.50.
    assert_eq!(ids_and_arr(&db, dir.path()), ["A-1,5000.00", "A-2,7000.50"]);
    let header = std::fs::read_to_string(dir.path().join("accounts.csv")).unwrap();
    assert!(
        header.lines().next().unwrap().ends_with(",icp_fit,ARR"),
        "{header}"
    );
}

#[test]
fn a_misspelt_header_or_field_is_named_with_the_valid_choices_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("acme.csv");
    std::fs::write(&file, ACME).unwrap();
    let db = dir.path().join("plan.db");
    let base = ["import", "accounts", s(&file), "--db", s(&db)];

    let header = failure(&[&base[..], &["--map", "Contract Valu=arr"]].concat());
    assert_eq!(
        header,
        "error: --map \"Contract Valu=arr\": the file has no column \"Contract Valu\"; its columns are \
         \"Customer Ref\", \"Company\", \"Contract Value\", \"Region\", \"Plan\", \"Start\", \"End\", \
         \"Stage\", \"Health\", \"Users\", \"Seats\", \"Fit\", \"ARR\"\n"
    );
    let field = failure(&[&base[..], &["--map", "Contract Value=annual_revenue"]].concat());
    assert_eq!(
        field,
        "error: --map \"Contract Value=annual_revenue\": \"annual_revenue\" is not a field; use one of \
         account_id, account_name, arr, employees, industry, region, plan, contract_start, \
         renewal_date, lifecycle_stage, health_score, nps, active_users, licenses, csm_owner, \
         icp_fit, mrr, custom, ignore\n"
    );
    let form = failure(&[&base[..], &["--map", "Contract Value"]].concat());
    assert_eq!(
        form,
        "error: --map \"Contract Value\" needs the form \"Column Header=field\", for example --map \"Contract Value=arr\"\n"
    );
    assert!(!db.exists());
}

#[test]
fn a_mapping_saved_under_a_name_reads_the_same_export_with_its_columns_shuffled() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("acme.csv");
    std::fs::write(&first, ACME).unwrap();
    let second = dir.path().join("acme-shuffled.csv");
    std::fs::write(&second, ACME_SHUFFLED).unwrap();
    let db = dir.path().join("plan.db");
    let mut args = vec![
        "import",
        "accounts",
        s(&first),
        "--db",
        s(&db),
        "--mapping",
        "Acme CRM",
    ];
    args.extend(ACME_MAP);
    ok(&args);

    // Other column order: no mapping is remembered for these headers, and detection alone
    // leaves the id and the dates without a column (and would read ARR from the "ARR" column).
    let unnamed = failure(&["import", "accounts", s(&second), "--db", s(&db)]);
    assert!(
        unnamed.contains(
            "no column is mapped to Account ID (account_id), Contract start (contract_start), Renewal date (renewal_date)"
        ),
        "{unnamed}"
    );
    ok(&[
        "import",
        "accounts",
        s(&second),
        "--db",
        s(&db),
        "--mapping",
        "acme crm",
    ]);
    assert_eq!(
        ids_and_arr(&db, dir.path()),
        ["A-1,5000.00", "A-2,7000.50", "B-1,300.00", "B-2,450.25"]
    );

    let listed = ok(&["import", "mappings", "--db", s(&db)]);
    let rows: Vec<&str> = listed.lines().skip(2).collect();
    // The named mapping (kept under the name first given), then one per set of headers.
    assert_eq!(rows.len(), 3, "{listed}");
    assert!(rows[0].starts_with("| Acme CRM "), "{listed}");
    assert!(
        rows[0].contains(
            "| 13      | 20" // columns, then the date last used
        ),
        "{listed}"
    );
    // Saved as the second file read it: its column order, the same targets.
    assert!(
        rows[0].contains(
            "ARR=custom; Fit=icp_fit; Seats=licenses; Users=active_users; Health=health_score; \
             Stage=lifecycle_stage; End=renewal_date; Start=contract_start; Plan=plan; \
             Region=region; Contract Value=arr; Company=account_name; Customer Ref=account_id |"
        ),
        "{listed}"
    );
    assert!(
        rows[1].starts_with("| (these headers, no name) "),
        "{listed}"
    );
}

#[test]
fn mappings_of_a_workspace_without_imports_says_how_to_make_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    ok(&["demo", "--db", s(&db)]);
    assert_eq!(
        ok(&["import", "mappings", "--db", s(&db)]),
        "No saved mappings yet: an import remembers its mapping, and --mapping NAME saves it under a name.\n"
    );
}
