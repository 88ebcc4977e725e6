//! The workspace as a whole: its name and kind, and how much is in it.

use crate::{Store, StoreError};
use csplan_domain::Cents;
use serde::Serialize;
use sqlx::FromRow;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct WorkspaceInfo {
    pub path: String,
    pub name: String,
    /// "demo" or "user".
    pub kind: String,
    #[ts(type = "number")]
    pub accounts: u64,
    pub total_arr: Cents,
    #[ts(type = "number")]
    pub csms: u64,
    /// Distinct quarters of CSM history.
    #[ts(type = "number")]
    pub quarters: u64,
    #[ts(type = "number")]
    pub scenarios: u64,
}

#[derive(FromRow)]
struct InfoRow {
    name: String,
    kind: String,
    accounts: i64,
    total_arr_cents: i64,
    csms: i64,
    quarters: i64,
    scenarios: i64,
}

impl Store {
    pub async fn workspace_info(&self) -> Result<WorkspaceInfo, StoreError> {
        let row: InfoRow = sqlx::query_as(
            "SELECT w.name, w.kind,
                    (SELECT count(*) FROM accounts) AS accounts,
                    (SELECT coalesce(sum(arr_cents), 0) FROM accounts) AS total_arr_cents,
                    (SELECT count(*) FROM csms) AS csms,
                    (SELECT count(DISTINCT quarter) FROM csm_quarters) AS quarters,
                    (SELECT count(*) FROM capacity_scenarios) AS scenarios
             FROM workspace AS w WHERE w.id = 1",
        )
        .fetch_optional(&self.pool)
        .await
        .map_err(|e| self.db_error(e))?
        .ok_or_else(|| StoreError::NotFound {
            path: self.path.clone(),
            what: "The workspace's name and kind".to_string(),
        })?;
        Ok(WorkspaceInfo {
            path: self.path.display().to_string(),
            name: row.name,
            kind: row.kind,
            accounts: count(row.accounts),
            total_arr: Cents(row.total_arr_cents),
            csms: count(row.csms),
            quarters: count(row.quarters),
            scenarios: count(row.scenarios),
        })
    }
}

/// SQLite counts are never negative; this keeps the conversion total without a panic path.
pub(crate) fn count(value: i64) -> u64 {
    u64::try_from(value).unwrap_or(0)
}
