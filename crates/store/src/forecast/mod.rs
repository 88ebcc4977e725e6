//! Saved capacity plans over time ("forecast scenarios", DOMAIN.md §1.3, §1.4): named,
//! editable, duplicable, kept across restarts, each with its Monte Carlo seed and trial count so
//! the same plan always gives the same risk bands. Where a new plan starts (each tier's logos,
//! ARR and CSMs) comes from the book (book.rs). The calculations are the domain's
//! (`csplan_domain::forecast`).

mod book;
pub(crate) mod demo;
mod names;
mod rows;

pub use book::BookSegment;
pub use rows::{MAX_SEED, MAX_TRIALS};

use crate::{Store, StoreError};
use csplan_domain::capacity::{ScenarioInputs, SegmentCatalog};
use csplan_domain::forecast::{ForecastInputs, SegmentForecast, Uncertainty};
use csplan_domain::segmentation::{IsoDate, SegmentBook, TierBounds};
use serde::Serialize;
use sqlx::FromRow;
use sqlx::Transaction;
use sqlx::sqlite::{Sqlite, SqliteConnection};
use ts_rs::TS;

const LAST_KEY: &str = "forecast.last_id";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, FromRow)]
pub struct ForecastSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub updated_at: String,
}

/// A saved plan: its inputs and its uncertainty (whose seed and trials reproduce its bands).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ForecastScenario {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub inputs: ForecastInputs,
    pub uncertainty: Uncertainty,
    pub updated_at: String,
}

/// A new plan on today's book: one segment per ARR tier with its logos, ARR and CSM owners, the
/// bottom-up load of the capacity catalogue of the same name (0 without one), flat drivers and
/// every other input at its documented default.
pub fn inputs_from_book(
    start: IsoDate,
    book: &[BookSegment],
    catalogs: &[SegmentCatalog],
) -> ForecastInputs {
    let segments = book
        .iter()
        .map(|s| {
            let activities = catalogs
                .iter()
                .find(|c| c.segment == s.segment)
                .map_or(0.0, SegmentCatalog::activities_per_customer_per_month);
            let segment_book = SegmentBook {
                segment: s.segment.clone(),
                accounts: s.accounts,
                total_arr: s.arr,
            };
            SegmentForecast::from_book(&segment_book, s.csms as f64, activities)
        })
        .collect();
    ForecastInputs::new(start, segments)
}

/// The first day of the calendar quarter after the one `today` is in: where a new plan starts.
pub fn next_quarter_start(today: IsoDate) -> IsoDate {
    let text = today.to_string();
    let year: i32 = text[..4].parse().unwrap_or(2027);
    let month: u32 = text[5..7].parse().unwrap_or(1);
    let next = (month - 1) / 3 * 3 + 4;
    let (year, month) = if next > 12 {
        (year + 1, 1)
    } else {
        (year, next)
    };
    IsoDate::new(year, month, 1).unwrap_or(today)
}

impl Store {
    /// A new plan called `name` on today's book, starting next quarter: the tiers and activity
    /// catalogues of the capacity scenario opened last (else the documented defaults), flat
    /// drivers, default uncertainty.
    pub async fn create_forecast_from_book(
        &self,
        name: &str,
        today: IsoDate,
    ) -> Result<ForecastScenario, StoreError> {
        let capacity = match self.last_scenario_id().await? {
            Some(id) => self.scenario(id).await?.inputs,
            None => ScenarioInputs::default(),
        };
        let book = self.forecast_book(&capacity.tiers).await?;
        let inputs = inputs_from_book(next_quarter_start(today), &book, &capacity.params.catalogs);
        self.create_forecast(name, &inputs, &Uncertainty::default())
            .await
    }

    /// A new plan called `name` on today's book split by the saved rule set `rule_set_id` (its
    /// segments and their activity catalogues), starting next quarter, flat drivers, default
    /// uncertainty.
    pub async fn create_forecast_from_rules(
        &self,
        name: &str,
        today: IsoDate,
        rule_set_id: i64,
    ) -> Result<ForecastScenario, StoreError> {
        let rules = self.rule_set(rule_set_id).await?.rules;
        let accounts = self.accounts().await?;
        let book = book::rule_segments(&rules, &accounts);
        let inputs = inputs_from_book(
            next_quarter_start(today),
            &book,
            &book::rule_catalogs(&rules),
        );
        self.create_forecast(name, &inputs, &Uncertainty::default())
            .await
    }

