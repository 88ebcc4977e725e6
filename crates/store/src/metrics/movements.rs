//! A movements file (issue 7: "also accept a movements file (account, date, type, amount)"):
//! read with the domain's row rules (`parse_movement_row`), every problem reported with its
//! line, column, value and reason, then written in one transaction. Re-importing a file of the
//! same name replaces its rows instead of adding them twice. A period can then be measured from
//! its starting snapshot and the movements dated after it (`Movements::from_movements`).

use super::grouping::{Grouping, Measure};
use super::period::{GroupBy, GroupReport, MMAP, count, group_key, group_of, order};
use super::setup::MetricsSetup;
use super::snapshots::Snapshot;
use super::source_file::{read_off_runtime, source_name};
use crate::{ImportProblem, ImportReport, Store, StoreError};
use csplan_domain::Cents;
use csplan_domain::metrics::{
    AccountArr, Group, HealthDistribution, MetricInputs, Movement, MovementRowError, Movements,
    NpsCounts, compute_counted, parse_movement_kind, parse_movement_row,
};
use csplan_domain::segmentation::{IsoDate, TierBounds};
use serde::Serialize;
use sqlx::AssertSqlSafe;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use ts_rs::TS;

/// Health bands and NPS answers of one group at the end of a period.
type EndCounts = (HealthDistribution, NpsCounts);
/// One group: the starting records of the accounts the movements name, their rows, and the
/// customers no row names (how many, and their ARR), which stay as they were.
type Part = (Vec<AccountArr>, Vec<Movement>, (u32, Cents));

/// The header names a movements file may use for each of its four columns.
const COLUMNS: [(&str, &[&str]); 4] = [
    ("account", &["account", "account_id", "account id"]),
    ("date", &["date", "happened_on", "movement_date"]),
    ("type", &["type", "kind", "movement", "movement_type"]),
    ("amount", &["amount", "arr", "arr_change", "amount_usd"]),
];
/// The first problems are listed in full; past this many they are only counted.
const LISTED_PROBLEMS: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MovementsImport {
    pub file: String,
    #[ts(type = "number")]
    pub rows: u64,
    /// Rows of an earlier import of the same file name that these replaced.
    #[ts(type = "number")]
    pub replaced: u64,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
}

/// A period measured from a snapshot and the movements after it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MovementsPeriod {
    pub from: Snapshot,
    /// The last day whose movements count (YYYY-MM-DD).
    pub to: String,
    pub months: u32,
    #[ts(type = "number")]
    pub rows: u64,
    pub book: GroupReport,
    /// Each segment or CSM asked for, after the whole book (none for the whole book only).
    /// An account counts in the group of its record in the starting snapshot; accounts new in
    /// the movements have no such record and count in the whole book only (`Group::members`).
    pub groups: Vec<GroupReport>,
}

fn column_of(error: &MovementRowError) -> (&'static str, u64) {
    match error {
        MovementRowError::NoAccount { line } => ("account", *line),
        MovementRowError::Date { line, .. } => ("date", *line),
        MovementRowError::Type { line, .. } => ("type", *line),
        MovementRowError::Amount { line, .. }
        | MovementRowError::ZeroAmount { line }
        | MovementRowError::NegativeGain { line, .. } => ("amount", *line),
    }
}

#[derive(Default)]
struct Problems {
    list: Vec<ImportProblem>,
    total: u64,
}

impl Problems {
    fn push(&mut self, line: u64, column: Option<&str>, value: &str, reason: String) {
        self.total += 1;
        if self.list.len() < LISTED_PROBLEMS {
            self.list.push(ImportProblem {
                line,
                column: column.map(str::to_string),
                value: value.to_string(),
                reason,
            });
        }
    }
}

