//! An import's progress and its cancel switch, shared between the import and whoever shows the
//! progress bar (UI.md: long work shows progress and can be cancelled). Atomics, so polling or
//! cancelling never waits for the import. The comp stress run's `Progress` counts only trials;
//! an import needs rows, bytes of the whole file and its phase, hence a type of its own.

use serde::Serialize;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, Ordering};
use ts_rs::TS;

#[derive(Debug, Default)]
pub struct ImportProgress {
    cancelled: AtomicBool,
    rows_read: AtomicU64,
    bytes_read: AtomicU64,
    bytes_total: AtomicU64,
    phase: AtomicU8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportPhase {
    /// Reading and checking the file (and, for an import, writing the valid rows as it goes).
    Reading,
    /// The file is read; the last rows, the ARR index and the commit are being written.
    Writing,
    Done,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct ImportProgressSnapshot {
    #[ts(type = "number")]
    pub rows_read: u64,
    #[ts(type = "number")]
    pub bytes_read: u64,
    #[ts(type = "number")]
    pub bytes_total: u64,
    pub phase: ImportPhase,
    pub cancelled: bool,
}

impl ImportProgress {
    pub fn new() -> ImportProgress {
        ImportProgress::default()
    }

    /// Asks the import to stop; it rolls back at its next batch of rows, writing nothing.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    pub fn snapshot(&self) -> ImportProgressSnapshot {
        ImportProgressSnapshot {
            rows_read: self.rows_read.load(Ordering::Relaxed),
            bytes_read: self.bytes_read.load(Ordering::Relaxed),
            bytes_total: self.bytes_total.load(Ordering::Relaxed),
            phase: match self.phase.load(Ordering::Relaxed) {
                0 => ImportPhase::Reading,
                1 => ImportPhase::Writing,
                _ => ImportPhase::Done,
            },
            cancelled: self.is_cancelled(),
        }
    }

    pub(crate) fn start(&self, bytes_total: u64) {
        self.rows_read.store(0, Ordering::Relaxed);
        self.bytes_read.store(0, Ordering::Relaxed);
        self.bytes_total.store(bytes_total, Ordering::Relaxed);
        self.phase.store(0, Ordering::Relaxed);
    }

    pub(crate) fn read(&self, rows: u64, bytes: u64) {
        self.rows_read.store(rows, Ordering::Relaxed);
        self.bytes_read.store(bytes, Ordering::Relaxed);
    }

    pub(crate) fn set_phase(&self, phase: ImportPhase) {
        let value = match phase {
            ImportPhase::Reading => 0,
            ImportPhase::Writing => 1,
            ImportPhase::Done => 2,
        };
        self.phase.store(value, Ordering::Relaxed);
    }
}
