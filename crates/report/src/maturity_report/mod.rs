//! The shareable maturity report: one self-contained HTML page, printable on A4 (to PDF from any
//! browser), with the scoring convention, the scorecard (respondents x questions, consensus and
//! spread), the radar and heat-map charts, the trend over assessments, the action plan (the next
//! level up, DOMAIN.md §4.1) and every evidence and note given. Scoring is the domain's.

mod sections;

use crate::AssessmentHeader;
use crate::html::{NO_SCRIPT_CSP, escape, page};
use csplan_domain::maturity::{RespondentAnswers, TrendPoint, action_plan, questions, score};

const CSS: &str = include_str!("report.css");

/// The report of one assessment. `respondents` are scored in the order given; `trend` is every
/// assessment of the workspace, oldest first (the store's `maturity_trend`), so the report shows
/// where this one sits.
pub fn maturity_report_html(
    assessment: &AssessmentHeader,
    respondents: &[RespondentAnswers],
    trend: &[TrendPoint],
) -> String {
    let questions = questions();
    let card = score(respondents);
    let actions = action_plan(&card);
    let mut body = String::new();
    sections::summary(&mut body, assessment, respondents, &card);
    sections::scorecard(&mut body, respondents, &card);
    sections::charts(&mut body, &questions, &card);
    sections::trend(&mut body, assessment, trend);
    sections::action_plan(&mut body, &card, &actions);
    sections::evidence(&mut body, respondents, &questions);
    let footer = format!(
        "<footer>Made with CS Plan. The 9 questions and their level statements are quoted from the
source (004_9d0b17255f58d23b.txt, with line numbers); the question headings are CS Plan's wording,
as the source gives none. {convention}.</footer>\n",
        convention = escape(&card.convention),
    );
    page(
        &format!("{} – maturity report", assessment.name),
        NO_SCRIPT_CSP,
        CSS,
        &(body + &footer),
        "",
    )
}
