//! The stress-test set-up the person last ran, kept in the workspace's `settings` table so that
//! reopening the app runs the same trials on the same seed and reproduces the result exactly
//! (DESIGN.md: "the seed is stored with the scenario").

use crate::{Store, StoreError};
use csplan_domain::compensation::{Generator, StressPreset};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

const KEY: &str = "comp.stress_setup";

/// A custom scenario's shifts (1 = the base year as it was).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct SavedShifts {
    pub churn_shift: f64,
    pub expansion_shift: f64,
}

/// The budget typed for one plan; `None` is the plan's target variable.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct PlanBudget {
    #[ts(type = "number")]
    pub plan_id: i64,
    pub budget: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SavedStressSetup {
    pub trials: u32,
    #[ts(type = "number")]
    pub seed: u64,
    pub generator: Generator,
    pub preset: Option<StressPreset>,
    pub custom: Option<SavedShifts>,
    /// In the order the plans were run (current, then proposed).
    pub budgets: Vec<PlanBudget>,
}

impl Store {
    /// The set-up saved by the last successful stress run, if any.
    pub async fn comp_stress_setup(&self) -> Result<Option<SavedStressSetup>, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(|e| self.db_error(e))?;
        let value: Option<String> = sqlx::query_scalar("SELECT value FROM settings WHERE key = ?1")
            .bind(KEY)
            .fetch_optional(&mut *conn)
            .await
            .map_err(|e| self.db_error(e))?;
        value
            .map(|text| {
                serde_json::from_str(&text).map_err(|e| StoreError::Database {
                    path: self.path.clone(),
                    message: format!(
                        "the saved stress set-up (settings key {KEY}) is not readable ({e}); run the stress test again to replace it"
                    ),
                })
            })
            .transpose()
    }

    pub async fn set_comp_stress_setup(&self, setup: &SavedStressSetup) -> Result<(), StoreError> {
        let json = serde_json::to_string(setup).map_err(|e| StoreError::InvalidInputs {
            reason: format!("the stress set-up cannot be saved ({e}); nothing was saved"),
        })?;
        let mut tx = self.write_tx().await?;
        sqlx::query(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )
        .bind(KEY)
        .bind(json)
        .execute(&mut *tx)
        .await
        .map_err(|e| self.db_error(e))?;
        tx.commit().await.map_err(|e| self.db_error(e))
    }
}
