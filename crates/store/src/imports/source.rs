//! Reading a file record by record, whatever it is: CSV (UTF-8 with or without BOM, or
//! Windows-1252, detected from the bytes) or the first or a named sheet of an XLSX workbook.
//! Both stream (constant memory) and give each record its physical line, the header being line 1;
//! a quoted CSV field with a line break makes the later records' lines jump accordingly.

use super::progress::ImportProgress;
use crate::StoreError;
use calamine::{DataRef, Reader, Xlsx};
use csv::{ByteRecord, ErrorKind, ReaderBuilder};
use serde::{Deserialize, Serialize};
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;
use ts_rs::TS;

const READ_BUFFER: usize = 1 << 18;
/// Progress is published every this many records (atomics are cheap, not free).
const PROGRESS_EVERY: u64 = 4096;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Csv,
    Xlsx,
}

impl SourceKind {
    pub fn name(self) -> &'static str {
        match self {
            SourceKind::Csv => "csv",
            SourceKind::Xlsx => "xlsx",
        }
    }

    /// By extension, then by content: an XLSX file is a ZIP archive.
    pub(crate) fn of(file: &Path) -> Result<SourceKind, StoreError> {
        let extension = file
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        if matches!(extension.as_deref(), Some("xlsx" | "xlsm")) {
            return Ok(SourceKind::Xlsx);
        }
        let mut start = [0u8; 4];
        let mut handle = File::open(file).map_err(|e| StoreError::io(file, "open", e))?;
        let read = handle
            .read(&mut start)
            .map_err(|e| StoreError::io(file, "read", e))?;
        Ok(if read == 4 && start == *b"PK\x03\x04" {
            SourceKind::Xlsx
        } else {
            SourceKind::Csv
        })
    }
}

/// What the reader found out about the file.
#[derive(Debug, Clone, Default)]
pub(crate) struct SourceInfo {
    pub encoding: &'static str,
    pub sheets: Vec<String>,
    pub sheet: Option<String>,
}

/// One data record's fields, borrowed for the callback.
pub(crate) enum Fields<'a> {
    /// A UTF-8 record: the record's bytes as text and its field bounds.
    Utf8(&'a str, &'a ByteRecord),
    Owned(&'a [String]),
}

impl Fields<'_> {
    pub fn len(&self) -> usize {
        match self {
            Fields::Utf8(_, record) => record.len(),
            Fields::Owned(fields) => fields.len(),
        }
    }

    pub fn get(&self, index: usize) -> &str {
        match self {
            // Field bounds of a valid UTF-8 record fall on character boundaries (the separators
            // and quotes are ASCII), so `get` always finds the field.
            Fields::Utf8(text, record) => record
                .range(index)
                .and_then(|range| text.get(range))
                .unwrap_or_default(),
            Fields::Owned(fields) => fields.get(index).map_or("", String::as_str),
        }
    }

    pub fn all_empty(&self) -> bool {
        (0..self.len()).all(|i| self.get(i).trim().is_empty())
    }
}

pub(crate) enum Event<'a> {
    Record {
        line: u64,
        fields: Fields<'a>,
    },
    /// A record that cannot be read as text or as CSV: the reason, for the report.
    Unreadable {
        line: u64,
        reason: String,
    },
}

/// Reads `file`: the header to `on_header` (false stops the reading), then every record to
/// `on_event` (false stops it). Bad bytes and bad CSV are events; only failing to open or read
/// the file is an error.
pub(crate) fn read(
    file: &Path,
    kind: SourceKind,
    sheet: Option<&str>,
    progress: &ImportProgress,
    on_header: impl FnOnce(&SourceInfo, Vec<String>) -> Result<bool, StoreError>,
    on_event: impl FnMut(Event<'_>) -> bool,
) -> Result<SourceInfo, StoreError> {
    let bytes_total = std::fs::metadata(file)
        .map_err(|e| StoreError::io(file, "open", e))?
        .len();
    progress.start(bytes_total);
    match kind {
        SourceKind::Csv => read_csv(file, progress, on_header, on_event),
        SourceKind::Xlsx => read_xlsx(file, sheet, progress, bytes_total, on_header, on_event),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Encoding {
    /// Only ASCII so far: UTF-8 and Windows-1252 read it the same.
    Undecided,
    Utf8 {
        bom: bool,
    },
    Windows1252,
}

impl Encoding {
    fn name(self) -> &'static str {
        match self {
            Encoding::Undecided | Encoding::Utf8 { bom: false } => "UTF-8",
            Encoding::Utf8 { bom: true } => "UTF-8 with BOM",
            Encoding::Windows1252 => "Windows-1252",
        }
    }
}

/// A record's bytes as text in the file's encoding. The first non-ASCII record decides: valid
/// UTF-8 makes the file UTF-8, anything else Windows-1252 (Excel's "CSV" on Windows). After
/// that, bytes that are not UTF-8 in a UTF-8 file are a bad-encoding problem of their line.
enum Decoded<'a> {
    Utf8(&'a str),
    Owned(Vec<String>),
    Bad(String),
}

fn decode<'a>(record: &'a ByteRecord, encoding: &mut Encoding) -> Decoded<'a> {
    let bytes = record.as_slice();
    if bytes.contains(&0) {
        return Decoded::Bad(
            "has NUL bytes: the file is not plain text (UTF-16 or a binary file?); save it as CSV UTF-8 and import again"
                .to_string(),
        );
    }
    if *encoding != Encoding::Windows1252 {
        match std::str::from_utf8(bytes) {
            Ok(text) => {
                if *encoding == Encoding::Undecided && !text.is_ascii() {
                    *encoding = Encoding::Utf8 { bom: false };
                }
                return Decoded::Utf8(text);
            }
            Err(_) if *encoding == Encoding::Undecided => *encoding = Encoding::Windows1252,
            Err(_) => {
                return Decoded::Bad(
                    "has bytes that are not UTF-8 text, although the lines before it are UTF-8 (bad encoding: the file mixes encodings); save it as CSV UTF-8 and import again"
                        .to_string(),
                );
            }
        }
    }
    Decoded::Owned(
        record
            .iter()
            .map(|field| {
                encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(field)
                    .0
                    .into_owned()
            })
            .collect(),
    )
}

