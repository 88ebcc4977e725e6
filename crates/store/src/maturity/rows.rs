//! Assessments, respondents and answers <-> rows of maturity_assessments, maturity_respondents
//! and maturity_answers. Levels are stored as the keys 'poor' / 'average' / 'excellent', the same
//! words the answers file uses.

use super::{Assessment, RespondentRecord};
use csplan_domain::maturity::{Answer, Level};
use sqlx::FromRow;
use sqlx::sqlite::SqliteConnection;

#[derive(FromRow)]
struct AssessmentRow {
    id: i64,
    name: String,
    assessed_on: String,
}

#[derive(FromRow)]
struct RespondentRow {
    id: i64,
    name: String,
    role: String,
    token: String,
}

#[derive(FromRow)]
struct AnswerRow {
    respondent_id: i64,
    question: i64,
    level: String,
    evidence: String,
    note: String,
}

/// The column's CHECK constraint allows only the three keys; anything else means the file was
/// edited outside CS Plan, which is reported rather than guessed at.
fn level_from_key(key: &str) -> Result<Level, sqlx::Error> {
    Level::from_key(key).ok_or_else(|| {
        sqlx::Error::Decode(
            format!("maturity_answers.level holds \"{key}\", not poor, average or excellent")
                .into(),
        )
    })
}

pub(super) async fn load(
    conn: &mut SqliteConnection,
    id: i64,
) -> Result<Option<Assessment>, sqlx::Error> {
    let row: Option<AssessmentRow> =
        sqlx::query_as("SELECT id, name, assessed_on FROM maturity_assessments WHERE id = ?1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let respondents: Vec<RespondentRow> = sqlx::query_as(
        "SELECT id, name, role, token FROM maturity_respondents
         WHERE assessment_id = ?1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let answers: Vec<AnswerRow> = sqlx::query_as(
        "SELECT a.respondent_id, a.question, a.level, a.evidence, a.note
         FROM maturity_answers AS a
         JOIN maturity_respondents AS r ON r.id = a.respondent_id
         WHERE r.assessment_id = ?1
         ORDER BY a.respondent_id, a.question",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let mut records: Vec<RespondentRecord> = respondents
        .into_iter()
        .map(|r| RespondentRecord {
            id: r.id,
            name: r.name,
            role: r.role,
            token: r.token,
            answers: Vec::new(),
        })
        .collect();
    for answer in answers {
        let question = u8::try_from(answer.question).map_err(|_| {
            sqlx::Error::Decode(
                format!("maturity_answers.question holds {}", answer.question).into(),
            )
        })?;
        if let Some(record) = records.iter_mut().find(|r| r.id == answer.respondent_id) {
            record.answers.push(Answer {
                question,
                level: level_from_key(&answer.level)?,
                evidence: answer.evidence,
                note: answer.note,
            });
        }
    }
    Ok(Some(Assessment {
        id: row.id,
        name: row.name,
        assessed_on: row.assessed_on,
        respondents: records,
    }))
}

pub(super) async fn load_respondent(
    conn: &mut SqliteConnection,
    respondent_id: i64,
) -> Result<Option<RespondentRecord>, sqlx::Error> {
    let assessment_id: Option<i64> =
        sqlx::query_scalar("SELECT assessment_id FROM maturity_respondents WHERE id = ?1")
            .bind(respondent_id)
            .fetch_optional(&mut *conn)
            .await?;
    let Some(assessment_id) = assessment_id else {
        return Ok(None);
    };
    Ok(load(conn, assessment_id)
        .await?
        .and_then(|a| a.respondents.into_iter().find(|r| r.id == respondent_id)))
}

/// The respondent's stored answer to `question`, if any.
pub(super) async fn answer(
    conn: &mut SqliteConnection,
    respondent_id: i64,
    question: u8,
) -> Result<Option<Answer>, sqlx::Error> {
    let row: Option<AnswerRow> = sqlx::query_as(
        "SELECT respondent_id, question, level, evidence, note FROM maturity_answers
         WHERE respondent_id = ?1 AND question = ?2",
    )
    .bind(respondent_id)
    .bind(i64::from(question))
    .fetch_optional(&mut *conn)
    .await?;
    match row {
        Some(row) => Ok(Some(Answer {
            question,
            level: level_from_key(&row.level)?,
            evidence: row.evidence,
            note: row.note,
        })),
        None => Ok(None),
    }
}

/// Inserts or replaces one answer. An answer identical to the stored one is left alone, its
/// answered_at included, so saving or merging the same answer again changes no row.
pub(super) async fn upsert_answer(
    conn: &mut SqliteConnection,
    respondent_id: i64,
    answer: &Answer,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO maturity_answers (respondent_id, question, level, evidence, note, answered_at)
         VALUES (?1, ?2, ?3, ?4, ?5, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
         ON CONFLICT (respondent_id, question) DO UPDATE SET
             level = excluded.level, evidence = excluded.evidence, note = excluded.note,
             answered_at = excluded.answered_at
         WHERE level IS NOT excluded.level OR evidence IS NOT excluded.evidence
            OR note IS NOT excluded.note",
    )
    .bind(respondent_id)
    .bind(i64::from(answer.question))
    .bind(answer.level.key())
    .bind(&answer.evidence)
    .bind(&answer.note)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
