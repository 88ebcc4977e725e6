//! Dated snapshots of the book (issue 7 part 1): taken from the workspace's accounts in one
//! `INSERT ... SELECT`, added from an accounts CSV export of another date (checked by the
//! accounts importer's own column rules), listed, looked up by date and deleted.

use super::source_file::{read_off_runtime, source_name};
use crate::accounts::{AccountRow, scan};
use crate::{Store, StoreError};
use csplan_domain::Cents;
use csplan_domain::segmentation::IsoDate;
use serde::Serialize;
use sqlx::sqlite::SqliteConnection;
use sqlx::{FromRow, Sqlite, Transaction};
use std::path::Path;
use ts_rs::TS;

/// 10 parameters a row: 500 rows use 5,000 of SQLite's 32,766 parameters per statement.
const ROWS_PER_STATEMENT: usize = 500;
const COLUMNS: &str = "snapshot_id, account_id, account_name, arr_cents, health_score, nps,
    active_users, licenses, renewal_date, csm_owner";

/// One snapshot as listed: its date, label, where it came from and the book's size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Snapshot {
    #[ts(type = "number")]
    pub id: i64,
    /// `YYYY-MM-DD`.
    pub as_of: String,
    pub label: String,
    /// `workspace`, `demo` or the CSV file's name.
    pub source: String,
    /// Accounts with ARR above zero.
    #[ts(type = "number")]
    pub customers: i64,
    pub arr: Cents,
    pub created_at: String,
}

#[derive(FromRow)]
struct SnapshotRecord {
    id: i64,
    as_of: String,
    label: String,
    source: String,
    customers: i64,
    arr_cents: i64,
    created_at: String,
}

impl From<SnapshotRecord> for Snapshot {
    fn from(r: SnapshotRecord) -> Snapshot {
        Snapshot {
            id: r.id,
            as_of: r.as_of,
            label: r.label,
            source: r.source,
            customers: r.customers,
            arr: Cents(r.arr_cents),
            created_at: r.created_at,
        }
    }
}

const SELECT_SNAPSHOT: &str =
    "SELECT id, as_of, label, source, customers, arr_cents, created_at FROM snapshots";

fn check_date(as_of: &str) -> Result<(), StoreError> {
    IsoDate::parse(as_of)
        .map(|_| ())
        .map_err(|e| StoreError::InvalidInputs {
            reason: format!("Snapshot date: {e}."),
        })
}

fn check_label(label: &str) -> Result<String, StoreError> {
    crate::names::check(label, true).map_err(|problem| StoreError::InvalidName {
        reason: match problem {
            crate::names::NameProblem::Empty => {
                "A snapshot needs a label, e.g. \"2026-Q2\".".to_string()
            }
            crate::names::NameProblem::TooLong { chars } => format!(
                "The snapshot label has {chars} characters; at most {} are allowed.",
                crate::names::MAX_CHARS
            ),
        },
    })
}

/// Writes the snapshot's header row before its accounts (they reference it).
pub(crate) async fn insert_header(
    conn: &mut SqliteConnection,
    as_of: &str,
    label: &str,
    source: &str,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO snapshots (as_of, label, source, customers, arr_cents, created_at)
         VALUES (?1, ?2, ?3, 0, 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
         RETURNING id",
    )
    .bind(as_of)
    .bind(label)
    .bind(source)
    .fetch_one(&mut *conn)
    .await
}

/// Records the customers and ARR once the snapshot's rows are written.
pub(crate) async fn finish_header(conn: &mut SqliteConnection, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE snapshots SET (customers, arr_cents) = (
             SELECT count(*), coalesce(sum(arr_cents), 0) FROM snapshot_accounts
             WHERE snapshot_id = ?1 AND arr_cents > 0)
         WHERE id = ?1",
    )
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// One account of a snapshot, as the demo and the CSV reader hand it over.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SnapshotRow {
    pub account_id: String,
    pub account_name: String,
    pub arr: Cents,
    pub health_score: i64,
    pub nps: Option<i64>,
    pub active_users: i64,
    pub licenses: i64,
    pub renewal_date: String,
    pub csm_owner: Option<String>,
}

impl From<AccountRow> for SnapshotRow {
    fn from(row: AccountRow) -> SnapshotRow {
        SnapshotRow {
            account_id: row.account_id,
            account_name: row.account_name,
            arr: row.arr,
            health_score: row.health_score,
            nps: row.nps,
            active_users: row.active_users,
            licenses: row.licenses,
            renewal_date: row.renewal_date,
            csm_owner: row.csm_owner,
        }
    }
}