/// Reads and checks the whole file: the valid rows, or every problem.
fn read(file: &Path) -> Result<Result<Vec<(String, Movement)>, ImportReport>, StoreError> {
    let label = file.display().to_string();
    let mut problems = Problems::default();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(file)
        .map_err(|e| StoreError::io(file, "open", std::io::Error::other(e.to_string())))?;
    let header = reader
        .headers()
        .map_err(|e| StoreError::io(file, "read", std::io::Error::other(e.to_string())))?
        .clone();
    let mut positions = [0usize; 4];
    for (slot, (name, synonyms)) in positions.iter_mut().zip(COLUMNS) {
        match header
            .iter()
            .position(|h| synonyms.contains(&h.trim().to_lowercase().as_str()))
        {
            Some(p) => *slot = p,
            None => problems.push(
                1,
                Some(name),
                "",
                "is missing from the header row; a movements file has the columns account, date, type, amount".to_string(),
            ),
        }
    }
    let mut rows = Vec::new();
    if problems.total == 0 {
        for record in reader.records() {
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line());
                    problems.push(line, None, "", format!("cannot be read as CSV ({e})"));
                    continue;
                }
            };
            let line = record.position().map_or(0, |p| p.line());
            let field = |i: usize| record.get(positions[i]).unwrap_or_default();
            match parse_movement_row(line, field(0), field(1), field(2), field(3)) {
                Ok(row) => rows.push((row.date, row.movement)),
                Err(e) => {
                    let (column, line) = column_of(&e);
                    let index = COLUMNS.iter().position(|(n, _)| *n == column).unwrap_or(0);
                    let reason = e.to_string();
                    let reason = reason
                        .split_once(": ")
                        .map_or(reason.as_str(), |(_, r)| r)
                        .to_string();
                    problems.push(line, Some(column), field(index), reason);
                }
            }
        }
    }
    if problems.total > 0 {
        return Ok(Err(ImportReport {
            file: label,
            total_problems: problems.total,
            rejected_rows: problems.total,
            problems: problems.list,
        }));
    }
    Ok(Ok(rows))
}

