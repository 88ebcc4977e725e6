//! `csplan maturity` end to end on real workspace files: an assessment built by hand through
//! the store, its report in every format, and answers files merged idempotently or refused
//! with the reason and nothing changed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csplan_domain::maturity::{Answer, AnswersFile, FileRespondent, Level};
use csplan_store::{NewWorkspace, RespondentRecord, Store};
use std::path::{Path, PathBuf};

mod common;
use common::{failure, ok, s};

fn answers(levels: &str) -> Vec<Answer> {
    (1u8..)
        .zip(levels.chars())
        .filter_map(|(question, code)| {
            let level = match code {
                'P' => Level::Poor,
                'A' => Level::Average,
                'E' => Level::Excellent,
                _ => return None,
            };
            Some(Answer {
                question,
                level,
                evidence: String::new(),
                note: String::new(),
            })
        })
        .collect()
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// "Board review" (2026-03-31) with three respondents, and an empty "Kick-off" before it.
/// Returns the workspace and the respondent who has not answered yet (Dee).
fn hand_made(dir: &Path) -> (PathBuf, RespondentRecord) {
    let db = dir.join("plan.db");
    let dee = runtime().block_on(async {
        let store = Store::create(&db, NewWorkspace::Empty).await.unwrap();
        store
            .create_assessment("Kick-off", "2025-12-31")
            .await
            .unwrap();
        let board = store
            .create_assessment("Board review", "2026-03-31")
            .await
            .unwrap();
        // Q1: P, A, E -> consensus 2.0, spread 2. Q2: A, A, A -> 2.0. Q3: P, P, A -> 1.0.
        // Q4..Q8: P, P, P -> 1.0. Q9: E, E, unanswered -> 3.0.
        // Overall = (2 + 2 + 1 + 5 * 1 + 3) / 9 = 13 / 9 = 1.444...
        for (name, role, levels) in [
            ("Ana", "CEO", "PAPPPPPPE"),
            ("Ben", "CFO", "AAPPPPPPE"),
            ("Cy", "VP Customer Success", "EAAPPPPP-"),
        ] {
            let r = store.add_respondent(board.id, name, role).await.unwrap();
            for a in answers(levels) {
                store.save_answer(r.id, &a).await.unwrap();
            }
        }
        let dee = store.add_respondent(board.id, "Dee", "COO").await.unwrap();
        store.close().await;
        dee
    });
    (db, dee)
}

fn answers_file(dir: &Path, name: &str, file: &AnswersFile) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(file).unwrap()).unwrap();
    path
}

fn dees_file(dee: &RespondentRecord, levels: &str) -> AnswersFile {
    AnswersFile::new(
        "Board review",
        FileRespondent {
            name: dee.name.clone(),
            role: dee.role.clone(),
        },
        &dee.token,
        answers(levels),
    )
}

/// `csplan maturity report` of the assessment `name` on `db` with `flags`, which must succeed.
fn report(db: &Path, name: &str, flags: &[&str]) -> String {
    let head = ["maturity", "report", "--db", s(db), "--assessment", name];
    ok(&[&head[..], flags].concat())
}

