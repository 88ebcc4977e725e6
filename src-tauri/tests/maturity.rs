//! The maturity commands through Tauri's real IPC layer on the mock runtime (no window, no
//! display), against a real workspace file, with the argument names the UI sends.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csplan_app_lib::commands::maturity::import_answers;
use csplan_domain::maturity::{Answer, AnswersFile, FileRespondent, Level};
use csplan_store::Store;
use serde_json::json;

mod common;
use common::Harness;

impl Harness {
    /// A new assessment with two leaders; returns (assessment id, [respondent ids]).
    fn team(&self) -> (i64, [i64; 2]) {
        let created = self
            .call(
                "maturity_create",
                json!({ "name": "Board offsite", "assessedOn": "2027-01-15" }),
            )
            .unwrap();
        let id = created["id"].as_i64().unwrap();
        let mut ids = [0; 2];
        for (slot, (name, role)) in ids.iter_mut().zip([("Ann", "CEO"), ("Ben", "CFO")]) {
            let added = self
                .call(
                    "maturity_add_respondent",
                    json!({ "assessmentId": id, "name": name, "role": role }),
                )
                .unwrap();
            *slot = added["id"].as_i64().unwrap();
        }
        (id, ids)
    }

    fn answer(&self, respondent: i64, question: u8, level: &str) {
        self.call(
            "maturity_answer",
            json!({ "respondentId": respondent, "answer": { "question": question, "level": level, "evidence": "", "note": "" } }),
        )
        .unwrap();
    }
}

