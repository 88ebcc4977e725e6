//! Mappings remembered per export, so the next import of the same file needs no clicks: by the
//! file's header signature (the latest mapping used for those headers) and under a name the user
//! gave (`--mapping NAME`, or "Save this mapping as" in the app); and the mapping an import will
//! start from, so a caller can change columns of it before importing (the CLI's `--map`).

use super::mapping::{ColumnMapping, MappingOrigin, detect_mapping, signature};
use super::source::SourceKind;
use super::{ImportOptions, read_header};
use crate::header::{self, FileState};
use crate::names::{self, NameProblem};
use crate::{Store, StoreError};
use serde::Serialize;
use sqlx::sqlite::SqliteConnection;
use std::path::Path;
use std::time::Duration;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SavedMapping {
    /// None for the mapping remembered for a set of headers without a name.
    pub name: Option<String>,
    pub headers: Vec<String>,
    pub mapping: ColumnMapping,
    pub updated_at: String,
}

type MappingRow = (Option<String>, String, String, String);

fn decode(store: &Store, row: MappingRow) -> Result<SavedMapping, StoreError> {
    let (name, headers, mapping, updated_at) = row;
    let broken = |e: serde_json::Error| StoreError::Database {
        path: store.path().to_path_buf(),
        message: format!("a saved column mapping cannot be read ({e})"),
    };
    Ok(SavedMapping {
        name,
        headers: serde_json::from_str(&headers).map_err(broken)?,
        mapping: serde_json::from_str(&mapping).map_err(broken)?,
        updated_at,
    })
}

