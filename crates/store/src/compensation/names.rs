//! Comp plan names: trimmed, 1 to 80 characters, unique ignoring case (the table holds the same
//! limits as CHECK constraints; SQLite's NOCASE folds ASCII only, so the store compares first).

use crate::StoreError;
use crate::names::{MAX_CHARS, NameProblem, check};
pub(super) use crate::names::{clash, key};

pub(super) fn validate(name: &str) -> Result<String, StoreError> {
    check(name, true).map_err(|problem| StoreError::InvalidName {
        reason: match problem {
            NameProblem::Empty => {
                format!("A comp plan needs a name. Type one (up to {MAX_CHARS} characters).")
            }
            NameProblem::TooLong { chars } => format!(
                "Comp plan names can be at most {MAX_CHARS} characters; this one has {chars}. Shorten it."
            ),
        },
    })
}

pub(super) fn taken(name: &str) -> StoreError {
    StoreError::InvalidName {
        reason: format!(
            "A comp plan named \"{name}\" already exists (names are compared ignoring upper and lower case). Choose another name."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_limits_and_compares_ignoring_case() {
        assert_eq!(validate("  Draft 2027 ").unwrap(), "Draft 2027");
        assert_eq!(validate(" ").unwrap_err().code(), "invalid-name");
        assert!(validate(&"é".repeat(80)).is_ok());
        assert_eq!(
            validate(&"é".repeat(81)).unwrap_err().code(),
            "invalid-name"
        );
        assert_eq!(key(" ÜBER Plan"), key("über plan"));
    }
}
