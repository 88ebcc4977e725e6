//! The maturity self-assessment (DOMAIN.md §4.1): dated assessments, the leaders answering them,
//! their answers, and the scorecard with its charts and action plan. Scoring is the domain's, the
//! records the store's, the charts csplan-charts'; these commands only connect them.

use crate::dialogs;
use crate::error::ApiError;
use crate::state::AppState;
use csplan_domain::maturity::{
    ActionItem, Answer, Level, Question, RespondentAnswers, ScoreCard, TrendPoint, action_plan,
    level_for_review_cadence, parse_answers_file, questions, score,
};
use csplan_report::AssessmentHeader;
use csplan_store::{Assessment, AssessmentSummary, MergeSummary, RespondentRecord, Store};
use serde::Serialize;
use std::path::Path;
use tauri::State;
use ts_rs::TS;

/// The scorecard's charts as SVG documents, ready to inline.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MaturityCharts {
    /// The consensus level per question.
    pub radar: String,
    /// Every leader's level per question.
    pub heat_map: String,
    /// The overall score of every assessment, oldest first.
    pub trend: String,
}

/// One assessment as the Maturity page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MaturityView {
    pub assessment: Assessment,
    pub card: ScoreCard,
    /// Every question whose consensus is Poor or Average, with the next level's text.
    pub actions: Vec<ActionItem>,
    pub charts: MaturityCharts,
    /// The questions' short labels as the charts name them, e.g. "Q4 Cost to retain".
    pub labels: Vec<String>,
    /// Every assessment of the workspace, oldest first.
    pub trend: Vec<TrendPoint>,
    /// What this workspace's capacity plan already covers, as evidence for question 4.
    pub capacity_evidence: String,
}

/// The 9 questions with the source's level texts.
#[tauri::command]
pub fn maturity_questions() -> Vec<Question> {
    questions()
}

/// Newest first.
#[tauri::command]
pub async fn maturity_list(state: State<'_, AppState>) -> Result<Vec<AssessmentSummary>, ApiError> {
    Ok(state.store().await?.list_assessments().await?)
}

#[tauri::command]
pub async fn maturity_create(
    state: State<'_, AppState>,
    name: String,
    assessed_on: String,
) -> Result<Assessment, ApiError> {
    Ok(state
        .store()
        .await?
        .create_assessment(&name, &assessed_on)
        .await?)
}

/// An assessment scored, with its charts, action plan and the trend of all assessments.
#[tauri::command]
pub async fn maturity_open(state: State<'_, AppState>, id: i64) -> Result<MaturityView, ApiError> {
    let store = state.store().await?;
    let assessment = store.assessment(id).await?;
    let trend = store.maturity_trend().await?;
    let capacity_evidence = capacity_evidence(&store).await?;
    Ok(view(assessment, trend, capacity_evidence))
}

#[tauri::command]
pub async fn maturity_delete(state: State<'_, AppState>, id: i64) -> Result<(), ApiError> {
    Ok(state.store().await?.delete_assessment(id).await?)
}

#[tauri::command]
pub async fn maturity_add_respondent(
    state: State<'_, AppState>,
    assessment_id: i64,
    name: String,
    role: String,
) -> Result<RespondentRecord, ApiError> {
    Ok(state
        .store()
        .await?
        .add_respondent(assessment_id, &name, &role)
        .await?)
}

#[tauri::command]
pub async fn maturity_remove_respondent(
    state: State<'_, AppState>,
    respondent_id: i64,
) -> Result<(), ApiError> {
    Ok(state
        .store()
        .await?
        .remove_respondent(respondent_id)
        .await?)
}

/// Saves one leader's answer to one question (a new level, evidence or note replaces the old).
#[tauri::command]
pub async fn maturity_answer(
    state: State<'_, AppState>,
    respondent_id: i64,
    answer: Answer,
) -> Result<(), ApiError> {
    Ok(state
        .store()
        .await?
        .save_answer(respondent_id, &answer)
        .await?)
}

