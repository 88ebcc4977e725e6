//! What every user-given name in a workspace obeys: trimmed, 1 to 80 characters, compared
//! ignoring case with Unicode rules (SQLite's NOCASE folds ASCII only, so the store compares
//! before writing). Each kind of name words its own message from the problem found.

use sqlx::SqliteConnection;

pub(crate) const MAX_CHARS: usize = 80;

pub(crate) enum NameProblem {
    Empty,
    TooLong { chars: usize },
}

/// The trimmed name, or why it cannot be used. `required = false` accepts an empty name.
pub(crate) fn check(name: &str, required: bool) -> Result<String, NameProblem> {
    let trimmed = name.trim();
    let chars = trimmed.chars().count();
    if required && chars == 0 {
        return Err(NameProblem::Empty);
    }
    if chars > MAX_CHARS {
        return Err(NameProblem::TooLong { chars });
    }
    Ok(trimmed.to_string())
}

/// The form two names are compared in: trimmed and lower-cased with Unicode rules, so
/// "Base Plan" and "base plan" (or "ÜBER" and "über") count as the same name.
pub(crate) fn key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// The name of another saved item that `name` would clash with, among the `(id, name)` rows
/// `all` selects; `except` is the item being renamed, which may keep its own name in another
/// case.
pub(crate) async fn clash(
    conn: &mut SqliteConnection,
    all: &'static str,
    name: &str,
    except: Option<i64>,
) -> Result<Option<String>, sqlx::Error> {
    let existing: Vec<(i64, String)> = sqlx::query_as(all).fetch_all(&mut *conn).await?;
    let wanted = key(name);
    Ok(existing
        .into_iter()
        .find(|(id, other)| Some(*id) != except && key(other) == wanted)
        .map(|(_, other)| other))
}
