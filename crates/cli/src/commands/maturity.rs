//! `csplan maturity list | report | import-answers`: the same store, domain and report calls as
//! the app's Maturity page.

use crate::maturity_args::{ListFormat, MaturityWhat, ReportFormat};
use crate::maturity_output;
use anyhow::{Context, Result, bail};
use csplan_domain::maturity::parse_answers_file;
use csplan_report::AssessmentHeader;
use csplan_store::{Store, StoreError};
use std::io::Write;
use std::path::Path;
use std::time::Duration;

pub async fn run(what: MaturityWhat) -> Result<()> {
    match what {
        MaturityWhat::List { db, format } => list(&db, format).await,
        MaturityWhat::Report {
            db,
            assessment,
            format,
        } => report(&db, &assessment, format).await,
        MaturityWhat::ImportAnswers { file, db } => import_answers(&file, &db).await,
    }
}

async fn open(db: &Path) -> Result<Store> {
    Ok(Store::open_with(db, None, Duration::from_secs(5)).await?)
}

async fn list(db: &Path, format: ListFormat) -> Result<()> {
    let store = open(db).await?;
    let assessments = store.list_assessments().await;
    store.close().await;
    let assessments = assessments?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match format {
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &assessments)?;
            writeln!(out)?;
        }
        ListFormat::Table => maturity_output::list_table(&assessments, &mut out)?,
    }
    Ok(())
}

async fn report(db: &Path, name: &str, format: ReportFormat) -> Result<()> {
    let store = open(db).await?;
    let loaded = async {
        let assessment = match store.assessment_by_name(name).await {
            Err(StoreError::NotFound { .. }) => bail!(not_found(&store, name).await?),
            other => other?,
        };
        let trend = store.maturity_trend().await?;
        Ok((assessment, trend))
    }
    .await;
    store.close().await;
    let (assessment, trend) = loaded?;
    let header = AssessmentHeader {
        name: assessment.name.clone(),
        assessed_on: assessment.assessed_on.clone(),
    };
    let respondents = assessment.respondent_answers();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match format {
        ReportFormat::Table => maturity_output::report_table(&header, &respondents, &mut out)?,
        ReportFormat::Json => maturity_output::report_json(&header, &respondents, &mut out)?,
        ReportFormat::Html => out.write_all(
            csplan_report::maturity_report_html(&header, &respondents, &trend).as_bytes(),
        )?,
        ReportFormat::Csv => {
            out.write_all(csplan_report::answers_csv(&header, &respondents).as_bytes())?
        }
    }
    Ok(())
}

/// Names the assessments there are, so a typo is fixed without another command.
async fn not_found(store: &Store, name: &str) -> Result<String> {
    let names: Vec<String> = store
        .list_assessments()
        .await?
        .into_iter()
        .map(|a| format!("\"{}\"", a.name))
        .collect();
    let there = if names.is_empty() {
        "it has no assessments yet".to_string()
    } else {
        format!("its assessments are {}", names.join(", "))
    };
    Ok(format!(
        "there is no assessment named \"{}\" in {} ({there})",
        name.trim(),
        store.path().display()
    ))
}

/// The file is read and verified before the workspace is opened: a file that is not a valid
/// answers file never touches the database.
async fn import_answers(file: &Path, db: &Path) -> Result<()> {
    let text = std::fs::read_to_string(file)
        .with_context(|| format!("cannot read the answers file {}", file.display()))?;
    let answers = parse_answers_file(&text)
        .with_context(|| format!("{} was not merged, nothing was changed", file.display()))?;
    let store = open(db).await?;
    let merged = store.merge_answers(&answers).await;
    store.close().await;
    let summary = merged.with_context(|| format!("{}", file.display()))?;
    println!(
        "Merged {} into \"{}\" for {}: {} added, {} changed, {} unchanged.",
        file.display(),
        summary.assessment,
        summary.respondent,
        summary.added,
        summary.changed,
        summary.unchanged
    );
    Ok(())
}
