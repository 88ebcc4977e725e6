//! Compensation (DOMAIN.md §3) in the workspace: the per-CSM quarterly history plans are
//! backtested and stress-tested on (history.rs, and its CSV import in import.rs), and saved comp
//! plans with every saved version kept as the TOML text of its plan file. Every write is one
//! transaction; the calculations are the domain's (`csplan_domain::compensation`).

pub(crate) mod demo;
mod history;
mod import;
mod names;
mod rows;
mod stress_setup;

pub use import::HistoryImportSummary;
pub use stress_setup::{PlanBudget, SavedShifts, SavedStressSetup};

use crate::{Store, StoreError};
use csplan_domain::compensation::{CompPlan, plan_from_toml, plan_to_toml, validate};
use rows::SummaryRow;
use serde::{Deserialize, Serialize};
use sqlx::Transaction;
use sqlx::sqlite::{Sqlite, SqliteConnection};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CompPlanSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    /// 1 when created; one more for each save that changed the plan.
    pub version: u32,
    /// When the plan was last saved or renamed (for a version: when that version was saved).
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SavedCompPlan {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub version: u32,
    /// The plan; its `name` is always the saved plan's name.
    pub plan: CompPlan,
    /// The same plan as a plan file (`csplan comp` reads it back as it is).
    pub toml: String,
    pub updated_at: String,
}

fn summary(row: SummaryRow) -> CompPlanSummary {
    CompPlanSummary {
        id: row.id,
        name: row.name,
        version: version_number(row.version),
        updated_at: row.updated_at,
    }
}

/// Versions start at 1 (a CHECK constraint), so the conversion cannot fail in practice.
fn version_number(version: i64) -> u32 {
    u32::try_from(version).unwrap_or(0)
}

/// The plan as stored: named after the saved plan, checked by the domain, written as TOML.
fn prepare(name: &str, plan: &CompPlan) -> Result<(CompPlan, String), StoreError> {
    let mut plan = plan.clone();
    plan.name = name.to_string();
    let invalid = |e: csplan_domain::compensation::CompError| StoreError::InvalidInputs {
        reason: format!("{e}. Correct it and save again; nothing was saved."),
    };
    validate(&plan).map_err(invalid)?;
    let toml = plan_to_toml(&plan).map_err(invalid)?;
    Ok((plan, toml))
}

