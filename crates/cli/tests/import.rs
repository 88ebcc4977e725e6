//! `csplan import accounts|undo|list` and `csplan export accounts` as whole processes, and an
//! import killed mid-way (SIGKILL) leaving the workspace exactly as it was (issue #3 parts 1, 3, 4).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;
use common::{csplan, ok, s, shared_book, text};

fn messy() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../store/tests/fixtures/messy_accounts.csv")
}

/// The arguments of `csplan export accounts` from the workspace `db` to `out` in `format`.
/// plan.db in `dir`, holding the valid rows of the messy fixture (imported with --skip-invalid).
fn messy_workspace(dir: &Path) -> PathBuf {
    let db = dir.join("plan.db");
    ok(&[
        "import",
        "accounts",
        s(&messy()),
        "--db",
        s(&db),
        "--skip-invalid",
    ]);
    db
}

fn export_accounts<'a>(db: &'a Path, format: &'a str, out: &'a Path) -> [&'a str; 8] {
    [
        "export",
        "accounts",
        "--db",
        s(db),
        "--format",
        format,
        "--out",
        s(out),
    ]
}

#[test]
fn a_rejected_import_exits_non_zero_naming_line_and_column_and_writes_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let report = dir.path().join("problems.csv");
    let out = csplan(&[
        "import",
        "accounts",
        s(&messy()),
        "--db",
        s(&db),
        "--report",
        s(&report),
    ]);
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("line 7, column Annual Recurring Revenue: \"12k\" is not a number"),
        "{stderr}"
    );
    assert!(
        stderr.contains("13 problems found, so nothing was written"),
        "{stderr}"
    );
    let csv = std::fs::read_to_string(&report).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 14);
    assert_eq!(lines[0], "line,column,value,reason");
    assert_eq!(
        lines[1],
        "7,Annual Recurring Revenue,12k,\"\"\"12k\"\" is not a number (write an amount like 1200.50, $1,200.50 or 1.200,50 EUR)\""
    );
    // The negative value starts with '-': neutralised for spreadsheets.
    assert!(
        lines[2].starts_with("8,Annual Recurring Revenue,'-5.00,"),
        "{}",
        lines[2]
    );
    // The workspace would have been made by this import: nothing appears instead.
    assert!(
        !db.exists(),
        "a rejected first import left a workspace behind"
    );
    assert_eq!(files_in(dir.path()), ["problems.csv"]);
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn skip_invalid_imports_then_list_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let out = csplan(&[
        "import",
        "accounts",
        s(&messy()),
        "--db",
        s(&db),
        "--skip-invalid",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("(import 1): 4 accounts added, 0 updated, 13 rows skipped."),
        "{stdout}"
    );
    assert!(
        stdout.contains("Numeric dates were read as day/month/year."),
        "{stdout}"
    );
    assert!(text(&out.stderr).contains("skipped line 7, column Annual Recurring Revenue"));

    let list = text(&csplan(&["import", "list", "--db", s(&db)]).stdout);
    assert!(list.contains("| 1  | messy_accounts.csv | csv "), "{list}");
    assert!(
        list.contains("| 4     | 0       | 13      | in place (undo-able) |"),
        "{list}"
    );

    let undo = csplan(&["import", "undo", "--db", s(&db)]);
    assert!(undo.status.success(), "{}", text(&undo.stderr));
    assert_eq!(
        text(&undo.stdout).trim(),
        "Undid import 1 (messy_accounts.csv): 4 accounts removed, 0 restored to their values before it."
    );
    let again = csplan(&["import", "undo", "--db", s(&db)]);
    assert!(!again.status.success());
    assert!(
        text(&again.stderr).contains("An import to undo"),
        "{}",
        text(&again.stderr)
    );
}

/// The W1 1k book exported as CSV and as XLSX reads back to the same book: the CSV export of the
/// re-imported workspace is byte-for-byte the first export.
#[test]
fn exports_read_back_to_the_same_book() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    ok(&["import", "accounts", s(&shared_book()), "--db", s(&db)]);
    let csv = dir.path().join("book.csv");
    let xlsx = dir.path().join("book.xlsx");
    let out = csplan(&export_accounts(&db, "csv", &csv));
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stderr).trim(),
        format!("Wrote 1000 accounts to {}.", csv.display())
    );
    ok(&export_accounts(&db, "xlsx", &xlsx));
    let first = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(first.lines().count(), 1_001);
    for (source, name) in [(&csv, "from-csv.db"), (&xlsx, "from-xlsx.db")] {
        let copy = dir.path().join(name);
        let out = csplan(&["import", "accounts", s(source), "--db", s(&copy)]);
        assert!(out.status.success(), "{}: {}", name, text(&out.stderr));
        let again = dir.path().join(format!("{name}.csv"));
        ok(&export_accounts(&copy, "csv", &again));
        assert_eq!(std::fs::read_to_string(&again).unwrap(), first, "{name}");
    }
}

