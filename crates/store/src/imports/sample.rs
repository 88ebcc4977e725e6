//! The first records of a file as it has them, for the preview. They come from the file, not
//! the mapping: a person mapping an unfamiliar export (its ARR column called "Contract Value")
//! needs to see its values most while required fields are still unmapped.

use super::progress::ImportProgress;
use super::source::{self, Event, Fields, SourceKind};
use crate::StoreError;
use std::path::Path;

/// Records the preview shows as they are in the file.
const SAMPLE_RECORDS: usize = 20;

/// The first non-blank records, every field as text.
#[derive(Debug, Default)]
pub(crate) struct Sample(Vec<Vec<String>>);

impl Sample {
    /// Keeps the record while the sample is not full; blank records are not data.
    pub fn offer(&mut self, fields: &Fields<'_>) {
        if self.0.len() < SAMPLE_RECORDS && !fields.all_empty() {
            self.0.push(
                (0..fields.len())
                    .map(|i| fields.get(i).to_string())
                    .collect(),
            );
        }
    }

    pub fn into_records(self) -> Vec<Vec<String>> {
        self.0
    }
}

/// A file read while required fields are unmapped, so nothing can be checked yet.
pub(crate) struct Unmapped {
    /// Data records, counted as the validator counts them: blank ones not, unreadable ones yes.
    pub rows: u64,
    pub sample: Sample,
    /// Known only once every record has been read.
    pub encoding: &'static str,
}

/// Reads the whole file for its record count, sample and encoding; None when cancelled.
pub(crate) fn read_unmapped(
    file: &Path,
    kind: SourceKind,
    sheet: Option<&str>,
    progress: &ImportProgress,
) -> Result<Option<Unmapped>, StoreError> {
    let mut rows = 0u64;
    let mut sample = Sample::default();
    let mut seen = 0u64;
    let info = source::read(
        file,
        kind,
        sheet,
        progress,
        |_, _| Ok(true),
        |event| {
            seen += 1;
            if seen.is_multiple_of(1024) && progress.is_cancelled() {
                return false;
            }
            match event {
                Event::Record { fields, .. } => {
                    if !fields.all_empty() {
                        rows += 1;
                        sample.offer(&fields);
                    }
                }
                Event::Unreadable { .. } => rows += 1,
            }
            true
        },
    )?;
    if progress.is_cancelled() {
        return Ok(None);
    }
    Ok(Some(Unmapped {
        rows,
        sample,
        encoding: info.encoding,
    }))
}
