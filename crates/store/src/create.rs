//! Making a new workspace file. It is built completely in a temporary file beside the target
//! and only then moved into place, so a crash or a full disk never leaves a half-made workspace
//! under the user's file name, and an existing file is never overwritten.

use crate::connect::{NEW_PAGE_SIZE, connect_to_build, finish_build, migrate};
use crate::error::StoreError;
use crate::header::APPLICATION_ID;
use crate::seed;
use crate::{NewWorkspace, Store};
use sqlx::AssertSqlSafe;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Placement {
    /// The target must not exist; if something appeared there meanwhile, it is kept.
    NoOverwrite,
    /// The target is an empty file (nothing to lose) that the new workspace replaces.
    ReplaceEmpty,
}

pub(crate) async fn create_file(
    path: &Path,
    kind: NewWorkspace,
    busy_timeout: Duration,
    placement: Placement,
) -> Result<(), StoreError> {
    create_filled(path, kind, busy_timeout, placement, async |_| Ok(())).await
}

/// Creates the workspace with `fill` run on it before it is moved into place (a first import):
/// if `fill` fails, nothing appears at `path`. `fill` sees a Store whose errors name `path`.
pub(crate) async fn create_filled<T>(
    path: &Path,
    kind: NewWorkspace,
    busy_timeout: Duration,
    placement: Placement,
    fill: impl AsyncFnOnce(&Store) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    check_folder(path)?;
    remove_stale_builds(path);
    let temp = temp_path(path);
    let built = build(&temp, path, kind, busy_timeout, fill).await;
    let result = match built {
        Ok(filled) => place(&temp, path, placement).map(|()| filled),
        Err(e) => Err(e),
    };
    remove_leftovers(&temp);
    result
}

/// A clear message for the common mistake of a folder that does not exist (yet).
fn check_folder(path: &Path) -> Result<(), StoreError> {
    match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() && !folder.is_dir() => Err(StoreError::io(
            path,
            "create",
            std::io::Error::new(ErrorKind::NotFound, "its folder does not exist"),
        )),
        _ => Ok(()),
    }
}

/// `.plan.db.1234-1700000000123456789.creating` beside `plan.db`: same folder, so the final
/// rename stays on one file system and is atomic.
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "workspace".to_string());
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    path.with_file_name(format!(".{name}.{}-{nanos}.creating", std::process::id()))
}

async fn build<T>(
    temp: &Path,
    target: &Path,
    kind: NewWorkspace,
    busy_timeout: Duration,
    fill: impl AsyncFnOnce(&Store) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    let pool = connect_to_build(temp, busy_timeout)
        .await
        .map_err(|e| rename_path(e, target))?;
    let store = Store {
        pool,
        path: target.to_path_buf(),
    };
    let result = async {
        // The page size must be set before the first write (the application id) makes the file.
        sqlx::raw_sql(AssertSqlSafe(format!(
            "PRAGMA page_size = {NEW_PAGE_SIZE}; PRAGMA application_id = {APPLICATION_ID}"
        )))
        .execute(&store.pool)
        .await
        .map_err(|e| StoreError::from_sqlx(target, e))?;
        migrate(&store.pool, target).await?;
        seed::populate(&store.pool, target, kind).await?;
        let filled = fill(&store).await?;
        finish_build(&store.pool, target).await?;
        Ok(filled)
    }
    .await;
    // Closing the only connection leaves one file (the WAL is empty and removed), synced in
    // `place` before it is moved.
    store.close().await;
    result
}

/// Errors while building name the file the user asked for, not the temporary file.
fn rename_path(error: StoreError, target: &Path) -> StoreError {
    match error {
        StoreError::Database { message, .. } => StoreError::Database {
            path: target.to_path_buf(),
            message,
        },
        StoreError::Locked { .. } => StoreError::Locked {
            path: target.to_path_buf(),
        },
        other => other,
    }
}

fn place(temp: &Path, target: &Path, placement: Placement) -> Result<(), StoreError> {
    std::fs::File::open(temp)
        .and_then(|f| f.sync_all())
        .map_err(|e| StoreError::io(target, "save the new workspace", e))?;
    match placement {
        Placement::NoOverwrite => place_new(temp, target)?,
        Placement::ReplaceEmpty => {
            let still_empty = std::fs::metadata(target).map(|m| m.len() == 0);
            if !matches!(still_empty, Ok(true)) {
                return Err(StoreError::Exists {
                    path: target.to_path_buf(),
                });
            }
            std::fs::rename(temp, target)
                .map_err(|e| StoreError::io(target, "save the new workspace as", e))?;
        }
    }
    sync_parent(target);
    Ok(())
}

/// A hard link fails if the target exists, which makes "create unless present" atomic. File
/// systems without hard links fall back to a rename after a last check.
fn place_new(temp: &Path, target: &Path) -> Result<(), StoreError> {
    let exists = || StoreError::Exists {
        path: target.to_path_buf(),
    };
    match std::fs::hard_link(temp, target) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == ErrorKind::AlreadyExists => Err(exists()),
        Err(_) if target.exists() => Err(exists()),
        Err(_) => std::fs::rename(temp, target)
            .map_err(|e| StoreError::io(target, "save the new workspace as", e)),
    }
}

/// Makes the new directory entry durable. Best effort: some platforms cannot open a folder
/// for syncing, and the file itself is already complete and synced.
fn sync_parent(target: &Path) {
    if let Some(parent) = target.parent() {
        let dir = if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        };
        if let Ok(handle) = std::fs::File::open(dir) {
            let _ = handle.sync_all();
        }
    }
}

/// A build whose process was killed (a first import stopped with SIGKILL, a power cut) leaves its
/// temporary file behind: up to the size of the book, hidden beside the workspace. The next
/// creation of the same workspace removes those whose process is gone. Linux only, where a
/// process's liveness is a path (`/proc/<pid>`); elsewhere they stay until deleted by hand.
#[cfg(target_os = "linux")]
fn remove_stale_builds(path: &Path) {
    let (Some(folder), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = file_name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.split_once('-'))
            .and_then(|(pid, rest)| rest.ends_with(".creating").then_some(pid))
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && !Path::new("/proc").join(pid.to_string()).exists() {
            remove_leftovers(&entry.path());
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn remove_stale_builds(_path: &Path) {}

fn remove_leftovers(temp: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = temp.as_os_str().to_owned();
        name.push(suffix);
        // Already gone (moved into place, or never made) is the normal case.
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}
