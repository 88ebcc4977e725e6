//! The record of past imports and undoing them. Undo goes newest first: an import can be undone
//! while no later import is still in place, because a later import may have updated the very
//! accounts this one added, and undoing out of order would lose those updates.

use super::source::SourceKind;
use crate::workspace::count;
use crate::{Store, StoreError};
use serde::Serialize;
use sqlx::FromRow;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportRecord {
    #[ts(type = "number")]
    pub id: i64,
    pub file_name: String,
    pub kind: SourceKind,
    pub sheet: Option<String>,
    pub mapping_name: Option<String>,
    /// RFC 3339 UTC.
    pub started_at: String,
    pub finished_at: String,
    #[ts(type = "number")]
    pub added: u64,
    #[ts(type = "number")]
    pub updated: u64,
    #[ts(type = "number")]
    pub rejected: u64,
    pub undone_at: Option<String>,
    /// True for the newest import not undone yet: the one `undo_import(None)` undoes.
    pub can_undo: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UndoSummary {
    #[ts(type = "number")]
    pub import_id: i64,
    pub file_name: String,
    /// Accounts the import had added, now removed.
    #[ts(type = "number")]
    pub removed: u64,
    /// Accounts the import had updated, now back as they were.
    #[ts(type = "number")]
    pub restored: u64,
}

#[derive(FromRow)]
struct RecordRow {
    id: i64,
    file_name: String,
    source_kind: String,
    sheet: Option<String>,
    mapping_name: Option<String>,
    started_at: String,
    finished_at: String,
    rows_added: i64,
    rows_updated: i64,
    rows_rejected: i64,
    undone_at: Option<String>,
}

const RESTORE_COLUMNS: &str = "account_id, account_name, arr_cents, employees, industry, region, \
     plan, contract_start, renewal_date, lifecycle_stage, health_score, nps, active_users, \
     licenses, csm_owner, icp_fit, custom_fields, added_by_import";

impl Store {
    /// Every import, newest first.
    pub async fn imports(&self) -> Result<Vec<ImportRecord>, StoreError> {
        let rows: Vec<RecordRow> = sqlx::query_as(
            "SELECT id, file_name, source_kind, sheet, mapping_name, started_at, finished_at,
                    rows_added, rows_updated, rows_rejected, undone_at
             FROM imports ORDER BY id DESC",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(|e| self.db_error(e))?;
        let newest_in_place = rows.iter().find(|r| r.undone_at.is_none()).map(|r| r.id);
        Ok(rows
            .into_iter()
            .map(|r| ImportRecord {
                can_undo: Some(r.id) == newest_in_place,
                id: r.id,
                file_name: r.file_name,
                kind: if r.source_kind == "xlsx" {
                    SourceKind::Xlsx
                } else {
                    SourceKind::Csv
                },
                sheet: r.sheet,
                mapping_name: r.mapping_name,
                started_at: r.started_at,
                finished_at: r.finished_at,
                added: count(r.rows_added),
                updated: count(r.rows_updated),
                rejected: count(r.rows_rejected),
                undone_at: r.undone_at,
            })
            .collect())
    }

    /// Undoes import `id`, or the newest import still in place: removes the accounts it added
    /// and puts back the accounts it updated exactly as they were, in one transaction.
    pub async fn undo_import(&self, id: Option<i64>) -> Result<UndoSummary, StoreError> {
        let mut tx = self.write_tx().await?;
        let newest: Option<(i64, String)> = sqlx::query_as(
            "SELECT id, file_name FROM imports WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1",
        )
        .fetch_optional(&mut *tx)
        .await
        .map_err(|e| self.db_error(e))?;
        let Some((newest_id, file_name)) = newest else {
            return Err(StoreError::NotFound {
                path: self.path.clone(),
                what: "An import to undo (every import has been undone, or there was none)"
                    .to_string(),
            });
        };
        if let Some(wanted) = id
            && wanted != newest_id
        {
            let state: Option<Option<String>> =
                sqlx::query_scalar("SELECT undone_at FROM imports WHERE id = ?1")
                    .bind(wanted)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(|e| self.db_error(e))?;
            return Err(match state {
                None => StoreError::NotFound {
                    path: self.path.clone(),
                    what: format!("Import {wanted}"),
                },
                Some(Some(when)) => StoreError::InvalidInputs {
                    reason: format!("Import {wanted} was already undone ({when})."),
                },
                Some(None) => StoreError::InvalidInputs {
                    reason: format!(
                        "Import {wanted} cannot be undone while a later import ({newest_id}, {file_name}) is in place: it may have changed the same accounts. Undo import {newest_id} first."
                    ),
                },
            });
        }
        let db = |e| self.db_error(e);
        let removed = sqlx::query("DELETE FROM accounts WHERE added_by_import = ?1")
            .bind(newest_id)
            .execute(&mut *tx)
            .await
            .map_err(db)?
            .rows_affected();
        let restore = format!(
            "INSERT OR REPLACE INTO accounts ({RESTORE_COLUMNS})
             SELECT {RESTORE_COLUMNS} FROM import_before_images WHERE import_id = ?1"
        );
        let restored = sqlx::query(sqlx::AssertSqlSafe(restore))
            .bind(newest_id)
            .execute(&mut *tx)
            .await
            .map_err(db)?
            .rows_affected();
        // The images have served their purpose; the record stays, marked undone.
        sqlx::query("DELETE FROM import_before_images WHERE import_id = ?1")
            .bind(newest_id)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        sqlx::query(
            "UPDATE imports SET undone_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1",
        )
        .bind(newest_id)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)?;
        Ok(UndoSummary {
            import_id: newest_id,
            file_name,
            removed,
            restored,
        })
    }
}