impl Store {
    /// Imports a movements file; nothing is written unless every row is valid.
    pub async fn import_movements_csv(&self, file: &Path) -> Result<MovementsImport, StoreError> {
        let path = file.to_path_buf();
        let rows = read_off_runtime(file, move || read(&path))
            .await??
            .map_err(StoreError::InvalidImport)?;
        let source = source_name(file);
        let mut tx = self.write_tx().await?;
        let replaced = sqlx::query("DELETE FROM revenue_movements WHERE source = ?1")
            .bind(&source)
            .execute(&mut *tx)
            .await
            .map_err(|e| self.db_error(e))?
            .rows_affected();
        for (date, m) in &rows {
            sqlx::query(
                "INSERT INTO revenue_movements (account_id, happened_on, kind, amount_cents, source)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .bind(&m.account_id)
            .bind(date)
            .bind(m.kind.label())
            .bind(m.amount.0)
            .bind(&source)
            .execute(&mut *tx)
            .await
            .map_err(|e| self.db_error(e))?;
        }
        tx.commit().await.map_err(|e| self.db_error(e))?;
        Ok(MovementsImport {
            file: source,
            rows: rows.len() as u64,
            replaced,
            first_date: rows.iter().map(|(d, _)| d.clone()).min(),
            last_date: rows.iter().map(|(d, _)| d.clone()).max(),
        })
    }

    /// The whole book's metrics, and each group's of `by`, from the snapshot at or before
    /// `from` and the imported movements dated after it up to `to`, both included. Health and
    /// NPS are those of the latest snapshot on or before `to`, by that snapshot's groups.
    pub async fn movements_metrics(
        &self,
        from: &str,
        to: &str,
        by: GroupBy,
        setup: &MetricsSetup,
    ) -> Result<MovementsPeriod, StoreError> {
        setup.validate()?;
        let start = self.snapshot_at(from).await?;
        let end = IsoDate::parse(to).map_err(|e| StoreError::InvalidInputs {
            reason: format!("Period end: {e}."),
        })?;
        if end.to_string() <= start.as_of {
            return Err(StoreError::InvalidInputs {
                reason: format!(
                    "The period ends on {end}, but it starts at snapshot \"{}\" ({}): choose an end after the start.",
                    start.label, start.as_of
                ),
            });
        }
        let tiers = TierBounds::default();
        let last_day = end.to_string();
        // The queries do not depend on each other, so they run at once, each on a connection of
        // its own (SQLite answers one query on one thread).
        let (touched, start_totals, rows, group_end) = tokio::try_join!(
            self.touched(&start, &last_day, by, &tiers),
            self.start_totals(&start, by, &tiers),
            self.period_rows(&start.as_of, &last_day),
            self.end_counts(to, by, setup, &tiers),
        )?;
        let months = u32::try_from(
            IsoDate::parse(&start.as_of)
                .map(|a| a.whole_months_until(end).max(1))
                .unwrap_or(1),
        )
        .unwrap_or(1);
        // Health and NPS at the end, each group's by its end record; the whole book's adds
        // them up (every customer has a group), so the end snapshot is read once.
        let mut total = EndCounts::default();
        for (health, nps) in group_end.values() {
            total.0.green += health.green;
            total.0.yellow += health.yellow;
            total.0.red += health.red;
            total.1.promoters += nps.promoters;
            total.1.passives += nps.passives;
            total.1.detractors += nps.detractors;
        }
        let measure = |group: &Group, (health, nps): EndCounts, part: &Part| {
            let (accounts, rows, (customers, arr)) = part;
            let movements = Movements::from_movements(accounts, rows)
                .map_err(|e| StoreError::InvalidInputs {
                    reason: format!(
                        "The movements after snapshot \"{}\" ({}) do not fit its book: {e}.",
                        start.label, start.as_of
                    ),
                })?
                .with_unchanged(*customers, *arr);
            let mut costs = setup.costs;
            if *group != Group::Book {
                // Team costs are the whole team's; a segment's or CSM's share is not known.
                costs.cs_team_cost = None;
                costs.support_team_cost = None;
            }
            let inputs = MetricInputs {
                movements,
                period_months: months,
                nps,
                health_scores: Vec::new(),
                costs,
                settings: setup.settings,
            };
            let metrics =
                compute_counted(&inputs, health, 0).map_err(|e| StoreError::InvalidInputs {
                    reason: e.to_string(),
                })?;
            Ok::<_, StoreError>(GroupReport {
                label: group.label(),
                group: group.clone(),
                movements: inputs.movements,
                health,
                metrics,
            })
        };
        // Each account in the group of its record in the starting snapshot (`Group::members`
        // with no end book: accounts new in the file have none and count in the book only).
        let mut parts: BTreeMap<String, Part> = BTreeMap::new();
        let mut key_of: HashMap<String, String> = HashMap::new();
        // The customers no row names are the whole starting book less those the rows name.
        let mut book: Part = (Vec::new(), rows, (count(start.customers), start.arr));
        for (key, customers, arr) in start_totals {
            parts.entry(key).or_default().2 = (count(customers), Cents(arr));
        }
        for (account_id, arr, key) in touched {
            let account = AccountArr {
                account_id: account_id.clone(),
                arr: Cents(arr),
                segment: None,
                csm: None,
            };
            let part = parts.entry(key.clone()).or_default();
            if arr > 0 {
                let (customers, total) = &mut part.2;
                *customers = customers.saturating_sub(1);
                *total = *total - Cents(arr);
                book.2 = (book.2.0.saturating_sub(1), book.2.1 - Cents(arr));
            }
            if by != GroupBy::Book {
                part.0.push(account.clone());
                key_of.insert(account_id, key);
            }
            book.0.push(account);
        }
        for row in &book.1 {
            if let Some(part) = key_of.get(&row.account_id).and_then(|k| parts.get_mut(k)) {
                part.1.push(row.clone());
            }
        }
        // The whole book's movements and the groups' are worked out from the same rows on two
        // cores at once: each walks every row the period names (a tenth of a second on 99k).
        let (whole, groups) = std::thread::scope(|scope| {
            let whole = scope.spawn(|| measure(&Group::Book, total, &book));
            let mut groups = Vec::new();
            if by != GroupBy::Book {
                // The groups with a customer at the start or a movement, in the snapshot
                // periods' order.
                let mut parts: Vec<(String, Part)> = parts
                    .into_iter()
                    .filter(|(_, (accounts, rows, (customers, _)))| {
                        *customers > 0 || !rows.is_empty() || accounts.iter().any(|a| a.arr.0 > 0)
                    })
                    .collect();
                parts.sort_by_key(|(key, _)| order(by, key));
                for (key, part) in &parts {
                    let ends = group_end.get(key).copied().unwrap_or_default();
                    groups.push(measure(&group_of(by, key), ends, part));
                }
            }
            let whole = whole.join().unwrap_or_else(|_| {
                Err(StoreError::InvalidInputs {
                    reason: "The whole book's movements could not be worked out.".to_string(),
                })
            });
            (whole, groups)
        });
        // The book's problem first, then the groups' in order, as one after the other found them.
        let whole = whole?;
        let groups = groups.into_iter().collect::<Result<Vec<_>, _>>()?;
        let rows = book.1;
        Ok(MovementsPeriod {
            from: start,
            to: end.to_string(),
            months,
            rows: rows.len() as u64,
            book: whole,
            groups,
        })
    }

    /// The starting records of the accounts the period's rows name, each with its group: only
    /// these cross into Rust; the rest of the book is added as totals (`with_unchanged`).
    async fn touched(
        &self,
        start: &Snapshot,
        to: &str,
        by: GroupBy,
        tiers: &TierBounds,
    ) -> Result<Vec<(String, i64, String)>, StoreError> {
        let key = group_key(by, "s", tiers);
        let fail = |e| self.db_error(e);
        let mut conn = self.pool.acquire().await.map_err(fail)?;
        sqlx::query(MMAP).execute(&mut *conn).await.map_err(fail)?;
        sqlx::query_as(AssertSqlSafe(format!(
            "SELECT s.account_id, s.arr_cents, {key} FROM snapshot_accounts s
             WHERE s.snapshot_id = ?1 AND s.account_id IN (
                 SELECT account_id FROM revenue_movements
                 WHERE happened_on > ?2 AND happened_on <= ?3)"
        )))
        .bind(start.id)
        .bind(&start.as_of)
        .bind(to)
        .fetch_all(&mut *conn)
        .await
        .map_err(fail)
    }

    /// Customers and ARR of each group of `by` at the start, the accounts the rows name
    /// included (the caller takes them off: a `NOT IN` their ids here probed a 99k-id list for
    /// each of a million rows, half a second). The whole book's are the snapshot's own totals
    /// (`finish_header`), so for it no row is read.
    async fn start_totals(
        &self,
        start: &Snapshot,
        by: GroupBy,
        tiers: &TierBounds,
    ) -> Result<Vec<(String, i64, i64)>, StoreError> {
        if by == GroupBy::Book {
            return Ok(Vec::new());
        }
        let grouping = Grouping::of(by, tiers);
        let measures = [&Measure::count(""), &Measure::sum("s.arr_cents", "")];
        let (select, group_by) = grouping.select(&measures, "s.arr_cents", &[], "", "s");
        let fail = |e| self.db_error(e);
        let mut conn = self.pool.acquire().await.map_err(fail)?;
        sqlx::query(MMAP).execute(&mut *conn).await.map_err(fail)?;
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT {select} FROM snapshot_accounts s
             WHERE s.snapshot_id = ?1 AND s.arr_cents > 0
             {group_by}"
        )))
        .bind(start.id)
        .fetch_all(&mut *conn)
        .await
        .map_err(fail)?;
        Ok(grouping
            .read(&rows, measures.len(), 0)
            .map_err(fail)?
            .into_iter()
            .map(|(key, v)| (key, v[0], v[1]))
            .collect())
    }

    /// The rows dated after `from` up to `to`, in the order they happened.
    async fn period_rows(&self, from: &str, to: &str) -> Result<Vec<Movement>, StoreError> {
        let stored: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT account_id, kind, amount_cents FROM revenue_movements
             WHERE happened_on > ?1 AND happened_on <= ?2 ORDER BY happened_on, id",
        )
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await
        .map_err(|e| self.db_error(e))?;
        Ok(stored
            .into_iter()
            .filter_map(|(account_id, kind, amount)| {
                Some(Movement {
                    account_id,
                    kind: parse_movement_kind(&kind)?,
                    amount: Cents(amount),
                })
            })
            .collect())
    }

    /// Health bands (?2 green from, ?3 yellow from) and NPS answers (DOMAIN.md §5.6) of the
    /// customers in the latest snapshot on or before `to`, per group of `by` ("" for the book).
    async fn end_counts(
        &self,
        to: &str,
        by: GroupBy,
        setup: &MetricsSetup,
        tiers: &TierBounds,
    ) -> Result<BTreeMap<String, EndCounts>, StoreError> {
        let health_of = self.snapshot_at(to).await?;
        let bands = setup.settings.health_bands;
        let grouping = Grouping::of(by, tiers);
        let measures = [
            &Measure::count("e.health_score >= ?2"),
            &Measure::count("e.health_score >= ?3 AND e.health_score < ?2"),
            &Measure::count("e.health_score < ?3"),
            &Measure::count("e.nps >= 9"),
            &Measure::count("e.nps BETWEEN 7 AND 8"),
            &Measure::count("e.nps <= 6"),
        ];
        let (select, group_by) = grouping.select(&measures, "e.arr_cents", &[], "", "e");
        let fail = |e| self.db_error(e);
        let mut conn = self.pool.acquire().await.map_err(fail)?;
        sqlx::query(MMAP).execute(&mut *conn).await.map_err(fail)?;
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT {select}
             FROM snapshot_accounts e WHERE e.snapshot_id = ?1 AND e.arr_cents > 0
             {group_by}"
        )))
        .bind(health_of.id)
        .bind(bands.green_from)
        .bind(bands.yellow_from)
        .fetch_all(&mut *conn)
        .await
        .map_err(fail)?;
        let counted = grouping.read(&rows, measures.len(), 0).map_err(fail)?;
        Ok(counted
            .into_iter()
            .map(|(grp, v)| (grp, [v[0], v[1], v[2], v[3], v[4], v[5]]))
            .map(
                |(grp, [green, yellow, red, promoters, passives, detractors])| {
                    let health = HealthDistribution {
                        green: count(green),
                        yellow: count(yellow),
                        red: count(red),
                    };
                    let nps = NpsCounts {
                        promoters: count(promoters),
                        passives: count(passives),
                        detractors: count(detractors),
                    };
                    (grp, (health, nps))
                },
            )
            .collect())
    }
}
