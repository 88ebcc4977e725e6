//! The metrics of a period between two snapshots (issue 7 part 2), for the whole book, per
//! segment (ARR tier, DOMAIN.md §2.7) or per CSM. The diff of DOMAIN.md §5.1/§5.3/§5.5 (new,
//! expansion, contraction, churn, reactivation) runs inside SQLite as a join of the two
//! snapshots' key ranges, so only a few totals per group cross into Rust: a million accounts
//! never leave the database. The totals become the domain's `Movements`, and the domain's
//! `compute_counted` turns them into the metrics with their formulas.
//!
//! Membership follows the domain's `Group`: an account's movements count in the group of its
//! start-of-period record when it was a customer then, otherwise in the group of its end record.
//! Health bands and NPS describe the book at the end of the period, by the end record's group.

use super::grouping::{Grouping, Measure};
use super::setup::MetricsSetup;
use super::snapshots::Snapshot;
use crate::{Store, StoreError};
use csplan_domain::Cents;
use csplan_domain::metrics::{
    Group, HealthBands, HealthDistribution, Metric, MetricInputs, Movements, NpsCounts,
    compute_counted,
};
use csplan_domain::segmentation::{IsoDate, TierBounds};
use serde::{Deserialize, Serialize};
use sqlx::AssertSqlSafe;
use std::collections::BTreeMap;
use ts_rs::TS;

/// What the CSM label of accounts without a named CSM reads (the pooled, one-to-many book).
pub const NO_CSM: &str = "(no named CSM)";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum GroupBy {
    Book,
    Segment,
    Csm,
}

/// One group's period: its movements, its health bands at the end, and every metric.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct GroupReport {
    pub group: Group,
    pub label: String,
    pub movements: Movements,
    pub health: HealthDistribution,
    pub metrics: Vec<Metric>,
}

/// The metrics of the period from one snapshot to a later one.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PeriodReport {
    pub from: Snapshot,
    pub to: Snapshot,
    /// Whole months between the two snapshot dates (at least 1).
    pub months: u32,
    /// The whole book first, then the groups asked for.
    pub groups: Vec<GroupReport>,
}

impl PeriodReport {
    /// The whole book's metric with this key.
    pub fn book_metric(&self, key: &str) -> Option<&Metric> {
        self.groups
            .first()
            .and_then(|g| g.metrics.iter().find(|m| m.key == key))
    }
}

/// Up to 1 GiB of the file mapped into memory for reading (SQLite's `mmap_size`).
pub(super) const MMAP: &str = "PRAGMA mmap_size = 1073741824";

/// Slices a period's queries run in at once, at most (the pool has four connections).
const MAX_SLICES: usize = 4;
/// Below this many customers a slice, splitting costs more than it saves.
const MIN_SLICE_ROWS: usize = 50_000;

#[derive(Debug, Clone, Copy)]
enum Side {
    /// Customers at the start; with `kept`, also those still customers at the end, in their
    /// group at the end (to derive the entrants from).
    Start { kept: bool },
    /// The book at the end, and with `entrants` its new and reactivated customers too.
    End { entrants: bool },
}

/// Customers at the start, each joined to its row at the end (absent or zero = churned).
const START: [Measure; 6] = [
    Measure::count(""),
    Measure::sum("s.arr_cents", ""),
    Measure::sum("e.arr_cents - s.arr_cents", "e.arr_cents > s.arr_cents"),
    Measure::sum(
        "s.arr_cents - e.arr_cents",
        "e.arr_cents > 0 AND e.arr_cents < s.arr_cents",
    ),
    Measure::sum("s.arr_cents", "coalesce(e.arr_cents, 0) = 0"),
    Measure::count("coalesce(e.arr_cents, 0) = 0"),
];
/// Of those, the customers at both dates and their ARR at the end.
const KEPT: [Measure; 2] = [
    Measure::count("e.arr_cents > 0"),
    Measure::sum("e.arr_cents", "e.arr_cents > 0"),
];
/// The book at the end: customers, ARR, health bands (?2 green from, ?3 yellow from) and NPS
/// bands (DOMAIN.md §5.6: detractors 0–6, passives 7–8, promoters 9–10).
const END: [Measure; 8] = [
    Measure::count(""),
    Measure::sum("e.arr_cents", ""),
    Measure::count("e.health_score >= ?2"),
    Measure::count("e.health_score >= ?3 AND e.health_score < ?2"),
    Measure::count("e.health_score < ?3"),
    Measure::count("e.nps >= 9"),
    Measure::count("e.nps BETWEEN 7 AND 8"),
    Measure::count("e.nps <= 6"),
];
/// Customers at the end that were not customers at the start: new, and reactivated.
const ENTRANTS: [Measure; 4] = [
    Measure::count("e.entrant AND NOT e.back"),
    Measure::sum("e.arr_cents", "e.entrant AND NOT e.back"),
    Measure::count("e.back"),
    Measure::sum("e.arr_cents", "e.back"),
];

