//! Merging an answers file a respondent filled in outside the app. The file must name an
//! assessment and a respondent of this workspace and carry the token issued to that respondent;
//! otherwise nothing is written. Merging the same file twice changes nothing: an answer equal to
//! the stored one is counted as unchanged and its row is not touched.

use super::{MergeSummary, names, rows};
use crate::{Store, StoreError};
use csplan_domain::maturity::{AnswersFile, canonical_checksum};

impl Store {
    /// One transaction: every answer of the file is written, or none.
    pub async fn merge_answers(&self, file: &AnswersFile) -> Result<MergeSummary, StoreError> {
        // parse_answers_file already verified it; a file built some other way is checked here too.
        if !file
            .checksum
            .eq_ignore_ascii_case(&canonical_checksum(file))
        {
            return Err(refused(
                "Its checksum does not match: the file was changed after it was filled in.",
            ));
        }
        let mut tx = self.write_tx().await?;
        let assessments: Vec<(i64, String)> =
            sqlx::query_as("SELECT id, name FROM maturity_assessments")
                .fetch_all(&mut *tx)
                .await
                .map_err(|e| self.db_error(e))?;
        let wanted = names::key(&file.assessment);
        let Some((assessment_id, assessment)) = assessments
            .into_iter()
            .find(|(_, name)| names::key(name) == wanted)
        else {
            return Err(refused(&format!(
                "It is for the assessment \"{}\", which is not in the workspace {}. Import it into the workspace its questionnaire was exported from.",
                file.assessment,
                self.path.display()
            )));
        };
        let respondents: Vec<(i64, String, String)> = sqlx::query_as(
            "SELECT id, name, token FROM maturity_respondents WHERE assessment_id = ?1",
        )
        .bind(assessment_id)
        .fetch_all(&mut *tx)
        .await
        .map_err(|e| self.db_error(e))?;
        let wanted = names::key(&file.respondent.name);
        let Some((respondent_id, respondent, token)) = respondents
            .into_iter()
            .find(|(_, name, _)| names::key(name) == wanted)
        else {
            return Err(refused(&format!(
                "It is from \"{}\", who is not a respondent of \"{assessment}\" in this workspace. Export a questionnaire for them from this assessment.",
                file.respondent.name
            )));
        };
        if file.token != token {
            return Err(refused(&format!(
                "Its token is not the one issued to \"{respondent}\" for \"{assessment}\": the questionnaire was exported from another workspace, or for a respondent who was since removed and added again. Export a new questionnaire for them."
            )));
        }
        let mut summary = MergeSummary {
            assessment,
            respondent,
            added: 0,
            changed: 0,
            unchanged: 0,
        };
        for answer in &file.answers {
            let stored = rows::answer(&mut tx, respondent_id, answer.question)
                .await
                .map_err(|e| self.db_error(e))?;
            match stored {
                Some(stored) if stored == *answer => summary.unchanged += 1,
                Some(_) => summary.changed += 1,
                None => summary.added += 1,
            }
            rows::upsert_answer(&mut tx, respondent_id, answer)
                .await
                .map_err(|e| self.db_error(e))?;
        }
        tx.commit().await.map_err(|e| self.db_error(e))?;
        Ok(summary)
    }
}

/// A file that does not belong here: the reason, and the reassurance that nothing was written.
fn refused(reason: &str) -> StoreError {
    StoreError::InvalidInputs {
        reason: format!("The answers file was not merged. {reason} Nothing was changed."),
    }
}
