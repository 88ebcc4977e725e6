//! What the app holds while it runs: the open workspace and its book of accounts (each account's
//! ARR) in memory, so a capacity plan is computed on every keystroke without touching the disk.

use crate::commands::compensation::StressRuns;
use crate::commands::data::runs::ImportRuns;
use crate::error::ApiError;
use csplan_domain::Cents;
use csplan_domain::segmentation::{Account, BookColumns};
use csplan_store::{Store, WorkspaceInfo};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tauri::{AppHandle, Manager, Runtime};
use tokio::sync::{RwLock, RwLockReadGuard};

/// The book whole, for rule sets: the accounts, and their columns for re-segmenting on every
/// edit (BookColumns, the fast path).
pub struct Accounts {
    pub rows: Vec<Account>,
    pub columns: BookColumns,
}

/// Environment variable naming the workspace file to open instead of the default one.
pub const WORKSPACE_ENV: &str = "CSPLAN_DB";

pub struct AppState {
    /// The open workspace, or why none is open (the UI then offers to open or create one).
    /// Lock order: `store` before `book`.
    store: RwLock<Result<Store, ApiError>>,
    book: RwLock<Vec<Cents>>,
    /// Every account whole, for rule sets (which can test any column); read on first use and
    /// dropped whenever the book changes. Lock order: after `book`.
    accounts: RwLock<Option<Arc<Accounts>>>,
    /// The stress test running now, for its progress and cancel commands.
    pub stress: StressRuns,
    /// The plan's risk-band run now, likewise.
    pub forecast: StressRuns,
    /// The accounts import in progress: the chosen file, the running read, the last report.
    pub imports: ImportRuns,
}

/// `CSPLAN_DB` if set, else `workspace.db` in the platform's app data directory.
pub fn default_workspace_path<R: Runtime>(app: &AppHandle<R>) -> Result<PathBuf, ApiError> {
    if let Some(path) = std::env::var_os(WORKSPACE_ENV).filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    let dir = app.path().app_data_dir().map_err(|e| {
        ApiError::new(
            "no-data-dir",
            format!(
                "CS Plan could not find a folder for its data ({e}). Open a workspace file instead."
            ),
        )
    })?;
    std::fs::create_dir_all(&dir).map_err(|e| {
        ApiError::new(
            "no-data-dir",
            format!(
                "CS Plan could not create its data folder {} ({e}). Open a workspace file instead.",
                dir.display()
            ),
        )
    })?;
    Ok(dir.join("workspace.db"))
}

impl AppState {
    /// Opens the workspace at `path` (a missing file becomes a new demo workspace). A failure is
    /// kept, not raised: the app still starts and shows it.
    pub async fn open(path: Result<PathBuf, ApiError>) -> AppState {
        let opened = match path {
            Ok(path) => load(&path).await,
            Err(error) => Err(error),
        };
        match opened {
            Ok((store, book)) => AppState::with_store(store, book),
            Err(error) => AppState {
                store: RwLock::new(Err(error)),
                book: RwLock::new(Vec::new()),
                accounts: RwLock::new(None),
                stress: StressRuns::default(),
                imports: ImportRuns::default(),
                forecast: StressRuns::default(),
            },
        }
    }

    pub fn with_store(store: Store, book: Vec<Cents>) -> AppState {
        AppState {
            store: RwLock::new(Ok(store)),
            book: RwLock::new(book),
            accounts: RwLock::new(None),
            stress: StressRuns::default(),
            forecast: StressRuns::default(),
            imports: ImportRuns::default(),
        }
    }

    /// The open workspace, or the reason none is open.
    pub async fn store(&self) -> Result<RwLockReadGuard<'_, Store>, ApiError> {
        let guard = self.store.read().await;
        RwLockReadGuard::try_map(guard, |opened| opened.as_ref().ok()).map_err(|guard| match guard
            .as_ref()
        {
            Err(error) => error.clone(),
            Ok(_) => ApiError::new("no-workspace", "No workspace is open."),
        })
    }

    pub async fn book(&self) -> RwLockReadGuard<'_, Vec<Cents>> {
        self.book.read().await
    }

    /// Makes `store` the open workspace. The previous one stays open until the new one has
    /// loaded, so a failure leaves the app as it was.
    pub async fn switch_to(&self, store: Store) -> Result<WorkspaceInfo, ApiError> {
        let book = store.account_arr().await?;
        let info = store.workspace_info().await?;
        let mut current = self.store.write().await;
        let mut current_book = self.book.write().await;
        let previous = std::mem::replace(&mut *current, Ok(store));
        *current_book = book;
        *self.accounts.write().await = None;
        if let Ok(previous) = previous {
            previous.close().await;
        }
        Ok(info)
    }

    /// Re-reads the book after an import changed the accounts.
    pub async fn reload_book(&self) -> Result<(), ApiError> {
        let store = self.store().await?;
        let book = store.account_arr().await?;
        *self.book.write().await = book;
        *self.accounts.write().await = None;
        Ok(())
    }

    /// The whole accounts of the open workspace, read once and shared until the book changes,
    /// so a rule edit re-segments in memory without touching the disk.
    pub async fn accounts(&self) -> Result<Arc<Accounts>, ApiError> {
        if let Some(accounts) = self.accounts.read().await.as_ref() {
            return Ok(Arc::clone(accounts));
        }
        let store = self.store().await?;
        let mut cached = self.accounts.write().await;
        if let Some(accounts) = cached.as_ref() {
            return Ok(Arc::clone(accounts));
        }
        let rows = store.accounts().await?;
        let columns = BookColumns::new(&rows);
        let accounts = Arc::new(Accounts { rows, columns });
        *cached = Some(Arc::clone(&accounts));
        Ok(accounts)
    }
}

async fn load(path: &Path) -> Result<(Store, Vec<Cents>), ApiError> {
    let store = Store::open(path).await?;
    let book = store.account_arr().await?;
    Ok((store, book))
}
