//! The maturity self-assessment in the store (DOMAIN.md §4.1): assessments, respondents and
//! answers kept across restarts, answers files merged idempotently and refused (with nothing
//! written) when they do not belong to this workspace, and the trend scored by the domain.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{db_path, temp_dir};
use csplan_domain::maturity::{Answer, AnswersFile, FileRespondent, Level, score};
use csplan_store::{NewWorkspace, RespondentRecord, Store, StoreError};
use sqlx::Connection;
use sqlx::sqlite::SqliteConnection;
use std::path::Path;

fn answer(question: u8, level: Level) -> Answer {
    Answer {
        question,
        level,
        evidence: String::new(),
        note: String::new(),
    }
}

/// "PAE..." -> answers to questions 1.. in order.
fn answers(levels: &str) -> Vec<Answer> {
    (1u8..)
        .zip(levels.chars())
        .map(|(q, c)| {
            let level = match c {
                'P' => Level::Poor,
                'A' => Level::Average,
                'E' => Level::Excellent,
                other => panic!("level code {other}"),
            };
            answer(q, level)
        })
        .collect()
}

fn file_for(assessment: &str, respondent: &RespondentRecord, answers: Vec<Answer>) -> AnswersFile {
    AnswersFile::new(
        assessment,
        FileRespondent {
            name: respondent.name.clone(),
            role: respondent.role.clone(),
        },
        &respondent.token,
        answers,
    )
}

