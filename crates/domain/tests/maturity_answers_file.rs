//! The answers file a respondent sends back: the canonical JSON its checksum covers, and every
//! way a malformed or tampered file is refused with a message naming what is wrong.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csplan_domain::maturity::answers_file::{AnswersFile, FORMAT, FileRespondent, VERSION};
use csplan_domain::maturity::{
    Answer, AnswersFileError, Level, canonical_checksum, canonical_json, parse_answers_file,
};
use serde_json::{Value, json};

fn sample() -> AnswersFile {
    AnswersFile::new(
        "Q1 2025",
        FileRespondent {
            name: "Dana Ortiz".into(),
            role: "CFO".into(),
        },
        "tok-123",
        vec![
            Answer {
                question: 1,
                level: Level::Average,
                evidence: "Reports to the CEO \"directly\"".into(),
                note: "line one\nline two".into(),
            },
            Answer {
                question: 4,
                level: Level::Poor,
                evidence: String::new(),
                note: "café – “quoted”".into(),
            },
        ],
    )
}

/// The file as JSON text, after an edit to its JSON value.
fn edited(edit: impl FnOnce(&mut Value)) -> String {
    let mut value = serde_json::to_value(sample()).unwrap();
    edit(&mut value);
    value.to_string()
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn rejection(text: &str) -> AnswersFileError {
    match parse_answers_file(text) {
        Ok(file) => panic!("accepted: {file:?}"),
        Err(e) => e,
    }
}

#[test]
fn canonical_json_is_the_file_without_checksum_in_the_documented_key_order() {
    let expected = concat!(
        r#"{"format":"csplan-maturity-answers","version":1,"assessment":"Q1 2025","#,
        r#""respondent":{"name":"Dana Ortiz","role":"CFO"},"token":"tok-123","answers":["#,
        r#"{"question":1,"level":"average","evidence":"Reports to the CEO \"directly\"","note":"line one\nline two"},"#,
        r#"{"question":4,"level":"poor","evidence":"","note":"café – “quoted”"}]}"#,
    );
    let file = sample();
    assert_eq!(canonical_json(&file), expected);
    // The same string serde_json writes for the struct once `checksum` is dropped.
    let mut value = serde_json::to_string(&file).unwrap();
    let cut = value.find(",\"checksum\"").unwrap();
    value.replace_range(cut..value.len() - 1, "");
    assert_eq!(canonical_json(&file), value);
}

#[test]
fn control_characters_escape_as_json_stringify_does() {
    let mut file = sample();
    file.answers[0].note = "tab\there\u{1}\u{8}\u{c}\r\\/".into();
    let canonical = canonical_json(&file);
    assert!(
        canonical.contains(r#""note":"tab\there\u0001\b\f\r\\/""#),
        "{canonical}"
    );
}

#[test]
fn the_checksum_is_sha256_hex_of_the_canonical_json() {
    let file = sample();
    assert_eq!(file.checksum, sha256_hex(canonical_json(&file).as_bytes()));
    assert_eq!(canonical_checksum(&file), file.checksum);
    assert_eq!(file.checksum.len(), 64);
    // A fixed vector, so a change to the canonical form cannot go unnoticed. It was computed
    // independently with Node: JSON.stringify of the same object literal (keys in the documented
    // order), hashed by crypto.createHash("sha256"), which is what the questionnaire page does.
    assert_eq!(
        file.checksum,
        "b486ea865032c1151c2c3c46ed9b4c3d01f8824f80b83792b95b8fb569b3929d"
    );
    // A file with no answers still has a canonical form.
    let empty = AnswersFile::new(
        "A",
        FileRespondent {
            name: "B".into(),
            role: String::new(),
        },
        "t",
        vec![],
    );
    assert_eq!(
        canonical_json(&empty),
        r#"{"format":"csplan-maturity-answers","version":1,"assessment":"A","respondent":{"name":"B","role":""},"token":"t","answers":[]}"#
    );
    assert_eq!(
        empty.checksum,
        sha256_hex(canonical_json(&empty).as_bytes())
    );
}

#[test]
fn a_well_formed_file_reads_back_unchanged() {
    let file = sample();
    let text = serde_json::to_string_pretty(&file).unwrap();
    assert_eq!(parse_answers_file(&text), Ok(file.clone()));
    assert_eq!(file.format, FORMAT);
    assert_eq!(file.version, VERSION);
    // An upper-case checksum is the same checksum.
    let upper = edited(|v| v["checksum"] = json!(file.checksum.to_uppercase()));
    assert_eq!(parse_answers_file(&upper), Ok(file));
}

#[test]
fn tampering_after_filling_in_is_detected() {
    let tampered = edited(|v| v["answers"][1]["level"] = json!("excellent"));
    let error = rejection(&tampered);
    assert_eq!(error, AnswersFileError::ChecksumMismatch);
    assert_eq!(
        error.to_string(),
        "the checksum does not match: the file was changed after it was filled in"
    );
    for edit in [
        edited(|v| v["respondent"]["name"] = json!("Someone Else")),
        edited(|v| v["token"] = json!("tok-999")),
        edited(|v| v["answers"][0]["evidence"] = json!("")),
        edited(|v| v["answers"].as_array_mut().unwrap().truncate(1)),
        edited(|v| v["checksum"] = json!("0".repeat(64))),
    ] {
        assert_eq!(
            rejection(&edit),
            AnswersFileError::ChecksumMismatch,
            "{edit}"
        );
    }
}

#[test]
fn not_json_names_the_line_and_column() {
    let message = rejection("{\n  \"format\": \"csplan-maturity-answers\",\n  oops\n}").to_string();
    assert!(
        message.starts_with("the file is not JSON (line 3, column 3"),
        "{message}"
    );
    assert_eq!(
        rejection("[1, 2]").to_string(),
        "the file is not a CS Plan answers file: it must be a JSON object"
    );
}

#[test]
fn wrong_format_or_version_is_refused() {
    assert_eq!(
        rejection(&edited(|v| v["format"] = json!("csplan-capacity"))).to_string(),
        "the file is not a CS Plan maturity answers file: \"format\" is \"csplan-capacity\", expected \"csplan-maturity-answers\""
    );
    assert_eq!(
        rejection(r#"{"name": "a scenario"}"#).to_string(),
        "the field \"format\" is missing"
    );
    assert_eq!(
        rejection(&edited(|v| v["version"] = json!(2))).to_string(),
        "answers file version 2 is not supported: this CS Plan reads version 1"
    );
    assert_eq!(
        rejection(&edited(|v| v["version"] = json!("1"))).to_string(),
        "answers file version \"1\" is not supported: this CS Plan reads version 1"
    );
}

#[test]
fn missing_empty_or_mistyped_fields_are_named() {
    let cases: Vec<(String, &str)> = vec![
        (
            edited(|v| drop(v.as_object_mut().unwrap().remove("token"))),
            "the field \"token\" is missing",
        ),
        (
            edited(|v| drop(v.as_object_mut().unwrap().remove("checksum"))),
            "the field \"checksum\" is missing",
        ),
        (
            edited(|v| drop(v["respondent"].as_object_mut().unwrap().remove("role"))),
            "the field \"respondent.role\" is missing",
        ),
        (
            edited(|v| drop(v["answers"][1].as_object_mut().unwrap().remove("note"))),
            "the field \"answers[1].note\" is missing",
        ),
        (
            edited(|v| v["assessment"] = json!("  ")),
            "the field \"assessment\" is empty",
        ),
        (
            edited(|v| v["respondent"]["name"] = json!("")),
            "the field \"respondent.name\" is empty",
        ),
        (
            edited(|v| v["respondent"] = json!("Dana")),
            "the field \"respondent\" must be an object",
        ),
        (
            edited(|v| v["answers"] = json!({})),
            "the field \"answers\" must be a list",
        ),
        (
            edited(|v| v["answers"][0] = json!(3)),
            "the field \"answers[0]\" must be an object",
        ),
        (
            edited(|v| v["answers"][0]["evidence"] = json!(5)),
            "the field \"answers[0].evidence\" must be text",
        ),
        (
            edited(|v| v["signed_by"] = json!("me")),
            "the field \"signed_by\" is not part of a CS Plan answers file",
        ),
        (
            edited(|v| v["answers"][0]["weight"] = json!(2)),
            "the field \"answers[0].weight\" is not part of a CS Plan answers file",
        ),
    ];
    for (text, message) in cases {
        assert_eq!(rejection(&text).to_string(), message, "{text}");
    }
}

#[test]
fn unknown_questions_unknown_levels_and_duplicates_are_refused() {
    // These are refused before the checksum is compared, so the message names the real problem.
    assert_eq!(
        rejection(&edited(|v| v["answers"][1]["question"] = json!(10))).to_string(),
        "answers[1].question: question 10 does not exist; the questions are numbered 1 to 9"
    );
    assert_eq!(
        rejection(&edited(|v| v["answers"][0]["question"] = json!(0))).to_string(),
        "answers[0].question: question 0 does not exist; the questions are numbered 1 to 9"
    );
    assert_eq!(
        rejection(&edited(|v| v["answers"][0]["question"] = json!(1.5))).to_string(),
        "answers[0].question: question 1.5 does not exist; the questions are numbered 1 to 9"
    );
    assert_eq!(
        rejection(&edited(|v| v["answers"][0]["level"] = json!("good"))).to_string(),
        "answers[0].level: level \"good\" is not one of \"poor\", \"average\", \"excellent\""
    );
    assert_eq!(
        rejection(&edited(|v| v["answers"][0]["level"] = json!("Average"))).to_string(),
        "answers[0].level: level \"Average\" is not one of \"poor\", \"average\", \"excellent\""
    );
    assert_eq!(
        rejection(&edited(|v| v["answers"][1]["question"] = json!(1))).to_string(),
        "question 1 is answered twice (answers[1])"
    );
}

#[test]
fn a_parsed_file_written_out_again_reads_back_the_same() {
    // What the store keeps or re-exports from a parsed file is itself a valid answers file.
    let text = serde_json::to_string(&sample()).unwrap();
    let first = parse_answers_file(&text).unwrap();
    let again = parse_answers_file(&serde_json::to_string(&first).unwrap()).unwrap();
    assert_eq!(first, again);
    assert_eq!(canonical_checksum(&first), first.checksum);
}