#[test]
fn answers_given_through_ipc_are_scored_charted_and_planned() {
    let app = Harness::demo();
    let (id, [ann, ben]) = app.team();
    // DOMAIN.md §4.1 scoring: Poor (1) and Excellent (3) have the median 2.0, Average, spread 2.
    app.answer(ann, 1, "poor");
    app.answer(ben, 1, "excellent");
    // Both Excellent: no disagreement and nothing to move up.
    app.answer(ann, 3, "excellent");
    app.answer(ben, 3, "excellent");

    let view = app.call("maturity_open", json!({ "id": id })).unwrap();
    assert_eq!(view["card"]["respondents"], json!(["Ann", "Ben"]));
    let q1 = &view["card"]["questions"][0];
    assert_eq!(q1["levels"], json!(["poor", "excellent"]));
    assert_eq!(q1["consensus"], json!(2.0));
    assert_eq!(q1["consensus_level"], json!("average"));
    assert_eq!(q1["spread"], json!(2));
    assert_eq!(q1["disagreement"], json!(true));
    assert_eq!(view["card"]["questions"][2]["disagreement"], json!(false));
    // Overall: the mean of the answered questions' consensus, (2 + 3) / 2.
    assert_eq!(view["card"]["overall"], json!(2.5));

    let planned: Vec<i64> = view["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["number"].as_i64().unwrap())
        .collect();
    assert_eq!(planned, [1], "only Q1 is answered below Excellent");
    assert_eq!(view["actions"][0]["next"]["level"], json!("excellent"));
    assert_eq!(view["actions"][0]["dissenters"], json!(["Ann", "Ben"]));

    for chart in ["radar", "heat_map", "trend"] {
        let svg = view["charts"][chart].as_str().unwrap();
        assert!(svg.contains("<svg"), "{chart} is an SVG document");
    }
    assert_eq!(view["labels"][3], json!("Q4 Cost to retain"));
    // The demo's assessments and this one, oldest first.
    let trend = view["trend"].as_array().unwrap();
    assert_eq!(trend.last().unwrap()["assessment"], json!("Board offsite"));
    assert_eq!(trend.last().unwrap()["overall"], json!(2.5));
    let evidence = view["capacity_evidence"].as_str().unwrap();
    assert!(
        evidence.contains("saved capacity scenario") && evidence.contains("accounts"),
        "{evidence}"
    );

    // Clearing an answer takes it out of the score.
    app.call(
        "maturity_clear_answer",
        json!({ "respondentId": ben, "question": 1 }),
    )
    .unwrap();
    let view = app.call("maturity_open", json!({ "id": id })).unwrap();
    assert_eq!(
        view["card"]["questions"][0]["levels"],
        json!(["poor", null])
    );
    assert_eq!(view["card"]["questions"][0]["disagreement"], json!(false));

    let listed = app.call("maturity_list", json!({})).unwrap();
    assert_eq!(listed[0]["name"], json!("Board offsite"), "newest first");
    assert_eq!(listed[0]["answers"], json!(3));

    app.call("maturity_remove_respondent", json!({ "respondentId": ben }))
        .unwrap();
    app.call("maturity_delete", json!({ "id": id })).unwrap();
    app.refused("maturity_open", json!({ "id": id }), "not-found");
}

#[test]
fn question_9_is_answered_from_the_review_cadence() {
    let app = Harness::demo();
    // DOMAIN.md §4.1 Q9: daily -> Excellent, monthly -> Average, every 3-6 months -> Poor.
    for (days, level) in [
        (1.0, "excellent"),
        (7.0, "average"),
        (31.0, "average"),
        (90.0, "poor"),
    ] {
        let got = app
            .call("maturity_cadence_level", json!({ "days": days }))
            .unwrap();
        assert_eq!(got, json!(level), "{days} days");
    }
    let message = app.refused(
        "maturity_cadence_level",
        json!({ "days": 0 }),
        "invalid-cadence",
    );
    assert!(message.contains("days"), "{message}");
}

#[test]
fn an_answers_file_merges_once_and_a_changed_one_is_refused_by_name() {
    let app = Harness::demo();
    let (id, [ann, _]) = app.team();
    let view = app.call("maturity_open", json!({ "id": id })).unwrap();
    let token = view["assessment"]["respondents"][0]["token"]
        .as_str()
        .unwrap()
        .to_string();
    let answers = vec![
        Answer {
            question: 2,
            level: Level::Average,
            evidence: "CS renews, Sales upsells".into(),
            note: String::new(),
        },
        Answer {
            question: 9,
            level: Level::Poor,
            evidence: String::new(),
            note: "quarterly deck".into(),
        },
    ];
    let file = AnswersFile::new(
        "Board offsite",
        FileRespondent {
            name: "Ann".into(),
            role: "CEO".into(),
        },
        &token,
        answers,
    );
    let path = app
        .dir
        .path()
        .join("Board offsite - Ann.csplan-answers.json");
    std::fs::write(&path, serde_json::to_string(&file).unwrap()).unwrap();

    tauri::async_runtime::block_on(async {
        let store = Store::open(&app.path).await.unwrap();
        let first = import_answers(&store, &path).await.unwrap();
        assert_eq!((first.added, first.changed, first.unchanged), (2, 0, 0));
        let again = import_answers(&store, &path).await.unwrap();
        assert_eq!((again.added, again.changed, again.unchanged), (0, 0, 2));

        // A level changed by hand after the page computed the checksum.
        let tampered = std::fs::read_to_string(&path)
            .unwrap()
            .replace("\"poor\"", "\"excellent\"");
        let changed = app.dir.path().join("changed.csplan-answers.json");
        std::fs::write(&changed, tampered).unwrap();
        let error = import_answers(&store, &changed).await.unwrap_err();
        assert_eq!(error.code, "invalid-answers-file");
        assert!(
            error.message.starts_with("changed.csplan-answers.json")
                && error.message.contains("changed after it was filled in"),
            "{}",
            error.message
        );

        // A valid file for a leader this assessment does not have.
        let stranger = AnswersFile::new(
            "Board offsite",
            FileRespondent {
                name: "Zoe".into(),
                role: String::new(),
            },
            "not-a-token",
            Vec::new(),
        );
        let other = app.dir.path().join("zoe.csplan-answers.json");
        std::fs::write(&other, serde_json::to_string(&stranger).unwrap()).unwrap();
        let error = import_answers(&store, &other).await.unwrap_err();
        assert!(
            error.message.starts_with("zoe.csplan-answers.json: "),
            "{}",
            error.message
        );
        store.close().await;
    });

    let view = app.call("maturity_open", json!({ "id": id })).unwrap();
    let merged = &view["assessment"]["respondents"][0];
    assert_eq!(merged["id"], json!(ann));
    assert_eq!(
        merged["answers"][0]["evidence"],
        json!("CS renews, Sales upsells")
    );
    assert_eq!(merged["answers"][1]["level"], json!("poor"));
}
