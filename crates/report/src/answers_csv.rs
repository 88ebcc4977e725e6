//! Every answer of an assessment as CSV: one row per respondent and question, unanswered
//! questions included (with an empty level), so a spreadsheet pivot sees the full grid.

use crate::AssessmentHeader;
use crate::spreadsheet::neutralise;
use csplan_domain::maturity::{RespondentAnswers, questions};

const HEADER: [&str; 10] = [
    "assessment",
    "assessed_on",
    "respondent",
    "role",
    "question",
    "heading",
    "level",
    "points",
    "evidence",
    "note",
];

/// RFC 4180 CSV with a header row; every text cell is neutralised for spreadsheets.
pub fn answers_csv(assessment: &AssessmentHeader, respondents: &[RespondentAnswers]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing into memory cannot fail: the only errors are the sink's, and a Vec has none.
    let _ = writer.write_record(HEADER);
    let all = questions();
    for respondent in respondents {
        for question in &all {
            let answer = respondent
                .answers
                .iter()
                .find(|a| a.question == question.number);
            let row = [
                neutralise(&assessment.name),
                neutralise(&assessment.assessed_on),
                neutralise(&respondent.name),
                neutralise(&respondent.role),
                question.number.to_string(),
                neutralise(&question.heading),
                answer.map_or_else(String::new, |a| a.level.label().to_string()),
                answer.map_or_else(String::new, |a| a.level.points().to_string()),
                answer.map_or_else(String::new, |a| neutralise(&a.evidence)),
                answer.map_or_else(String::new, |a| neutralise(&a.note)),
            ];
            let _ = writer.write_record(&row);
        }
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
