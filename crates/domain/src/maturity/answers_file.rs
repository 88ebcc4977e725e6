//! The answers file a respondent sends back from the exported questionnaire:
//!
//! ```json
//! {"format":"csplan-maturity-answers","version":1,"assessment":"<name>",
//!  "respondent":{"name":"<name>","role":"<role>"},"token":"<token issued at export>",
//!  "answers":[{"question":1,"level":"average","evidence":"","note":""}],
//!  "checksum":"<sha256 hex>"}
//! ```
//!
//! **Canonical JSON** (what the checksum covers) is the file without `checksum`, written compactly
//! (no whitespace) with the keys in exactly this order: `format`, `version`, `assessment`,
//! `respondent` {`name`, `role`}, `token`, `answers` [{`question`, `level`, `evidence`, `note`}].
//! Strings escape `"` and `\` with a backslash, U+0008/0009/000A/000C/000D as `\b \t \n \f \r`,
//! other characters below U+0020 as `\u00xx` (lowercase hex), and everything else is written as
//! is (UTF-8). That is both `serde_json::to_string` of these structs and JavaScript's
//! `JSON.stringify` of an object literal built in that key order, so the questionnaire page's
//! inline SHA-256 and this module hash the same bytes. The checksum is the lowercase hex SHA-256
//! of the canonical JSON's UTF-8 bytes. It detects a file edited after it was filled in; it is not
//! a signature (the token ties the file to the respondent it was issued to).

use super::answers::Answer;
use super::level::Level;
use super::questions::QUESTION_COUNT;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use ts_rs::TS;

/// The `format` value every answers file carries.
pub const FORMAT: &str = "csplan-maturity-answers";
/// The answers-file version this CS Plan reads and writes.
pub const VERSION: u32 = 1;

/// Who filled the file in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FileRespondent {
    pub name: String,
    pub role: String,
}

/// A verified answers file (see the module documentation for the format).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AnswersFile {
    pub format: String,
    #[ts(type = "number")]
    pub version: u32,
    pub assessment: String,
    pub respondent: FileRespondent,
    pub token: String,
    pub answers: Vec<Answer>,
    pub checksum: String,
}

impl AnswersFile {
    /// A current-version file with its checksum filled in, as the questionnaire page writes it.
    pub fn new(
        assessment: &str,
        respondent: FileRespondent,
        token: &str,
        answers: Vec<Answer>,
    ) -> AnswersFile {
        let mut file = AnswersFile {
            format: FORMAT.to_string(),
            version: VERSION,
            assessment: assessment.to_string(),
            respondent,
            token: token.to_string(),
            answers,
            checksum: String::new(),
        };
        file.checksum = canonical_checksum(&file);
        file
    }
}

/// Why a file is not a usable answers file. Every message names the field or the answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswersFileError {
    #[error("the file is not JSON (line {line}, column {column}: {reason})")]
    NotJson {
        line: usize,
        column: usize,
        reason: String,
    },
    #[error("the file is not a CS Plan answers file: it must be a JSON object")]
    NotAnObject,
    #[error(
        "the file is not a CS Plan maturity answers file: \"format\" is {found}, expected \"{FORMAT}\""
    )]
    WrongFormat { found: String },
    #[error("answers file version {found} is not supported: this CS Plan reads version {VERSION}")]
    WrongVersion { found: String },
    #[error("the field \"{field}\" is missing")]
    MissingField { field: String },
    #[error("the field \"{field}\" must be {expected}")]
    WrongType { field: String, expected: String },
    #[error("the field \"{field}\" is empty")]
    EmptyField { field: String },
    #[error("the field \"{field}\" is not part of a CS Plan answers file")]
    UnexpectedField { field: String },
    #[error("{field}: question {number} does not exist; the questions are numbered 1 to 9")]
    UnknownQuestion { field: String, number: String },
    #[error("{field}: level {found} is not one of \"poor\", \"average\", \"excellent\"")]
    UnknownLevel { field: String, found: String },
    #[error("question {question} is answered twice ({field})")]
    DuplicateQuestion { field: String, question: u8 },
    #[error("the checksum does not match: the file was changed after it was filled in")]
    ChecksumMismatch,
}

/// Reads and verifies an answers file: JSON, format and version, every field present with the
/// right type, questions 1–9 each at most once, levels poor/average/excellent, and the checksum
/// over the canonical JSON. Nothing is returned unless all of it holds.
pub fn parse_answers_file(text: &str) -> Result<AnswersFile, AnswersFileError> {
    let value: Value = serde_json::from_str(text).map_err(|e| AnswersFileError::NotJson {
        line: e.line(),
        column: e.column(),
        reason: e.to_string(),
    })?;
    let top = value.as_object().ok_or(AnswersFileError::NotAnObject)?;
    // Format and version first, so any other JSON file gets "not an answers file", not a list of
    // missing fields.
    let format = field(top, "format", "")?;
    if format.as_str() != Some(FORMAT) {
        return Err(AnswersFileError::WrongFormat {
            found: format.to_string(),
        });
    }
    let version = field(top, "version", "")?;
    if version.as_u64() != Some(u64::from(VERSION)) {
        return Err(AnswersFileError::WrongVersion {
            found: version.to_string(),
        });
    }
    only_fields(
        top,
        &[
            "format",
            "version",
            "assessment",
            "respondent",
            "token",
            "answers",
            "checksum",
        ],
        "",
    )?;
    let assessment = non_empty_string(top, "assessment", "")?;
    let respondent = object(top, "respondent", "")?;
    only_fields(respondent, &["name", "role"], "respondent.")?;
    let respondent = FileRespondent {
        name: non_empty_string(respondent, "name", "respondent.")?,
        role: string(respondent, "role", "respondent.")?,
    };
    let token = non_empty_string(top, "token", "")?;
    let answers = parse_answers(field(top, "answers", "")?)?;
    let checksum = string(top, "checksum", "")?;
    let mut file = AnswersFile {
        format: FORMAT.to_string(),
        version: VERSION,
        assessment,
        respondent,
        token,
        answers,
        checksum: String::new(),
    };
    let expected = canonical_checksum(&file);
    // Hex is case-free; the file keeps the lowercase form CS Plan writes.
    if !checksum.eq_ignore_ascii_case(&expected) {
        return Err(AnswersFileError::ChecksumMismatch);
    }
    file.checksum = expected;
    Ok(file)
}

