//! The maturity report, the questionnaire page and the answers CSV, on a hand-made assessment
//! whose scores are worked out by hand under DOMAIN.md §4.1's scoring convention (Poor 1,
//! Average 2, Excellent 3; consensus = median; spread = highest - lowest).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use csplan_domain::maturity::{Answer, Level, RespondentAnswers, TrendPoint, questions};
use csplan_report::{
    AssessmentHeader, answers_csv, maturity_report_html, questionnaire_file_name,
    questionnaire_html,
};

fn respondent(name: &str, role: &str, levels: &str) -> RespondentAnswers {
    let answers = (1u8..)
        .zip(levels.chars())
        .filter_map(|(question, code)| {
            let level = match code {
                'P' => Level::Poor,
                'A' => Level::Average,
                'E' => Level::Excellent,
                _ => return None, // '-' leaves the question unanswered
            };
            Some(Answer {
                question,
                level,
                evidence: String::new(),
                note: String::new(),
            })
        })
        .collect();
    RespondentAnswers {
        name: name.to_string(),
        role: role.to_string(),
        answers,
    }
}

/// HTML-escaped as the page writes text.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn header() -> AssessmentHeader {
    AssessmentHeader {
        name: "H2 <review>".to_string(),
        assessed_on: "2026-06-30".to_string(),
    }
}

/// Q1: P, A, E -> median 2.0, spread 2. Q2: A, A, A -> 2.0, spread 0. Q9 unanswered by Cy:
/// E, E -> 3.0. Q3..Q8: P, P, P -> 1.0. Overall = (2 + 2 + 6 * 1 + 3) / 9 = 13 / 9 = 1.444.
fn team() -> Vec<RespondentAnswers> {
    let mut ana = respondent("Ana", "CEO", "PAPPPPPPE");
    ana.answers[0].evidence = "Reports to the CRO".to_string();
    ana.answers[0].note = "=HYPERLINK(\"x\")".to_string();
    vec![
        ana,
        respondent("Ben", "CFO", "AAPPPPPPE"),
        respondent("Cy <b>", "", "EAPPPPPP-"),
    ]
}

fn rows_of<'a>(html: &'a str, section: &str) -> &'a str {
    let start = html.find(section).unwrap();
    let end = start + html[start..].find("</table>").unwrap();
    &html[start..end]
}

