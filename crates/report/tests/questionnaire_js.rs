//! The questionnaire page's own JavaScript builds the answers file: these tests run that very
//! script (cut out of the generated page) under node and check that Rust reads what it writes,
//! checksum included, and that its SHA-256 agrees with the sha2 crate. Without `node` on PATH the
//! tests say so and pass without running it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csplan_domain::maturity::{
    Answer, Level, RespondentAnswers, canonical_checksum, parse_answers_file, questions,
};
use csplan_report::{AssessmentHeader, QUESTIONNAIRE_SCRIPT_ID, questionnaire_html};
use sha2::{Digest, Sha256};
use std::process::Command;

fn node_available() -> bool {
    let found = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("SKIPPED: `node` is not on PATH, so the questionnaire's JavaScript was not run.");
    }
    found
}

/// The text of the element `<script ... id="{id}">` of the page.
fn element_text<'a>(html: &'a str, opening: &str) -> &'a str {
    let start = html
        .find(opening)
        .unwrap_or_else(|| panic!("{opening} in the page"))
        + opening.len();
    let end = start + html[start..].find("</script>").unwrap();
    &html[start..end]
}

/// Runs `script` under node and returns what it printed.
fn run_node(script: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("run.js");
    std::fs::write(&path, script).unwrap();
    let output = Command::new("node").arg(&path).output().unwrap();
    assert!(
        output.status.success(),
        "node failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn tricky_page() -> String {
    let assessment = AssessmentHeader {
        name: "Q3 \"exec\" review \\ 2026 </script>".to_string(),
        assessed_on: "2026-09-30".to_string(),
    };
    let respondent = RespondentAnswers {
        name: "Zoë Ångström-日本 🚀".to_string(),
        role: "VP, Customer Success & Ops".to_string(),
        answers: Vec::new(),
    };
    questionnaire_html(
        &assessment,
        &respondent,
        "0123456789abcdef0123456789abcdef",
        &questions(),
    )
}

#[test]
fn the_pages_answers_file_is_read_back_by_rust_with_the_same_checksum() {
    if !node_available() {
        return;
    }
    let html = tricky_page();
    let script = element_text(&html, &format!("<script id=\"{QUESTIONNAIRE_SCRIPT_ID}\">"));
    let meta = element_text(
        &html,
        "<script type=\"application/json\" id=\"csplan-meta\">",
    );
    // Every escape JSON has, multi-byte UTF-8, a lone control character and text that looks
    // like markup or a formula.
    let answers = serde_json::json!([
        { "question": 1, "level": "poor", "evidence": "Reports to the CRO\n\"VP\" title\ttab", "note": "" },
        { "question": 4, "level": "average", "evidence": "=2M ARR/CSM \\ rule", "note": "bell\u{7} back\u{8} ff\u{c} cr\r" },
        { "question": 9, "level": "excellent", "evidence": "Zoë: daily 🚀 </script>", "note": "\u{1f}\u{2028}" }
    ]);
    for encoder in ["", "globalThis.TextEncoder = undefined;\n"] {
        let program = format!(
            "{script}\n{encoder}process.stdout.write(csplanAnswersFile({meta}, {answers}));\n"
        );
        let text = run_node(&program);
        let file = parse_answers_file(&text)
            .unwrap_or_else(|e| panic!("Rust rejects the page's file ({e}):\n{text}"));
        assert_eq!(file.checksum, canonical_checksum(&file));
        assert_eq!(file.assessment, "Q3 \"exec\" review \\ 2026 </script>");
        assert_eq!(file.respondent.name, "Zoë Ångström-日本 🚀");
        assert_eq!(file.respondent.role, "VP, Customer Success & Ops");
        assert_eq!(file.token, "0123456789abcdef0123456789abcdef");
        assert_eq!(
            file.answers[1],
            Answer {
                question: 4,
                level: Level::Average,
                evidence: "=2M ARR/CSM \\ rule".to_string(),
                note: "bell\u{7} back\u{8} ff\u{c} cr\r".to_string(),
            }
        );
        assert_eq!(file.answers[2].note, "\u{1f}\u{2028}");
    }
}

#[test]
fn the_pages_sha256_matches_the_sha2_crate_across_block_boundaries() {
    if !node_available() {
        return;
    }
    let html = tricky_page();
    let script = element_text(&html, &format!("<script id=\"{QUESTIONNAIRE_SCRIPT_ID}\">"));
    // Lengths around the 55/56/64-byte padding boundaries, multi-block messages, and two- to
    // four-byte UTF-8 characters.
    let texts: Vec<String> = (0..=130)
        .map(|n| "a".repeat(n))
        .chain([
            "é".repeat(40),
            "日本".repeat(30),
            "🚀".repeat(33),
            "abc".to_string(),
        ])
        .collect();
    let program = format!(
        "{script}\nprocess.stdout.write(JSON.stringify({}.map(function (t) {{ return csplanSha256Hex(csplanUtf8(t)); }})));\n",
        serde_json::to_string(&texts).unwrap()
    );
    let hashes: Vec<String> = serde_json::from_str(&run_node(&program)).unwrap();
    assert_eq!(hashes.len(), texts.len());
    for (text, hash) in texts.iter().zip(&hashes) {
        let expected: String = Sha256::digest(text.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(hash, &expected, "{} bytes", text.len());
    }
    // FIPS 180-4's own example.
    assert_eq!(
        hashes[texts.len() - 1],
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}

/// The page's form script on a stand-in DOM: two levels picked, evidence typed, "Save answers
/// file" pressed. The downloaded file must be one Rust accepts, under the announced name.
#[test]
fn the_form_downloads_the_picked_answers_as_a_valid_file() {
    if !node_available() {
        return;
    }
    let html = tricky_page();
    let answers_js = element_text(&html, &format!("<script id=\"{QUESTIONNAIRE_SCRIPT_ID}\">"));
    let meta = element_text(
        &html,
        "<script type=\"application/json\" id=\"csplan-meta\">",
    );
    let form_js = element_text(&html, "<script>\n");
    let stand_in = r#"
var blobs = [], clicked = [];
globalThis.Blob = function (parts) { this.text = parts.join(""); blobs.push(this); };
globalThis.URL = { createObjectURL: function (b) { return "blob:" + blobs.indexOf(b); },
                   revokeObjectURL: function () {} };
globalThis.setTimeout = function () {};
function element(props) {
  var e = { listeners: {}, hidden: true, value: "", textContent: "",
            addEventListener: function (type, f) { this.listeners[type] = f; },
            click: function () { clicked.push(this); } };
  for (var key in props) { e[key] = props[key]; }
  return e;
}
var picked = { "q1-level": "poor", "q4-level": "average" };
var typed = { "q4-evidence": "Rule: $2M ARR per CSM", "q1-note": "Reports to the CRO" };
var form = element({
  querySelector: function (selector) {
    var name = /name="([^"]+)"/.exec(selector)[1];
    return picked[name] ? { value: picked[name] } : null;
  },
  querySelectorAll: function () { return []; },
  elements: new Proxy({}, { get: function (_, name) { return { value: typed[name] || "" }; } })
});
var byId = { "csplan-meta": element({ textContent: META }), "csplan-form": form,
             "csplan-status": element({}), "csplan-output": element({}), "csplan-copy": element({}) };
globalThis.document = {
  getElementById: function (id) { return byId[id]; },
  createElement: function () { return element({}); },
  body: { appendChild: function () {}, removeChild: function () {} }
};
"#
    .replace("META", &serde_json::to_string(meta).unwrap());
    let program = format!(
        "{answers_js}\n{stand_in}\n{form_js}\nform.listeners.submit({{ preventDefault: function () {{}} }});\n\
         process.stdout.write(JSON.stringify({{ name: clicked[0].download, text: blobs[0].text,\n\
           status: byId[\"csplan-status\"].textContent, shown: !byId[\"csplan-copy\"].hidden }}));\n"
    );
    let result: serde_json::Value = serde_json::from_str(&run_node(&program)).unwrap();
    assert_eq!(
        result["name"],
        "Q3 -exec- review - 2026 --script- - Zoë Ångström-日本 🚀.csplan-answers.json"
    );
    let file = parse_answers_file(result["text"].as_str().unwrap()).unwrap();
    assert_eq!(
        file.answers,
        [
            Answer {
                question: 1,
                level: Level::Poor,
                evidence: String::new(),
                note: "Reports to the CRO".to_string(),
            },
            Answer {
                question: 4,
                level: Level::Average,
                evidence: "Rule: $2M ARR per CSM".to_string(),
                note: String::new(),
            },
        ]
    );
    let status = result["status"].as_str().unwrap();
    assert!(
        status.contains("with 2 of 9 answers (7 left unanswered)"),
        "{status}"
    );
    assert_eq!(result["shown"], true);
}
