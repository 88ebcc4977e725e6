//! Importing a CSM history CSV (columns of DATA.md §2, any extra numeric columns after them).
//! The domain's reader checks the file; then the workspace's own limits are checked (a known
//! segment, whole cents, whole NPS and onboarding days, each CSM named one way, quarters
//! numbered as the workspace numbers them). Any problem rejects the file and nothing is written;
//! otherwise every row is upserted by (CSM, quarter) in one transaction, the CSMs too.

use crate::imports::{ImportProblem, ImportReport};
use crate::{Store, StoreError};
use csplan_domain::compensation::{CsmQuarter, History, HistoryError, read_history};
use serde::{Deserialize, Serialize};
use sqlx::sqlite::SqliteConnection;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use ts_rs::TS;

/// The segments csms.segment accepts.
const SEGMENTS: [&str; 3] = ["Enterprise", "Mid-Market", "SMB"];
/// Past this many cents an amount no longer fits SQLite's integers exactly through an f64.
const MAX_CENTS: f64 = 9.0e15;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HistoryImportSummary {
    pub file: String,
    /// Distinct CSMs in the file.
    #[ts(type = "number")]
    pub csms: u64,
    /// Distinct quarters in the file.
    #[ts(type = "number")]
    pub quarters: u64,
    /// CSM-quarters new to the workspace.
    #[ts(type = "number")]
    pub added: u64,
    /// CSM-quarters already in the workspace, replaced by the file's values.
    #[ts(type = "number")]
    pub updated: u64,
}

/// Where each (csm_id, quarter_index) is in the file: the domain's `History` is sorted and no
/// longer knows its lines.
fn lines_of(text: &str) -> HashMap<(String, u32), u64> {
    let mut lines = HashMap::new();
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let Ok(headers) = reader.headers() else {
        return lines;
    };
    let find = |name: &str| headers.iter().position(|h| h.trim() == name);
    let (Some(id_at), Some(index_at)) = (find("csm_id"), find("quarter_index")) else {
        return lines;
    };
    for record in reader.records().flatten() {
        let line = record.position().map_or(0, |p| p.line());
        let index = record
            .get(index_at)
            .and_then(|t| t.trim().parse::<f64>().ok())
            .and_then(|v| u32::try_from(v as i64).ok());
        if let (Some(id), Some(index)) = (record.get(id_at), index) {
            lines.insert((id.to_string(), index), line);
        }
    }
    lines
}

fn cents(dollars: f64) -> Option<i64> {
    let cents = (dollars * 100.0).round();
    // Multiplying by 100 may be off by a few units in the last place (12.34 -> 1233.9999...).
    let tolerance = (cents.abs() * 4.0 * f64::EPSILON).max(1e-9);
    let whole = (dollars * 100.0 - cents).abs() <= tolerance;
    (whole && cents.abs() < MAX_CENTS).then_some(cents as i64)
}

struct Checks<'a> {
    lines: &'a HashMap<(String, u32), u64>,
    problems: Vec<ImportProblem>,
}

impl Checks<'_> {
    fn push(&mut self, row: &CsmQuarter, column: &str, reason: String) {
        let line = self
            .lines
            .get(&(row.csm_id.clone(), row.quarter_index))
            .copied()
            .unwrap_or(0);
        self.problems.push(ImportProblem {
            line,
            column: Some(column.to_string()),
            value: String::new(),
            reason,
        });
    }

    fn row(&mut self, row: &CsmQuarter, extra_columns: &[String]) {
        // A trailing comma in the header makes a nameless column; only a value under it is lost.
        for (name, value) in extra_columns.iter().zip(&row.extra) {
            if name.is_empty() && value.is_some() {
                self.push(
                    row,
                    "(no name)",
                    "has a value but no name in the header; name the column or remove the value"
                        .to_string(),
                );
            }
        }
        if !SEGMENTS.contains(&row.segment.as_str()) {
            self.push(
                row,
                "segment",
                format!(
                    "\"{}\" is not a segment the workspace knows; use Enterprise, Mid-Market or SMB",
                    row.segment
                ),
            );
        }
        let amounts = [
            ("book_arr_start", row.book_arr_start),
            ("renewable_arr", row.renewable_arr),
            ("renewed_arr", row.renewed_arr),
            ("churned_arr", row.churned_arr),
            ("downgraded_arr", row.downgraded_arr),
            ("expansion_arr", row.expansion_arr),
            ("expansion_quota", row.expansion_quota),
        ];
        for (column, value) in amounts {
            if cents(value).is_none() {
                self.push(
                    row,
                    column,
                    format!("{value} is not an amount in whole cents; round it to 2 decimals"),
                );
            }
        }
        for (column, value) in [("nps", row.nps), ("onboarding_days", row.onboarding_days)] {
            if value.fract() != 0.0 {
                self.push(
                    row,
                    column,
                    format!(
                        "{value} is not a whole number; the workspace keeps it whole, so round it"
                    ),
                );
            }
        }
    }
}