#[test]
fn the_report_shows_the_scorecard_charts_trend_and_action_plan() {
    let trend = vec![
        TrendPoint {
            assessment: "H1 review".to_string(),
            assessed_on: "2026-01-31".to_string(),
            overall: Some(1.2),
            consensus: vec![Some(1.0); 9],
        },
        TrendPoint {
            assessment: "H2 <review>".to_string(),
            assessed_on: "2026-06-30".to_string(),
            overall: Some(13.0 / 9.0),
            consensus: vec![Some(2.0); 9],
        },
    ];
    let html = maturity_report_html(&header(), &team(), &trend);

    assert!(
        html.contains("Overall maturity: <strong>1.4</strong>"),
        "overall"
    );
    assert!(html.contains("from 9 of 9 questions answered"));
    assert!(html.contains(
        "Poor = 1, Average = 2, Excellent = 3, unweighted (CS Plan&#39;s convention; the source defines no points)"
    ));
    let scorecard = rows_of(&html, "<h2>Scorecard</h2>");
    let q1 = &scorecard[scorecard.find("<tr><td>Q1.").unwrap()..];
    let q1 = &q1[..q1.find("</tr>").unwrap()];
    assert!(q1.contains(r#"<td class="level lv-poor">Poor</td><td class="level lv-average">Average</td><td class="level lv-excellent">Excellent</td>"#), "{q1}");
    assert!(q1.contains("<td>2.0 · Average</td>"), "{q1}");
    assert!(q1.contains("2 · leaders disagree"), "{q1}");
    let q2 = &scorecard[scorecard.find("<tr><td>Q2.").unwrap()..];
    assert!(q2[..q2.find("</tr>").unwrap()].contains(r#"<td class="num">0</td>"#));
    let q9 = &scorecard[scorecard.find("<tr><td>Q9.").unwrap()..];
    let q9 = &q9[..q9.find("</tr>").unwrap()];
    assert!(
        q9.contains(r#"<td class="level lv-none">–</td>"#) && q9.contains("3.0 · Excellent"),
        "{q9}"
    );
    assert!(scorecard.contains("<th>1.4</th>"));

    // Radar, heat map and trend drawn inline, and nothing fetched.
    assert_eq!(html.matches("<svg").count(), 3);
    assert!(html.contains("Answers by respondent"));
    for loads in ["src=", "@import", "url(", "<link"] {
        assert!(!html.contains(loads), "{loads} would load something");
    }
    assert!(!html.contains("<?xml"));
    assert!(html.contains("<tr class=\"current\"><td>H2 &lt;review&gt; (this report)</td>"));

    // Action plan: Q1..Q8 (consensus Poor or Average), not Q9 (Excellent).
    let plan =
        &html[html.find("<h2>Action plan</h2>").unwrap()..html.find("<h2>Evidence").unwrap()];
    assert_eq!(plan.matches("<article class=\"action\">").count(), 8);
    assert!(!plan.contains("<h3>Q9."));
    let q1_text = questions()[0]
        .level_text(Level::Excellent)
        .unwrap()
        .text
        .clone();
    assert!(
        plan.contains(&format!("“{q1_text}”")),
        "Q1's next level, verbatim"
    );
    assert!(plan.contains("Sees it differently: Ana, Cy &lt;b&gt;."));

    // Evidence, escaped; printable on A4.
    assert!(html.contains("<td>Reports to the CRO</td><td>=HYPERLINK(&quot;x&quot;)</td>"));
    assert!(!html.contains("Cy <b>"));
    assert!(html.contains("@page { size: A4;"));
    assert!(html.contains("<title>H2 &lt;review&gt; – maturity report</title>"));
}

#[test]
fn a_report_without_answers_says_so() {
    let html = maturity_report_html(&header(), &[], &[]);
    assert!(html.contains("Overall maturity: <strong>–</strong>"));
    assert!(html.contains("No answers yet, so no action plan."));
    assert!(html.contains("No assessments to compare yet."));
    assert!(html.contains("No evidence or notes were given."));
}

#[test]
fn the_questionnaire_is_self_contained_and_quotes_every_level() {
    let mut ana = team().remove(0);
    ana.answers[0].evidence = "\nstarts with a newline".to_string();
    let html = questionnaire_html(
        &header(),
        &ana,
        "00ff00ff00ff00ff00ff00ff00ff00ff",
        &questions(),
    );
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    for attribute in ["src=", "href=", "@import", "url("] {
        assert!(
            !html.contains(attribute),
            "{attribute} would load something"
        );
    }
    assert_eq!(html.matches("<fieldset class=\"question\"").count(), 9);
    for question in questions() {
        assert!(html.contains(&format!("Source: {}", question.source)));
        for level in &question.levels {
            assert!(
                html.contains(&format!("“{}”", escaped(&level.text))),
                "Q{} {:?}",
                question.number,
                level.level
            );
        }
    }
    // Prefilled from the answers already given; the leading newline survives the parser.
    assert!(html.contains(r#"name="q1-level" value="poor" checked>"#));
    assert!(html.contains(r#"name="q2-level" value="average" checked>"#));
    assert!(html.contains("<textarea name=\"q1-evidence\">\n\nstarts with a newline</textarea>"));
    // The metadata carries what the answers file needs; the assessment name cannot end the script.
    let meta = &html[html.find("id=\"csplan-meta\">").unwrap()..];
    assert!(meta.contains("\"token\":\"00ff00ff00ff00ff00ff00ff00ff00ff\""));
    assert!(meta.contains("H2 \\u003creview\\u003e"));
    assert!(meta.contains("\"fileName\":\"H2 -review- - Ana.csplan-answers.json\""));
}

#[test]
fn file_names_drop_what_file_systems_refuse() {
    assert_eq!(
        questionnaire_file_name(" Q3: review ", "A/B"),
        "Q3- review - A-B.csplan-answers.json"
    );
}

#[test]
fn the_csv_has_every_respondent_and_question_and_neutralises_formulas() {
    let csv = answers_csv(&header(), &team());
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        headers,
        [
            "assessment",
            "assessed_on",
            "respondent",
            "role",
            "question",
            "heading",
            "level",
            "points",
            "evidence",
            "note"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 27);
    assert_eq!(&rows[0][2], "Ana");
    assert_eq!((&rows[0][6], &rows[0][7]), ("Poor", "1"));
    assert_eq!(&rows[0][8], "Reports to the CRO");
    assert_eq!(&rows[0][9], "'=HYPERLINK(\"x\")");
    // Cy did not answer Q9: the row is there, level and points empty.
    let last = &rows[26];
    assert_eq!(
        (&last[2], &last[4], &last[6], &last[7]),
        ("Cy <b>", "9", "", "")
    );
}