/// One of a period's queries over one slice of account ids, owning what it binds so it can run
/// as a task of its own.
struct SliceQuery {
    store: Store,
    side: Side,
    by: GroupBy,
    sql: String,
    from: Snapshot,
    to: i64,
    bands: HealthBands,
    lo: String,
    hi: Option<String>,
}

impl SliceQuery {
    async fn run(self) -> Result<Vec<(String, Totals)>, StoreError> {
        let store = &self.store;
        let fail = |e| store.db_error(e);
        let mut conn = store.pool.acquire().await.map_err(fail)?;
        // Reads the file through the OS page cache the slices share, instead of copying every
        // page into each connection's own cache: a third of the CPU time on a million rows.
        sqlx::query(MMAP).execute(&mut *conn).await.map_err(fail)?;
        let grouping = Grouping::of(self.by, &TierBounds::default());
        let query = sqlx::query(AssertSqlSafe(self.sql.clone()));
        let (query, width, other) = match self.side {
            Side::Start { kept } => {
                let query = query.bind(self.from.id).bind(self.to);
                (query, START.len(), if kept { KEPT.len() } else { 0 })
            }
            Side::End { entrants } => {
                let query = query
                    .bind(self.to)
                    .bind(self.bands.green_from)
                    .bind(self.bands.yellow_from);
                let width = END.len() + if entrants { ENTRANTS.len() } else { 0 };
                (query, width, 0)
            }
        };
        let mut query = query.bind(&self.lo).bind(&self.hi);
        if let Side::End { entrants: true } = self.side {
            query = query.bind(self.from.id).bind(&self.from.as_of);
        }
        let rows = query.fetch_all(&mut *conn).await.map_err(fail)?;
        let groups = grouping.read(&rows, width, other).map_err(fail)?;
        Ok(groups
            .into_iter()
            .map(|(key, v)| {
                let at = |i: usize| v.get(i).copied().unwrap_or(0);
                let t = match self.side {
                    Side::Start { .. } => Totals {
                        start_customers: at(0),
                        start_arr: at(1),
                        expansion: at(2),
                        contraction: at(3),
                        churned: at(4),
                        churned_customers: at(5),
                        kept: at(6),
                        kept_end_arr: at(7),
                        ..Totals::default()
                    },
                    Side::End { .. } => Totals {
                        end_customers: at(0),
                        end_arr: at(1),
                        health: [at(2), at(3), at(4)],
                        nps: [at(5), at(6), at(7)],
                        new: at(8),
                        new_arr: at(9),
                        back: at(10),
                        back_arr: at(11),
                        ..Totals::default()
                    },
                };
                (key, t)
            })
            .collect())
    }
}

/// The condition that keeps the rows of `alias` in one slice: `?lo` and, unless the slice is
/// the last, `?hi` (a NULL `?hi` is never compared, so the last slice's query has no upper bound).
fn slice_sql(alias: &str, lo: usize, bounded: bool) -> String {
    let hi = lo + 1;
    if bounded {
        format!("{alias}.account_id >= ?{lo} AND {alias}.account_id < ?{hi}")
    } else {
        format!("{alias}.account_id >= ?{lo} AND ?{hi} IS NULL")
    }
}

/// Totals of one group, as the three queries add them up.
#[derive(Debug, Default, Clone)]
struct Totals {
    start_customers: i64,
    start_arr: i64,
    expansion: i64,
    contraction: i64,
    churned: i64,
    churned_customers: i64,
    /// Customers at both dates, and their ARR at the end.
    kept: i64,
    kept_end_arr: i64,
    new: i64,
    new_arr: i64,
    back: i64,
    back_arr: i64,
    end_customers: i64,
    end_arr: i64,
    health: [i64; 3],
    nps: [i64; 3],
}