/// Each CSM named and segmented one way; their first row in the file gives the name.
fn check_csms(history: &History, checks: &mut Checks) {
    let mut first: HashMap<&str, &CsmQuarter> = HashMap::new();
    for row in &history.rows {
        let earlier = *first.entry(row.csm_id.as_str()).or_insert(row);
        if earlier.csm_name != row.csm_name {
            checks.push(
                row,
                "csm_name",
                format!(
                    "{} is \"{}\" in quarter {} but \"{}\" here; use one name per CSM",
                    row.csm_id, earlier.csm_name, earlier.quarter, row.csm_name
                ),
            );
        }
        if earlier.segment != row.segment {
            checks.push(
                row,
                "segment",
                format!(
                    "{} is {} in quarter {} but {} here; use one segment per CSM",
                    row.csm_id, earlier.segment, earlier.quarter, row.segment
                ),
            );
        }
    }
}

/// A quarter keeps its quarter_index: the backtest orders and groups quarters by it.
fn check_numbering(history: &History, stored: &[(String, i64)], checks: &mut Checks) {
    let by_label: HashMap<&str, i64> = stored.iter().map(|(q, i)| (q.as_str(), *i)).collect();
    let by_index: HashMap<i64, &str> = stored.iter().map(|(q, i)| (*i, q.as_str())).collect();
    let mut reported = BTreeSet::new();
    for row in &history.rows {
        let index = i64::from(row.quarter_index);
        let clash = match (by_label.get(row.quarter.as_str()), by_index.get(&index)) {
            (Some(&stored_index), _) if stored_index != index => Some(format!(
                "{} is quarter_index {stored_index} in the workspace but {index} here; number the quarters as the workspace does",
                row.quarter
            )),
            (_, Some(&stored_label)) if stored_label != row.quarter => Some(format!(
                "quarter_index {index} is {stored_label} in the workspace but {} here; number the quarters as the workspace does",
                row.quarter
            )),
            _ => None,
        };
        if let Some(reason) = clash
            && reported.insert(row.quarter.clone())
        {
            checks.push(row, "quarter_index", reason);
        }
    }
}

fn rejected(file: &str, mut problems: Vec<ImportProblem>) -> StoreError {
    problems.sort_by_key(|p| p.line);
    let mut lines: Vec<u64> = problems.iter().map(|p| p.line).collect();
    lines.dedup();
    StoreError::InvalidImport(ImportReport {
        file: file.to_string(),
        total_problems: u64::try_from(problems.len()).unwrap_or(u64::MAX),
        rejected_rows: u64::try_from(lines.len()).unwrap_or(u64::MAX),
        problems,
    })
}

/// The domain reader stops at the first problem; one with a line goes in the import report like
/// the accounts import's, one about the whole file (e.g. no rows) is an invalid input.
fn refused(error: HistoryError) -> StoreError {
    match error.line {
        Some(line) => StoreError::InvalidImport(ImportReport {
            file: error.file,
            problems: vec![ImportProblem {
                line,
                column: error.column,
                value: String::new(),
                reason: error.reason,
            }],
            total_problems: 1,
            rejected_rows: 1,
        }),
        None => StoreError::InvalidInputs {
            reason: format!(
                "{}: {}. Nothing was imported; fix the file and import it again.",
                error.file, error.reason
            ),
        },
    }
}

async fn upsert_row(conn: &mut SqliteConnection, row: &CsmQuarter) -> Result<bool, sqlx::Error> {
    let existed: Option<i64> =
        sqlx::query_scalar("SELECT 1 FROM csm_quarters WHERE csm_id = ?1 AND quarter = ?2")
            .bind(&row.csm_id)
            .bind(&row.quarter)
            .fetch_optional(&mut *conn)
            .await?;
    // Every amount was checked to be whole cents before the transaction began.
    let money = |dollars: f64| cents(dollars).unwrap_or(0);
    sqlx::query(
        "INSERT INTO csm_quarters (
             csm_id, quarter, quarter_index, book_arr_start_cents, num_accounts,
             renewable_arr_cents, renewed_arr_cents, churned_arr_cents, downgraded_arr_cents,
             expansion_arr_cents, expansion_quota_cents, grr, nrr, nps, onboarding_days)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
         ON CONFLICT (csm_id, quarter) DO UPDATE SET
             quarter_index = excluded.quarter_index,
             book_arr_start_cents = excluded.book_arr_start_cents,
             num_accounts = excluded.num_accounts,
             renewable_arr_cents = excluded.renewable_arr_cents,
             renewed_arr_cents = excluded.renewed_arr_cents,
             churned_arr_cents = excluded.churned_arr_cents,
             downgraded_arr_cents = excluded.downgraded_arr_cents,
             expansion_arr_cents = excluded.expansion_arr_cents,
             expansion_quota_cents = excluded.expansion_quota_cents,
             grr = excluded.grr, nrr = excluded.nrr, nps = excluded.nps,
             onboarding_days = excluded.onboarding_days",
    )
    .bind(&row.csm_id)
    .bind(&row.quarter)
    .bind(i64::from(row.quarter_index))
    .bind(money(row.book_arr_start))
    .bind(row.num_accounts as i64)
    .bind(money(row.renewable_arr))
    .bind(money(row.renewed_arr))
    .bind(money(row.churned_arr))
    .bind(money(row.downgraded_arr))
    .bind(money(row.expansion_arr))
    .bind(money(row.expansion_quota))
    .bind(row.grr)
    .bind(row.nrr)
    .bind(row.nps as i64)
    .bind(row.onboarding_days as i64)
    .execute(&mut *conn)
    .await?;
    Ok(existed.is_some())
}

