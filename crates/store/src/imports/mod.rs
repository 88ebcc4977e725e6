//! Importing the customer book from CRM and billing exports however messy (issue #3 part 1):
//! CSV or XLSX, columns mapped by their header names (or as the user says, remembered per
//! export), values in the forms exports use, every problem reported with its physical line,
//! column, value and reason before anything is kept. One pass: the file is read and checked on
//! a blocking thread while this task writes the valid rows inside one transaction; a problem in
//! reject mode, an undecided date order or a cancel rolls everything back, so the workspace is
//! either exactly as before or has the whole import (a killed process included: SQLite's WAL
//! drops an uncommitted transaction; a workspace made by the import appears only once complete,
//! see at_path.rs).

mod at_path;
mod fields;
mod history;
mod mapping;
mod progress;
mod report;
mod sample;
mod saved;
mod source;
mod validate;
mod write;

pub use fields::{AccountField, normalise_header};
pub use history::{ImportRecord, UndoSummary};
pub use mapping::{ColumnMapping, ColumnTarget, MappedColumn, MappingOrigin, detect_mapping};
pub use progress::{ImportPhase, ImportProgress, ImportProgressSnapshot};
pub use report::{ImportProblem, ImportReport, ImportSummary};
pub use saved::SavedMapping;
pub use source::SourceKind;
pub(crate) use write::insert_book;

use crate::{Store, StoreError};
use csplan_domain::values::DateOrder;
use mapping::{ColumnPlan, MappingError, apply_saved, missing_fields};
use sample::Sample;
use serde::{Deserialize, Serialize};
use source::{Event, SourceInfo};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tokio::sync::mpsc;
use ts_rs::TS;
use validate::{ImportRow, Validator};
use write::WriteMode;

/// Rows handed from the reading thread to the writer at a time (two full statements).
const ROWS_PER_BATCH: usize = write::ROWS_PER_STATEMENT * 2;
/// Batches that may wait between reader and writer: enough to keep both busy, little memory.
const BATCHES_IN_FLIGHT: usize = 4;

/// What the caller asks of an import. The default detects everything and rejects the whole
/// file on any problem.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ImportOptions {
    /// The user's confirmed or edited mapping; None = the saved one for these headers, or detected.
    pub mapping: Option<ColumnMapping>,
    /// Use the mapping saved under this name; after a successful import it is saved under it.
    pub mapping_name: Option<String>,
    /// Day/month order of numeric dates; needed only when the file does not decide it.
    pub date_order: Option<DateOrder>,
    /// XLSX: the sheet to read; None = the first.
    pub sheet: Option<String>,
    /// Import the valid rows and report the others, instead of rejecting the whole file.
    pub skip_invalid: bool,
}

/// What a file says about the day/month order of its numeric dates (03/04/2026).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DateOrderFinding {
    /// No numeric dates, or only ones that read the same both ways.
    NotNeeded,
    /// Some date decides it (25/03/2026 is day-first) and none contradicts it.
    Inferred { order: DateOrder },
    /// The caller chose it.
    Chosen { order: DateOrder },
    /// Every numeric date reads both ways, or they contradict each other: the caller must choose.
    Ambiguous,
}

/// The file read and checked in full; nothing written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportPreview {
    pub file: String,
    pub kind: SourceKind,
    /// The workbook's sheets (empty for CSV) and the one read.
    pub sheets: Vec<String>,
    pub sheet: Option<String>,
    /// "UTF-8", "UTF-8 with BOM", "Windows-1252" or "XLSX".
    pub encoding: String,
    pub headers: Vec<String>,
    pub mapping: ColumnMapping,
    pub mapping_origin: MappingOrigin,
    /// Required fields no column maps to: the import is refused until they are mapped.
    pub missing_fields: Vec<AccountField>,
    /// The first data records as the file has them.
    pub sample: Vec<Vec<String>>,
    /// Data records in the file (blank ones not counted).
    #[ts(type = "number")]
    pub rows: u64,
    /// Records that would be written (none while a required field is unmapped).
    #[ts(type = "number")]
    pub valid_rows: u64,
    pub date_order: DateOrderFinding,
    pub report: ImportReport,
}

