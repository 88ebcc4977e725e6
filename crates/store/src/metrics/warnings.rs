//! The early-warning list (DOMAIN.md §6.7, risk indicators of §6.8): customers at the end of a
//! period that renew within the next 90 days, and customers whose health score or active users
//! fell between the period's two snapshots, with the renewing ARR by health band (§6.2).

use super::snapshots::Snapshot;
use crate::{Store, StoreError};
use csplan_domain::Cents;
use csplan_domain::metrics::{HealthBand, HealthBands, WarningAccount};
use csplan_domain::segmentation::RENEWAL_WINDOW_DAYS;
use serde::Serialize;
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
    #[ts(type = "number")]
    pub health_fell: i64,
    #[ts(type = "number")]
    pub usage_fell: i64,
    /// Every listed account (or the first `limit`), renewals first, then by ARR, largest first.
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

/// ?1 start snapshot, ?2 end snapshot, ?3 end date, ?4 window end.
const FLAGGED: &str = "
    SELECT e.account_id, e.account_name, e.arr_cents, e.csm_owner, e.renewal_date,
           e.health_score, s.health_score AS health_before,
           e.active_users, s.active_users AS active_users_before,
           e.renewal_date BETWEEN ?3 AND ?4 AS renewal_due,
           coalesce(e.health_score < s.health_score, 0) AS health_fell,
           coalesce(e.active_users < s.active_users, 0) AS usage_fell
    FROM snapshot_accounts e
    LEFT JOIN snapshot_accounts s ON s.snapshot_id = ?1 AND s.account_id = e.account_id
    WHERE e.snapshot_id = ?2 AND e.arr_cents > 0
      AND (e.renewal_date BETWEEN ?3 AND ?4 OR e.health_score < s.health_score
           OR e.active_users < s.active_users)";

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
        limit: Option<u32>,
    ) -> Result<EarlyWarning, StoreError> {
        bands.validate().map_err(|e| StoreError::InvalidInputs {
            reason: e.to_string(),
        })?;
        let until: String = sqlx::query_scalar("SELECT date(?1, ?2)")
            .bind(&to.as_of)
            .bind(format!("+{RENEWAL_WINDOW_DAYS} days"))
            .fetch_one(&self.pool)
            .await
            .map_err(|e| self.db_error(e))?;
        let limit = limit.map_or(-1, i64::from);
        let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{FLAGGED} ORDER BY renewal_due DESC, e.arr_cents DESC, e.account_id LIMIT ?5"
        )))
        .bind(from.id)
        .bind(to.id)
        .bind(&to.as_of)
        .bind(&until)
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .map_err(|e| self.db_error(e))?;
        let counts: (i64, i64, i64) = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT count(*), coalesce(sum(health_fell), 0), coalesce(sum(usage_fell), 0) FROM ({FLAGGED})"
        )))
        .bind(from.id)
        .bind(to.id)
        .bind(&to.as_of)
        .bind(&until)
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
            health_fell: counts.1,
            usage_fell: counts.2,
            accounts,
            total: counts.0,
        })
    }
}