/// The file's extra columns replace the row's: a cell left empty removes a stored value.
async fn replace_extras(
    conn: &mut SqliteConnection,
    row: &CsmQuarter,
    columns: &[String],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM csm_quarter_extras WHERE csm_id = ?1 AND quarter = ?2")
        .bind(&row.csm_id)
        .bind(&row.quarter)
        .execute(&mut *conn)
        .await?;
    for (name, value) in columns.iter().zip(&row.extra) {
        let Some(value) = value.filter(|_| !name.is_empty()) else {
            continue;
        };
        sqlx::query(
            "INSERT INTO csm_quarter_extras (csm_id, quarter, name, value) VALUES (?1, ?2, ?3, ?4)",
        )
        .bind(&row.csm_id)
        .bind(&row.quarter)
        .bind(name)
        .bind(value)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

impl Store {
    /// Imports a CSM history CSV: every row is checked first and any problem rejects the whole
    /// file (naming its line and column); then CSMs and their quarters are upserted by
    /// (csm_id, quarter) in one transaction.
    pub async fn import_history_csv(
        &self,
        file: &Path,
    ) -> Result<HistoryImportSummary, StoreError> {
        let label = file.display().to_string();
        let text = tokio::fs::read_to_string(file)
            .await
            .map_err(|e| StoreError::io(file, "read the history", e))?;
        let history = read_history(&label, text.as_bytes()).map_err(refused)?;
        let lines = lines_of(&text);
        let mut checks = Checks {
            lines: &lines,
            problems: Vec::new(),
        };
        for row in &history.rows {
            checks.row(row, &history.extra_columns);
        }
        check_csms(&history, &mut checks);

        let mut tx = self.write_tx().await?;
        let stored: Vec<(String, i64)> =
            sqlx::query_as("SELECT DISTINCT quarter, quarter_index FROM csm_quarters")
                .fetch_all(&mut *tx)
                .await
                .map_err(|e| self.db_error(e))?;
        check_numbering(&history, &stored, &mut checks);
        if !checks.problems.is_empty() {
            return Err(rejected(&label, checks.problems));
        }

        let mut csms: BTreeMap<&str, &CsmQuarter> = BTreeMap::new();
        for row in &history.rows {
            csms.entry(row.csm_id.as_str()).or_insert(row);
        }
        for row in csms.values() {
            sqlx::query(
                "INSERT INTO csms (csm_id, csm_name, segment) VALUES (?1, ?2, ?3)
                 ON CONFLICT (csm_id) DO UPDATE SET
                     csm_name = excluded.csm_name, segment = excluded.segment",
            )
            .bind(&row.csm_id)
            .bind(&row.csm_name)
            .bind(&row.segment)
            .execute(&mut *tx)
            .await
            .map_err(|e| self.db_error(e))?;
        }
        let (mut added, mut updated) = (0, 0);
        for row in &history.rows {
            let existed = upsert_row(&mut tx, row)
                .await
                .map_err(|e| self.db_error(e))?;
            replace_extras(&mut tx, row, &history.extra_columns)
                .await
                .map_err(|e| self.db_error(e))?;
            if existed {
                updated += 1;
            } else {
                added += 1;
            }
        }
        tx.commit().await.map_err(|e| self.db_error(e))?;
        Ok(HistoryImportSummary {
            file: label,
            csms: u64::try_from(csms.len()).unwrap_or(u64::MAX),
            quarters: u64::try_from(history.quarters().len()).unwrap_or(u64::MAX),
            added,
            updated,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::cents;

    #[test]
    fn amounts_in_whole_cents_survive_the_float_product_and_others_are_refused() {
        assert_eq!(cents(1234.56), Some(123_456));
        assert_eq!(cents(0.1 + 0.2), Some(30));
        assert_eq!(cents(2_051_985.0), Some(205_198_500));
        assert_eq!(cents(400_000.125), None);
        assert_eq!(cents(0.001), None);
        assert_eq!(cents(1e14), None);
    }
}