#[tauri::command]
pub async fn maturity_clear_answer(
    state: State<'_, AppState>,
    respondent_id: i64,
    question: u8,
) -> Result<(), ApiError> {
    Ok(state
        .store()
        .await?
        .clear_answer(respondent_id, question)
        .await?)
}

/// Question 9's level for the number of days between the executive team's feedback reviews.
#[tauri::command]
pub fn maturity_cadence_level(days: f64) -> Result<Level, ApiError> {
    if !days.is_finite() || days <= 0.0 {
        return Err(ApiError::new(
            "invalid-cadence",
            format!(
                "{days} days between reviews is not a cadence: enter a number of days above 0, e.g. 1 for daily or 30 for monthly."
            ),
        ));
    }
    Ok(level_for_review_cadence(days))
}

/// Saves the HTML questionnaire one leader fills in on their own, pre-filled with the answers they
/// already gave. Returns the saved file's path; `None` when the person cancels the dialog.
#[tauri::command]
pub async fn maturity_export_questionnaire(
    state: State<'_, AppState>,
    respondent_id: i64,
) -> Result<Option<String>, ApiError> {
    let store = state.store().await?;
    let (assessment, respondent) = find_respondent(&store, respondent_id).await?;
    // The answers file the page downloads is named after the same two names.
    let answers_name = csplan_report::questionnaire_file_name(&assessment.name, &respondent.name);
    let stem = answers_name.trim_end_matches(".csplan-answers.json");
    let html = csplan_report::questionnaire_html(
        &header(&assessment),
        &answers_of(&respondent),
        &respondent.token,
        &questions(),
    );
    dialogs::save_text(
        &format!("Save the questionnaire for {}", respondent.name),
        &format!("{stem} - questionnaire.html"),
        ("HTML page", &["html"]),
        &html,
    )
    .await
}

/// Merges an answers file a leader sent back. A file that is not a valid answers file, or that
/// names an assessment, leader or token this workspace does not have, changes nothing and comes
/// back as an error naming the file and what is wrong. `None` when the person cancels.
#[tauri::command]
pub async fn maturity_import_answers(
    state: State<'_, AppState>,
) -> Result<Option<MergeSummary>, ApiError> {
    let filter = ("CS Plan answers", &["json"][..]);
    let Some(file) = dialogs::pick_file("Import a leader's answers", filter).await else {
        return Ok(None);
    };
    Ok(Some(import_answers(&*state.store().await?, &file).await?))
}

/// Reads, verifies and merges one answers file.
pub async fn import_answers(store: &Store, path: &Path) -> Result<MergeSummary, ApiError> {
    let (name, text) = dialogs::read_text(path)?;
    let file = parse_answers_file(&text).map_err(|e| {
        ApiError::new(
            "invalid-answers-file",
            format!("{name} was not imported: {e}. Nothing was changed."),
        )
    })?;
    store.merge_answers(&file).await.map_err(|e| {
        let error = ApiError::from(e);
        ApiError::new(&error.code, format!("{name}: {}", error.message))
    })
}

/// Saves the printable report of an assessment (scorecard, charts, action plan, evidence).
#[tauri::command]
pub async fn maturity_export_report(
    state: State<'_, AppState>,
    id: i64,
) -> Result<Option<String>, ApiError> {
    let store = state.store().await?;
    let assessment = store.assessment(id).await?;
    let trend = store.maturity_trend().await?;
    let html = csplan_report::maturity_report_html(
        &header(&assessment),
        &assessment.respondent_answers(),
        &trend,
    );
    dialogs::save_text(
        "Save the maturity report",
        &format!("{} - maturity report.html", assessment.name),
        ("HTML page", &["html"]),
        &html,
    )
    .await
}

