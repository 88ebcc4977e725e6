//! The CSM history as the domain reads it: csms, csm_quarters and csm_quarter_extras back into a
//! `History` (money from cents to dollars, the year and quarter from the `2024Q1` label).

use crate::{Store, StoreError};
use csplan_domain::compensation::{CsmQuarter, History};
use sqlx::FromRow;
use std::collections::{BTreeSet, HashMap};

#[derive(FromRow)]
struct QuarterRow {
    csm_id: String,
    csm_name: String,
    segment: String,
    quarter: String,
    quarter_index: i64,
    book_arr_start_cents: i64,
    num_accounts: i64,
    renewable_arr_cents: i64,
    renewed_arr_cents: i64,
    churned_arr_cents: i64,
    downgraded_arr_cents: i64,
    expansion_arr_cents: i64,
    expansion_quota_cents: i64,
    grr: f64,
    nrr: f64,
    nps: i64,
    onboarding_days: i64,
}

#[derive(FromRow)]
struct ExtraRow {
    csm_id: String,
    quarter: String,
    name: String,
    value: f64,
}

/// Whole cents divided by 100 give the same double as the dollar text they were read from
/// (both are the nearest double to the decimal), so a history reads back as it was imported.
fn dollars(cents: i64) -> f64 {
    cents as f64 / 100.0
}

/// `2024Q1` -> (2024, 1); the column's CHECK constraint guarantees the shape.
fn year_and_quarter(label: &str) -> Option<(i32, u8)> {
    let (year, quarter) = label.split_once('Q')?;
    Some((year.parse().ok()?, quarter.parse().ok()?))
}

impl Store {
    /// Every CSM's quarters, sorted by CSM id then quarter (empty when no history is stored).
    pub async fn csm_history(&self) -> Result<History, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(|e| self.db_error(e))?;
        let rows: Vec<QuarterRow> = sqlx::query_as(
            "SELECT q.csm_id, c.csm_name, c.segment, q.quarter, q.quarter_index,
                    q.book_arr_start_cents, q.num_accounts, q.renewable_arr_cents,
                    q.renewed_arr_cents, q.churned_arr_cents, q.downgraded_arr_cents,
                    q.expansion_arr_cents, q.expansion_quota_cents, q.grr, q.nrr, q.nps,
                    q.onboarding_days
             FROM csm_quarters AS q JOIN csms AS c ON c.csm_id = q.csm_id
             ORDER BY q.csm_id, q.quarter_index",
        )
        .fetch_all(&mut *conn)
        .await
        .map_err(|e| self.db_error(e))?;
        let extras: Vec<ExtraRow> =
            sqlx::query_as("SELECT csm_id, quarter, name, value FROM csm_quarter_extras")
                .fetch_all(&mut *conn)
                .await
                .map_err(|e| self.db_error(e))?;
        let columns: Vec<String> = extras
            .iter()
            .map(|e| e.name.clone())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let mut values: HashMap<(String, String), Vec<Option<f64>>> = HashMap::new();
        for extra in extras {
            let Some(position) = columns.iter().position(|c| *c == extra.name) else {
                continue;
            };
            let cells = values
                .entry((extra.csm_id, extra.quarter))
                .or_insert_with(|| vec![None; columns.len()]);
            cells[position] = Some(extra.value);
        }
        let mut quarters = Vec::with_capacity(rows.len());
        for row in rows {
            let (year, quarter_of_year) =
                year_and_quarter(&row.quarter).ok_or_else(|| StoreError::Database {
                    path: self.path.clone(),
                    message: format!(
                        "CSM {} has a quarter \"{}\" that is not like 2024Q1",
                        row.csm_id, row.quarter
                    ),
                })?;
            let extra = values
                .remove(&(row.csm_id.clone(), row.quarter.clone()))
                .unwrap_or_else(|| vec![None; columns.len()]);
            quarters.push(CsmQuarter {
                quarter_index: u32::try_from(row.quarter_index).unwrap_or(0),
                year,
                quarter_of_year,
                book_arr_start: dollars(row.book_arr_start_cents),
                num_accounts: row.num_accounts as f64,
                renewable_arr: dollars(row.renewable_arr_cents),
                renewed_arr: dollars(row.renewed_arr_cents),
                churned_arr: dollars(row.churned_arr_cents),
                downgraded_arr: dollars(row.downgraded_arr_cents),
                expansion_arr: dollars(row.expansion_arr_cents),
                expansion_quota: dollars(row.expansion_quota_cents),
                grr: row.grr,
                nrr: row.nrr,
                nps: row.nps as f64,
                onboarding_days: row.onboarding_days as f64,
                extra,
                csm_id: row.csm_id,
                csm_name: row.csm_name,
                segment: row.segment,
                quarter: row.quarter,
            });
        }
        Ok(History::new(quarters, columns))
    }
}
