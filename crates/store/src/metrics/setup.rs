//! What the metrics need beyond the book, kept in the workspace's `settings` table so the
//! dashboard remembers it: the cost inputs (CS and Support team cost, CAC, gross margin) and
//! the choices the sources leave open (health band cut-offs, NRR–GRR gap flag, CLTV variant;
//! DOMAIN.md §8.5).

use super::warnings::WarningThresholds;
use crate::{Store, StoreError};
use csplan_domain::metrics::{CostInputs, MetricInputs, MetricSettings, Movements, compute};
use serde::{Deserialize, Serialize};
use sqlx::sqlite::SqliteConnection;
use ts_rs::TS;

const KEY: &str = "metrics.setup";

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct MetricsSetup {
    pub costs: CostInputs,
    pub settings: MetricSettings,
    /// Saved before the thresholds existed: the defaults.
    #[serde(default)]
    pub warnings: WarningThresholds,
}

impl MetricsSetup {
    /// The domain's own checks (bands in order, margin a fraction, gap not negative), run on an
    /// empty period so the message is exactly the one the metrics would give.
    pub fn validate(&self) -> Result<(), StoreError> {
        let probe = MetricInputs {
            movements: Movements {
                starting_arr: Default::default(),
                new: Default::default(),
                expansion: Default::default(),
                contraction: Default::default(),
                churned: Default::default(),
                reactivated: Default::default(),
                ending_arr: Default::default(),
                customers_at_start: 0,
                new_customers: 0,
                churned_customers: 0,
                reactivated_customers: 0,
                customers_at_end: 0,
            },
            period_months: 1,
            nps: Default::default(),
            health_scores: Vec::new(),
            costs: self.costs,
            settings: self.settings,
        };
        let negative = [
            ("CS team cost", self.costs.cs_team_cost),
            ("Support team cost", self.costs.support_team_cost),
            ("CAC", self.costs.cac),
        ]
        .into_iter()
        .find(|(_, cost)| cost.is_some_and(|c| c.0 < 0));
        if let Some((name, _)) = negative {
            return Err(StoreError::InvalidInputs {
                reason: format!("{name} cannot be negative."),
            });
        }
        self.warnings.validate()?;
        compute(&probe)
            .map(|_| ())
            .map_err(|e| StoreError::InvalidInputs {
                reason: e.to_string(),
            })
    }
}

impl Store {
    /// The saved set-up, or the documented defaults when none was saved.
    pub async fn metrics_setup(&self) -> Result<MetricsSetup, StoreError> {
        let value: Option<String> = sqlx::query_scalar("SELECT value FROM settings WHERE key = ?1")
            .bind(KEY)
            .fetch_optional(&self.pool)
            .await
            .map_err(|e| self.db_error(e))?;
        match value {
            None => Ok(MetricsSetup::default()),
            Some(text) => serde_json::from_str(&text).map_err(|e| StoreError::Database {
                path: self.path.clone(),
                message: format!(
                    "the saved metric inputs (settings key {KEY}) are not readable ({e}); enter them again to replace them"
                ),
            }),
        }
    }

    pub async fn set_metrics_setup(&self, setup: &MetricsSetup) -> Result<(), StoreError> {
        setup.validate()?;
        let json = serde_json::to_string(setup).map_err(|e| StoreError::InvalidInputs {
            reason: format!("the metric inputs cannot be saved ({e}); nothing was saved"),
        })?;
        let mut tx = self.write_tx().await?;
        save(&mut tx, &json).await.map_err(|e| self.db_error(e))?;
        tx.commit().await.map_err(|e| self.db_error(e))
    }
}

/// Writes the set-up (already JSON) in the caller's transaction; the demo uses it too.
pub(crate) async fn save(conn: &mut SqliteConnection, json: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(KEY)
    .bind(json)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