    /// Each ARR tier's accounts, ARR and CSM owners today: where a new plan starts.
    pub async fn forecast_book(&self, bounds: &TierBounds) -> Result<Vec<BookSegment>, StoreError> {
        bounds.validate().map_err(|e| StoreError::InvalidInputs {
            reason: e.to_string(),
        })?;
        let mut conn = self.pool.acquire().await.map_err(|e| self.db_error(e))?;
        book::segments(&mut conn, bounds)
            .await
            .map_err(|e| self.db_error(e))
    }

    pub async fn list_forecasts(&self) -> Result<Vec<ForecastSummary>, StoreError> {
        sqlx::query_as(
            "SELECT id, name, updated_at FROM forecast_scenarios ORDER BY name COLLATE NOCASE, id",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(|e| self.db_error(e))
    }

    pub async fn forecast(&self, id: i64) -> Result<ForecastScenario, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(|e| self.db_error(e))?;
        self.load(&mut conn, id).await
    }

    pub async fn forecast_by_name(&self, name: &str) -> Result<ForecastScenario, StoreError> {
        let wanted = names::key(name);
        let all = self.list_forecasts().await?;
        match all.iter().find(|s| names::key(&s.name) == wanted) {
            Some(summary) => self.forecast(summary.id).await,
            None => Err(StoreError::NotFound {
                path: self.path.clone(),
                what: format!("The plan \"{}\"", name.trim()),
            }),
        }
    }

    /// The plan opened last, else the first by name; `None` when the workspace has none.
    pub async fn current_forecast(&self) -> Result<Option<ForecastScenario>, StoreError> {
        let last: Option<i64> = sqlx::query_scalar(
            "SELECT f.id FROM settings AS k
             JOIN forecast_scenarios AS f ON f.id = CAST(k.value AS INTEGER)
             WHERE k.key = ?1",
        )
        .bind(LAST_KEY)
        .fetch_optional(&self.pool)
        .await
        .map_err(|e| self.db_error(e))?;
        let id = match last {
            Some(id) => Some(id),
            None => self.list_forecasts().await?.first().map(|s| s.id),
        };
        match id {
            Some(id) => Ok(Some(self.forecast(id).await?)),
            None => Ok(None),
        }
    }

