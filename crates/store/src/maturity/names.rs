//! What an assessment, a respondent and a role may be called: trimmed, at most 80 characters,
//! compared ignoring case (the tables hold the same limits as CHECK constraints).

use crate::StoreError;
pub(super) use crate::names::key;
use crate::names::{MAX_CHARS, NameProblem, check};

/// A required name (`what` is "An assessment" or "A respondent").
pub(super) fn validate(what: &str, name: &str) -> Result<String, StoreError> {
    check(name, true).map_err(|problem| StoreError::InvalidName {
        reason: match problem {
            NameProblem::Empty => {
                format!("{what} needs a name. Type one (up to {MAX_CHARS} characters).")
            }
            NameProblem::TooLong { chars } => format!(
                "{what}'s name can be at most {MAX_CHARS} characters; this one has {chars}. Shorten it."
            ),
        },
    })
}

/// A role may be left empty ("CEO", "VP Customer Success", or nothing).
pub(super) fn validate_role(role: &str) -> Result<String, StoreError> {
    check(role, false).map_err(|problem| StoreError::InvalidName {
        reason: match problem {
            // Never reached: a role is optional, so an empty one is accepted.
            NameProblem::Empty => String::new(),
            NameProblem::TooLong { chars } => format!(
                "A role can be at most {MAX_CHARS} characters; this one has {chars}. Shorten it."
            ),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_limits_and_compares_ignoring_case() {
        assert_eq!(
            validate("An assessment", "  Q3 review ").unwrap(),
            "Q3 review"
        );
        assert_eq!(
            validate("An assessment", " ").unwrap_err().code(),
            "invalid-name"
        );
        assert!(validate("A respondent", &"é".repeat(80)).is_ok());
        assert!(validate("A respondent", &"é".repeat(81)).is_err());
        assert_eq!(validate_role("  ").unwrap(), "");
        assert!(validate_role(&"x".repeat(81)).is_err());
        assert_eq!(key(" ÜBER Review"), key("über review"));
    }
}