/// A finished import, as recorded in the workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportOutcome {
    #[ts(type = "number")]
    pub import_id: i64,
    pub file: String,
    pub kind: SourceKind,
    #[ts(type = "number")]
    pub added: u64,
    #[ts(type = "number")]
    pub updated: u64,
    /// Records skipped for their problems (only with `skip_invalid`).
    #[ts(type = "number")]
    pub rejected: u64,
    pub date_order: DateOrderFinding,
    pub mapping_origin: MappingOrigin,
    /// The skipped records' problems.
    pub report: ImportReport,
}

/// The file's header and the mapping to read it with.
struct Prepared {
    file: PathBuf,
    label: String,
    kind: SourceKind,
    info: SourceInfo,
    headers: Vec<String>,
    mapping: ColumnMapping,
    origin: MappingOrigin,
    mapping_name: Option<String>,
}

/// What one reading of the file found.
struct Scan {
    validator: Validator,
    sample: Sample,
    /// The encoding is known only once every record has been read.
    encoding: &'static str,
}

enum Attempt {
    Done(Box<ImportOutcome>),
    /// The file's dates decide the order only once it is read whole: read again with it.
    Again(DateOrder),
}

impl Store {
    /// Reads and checks the whole file without writing: the mapping, the date order, a sample
    /// and every problem, so the user sees the report before anything is imported.
    pub async fn preview_accounts_import(
        &self,
        file: &Path,
        options: &ImportOptions,
        progress: &Arc<ImportProgress>,
    ) -> Result<ImportPreview, StoreError> {
        let prepared = self.prepare(file, options).await?;
        let missing = missing_fields(&prepared.mapping);
        let plan = match ColumnPlan::new(&prepared.mapping, &prepared.headers) {
            Ok(plan) => Some(plan),
            Err(MappingError::Unmapped(_)) => None,
            Err(MappingError::Mismatch(reason)) => {
                return Err(StoreError::InvalidInputs { reason });
            }
        };
        let mut order = options.date_order;
        let mut finding = order.map_or(DateOrderFinding::NotNeeded, |order| {
            DateOrderFinding::Chosen { order }
        });
        let mut found = None;
        if let Some(plan) = plan {
            for _ in 0..2 {
                let setup = prepared.scan_setup(plan.clone(), order, false, progress);
                let result = blocking(&prepared.file, move || scan(setup, |_| true)).await??;
                if progress.is_cancelled() {
                    return Err(self.cancelled(&prepared));
                }
                let evidence = &result.validator.evidence;
                if order.is_none() {
                    finding = match evidence.inferred() {
                        Some(inferred) if !(evidence.month_first > 0 && evidence.day_first > 0) => {
                            DateOrderFinding::Inferred { order: inferred }
                        }
                        _ if evidence.undecided() => DateOrderFinding::Ambiguous,
                        _ => DateOrderFinding::NotNeeded,
                    };
                }
                let again = match finding {
                    DateOrderFinding::Inferred { order: inferred } if evidence.ambiguous > 0 => {
                        Some(inferred)
                    }
                    _ => None,
                };
                found = Some(result);
                match again {
                    Some(inferred) => order = Some(inferred),
                    None => break,
                }
            }
        }
        let (rows, valid_rows, report, sample, encoding) = match found {
            Some(Scan {
                validator,
                sample,
                encoding,
            }) => {
                let undecided_rows = if finding == DateOrderFinding::Ambiguous {
                    validator.evidence.ambiguous
                } else {
                    0
                };
                (
                    validator.rows,
                    validator
                        .rows
                        .saturating_sub(validator.rejected_rows + undecided_rows),
                    validator
                        .problems
                        .into_report(prepared.label.clone(), validator.rejected_rows),
                    sample.into_records(),
                    encoding,
                )
            }
            // Unmapped required fields: nothing can be checked, but the rows and each column's
            // values are what the person needs to see to map them.
            None => {
                let (file, kind, sheet) = (
                    prepared.file.clone(),
                    prepared.kind,
                    prepared.info.sheet.clone(),
                );
                let watch = Arc::clone(progress);
                let read = blocking(&prepared.file, move || {
                    sample::read_unmapped(&file, kind, sheet.as_deref(), &watch)
                })
                .await??;
                let Some(unmapped) = read else {
                    return Err(self.cancelled(&prepared));
                };
                (
                    unmapped.rows,
                    0,
                    report::Problems::default().into_report(prepared.label.clone(), 0),
                    unmapped.sample.into_records(),
                    unmapped.encoding,
                )
            }
        };
        progress.set_phase(ImportPhase::Done);
        Ok(ImportPreview {
            file: prepared.label,
            kind: prepared.kind,
            sheets: prepared.info.sheets,
            sheet: prepared.info.sheet,
            encoding: encoding.to_string(),
            headers: prepared.headers,
            mapping: prepared.mapping,
            mapping_origin: prepared.origin,
            missing_fields: missing,
            sample,
            rows,
            valid_rows,
            date_order: finding,
            report,
        })
    }