/// Every maturity row, answered_at included, as text: "nothing changed" means this is equal.
async fn maturity_rows(path: &Path) -> Vec<String> {
    let mut conn = SqliteConnection::connect(&format!("sqlite://{}", path.display()))
        .await
        .unwrap();
    let mut rows: Vec<String> = sqlx::query_scalar(
        "SELECT concat_ws('|', 'a', id, name, assessed_on, created_at) FROM maturity_assessments
         UNION ALL
         SELECT concat_ws('|', 'r', id, assessment_id, name, role, token) FROM maturity_respondents
         UNION ALL
         SELECT concat_ws('|', 'x', respondent_id, question, level, evidence, note, answered_at)
         FROM maturity_answers",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    conn.close().await.unwrap();
    rows.sort();
    rows
}

async fn empty_store(dir: &tempfile::TempDir) -> (Store, std::path::PathBuf) {
    let path = db_path(dir, "plan.db");
    let store = Store::create(&path, NewWorkspace::Empty).await.unwrap();
    (store, path)
}

#[tokio::test]
async fn assessments_respondents_and_answers_survive_a_restart() {
    let dir = temp_dir();
    let (store, path) = empty_store(&dir).await;
    assert!(store.list_assessments().await.unwrap().is_empty());
    let older = store
        .create_assessment(" Spring review ", "2026-03-31")
        .await
        .unwrap();
    assert_eq!(older.name, "Spring review");
    let newer = store
        .create_assessment("Autumn review", "2026-09-30")
        .await
        .unwrap();
    let ceo = store
        .add_respondent(newer.id, "Ana Ortiz", " CEO ")
        .await
        .unwrap();
    let cfo = store.add_respondent(newer.id, "Ben Ito", "").await.unwrap();
    assert_eq!(ceo.role, "CEO");
    for token in [&ceo.token, &cfo.token] {
        assert_eq!(token.len(), 32);
        assert!(
            token
                .chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        );
    }
    assert_ne!(ceo.token, cfo.token);
    let mut q4 = answer(4, Level::Average);
    q4.evidence = "Rule of thumb: $2M ARR per CSM".into();
    q4.note = "=SUM(A1) stays text".into();
    store.save_answer(ceo.id, &q4).await.unwrap();
    store
        .save_answer(ceo.id, &answer(1, Level::Excellent))
        .await
        .unwrap();
    store
        .save_answer(cfo.id, &answer(1, Level::Poor))
        .await
        .unwrap();
    store.close().await;

    let store = Store::open(&path).await.unwrap();
    let list = store.list_assessments().await.unwrap();
    let listed: Vec<(&str, &str, u64, u64)> = list
        .iter()
        .map(|a| {
            (
                a.name.as_str(),
                a.assessed_on.as_str(),
                a.respondents,
                a.answers,
            )
        })
        .collect();
    assert_eq!(
        listed,
        [
            ("Autumn review", "2026-09-30", 2, 3),
            ("Spring review", "2026-03-31", 0, 0)
        ]
    );
    let loaded = store.assessment_by_name("AUTUMN review").await.unwrap();
    assert_eq!(loaded.id, newer.id);
    let names: Vec<&str> = loaded.respondents.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Ana Ortiz", "Ben Ito"]);
    assert_eq!(
        loaded.respondents[0].answers,
        [answer(1, Level::Excellent), q4.clone()]
    );
    assert_eq!(loaded.respondents[0].token, ceo.token);
    assert_eq!(loaded.respondents[1].answers, [answer(1, Level::Poor)]);

    // Replacing and clearing answers.
    store
        .save_answer(cfo.id, &answer(1, Level::Average))
        .await
        .unwrap();
    store.clear_answer(ceo.id, 4).await.unwrap();
    store.clear_answer(ceo.id, 4).await.unwrap();
    let loaded = store.assessment(newer.id).await.unwrap();
    assert_eq!(loaded.respondents[0].answers, [answer(1, Level::Excellent)]);
    assert_eq!(loaded.respondents[1].answers, [answer(1, Level::Average)]);
    store.close().await;
}

#[tokio::test]
async fn bad_names_dates_and_questions_are_refused_with_a_reason() {
    let dir = temp_dir();
    let (store, path) = empty_store(&dir).await;
    let a = store
        .create_assessment("Q1 review", "2026-01-15")
        .await
        .unwrap();
    let r = store.add_respondent(a.id, "Ana", "CEO").await.unwrap();
    let before = maturity_rows(&path).await;

    let duplicate = store
        .create_assessment("q1 REVIEW", "2026-02-01")
        .await
        .unwrap_err();
    assert_eq!(duplicate.code(), "invalid-name");
    assert!(
        duplicate
            .to_string()
            .contains("\"Q1 review\" already exists"),
        "{duplicate}"
    );
    let date = store
        .create_assessment("Leap", "2026-02-29")
        .await
        .unwrap_err();
    assert_eq!(date.code(), "invalid-inputs");
    assert!(date.to_string().contains("YYYY-MM-DD"), "{date}");
    assert!(
        store
            .create_assessment("Slashes", "15/01/2026")
            .await
            .is_err()
    );
    assert_eq!(
        store
            .create_assessment("  ", "2026-01-15")
            .await
            .unwrap_err()
            .code(),
        "invalid-name"
    );
    let twice = store
        .add_respondent(a.id, " ana ", "CFO")
        .await
        .unwrap_err();
    assert!(
        twice.to_string().contains("\"Ana\" already answers"),
        "{twice}"
    );
    let question = store
        .save_answer(r.id, &answer(10, Level::Poor))
        .await
        .unwrap_err();
    assert!(
        question.to_string().contains("no question 10"),
        "{question}"
    );
    assert_eq!(
        store
            .add_respondent(999, "Ben", "")
            .await
            .unwrap_err()
            .code(),
        "not-found"
    );
    assert_eq!(
        store
            .save_answer(999, &answer(1, Level::Poor))
            .await
            .unwrap_err()
            .code(),
        "not-found"
    );
    assert_eq!(
        store.delete_assessment(999).await.unwrap_err().code(),
        "not-found"
    );
    assert_eq!(
        store.remove_respondent(999).await.unwrap_err().code(),
        "not-found"
    );
    let missing = store.assessment_by_name("Q2 review").await.unwrap_err();
    assert!(missing.to_string().contains("\"Q2 review\""), "{missing}");
    store.close().await;
    assert_eq!(maturity_rows(&path).await, before);
}

#[tokio::test]
async fn deleting_takes_respondents_and_answers_with_it() {
    let dir = temp_dir();
    let (store, path) = empty_store(&dir).await;
    let a = store.create_assessment("Keep", "2026-01-15").await.unwrap();
    let b = store.create_assessment("Drop", "2026-01-16").await.unwrap();
    let keep = store.add_respondent(a.id, "Ana", "CEO").await.unwrap();
    let gone = store.add_respondent(a.id, "Ben", "CFO").await.unwrap();
    let other = store.add_respondent(b.id, "Cy", "COO").await.unwrap();
    for r in [&keep, &gone, &other] {
        store
            .save_answer(r.id, &answer(2, Level::Average))
            .await
            .unwrap();
    }
    store.remove_respondent(gone.id).await.unwrap();
    store.delete_assessment(b.id).await.unwrap();
    store.close().await;
    let rows = maturity_rows(&path).await;
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert!(
        rows.iter()
            .all(|r| !r.contains("Ben") && !r.contains("Drop"))
    );
    let kept = format!("x|{}|2|average|", keep.id);
    assert!(rows.iter().any(|r| r.starts_with(&kept)), "{rows:?}");
}

#[tokio::test]
async fn merging_an_answers_file_is_idempotent() {
    let dir = temp_dir();
    let (store, path) = empty_store(&dir).await;
    let a = store
        .create_assessment("Board prep 2026", "2026-02-01")
        .await
        .unwrap();
    let vp = store
        .add_respondent(a.id, "Priya Raman", "VP Customer Success")
        .await
        .unwrap();
    store
        .save_answer(vp.id, &answer(1, Level::Excellent))
        .await
        .unwrap();
    let mut filled = answers("PAPPPAPAA");
    filled[3].evidence = "No agreed cost to retain".into();
    filled[3].note = "Ask Finance in Q2".into();
    let file = file_for("board PREP 2026", &vp, filled.clone());

    let first = store.merge_answers(&file).await.unwrap();
    assert_eq!(first.assessment, "Board prep 2026");
    assert_eq!(first.respondent, "Priya Raman");
    // Q1 was answered Excellent in the app, the file says Poor.
    assert_eq!((first.added, first.changed, first.unchanged), (8, 1, 0));
    let after_first = maturity_rows(&path).await;

    let second = store.merge_answers(&file).await.unwrap();
    assert_eq!((second.added, second.changed, second.unchanged), (0, 0, 9));
    assert_eq!(maturity_rows(&path).await, after_first);
    let loaded = store.assessment(a.id).await.unwrap();
    assert_eq!(loaded.respondents[0].answers, filled);

    // A corrected file changes only what was corrected.
    let mut corrected = filled.clone();
    corrected[8].note = "Monthly since March".into();
    let third = store
        .merge_answers(&file_for("Board prep 2026", &vp, corrected))
        .await
        .unwrap();
    assert_eq!((third.added, third.changed, third.unchanged), (0, 1, 8));
    let rows = maturity_rows(&path).await;
    let differing: Vec<&String> = rows.iter().filter(|r| !after_first.contains(r)).collect();
    assert_eq!(differing.len(), 1, "{differing:?}");
    assert!(differing[0].contains("Monthly since March"));
    store.close().await;
}

#[tokio::test]
async fn a_file_that_does_not_belong_here_is_refused_and_changes_nothing() {
    let dir = temp_dir();
    let (store, path) = empty_store(&dir).await;
    let a = store
        .create_assessment("H1 review", "2026-06-30")
        .await
        .unwrap();
    let ceo = store.add_respondent(a.id, "Dana", "CEO").await.unwrap();
    let cfo = store.add_respondent(a.id, "Marcus", "CFO").await.unwrap();
    store
        .save_answer(ceo.id, &answer(3, Level::Average))
        .await
        .unwrap();
    let before = maturity_rows(&path).await;
    let good = answers("AAAAAAAAA");

    let cases: Vec<(AnswersFile, &str)> = vec![
        (
            file_for("H2 review", &ceo, good.clone()),
            "for the assessment \"H2 review\", which is not in the workspace",
        ),
        (
            {
                let mut stranger = ceo.clone();
                stranger.name = "Eve".into();
                file_for("H1 review", &stranger, good.clone())
            },
            "from \"Eve\", who is not a respondent of \"H1 review\"",
        ),
        (
            {
                // Marcus's name with Dana's token.
                let mut swapped = cfo.clone();
                swapped.token = ceo.token.clone();
                file_for("H1 review", &swapped, good.clone())
            },
            "not the one issued to \"Marcus\"",
        ),
        (
            {
                let mut edited = file_for("H1 review", &ceo, good.clone());
                edited.answers[0].level = Level::Excellent;
                edited
            },
            "changed after it was filled in",
        ),
    ];
    for (file, reason) in cases {
        let error = store.merge_answers(&file).await.unwrap_err();
        assert!(
            matches!(error, StoreError::InvalidInputs { .. }),
            "{error:?}"
        );
        let message = error.to_string();
        assert!(message.contains(reason), "{message}");
        assert!(message.contains("Nothing was changed"), "{message}");
        assert_eq!(maturity_rows(&path).await, before, "{reason}");
    }
    store.close().await;
}

/// DOMAIN.md §4.1 "Scoring" (CS Plan's 1/2/3 convention): the trend holds each assessment's
/// consensus as the domain scores it, oldest first.
#[tokio::test]
async fn the_trend_scores_every_assessment_oldest_first() {
    let dir = temp_dir();
    let (store, _path) = empty_store(&dir).await;
    let later = store
        .create_assessment("Later", "2026-06-30")
        .await
        .unwrap();
    let earlier = store
        .create_assessment("Earlier", "2025-12-31")
        .await
        .unwrap();
    let empty = store
        .create_assessment("Empty", "2026-03-31")
        .await
        .unwrap();
    for (id, team) in [
        (
            earlier.id,
            [("A", "PPPPPPPPP"), ("B", "PPPPPPPPP"), ("C", "APPPPPPPP")],
        ),
        (
            later.id,
            [("A", "EAAAAAAAA"), ("B", "PAAAAAAAA"), ("C", "AAAAAAAAE")],
        ),
    ] {
        for (name, levels) in team {
            let r = store.add_respondent(id, name, "").await.unwrap();
            for a in answers(levels) {
                store.save_answer(r.id, &a).await.unwrap();
            }
        }
    }
    let trend = store.maturity_trend().await.unwrap();
    let order: Vec<&str> = trend.iter().map(|p| p.assessment.as_str()).collect();
    assert_eq!(order, ["Earlier", "Empty", "Later"]);
    // Earlier: medians all 1 (Q1: P, P, A -> 1). Later: Q1 P, A, E -> median 2; Q9 A, A, E -> 2.
    assert_eq!(trend[0].overall, Some(1.0));
    assert_eq!(trend[0].consensus[0], Some(1.0));
    assert_eq!(trend[1].overall, None);
    assert_eq!(trend[1].consensus, vec![None; 9]);
    assert_eq!(trend[2].overall, Some(2.0));
    assert_eq!(trend[2].assessed_on, "2026-06-30");
    let loaded = store.assessment(later.id).await.unwrap();
    let card = score(&loaded.respondent_answers());
    assert_eq!(card.questions[0].spread, Some(2));
    assert_eq!(card.respondents, ["A", "B", "C"]);
    assert_eq!(
        store.assessment(empty.id).await.unwrap().respondents.len(),
        0
    );
    store.close().await;
}

#[tokio::test]
async fn the_demo_has_a_past_and_a_current_assessment_with_disagreements() {
    let dir = temp_dir();
    let first = db_path(&dir, "first.db");
    let store = Store::create(&first, NewWorkspace::Demo).await.unwrap();
    let list = store.list_assessments().await.unwrap();
    assert_eq!(list.len(), 2);
    assert!(list.iter().all(|a| a.respondents == 3 && a.answers == 27));
    assert!(list[0].assessed_on > list[1].assessed_on);
    let current = store.assessment(list[0].id).await.unwrap();
    let roles: Vec<&str> = current
        .respondents
        .iter()
        .map(|r| r.role.as_str())
        .collect();
    assert_eq!(roles, ["CEO", "CFO", "VP Customer Success"]);
    let card = score(&current.respondent_answers());
    let disagreements = card.questions.iter().filter(|q| q.disagreement).count();
    assert!((2..=6).contains(&disagreements), "{disagreements}");
    let trend = store.maturity_trend().await.unwrap();
    assert_eq!(trend.len(), 2);
    assert!(trend[1].overall > trend[0].overall, "{trend:?}");
    store.close().await;

    // Same seed, same tokens: every demo file is identical.
    let second = db_path(&dir, "second.db");
    Store::create(&second, NewWorkspace::Demo)
        .await
        .unwrap()
        .close()
        .await;
    assert_eq!(maturity_rows(&first).await, maturity_rows(&second).await);
}

/// A workspace made before the maturity tables existed gains them on open, data intact.
#[tokio::test]
async fn a_version_1_workspace_is_migrated_on_open() {
    let dir = temp_dir();
    let (store, path) = empty_store(&dir).await;
    store.close().await;
    let mut conn = SqliteConnection::connect(&format!("sqlite://{}", path.display()))
        .await
        .unwrap();
    for sql in [
        "DROP TABLE maturity_answers",
        "DROP TABLE maturity_respondents",
        "DROP TABLE maturity_assessments",
        "DELETE FROM _sqlx_migrations WHERE version = 2",
    ] {
        sqlx::query(sql).execute(&mut conn).await.unwrap();
    }
    conn.close().await.unwrap();

    let store = Store::open(&path).await.unwrap();
    assert_eq!(store.list_scenarios().await.unwrap().len(), 1);
    let a = store
        .create_assessment("First", "2026-01-01")
        .await
        .unwrap();
    assert_eq!(store.assessment(a.id).await.unwrap().name, "First");
    store.close().await;
}
