//! Comp plan names: trimmed, 1 to 80 characters, unique ignoring case (the table holds the same
//! limits as CHECK constraints; SQLite's NOCASE folds ASCII only, so the store compares first).

use crate::StoreError;

const MAX_CHARS: usize = 80;

pub(super) fn validate(name: &str) -> Result<String, StoreError> {
    let trimmed = name.trim();
    let chars = trimmed.chars().count();
    if chars == 0 {
        return Err(StoreError::InvalidName {
            reason: format!("A comp plan needs a name. Type one (up to {MAX_CHARS} characters)."),
        });
    }
    if chars > MAX_CHARS {
        return Err(StoreError::InvalidName {
            reason: format!(
                "Comp plan names can be at most {MAX_CHARS} characters; this one has {chars}. Shorten it."
            ),
        });
    }
    Ok(trimmed.to_string())
}

/// The form two names are compared in: trimmed and lower-cased with Unicode rules.
pub(super) fn key(name: &str) -> String {
    name.trim().to_lowercase()
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
