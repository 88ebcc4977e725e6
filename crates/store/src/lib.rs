//! CS Plan's SQLite store, shared by the CLI and the desktop app: opening and creating workspace
//! files, the embedded migrations (`migrations/`), the demo workspace, saved capacity scenarios,
//! the accounts import, maturity assessments, and the CSM history and comp plans. All calls are
//! async on tokio; queries are runtime queries, so the crate builds without a database.

mod accounts;
mod compensation;
mod connect;
mod create;
mod demo;
mod error;
mod forecast;
mod header;
mod imports;
mod maturity;
mod metrics;
mod names;
mod scenarios;
mod seed;
mod segmentation;
mod workspace;

pub use compensation::{
    CompPlanSummary, HistoryImportSummary, PlanBudget, SavedCompPlan, SavedShifts, SavedStressSetup,
};
pub use error::StoreError;
pub use forecast::{
    BookSegment, ForecastScenario, ForecastSummary, MAX_SEED, MAX_TRIALS, inputs_from_book,
    next_quarter_start,
};
pub use imports::{
    AccountField, ColumnMapping, ColumnTarget, DateOrderFinding, ImportOptions, ImportOutcome,
    ImportPhase, ImportPreview, ImportProblem, ImportProgress, ImportProgressSnapshot,
    ImportRecord, ImportReport, ImportSummary, MappedColumn, MappingOrigin, SavedMapping,
    SourceKind, UndoSummary, detect_mapping, normalise_header,
};
pub use maturity::{Assessment, AssessmentSummary, MergeSummary, RespondentRecord};
pub use metrics::{
    BandRenewals, EarlyWarning, GroupBy, GroupReport, MetricsSetup, MovementsImport,
    MovementsPeriod, NO_CSM, PeriodReport, Snapshot, WarningThresholds,
};
pub use scenarios::{Scenario, ScenarioSummary};
pub use segmentation::{RuleFileFormat, RuleSetSummary, SavedRuleSet};
pub use workspace::WorkspaceInfo;

use create::Placement;
use header::FileState;
use sqlx::sqlite::SqlitePool;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a call waits for another program's write lock before giving up with `Locked`.
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// What a new workspace file starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewWorkspace {
    /// The sample company, so every page has something to show on first launch.
    Demo,
    /// No accounts or history; one scenario with the default inputs.
    Empty,
}

/// An open workspace file.
#[derive(Debug, Clone)]
pub struct Store {
    pool: SqlitePool,
    path: PathBuf,
}

impl Store {
    /// Opens the workspace at `path`; a missing file is created as the demo workspace.
    pub async fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_with(path, Some(NewWorkspace::Demo), DEFAULT_BUSY_TIMEOUT).await
    }

    /// Full control: what to do when the file is missing (None = it must exist), and the busy
    /// timeout. An empty (0-byte) file is initialised, as the kind given or else as empty.
    pub async fn open_with(
        path: &Path,
        if_missing: Option<NewWorkspace>,
        busy_timeout: Duration,
    ) -> Result<Store, StoreError> {
        match header::inspect(path)? {
            FileState::Workspace => {}
            FileState::Missing => {
                let kind = if_missing.ok_or_else(|| StoreError::Missing {
                    path: path.to_path_buf(),
                })?;
                match create::create_file(path, kind, busy_timeout, Placement::NoOverwrite).await {
                    // Another window created it a moment ago: open that one instead.
                    Ok(()) | Err(StoreError::Exists { .. }) => {}
                    Err(e) => return Err(e),
                }
            }
            FileState::Empty => {
                let kind = if_missing.unwrap_or(NewWorkspace::Empty);
                create::create_file(path, kind, busy_timeout, Placement::ReplaceEmpty).await?;
            }
            FileState::NotSqlite => {
                return Err(StoreError::NotADatabase {
                    path: path.to_path_buf(),
                });
            }
            FileState::ForeignSqlite => {
                return Err(StoreError::NotAWorkspace {
                    path: path.to_path_buf(),
                });
            }
        }
        Store::open_existing(path, busy_timeout).await
    }

    /// Creates a new workspace file; `Exists` if anything is already at `path` (nothing is
    /// overwritten).
    pub async fn create(path: &Path, kind: NewWorkspace) -> Result<Store, StoreError> {
        if header::inspect(path)? != FileState::Missing {
            return Err(StoreError::Exists {
                path: path.to_path_buf(),
            });
        }
        create::create_file(path, kind, DEFAULT_BUSY_TIMEOUT, Placement::NoOverwrite).await?;
        Store::open_existing(path, DEFAULT_BUSY_TIMEOUT).await
    }

    /// The file's header has already been checked: it is a CS Plan workspace.
    async fn open_existing(path: &Path, busy_timeout: Duration) -> Result<Store, StoreError> {
        let pool = connect::connect(path, busy_timeout, false).await?;
        let checked = async {
            connect::check_schema_version(&pool, path).await?;
            connect::check_writable(&pool, path).await?;
            connect::migrate(&pool, path).await
        }
        .await;
        match checked {
            Ok(()) => Ok(Store {
                pool,
                path: path.to_path_buf(),
            }),
            Err(e) => {
                pool.close().await;
                Err(e)
            }
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Closes every connection; the WAL is folded back into the file.
    pub async fn close(self) {
        self.pool.close().await;
    }

    pub(crate) fn db_error(&self, error: sqlx::Error) -> StoreError {
        StoreError::from_sqlx(&self.path, error)
    }
}
