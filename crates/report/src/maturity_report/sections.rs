//! The report's sections, each appended to the page body in reading order.

use crate::AssessmentHeader;
use crate::html::{escape, score};
use csplan_charts::maturity;
use csplan_domain::maturity::{
    ActionItem, Level, Question, RespondentAnswers, ScoreCard, TrendPoint,
};
use std::fmt::Write as _;

// Writing into a String cannot fail, so the results of write! are ignored throughout.

pub(super) fn summary(
    out: &mut String,
    assessment: &AssessmentHeader,
    respondents: &[RespondentAnswers],
    card: &ScoreCard,
) {
    let team: Vec<String> = respondents.iter().map(person).collect();
    let _ = write!(
        out,
        r#"<h1>{name}</h1>
<p class="meta">Maturity self-assessment of {date} · {count} · {team}</p>
<p class="overall">Overall maturity: <strong>{overall}</strong> on a scale of 1 (Poor) to 3 (Excellent), from {answered} of 9 questions answered.</p>
<p class="convention">Scoring: {convention}. Consensus is the median of the answers to a question; a half level (e.g. 1.5) counts as the level below. Spread is the highest minus the lowest answer.</p>
"#,
        name = escape(&assessment.name),
        date = escape(&assessment.assessed_on),
        count = match respondents.len() {
            1 => "1 respondent".to_string(),
            n => format!("{n} respondents"),
        },
        team = if team.is_empty() {
            "no respondents yet".to_string()
        } else {
            team.join(", ")
        },
        overall = score(card.overall),
        answered = card.answered,
        convention = escape(&card.convention),
    );
}

fn person(respondent: &RespondentAnswers) -> String {
    if respondent.role.trim().is_empty() {
        escape(&respondent.name)
    } else {
        format!(
            "{} ({})",
            escape(&respondent.name),
            escape(&respondent.role)
        )
    }
}

fn level_cell(level: Option<Level>) -> String {
    match level {
        Some(level) => format!(
            r#"<td class="level lv-{}">{}</td>"#,
            level.key(),
            level.label()
        ),
        None => r#"<td class="level lv-none">–</td>"#.to_string(),
    }
}