fn parse_answers(value: &Value) -> Result<Vec<Answer>, AnswersFileError> {
    let list = value
        .as_array()
        .ok_or_else(|| wrong_type("answers", "a list"))?;
    let mut answers: Vec<Answer> = Vec::with_capacity(list.len());
    for (index, item) in list.iter().enumerate() {
        let at = format!("answers[{index}]");
        let object = item
            .as_object()
            .ok_or_else(|| wrong_type(&at, "an object"))?;
        let prefix = format!("{at}.");
        only_fields(object, &["question", "level", "evidence", "note"], &prefix)?;
        let number = field(object, "question", &prefix)?;
        let question = number
            .as_u64()
            .and_then(|n| u8::try_from(n).ok())
            .filter(|n| (1..=QUESTION_COUNT).contains(n))
            .ok_or_else(|| AnswersFileError::UnknownQuestion {
                field: format!("{prefix}question"),
                number: number.to_string(),
            })?;
        if answers.iter().any(|a| a.question == question) {
            return Err(AnswersFileError::DuplicateQuestion {
                field: at,
                question,
            });
        }
        let level = field(object, "level", &prefix)?;
        let level = level.as_str().and_then(Level::from_key).ok_or_else(|| {
            AnswersFileError::UnknownLevel {
                field: format!("{prefix}level"),
                found: level.to_string(),
            }
        })?;
        answers.push(Answer {
            question,
            level,
            evidence: string(object, "evidence", &prefix)?,
            note: string(object, "note", &prefix)?,
        });
    }
    Ok(answers)
}

fn field<'a>(
    object: &'a Map<String, Value>,
    name: &str,
    prefix: &str,
) -> Result<&'a Value, AnswersFileError> {
    object
        .get(name)
        .ok_or_else(|| AnswersFileError::MissingField {
            field: format!("{prefix}{name}"),
        })
}

fn string(
    object: &Map<String, Value>,
    name: &str,
    prefix: &str,
) -> Result<String, AnswersFileError> {
    field(object, name, prefix)?
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| wrong_type(&format!("{prefix}{name}"), "text"))
}

fn non_empty_string(
    object: &Map<String, Value>,
    name: &str,
    prefix: &str,
) -> Result<String, AnswersFileError> {
    let text = string(object, name, prefix)?;
    if text.trim().is_empty() {
        return Err(AnswersFileError::EmptyField {
            field: format!("{prefix}{name}"),
        });
    }
    Ok(text)
}

fn object<'a>(
    object: &'a Map<String, Value>,
    name: &str,
    prefix: &str,
) -> Result<&'a Map<String, Value>, AnswersFileError> {
    field(object, name, prefix)?
        .as_object()
        .ok_or_else(|| wrong_type(&format!("{prefix}{name}"), "an object"))
}

/// Fields the canonical JSON does not cover would pass the checksum unseen, so they are refused.
fn only_fields(
    object: &Map<String, Value>,
    allowed: &[&str],
    prefix: &str,
) -> Result<(), AnswersFileError> {
    match object.keys().find(|key| !allowed.contains(&key.as_str())) {
        Some(key) => Err(AnswersFileError::UnexpectedField {
            field: format!("{prefix}{key}"),
        }),
        None => Ok(()),
    }
}

fn wrong_type(field: &str, expected: &str) -> AnswersFileError {
    AnswersFileError::WrongType {
        field: field.to_string(),
        expected: expected.to_string(),
    }
}

/// The canonical JSON of a file: everything but `checksum`, in the fixed key order documented at
/// the top of this module.
pub fn canonical_json(file: &AnswersFile) -> String {
    let mut out = String::new();
    out.push_str("{\"format\":");
    push_json_string(&mut out, &file.format);
    let _ = write!(out, ",\"version\":{}", file.version);
    out.push_str(",\"assessment\":");
    push_json_string(&mut out, &file.assessment);
    out.push_str(",\"respondent\":{\"name\":");
    push_json_string(&mut out, &file.respondent.name);
    out.push_str(",\"role\":");
    push_json_string(&mut out, &file.respondent.role);
    out.push_str("},\"token\":");
    push_json_string(&mut out, &file.token);
    out.push_str(",\"answers\":[");
    for (index, answer) in file.answers.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        let _ = write!(out, "{{\"question\":{},\"level\":", answer.question);
        push_json_string(&mut out, answer.level.key());
        out.push_str(",\"evidence\":");
        push_json_string(&mut out, &answer.evidence);
        out.push_str(",\"note\":");
        push_json_string(&mut out, &answer.note);
        out.push('}');
    }
    out.push_str("]}");
    out
}

/// Lowercase hex SHA-256 of the canonical JSON.
pub fn canonical_checksum(file: &AnswersFile) -> String {
    let digest = Sha256::digest(canonical_json(file).as_bytes());
    digest
        .iter()
        .fold(String::with_capacity(64), |mut hex, byte| {
            let _ = write!(hex, "{byte:02x}");
            hex
        })
}

/// A JSON string literal escaped exactly as `serde_json` and `JSON.stringify` escape it.
fn push_json_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            c if c < ' ' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
