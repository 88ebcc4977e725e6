//! rule_sets rows: the canonical JSON in, a validated RuleSet out; the active rule set in
//! settings.

use super::{SavedRuleSet, invalid};
use crate::{Store, StoreError};
use csplan_domain::segmentation::{RuleSet, rules_from_json, rules_to_json};
use sqlx::FromRow;
use sqlx::sqlite::SqliteConnection;

const ACTIVE_KEY: &str = "active_rule_set_id";

#[derive(FromRow)]
pub(super) struct StoredRuleSet {
    id: i64,
    name: String,
    definition: String,
    updated_at: String,
}

impl StoredRuleSet {
    /// Validated like a file; a row another program broke names the rule set and the problem.
    pub(super) fn into_saved(self, store: &Store) -> Result<SavedRuleSet, StoreError> {
        let source = format!("rule set \"{}\" in the workspace", self.name);
        let mut rules =
            rules_from_json(&source, &self.definition).map_err(|e| StoreError::Database {
                path: store.path().to_path_buf(),
                message: e.to_string(),
            })?;
        rules.name = self.name;
        Ok(SavedRuleSet {
            id: self.id,
            rules,
            updated_at: self.updated_at,
        })
    }
}

/// The canonical text of `rules` saved under `name` (validated first).
pub(super) fn definition(name: &str, rules: &RuleSet) -> Result<String, StoreError> {
    let mut named = rules.clone();
    named.name = name.to_string();
    rules_to_json(&named).map_err(invalid)
}

pub(crate) async fn insert_text(
    conn: &mut SqliteConnection,
    name: &str,
    text: &str,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO rule_sets (name, definition, created_at, updated_at)
         VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
         RETURNING id",
    )
    .bind(name)
    .bind(text)
    .fetch_one(&mut *conn)
    .await
}

pub(super) async fn update_text(
    conn: &mut SqliteConnection,
    id: i64,
    name: &str,
    text: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE rule_sets SET name = ?2, definition = ?3,
             updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
         WHERE id = ?1",
    )
    .bind(id)
    .bind(name)
    .bind(text)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub(super) async fn load(
    conn: &mut SqliteConnection,
    id: i64,
) -> Result<Option<StoredRuleSet>, sqlx::Error> {
    sqlx::query_as("SELECT id, name, definition, updated_at FROM rule_sets WHERE id = ?1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
}

pub(super) async fn summary(
    conn: &mut SqliteConnection,
    id: i64,
) -> Result<Option<super::RuleSetSummary>, sqlx::Error> {
    sqlx::query_as("SELECT id, name, updated_at FROM rule_sets WHERE id = ?1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
}

pub(super) async fn name_of(
    conn: &mut SqliteConnection,
    id: i64,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT name FROM rule_sets WHERE id = ?1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
}

pub(super) async fn delete(conn: &mut SqliteConnection, id: i64) -> Result<bool, sqlx::Error> {
    let deleted = sqlx::query("DELETE FROM rule_sets WHERE id = ?1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM settings WHERE key = ?1 AND value = ?2")
        .bind(ACTIVE_KEY)
        .bind(id.to_string())
        .execute(&mut *conn)
        .await?;
    Ok(deleted.rows_affected() > 0)
}

pub(crate) async fn store_active(conn: &mut SqliteConnection, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(ACTIVE_KEY)
    .bind(id.to_string())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The stored id only counts while that rule set exists.
pub(super) async fn load_active(conn: &mut SqliteConnection) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT r.id FROM settings AS k
         JOIN rule_sets AS r ON r.id = CAST(k.value AS INTEGER)
         WHERE k.key = ?1",
    )
    .bind(ACTIVE_KEY)
    .fetch_optional(&mut *conn)
    .await
}
