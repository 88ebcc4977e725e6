//! What an assessment, a respondent and a role may be called: trimmed, at most 80 characters,
//! compared ignoring case (the tables hold the same limits as CHECK constraints).

use crate::StoreError;

const MAX_CHARS: usize = 80;

/// A required name (`what` is "An assessment" or "A respondent").
pub(super) fn validate(what: &str, name: &str) -> Result<String, StoreError> {
    let trimmed = name.trim();
    let chars = trimmed.chars().count();
    if chars == 0 {
        return Err(StoreError::InvalidName {
            reason: format!("{what} needs a name. Type one (up to {MAX_CHARS} characters)."),
        });
    }
    if chars > MAX_CHARS {
        return Err(StoreError::InvalidName {
            reason: format!(
                "{what}'s name can be at most {MAX_CHARS} characters; this one has {chars}. Shorten it."
            ),
        });
    }
    Ok(trimmed.to_string())
}

/// A role may be left empty ("CEO", "VP Customer Success", or nothing).
pub(super) fn validate_role(role: &str) -> Result<String, StoreError> {
    let trimmed = role.trim();
    let chars = trimmed.chars().count();
    if chars > MAX_CHARS {
        return Err(StoreError::InvalidName {
            reason: format!(
                "A role can be at most {MAX_CHARS} characters; this one has {chars}. Shorten it."
            ),
        });
    }
    Ok(trimmed.to_string())
}

/// The form two names are compared in: trimmed and lower-cased with Unicode rules (SQLite's
/// NOCASE folds ASCII only).
pub(super) fn key(name: &str) -> String {
    name.trim().to_lowercase()
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
