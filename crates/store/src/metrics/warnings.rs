//! The early-warning list (DOMAIN.md §6.7, risk indicators of §6.8): customers at the end of a
//! period that renew within the next 90 days, and customers whose health score or active users
//! fell between the period's two snapshots, with the renewing ARR by health band (§6.2).

use super::snapshots::Snapshot;
use crate::{Store, StoreError};
use csplan_domain::Cents;
use csplan_domain::metrics::{HealthBand, HealthBands, WarningAccount};
use csplan_domain::segmentation::RENEWAL_WINDOW_DAYS;
use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use ts_rs::TS;

/// The renewals of one health band.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BandRenewals {
    pub band: HealthBand,
    #[ts(type = "number")]
    pub accounts: i64,
    pub arr: Cents,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct EarlyWarning {
    pub from: Snapshot,
    pub to: Snapshot,
    /// The renewal window: from `to.as_of` to this day, both included.
    pub renewals_until: String,
    /// Green, yellow, red.
    pub renewals_by_band: Vec<BandRenewals>,
    /// The falls that count, as used for this list.
    pub thresholds: WarningThresholds,
    #[ts(type = "number")]
    pub health_fell: i64,
    #[ts(type = "number")]
    pub usage_fell: i64,
    /// Every listed account (or the first `limit`), the most at risk first: red, then yellow,
    /// then green; within a band renewals first, then the largest ARR.
    pub accounts: Vec<WarningAccount>,
    /// How many accounts the whole list has.
    #[ts(type = "number")]
    pub total: i64,
}

#[derive(FromRow)]
struct Row {
    account_id: String,
    account_name: String,
    arr_cents: i64,
    csm_owner: Option<String>,
    renewal_date: String,
    health_score: i64,
    health_before: Option<i64>,
    active_users: i64,
    active_users_before: Option<i64>,
    renewal_due: bool,
    health_fell: bool,
    usage_fell: bool,
}

/// When a fall counts (DOMAIN.md §8.5: risk-indicator thresholds are NOT IN SOURCES, so they
/// are settings). CS Plan's defaults: health down 10 points or more, active users down 20% or
/// more; smaller moves are the month-to-month noise of a health score.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct WarningThresholds {
    pub health_drop_points: f64,
    pub usage_drop_percent: f64,
}

impl Default for WarningThresholds {
    fn default() -> WarningThresholds {
        WarningThresholds {
            health_drop_points: 10.0,
            usage_drop_percent: 20.0,
        }
    }
}

impl WarningThresholds {
    pub fn validate(&self) -> Result<(), StoreError> {
        let points = self.health_drop_points;
        let percent = self.usage_drop_percent;
        if !(points.is_finite() && points > 0.0 && points <= 100.0) {
            return Err(StoreError::InvalidInputs {
                reason: format!(
                    "Early warning: a health fall of {points} points cannot be used; give 1 to 100 points."
                ),
            });
        }
        if !(percent.is_finite() && percent > 0.0 && percent <= 100.0) {
            return Err(StoreError::InvalidInputs {
                reason: format!(
                    "Early warning: a usage fall of {percent}% cannot be used; give more than 0 and at most 100 percent."
                ),
            });
        }
        Ok(())
    }
}

/// ?1 start snapshot, ?2 end snapshot, ?3 end date, ?4 window end, ?6 health drop in points,
/// ?7 share of active users kept at most (1 − usage drop).
const FLAGGED: &str = "
    SELECT e.account_id, e.account_name, e.arr_cents, e.csm_owner, e.renewal_date,
           e.health_score, s.health_score AS health_before,
           e.active_users, s.active_users AS active_users_before,
           e.renewal_date BETWEEN ?3 AND ?4 AS renewal_due,
           coalesce(e.health_score <= s.health_score - ?6, 0) AS health_fell,
           coalesce(s.active_users > 0 AND e.active_users <= s.active_users * ?7, 0) AS usage_fell
    FROM snapshot_accounts e
    LEFT JOIN snapshot_accounts s ON s.snapshot_id = ?1 AND s.account_id = e.account_id
    WHERE e.snapshot_id = ?2 AND e.arr_cents > 0
      AND (e.renewal_date BETWEEN ?3 AND ?4 OR e.health_score <= s.health_score - ?6
           OR (s.active_users > 0 AND e.active_users <= s.active_users * ?7))";

