//! Writing accounts: multi-row statements of hundreds of rows, so a million accounts cost a few
//! thousand statements instead of a million round trips. Into an empty book a plain INSERT; into
//! a book that has accounts an upsert by account_id (a re-import updates, never duplicates) that
//! first copies the rows it is about to change into `import_before_images`, so the import can be
//! undone. The caller owns the transaction: a failure part-way leaves nothing behind.

use super::validate::ImportRow;
use crate::accounts::AccountRow;
use sqlx::Arguments;
use sqlx::AssertSqlSafe;
use sqlx::sqlite::{Sqlite, SqliteArguments, SqliteConnection};
use std::sync::{Arc, OnceLock};

/// 18 parameters a row: 1,800 rows use 32,400 of SQLite's 32,766 parameters per statement, so
/// a million rows cost 556 statements (each one a round trip to sqlx's SQLite thread).
pub(crate) const ROWS_PER_STATEMENT: usize = 1_800;

const COLUMNS: [&str; 18] = [
    "account_id",
    "account_name",
    "arr_cents",
    "employees",
    "industry",
    "region",
    "plan",
    "contract_start",
    "renewal_date",
    "lifecycle_stage",
    "health_score",
    "nps",
    "active_users",
    "licenses",
    "csm_owner",
    "icp_fit",
    "custom_fields",
    "added_by_import",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WriteMode {
    /// The book was empty when the import started: nothing to update or keep.
    Insert,
    /// Update accounts already stored, keeping their before-images under this import.
    Upsert { import_id: i64 },
}

fn insert_sql(rows: usize, upsert: bool) -> String {
    let placeholders = format!("({})", vec!["?"; COLUMNS.len()].join(", "));
    let values = vec![placeholders; rows].join(",\n");
    let columns = COLUMNS.join(", ");
    if !upsert {
        return format!("INSERT INTO accounts ({columns}) VALUES {values}");
    }
    // The account keeps the import that created it, and its custom fields merge: the file's
    // columns replace theirs, custom fields the file does not have stay.
    let updates = COLUMNS[1..16]
        .iter()
        .map(|c| format!("{c} = excluded.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "INSERT INTO accounts ({columns}) VALUES {values}
         ON CONFLICT (account_id) DO UPDATE SET {updates},
             custom_fields = coalesce(json_patch(accounts.custom_fields, excluded.custom_fields),
                                      excluded.custom_fields, accounts.custom_fields)"
    )
}

fn before_image_sql(rows: usize) -> String {
    let columns = COLUMNS.join(", ");
    let ids = vec!["?"; rows].join(", ");
    format!(
        "INSERT INTO import_before_images (import_id, {columns})
         SELECT ?, {columns} FROM accounts WHERE account_id IN ({ids})"
    )
}

/// The full-size statements are built once; SQLite's statement cache then reuses them.
fn full_statement(upsert: bool) -> &'static str {
    static INSERT: OnceLock<String> = OnceLock::new();
    static UPSERT: OnceLock<String> = OnceLock::new();
    let cell = if upsert { &UPSERT } else { &INSERT };
    cell.get_or_init(|| insert_sql(ROWS_PER_STATEMENT, upsert))
}

fn full_before_image_statement() -> &'static str {
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| before_image_sql(ROWS_PER_STATEMENT))
}

/// One statement's rows with their arguments already bound, so the binding happens on the
/// reading thread, side by side with SQLite writing the previous statement, instead of between
/// two statements on the writer's.
pub(crate) struct PreparedChunk {
    rows: usize,
    /// Upsert only: the import id and the chunk's account ids, for the before-images.
    before_images: Option<SqliteArguments>,
    values: SqliteArguments,
}

impl PreparedChunk {
    pub fn rows(&self) -> usize {
        self.rows
    }
}