/// The SQL for an account's group from the row `alias`; the tier bounds are our own integers.
pub(super) fn group_key(by: GroupBy, alias: &str, tiers: &TierBounds) -> String {
    match by {
        GroupBy::Book => "''".to_string(),
        GroupBy::Segment => format!(
            "CASE WHEN {alias}.arr_cents >= {} THEN 'Enterprise' WHEN {alias}.arr_cents >= {} THEN 'Mid-Market' ELSE 'SMB' END",
            tiers.enterprise_from.0, tiers.mid_market_from.0
        ),
        GroupBy::Csm => format!("coalesce({alias}.csm_owner, '')"),
    }
}

/// Customers at the start, each joined to its row at the end, per group (of the start record;
/// with `kept`, the kept customers per group of the end record).
fn start_side_sql(grouping: &Grouping, bounded: bool, kept: bool) -> String {
    let slice = slice_sql("s", 3, bounded);
    let start: Vec<&Measure> = START.iter().collect();
    let kept: Vec<&Measure> = KEPT.iter().filter(|_| kept).collect();
    let (select, group_by) = grouping.select(&start, "s.arr_cents", &kept, "e.arr_cents", "s");
    format!(
        "SELECT {select}
         FROM snapshot_accounts s
         LEFT JOIN snapshot_accounts e ON e.snapshot_id = ?2 AND e.account_id = s.account_id
         WHERE s.snapshot_id = ?1 AND s.arr_cents > 0 AND {slice}
         {group_by}"
    )
}

/// The book at the end, per group of the end record. With `entrants`, the same pass looks up
/// each account's start record (?6 the start snapshot, ?7 its date) and counts the customers
/// that were not customers then: reactivated when an earlier snapshot had them as customers,
/// new otherwise. One scan of the end rows instead of two.
fn end_side_sql(grouping: &Grouping, bounded: bool, entrants: bool) -> String {
    let slice = slice_sql("e", 4, bounded);
    let (start_join, entrant, back) = if entrants {
        (
            "LEFT JOIN snapshot_accounts s ON s.snapshot_id = ?6 AND s.account_id = e.account_id",
            "coalesce(s.arr_cents, 0) = 0",
            "CASE WHEN coalesce(s.arr_cents, 0) = 0 THEN
                  EXISTS (SELECT 1 FROM snapshot_accounts p
                          WHERE p.snapshot_id IN (SELECT id FROM snapshots
                                                  WHERE as_of < ?7 OR (as_of = ?7 AND id < ?6))
                            AND p.account_id = e.account_id AND p.arr_cents > 0)
             ELSE 0 END",
        )
    } else {
        ("", "0", "0")
    };
    let measures: Vec<&Measure> = END
        .iter()
        .chain(if entrants { &ENTRANTS[..] } else { &[] })
        .collect();
    let (select, group_by) = grouping.select(&measures, "e.arr_cents", &[], "", "e");
    format!(
        "SELECT {select}
         FROM (SELECT e.arr_cents, e.health_score, e.nps, e.csm_owner,
                      {entrant} AS entrant, {back} AS back
               FROM snapshot_accounts e {start_join}
               WHERE e.snapshot_id = ?1 AND e.arr_cents > 0 AND {slice}) AS e
         {group_by}"
    )
}

