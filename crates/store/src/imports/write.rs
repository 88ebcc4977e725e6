//! Writing accounts: multi-row upserts, hundreds of rows per statement, so a million accounts
//! cost a few thousand statements instead of a million round trips. A row whose account_id is
//! already stored replaces that account (a re-import updates, never duplicates).

use super::row::{AccountRow, COLUMNS};
use sqlx::AssertSqlSafe;
use sqlx::sqlite::SqliteConnection;
use std::sync::OnceLock;

/// 16 parameters a row: 500 rows use 8,000 of SQLite's 32,766 parameters per statement.
pub(crate) const ROWS_PER_STATEMENT: usize = 500;

fn upsert_sql(rows: usize) -> String {
    let placeholders = format!("({})", vec!["?"; COLUMNS.len()].join(", "));
    let values = vec![placeholders; rows].join(",\n");
    let updates = COLUMNS[1..]
        .iter()
        .map(|c| format!("{} = excluded.{}", column_name(c), column_name(c)))
        .collect::<Vec<_>>()
        .join(", ");
    let columns = COLUMNS.map(column_name).join(", ");
    format!(
        "INSERT INTO accounts ({columns}) VALUES {values}
         ON CONFLICT (account_id) DO UPDATE SET {updates}"
    )
}

/// The CSV says `arr` (dollars); the table stores `arr_cents`.
fn column_name(csv_column: &str) -> &str {
    if csv_column == "arr" {
        "arr_cents"
    } else {
        csv_column
    }
}

/// The full-size statement is built once; SQLite's statement cache then reuses it.
fn full_statement() -> &'static str {
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| upsert_sql(ROWS_PER_STATEMENT))
}

/// Upserts `rows` in statements of up to [`ROWS_PER_STATEMENT`] rows. The caller owns the
/// transaction, so a failure part-way leaves nothing behind.
pub(crate) async fn upsert(
    conn: &mut SqliteConnection,
    rows: Vec<AccountRow>,
) -> Result<(), sqlx::Error> {
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<AccountRow> = rows.by_ref().take(ROWS_PER_STATEMENT).collect();
        let mut query = if chunk.len() == ROWS_PER_STATEMENT {
            sqlx::query(full_statement())
        } else {
            sqlx::query(AssertSqlSafe(upsert_sql(chunk.len())))
        };
        for row in chunk {
            query = query
                .bind(row.account_id)
                .bind(row.account_name)
                .bind(row.arr.0)
                .bind(row.employees)
                .bind(row.industry)
                .bind(row.region)
                .bind(row.plan)
                .bind(row.contract_start)
                .bind(row.renewal_date)
                .bind(row.lifecycle_stage)
                .bind(row.health_score)
                .bind(row.nps)
                .bind(row.active_users)
                .bind(row.licenses)
                .bind(row.csm_owner)
                .bind(row.icp_fit);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}