impl Store {
    /// Every saved plan with its newest version, by name.
    pub async fn list_comp_plans(&self) -> Result<Vec<CompPlanSummary>, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(|e| self.db_error(e))?;
        let rows = rows::all(&mut conn).await.map_err(|e| self.db_error(e))?;
        Ok(rows.into_iter().map(summary).collect())
    }

    /// The plan's newest version.
    pub async fn comp_plan(&self, id: i64) -> Result<SavedCompPlan, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(|e| self.db_error(e))?;
        self.load_plan(&mut conn, id).await
    }

    /// The plan named `name` (ignoring upper and lower case).
    pub async fn comp_plan_by_name(&self, name: &str) -> Result<SavedCompPlan, StoreError> {
        let wanted = names::key(name);
        let mut conn = self.pool.acquire().await.map_err(|e| self.db_error(e))?;
        let all = rows::names(&mut conn).await.map_err(|e| self.db_error(e))?;
        match all.iter().find(|(_, other)| names::key(other) == wanted) {
            Some((id, _)) => self.load_plan(&mut conn, *id).await,
            None => Err(StoreError::NotFound {
                path: self.path.clone(),
                what: format!("The comp plan \"{}\"", name.trim()),
            }),
        }
    }

    /// One saved version of a plan, as it was saved (named as the plan is named now).
    pub async fn comp_plan_version(
        &self,
        id: i64,
        version: u32,
    ) -> Result<SavedCompPlan, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(|e| self.db_error(e))?;
        let row = rows::version(&mut conn, id, i64::from(version))
            .await
            .map_err(|e| self.db_error(e))?
            .ok_or_else(|| StoreError::NotFound {
                path: self.path.clone(),
                what: format!("Version {version} of comp plan #{id}"),
            })?;
        self.saved(row)
    }

    pub async fn create_comp_plan(
        &self,
        name: &str,
        plan: &CompPlan,
    ) -> Result<SavedCompPlan, StoreError> {
        let name = names::validate(name)?;
        let (_, toml) = prepare(&name, plan)?;
        let mut tx = self.write_tx().await?;
        self.ensure_unique_plan(&mut tx, &name, None).await?;
        let id = rows::insert_plan(&mut tx, &name)
            .await
            .map_err(|e| self.db_error(e))?;
        rows::insert_version(&mut tx, id, 1, &toml)
            .await
            .map_err(|e| self.db_error(e))?;
        let saved = self.load_plan(&mut tx, id).await?;
        tx.commit().await.map_err(|e| self.db_error(e))?;
        Ok(saved)
    }

    /// Saves `plan` as the plan's next version; a plan equal to the newest version (its name
    /// aside: the saved plan's name wins) is not saved again and keeps its version.
    pub async fn save_comp_plan(
        &self,
        id: i64,
        plan: &CompPlan,
    ) -> Result<CompPlanSummary, StoreError> {
        let mut tx = self.write_tx().await?;
        let current = self.load_plan(&mut tx, id).await?;
        let (plan, toml) = prepare(&current.name, plan)?;
        if plan != current.plan {
            rows::insert_version(&mut tx, id, i64::from(current.version) + 1, &toml)
                .await
                .map_err(|e| self.db_error(e))?;
        }
        self.commit_plan_summary(tx, id).await
    }

    /// Every version of the plan, newest first.
    pub async fn comp_plan_versions(&self, id: i64) -> Result<Vec<CompPlanSummary>, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(|e| self.db_error(e))?;
        let rows = rows::versions(&mut conn, id)
            .await
            .map_err(|e| self.db_error(e))?;
        if rows.is_empty() {
            return Err(self.comp_plan_not_found(id));
        }
        Ok(rows.into_iter().map(summary).collect())
    }

    /// A new plan (version 1) with the newest version of plan `id`.
    pub async fn duplicate_comp_plan(
        &self,
        id: i64,
        name: &str,
    ) -> Result<SavedCompPlan, StoreError> {
        let name = names::validate(name)?;
        let mut tx = self.write_tx().await?;
        let source = self.load_plan(&mut tx, id).await?;
        self.ensure_unique_plan(&mut tx, &name, None).await?;
        let (_, toml) = prepare(&name, &source.plan)?;
        let copy = rows::insert_plan(&mut tx, &name)
            .await
            .map_err(|e| self.db_error(e))?;
        rows::insert_version(&mut tx, copy, 1, &toml)
            .await
            .map_err(|e| self.db_error(e))?;
        let saved = self.load_plan(&mut tx, copy).await?;
        tx.commit().await.map_err(|e| self.db_error(e))?;
        Ok(saved)
    }

    /// Renames the plan; its versions are kept and read back under the new name.
    pub async fn rename_comp_plan(
        &self,
        id: i64,
        name: &str,
    ) -> Result<CompPlanSummary, StoreError> {
        let name = names::validate(name)?;
        let mut tx = self.write_tx().await?;
        self.ensure_unique_plan(&mut tx, &name, Some(id)).await?;
        let result = sqlx::query("UPDATE comp_plans SET name = ?1 WHERE id = ?2")
            .bind(&name)
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(|e| self.db_error(e))?;
        if result.rows_affected() == 0 {
            return Err(self.comp_plan_not_found(id));
        }
        rows::touch(&mut tx, id)
            .await
            .map_err(|e| self.db_error(e))?;
        self.commit_plan_summary(tx, id).await
    }

    /// Deletes the plan and all its versions.
    pub async fn delete_comp_plan(&self, id: i64) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        let result = sqlx::query("DELETE FROM comp_plans WHERE id = ?1")
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(|e| self.db_error(e))?;
        if result.rows_affected() == 0 {
            return Err(self.comp_plan_not_found(id));
        }
        tx.commit().await.map_err(|e| self.db_error(e))
    }

    async fn load_plan(
        &self,
        conn: &mut SqliteConnection,
        id: i64,
    ) -> Result<SavedCompPlan, StoreError> {
        let row = rows::latest(conn, id)
            .await
            .map_err(|e| self.db_error(e))?
            .ok_or_else(|| self.comp_plan_not_found(id))?;
        self.saved(row)
    }

    /// Reads a stored version back through the domain's plan-file reader, so a stored plan is
    /// held to the same checks as a file.
    fn saved(&self, row: rows::LatestRow) -> Result<SavedCompPlan, StoreError> {
        let source = format!("comp plan \"{}\" version {}", row.name, row.version);
        let mut plan = plan_from_toml(&source, &row.toml).map_err(|e| StoreError::Database {
            path: self.path.clone(),
            message: e.to_string(),
        })?;
        plan.name = row.name.clone();
        let toml = plan_to_toml(&plan).map_err(|e| StoreError::Database {
            path: self.path.clone(),
            message: e.to_string(),
        })?;
        Ok(SavedCompPlan {
            id: row.id,
            name: row.name,
            version: version_number(row.version),
            plan,
            toml,
            updated_at: row.updated_at,
        })
    }

    async fn ensure_unique_plan(
        &self,
        tx: &mut Transaction<'static, Sqlite>,
        name: &str,
        except: Option<i64>,
    ) -> Result<(), StoreError> {
        match names::clash(tx, "SELECT id, name FROM comp_plans", name, except)
            .await
            .map_err(|e| self.db_error(e))?
        {
            Some(other) => Err(names::taken(&other)),
            None => Ok(()),
        }
    }

    async fn commit_plan_summary(
        &self,
        mut tx: Transaction<'static, Sqlite>,
        id: i64,
    ) -> Result<CompPlanSummary, StoreError> {
        let row = rows::summary(&mut tx, id)
            .await
            .map_err(|e| self.db_error(e))?
            .ok_or_else(|| self.comp_plan_not_found(id))?;
        tx.commit().await.map_err(|e| self.db_error(e))?;
        Ok(summary(row))
    }

    fn comp_plan_not_found(&self, id: i64) -> StoreError {
        StoreError::NotFound {
            path: self.path.clone(),
            what: format!("Comp plan #{id}"),
        }
    }
}