impl Store {
    /// Every saved mapping: named ones first (by name), then those remembered per header set.
    pub async fn saved_mappings(&self) -> Result<Vec<SavedMapping>, StoreError> {
        let rows: Vec<MappingRow> = sqlx::query_as(
            "SELECT name, headers, mapping, updated_at FROM import_mappings
             ORDER BY name IS NULL, name COLLATE NOCASE, updated_at DESC",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(|e| self.db_error(e))?;
        rows.into_iter().map(|row| decode(self, row)).collect()
    }

    /// Forgets the mapping saved under `name` (compared ignoring case); the mappings remembered
    /// per header set stay. `NotFound` when no mapping has that name.
    pub async fn delete_mapping(&self, name: &str) -> Result<(), StoreError> {
        let Some(saved) = self.mapping_named(name).await? else {
            return Err(StoreError::NotFound {
                path: self.path().to_path_buf(),
                what: format!("The saved mapping \"{}\"", name.trim()),
            });
        };
        sqlx::query("DELETE FROM import_mappings WHERE name = ?1")
            .bind(saved.name)
            .execute(&self.pool)
            .await
            .map_err(|e| self.db_error(e))?;
        Ok(())
    }

    /// The name a mapping would be saved under, checked before the import: not empty, at most
    /// 80 characters, and not the name of another saved mapping, which the import would
    /// silently overwrite. `replacing` is the saved mapping in use, which may be saved again
    /// under its own name (in any case).
    pub async fn check_mapping_name(
        &self,
        name: &str,
        replacing: Option<&str>,
    ) -> Result<String, StoreError> {
        let name = mapping_name(name)?;
        let db = |e| self.db_error(e);
        let mut conn = self.pool.acquire().await.map_err(db)?;
        let other = names::clash(
            &mut conn,
            "SELECT id, name FROM import_mappings WHERE name IS NOT NULL",
            &name,
            None,
        )
        .await
        .map_err(db)?;
        match other {
            Some(other) if replacing.is_none_or(|r| names::key(r) != names::key(&other)) => {
                Err(StoreError::InvalidName {
                    reason: format!(
                        "A saved mapping is already called \"{other}\" (names are compared ignoring upper and lower case). Use that mapping to update it, or choose another name."
                    ),
                })
            }
            _ => Ok(name),
        }
    }

    /// The mapping an import of `file` with `options` starts from, read from the header alone:
    /// the given one, else the one saved under the name, else the one remembered for these
    /// headers, else the detected one.
    pub async fn import_mapping(
        &self,
        file: &Path,
        options: &ImportOptions,
    ) -> Result<(ColumnMapping, MappingOrigin), StoreError> {
        let prepared = self.prepare(file, options).await?;
        Ok((prepared.mapping, prepared.origin))
    }

    /// [`Store::import_mapping`] for the workspace at `path`. A workspace not made yet has
    /// nothing saved, so its mapping is the given or the detected one, and nothing is created.
    pub async fn import_mapping_at(
        path: &Path,
        busy_timeout: Duration,
        file: &Path,
        options: &ImportOptions,
    ) -> Result<(ColumnMapping, MappingOrigin), StoreError> {
        if matches!(
            header::inspect(path)?,
            FileState::Missing | FileState::Empty
        ) {
            if let Some(given) = &options.mapping {
                return Ok((given.clone(), MappingOrigin::Given));
            }
            let (_, headers) =
                read_header(file, SourceKind::of(file)?, options.sheet.clone()).await?;
            return Ok((detect_mapping(&headers), MappingOrigin::Detected));
        }
        let store = Store::open_with(path, None, busy_timeout).await?;
        let mapping = store.import_mapping(file, options).await;
        store.close().await;
        mapping
    }

    /// The mapping saved under `name` (compared ignoring case), if any.
    pub(crate) async fn mapping_named(
        &self,
        name: &str,
    ) -> Result<Option<SavedMapping>, StoreError> {
        let row: Option<MappingRow> = sqlx::query_as(
            "SELECT name, headers, mapping, updated_at FROM import_mappings WHERE name = ?1",
        )
        .bind(name.trim())
        .fetch_optional(&self.pool)
        .await
        .map_err(|e| self.db_error(e))?;
        match row {
            Some(row) => {
                let saved = decode(self, row)?;
                // SQLite's NOCASE folds ASCII only; names are compared like scenario names.
                Ok(saved
                    .name
                    .as_deref()
                    .is_some_and(|n| names::key(n) == names::key(name))
                    .then_some(saved))
            }
            None => Ok(None),
        }
    }

    /// The mapping last used for files with exactly these headers, if any.
    pub(crate) async fn mapping_for_headers(
        &self,
        headers: &[String],
    ) -> Result<Option<SavedMapping>, StoreError> {
        let row: Option<MappingRow> = sqlx::query_as(
            "SELECT name, headers, mapping, updated_at FROM import_mappings
             WHERE signature = ?1 AND name IS NULL",
        )
        .bind(signature(headers))
        .fetch_optional(&self.pool)
        .await
        .map_err(|e| self.db_error(e))?;
        row.map(|row| decode(self, row)).transpose()
    }
}

/// Remembers the mapping for its headers, and under `name` when given; in the import's
/// transaction, so a rolled-back import remembers nothing.
pub(crate) async fn remember(
    conn: &mut SqliteConnection,
    headers: &[String],
    mapping: &ColumnMapping,
    name: Option<&str>,
) -> Result<(), sqlx::Error> {
    let json = |e: serde_json::Error| sqlx::Error::Encode(Box::new(e));
    let headers_json = serde_json::to_string(headers).map_err(json)?;
    let mapping_json = serde_json::to_string(mapping).map_err(json)?;
    let key = signature(headers);
    sqlx::query(
        "INSERT INTO import_mappings (name, signature, headers, mapping, updated_at)
         VALUES (NULL, ?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
         ON CONFLICT (signature) WHERE name IS NULL DO UPDATE SET
             headers = excluded.headers, mapping = excluded.mapping,
             updated_at = excluded.updated_at",
    )
    .bind(&key)
    .bind(&headers_json)
    .bind(&mapping_json)
    .execute(&mut *conn)
    .await?;
    if let Some(name) = name {
        sqlx::query(
            "INSERT INTO import_mappings (name, signature, headers, mapping, updated_at)
             VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
             ON CONFLICT (name) DO UPDATE SET
                 signature = excluded.signature, headers = excluded.headers,
                 mapping = excluded.mapping, updated_at = excluded.updated_at",
        )
        .bind(name)
        .bind(&key)
        .bind(&headers_json)
        .bind(&mapping_json)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// A mapping name as the user typed it: trimmed, 1 to 80 characters.
pub(crate) fn mapping_name(name: &str) -> Result<String, StoreError> {
    names::check(name, true).map_err(|problem| StoreError::InvalidName {
        reason: match problem {
            NameProblem::Empty => {
                "A mapping name cannot be empty; type a name such as \"HubSpot export\"."
                    .to_string()
            }
            NameProblem::TooLong { chars } => format!(
                "A mapping name can be at most {} characters; this one has {chars}.",
                names::MAX_CHARS
            ),
        },
    })
}
