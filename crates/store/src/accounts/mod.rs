//! The customer book: every account's ARR for the planners, tier summaries straight from the ARR
//! index, and every account as the domain's `Account` (imports live in `crate::imports`).

mod calendar;
mod read;
mod row;

pub(crate) use calendar::is_leap;
pub(crate) use row::{AccountRow, ICP_FITS, PLANS, REGIONS, STAGES};
// Snapshots of the book read accounts CSV exports with the import's reader and checks.
pub(crate) use crate::imports::scan_book as scan;

use crate::{Store, StoreError};
use csplan_domain::Cents;
use csplan_domain::segmentation::{ArrTier, SegmentBook, TierBounds};

/// One range aggregate per tier; each walks only the `accounts_arr` index (a covering index:
/// count and sum need nothing else), with no sorting and no rows sent back.
const TIER_SUMMARY_SQL: &str = "
    SELECT 0 AS tier, count(*), coalesce(sum(arr_cents), 0) FROM accounts WHERE arr_cents >= ?1
    UNION ALL
    SELECT 1, count(*), coalesce(sum(arr_cents), 0) FROM accounts
        WHERE arr_cents >= ?2 AND arr_cents < ?1
    UNION ALL
    SELECT 2, count(*), coalesce(sum(arr_cents), 0) FROM accounts WHERE arr_cents < ?2";

impl Store {
    /// Every account's ARR, for planners that keep the book in memory.
    pub async fn account_arr(&self) -> Result<Vec<Cents>, StoreError> {
        let arr: Vec<i64> = sqlx::query_scalar("SELECT arr_cents FROM accounts")
            .fetch_all(&self.pool)
            .await
            .map_err(|e| self.db_error(e))?;
        Ok(arr.into_iter().map(Cents).collect())
    }

    /// The same result as `segment_by_tier(&account_arr, bounds)`, computed inside SQLite.
    pub async fn tier_summary(&self, bounds: &TierBounds) -> Result<Vec<SegmentBook>, StoreError> {
        bounds.validate().map_err(|e| StoreError::InvalidInputs {
            reason: e.to_string(),
        })?;
        let rows: Vec<(i64, i64, i64)> = sqlx::query_as(TIER_SUMMARY_SQL)
            .bind(bounds.enterprise_from.0)
            .bind(bounds.mid_market_from.0)
            .fetch_all(&self.pool)
            .await
            .map_err(|e| self.db_error(e))?;
        Ok(rows
            .into_iter()
            .filter_map(|(tier, accounts, total)| {
                let tier = ArrTier::ALL.get(usize::try_from(tier).ok()?)?;
                (accounts > 0).then(|| SegmentBook {
                    segment: tier.name().to_string(),
                    accounts: u64::try_from(accounts).unwrap_or(0),
                    total_arr: Cents(total),
                })
            })
            .collect())
    }
}
