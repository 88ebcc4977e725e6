//! Every way a store call can fail, each with a stable code for the UI (`{ code, message }`,
//! DESIGN.md "Decisions") and a message that names the file and says what to do next.

use crate::imports::ImportReport;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "The workspace {} is locked by another program (another CS Plan window or a sqlite3 shell?). Close it and try again; nothing was changed.",
        .path.display()
    )]
    Locked { path: PathBuf },

    #[error(
        "{} is not a CS Plan workspace: it is not a database file at all. Choose a workspace file (.db) made by CS Plan; nothing was changed.",
        .path.display()
    )]
    NotADatabase { path: PathBuf },

    #[error(
        "{} is a database of another program, not a CS Plan workspace. Choose a workspace file made by CS Plan, or create a new one; nothing was changed.",
        .path.display()
    )]
    NotAWorkspace { path: PathBuf },

    #[error(
        "The workspace {} was saved by a newer version of CS Plan (schema version {found}; this version knows up to {known}). Update CS Plan to open it; nothing was changed.",
        .path.display()
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        known: i64,
    },

    #[error(
        "{} already exists. Choose another file name, or open the existing file; nothing was overwritten.",
        .path.display()
    )]
    Exists { path: PathBuf },

    #[error(
        "There is no workspace at {}. Check the folder and file name, or create a new workspace there.",
        .path.display()
    )]
    Missing { path: PathBuf },

    #[error(
        "{what} is not in the workspace {}. It may have been deleted in another window; reload and try again.",
        .path.display()
    )]
    NotFound { path: PathBuf, what: String },

    #[error(
        "A scenario named \"{name}\" already exists (names are compared ignoring upper and lower case). Choose another name."
    )]
    DuplicateName { name: String },

    #[error("{reason}")]
    InvalidName { reason: String },

    #[error(
        "\"{name}\" is the only scenario in this workspace, so it cannot be deleted. Create or duplicate another scenario first."
    )]
    LastScenario { name: String },

    #[error("{reason}")]
    InvalidInputs { reason: String },

    #[error(transparent)]
    InvalidImport(ImportReport),

    #[error(
        "{file} was not imported: line {line}, column {column}: {reason}. Choose the order of day and month (month/day/year or day/month/year) and import again; nothing was written."
    )]
    AmbiguousDates {
        file: String,
        line: u64,
        column: String,
        reason: String,
    },

    #[error(
        "{file} was not imported: no column is mapped to {}. Map a column to each of them (or add the columns to the file) and import again; nothing was written.",
        .fields.join(", ")
    )]
    UnmappedFields { file: String, fields: Vec<String> },

    #[error("The import of {file} was cancelled; nothing was written.")]
    Cancelled { file: String },

    #[error("Could not {action} {}: {source}.", .path.display())]
    Io {
        path: PathBuf,
        action: &'static str,
        #[source]
        source: std::io::Error,
    },

    #[error(
        "The workspace {} could not be read or written ({message}). Nothing was changed; if this keeps happening, keep a copy of the file and report the problem.",
        .path.display()
    )]
    Database { path: PathBuf, message: String },
}

impl StoreError {
    /// The stable code the UI and the CLI switch on; the message is for people.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::Locked { .. } => "locked",
            StoreError::NotADatabase { .. } => "not-a-database",
            StoreError::NotAWorkspace { .. } => "not-a-workspace",
            StoreError::NewerSchema { .. } => "newer-schema",
            StoreError::Exists { .. } => "exists",
            StoreError::Missing { .. } => "missing",
            StoreError::NotFound { .. } => "not-found",
            StoreError::DuplicateName { .. } => "duplicate-name",
            StoreError::InvalidName { .. } => "invalid-name",
            StoreError::LastScenario { .. } => "last-scenario",
            StoreError::InvalidInputs { .. } => "invalid-inputs",
            StoreError::InvalidImport(_) => "invalid-import",
            StoreError::AmbiguousDates { .. } => "ambiguous-dates",
            StoreError::UnmappedFields { .. } => "unmapped-fields",
            StoreError::Cancelled { .. } => "cancelled",
            StoreError::Io { .. } => "io",
            StoreError::Database { .. } => "database",
        }
    }

    pub(crate) fn io(path: &Path, action: &'static str, source: std::io::Error) -> StoreError {
        StoreError::Io {
            path: path.to_path_buf(),
            action,
            source,
        }
    }

    /// Classifies a database error of the workspace at `path`. SQLite's primary result codes
    /// (the low byte of the extended code) tell a busy lock and a non-database file apart from
    /// everything else.
    pub(crate) fn from_sqlx(path: &Path, error: sqlx::Error) -> StoreError {
        const SQLITE_BUSY: i64 = 5;
        const SQLITE_LOCKED: i64 = 6;
        const SQLITE_CANTOPEN: i64 = 14;
        const SQLITE_NOTADB: i64 = 26;
        let path = path.to_path_buf();
        if let sqlx::Error::Database(db) = &error {
            let primary = db
                .code()
                .and_then(|code| code.parse::<i64>().ok())
                .map(|code| code & 0xff);
            match primary {
                Some(SQLITE_BUSY | SQLITE_LOCKED) => return StoreError::Locked { path },
                Some(SQLITE_NOTADB) => return StoreError::NotADatabase { path },
                Some(SQLITE_CANTOPEN) => {
                    return StoreError::Io {
                        path,
                        action: "open",
                        source: std::io::Error::other(
                            "the file cannot be opened for writing; check that its folder exists and that you may write there",
                        ),
                    };
                }
                _ => {}
            }
        }
        StoreError::Database {
            path,
            message: error.to_string(),
        }
    }

    pub(crate) fn from_migrate(path: &Path, error: sqlx::migrate::MigrateError) -> StoreError {
        use sqlx::migrate::MigrateError;
        match error {
            MigrateError::Execute(e) | MigrateError::ExecuteMigration(e, _) => {
                StoreError::from_sqlx(path, e)
            }
            other => StoreError::Database {
                path: path.to_path_buf(),
                message: other.to_string(),
            },
        }
    }
}