#[test]
fn exports_neutralise_formula_text() {
    let dir = tempfile::tempdir().unwrap();
    let db = messy_workspace(dir.path());
    let csv = dir.path().join("book.csv");
    ok(&export_accounts(&db, "csv", &csv));
    let exported = std::fs::read_to_string(&csv).unwrap();
    assert!(
        exported
            .contains("ACC-1003,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\",0.00,"),
        "{exported}"
    );
    // The custom column comes after the WORKLOADS.md §0 columns.
    assert!(
        exported
            .lines()
            .next()
            .unwrap()
            .ends_with(",icp_fit,Favourite Colour")
    );
}

/// Every row of the accounts table, in id order, as text: what "row-for-row the same" compares.
fn dump(db: &Path) -> String {
    let out = Command::new("sqlite3")
        .arg(db)
        .arg("SELECT * FROM accounts ORDER BY account_id; SELECT count(*) FROM imports;")
        .output()
        .expect("the sqlite3 shell (Debian package sqlite3) runs");
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

/// A real `csplan import accounts` process on a big file, killed with SIGKILL while it writes:
/// the workspace file is byte-for-byte as before and reopens with exactly the rows it had.
#[test]
fn an_import_killed_mid_way_leaves_the_workspace_exactly_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let db = messy_workspace(dir.path());
    let rows_before = dump(&db);
    let bytes_before = std::fs::read(&db).unwrap();

    // 400,000 new valid accounts into a book that has some (the upsert path): seconds of work.
    let big = big_file(dir.path(), 400_000);

    // Killed once the import has written a few megabytes of its transaction into the WAL.
    let wal = PathBuf::from(format!("{}-wal", db.display()));
    import_killed_when(&big, &db, || {
        std::fs::metadata(&wal).map_or(0, |m| m.len()) > 4 << 20
    });

    assert_eq!(
        std::fs::read(&db).unwrap(),
        bytes_before,
        "the database file changed"
    );
    assert_eq!(dump(&db), rows_before);
    // And the workspace still works: the same import now runs to the end.
    let out = csplan(&["import", "accounts", s(&big), "--db", s(&db)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

/// Runs a real `csplan import accounts FILE --db DB` and SIGKILLs it as soon as `written` says it
/// has written enough (polled every 5 ms; the import must not finish first).
fn import_killed_when(file: &Path, db: &Path, written: impl Fn() -> bool) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_csplan"))
        .args(["import", "accounts", s(file), "--db", s(db)])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while !written() {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the import finished before it could be killed"
        );
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "the import never started writing"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
}

/// `rows` valid accounts, ACC-0000001 upwards.
fn big_file(dir: &Path, rows: u32) -> PathBuf {
    let big = dir.join("big.csv");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&big).unwrap());
    writeln!(file, "account_id,account_name,arr,employees,industry,region,plan,contract_start,renewal_date,lifecycle_stage,health_score,nps,active_users,licenses,csm_owner,icp_fit").unwrap();
    for n in 0..rows {
        writeln!(
            file,
            "ACC-{:07},Company {n},{}.{:02},12,Software,EMEA,Growth,2024-01-15,2026-01-15,adoption,70,8,5,6,Kim,ideal",
            n + 1,
            n % 90_000,
            n % 100
        )
        .unwrap();
    }
    big
}

/// The first import into a path where nothing is yet builds the workspace in a hidden file
/// beside it. Killed while it writes, nothing appears at the path; the next import removes the
/// dead build's file and makes the workspace.
#[test]
fn a_first_import_killed_mid_way_leaves_no_workspace_and_no_leftovers() {
    let dir = tempfile::tempdir().unwrap();
    let big = big_file(dir.path(), 400_000);
    let db = dir.path().join("new.db");
    let building = |dir: &Path| {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap())
            .filter(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                name.starts_with(".new.db.") && name.ends_with(".creating")
            })
            .map(|e| e.metadata().map_or(0, |m| m.len()))
            .max()
    };
    import_killed_when(&big, &db, || building(dir.path()).unwrap_or(0) > 4 << 20);

    assert!(
        !db.exists(),
        "a killed first import left a workspace behind"
    );
    assert!(
        building(dir.path()).is_some(),
        "the killed build's file is there"
    );
    ok(&["import", "accounts", s(&big), "--db", s(&db)]);
    assert_eq!(
        building(dir.path()),
        None,
        "the dead build's file was removed"
    );
    assert_eq!(files_in(dir.path()), ["big.csv", "new.db"]);
    let count = Command::new("sqlite3")
        .arg(&db)
        .arg("PRAGMA journal_mode; SELECT count(*), sum(arr_cents) FROM accounts;")
        .output()
        .unwrap();
    assert_eq!(text(&count.stdout), "wal\n400000|1699999800000\n");
}