/// Inserts rows in statements of up to [`ROWS_PER_STATEMENT`]; the caller owns the transaction.
pub(crate) async fn insert_rows(
    conn: &mut SqliteConnection,
    snapshot_id: i64,
    rows: Vec<SnapshotRow>,
) -> Result<(), sqlx::Error> {
    for chunk in rows.chunks(ROWS_PER_STATEMENT) {
        let values = vec!["(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"; chunk.len()].join(", ");
        let sql = format!("INSERT INTO snapshot_accounts ({COLUMNS}) VALUES {values}");
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for row in chunk {
            query = query
                .bind(snapshot_id)
                .bind(&row.account_id)
                .bind(&row.account_name)
                .bind(row.arr.0)
                .bind(row.health_score)
                .bind(row.nps)
                .bind(row.active_users)
                .bind(row.licenses)
                .bind(&row.renewal_date)
                .bind(&row.csm_owner);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

impl Store {
    /// Every snapshot, oldest first (by date, then in the order they were made).
    pub async fn snapshots(&self) -> Result<Vec<Snapshot>, StoreError> {
        let records: Vec<SnapshotRecord> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SELECT_SNAPSHOT} ORDER BY as_of, id"
        )))
        .fetch_all(&self.pool)
        .await
        .map_err(|e| self.db_error(e))?;
        Ok(records.into_iter().map(Snapshot::from).collect())
    }

    pub async fn snapshot(&self, id: i64) -> Result<Snapshot, StoreError> {
        let record: Option<SnapshotRecord> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SELECT_SNAPSHOT} WHERE id = ?1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await
        .map_err(|e| self.db_error(e))?;
        record
            .map(Snapshot::from)
            .ok_or_else(|| StoreError::NotFound {
                path: self.path().to_path_buf(),
                what: format!("Snapshot {id}"),
            })
    }

    /// The book as it stood on `date`: the latest snapshot dated on or before it.
    pub async fn snapshot_at(&self, date: &str) -> Result<Snapshot, StoreError> {
        check_date(date)?;
        let found: Option<SnapshotRecord> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SELECT_SNAPSHOT} WHERE as_of <= ?1 ORDER BY as_of DESC, id DESC LIMIT 1"
        )))
        .bind(date)
        .fetch_optional(&self.pool)
        .await
        .map_err(|e| self.db_error(e))?;
        match found {
            Some(record) => Ok(Snapshot::from(record)),
            None => Err(StoreError::InvalidInputs {
                reason: format!(
                    "There is no snapshot of the book dated {date} or earlier. Take or add one (csplan snapshot take / add), or choose a later date."
                ),
            }),
        }
    }

    /// Snapshots the workspace's accounts as they are now, dated `as_of`.
    pub async fn take_snapshot(&self, as_of: &str, label: &str) -> Result<Snapshot, StoreError> {
        check_date(as_of)?;
        let label = check_label(label)?;
        let mut tx = self.write_tx().await?;
        let id = self
            .fill(&mut tx, as_of, &label, "workspace")
            .await
            .map_err(|e| self.db_error(e))?;
        tx.commit().await.map_err(|e| self.db_error(e))?;
        self.snapshot(id).await
    }

    async fn fill(
        &self,
        tx: &mut Transaction<'static, Sqlite>,
        as_of: &str,
        label: &str,
        source: &str,
    ) -> Result<i64, sqlx::Error> {
        let id = insert_header(tx, as_of, label, source).await?;
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "INSERT INTO snapshot_accounts ({COLUMNS})
             SELECT ?1, account_id, account_name, arr_cents, health_score, nps, active_users,
                    licenses, renewal_date, csm_owner
             FROM accounts ORDER BY account_id"
        )))
        .bind(id)
        .execute(&mut **tx)
        .await?;
        finish_header(tx, id).await?;
        Ok(id)
    }

    /// Adds a snapshot from an accounts CSV export (the accounts import's columns and rules).
    /// Every row is checked first; if any is wrong nothing is written and every problem is
    /// reported with its line and column.
    pub async fn add_snapshot_csv(
        &self,
        file: &Path,
        as_of: &str,
        label: &str,
    ) -> Result<Snapshot, StoreError> {
        check_date(as_of)?;
        let label = check_label(label)?;
        let path = file.to_path_buf();
        let (rows, problems) = read_off_runtime(file, move || {
            let mut rows = Vec::new();
            let problems = scan(&path, |row| {
                rows.push(SnapshotRow::from(row));
                true
            })?;
            Ok::<_, StoreError>((rows, problems))
        })
        .await??;
        if problems.total > 0 {
            return Err(StoreError::InvalidImport(
                problems.into_report(file.display().to_string()),
            ));
        }
        let source = source_name(file);
        let mut tx = self.write_tx().await?;
        let id = async {
            let id = insert_header(&mut tx, as_of, &label, &source).await?;
            insert_rows(&mut tx, id, rows).await?;
            finish_header(&mut tx, id).await?;
            Ok::<_, sqlx::Error>(id)
        }
        .await
        .map_err(|e| self.db_error(e))?;
        tx.commit().await.map_err(|e| self.db_error(e))?;
        self.snapshot(id).await
    }

    /// Deletes a snapshot and its rows.
    pub async fn delete_snapshot(&self, id: i64) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        let deleted = async {
            sqlx::query("DELETE FROM snapshot_accounts WHERE snapshot_id = ?1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM snapshots WHERE id = ?1")
                .bind(id)
                .execute(&mut *tx)
                .await
        }
        .await
        .map_err(|e| self.db_error(e))?;
        if deleted.rows_affected() == 0 {
            return Err(StoreError::NotFound {
                path: self.path().to_path_buf(),
                what: format!("Snapshot {id}"),
            });
        }
        tx.commit().await.map_err(|e| self.db_error(e))
    }
}
