//! One maturity assessment as text for people (table) and for scripts (JSON): the scorecard of
//! csplan_domain::maturity::score and the action plan of action_plan, nothing recomputed here.

use anyhow::Result;
use comfy_table::{CellAlignment, Table, presets::UTF8_FULL_CONDENSED};
use csplan_domain::maturity::{
    ActionItem, Level, RespondentAnswers, ScoreCard, action_plan, questions, score,
};
use csplan_report::AssessmentHeader;
use csplan_store::AssessmentSummary;
use serde::Serialize;
use std::io::Write;

pub fn list_table(assessments: &[AssessmentSummary], out: &mut impl Write) -> Result<()> {
    if assessments.is_empty() {
        writeln!(
            out,
            "No maturity assessments in this workspace yet. Create one on the Maturity page."
        )?;
        return Ok(());
    }
    let mut table = Table::new();
    table.load_preset(UTF8_FULL_CONDENSED).set_header(vec![
        "Assessment",
        "Date",
        "Respondents",
        "Answers",
    ]);
    for a in assessments {
        table.add_row(vec![
            a.name.clone(),
            a.assessed_on.clone(),
            a.respondents.to_string(),
            a.answers.to_string(),
        ]);
    }
    for index in [2, 3] {
        if let Some(column) = table.column_mut(index) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    writeln!(out, "{table}")?;
    Ok(())
}

/// What `--format json` prints: the respondents' answers (without their tokens), the scorecard
/// and the action plan.
#[derive(Serialize)]
struct ReportJson<'a> {
    assessment: &'a str,
    assessed_on: &'a str,
    respondents: &'a [RespondentAnswers],
    scorecard: ScoreCard,
    action_plan: Vec<ActionItem>,
}

pub fn report_json(
    header: &AssessmentHeader,
    respondents: &[RespondentAnswers],
    out: &mut impl Write,
) -> Result<()> {
    let scorecard = score(respondents);
    let report = ReportJson {
        assessment: &header.name,
        assessed_on: &header.assessed_on,
        respondents,
        action_plan: action_plan(&scorecard),
        scorecard,
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)?;
    Ok(())
}

fn score_text(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_string(), |v| format!("{v:.1}"))
}

fn level_text(level: Option<Level>) -> String {
    level.map_or_else(|| "-".to_string(), |l| l.label().to_string())
}

pub fn report_table(
    header: &AssessmentHeader,
    respondents: &[RespondentAnswers],
    out: &mut impl Write,
) -> Result<()> {
    let card = score(respondents);
    let labels: Vec<String> = questions().iter().map(|q| q.short_label()).collect();
    writeln!(
        out,
        "{} ({}): overall maturity {} of 3, {} of 9 questions answered, {} respondents.",
        header.name,
        header.assessed_on,
        score_text(card.overall),
        card.answered,
        respondents.len()
    )?;
    let mut table = Table::new();
    let mut heading = vec!["Question".to_string()];
    heading.extend(respondents.iter().map(|r| {
        if r.role.trim().is_empty() {
            r.name.clone()
        } else {
            format!("{}\n{}", r.name, r.role)
        }
    }));
    heading.extend(["Consensus", "Level", "Spread"].map(String::from));
    table.load_preset(UTF8_FULL_CONDENSED).set_header(heading);
    for (result, label) in card.questions.iter().zip(&labels) {
        let mut row = vec![label.clone()];
        row.extend(result.levels.iter().map(|l| level_text(*l)));
        row.push(score_text(result.consensus));
        row.push(level_text(result.consensus_level));
        row.push(match result.spread {
            Some(spread) if result.disagreement => format!("{spread} disagree"),
            Some(spread) => spread.to_string(),
            None => "-".to_string(),
        });
        table.add_row(row);
    }
    let consensus_column = respondents.len() + 1;
    for index in [consensus_column, consensus_column + 2] {
        if let Some(column) = table.column_mut(index) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    writeln!(out, "{table}")?;
    writeln!(out, "Scoring: {}.", card.convention)?;
    let actions = action_plan(&card);
    if !actions.is_empty() {
        writeln!(out, "Action plan (the next level up):")?;
    }
    for item in &actions {
        writeln!(out, "- Q{} {}", item.number, item.heading)?;
        writeln!(
            out,
            "  {} -> {}: \"{}\"",
            item.current.label(),
            item.next.level.label(),
            item.next.text
        )?;
        if !item.dissenters.is_empty() {
            writeln!(out, "  Sees it differently: {}", item.dissenters.join(", "))?;
        }
    }
    Ok(())
}
