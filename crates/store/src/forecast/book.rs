//! Where a plan starts: each ARR tier's logos and ARR today, and the CSMs serving it, from the
//! book's CSM owners (issue #4 part 2: "current CSMs per segment (from the book's CSM owners,
//! editable)"). A CSM who owns accounts in several tiers counts once, in the tier where they
//! own the most ARR (then the most accounts, then the larger tier), so the team is never counted
//! twice.

use csplan_domain::Cents;
use csplan_domain::segmentation::{ArrTier, TierBounds};
use serde::Serialize;
use sqlx::sqlite::SqliteConnection;
use std::collections::BTreeMap;
use ts_rs::TS;

/// One tier of the book today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BookSegment {
    pub segment: String,
    #[ts(type = "number")]
    pub accounts: u64,
    pub arr: Cents,
    /// Distinct CSM owners counted in this tier.
    #[ts(type = "number")]
    pub csms: u64,
}

/// Every (tier, owner) pair with its accounts and ARR; accounts without an owner are grouped
/// under NULL and count as book but not as CSMs.
const BY_TIER_AND_OWNER: &str = "
    SELECT CASE WHEN arr_cents >= ?1 THEN 0 WHEN arr_cents >= ?2 THEN 1 ELSE 2 END AS tier,
           nullif(trim(csm_owner), '') AS owner, count(*), sum(arr_cents)
    FROM accounts GROUP BY tier, owner";

pub(crate) async fn segments(
    conn: &mut SqliteConnection,
    bounds: &TierBounds,
) -> Result<Vec<BookSegment>, sqlx::Error> {
    let rows: Vec<(i64, Option<String>, i64, i64)> = sqlx::query_as(BY_TIER_AND_OWNER)
        .bind(bounds.enterprise_from.0)
        .bind(bounds.mid_market_from.0)
        .fetch_all(&mut *conn)
        .await?;
    let mut accounts = [0u64; 3];
    let mut arr = [0i64; 3];
    // Per owner: the best (ARR, accounts, tier preference) seen so far and its tier.
    let mut home: BTreeMap<String, ((i64, i64, i64), usize)> = BTreeMap::new();
    for (tier, owner, count, total) in rows {
        let Ok(tier) = usize::try_from(tier) else {
            continue;
        };
        if tier > 2 {
            continue;
        }
        accounts[tier] += u64::try_from(count).unwrap_or(0);
        arr[tier] += total;
        if let Some(owner) = owner {
            // The larger tier wins a tie: it is listed first, so it gets the higher preference.
            let key = (total, count, -(tier as i64));
            let entry = home.entry(owner).or_insert((key, tier));
            if key > entry.0 {
                *entry = (key, tier);
            }
        }
    }
    let mut csms = [0u64; 3];
    for (_, tier) in home.values() {
        csms[*tier] += 1;
    }
    Ok(ArrTier::ALL
        .iter()
        .enumerate()
        .filter(|(i, _)| accounts[*i] > 0)
        .map(|(i, tier)| BookSegment {
            segment: tier.name().to_string(),
            accounts: accounts[i],
            arr: Cents(arr[i]),
            csms: csms[i],
        })
        .collect())
}
