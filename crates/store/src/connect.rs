//! Connecting to a workspace file with the settings every connection needs, and the checks that
//! must pass before anything is written: the schema is not from a newer CS Plan, and no other
//! program holds the write lock.

use crate::error::StoreError;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use std::collections::HashSet;
use std::path::Path;
use std::time::Duration;

pub(crate) static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations");

/// A few connections let reads (the UI refreshing a summary) overlap; SQLite serialises writers.
const MAX_CONNECTIONS: u32 = 4;

/// 64 MiB of page cache per connection: a million-account import updates the ARR index in random
/// order, and the default 2 MiB cache would re-read index pages from disk again and again.
pub(crate) const CACHE_SIZE_KIB: &str = "-65536";

/// While a new workspace is built nothing is read back and nothing waits on a journal: the cache
/// only batches page writes, and a small one costs less to manage. A million-account first
/// import took 2.28 s with 16 MiB (131 MB peak) against 2.26 s with 32 MiB (193 MB peak).
const BUILD_CACHE_SIZE_KIB: &str = "-16384";

/// Pages of a new workspace. 16 KiB pages hold four times the accounts of SQLite's default 4 KiB,
/// so a bulk insert splits and balances a quarter as many pages, and the scans every page of CS
/// Plan does (segment the whole book, period metrics) read fewer, fuller pages. Measured on the
/// 1M first import: 4 KiB 2.50 s, 8 KiB 2.38 s, 16 KiB 2.28 s, 32 KiB 2.29 s, 64 KiB 2.43 s.
/// A workspace keeps the page size it was made with (WAL cannot change it).
pub(crate) const NEW_PAGE_SIZE: u32 = 16_384;

/// A workspace in use: WAL, so the UI's reads never wait for a write, and a crash loses at most
/// the last transaction, never the file.
pub(crate) async fn connect(
    path: &Path,
    busy_timeout: Duration,
    create: bool,
) -> Result<SqlitePool, StoreError> {
    let options = options(path, busy_timeout)
        .create_if_missing(create)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal);
    pool(path, options, MAX_CONNECTIONS, busy_timeout).await
}

/// A new workspace being built in its temporary file, which nobody else sees and which is moved
/// into place only when complete: its safety is that rename, not a journal. So the journal lives
/// in memory (a failed import can still roll back) and nothing waits for the disk until the
/// finished file is synced once. In WAL mode every page of a bulk import was written twice,
/// into the WAL and again at the checkpoint: 0.8 s of a million-account import. One connection,
/// because a rollback journal lets no reader in while the import writes.
pub(crate) async fn connect_to_build(
    path: &Path,
    busy_timeout: Duration,
) -> Result<SqlitePool, StoreError> {
    let options = options(path, busy_timeout)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Memory)
        .synchronous(SqliteSynchronous::Off)
        .pragma("cache_size", BUILD_CACHE_SIZE_KIB);
    pool(path, options, 1, busy_timeout).await
}

/// A finished new workspace is switched to WAL before it is moved into place: the mode is kept in
/// the file, so every later connection finds it so.
pub(crate) async fn finish_build(pool: &SqlitePool, path: &Path) -> Result<(), StoreError> {
    sqlx::query("PRAGMA journal_mode = WAL")
        .execute(pool)
        .await
        .map(|_| ())
        .map_err(|e| StoreError::from_sqlx(path, e))
}

fn options(path: &Path, busy_timeout: Duration) -> SqliteConnectOptions {
    SqliteConnectOptions::new()
        .filename(path)
        .foreign_keys(true)
        .busy_timeout(busy_timeout)
        .pragma("cache_size", CACHE_SIZE_KIB)
}

async fn pool(
    path: &Path,
    options: SqliteConnectOptions,
    max_connections: u32,
    busy_timeout: Duration,
) -> Result<SqlitePool, StoreError> {
    SqlitePoolOptions::new()
        .max_connections(max_connections)
        // Waiting for a pool slot is not waiting for the file lock: that is the busy timeout.
        .acquire_timeout(busy_timeout + Duration::from_secs(30))
        .connect_with(options)
        .await
        .map_err(|e| StoreError::from_sqlx(path, e))
}

/// The highest migration this build knows.
pub(crate) fn known_version() -> i64 {
    MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0)
}

/// Refuses a workspace that records a migration this build does not have: it was written by a
/// newer CS Plan, and migrating it (or even using it) could lose what that version stored.
pub(crate) async fn check_schema_version(pool: &SqlitePool, path: &Path) -> Result<(), StoreError> {
    let has_table: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
    )
    .fetch_one(pool)
    .await
    .map_err(|e| StoreError::from_sqlx(path, e))?;
    if has_table == 0 {
        return Ok(());
    }
    let applied: Vec<i64> = sqlx::query_scalar("SELECT version FROM _sqlx_migrations")
        .fetch_all(pool)
        .await
        .map_err(|e| StoreError::from_sqlx(path, e))?;
    let known: HashSet<i64> = MIGRATOR.iter().map(|m| m.version).collect();
    match applied.iter().copied().filter(|v| !known.contains(v)).max() {
        Some(found) => Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found,
            known: known_version(),
        }),
        None => Ok(()),
    }
}

/// Takes and releases the write lock once, waiting at most the busy timeout. In WAL mode another
/// program's open write transaction does not stop reads, so without this a locked workspace would
/// open fine and fail later, on the user's first edit.
pub(crate) async fn check_writable(pool: &SqlitePool, path: &Path) -> Result<(), StoreError> {
    let tx = pool
        .begin_with("BEGIN IMMEDIATE")
        .await
        .map_err(|e| StoreError::from_sqlx(path, e))?;
    tx.rollback()
        .await
        .map_err(|e| StoreError::from_sqlx(path, e))
}

pub(crate) async fn migrate(pool: &SqlitePool, path: &Path) -> Result<(), StoreError> {
    MIGRATOR
        .run(pool)
        .await
        .map_err(|e| StoreError::from_migrate(path, e))
}