pub(super) fn count(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

impl Totals {
    /// Adds another slice's totals of the same group.
    fn add(&mut self, o: &Totals) {
        self.start_customers += o.start_customers;
        self.start_arr += o.start_arr;
        self.expansion += o.expansion;
        self.contraction += o.contraction;
        self.churned += o.churned;
        self.churned_customers += o.churned_customers;
        self.kept += o.kept;
        self.kept_end_arr += o.kept_end_arr;
        self.new += o.new;
        self.new_arr += o.new_arr;
        self.back += o.back;
        self.back_arr += o.back_arr;
        self.end_customers += o.end_customers;
        self.end_arr += o.end_arr;
        for i in 0..3 {
            self.health[i] += o.health[i];
            self.nps[i] += o.nps[i];
        }
    }

    fn movements(&self) -> Movements {
        let starting_arr = Cents(self.start_arr);
        let net = self.new_arr + self.expansion - self.contraction - self.churned + self.back_arr;
        let customers_at_start = count(self.start_customers);
        let new_customers = count(self.new);
        let churned_customers = count(self.churned_customers);
        let reactivated_customers = count(self.back);
        Movements {
            starting_arr,
            new: Cents(self.new_arr),
            expansion: Cents(self.expansion),
            contraction: Cents(self.contraction),
            churned: Cents(self.churned),
            reactivated: Cents(self.back_arr),
            ending_arr: starting_arr + Cents(net),
            customers_at_start,
            new_customers,
            churned_customers,
            reactivated_customers,
            customers_at_end: (customers_at_start + new_customers + reactivated_customers)
                .saturating_sub(churned_customers),
        }
    }

    fn health(&self) -> HealthDistribution {
        HealthDistribution {
            green: count(self.health[0]),
            yellow: count(self.health[1]),
            red: count(self.health[2]),
        }
    }

    fn nps(&self) -> NpsCounts {
        NpsCounts {
            promoters: count(self.nps[0]),
            passives: count(self.nps[1]),
            detractors: count(self.nps[2]),
        }
    }
}

pub(super) fn group_of(by: GroupBy, key: &str) -> Group {
    match by {
        GroupBy::Book => Group::Book,
        GroupBy::Segment => Group::Segment(key.to_string()),
        GroupBy::Csm if key.is_empty() => Group::Csm(NO_CSM.to_string()),
        GroupBy::Csm => Group::Csm(key.to_string()),
    }
}

/// Segments in tier order, CSMs by name with the pooled book last.
pub(super) fn order(by: GroupBy, key: &str) -> (u8, String) {
    match (by, key) {
        (GroupBy::Segment, "Enterprise") => (0, String::new()),
        (GroupBy::Segment, "Mid-Market") => (1, String::new()),
        (GroupBy::Segment, _) => (2, String::new()),
        (GroupBy::Csm, "") => (1, String::new()),
        _ => (0, key.to_string()),
    }
}

/// Whole months between two snapshot dates, at least one.
fn months_between(from: &str, to: &str) -> u32 {
    match (IsoDate::parse(from), IsoDate::parse(to)) {
        (Ok(a), Ok(b)) => u32::try_from(a.whole_months_until(b).max(1)).unwrap_or(1),
        _ => 1,
    }
}

impl Store {
    /// The metrics from the snapshot at or before `from` to the snapshot at or before `to`.
    pub async fn period_metrics(
        &self,
        from: &str,
        to: &str,
        by: GroupBy,
        setup: &MetricsSetup,
    ) -> Result<PeriodReport, StoreError> {
        let start = self.snapshot_at(from).await?;
        let end = self.snapshot_at(to).await?;
        self.metrics_between(start, end, by, setup).await
    }

    /// The metrics from one snapshot to a later one.
    pub async fn metrics_between(
        &self,
        from: Snapshot,
        to: Snapshot,
        by: GroupBy,
        setup: &MetricsSetup,
    ) -> Result<PeriodReport, StoreError> {
        setup.validate()?;
        if (from.as_of.as_str(), from.id) >= (to.as_of.as_str(), to.id) {
            return Err(StoreError::InvalidInputs {
                reason: format!(
                    "The period needs two different snapshots, the first one earlier: FROM finds \"{}\" ({}) and TO finds \"{}\" ({}). Choose dates that fall on different snapshots.",
                    from.label, from.as_of, to.label, to.as_of
                ),
            });
        }
        let months = months_between(&from.as_of, &to.as_of);
        let mut totals = self.totals(&from, &to, by, setup).await?;
        if by != GroupBy::Book {
            // Every account has exactly one group at each date, so the whole book's totals are
            // the groups' added up: a second pass over a million rows would only repeat them.
            let mut book = Totals::default();
            for (_, _, t) in &totals {
                book.add(t);
            }
            totals.insert(0, (GroupBy::Book, String::new(), book));
        }
        let mut groups = Vec::with_capacity(totals.len());
        for (group_by, key, t) in totals {
            let is_book = group_by == GroupBy::Book;
            let mut costs = setup.costs;
            if !is_book {
                // Team costs are the whole team's; a segment's or CSM's share is not known.
                costs.cs_team_cost = None;
                costs.support_team_cost = None;
            }
            let inputs = MetricInputs {
                movements: t.movements(),
                period_months: months,
                nps: t.nps(),
                health_scores: Vec::new(),
                costs,
                settings: setup.settings,
            };
            let metrics =
                compute_counted(&inputs, t.health(), 0).map_err(|e| StoreError::InvalidInputs {
                    reason: e.to_string(),
                })?;
            let group = group_of(group_by, &key);
            groups.push(GroupReport {
                label: group.label(),
                group,
                movements: inputs.movements,
                health: t.health(),
                metrics,
            });
        }
        Ok(PeriodReport {
            from,
            to,
            months,
            groups,
        })
    }

    /// Every group's totals, in report order. Each query runs on one slice of the account ids
    /// per core at the same time (SQLite answers one query on one thread), and the slices' totals
    /// are added up.
    async fn totals(
        &self,
        from: &Snapshot,
        to: &Snapshot,
        by: GroupBy,
        setup: &MetricsSetup,
    ) -> Result<Vec<(GroupBy, String, Totals)>, StoreError> {
        let grouping = Grouping::of(by, &TierBounds::default());
        let earlier: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM snapshots WHERE as_of < ?1 OR (as_of = ?1 AND id < ?2)",
        )
        .bind(&from.as_of)
        .bind(from.id)
        .fetch_one(&self.pool)
        .await
        .map_err(|e| self.db_error(e))?;
        // Nothing can be a reactivation, and a fixed group's entrants are simply its customers at
        // the end less those kept (by their end records' group): this saves a second join of a
        // million rows.
        let derive_entrants = grouping.is_fixed() && earlier == 0;

        let slices = self.slices(from).await?;
        let mut queries = tokio::task::JoinSet::new();
        for (lo, hi) in slices {
            let bounded = hi.is_some();
            let entrants = !derive_entrants;
            let parts = [
                (
                    Side::Start {
                        kept: derive_entrants,
                    },
                    start_side_sql(&grouping, bounded, derive_entrants),
                ),
                (
                    Side::End { entrants },
                    end_side_sql(&grouping, bounded, entrants),
                ),
            ];
            for (side, sql) in parts {
                let query = SliceQuery {
                    store: self.clone(),
                    side,
                    by,
                    sql,
                    from: from.clone(),
                    to: to.id,
                    bands: setup.settings.health_bands,
                    lo: lo.clone(),
                    hi: hi.clone(),
                };
                queries.spawn(query.run());
            }
        }
        let mut groups: BTreeMap<String, Totals> = BTreeMap::new();
        while let Some(done) = queries.join_next().await {
            let rows = done.map_err(|e| StoreError::Database {
                path: self.path().to_path_buf(),
                message: format!("a metrics query stopped unexpectedly ({e})"),
            })??;
            for (key, part) in rows {
                groups.entry(key).or_default().add(&part);
            }
        }
        if derive_entrants {
            for t in groups.values_mut() {
                t.new = t.end_customers - t.kept;
                t.new_arr = t.end_arr - t.kept_end_arr;
            }
        }
        // A tier with no customer at either date is no group of the period (as a GROUP BY
        // would have found it), but the whole book always is.
        let mut ordered: Vec<(String, Totals)> = groups
            .into_iter()
            .filter(|(_, t)| by == GroupBy::Book || t.start_customers > 0 || t.end_customers > 0)
            .collect();
        ordered.sort_by_key(|(key, _)| order(by, key));
        Ok(ordered.into_iter().map(|(key, t)| (by, key, t)).collect())
    }

    /// Account-id ranges `[lo, hi)` that cut the start snapshot into one slice per core (the
    /// last one open-ended); the end snapshot's rows fall in the same ranges.
    async fn slices(&self, from: &Snapshot) -> Result<Vec<(String, Option<String>)>, StoreError> {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        let parts = cores.clamp(1, MAX_SLICES);
        let rows = usize::try_from(from.customers).unwrap_or(0);
        let mut bounds = vec![String::new()];
        if rows >= MIN_SLICE_ROWS * parts {
            for k in 1..parts {
                let cut: Option<String> = sqlx::query_scalar(
                    "SELECT account_id FROM snapshot_accounts WHERE snapshot_id = ?1
                     ORDER BY account_id LIMIT 1 OFFSET ?2",
                )
                .bind(from.id)
                .bind(i64::try_from(rows * k / parts).unwrap_or(0))
                .fetch_optional(&self.pool)
                .await
                .map_err(|e| self.db_error(e))?;
                bounds.extend(cut.filter(|c| bounds.last() < Some(c)));
            }
        }
        let his = bounds.iter().skip(1).cloned().map(Some).chain([None]);
        Ok(bounds.iter().cloned().zip(his).collect())
    }

    /// The whole book's metrics for each pair of consecutive snapshots, oldest first: the trend.
    pub async fn metrics_trend(
        &self,
        setup: &MetricsSetup,
    ) -> Result<Vec<PeriodReport>, StoreError> {
        let snapshots = self.snapshots().await?;
        let mut trend = Vec::new();
        for pair in snapshots.windows(2) {
            if let [from, to] = pair {
                trend.push(
                    self.metrics_between(from.clone(), to.clone(), GroupBy::Book, setup)
                        .await?,
                );
            }
        }
        Ok(trend)
    }
}