fn band_of(bands: &HealthBands, score: i64) -> HealthBand {
    // Scores are whole points from 0 to 100, always a number.
    bands.classify(score as f64).unwrap_or(HealthBand::Red)
}

impl Store {
    /// The early-warning list of the period from `from` to `to`; `limit` caps the accounts
    /// listed (the totals always count them all).
    pub async fn early_warning(
        &self,
        from: Snapshot,
        to: Snapshot,
        bands: &HealthBands,
        thresholds: &WarningThresholds,
        limit: Option<u32>,
    ) -> Result<EarlyWarning, StoreError> {
        bands.validate().map_err(|e| StoreError::InvalidInputs {
            reason: e.to_string(),
        })?;
        thresholds.validate()?;
        let drop = thresholds.health_drop_points;
        let kept = 1.0 - thresholds.usage_drop_percent / 100.0;
        let until: String = sqlx::query_scalar("SELECT date(?1, ?2)")
            .bind(&to.as_of)
            .bind(format!("+{RENEWAL_WINDOW_DAYS} days"))
            .fetch_one(&self.pool)
            .await
            .map_err(|e| self.db_error(e))?;
        let limit = limit.map_or(-1, i64::from);
        let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{FLAGGED}
             ORDER BY e.health_score >= ?9, e.health_score >= ?8, renewal_due DESC,
                      e.arr_cents DESC, e.account_id
             LIMIT ?5"
        )))
        .bind(from.id)
        .bind(to.id)
        .bind(&to.as_of)
        .bind(&until)
        .bind(limit)
        .bind(drop)
        .bind(kept)
        .bind(bands.green_from)
        .bind(bands.yellow_from)
        .fetch_all(&self.pool)
        .await
        .map_err(|e| self.db_error(e))?;
        let counts: (i64, i64, i64) = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT count(*), coalesce(sum(health_fell), 0), coalesce(sum(usage_fell), 0)
             FROM ({FLAGGED}) WHERE ?5 IS NULL"
        )))
        .bind(from.id)
        .bind(to.id)
        .bind(&to.as_of)
        .bind(&until)
        .bind(None::<i64>)
        .bind(drop)
        .bind(kept)
        .fetch_one(&self.pool)
        .await
        .map_err(|e| self.db_error(e))?;
        let by_band: Vec<(i64, i64, i64)> = sqlx::query_as(
            "SELECT CASE WHEN health_score >= ?3 THEN 0 WHEN health_score >= ?4 THEN 1 ELSE 2 END AS band,
                    count(*), sum(arr_cents)
             FROM snapshot_accounts
             WHERE snapshot_id = ?1 AND arr_cents > 0 AND renewal_date BETWEEN ?2 AND ?5
             GROUP BY band",
        )
        .bind(to.id)
        .bind(&to.as_of)
        .bind(bands.green_from)
        .bind(bands.yellow_from)
        .bind(&until)
        .fetch_all(&self.pool)
        .await
        .map_err(|e| self.db_error(e))?;
        let renewals_by_band = [HealthBand::Green, HealthBand::Yellow, HealthBand::Red]
            .into_iter()
            .enumerate()
            .map(|(index, band)| {
                let found = by_band.iter().find(|(b, _, _)| *b == index as i64);
                BandRenewals {
                    band,
                    accounts: found.map_or(0, |f| f.1),
                    arr: Cents(found.map_or(0, |f| f.2)),
                }
            })
            .collect();
        let accounts = rows
            .into_iter()
            .map(|r| WarningAccount {
                band: band_of(bands, r.health_score),
                account_id: r.account_id,
                account_name: r.account_name,
                arr: Cents(r.arr_cents),
                csm_owner: r.csm_owner,
                renewal_date: r.renewal_date,
                health_score: r.health_score,
                health_before: r.health_before,
                active_users: r.active_users,
                active_users_before: r.active_users_before,
                renewal_due: r.renewal_due,
                health_fell: r.health_fell,
                usage_fell: r.usage_fell,
            })
            .collect();
        Ok(EarlyWarning {
            from,
            to,
            renewals_until: until,
            renewals_by_band,
            thresholds: *thresholds,
            health_fell: counts.1,
            usage_fell: counts.2,
            accounts,
            total: counts.0,
        })
    }
}
