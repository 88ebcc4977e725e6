//! Saved capacity scenarios: named, editable, duplicable, and kept across restarts. Each write is
//! one transaction; the inputs are stored as columns and rows (rows.rs), never as a blob, and come
//! back exactly as they were saved.

mod names;
mod rows;

pub(crate) use rows::{insert, store_last};

use crate::workspace::count;
use crate::{Store, StoreError};
use csplan_domain::capacity::ScenarioInputs;
use serde::Serialize;
use sqlx::sqlite::Sqlite;
use sqlx::{FromRow, Transaction};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, FromRow)]
pub struct ScenarioSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Scenario {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub inputs: ScenarioInputs,
    /// The saved rule set whose segments it plans over; None plans over the ARR tiers.
    #[ts(type = "number | null")]
    pub rule_set_id: Option<i64>,
    pub updated_at: String,
}

impl Store {
    pub async fn list_scenarios(&self) -> Result<Vec<ScenarioSummary>, StoreError> {
        sqlx::query_as(
            "SELECT id, name, updated_at FROM capacity_scenarios ORDER BY name COLLATE NOCASE, id",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(|e| self.db_error(e))
    }

    pub async fn scenario(&self, id: i64) -> Result<Scenario, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(|e| self.db_error(e))?;
        rows::load(&mut conn, id)
            .await
            .map_err(|e| self.db_error(e))?
            .ok_or_else(|| self.scenario_not_found(id))
    }

    pub async fn scenario_by_name(&self, name: &str) -> Result<Scenario, StoreError> {
        let wanted = names::key(name);
        let all = self.list_scenarios().await?;
        let found = all.iter().find(|s| names::key(&s.name) == wanted);
        match found {
            Some(summary) => self.scenario(summary.id).await,
            None => Err(StoreError::NotFound {
                path: self.path.clone(),
                what: format!("The scenario \"{}\"", name.trim()),
            }),
        }
    }

    pub async fn create_scenario(
        &self,
        name: &str,
        inputs: &ScenarioInputs,
    ) -> Result<Scenario, StoreError> {
        let name = names::validate(name)?;
        rows::check_inputs(inputs)?;
        let mut tx = self.write_tx().await?;
        self.ensure_unique(&mut tx, &name, None).await?;
        let id = insert(&mut tx, &name, inputs)
            .await
            .map_err(|e| self.db_error(e))?;
        self.commit_and_load(tx, id).await
    }

    pub async fn save_scenario_inputs(
        &self,
        id: i64,
        inputs: &ScenarioInputs,
    ) -> Result<ScenarioSummary, StoreError> {
        rows::check_inputs(inputs)?;
        let mut tx = self.write_tx().await?;
        let changed = rows::update_inputs(&mut tx, id, inputs)
            .await
            .map_err(|e| self.db_error(e))?;
        if !changed {
            return Err(self.scenario_not_found(id));
        }
        self.commit_and_summarise(tx, id).await
    }

    pub async fn rename_scenario(
        &self,
        id: i64,
        name: &str,
    ) -> Result<ScenarioSummary, StoreError> {
        let name = names::validate(name)?;
        let mut tx = self.write_tx().await?;
        self.ensure_unique(&mut tx, &name, Some(id)).await?;
        let result = sqlx::query(
            "UPDATE capacity_scenarios
             SET name = ?1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
             WHERE id = ?2",
        )
        .bind(&name)
        .bind(id)
        .execute(&mut *tx)
        .await
        .map_err(|e| self.db_error(e))?;
        if result.rows_affected() == 0 {
            return Err(self.scenario_not_found(id));
        }
        self.commit_and_summarise(tx, id).await
    }

    pub async fn duplicate_scenario(&self, id: i64, name: &str) -> Result<Scenario, StoreError> {
        let name = names::validate(name)?;
        let mut tx = self.write_tx().await?;
        let source = rows::load(&mut tx, id)
            .await
            .map_err(|e| self.db_error(e))?
            .ok_or_else(|| self.scenario_not_found(id))?;
        self.ensure_unique(&mut tx, &name, None).await?;
        let copy = insert(&mut tx, &name, &source.inputs)
            .await
            .map_err(|e| self.db_error(e))?;
        rows::set_rule_set(&mut tx, copy, source.rule_set_id)
            .await
            .map_err(|e| self.db_error(e))?;
        self.commit_and_load(tx, copy).await
    }

