//! How the company moved from one assessment to the next, each scored by the domain.

use super::rows;
use crate::{Store, StoreError};
use csplan_domain::maturity::{TrendPoint, score};

impl Store {
    /// One point per assessment, oldest first (by date, then by creation).
    pub async fn maturity_trend(&self) -> Result<Vec<TrendPoint>, StoreError> {
        // One read transaction: every assessment is read from the same snapshot.
        let mut tx = self.pool.begin().await.map_err(|e| self.db_error(e))?;
        let ids: Vec<i64> =
            sqlx::query_scalar("SELECT id FROM maturity_assessments ORDER BY assessed_on, id")
                .fetch_all(&mut *tx)
                .await
                .map_err(|e| self.db_error(e))?;
        let mut points = Vec::with_capacity(ids.len());
        for id in ids {
            let Some(assessment) = rows::load(&mut tx, id)
                .await
                .map_err(|e| self.db_error(e))?
            else {
                continue;
            };
            let card = score(&assessment.respondent_answers());
            points.push(TrendPoint::from_card(
                &assessment.name,
                &assessment.assessed_on,
                &card,
            ));
        }
        tx.commit().await.map_err(|e| self.db_error(e))?;
        Ok(points)
    }
}
