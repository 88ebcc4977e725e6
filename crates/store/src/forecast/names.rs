//! Plan names: trimmed, 1 to 80 characters, unique ignoring case (the table holds the same
//! limits as CHECK constraints; SQLite's NOCASE folds ASCII only, so the store compares first).

use crate::StoreError;
use crate::names::{MAX_CHARS, NameProblem, check};
pub(super) use crate::names::{clash, key};

pub(super) fn validate(name: &str) -> Result<String, StoreError> {
    check(name, true).map_err(|problem| StoreError::InvalidName {
        reason: match problem {
            NameProblem::Empty => {
                format!("A plan needs a name. Type one (up to {MAX_CHARS} characters).")
            }
            NameProblem::TooLong { chars } => format!(
                "Plan names can be at most {MAX_CHARS} characters; this one has {chars}. Shorten it."
            ),
        },
    })
}

pub(super) fn taken(name: &str) -> StoreError {
    StoreError::InvalidName {
        reason: format!(
            "A plan named \"{name}\" already exists (names are compared ignoring upper and lower case). Choose another name."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_limited_and_named_in_messages() {
        assert_eq!(validate("  FY27 plan ").unwrap(), "FY27 plan");
        assert!(
            validate(" ")
                .unwrap_err()
                .to_string()
                .starts_with("A plan needs a name")
        );
        assert!(
            validate(&"x".repeat(81))
                .unwrap_err()
                .to_string()
                .contains("this one has 81")
        );
        assert!(
            taken("Base plan")
                .to_string()
                .contains("\"Base plan\" already exists")
        );
    }
}
