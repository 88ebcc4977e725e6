//! The accounts import the Data page is working on: the file the person chose in the native
//! dialog (kept here, so the page never sends a path: DESIGN.md grants it no file access) and
//! the preview or import running now, which the progress and cancel commands reach while the
//! command that started it waits for the store, and the last report shown, for "Save full
//! report…" (so the page never sends thousands of problems back).

use crate::error::ApiError;
use csplan_store::{ImportProgress, ImportProgressSnapshot, ImportReport};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

#[derive(Debug, Default)]
pub struct ImportRuns {
    file: Mutex<Option<PathBuf>>,
    running: Mutex<Option<Arc<ImportProgress>>>,
    report: Mutex<Option<ImportReport>>,
}

/// A poisoned lock only means a command panicked while holding it; the value is still usable.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl ImportRuns {
    /// The file the next preview and import read.
    pub fn choose(&self, file: PathBuf) {
        *lock(&self.file) = Some(file);
    }

    pub fn chosen(&self) -> Result<PathBuf, ApiError> {
        lock(&self.file).clone().ok_or_else(|| {
            ApiError::new(
                "no-import-file",
                "Choose the file to import first (Import accounts…).",
            )
        })
    }

    /// The report the page shows now: the last preview's, or the last import's skipped rows.
    pub fn keep_report(&self, report: &ImportReport) {
        *lock(&self.report) = Some(report.clone());
    }

    pub fn last_report(&self) -> Result<ImportReport, ApiError> {
        lock(&self.report).clone().ok_or_else(|| {
            ApiError::new(
                "no-import-file",
                "There is no import report yet: choose a file to import first.",
            )
        })
    }

    /// Registers a new run. The newest run wins: one still going (a preview of a mapping the
    /// person has since changed) is asked to stop, so two full reads of a big file never race.
    pub fn start(&self) -> Run<'_> {
        let progress = Arc::new(ImportProgress::new());
        if let Some(previous) = lock(&self.running).replace(Arc::clone(&progress)) {
            previous.cancel();
        }
        Run {
            runs: self,
            progress,
        }
    }

    /// How far the running preview or import has got; `None` when nothing runs.
    pub fn progress(&self) -> Option<ImportProgressSnapshot> {
        lock(&self.running).as_ref().map(|p| p.snapshot())
    }

    /// Asks the running preview or import to stop (nothing is written); `false` when none runs.
    pub fn cancel(&self) -> bool {
        match lock(&self.running).as_ref() {
            Some(progress) => {
                progress.cancel();
                true
            }
            None => false,
        }
    }
}

/// One registered run; dropping it (however the command ends) forgets it unless a newer run has
/// replaced it.
pub struct Run<'a> {
    runs: &'a ImportRuns,
    progress: Arc<ImportProgress>,
}

impl Run<'_> {
    pub fn progress(&self) -> &Arc<ImportProgress> {
        &self.progress
    }
}

impl Drop for Run<'_> {
    fn drop(&mut self) {
        let mut running = lock(&self.runs.running);
        if running
            .as_ref()
            .is_some_and(|current| Arc::ptr_eq(current, &self.progress))
        {
            *running = None;
        }
    }
}
