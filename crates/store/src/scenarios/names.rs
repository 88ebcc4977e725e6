//! Scenario names: trimmed, 1 to 80 characters, unique ignoring case.

use crate::StoreError;
use crate::names::{MAX_CHARS, NameProblem, check};
pub(super) use crate::names::{clash, key};

pub(super) fn validate(name: &str) -> Result<String, StoreError> {
    check(name, true).map_err(|problem| StoreError::InvalidName {
        reason: match problem {
            NameProblem::Empty => {
                format!("A scenario needs a name. Type one (up to {MAX_CHARS} characters).")
            }
            NameProblem::TooLong { chars } => format!(
                "Scenario names can be at most {MAX_CHARS} characters; this one has {chars}. Shorten it."
            ),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_limits_length() {
        assert_eq!(validate("  Q3 plan ").unwrap(), "Q3 plan");
        assert_eq!(validate("   ").unwrap_err().code(), "invalid-name");
        assert!(validate(&"é".repeat(80)).is_ok());
        assert_eq!(
            validate(&"é".repeat(81)).unwrap_err().code(),
            "invalid-name"
        );
    }

    #[test]
    fn compares_ignoring_case() {
        assert_eq!(key(" Base Plan"), key("base plan"));
        assert_eq!(key("ÜBER"), key("über"));
    }
}