    /// Imports the file (see the module comment). Errors: `InvalidImport` (reject mode, with the
    /// report), `AmbiguousDates`, `UnmappedFields`, `Cancelled`, `InvalidInputs` (a mapping that
    /// does not fit the file), `Io`; after any of them the workspace is unchanged.
    pub async fn import_accounts(
        &self,
        file: &Path,
        options: &ImportOptions,
        progress: &Arc<ImportProgress>,
    ) -> Result<ImportOutcome, StoreError> {
        let prepared = self.prepare(file, options).await?;
        let plan = match ColumnPlan::new(&prepared.mapping, &prepared.headers) {
            Ok(plan) => plan,
            Err(MappingError::Unmapped(fields)) => {
                return Err(StoreError::UnmappedFields {
                    file: prepared.label,
                    fields: fields
                        .iter()
                        .map(|f| format!("{} ({})", f.label(), f.key()))
                        .collect(),
                });
            }
            Err(MappingError::Mismatch(reason)) => {
                return Err(StoreError::InvalidInputs { reason });
            }
        };
        let mut order = options.date_order;
        loop {
            match self
                .import_once(&prepared, plan.clone(), order, options, progress)
                .await?
            {
                Attempt::Done(outcome) => return Ok(*outcome),
                Attempt::Again(inferred) => order = Some(inferred),
            }
        }
    }

    /// The plain import of the W1 file (default options), for existing callers.
    pub async fn import_accounts_csv(&self, file: &Path) -> Result<ImportSummary, StoreError> {
        let outcome = self
            .import_accounts(
                file,
                &ImportOptions::default(),
                &Arc::new(ImportProgress::new()),
            )
            .await?;
        Ok(ImportSummary {
            file: outcome.file,
            added: outcome.added,
            updated: outcome.updated,
        })
    }

    async fn prepare(&self, file: &Path, options: &ImportOptions) -> Result<Prepared, StoreError> {
        let file = file.to_path_buf();
        let label = file.display().to_string();
        let kind = SourceKind::of(&file)?;
        let (info, headers) = read_header(&file, kind, options.sheet.clone()).await?;
        if headers.iter().all(|h| h.trim().is_empty()) {
            let mut problems = report::Problems::default();
            problems.push(
                1,
                None,
                String::new(),
                "is empty; the file needs a header row naming its columns (Account ID, Account Name, ARR, ...)"
                    .to_string(),
            );
            return Err(StoreError::InvalidImport(problems.into_report(label, 0)));
        }
        let mapping_name = options
            .mapping_name
            .as_deref()
            .map(saved::mapping_name)
            .transpose()?;
        let (mapping, origin) = if let Some(given) = &options.mapping {
            (given.clone(), MappingOrigin::Given)
        } else if let Some(name) = &mapping_name
            && let Some(saved) = self.mapping_named(name).await?
        {
            (
                apply_saved(&saved.mapping, &headers),
                MappingOrigin::Saved { name: saved.name },
            )
        } else if mapping_name.is_none()
            && let Some(saved) = self.mapping_for_headers(&headers).await?
        {
            (
                apply_saved(&saved.mapping, &headers),
                MappingOrigin::Saved { name: None },
            )
        } else {
            (detect_mapping(&headers), MappingOrigin::Detected)
        };
        Ok(Prepared {
            file,
            label,
            kind,
            info,
            headers,
            mapping,
            origin,
            mapping_name,
        })
    }

