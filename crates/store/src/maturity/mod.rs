//! The maturity self-assessment (DOMAIN.md §4.1): dated assessments, the leaders who answer
//! them, their answers, and the merge of answers files filled in outside the app. Every write is
//! one transaction; scoring is the domain's (`csplan_domain::maturity::score`).

pub(crate) mod demo;
mod merge;
mod names;
mod rows;
mod token;
mod trend;

use crate::workspace::count;
use crate::{Store, StoreError};
use csplan_domain::maturity::{Answer, RespondentAnswers};
use serde::{Deserialize, Serialize};
use sqlx::sqlite::Sqlite;
use sqlx::{FromRow, Transaction};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AssessmentSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    /// YYYY-MM-DD.
    pub assessed_on: String,
    #[ts(type = "number")]
    pub respondents: u64,
    /// Answers given so far, over all respondents (at most 9 each).
    #[ts(type = "number")]
    pub answers: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RespondentRecord {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub role: String,
    /// Issued at creation; an answers file must carry it to be merged.
    pub token: String,
    /// In question order; unanswered questions are absent.
    pub answers: Vec<Answer>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Assessment {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub assessed_on: String,
    /// In the order they were added.
    pub respondents: Vec<RespondentRecord>,
}

impl Assessment {
    /// The respondents as the domain scores them, in the same order.
    pub fn respondent_answers(&self) -> Vec<RespondentAnswers> {
        self.respondents
            .iter()
            .map(|r| RespondentAnswers {
                name: r.name.clone(),
                role: r.role.clone(),
                answers: r.answers.clone(),
            })
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MergeSummary {
    pub assessment: String,
    pub respondent: String,
    /// Questions answered for the first time.
    #[ts(type = "number")]
    pub added: u64,
    /// Questions whose level, evidence or note the file changed.
    #[ts(type = "number")]
    pub changed: u64,
    /// Questions the file answers exactly as stored.
    #[ts(type = "number")]
    pub unchanged: u64,
}

#[derive(FromRow)]
struct SummaryRow {
    id: i64,
    name: String,
    assessed_on: String,
    respondents: i64,
    answers: i64,
}

impl Store {
    /// Newest first (by date, then by creation).
    pub async fn list_assessments(&self) -> Result<Vec<AssessmentSummary>, StoreError> {
        let rows: Vec<SummaryRow> = sqlx::query_as(
            "SELECT a.id, a.name, a.assessed_on,
                    (SELECT count(*) FROM maturity_respondents AS r
                     WHERE r.assessment_id = a.id) AS respondents,
                    (SELECT count(*) FROM maturity_answers AS x
                     JOIN maturity_respondents AS r ON r.id = x.respondent_id
                     WHERE r.assessment_id = a.id) AS answers
             FROM maturity_assessments AS a
             ORDER BY a.assessed_on DESC, a.id DESC",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(|e| self.db_error(e))?;
        Ok(rows
            .into_iter()
            .map(|r| AssessmentSummary {
                id: r.id,
                name: r.name,
                assessed_on: r.assessed_on,
                respondents: count(r.respondents),
                answers: count(r.answers),
            })
            .collect())
    }

    pub async fn create_assessment(
        &self,
        name: &str,
        assessed_on: &str,
    ) -> Result<Assessment, StoreError> {
        let name = names::validate("An assessment", name)?;
        let assessed_on = assessed_on.trim();
        let mut tx = self.write_tx().await?;
        self.check_date(&mut tx, assessed_on).await?;
        if let Some(other) = self.assessment_named(&mut tx, &name).await? {
            return Err(StoreError::InvalidName {
                reason: format!(
                    "An assessment named \"{}\" already exists (names are compared ignoring upper and lower case). Choose another name.",
                    other.1
                ),
            });
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO maturity_assessments (name, assessed_on, created_at)
             VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
             RETURNING id",
        )
        .bind(&name)
        .bind(assessed_on)
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| self.db_error(e))?;
        let assessment = self.load_in(&mut tx, id).await?;
        tx.commit().await.map_err(|e| self.db_error(e))?;
        Ok(assessment)
    }

    pub async fn assessment(&self, id: i64) -> Result<Assessment, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(|e| self.db_error(e))?;
        rows::load(&mut conn, id)
            .await
            .map_err(|e| self.db_error(e))?
            .ok_or_else(|| self.assessment_not_found(id))
    }

    /// Names are compared ignoring case and surrounding spaces.
    pub async fn assessment_by_name(&self, name: &str) -> Result<Assessment, StoreError> {
        let wanted = names::key(name);
        let found = self
            .list_assessments()
            .await?
            .into_iter()
            .find(|a| names::key(&a.name) == wanted);
        match found {
            Some(summary) => self.assessment(summary.id).await,
            None => Err(StoreError::NotFound {
                path: self.path.clone(),
                what: format!("The assessment \"{}\"", name.trim()),
            }),
        }
    }

    /// Its respondents and answers go with it.
    pub async fn delete_assessment(&self, id: i64) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        let deleted = sqlx::query("DELETE FROM maturity_assessments WHERE id = ?1")
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(|e| self.db_error(e))?;
        if deleted.rows_affected() == 0 {
            return Err(self.assessment_not_found(id));
        }
        tx.commit().await.map_err(|e| self.db_error(e))
    }

    /// A new respondent with a freshly issued token and no answers yet.
    pub async fn add_respondent(
        &self,
        assessment_id: i64,
        name: &str,
        role: &str,
    ) -> Result<RespondentRecord, StoreError> {
        let name = names::validate("A respondent", name)?;
        let role = names::validate_role(role)?;
        let mut tx = self.write_tx().await?;
        let assessment = self.load_in(&mut tx, assessment_id).await?;
        let existing: Vec<String> =
            sqlx::query_scalar("SELECT name FROM maturity_respondents WHERE assessment_id = ?1")
                .bind(assessment_id)
                .fetch_all(&mut *tx)
                .await
                .map_err(|e| self.db_error(e))?;
        if let Some(other) = existing
            .iter()
            .find(|other| names::key(other) == names::key(&name))
        {
            return Err(StoreError::InvalidName {
                reason: format!(
                    "\"{other}\" already answers this assessment (names are compared ignoring upper and lower case). Use another name, e.g. with their role."
                ),
            });
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO maturity_respondents (assessment_id, name, role, token)
             VALUES (?1, ?2, ?3, ?4) RETURNING id",
        )
        .bind(assessment.id)
        .bind(&name)
        .bind(&role)
        .bind(token::issue())
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| self.db_error(e))?;
        let record = self.respondent_in(&mut tx, id).await?;
        tx.commit().await.map_err(|e| self.db_error(e))?;
        Ok(record)
    }

    /// Their answers go with them.
    pub async fn remove_respondent(&self, respondent_id: i64) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        let deleted = sqlx::query("DELETE FROM maturity_respondents WHERE id = ?1")
            .bind(respondent_id)
            .execute(&mut *tx)
            .await
            .map_err(|e| self.db_error(e))?;
        if deleted.rows_affected() == 0 {
            return Err(self.respondent_not_found(respondent_id));
        }
        tx.commit().await.map_err(|e| self.db_error(e))
    }

    /// Sets (or replaces) one answer; saving the same answer again changes nothing.
    pub async fn save_answer(&self, respondent_id: i64, answer: &Answer) -> Result<(), StoreError> {
        check_question(answer.question)?;
        let mut tx = self.write_tx().await?;
        self.respondent_in(&mut tx, respondent_id).await?;
        rows::upsert_answer(&mut tx, respondent_id, answer)
            .await
            .map_err(|e| self.db_error(e))?;
        tx.commit().await.map_err(|e| self.db_error(e))
    }

    /// Makes the question unanswered again; clearing an unanswered question is not an error.
    pub async fn clear_answer(&self, respondent_id: i64, question: u8) -> Result<(), StoreError> {
        check_question(question)?;
        let mut tx = self.write_tx().await?;
        self.respondent_in(&mut tx, respondent_id).await?;
        sqlx::query("DELETE FROM maturity_answers WHERE respondent_id = ?1 AND question = ?2")
            .bind(respondent_id)
            .bind(i64::from(question))
            .execute(&mut *tx)
            .await
            .map_err(|e| self.db_error(e))?;
        tx.commit().await.map_err(|e| self.db_error(e))
    }

    /// The assessment with this name (ignoring case), as (id, stored name).
    async fn assessment_named(
        &self,
        tx: &mut Transaction<'static, Sqlite>,
        name: &str,
    ) -> Result<Option<(i64, String)>, StoreError> {
        let all: Vec<(i64, String)> = sqlx::query_as("SELECT id, name FROM maturity_assessments")
            .fetch_all(&mut **tx)
            .await
            .map_err(|e| self.db_error(e))?;
        let wanted = names::key(name);
        Ok(all
            .into_iter()
            .find(|(_, other)| names::key(other) == wanted))
    }

    /// SQLite's own calendar decides, the same rule as the column's CHECK constraint: date(x)
    /// gives x back only for a real YYYY-MM-DD day.
    async fn check_date(
        &self,
        tx: &mut Transaction<'static, Sqlite>,
        assessed_on: &str,
    ) -> Result<(), StoreError> {
        let valid: bool = sqlx::query_scalar("SELECT date(?1) IS ?1")
            .bind(assessed_on)
            .fetch_one(&mut **tx)
            .await
            .map_err(|e| self.db_error(e))?;
        if valid {
            Ok(())
        } else {
            Err(StoreError::InvalidInputs {
                reason: format!(
                    "\"{assessed_on}\" is not a date. Give the day of the assessment as YYYY-MM-DD, e.g. 2026-03-31."
                ),
            })
        }
    }

    async fn load_in(
        &self,
        tx: &mut Transaction<'static, Sqlite>,
        id: i64,
    ) -> Result<Assessment, StoreError> {
        rows::load(tx, id)
            .await
            .map_err(|e| self.db_error(e))?
            .ok_or_else(|| self.assessment_not_found(id))
    }

    async fn respondent_in(
        &self,
        tx: &mut Transaction<'static, Sqlite>,
        respondent_id: i64,
    ) -> Result<RespondentRecord, StoreError> {
        rows::load_respondent(tx, respondent_id)
            .await
            .map_err(|e| self.db_error(e))?
            .ok_or_else(|| self.respondent_not_found(respondent_id))
    }

    fn assessment_not_found(&self, id: i64) -> StoreError {
        StoreError::NotFound {
            path: self.path.clone(),
            what: format!("Assessment #{id}"),
        }
    }

    fn respondent_not_found(&self, id: i64) -> StoreError {
        StoreError::NotFound {
            path: self.path.clone(),
            what: format!("Respondent #{id}"),
        }
    }
}

/// The scorecard has questions 1 to 9 (DOMAIN.md §4.1).
fn check_question(question: u8) -> Result<(), StoreError> {
    if (1..=9).contains(&question) {
        Ok(())
    } else {
        Err(StoreError::InvalidInputs {
            reason: format!(
                "There is no question {question}: the maturity scorecard has questions 1 to 9."
            ),
        })
    }
}
