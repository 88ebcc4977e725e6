//! Cells that a spreadsheet would run as a formula (DESIGN.md "Decisions": cells starting with
//! `=`, `+`, `-`, `@`, tab or CR are neutralised), e.g. evidence typed as "=HYPERLINK(...)".

/// The cell as text a spreadsheet shows literally: a leading apostrophe, which Excel, LibreOffice
/// and Google Sheets treat as "this is text", before any dangerous first character.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised_and_the_rest_kept() {
        for risky in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(risky), format!("'{risky}"));
        }
        for safe in ["", "Rule of thumb", " =1", "1-2", "Q1 = poor"] {
            assert_eq!(neutralise(safe), safe);
        }
    }
}
