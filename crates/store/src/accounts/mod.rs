//! The customer book: every account's ARR for the planners, tier summaries straight from the ARR
//! index, and the CSV import (validate everything, then write everything in one transaction).

mod calendar;
mod read;
mod report;
mod row;
mod scan;
mod write;

pub(crate) use calendar::is_leap;
pub use report::{ImportProblem, ImportReport, ImportSummary};
pub(crate) use row::{AccountRow, ICP_FITS, PLANS, REGIONS, STAGES};
// Snapshots of the book read accounts CSV exports with the same checks.
pub(crate) use scan::scan;
pub(crate) use write::upsert;

use crate::{Store, StoreError};
use csplan_domain::Cents;
use csplan_domain::segmentation::{ArrTier, SegmentBook, TierBounds};
use sqlx::sqlite::SqliteConnection;
use std::path::Path;
use tokio::sync::mpsc;

/// Rows handed from the CSV reader thread to the writer at a time (four full statements).
const ROWS_PER_BATCH: usize = write::ROWS_PER_STATEMENT * 4;
/// Batches that may wait between reader and writer: enough to keep both busy, little memory.
const BATCHES_IN_FLIGHT: usize = 4;

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

    /// Imports a CRM accounts export (WORKLOADS.md section 0). The whole file is checked first;
    /// if any record is wrong nothing is written and every problem is reported. Otherwise all
    /// rows are written in one transaction, updating accounts whose id is already stored.
    pub async fn import_accounts_csv(&self, file: &Path) -> Result<ImportSummary, StoreError> {
        let file = file.to_path_buf();
        let file_label = file.display().to_string();

        // Pass 1: validate only.
        let checked = file.clone();
        let problems = run_blocking(&file, move || scan::scan(&checked, |_| true)).await??;
        if problems.total > 0 {
            return Err(StoreError::InvalidImport(problems.into_report(file_label)));
        }

        // Pass 2: read again and write, reading on a blocking thread while this task writes.
        let (sender, mut receiver) = mpsc::channel::<Vec<AccountRow>>(BATCHES_IN_FLIGHT);
        let reader = tokio::task::spawn_blocking({
            let file = file.clone();
            move || read_batches(&file, sender)
        });
        let mut tx = self.write_tx().await?;
        let before = account_count(&mut tx).await.map_err(|e| self.db_error(e))?;
        let mut rows = 0u64;
        let mut write_error = None;
        while let Some(batch) = receiver.recv().await {
            rows += batch.len() as u64;
            if let Err(e) = upsert(&mut tx, batch).await {
                write_error = Some(e);
                break;
            }
        }
        // Stops the reader if the writer gave up early.
        drop(receiver);
        let problems = reader.await.map_err(|e| stopped(&file, e))??;
        if let Some(e) = write_error {
            return Err(self.db_error(e));
        }
        // The file changed between the two passes: still write nothing.
        if problems.total > 0 {
            return Err(StoreError::InvalidImport(problems.into_report(file_label)));
        }
        let after = account_count(&mut tx).await.map_err(|e| self.db_error(e))?;
        tx.commit().await.map_err(|e| self.db_error(e))?;
        let added = after.saturating_sub(before);
        Ok(ImportSummary {
            file: file_label,
            added,
            updated: rows.saturating_sub(added),
        })
    }
}

fn read_batches(
    file: &Path,
    sender: mpsc::Sender<Vec<AccountRow>>,
) -> Result<report::Problems, StoreError> {
    let mut batch = Vec::with_capacity(ROWS_PER_BATCH);
    let mut receiver_gone = false;
    let problems = scan::scan(file, |row| {
        batch.push(row);
        if batch.len() == ROWS_PER_BATCH {
            let full = std::mem::replace(&mut batch, Vec::with_capacity(ROWS_PER_BATCH));
            receiver_gone = sender.blocking_send(full).is_err();
        }
        !receiver_gone
    })?;
    if !batch.is_empty() && !receiver_gone {
        // A closed receiver means the writer already failed and reports that error.
        let _ = sender.blocking_send(batch);
    }
    Ok(problems)
}

async fn run_blocking<T: Send + 'static>(
    file: &Path,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, StoreError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| stopped(file, e))
}

fn stopped(file: &Path, error: tokio::task::JoinError) -> StoreError {
    StoreError::io(
        file,
        "import",
        std::io::Error::other(format!("the import stopped unexpectedly ({error})")),
    )
}

async fn account_count(conn: &mut SqliteConnection) -> Result<u64, sqlx::Error> {
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM accounts")
        .fetch_one(&mut *conn)
        .await?;
    Ok(u64::try_from(count).unwrap_or(0))
}