    async fn import_once(
        &self,
        prepared: &Prepared,
        plan: ColumnPlan,
        order: Option<DateOrder>,
        options: &ImportOptions,
        progress: &Arc<ImportProgress>,
    ) -> Result<Attempt, StoreError> {
        let db = |e| self.db_error(e);
        let mut tx = self.write_tx().await?;
        let has_accounts: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM accounts)")
            .fetch_one(&mut *tx)
            .await
            .map_err(db)?;
        let mapping_json = serde_json::to_string(&prepared.mapping).unwrap_or_default();
        let import_id: i64 = sqlx::query_scalar(
            "INSERT INTO imports (file_name, source_kind, sheet, mapping_name, mapping, date_order,
                                  started_at, finished_at, rows_added, rows_updated, rows_rejected)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), '', 0, 0, 0)
             RETURNING id",
        )
        .bind(file_name(&prepared.file))
        .bind(prepared.kind.name())
        .bind(prepared.info.sheet.as_deref())
        .bind(prepared.mapping_name.as_deref())
        .bind(mapping_json)
        .bind(order.map(DateOrder::name))
        .fetch_one(&mut *tx)
        .await
        .map_err(db)?;
        let mode = if has_accounts {
            WriteMode::Upsert { import_id }
        } else {
            // Into an empty book: fill the table first and build the ARR index once at the end,
            // instead of updating it a million times in random order.
            sqlx::query("DROP INDEX IF EXISTS accounts_arr")
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            WriteMode::Insert
        };

        let (sender, mut receiver) = mpsc::channel(BATCHES_IN_FLIGHT);
        let skip_invalid = options.skip_invalid;
        let setup = prepared.scan_setup(plan, order, skip_invalid, progress);
        let reader = tokio::task::spawn_blocking(move || {
            // Bound into statement arguments here, on the reading thread, while SQLite writes
            // the previous batch.
            scan(setup, |batch| {
                sender
                    .blocking_send(write::prepare(batch, mode, Some(import_id)))
                    .is_ok()
            })
        });
        let mut written = 0u64;
        let mut updated = 0u64;
        let mut write_error = None;
        while let Some(batch) = receiver.recv().await {
            if progress.is_cancelled() {
                break;
            }
            let result = match batch {
                Ok(chunks) => {
                    let size: u64 = chunks.iter().map(|c| c.rows() as u64).sum();
                    write::write_prepared(&mut tx, chunks, mode)
                        .await
                        .map(|n| (size, n))
                }
                Err(e) => Err(e),
            };
            match result {
                Ok((size, n)) => {
                    written += size;
                    updated += n;
                }
                Err(e) => {
                    write_error = Some(e);
                    break;
                }
            }
        }
        // Stops the reader if the writer gave up early.
        drop(receiver);
        let scan = reader.await.map_err(|e| stopped(&prepared.file, e))??;
        if let Some(e) = write_error {
            return Err(db(e));
        }
        if progress.is_cancelled() {
            return Err(self.cancelled(prepared));
        }
        let validator = scan.validator;
        let evidence = &validator.evidence;
        if order.is_none() && evidence.undecided() {
            let conflicting = evidence.month_first > 0 && evidence.day_first > 0;
            return match evidence.inferred() {
                Some(inferred) if !conflicting => Ok(Attempt::Again(inferred)),
                _ => Err(ambiguous_dates(prepared, evidence)),
            };
        }
        if !skip_invalid && validator.problems.total > 0 {
            let rejected = validator.rejected_rows;
            return Err(StoreError::InvalidImport(
                validator
                    .problems
                    .into_report(prepared.label.clone(), rejected),
            ));
        }
        progress.set_phase(ImportPhase::Writing);
        if mode == WriteMode::Insert {
            write::build_arr_index(&mut tx).await.map_err(db)?;
        }
        let added = written.saturating_sub(updated);
        let rejected = validator.rejected_rows;
        sqlx::query(
            "UPDATE imports SET finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
                 rows_added = ?2, rows_updated = ?3, rows_rejected = ?4, date_order = ?5
             WHERE id = ?1",
        )
        .bind(import_id)
        .bind(i64::try_from(added).unwrap_or(i64::MAX))
        .bind(i64::try_from(updated).unwrap_or(i64::MAX))
        .bind(i64::try_from(rejected).unwrap_or(i64::MAX))
        .bind(order.map(DateOrder::name))
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        saved::remember(
            &mut tx,
            &prepared.headers,
            &prepared.mapping,
            prepared.mapping_name.as_deref(),
        )
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)?;
        progress.set_phase(ImportPhase::Done);
        let date_order = match (options.date_order, order) {
            (Some(order), _) => DateOrderFinding::Chosen { order },
            (None, Some(order)) => DateOrderFinding::Inferred { order },
            (None, None) => match validator.evidence.inferred() {
                Some(order) => DateOrderFinding::Inferred { order },
                None => DateOrderFinding::NotNeeded,
            },
        };
        Ok(Attempt::Done(Box::new(ImportOutcome {
            import_id,
            file: prepared.label.clone(),
            kind: prepared.kind,
            added,
            updated,
            rejected,
            date_order,
            mapping_origin: prepared.origin.clone(),
            report: validator
                .problems
                .into_report(prepared.label.clone(), rejected),
        })))
    }

    fn cancelled(&self, prepared: &Prepared) -> StoreError {
        StoreError::Cancelled {
            file: prepared.label.clone(),
        }
    }
}

