//! Where a plan starts: each ARR tier's logos and ARR today, and the CSMs serving it, from the
//! book's CSM owners (issue #4 part 2: "current CSMs per segment (from the book's CSM owners,
//! editable)"). A CSM who owns accounts in several tiers counts once, in the tier where they
//! own the most ARR (then the most accounts, then the larger tier), so the team is never counted
//! twice.

use csplan_domain::Cents;
use csplan_domain::capacity::SegmentCatalog;
use csplan_domain::segmentation::{Account, ArrTier, RuleSet, TierBounds, assign};
use serde::Serialize;
use sqlx::sqlite::SqliteConnection;
use std::collections::BTreeMap;
use ts_rs::TS;

/// One tier (or rule-set segment) of the book today.
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

/// The book split by a saved rule set instead of the ARR tiers (first matching rule wins, the
/// catch-all last): each segment that holds accounts, with its CSM owners counted once, in the
/// segment where they own the most ARR (then the most accounts, then the earlier segment).
pub(crate) fn rule_segments(rules: &RuleSet, accounts: &[Account]) -> Vec<BookSegment> {
    let names = rules.segment_names();
    let assigned = assign(rules, accounts);
    let mut count = vec![0u64; names.len()];
    let mut arr = vec![0i64; names.len()];
    // Per owner and segment: ARR and accounts.
    let mut owned: BTreeMap<(&str, usize), (i64, i64)> = BTreeMap::new();
    for (account, &segment) in accounts.iter().zip(&assigned) {
        let Some(slot) = count.get_mut(segment) else {
            continue;
        };
        *slot += 1;
        arr[segment] += account.arr.0;
        if let Some(owner) = account
            .csm_owner
            .as_deref()
            .map(str::trim)
            .filter(|o| !o.is_empty())
        {
            let entry = owned.entry((owner, segment)).or_insert((0, 0));
            entry.0 += account.arr.0;
            entry.1 += 1;
        }
    }
    let mut home: BTreeMap<&str, ((i64, i64, i64), usize)> = BTreeMap::new();
    for ((owner, segment), (total, accounts)) in owned {
        let key = (total, accounts, -(segment as i64));
        let entry = home.entry(owner).or_insert((key, segment));
        if key > entry.0 {
            *entry = (key, segment);
        }
    }
    let mut csms = vec![0u64; names.len()];
    for (_, segment) in home.values() {
        csms[*segment] += 1;
    }
    names
        .iter()
        .enumerate()
        .filter(|(i, _)| count[*i] > 0)
        .map(|(i, name)| BookSegment {
            segment: (*name).to_string(),
            accounts: count[i],
            arr: Cents(arr[i]),
            csms: csms[i],
        })
        .collect()
}

/// Each rule-set segment's activity catalogue (a segment without one has no bottom-up load).
pub(crate) fn rule_catalogs(rules: &RuleSet) -> Vec<SegmentCatalog> {
    rules
        .segments
        .iter()
        .map(|s| (s.name.as_str(), s.activities.as_ref()))
        .chain(std::iter::once((
            rules.catch_all.name.as_str(),
            rules.catch_all.activities.as_ref(),
        )))
        .filter_map(|(name, activities)| {
            activities.map(|a| SegmentCatalog {
                segment: name.to_string(),
                activities: a.clone(),
            })
        })
        .collect()
}