    /// Remembers the plan the Plan page shows, for the next launch.
    pub async fn set_current_forecast(&self, id: i64) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        self.load(&mut tx, id).await?;
        sqlx::query(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )
        .bind(LAST_KEY)
        .bind(id.to_string())
        .execute(&mut *tx)
        .await
        .map_err(|e| self.db_error(e))?;
        tx.commit().await.map_err(|e| self.db_error(e))
    }

    pub async fn create_forecast(
        &self,
        name: &str,
        inputs: &ForecastInputs,
        uncertainty: &Uncertainty,
    ) -> Result<ForecastScenario, StoreError> {
        let name = names::validate(name)?;
        let encoded = rows::encode(inputs, uncertainty)?;
        let mut tx = self.write_tx().await?;
        self.ensure_unique_forecast(&mut tx, &name, None).await?;
        self.insert_and_load(tx, &name, &encoded).await
    }

    /// Saves an edit (the autosave of the Plan page).
    pub async fn save_forecast(
        &self,
        id: i64,
        inputs: &ForecastInputs,
        uncertainty: &Uncertainty,
    ) -> Result<ForecastSummary, StoreError> {
        let encoded = rows::encode(inputs, uncertainty)?;
        let mut tx = self.write_tx().await?;
        let found = rows::update(&mut tx, id, &encoded)
            .await
            .map_err(|e| self.db_error(e))?;
        if !found {
            return Err(self.forecast_not_found(id));
        }
        self.commit_summary(tx, id).await
    }

    pub async fn rename_forecast(
        &self,
        id: i64,
        name: &str,
    ) -> Result<ForecastSummary, StoreError> {
        let name = names::validate(name)?;
        let mut tx = self.write_tx().await?;
        self.ensure_unique_forecast(&mut tx, &name, Some(id))
            .await?;
        let done = sqlx::query(
            "UPDATE forecast_scenarios
             SET name = ?1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?2",
        )
        .bind(&name)
        .bind(id)
        .execute(&mut *tx)
        .await
        .map_err(|e| self.db_error(e))?;
        if done.rows_affected() == 0 {
            return Err(self.forecast_not_found(id));
        }
        self.commit_summary(tx, id).await
    }

    /// A copy under a new name, seed and trials included (so its bands start out the same).
    pub async fn duplicate_forecast(
        &self,
        id: i64,
        name: &str,
    ) -> Result<ForecastScenario, StoreError> {
        let name = names::validate(name)?;
        let mut tx = self.write_tx().await?;
        let source = self.load(&mut tx, id).await?;
        self.ensure_unique_forecast(&mut tx, &name, None).await?;
        let encoded = rows::encode(&source.inputs, &source.uncertainty)?;
        self.insert_and_load(tx, &name, &encoded).await
    }

    /// Refuses to delete the last plan: the Plan page always has one to show.
    pub async fn delete_forecast(&self, id: i64) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        let plan = self.load(&mut tx, id).await?;
        let total: i64 = sqlx::query_scalar("SELECT count(*) FROM forecast_scenarios")
            .fetch_one(&mut *tx)
            .await
            .map_err(|e| self.db_error(e))?;
        if total <= 1 {
            return Err(StoreError::InvalidInputs {
                reason: format!(
                    "\"{}\" is the only plan in this workspace, so it cannot be deleted. Save or duplicate another plan first.",
                    plan.name
                ),
            });
        }
        sqlx::query("DELETE FROM forecast_scenarios WHERE id = ?1")
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(|e| self.db_error(e))?;
        sqlx::query("DELETE FROM settings WHERE key = ?1 AND value = ?2")
            .bind(LAST_KEY)
            .bind(id.to_string())
            .execute(&mut *tx)
            .await
            .map_err(|e| self.db_error(e))?;
        tx.commit().await.map_err(|e| self.db_error(e))
    }

    async fn load(
        &self,
        conn: &mut SqliteConnection,
        id: i64,
    ) -> Result<ForecastScenario, StoreError> {
        let row = rows::load(conn, id)
            .await
            .map_err(|e| self.db_error(e))?
            .ok_or_else(|| self.forecast_not_found(id))?;
        row.decode().map_err(|message| StoreError::Database {
            path: self.path.clone(),
            message,
        })
    }

    /// Saves a new plan (its name already checked) and commits; the plan as stored.
    async fn insert_and_load(
        &self,
        mut tx: Transaction<'static, Sqlite>,
        name: &str,
        encoded: &rows::Encoded,
    ) -> Result<ForecastScenario, StoreError> {
        let id = rows::insert(&mut tx, name, encoded)
            .await
            .map_err(|e| self.db_error(e))?;
        let saved = self.load(&mut tx, id).await?;
        tx.commit().await.map_err(|e| self.db_error(e))?;
        Ok(saved)
    }

    async fn ensure_unique_forecast(
        &self,
        tx: &mut Transaction<'static, Sqlite>,
        name: &str,
        except: Option<i64>,
    ) -> Result<(), StoreError> {
        match names::clash(tx, "SELECT id, name FROM forecast_scenarios", name, except)
            .await
            .map_err(|e| self.db_error(e))?
        {
            Some(other) => Err(names::taken(&other)),
            None => Ok(()),
        }
    }

    async fn commit_summary(
        &self,
        mut tx: Transaction<'static, Sqlite>,
        id: i64,
    ) -> Result<ForecastSummary, StoreError> {
        let summary: ForecastSummary =
            sqlx::query_as("SELECT id, name, updated_at FROM forecast_scenarios WHERE id = ?1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(|e| self.db_error(e))?
                .ok_or_else(|| self.forecast_not_found(id))?;
        tx.commit().await.map_err(|e| self.db_error(e))?;
        Ok(summary)
    }

    fn forecast_not_found(&self, id: i64) -> StoreError {
        StoreError::NotFound {
            path: self.path.clone(),
            what: format!("Plan #{id}"),
        }
    }
}