#[test]
fn list_shows_every_assessment_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = hand_made(dir.path());
    let table = ok(&["maturity", "list", "--db", s(&db)]);
    let board = table.find("Board review").unwrap();
    let kick_off = table.find("Kick-off").unwrap();
    assert!(board < kick_off, "{table}");
    let json: serde_json::Value = serde_json::from_str(&ok(&[
        "maturity",
        "list",
        "--db",
        s(&db),
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(json[0]["name"], "Board review");
    assert_eq!(json[0]["assessed_on"], "2026-03-31");
    assert_eq!(json[0]["respondents"], 4);
    assert_eq!(json[0]["answers"], 9 + 9 + 8);
    assert_eq!(json[1]["answers"], 0);
}

/// DOMAIN.md §4.1 "Scoring" (Poor 1, Average 2, Excellent 3; consensus = median, spread =
/// highest - lowest), worked out by hand in `hand_made`.
#[test]
fn report_json_and_table_carry_the_hand_worked_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = hand_made(dir.path());
    let json: serde_json::Value =
        serde_json::from_str(&report(&db, "board REVIEW", &["--format", "json"])).unwrap();
    let card = &json["scorecard"];
    assert_eq!(json["assessment"], "Board review");
    assert_eq!(
        card["respondents"],
        serde_json::json!(["Ana", "Ben", "Cy", "Dee"])
    );
    let overall = card["overall"].as_f64().unwrap();
    assert!((overall - 13.0 / 9.0).abs() < 1e-12, "{overall}");
    assert_eq!(card["answered"], 9);
    let q1 = &card["questions"][0];
    assert_eq!(
        q1["levels"],
        serde_json::json!(["poor", "average", "excellent", null])
    );
    assert_eq!(
        (q1["consensus"].as_f64(), q1["spread"].as_u64()),
        (Some(2.0), Some(2))
    );
    assert_eq!(q1["disagreement"], true);
    assert_eq!(card["questions"][1]["spread"], 0);
    assert_eq!(card["questions"][2]["consensus"].as_f64(), Some(1.0));
    assert_eq!(card["questions"][8]["consensus"].as_f64(), Some(3.0));
    assert_eq!(card["questions"][8]["consensus_level"], "excellent");
    let plan: Vec<u64> = json["action_plan"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["number"].as_u64().unwrap())
        .collect();
    assert_eq!(plan, [1, 2, 3, 4, 5, 6, 7, 8]);
    assert_eq!(
        json["action_plan"][2]["dissenters"],
        serde_json::json!(["Cy"])
    );
    assert!(
        !json.to_string().contains("token"),
        "tokens stay in the workspace"
    );

    let table = report(&db, "Board review", &[]);
    assert!(
        table.starts_with("Board review (2026-03-31): overall maturity 1.4 of 3, 9 of 9 questions answered, 4 respondents."),
        "{table}"
    );
    let q1 = table
        .lines()
        .find(|l| l.contains("Q1 Reporting line"))
        .unwrap();
    for cell in ["Poor", "Average", "Excellent", "2.0", "2 disagree"] {
        assert!(q1.contains(cell), "{q1}");
    }
    let q9 = table
        .lines()
        .find(|l| l.contains("Q9 Executive review"))
        .unwrap();
    assert!(q9.contains("3.0") && q9.contains("Excellent"), "{q9}");
    assert!(table.contains("Scoring: Poor = 1, Average = 2, Excellent = 3, unweighted"));
    assert!(table.contains("Action plan (the next level up):"));
}

#[test]
fn report_html_and_csv_are_the_shareable_documents() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = hand_made(dir.path());
    let args = |format| report(&db, "Board review", &["--format", format]);
    let html = args("html");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Overall maturity: <strong>1.4</strong>"));
    assert_eq!(html.matches("<svg").count(), 3, "radar, heat map, trend");
    let csv = args("csv");
    assert_eq!(csv.lines().count(), 1 + 4 * 9);
    assert!(csv.starts_with("assessment,assessed_on,respondent,role,question,"));

    let message = failure(&["maturity", "report", "--db", s(&db), "--assessment", "Q4"]);
    assert!(
        message.contains("no assessment named \"Q4\"")
            && message.contains("\"Board review\", \"Kick-off\""),
        "{message}"
    );
}

#[test]
fn importing_the_same_answers_twice_changes_nothing_the_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let (db, dee) = hand_made(dir.path());
    let file = answers_file(dir.path(), "dee.json", &dees_file(&dee, "AAAAAAAAE"));
    let first = ok(&["maturity", "import-answers", s(&file), "--db", s(&db)]);
    assert!(
        first.contains("into \"Board review\" for Dee: 9 added, 0 changed, 0 unchanged."),
        "{first}"
    );
    let report = |db: &Path| {
        ok(&[
            "maturity",
            "report",
            "--db",
            s(db),
            "--assessment",
            "Board review",
            "--format",
            "json",
        ])
    };
    let after_first = report(&db);
    let bytes = std::fs::read(&db).unwrap();
    let second = ok(&["maturity", "import-answers", s(&file), "--db", s(&db)]);
    assert!(
        second.contains("0 added, 0 changed, 9 unchanged."),
        "{second}"
    );
    assert_eq!(
        std::fs::read(&db).unwrap(),
        bytes,
        "the workspace file is unchanged"
    );
    assert_eq!(report(&db), after_first);
    let json: serde_json::Value = serde_json::from_str(&after_first).unwrap();
    assert_eq!(
        json["scorecard"]["questions"][0]["levels"],
        serde_json::json!(["poor", "average", "excellent", "average"])
    );
}

#[test]
fn a_tampered_or_foreign_answers_file_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (db, dee) = hand_made(dir.path());
    let before = std::fs::read(&db).unwrap();

    // Filled in, then edited by hand: Q1 "poor" became "excellent".
    let honest = serde_json::to_string_pretty(&dees_file(&dee, "PAAAAAAAA")).unwrap();
    let edited = honest.replacen("\"poor\"", "\"excellent\"", 1);
    assert_ne!(honest, edited);
    let tampered = dir.path().join("tampered.json");
    std::fs::write(&tampered, edited).unwrap();

    let mut someone_else = dees_file(&dee, "PAAAAAAAA");
    someone_else.token = "0".repeat(32);
    someone_else = AnswersFile::new(
        &someone_else.assessment,
        someone_else.respondent,
        &someone_else.token,
        someone_else.answers,
    );
    let foreign = answers_file(dir.path(), "foreign.json", &someone_else);
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/maturity_not_answers.json");
    let not_json = dir.path().join("notes.json");
    std::fs::write(&not_json, "Q1: poor\n").unwrap();

    for (file, reason) in [
        (&tampered, "the file was changed after it was filled in"),
        (&foreign, "not the one issued to \"Dee\""),
        (&fixture, "\"format\" is \"csplan-scenario\""),
        (&not_json, "the file is not JSON (line 1, column 1"),
        (
            &dir.path().join("missing.json"),
            "cannot read the answers file",
        ),
    ] {
        let message = failure(&["maturity", "import-answers", s(file), "--db", s(&db)]);
        assert!(message.contains(reason), "{message}");
        assert!(message.contains(s(file)), "names the file: {message}");
        assert_eq!(std::fs::read(&db).unwrap(), before, "{reason}");
    }
}
