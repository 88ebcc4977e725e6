//! Rows of comp_plans and comp_plan_versions. A plan's content lives only in its versions (TOML
//! text); the plan row holds its name and dates.

use sqlx::FromRow;
use sqlx::sqlite::SqliteConnection;

/// A plan with its newest version.
#[derive(FromRow)]
pub(super) struct LatestRow {
    pub id: i64,
    pub name: String,
    pub version: i64,
    pub toml: String,
    pub updated_at: String,
}

#[derive(FromRow)]
pub(super) struct SummaryRow {
    pub id: i64,
    pub name: String,
    pub version: i64,
    pub updated_at: String,
}

pub(super) async fn insert_plan(
    conn: &mut SqliteConnection,
    name: &str,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO comp_plans (name, created_at, updated_at)
         VALUES (?1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
         RETURNING id",
    )
    .bind(name)
    .fetch_one(&mut *conn)
    .await
}

/// Adds version `version` and marks the plan as updated now.
pub(super) async fn insert_version(
    conn: &mut SqliteConnection,
    id: i64,
    version: i64,
    toml: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO comp_plan_versions (plan_id, version, toml, saved_at)
         VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
    )
    .bind(id)
    .bind(version)
    .bind(toml)
    .execute(&mut *conn)
    .await?;
    touch(conn, id).await
}

pub(super) async fn touch(conn: &mut SqliteConnection, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE comp_plans SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1",
    )
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub(super) async fn latest(
    conn: &mut SqliteConnection,
    id: i64,
) -> Result<Option<LatestRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.id, p.name, v.version, v.toml, p.updated_at
         FROM comp_plans AS p JOIN comp_plan_versions AS v ON v.plan_id = p.id
         WHERE p.id = ?1 ORDER BY v.version DESC LIMIT 1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await
}

/// One version of a plan, with the plan's current name.
pub(super) async fn version(
    conn: &mut SqliteConnection,
    id: i64,
    version: i64,
) -> Result<Option<LatestRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.id, p.name, v.version, v.toml, v.saved_at AS updated_at
         FROM comp_plans AS p JOIN comp_plan_versions AS v ON v.plan_id = p.id
         WHERE p.id = ?1 AND v.version = ?2",
    )
    .bind(id)
    .bind(version)
    .fetch_optional(&mut *conn)
    .await
}

pub(super) async fn summary(
    conn: &mut SqliteConnection,
    id: i64,
) -> Result<Option<SummaryRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.id, p.name,
                coalesce((SELECT max(version) FROM comp_plan_versions WHERE plan_id = p.id), 0) AS version,
                p.updated_at
         FROM comp_plans AS p WHERE p.id = ?1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await
}

pub(super) async fn all(conn: &mut SqliteConnection) -> Result<Vec<SummaryRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.id, p.name,
                coalesce((SELECT max(version) FROM comp_plan_versions WHERE plan_id = p.id), 0) AS version,
                p.updated_at
         FROM comp_plans AS p ORDER BY p.name COLLATE NOCASE, p.id",
    )
    .fetch_all(&mut *conn)
    .await
}

/// Each version's number and when it was saved, newest first.
pub(super) async fn versions(
    conn: &mut SqliteConnection,
    id: i64,
) -> Result<Vec<SummaryRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.id, p.name, v.version, v.saved_at AS updated_at
         FROM comp_plans AS p JOIN comp_plan_versions AS v ON v.plan_id = p.id
         WHERE p.id = ?1 ORDER BY v.version DESC",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await
}

/// Every plan's id and name, to check a new name against.
pub(super) async fn names(conn: &mut SqliteConnection) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as("SELECT id, name FROM comp_plans")
        .fetch_all(&mut *conn)
        .await
}
