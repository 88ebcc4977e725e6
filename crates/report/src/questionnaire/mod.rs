//! The questionnaire a respondent fills in outside the app: one self-contained HTML file (inline
//! CSS and script, no network: its content security policy forbids any request) with the 9
//! questions, the verbatim level statements and their source lines (DOMAIN.md §4.1). The page
//! builds the answers file of `csplan_domain::maturity::answers_file`, checksum included, and
//! downloads it for the respondent to send back.

use crate::AssessmentHeader;
use crate::html::{escape, page, script_json};
use csplan_domain::maturity::answers_file::{FORMAT, VERSION};
use csplan_domain::maturity::{Answer, Question, RespondentAnswers};
use serde_json::json;
use std::fmt::Write as _;

/// The `id` of the `<script>` element holding the answers-file functions (SHA-256, canonical
/// JSON, `csplanAnswersFile(meta, answers)`), which use no DOM: tests run it under node.
pub const QUESTIONNAIRE_SCRIPT_ID: &str = "csplan-answers-js";

const ANSWERS_JS: &str = include_str!("answers.js");
const FORM_JS: &str = include_str!("form.js");
const CSS: &str = include_str!("questionnaire.css");

/// Scripts and styles are inline; nothing may be fetched, posted or framed.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'";

/// "<assessment> - <name>.csplan-answers.json", with the characters no file system accepts
/// (and control characters) replaced by "-".
pub fn questionnaire_file_name(assessment: &str, respondent: &str) -> String {
    let stem: String = format!("{} - {}", assessment.trim(), respondent.trim())
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '-'
            } else {
                c
            }
        })
        .collect();
    format!("{stem}.csplan-answers.json")
}

/// The questionnaire for one respondent, pre-filled with the answers they already gave.
/// `token` is the one the store issued to them; the answers file carries it back.
pub fn questionnaire_html(
    assessment: &AssessmentHeader,
    respondent: &RespondentAnswers,
    token: &str,
    questions: &[Question],
) -> String {
    let meta = json!({
        "format": FORMAT,
        "version": VERSION,
        "assessment": assessment.name,
        "name": respondent.name,
        "role": respondent.role,
        "token": token,
        "questions": questions.len(),
        "fileName": questionnaire_file_name(&assessment.name, &respondent.name),
    });
    let title = format!(
        "{} – maturity questionnaire for {}",
        assessment.name, respondent.name
    );
    let who = if respondent.role.trim().is_empty() {
        escape(&respondent.name)
    } else {
        format!("{}, {}", escape(&respondent.name), escape(&respondent.role))
    };
    let mut body = String::new();
    for question in questions {
        let given = respondent
            .answers
            .iter()
            .find(|a| a.question == question.number);
        push_question(&mut body, question, given);
    }
    let main = format!(
        r#"<h1>{assessment_name}</h1>
<p class="who">Maturity self-assessment of {assessed_on} · questionnaire for {who}</p>
<div class="how">
<p>Answer on your own: for each of the 9 questions pick the statement that describes the company
today (Poor, Average or Excellent), and add the evidence you see and any note. You may leave a
question unanswered. Then press <strong>Save answers file</strong> and send the downloaded file
back to the person running the assessment; CS Plan merges it. Do not edit the saved file: CS Plan
refuses a file that was changed after it was filled in.</p>
<p>The question headings are worded by CS Plan (the source gives none); the level statements are
quoted from the source, with their line numbers.</p>
</div>
<form id="csplan-form">
{body}<div class="submit">
<button type="submit" class="primary">Save answers file</button>
<p id="csplan-status" role="status" aria-live="polite"></p>
<details id="csplan-copy" hidden>
<summary>The answers file as text</summary>
<textarea id="csplan-output" readonly aria-label="The answers file as text"></textarea>
</details>
</div>
</form>
"#,
        assessment_name = escape(&assessment.name),
        assessed_on = escape(&assessment.assessed_on),
    );
    let scripts = format!(
        r#"<script type="application/json" id="csplan-meta">{meta}</script>
<script id="{script_id}">
{answers_js}</script>
<script>
{form_js}</script>
"#,
        meta = script_json(&meta),
        script_id = QUESTIONNAIRE_SCRIPT_ID,
        answers_js = ANSWERS_JS,
        form_js = FORM_JS,
    );
    page(&title, CSP, CSS, &main, &scripts)
}

fn push_question(out: &mut String, question: &Question, given: Option<&Answer>) {
    let n = question.number;
    let _ = write!(
        out,
        r#"<fieldset class="question" id="q{n}">
<legend>Q{n}. {heading}</legend>
<p class="inferred">Heading worded by CS Plan; the source has none.</p>
<p class="clue">{clue}</p>
"#,
        heading = escape(&question.heading),
        clue = escape(&question.clue),
    );
    for text in &question.levels {
        let checked = if given.is_some_and(|a| a.level == text.level) {
            " checked"
        } else {
            ""
        };
        let _ = write!(
            out,
            r#"<label class="level"><input type="radio" name="q{n}-level" value="{key}"{checked}><span class="name">{label}:</span> “{text}”"#,
            key = text.level.key(),
            label = text.level.label(),
            text = escape(&text.text),
        );
        if !text.commentary.is_empty() {
            out.push_str("<ul>");
            for line in &text.commentary {
                let _ = write!(out, "<li>“{}”</li>", escape(line));
            }
            out.push_str("</ul>");
        }
        out.push_str("</label>\n");
    }
    // A newline right after <textarea> is dropped by every HTML parser, so one is written there:
    // an evidence text that itself starts with a newline keeps it.
    let _ = write!(
        out,
        r#"<p class="source">Source: {source}</p>
<button type="button" class="clear" data-question="{n}">Clear the level</button>
<div class="notes">
<label>Evidence<textarea name="q{n}-evidence">
{evidence}</textarea></label>
<label>Note<textarea name="q{n}-note">
{note}</textarea></label>
</div>
</fieldset>
"#,
        source = escape(&question.source),
        evidence = escape(given.map_or("", |a| a.evidence.as_str())),
        note = escape(given.map_or("", |a| a.note.as_str())),
    );
}