impl Prepared {
    fn scan_setup(
        &self,
        plan: ColumnPlan,
        order: Option<DateOrder>,
        skip_invalid: bool,
        progress: &Arc<ImportProgress>,
    ) -> ScanSetup {
        ScanSetup {
            file: self.file.clone(),
            kind: self.kind,
            sheet: self.info.sheet.clone(),
            plan,
            order,
            skip_invalid,
            progress: Arc::clone(progress),
        }
    }
}

/// Everything one reading of the file needs, owned, for the blocking thread.
struct ScanSetup {
    file: PathBuf,
    kind: SourceKind,
    sheet: Option<String>,
    plan: ColumnPlan,
    order: Option<DateOrder>,
    skip_invalid: bool,
    progress: Arc<ImportProgress>,
}

/// Reads and checks every record, handing valid rows to `deliver` in batches while they can
/// still be written: in reject mode until the first problem, without a date order until the
/// first date that reads both ways. Reading goes on after that, for the full report. `deliver`
/// returns false when the writer has stopped; a cancel stops the reading too.
fn scan(
    setup: ScanSetup,
    mut deliver: impl FnMut(Vec<ImportRow>) -> bool,
) -> Result<Scan, StoreError> {
    let ScanSetup {
        file,
        kind,
        sheet,
        plan,
        order,
        skip_invalid,
        progress,
    } = setup;
    let mut validator = Validator::new(plan, order);
    let mut sample = Sample::default();
    let mut batch = Vec::with_capacity(ROWS_PER_BATCH);
    let mut writing = true;
    let mut writer_gone = false;
    let mut seen = 0u64;
    let info = source::read(
        &file,
        kind,
        sheet.as_deref(),
        &progress,
        |_, _| Ok(true),
        |event| {
            seen += 1;
            if seen.is_multiple_of(1024) && progress.is_cancelled() {
                return false;
            }
            match event {
                Event::Record { line, fields } => {
                    sample.offer(&fields);
                    if let Some(row) = validator.check(line, &fields)
                        && writing
                    {
                        batch.push(row);
                    }
                }
                Event::Unreadable { line, reason } => validator.unreadable(line, reason),
            }
            if writing
                && ((!skip_invalid && validator.problems.total > 0)
                    || (order.is_none() && validator.evidence.undecided()))
            {
                writing = false;
                batch = Vec::new();
            }
            if writing && batch.len() == ROWS_PER_BATCH {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(ROWS_PER_BATCH));
                writer_gone = !deliver(full);
            }
            !writer_gone
        },
    )?;
    if writing && !batch.is_empty() && !writer_gone {
        // A refused batch means the writer already failed and reports that error.
        let _ = deliver(batch);
    }
    Ok(Scan {
        validator,
        sample,
        encoding: info.encoding,
    })
}

/// A whole accounts file checked with the import's rules (detected mapping, date order from the
/// file), for readers that keep the rows themselves (snapshots of the book).
pub(crate) struct BookScan {
    problems: report::Problems,
    rejected_rows: u64,
    pub total: u64,
}

impl BookScan {
    pub fn into_report(self, file: String) -> ImportReport {
        self.problems.into_report(file, self.rejected_rows)
    }
}