/// Saves every answer of an assessment as CSV, one row per leader and question.
#[tauri::command]
pub async fn maturity_export_answers_csv(
    state: State<'_, AppState>,
    id: i64,
) -> Result<Option<String>, ApiError> {
    let store = state.store().await?;
    let assessment = store.assessment(id).await?;
    let csv = csplan_report::answers_csv(&header(&assessment), &assessment.respondent_answers());
    dialogs::save_text(
        "Save the answers as CSV",
        &format!("{} - answers.csv", assessment.name),
        ("CSV file", &["csv"]),
        &csv,
    )
    .await
}

fn header(assessment: &Assessment) -> AssessmentHeader {
    AssessmentHeader {
        name: assessment.name.clone(),
        assessed_on: assessment.assessed_on.clone(),
    }
}

fn answers_of(respondent: &RespondentRecord) -> RespondentAnswers {
    RespondentAnswers {
        name: respondent.name.clone(),
        role: respondent.role.clone(),
        answers: respondent.answers.clone(),
    }
}

/// The assessment a leader answers and their record. Assessments are few, so they are searched.
async fn find_respondent(
    store: &Store,
    respondent_id: i64,
) -> Result<(Assessment, RespondentRecord), ApiError> {
    for summary in store.list_assessments().await? {
        let assessment = store.assessment(summary.id).await?;
        if let Some(respondent) = assessment
            .respondents
            .iter()
            .find(|r| r.id == respondent_id)
            .cloned()
        {
            return Ok((assessment, respondent));
        }
    }
    Err(ApiError::new(
        "not-found",
        "This leader is no longer in the workspace; they may have been removed in another window. Reload the page.",
    ))
}

/// Scores the assessment and draws its charts, all from the same score card.
pub fn view(
    assessment: Assessment,
    trend: Vec<TrendPoint>,
    capacity_evidence: String,
) -> MaturityView {
    let card = score(&assessment.respondent_answers());
    let actions = action_plan(&card);
    let labels: Vec<String> = questions().iter().map(Question::short_label).collect();
    let consensus: Vec<Option<f64>> = card.questions.iter().map(|q| q.consensus).collect();
    // The heat map reads [respondent][question] in points.
    let levels: Vec<Vec<Option<u8>>> = (0..card.respondents.len())
        .map(|r| {
            card.questions
                .iter()
                .map(|q| q.levels.get(r).copied().flatten().map(Level::points))
                .collect()
        })
        .collect();
    let trend_points: Vec<(String, Option<f64>)> = trend
        .iter()
        // The dates fit under the axis where assessment names would be cut short.
        .map(|p| (p.assessed_on.clone(), p.overall))
        .collect();
    let charts = MaturityCharts {
        radar: csplan_charts::maturity::radar(&labels, &consensus),
        heat_map: csplan_charts::maturity::heat_map(&card.respondents, &labels, &levels),
        trend: csplan_charts::maturity::trend(&trend_points),
    };
    MaturityView {
        assessment,
        card,
        actions,
        charts,
        labels,
        trend,
        capacity_evidence,
    }
}

/// Question 4 asks how well the company understands the cost to retain a customer; the Capacity
/// page's saved scenarios are this workspace's answer so far. Scenarios hold ARR per CSM (a rule
/// of thumb, the Average level) and an activity catalogue (bottom-up); they have no forecast,
/// ramp-up or hiring-ahead inputs, which the Excellent level names.
async fn capacity_evidence(store: &Store) -> Result<String, ApiError> {
    let info = store.workspace_info().await?;
    let missing = "forecast, ramp-up of new CSMs and hiring ahead are not planned yet";
    Ok(match info.scenarios {
        0 => format!(
            "No capacity scenario is saved in this workspace yet ({} accounts); {missing}.",
            info.accounts
        ),
        n => format!(
            "{n} saved capacity {} with top-down (ARR per CSM) and bottom-up (activities per customer) headcount per segment for {} accounts; {missing}.",
            if n == 1 { "scenario" } else { "scenarios" },
            info.accounts
        ),
    })
}