/// Binds `rows` for `write_prepared`, one chunk per statement.
pub(crate) fn prepare(
    rows: Vec<ImportRow>,
    mode: WriteMode,
    added_by: Option<i64>,
) -> Result<Vec<PreparedChunk>, sqlx::Error> {
    let mut chunks = Vec::with_capacity(rows.len().div_ceil(ROWS_PER_STATEMENT));
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<ImportRow> = rows.by_ref().take(ROWS_PER_STATEMENT).collect();
        let before_images = match mode {
            WriteMode::Upsert { import_id } => {
                let mut args = SqliteArguments::default();
                args.reserve(chunk.len() + 1, 0);
                add(&mut args, import_id)?;
                for row in &chunk {
                    add(&mut args, Arc::clone(&row.account_id))?;
                }
                Some(args)
            }
            WriteMode::Insert => None,
        };
        // Sized up front: binding one by one onto a query grows its vector by doubling, and
        // copying 32,400 values again and again was 6% of a 1M import's samples. Moved, not
        // borrowed: sqlx binds an owned Arc<str> without copying the text.
        let mut values = SqliteArguments::default();
        values.reserve(chunk.len() * COLUMNS.len(), 0);
        let len = chunk.len();
        for row in chunk {
            add(&mut values, row.account_id)?;
            add(&mut values, row.account_name)?;
            add(&mut values, row.arr_cents)?;
            add(&mut values, row.employees)?;
            add(&mut values, row.industry)?;
            add(&mut values, row.region)?;
            add(&mut values, row.plan)?;
            add(&mut values, row.contract_start)?;
            add(&mut values, row.renewal_date)?;
            add(&mut values, row.lifecycle_stage)?;
            add(&mut values, row.health_score)?;
            add(&mut values, row.nps)?;
            add(&mut values, row.active_users)?;
            add(&mut values, row.licenses)?;
            add(&mut values, row.csm_owner)?;
            add(&mut values, row.icp_fit)?;
            add(&mut values, row.custom_fields)?;
            add(&mut values, added_by)?;
        }
        chunks.push(PreparedChunk {
            rows: len,
            before_images,
            values,
        });
    }
    Ok(chunks)
}

/// Writes chunks made by `prepare` with the same mode; returns how many rows updated an account
/// already stored.
pub(crate) async fn write_prepared(
    conn: &mut SqliteConnection,
    chunks: Vec<PreparedChunk>,
    mode: WriteMode,
) -> Result<u64, sqlx::Error> {
    let upsert = matches!(mode, WriteMode::Upsert { .. });
    let mut updated = 0;
    for chunk in chunks {
        let full = chunk.rows == ROWS_PER_STATEMENT;
        if let Some(args) = chunk.before_images {
            let query = if full {
                sqlx::query_with(full_before_image_statement(), args)
            } else {
                sqlx::query_with(AssertSqlSafe(before_image_sql(chunk.rows)), args)
            };
            updated += query.execute(&mut *conn).await?.rows_affected();
        }
        let query = if full {
            sqlx::query_with(full_statement(upsert), chunk.values)
        } else {
            sqlx::query_with(AssertSqlSafe(insert_sql(chunk.rows, upsert)), chunk.values)
        };
        query.execute(&mut *conn).await?;
    }
    Ok(updated)
}

fn add<'q, T>(args: &mut SqliteArguments, value: T) -> Result<(), sqlx::Error>
where
    T: sqlx::Encode<'q, Sqlite> + sqlx::Type<Sqlite> + 'q,
{
    args.add(value).map_err(sqlx::Error::Encode)
}

/// Builds the ARR index after a bulk insert into an empty book. SQLite sorts the index keys in
/// runs of at most the page cache's size: with the connection's 64 MiB cache a million keys are
/// one run, merge-sorted as a linked list on SQLite's one thread (0.5 s of CPU on the import's
/// critical path, mostly cache misses). With 4 MiB runs its worker threads sort them side by side
/// (the reader has finished, so the second core is free) and the merge is cheap. Measured on the
/// 1M file: the SQLite thread's samples fell from 3,396 to 2,826. The cache size is the
/// connection's, not the statement's, so it is put back whatever happened.
pub(crate) async fn build_arr_index(conn: &mut SqliteConnection) -> Result<(), sqlx::Error> {
    sqlx::raw_sql("PRAGMA threads = 2; PRAGMA cache_size = -4096")
        .execute(&mut *conn)
        .await?;
    let built = sqlx::query("CREATE INDEX accounts_arr ON accounts (arr_cents)")
        .execute(&mut *conn)
        .await;
    sqlx::raw_sql(AssertSqlSafe(format!(
        "PRAGMA cache_size = {}",
        crate::connect::CACHE_SIZE_KIB
    )))
    .execute(&mut *conn)
    .await?;
    built.map(|_| ())
}

/// The demo company's book, written into its new, empty workspace (no import record: there is
/// nothing to undo).
pub(crate) async fn insert_book(
    conn: &mut SqliteConnection,
    accounts: Vec<AccountRow>,
) -> Result<(), sqlx::Error> {
    let rows = accounts.into_iter().map(ImportRow::from).collect();
    let chunks = prepare(rows, WriteMode::Insert, None)?;
    write_prepared(conn, chunks, WriteMode::Insert).await?;
    Ok(())
}