/// Reads `file` like an import would and hands every valid row to `on_row` once the whole file
/// is known to be valid (a file whose dates decide their order only at the end is read twice).
pub(crate) fn scan_book(
    file: &Path,
    mut on_row: impl FnMut(crate::accounts::AccountRow) -> bool,
) -> Result<BookScan, StoreError> {
    let kind = SourceKind::of(file)?;
    let progress = Arc::new(ImportProgress::new());
    let mut headers = Vec::new();
    source::read(
        file,
        kind,
        None,
        &progress,
        |_, found| {
            headers = found;
            Ok(false)
        },
        |_| false,
    )?;
    let mut problems = report::Problems::default();
    let plan = match ColumnPlan::new(&detect_mapping(&headers), &headers) {
        Ok(plan) => plan,
        Err(MappingError::Unmapped(fields)) => {
            for field in fields {
                problems.push(
                    1,
                    Some(field.key().to_string()),
                    String::new(),
                    "is missing from the header row".to_string(),
                );
            }
            let total = problems.total;
            return Ok(BookScan {
                problems,
                rejected_rows: 0,
                total,
            });
        }
        Err(MappingError::Mismatch(reason)) => return Err(StoreError::InvalidInputs { reason }),
    };
    let mut order = None;
    loop {
        let mut rows = Vec::new();
        let setup = ScanSetup {
            file: file.to_path_buf(),
            kind,
            sheet: None,
            plan: plan.clone(),
            order,
            skip_invalid: false,
            progress: Arc::clone(&progress),
        };
        let Scan { mut validator, .. } = scan(setup, |batch| {
            rows.extend(batch);
            true
        })?;
        let evidence = validator.evidence.clone();
        if order.is_none() && evidence.undecided() {
            let conflicting = evidence.month_first > 0 && evidence.day_first > 0;
            if let (Some(inferred), false) = (evidence.inferred(), conflicting) {
                order = Some(inferred);
                continue;
            }
            let (line, column, value) = evidence.first_ambiguous.unwrap_or_default();
            validator.problems.push(
                line,
                Some(column),
                value,
                "reads both as month/day/year and as day/month/year; write the dates as YYYY-MM-DD"
                    .to_string(),
            );
        }
        let total = validator.problems.total;
        if total == 0 {
            for row in rows {
                if !on_row(row.into()) {
                    break;
                }
            }
        }
        return Ok(BookScan {
            problems: validator.problems,
            rejected_rows: validator.rejected_rows,
            total,
        });
    }
}

/// The file's header row alone (and what the source says of itself: encoding, sheets), read on
/// a blocking thread.
pub(crate) async fn read_header(
    file: &Path,
    kind: SourceKind,
    sheet: Option<String>,
) -> Result<(SourceInfo, Vec<String>), StoreError> {
    let path = file.to_path_buf();
    blocking(file, move || {
        let mut headers = Vec::new();
        let info = source::read(
            &path,
            kind,
            sheet.as_deref(),
            &ImportProgress::new(),
            |_, found| {
                headers = found;
                Ok(false)
            },
            |_| false,
        )?;
        Ok((info, headers))
    })
    .await?
}

async fn blocking<T: Send + 'static>(
    file: &Path,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, StoreError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| stopped(file, e))
}

fn stopped(file: &Path, error: tokio::task::JoinError) -> StoreError {
    StoreError::io(
        file,
        "import",
        std::io::Error::other(format!("the import stopped unexpectedly ({error})")),
    )
}

fn file_name(file: &Path) -> String {
    file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn ambiguous_dates(prepared: &Prepared, evidence: &validate::DateEvidence) -> StoreError {
    let (line, column, value) =
        evidence
            .first_ambiguous
            .clone()
            .unwrap_or((0, String::new(), String::new()));
    let reason = if evidence.month_first > 0 && evidence.day_first > 0 {
        format!(
            "its dates contradict each other: {} read only month-first and {} only day-first",
            evidence.month_first, evidence.day_first
        )
    } else {
        format!(
            "\"{value}\" and {} other dates read both as {} and as {}, and no date in the file decides which",
            evidence.ambiguous.saturating_sub(1),
            DateOrder::Mdy.words(),
            DateOrder::Dmy.words()
        )
    };
    StoreError::AmbiguousDates {
        file: prepared.label.clone(),
        line,
        column,
        reason,
    }
}