fn read_csv(
    file: &Path,
    progress: &ImportProgress,
    on_header: impl FnOnce(&SourceInfo, Vec<String>) -> Result<bool, StoreError>,
    mut on_event: impl FnMut(Event<'_>) -> bool,
) -> Result<SourceInfo, StoreError> {
    let mut handle = File::open(file).map_err(|e| StoreError::io(file, "open", e))?;
    let mut start = [0u8; 3];
    let bom = handle
        .read(&mut start)
        .map_err(|e| StoreError::io(file, "read", e))?
        == 3
        && start == [0xEF, 0xBB, 0xBF];
    drop(handle);
    let handle = File::open(file).map_err(|e| StoreError::io(file, "open", e))?;
    let mut reader = ReaderBuilder::new()
        .has_headers(false)
        // A record with the wrong number of fields is a problem of its line, not a fatal error.
        .flexible(true)
        .from_reader(BufReader::with_capacity(READ_BUFFER, handle));
    let mut encoding = if bom {
        Encoding::Utf8 { bom: true }
    } else {
        Encoding::Undecided
    };
    let mut record = ByteRecord::new();

    let has_header = reader
        .read_byte_record(&mut record)
        .map_err(|e| csv_fatal(file, e))?;
    let header = if !has_header {
        Vec::new()
    } else {
        match decode(&record, &mut encoding) {
            Decoded::Utf8(text) => {
                let fields = Fields::Utf8(text, &record);
                (0..fields.len())
                    .map(|i| fields.get(i).to_string())
                    .collect()
            }
            Decoded::Owned(fields) => fields,
            Decoded::Bad(reason) => {
                return Err(StoreError::InvalidInputs {
                    reason: format!("{}: the header row {reason}", file.display()),
                });
            }
        }
    };
    let info = |encoding: Encoding| SourceInfo {
        encoding: encoding.name(),
        sheets: Vec::new(),
        sheet: None,
    };
    if !on_header(&info(encoding), header)? {
        return Ok(info(encoding));
    }

    let mut rows = 0u64;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                match e.into_kind() {
                    ErrorKind::Io(e) => return Err(StoreError::io(file, "read", e)),
                    other => {
                        let reason = format!("cannot be read as CSV ({other:?})");
                        if !on_event(Event::Unreadable { line, reason }) {
                            break;
                        }
                        continue;
                    }
                }
            }
        }
        rows += 1;
        let position = record.position().cloned();
        let line = position.as_ref().map_or(0, |p| p.line());
        if rows.is_multiple_of(PROGRESS_EVERY) {
            progress.read(rows, position.as_ref().map_or(0, |p| p.byte()));
        }
        let go_on = match decode(&record, &mut encoding) {
            Decoded::Utf8(text) => on_event(Event::Record {
                line,
                fields: Fields::Utf8(text, &record),
            }),
            Decoded::Owned(fields) => on_event(Event::Record {
                line,
                fields: Fields::Owned(&fields),
            }),
            Decoded::Bad(reason) => on_event(Event::Unreadable { line, reason }),
        };
        if !go_on {
            break;
        }
    }
    let bytes = reader.position().byte();
    progress.read(rows, bytes);
    Ok(info(encoding))
}

fn csv_fatal(file: &Path, error: csv::Error) -> StoreError {
    match error.into_kind() {
        ErrorKind::Io(e) => StoreError::io(file, "read", e),
        other => StoreError::InvalidInputs {
            reason: format!(
                "{}: the header row cannot be read as CSV ({other:?}); nothing was imported",
                file.display()
            ),
        },
    }
}