pub(super) fn scorecard(out: &mut String, respondents: &[RespondentAnswers], card: &ScoreCard) {
    out.push_str("<h2>Scorecard</h2>\n<table>\n<thead><tr><th>Question</th>");
    for respondent in respondents {
        let _ = write!(
            out,
            r#"<th>{}<span class="role">{}</span></th>"#,
            escape(&respondent.name),
            escape(&respondent.role)
        );
    }
    out.push_str(r#"<th>Consensus</th><th class="num">Spread</th></tr></thead>"#);
    out.push_str("\n<tbody>\n");
    for result in &card.questions {
        let _ = write!(
            out,
            "<tr><td>Q{}. {}</td>",
            result.number,
            escape(&result.heading)
        );
        for level in &result.levels {
            out.push_str(&level_cell(*level));
        }
        let consensus = match (result.consensus, result.consensus_level) {
            (Some(value), Some(level)) => format!("{value:.1} · {}", level.label()),
            _ => "not answered".to_string(),
        };
        let spread = match result.spread {
            Some(spread) if result.disagreement => {
                format!(r#"<span class="disagree">{spread} · leaders disagree</span>"#)
            }
            Some(spread) => spread.to_string(),
            None => "–".to_string(),
        };
        let _ = writeln!(
            out,
            r#"<td>{consensus}</td><td class="num">{spread}</td></tr>"#
        );
    }
    let _ = writeln!(
        out,
        r#"</tbody>
<tfoot><tr><th colspan="{span}">Overall (mean of the consensus values)</th><th>{overall}</th><th></th></tr></tfoot>
</table>"#,
        span = respondents.len() + 1,
        overall = score(card.overall),
    );
}

pub(super) fn charts(out: &mut String, questions: &[Question], card: &ScoreCard) {
    let labels: Vec<String> = questions.iter().map(Question::short_label).collect();
    let consensus: Vec<Option<f64>> = card.questions.iter().map(|q| q.consensus).collect();
    let levels: Vec<Vec<Option<u8>>> = (0..card.respondents.len())
        .map(|r| {
            card.questions
                .iter()
                .map(|q| q.levels.get(r).copied().flatten().map(Level::points))
                .collect()
        })
        .collect();
    let _ = write!(
        out,
        r#"<h2>Charts</h2>
<div class="charts">
<figure>{radar}<figcaption>Consensus per question on the 1–3 scale.</figcaption></figure>
<figure>{heat_map}<figcaption>Each respondent's answer per question; mixed shades in a column show disagreement.</figcaption></figure>
</div>
"#,
        radar = inline_svg(&maturity::radar(&labels, &consensus)),
        heat_map = inline_svg(&maturity::heat_map(&card.respondents, &labels, &levels)),
    );
}

/// An SVG document as an element of the page: an XML declaration, if any, has no place there.
fn inline_svg(svg: &str) -> &str {
    match svg.find("<svg") {
        Some(start) => &svg[start..],
        None => svg,
    }
}

pub(super) fn trend(out: &mut String, assessment: &AssessmentHeader, trend: &[TrendPoint]) {
    out.push_str("<h2>Trend</h2>\n");
    if trend.is_empty() {
        out.push_str("<p class=\"note\">No assessments to compare yet.</p>\n");
        return;
    }
    let points: Vec<(String, Option<f64>)> = trend
        .iter()
        .map(|p| (p.assessment.clone(), p.overall))
        .collect();
    let _ = write!(
        out,
        r#"<div class="trend"><figure>{chart}<figcaption>Overall maturity of every assessment, oldest first.</figcaption></figure></div>
<table>
<thead><tr><th>Assessment</th><th>Date</th><th class="num">Overall</th></tr></thead>
<tbody>
"#,
        chart = inline_svg(&maturity::trend(&points)),
    );
    for point in trend {
        let current = point.assessment == assessment.name;
        let _ = writeln!(
            out,
            r#"<tr{class}><td>{name}{mark}</td><td>{date}</td><td class="num">{overall}</td></tr>"#,
            class = if current { r#" class="current""# } else { "" },
            name = escape(&point.assessment),
            mark = if current { " (this report)" } else { "" },
            date = escape(&point.assessed_on),
            overall = score(point.overall),
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

pub(super) fn action_plan(out: &mut String, card: &ScoreCard, actions: &[ActionItem]) {
    out.push_str("<h2>Action plan</h2>\n");
    if card.answered == 0 {
        out.push_str("<p class=\"note\">No answers yet, so no action plan.</p>\n");
        return;
    }
    if actions.is_empty() {
        out.push_str(
            "<p class=\"note\">Every answered question is at Excellent: there is no level to move up to.</p>\n",
        );
        return;
    }
    out.push_str(
        "<p>“If your company sits in the “poor” or “average” groups in any of the 9 questions, use this as a framework for advocating for the changes required to move to the next level.” (004_9d0b17255f58d23b.txt L79)</p>\n",
    );
    for item in actions {
        let _ = write!(
            out,
            r#"<article class="action">
<h3>Q{n}. {heading}</h3>
<p>Now <strong>{current}</strong>; the next level is <strong>{next}</strong>:</p>
<blockquote>“{text}”</blockquote>
"#,
            n = item.number,
            heading = escape(&item.heading),
            current = item.current.label(),
            next = item.next.level.label(),
            text = escape(&item.next.text),
        );
        if !item.next.commentary.is_empty() {
            out.push_str("<ul>");
            for line in &item.next.commentary {
                let _ = write!(out, "<li>“{}”</li>", escape(line));
            }
            out.push_str("</ul>\n");
        }
        if !item.dissenters.is_empty() {
            let names: Vec<String> = item.dissenters.iter().map(|n| escape(n)).collect();
            let _ = writeln!(
                out,
                "<p>Sees it differently: {}. Hear them out before agreeing the plan.</p>",
                names.join(", ")
            );
        }
        if let Some(helps) = &item.helps {
            let _ = writeln!(
                out,
                "<p>In CS Plan: {} (the {} page).</p>",
                escape(&helps.label),
                escape(&helps.page)
            );
        }
        out.push_str("</article>\n");
    }
}

pub(super) fn evidence(
    out: &mut String,
    respondents: &[RespondentAnswers],
    questions: &[Question],
) {
    out.push_str("<h2>Evidence and notes</h2>\n");
    let mut any = false;
    for question in questions {
        let given: Vec<(&RespondentAnswers, &str, &str)> = respondents
            .iter()
            .filter_map(|r| {
                let answer = r.answers.iter().find(|a| a.question == question.number)?;
                let (evidence, note) = (answer.evidence.trim(), answer.note.trim());
                (!evidence.is_empty() || !note.is_empty()).then_some((r, evidence, note))
            })
            .collect();
        if given.is_empty() {
            continue;
        }
        any = true;
        let _ = writeln!(
            out,
            "<h3>Q{}. {}</h3>\n<table>\n<thead><tr><th>Respondent</th><th>Level</th><th>Evidence</th><th>Note</th></tr></thead>\n<tbody>",
            question.number,
            escape(&question.heading)
        );
        for (respondent, evidence, note) in given {
            let level = respondent.level_for(question.number);
            let _ = writeln!(
                out,
                "<tr><td>{}</td>{}<td>{}</td><td>{}</td></tr>",
                person(respondent),
                level_cell(level),
                escape(evidence),
                escape(note)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    if !any {
        out.push_str("<p class=\"note\">No evidence or notes were given.</p>\n");
    }
}