    /// Refuses to delete the last scenario: the capacity page always has one to show.
    pub async fn delete_scenario(&self, id: i64) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        let name: Option<String> =
            sqlx::query_scalar("SELECT name FROM capacity_scenarios WHERE id = ?1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(|e| self.db_error(e))?;
        let name = name.ok_or_else(|| self.scenario_not_found(id))?;
        let total: i64 = sqlx::query_scalar("SELECT count(*) FROM capacity_scenarios")
            .fetch_one(&mut *tx)
            .await
            .map_err(|e| self.db_error(e))?;
        if count(total) <= 1 {
            return Err(StoreError::LastScenario { name });
        }
        sqlx::query("DELETE FROM capacity_scenarios WHERE id = ?1")
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(|e| self.db_error(e))?;
        rows::forget_last_if(&mut tx, id)
            .await
            .map_err(|e| self.db_error(e))?;
        tx.commit().await.map_err(|e| self.db_error(e))
    }

    /// Plans the scenario over a saved rule set's segments, or over ARR tiers with None.
    pub async fn set_scenario_rule_set(
        &self,
        id: i64,
        rule_set_id: Option<i64>,
    ) -> Result<Scenario, StoreError> {
        let mut tx = self.write_tx().await?;
        if let Some(rule_set) = rule_set_id {
            let found: Option<i64> = sqlx::query_scalar("SELECT id FROM rule_sets WHERE id = ?1")
                .bind(rule_set)
                .fetch_optional(&mut *tx)
                .await
                .map_err(|e| self.db_error(e))?;
            if found.is_none() {
                return Err(self.rule_set_not_found(&format!("#{rule_set}")));
            }
        }
        let changed = rows::set_rule_set(&mut tx, id, rule_set_id)
            .await
            .map_err(|e| self.db_error(e))?;
        if !changed {
            return Err(self.scenario_not_found(id));
        }
        self.commit_and_load(tx, id).await
    }

    /// The scenario that was open last, if it still exists.
    pub async fn last_scenario_id(&self) -> Result<Option<i64>, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(|e| self.db_error(e))?;
        rows::load_last(&mut conn)
            .await
            .map_err(|e| self.db_error(e))
    }

    pub async fn set_last_scenario_id(&self, id: i64) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        let exists = rows::exists(&mut tx, id)
            .await
            .map_err(|e| self.db_error(e))?;
        if !exists {
            return Err(self.scenario_not_found(id));
        }
        store_last(&mut tx, id)
            .await
            .map_err(|e| self.db_error(e))?;
        tx.commit().await.map_err(|e| self.db_error(e))
    }

    /// Writes take the lock up front (BEGIN IMMEDIATE): a transaction that read first and then
    /// tried to write could otherwise fail at once, without waiting, if another connection wrote
    /// in between.
    pub(crate) async fn write_tx(&self) -> Result<Transaction<'static, Sqlite>, StoreError> {
        self.pool
            .begin_with("BEGIN IMMEDIATE")
            .await
            .map_err(|e| self.db_error(e))
    }

    async fn ensure_unique(
        &self,
        tx: &mut Transaction<'static, Sqlite>,
        name: &str,
        except: Option<i64>,
    ) -> Result<(), StoreError> {
        match names::clash(tx, "SELECT id, name FROM capacity_scenarios", name, except)
            .await
            .map_err(|e| self.db_error(e))?
        {
            Some(other) => Err(StoreError::DuplicateName { name: other }),
            None => Ok(()),
        }
    }

    async fn commit_and_load(
        &self,
        mut tx: Transaction<'static, Sqlite>,
        id: i64,
    ) -> Result<Scenario, StoreError> {
        let scenario = rows::load(&mut tx, id)
            .await
            .map_err(|e| self.db_error(e))?
            .ok_or_else(|| self.scenario_not_found(id))?;
        tx.commit().await.map_err(|e| self.db_error(e))?;
        Ok(scenario)
    }

    async fn commit_and_summarise(
        &self,
        mut tx: Transaction<'static, Sqlite>,
        id: i64,
    ) -> Result<ScenarioSummary, StoreError> {
        let summary: ScenarioSummary =
            sqlx::query_as("SELECT id, name, updated_at FROM capacity_scenarios WHERE id = ?1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(|e| self.db_error(e))?
                .ok_or_else(|| self.scenario_not_found(id))?;
        tx.commit().await.map_err(|e| self.db_error(e))?;
        Ok(summary)
    }

    fn scenario_not_found(&self, id: i64) -> StoreError {
        StoreError::NotFound {
            path: self.path.clone(),
            what: format!("Scenario #{id}"),
        }
    }
}