fn read_xlsx(
    file: &Path,
    sheet: Option<&str>,
    progress: &ImportProgress,
    bytes_total: u64,
    on_header: impl FnOnce(&SourceInfo, Vec<String>) -> Result<bool, StoreError>,
    mut on_event: impl FnMut(Event<'_>) -> bool,
) -> Result<SourceInfo, StoreError> {
    let unreadable = |e: calamine::XlsxError| StoreError::InvalidInputs {
        reason: format!(
            "{} is not a readable XLSX workbook ({e}); save it again from the spreadsheet program, or export it as CSV. Nothing was imported.",
            file.display()
        ),
    };
    let handle = File::open(file).map_err(|e| StoreError::io(file, "open", e))?;
    let mut workbook = Xlsx::new(BufReader::new(handle)).map_err(unreadable)?;
    let sheets = workbook.sheet_names();
    let chosen = match sheet {
        Some(name) => sheets.iter().find(|s| *s == name).cloned().ok_or_else(|| {
            StoreError::InvalidInputs {
                reason: format!(
                    "{} has no sheet named \"{name}\"; its sheets are {}",
                    file.display(),
                    sheets.join(", ")
                ),
            }
        })?,
        None => sheets
            .first()
            .cloned()
            .ok_or_else(|| StoreError::InvalidInputs {
                reason: format!("{} has no sheets", file.display()),
            })?,
    };
    let info = SourceInfo {
        encoding: "XLSX",
        sheets: sheets.clone(),
        sheet: Some(chosen.clone()),
    };
    let mut cells = workbook
        .worksheet_cells_reader(&chosen)
        .map_err(unreadable)?;

    // Cells arrive row by row; a row is complete when a cell of a later row arrives.
    let mut header: Option<Vec<String>> = None;
    let mut row: Vec<String> = Vec::new();
    let mut row_index: Option<u32> = None;
    let mut rows = 0u64;
    let mut stopped = false;
    let mut on_header = Some(on_header);
    let mut finish_row = |index: u32,
                          row: &mut Vec<String>,
                          header: &mut Option<Vec<String>>|
     -> Result<bool, StoreError> {
        let cells = std::mem::take(row);
        if cells.iter().all(|c| c.trim().is_empty()) {
            return Ok(true);
        }
        let line = u64::from(index) + 1;
        match header {
            None => {
                let names = trim_trailing_empty(cells);
                *header = Some(names.clone());
                match on_header.take() {
                    Some(callback) => callback(&info, names),
                    None => Ok(false),
                }
            }
            Some(names) => {
                let mut cells = trim_trailing_empty(cells);
                if cells.len() < names.len() {
                    // Trailing empty cells are simply absent in a sheet.
                    cells.resize(names.len(), String::new());
                }
                rows += 1;
                if rows.is_multiple_of(PROGRESS_EVERY) {
                    progress.read(rows, 0);
                }
                Ok(on_event(Event::Record {
                    line,
                    fields: Fields::Owned(&cells),
                }))
            }
        }
    };
    while let Some(cell) = cells.next_cell().map_err(unreadable)? {
        let (r, c) = cell.get_position();
        if row_index != Some(r) {
            if let Some(previous) = row_index
                && !finish_row(previous, &mut row, &mut header)?
            {
                stopped = true;
                break;
            }
            row_index = Some(r);
        }
        let column = usize::try_from(c).unwrap_or(usize::MAX);
        if column >= row.len() {
            row.resize(column.saturating_add(1).min(16_384), String::new());
        }
        if let Some(slot) = row.get_mut(column) {
            *slot = cell_text(cell.get_value());
        }
    }
    if !stopped && let Some(last) = row_index {
        finish_row(last, &mut row, &mut header)?;
    }
    if header.is_none()
        && let Some(callback) = on_header.take()
    {
        callback(&info, Vec::new())?;
    }
    progress.read(rows, bytes_total);
    Ok(info)
}

fn trim_trailing_empty(mut cells: Vec<String>) -> Vec<String> {
    while cells.last().is_some_and(|c| c.is_empty()) {
        cells.pop();
    }
    cells
}

/// A cell as the text a CSV export of it would hold: whole numbers without ".0", dates as
/// YYYY-MM-DD, errors as Excel shows them (#N/A), so the same value rules apply to both kinds.
fn cell_text(value: &DataRef<'_>) -> String {
    match value {
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        DataRef::Float(f) => f.to_string(),
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_string(),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        DataRef::DateTime(dt) if dt.is_datetime() => {
            let (year, month, day, ..) = dt.to_ymd_hms_milli();
            format!("{year:04}-{month:02}-{day:02}")
        }
        DataRef::DateTime(dt) => dt.as_f64().to_string(),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(e) => e.to_string(),
        DataRef::Empty => String::new(),
    }
}
