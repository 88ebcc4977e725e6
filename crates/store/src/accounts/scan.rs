//! Streams an accounts CSV record by record (the file is never held in memory as a whole),
//! checks every record against the column rules, and hands each valid row on. Lines are
//! physical lines of the file, the header being line 1, so a person can find them in an editor.

use super::report::Problems;
use super::row::{AccountRow, COLUMNS, account_number, parse_fields};
use crate::StoreError;
use csv::{ErrorKind, ReaderBuilder, StringRecord};
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

const READ_BUFFER: usize = 1 << 16;

/// Validates the whole file. Valid rows go to `on_row`, which returns false to stop early (the
/// receiver has gone away). Problems are counted and the first ones kept.
pub(crate) fn scan(
    file: &Path,
    mut on_row: impl FnMut(AccountRow) -> bool,
) -> Result<Problems, StoreError> {
    let handle = File::open(file).map_err(|e| StoreError::io(file, "open", e))?;
    let mut reader = ReaderBuilder::new()
        .has_headers(true)
        // Records with the wrong number of fields are reported per line, not as a fatal error.
        .flexible(true)
        .from_reader(BufReader::with_capacity(READ_BUFFER, handle));
    let mut problems = Problems::default();
    let header = match reader.headers() {
        Ok(header) => header.clone(),
        Err(e) => return fatal_or_problem(file, e, &mut problems).map(|()| problems),
    };
    let Some(positions) = column_positions(&header, &mut problems) else {
        return Ok(problems);
    };

    // Account number -> line it first appeared on.
    let mut first_seen: HashMap<u32, u64> = HashMap::new();
    let mut record = StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                fatal_or_problem(file, e, &mut problems)?;
                continue;
            }
        }
        let line = record.position().map_or(0, |p| p.line());
        if record.len() != header.len() {
            problems.push(
                line,
                None,
                format!(
                    "has {} fields, but the header has {} (a missing comma, or a comma inside a value without quotes?)",
                    record.len(),
                    header.len()
                ),
            );
            continue;
        }
        let fields = positions.map(|p| record.get(p).unwrap_or_default());
        let mut duplicate = false;
        if let Some(number) = account_number(fields[0]) {
            match first_seen.entry(number) {
                Entry::Occupied(first) => {
                    duplicate = true;
                    problems.push(
                        line,
                        Some(COLUMNS[0]),
                        format!(
                            "{} appears again (first on line {}); each account may appear once",
                            fields[0],
                            first.get()
                        ),
                    );
                }
                Entry::Vacant(slot) => {
                    slot.insert(line);
                }
            }
        }
        match parse_fields(fields) {
            Ok(row) if !duplicate => {
                if !on_row(row) {
                    break;
                }
            }
            Ok(_) => {}
            Err(field_problems) => {
                for p in field_problems {
                    problems.push(line, Some(p.column), p.reason);
                }
            }
        }
    }
    Ok(problems)
}

/// Where each column is in this file's header; None (with problems recorded) if any is missing.
fn column_positions(header: &StringRecord, problems: &mut Problems) -> Option<[usize; 16]> {
    if header.iter().all(str::is_empty) {
        problems.push(
            1,
            None,
            format!(
                "the file is empty; it needs a header row with the columns {}",
                COLUMNS.join(", ")
            ),
        );
        return None;
    }
    let found = COLUMNS.map(|column| header.iter().position(|h| h.trim() == column));
    for (column, position) in COLUMNS.iter().zip(found) {
        if position.is_none() {
            problems.push(
                1,
                Some(column),
                "is missing from the header row".to_string(),
            );
        }
    }
    let mut positions = [0usize; 16];
    for (slot, position) in positions.iter_mut().zip(found) {
        *slot = position?;
    }
    Some(positions)
}

/// Text that is not UTF-8 or not proper CSV is a problem of that line; a failing disk is fatal.
fn fatal_or_problem(
    file: &Path,
    error: csv::Error,
    problems: &mut Problems,
) -> Result<(), StoreError> {
    let line = error.position().map_or(0, |p| p.line());
    match error.into_kind() {
        ErrorKind::Io(e) => Err(StoreError::io(file, "read", e)),
        ErrorKind::Utf8 { pos, .. } => {
            let line = pos.map_or(line, |p| p.line());
            problems.push(
                line,
                None,
                "is not UTF-8 text; save the file as CSV UTF-8 and import again".to_string(),
            );
            Ok(())
        }
        other => {
            problems.push(line, None, format!("cannot be read as CSV ({other:?})"));
            Ok(())
        }
    }
}
