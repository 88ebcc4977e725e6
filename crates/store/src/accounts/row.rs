//! One account as stored, and the column rules of WORKLOADS.md section 0 that turn a CSV record
//! into one. Every broken rule becomes a problem naming the column and what is wrong.

use super::calendar::{DateError, check_iso_date};
use csplan_domain::Cents;
use csplan_domain::money::MoneyError;

/// The columns of the accounts table and of the CSV, in the CSV's order.
pub(crate) const COLUMNS: [&str; 16] = [
    "account_id",
    "account_name",
    "arr",
    "employees",
    "industry",
    "region",
    "plan",
    "contract_start",
    "renewal_date",
    "lifecycle_stage",
    "health_score",
    "nps",
    "active_users",
    "licenses",
    "csm_owner",
    "icp_fit",
];

pub(crate) const REGIONS: [&str; 4] = ["NA", "EMEA", "APAC", "LATAM"];
pub(crate) const PLANS: [&str; 4] = ["Starter", "Growth", "Professional", "Enterprise"];
pub(crate) const STAGES: [&str; 5] = ["onboarding", "adoption", "renewal", "expansion", "advocacy"];
pub(crate) const ICP_FITS: [&str; 3] = ["ideal", "stretch", "bad"];

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AccountRow {
    pub account_id: String,
    pub account_name: String,
    pub arr: Cents,
    pub employees: Option<i64>,
    pub industry: Option<String>,
    pub region: String,
    pub plan: String,
    pub contract_start: String,
    pub renewal_date: String,
    pub lifecycle_stage: String,
    pub health_score: i64,
    pub nps: Option<i64>,
    pub active_users: i64,
    pub licenses: i64,
    pub csm_owner: Option<String>,
    pub icp_fit: String,
}

/// A broken column rule: which column and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FieldProblem {
    pub column: &'static str,
    pub reason: String,
}

/// `ACC-0001234` -> 1234; the number is what duplicate detection keys on.
pub(crate) fn account_number(id: &str) -> Option<u32> {
    let digits = id.strip_prefix("ACC-")?;
    if digits.len() == 7 && digits.bytes().all(|b| b.is_ascii_digit()) {
        digits.parse().ok()
    } else {
        None
    }
}

/// Reads the fields of one record (already in column order) into a row. An empty field is NULL.
pub(crate) fn parse_fields(fields: [&str; 16]) -> Result<AccountRow, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let mut fields = Fields {
        values: fields,
        problems: &mut problems,
    };
    let row = AccountRow {
        account_id: fields.account_id(0),
        account_name: fields.required_text(1),
        arr: fields.arr(2),
        employees: fields.optional_integer(3, 0, i64::MAX),
        industry: fields.optional_text(4),
        region: fields.one_of(5, &REGIONS),
        plan: fields.one_of(6, &PLANS),
        contract_start: fields.date(7),
        renewal_date: fields.date(8),
        lifecycle_stage: fields.one_of(9, &STAGES),
        health_score: fields.required_integer(10, 0, 100),
        nps: fields.optional_integer(11, 0, 10),
        active_users: fields.required_integer(12, 0, i64::MAX),
        licenses: fields.required_integer(13, 0, i64::MAX),
        csm_owner: fields.optional_text(14),
        icp_fit: fields.one_of(15, &ICP_FITS),
    };
    if problems.is_empty() {
        Ok(row)
    } else {
        Err(problems)
    }
}

struct Fields<'a> {
    values: [&'a str; 16],
    problems: &'a mut Vec<FieldProblem>,
}

impl Fields<'_> {
    fn problem(&mut self, index: usize, reason: String) {
        self.problems.push(FieldProblem {
            column: COLUMNS[index],
            reason,
        });
    }

    /// The value, or a "missing" problem. Required values are never empty.
    fn required(&mut self, index: usize) -> Option<&str> {
        let value = self.values[index];
        if value.is_empty() {
            self.problem(index, "is empty, but a value is required".to_string());
            None
        } else {
            Some(value)
        }
    }

    fn required_text(&mut self, index: usize) -> String {
        self.required(index).unwrap_or_default().to_string()
    }

    fn optional_text(&self, index: usize) -> Option<String> {
        let value = self.values[index];
        (!value.is_empty()).then(|| value.to_string())
    }

    fn account_id(&mut self, index: usize) -> String {
        let Some(value) = self.required(index) else {
            return String::new();
        };
        let value = value.to_string();
        if account_number(&value).is_none() {
            self.problem(
                index,
                format!("\"{value}\" is not an account id of the form ACC-0000123"),
            );
        }
        value
    }

    fn arr(&mut self, index: usize) -> Cents {
        let Some(value) = self.required(index) else {
            return Cents::ZERO;
        };
        let value = value.to_string();
        match Cents::parse_decimal(&value) {
            Ok(cents) if cents.0 < 0 => {
                self.problem(index, format!("{value} is negative; ARR must be 0 or more"));
                Cents::ZERO
            }
            Ok(cents) => cents,
            Err(MoneyError::TooManyDecimals(_)) => {
                self.problem(
                    index,
                    format!("{value} has more than 2 decimals; ARR is in dollars and cents"),
                );
                Cents::ZERO
            }
            Err(_) => {
                self.problem(
                    index,
                    format!(
                        "\"{value}\" is not an amount (write it like 1250.50, without $ or commas)"
                    ),
                );
                Cents::ZERO
            }
        }
    }

    fn integer(&mut self, index: usize, value: &str, min: i64, max: i64) -> Option<i64> {
        let parsed = if value.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
            value.parse::<i64>().ok()
        } else {
            None
        };
        match parsed {
            Some(number) if (min..=max).contains(&number) => Some(number),
            Some(number) if max == i64::MAX => {
                self.problem(
                    index,
                    format!("{number} is negative; it must be {min} or more"),
                );
                None
            }
            Some(number) => {
                self.problem(index, format!("{number} is outside {min} to {max}"));
                None
            }
            None => {
                self.problem(index, format!("\"{value}\" is not a whole number"));
                None
            }
        }
    }

    fn required_integer(&mut self, index: usize, min: i64, max: i64) -> i64 {
        let Some(value) = self.required(index) else {
            return 0;
        };
        let value = value.to_string();
        self.integer(index, &value, min, max).unwrap_or(0)
    }

    fn optional_integer(&mut self, index: usize, min: i64, max: i64) -> Option<i64> {
        let value = self.values[index];
        if value.is_empty() {
            return None;
        }
        self.integer(index, value, min, max)
    }

    /// `NA` is North America here, never "not available": it is compared as text like any value.
    fn one_of(&mut self, index: usize, allowed: &[&str]) -> String {
        let Some(value) = self.required(index) else {
            return String::new();
        };
        let value = value.to_string();
        if !allowed.contains(&value.as_str()) {
            self.problem(
                index,
                format!("\"{value}\" is not one of {}", allowed.join(", ")),
            );
        }
        value
    }

    fn date(&mut self, index: usize) -> String {
        let Some(value) = self.required(index) else {
            return String::new();
        };
        let value = value.to_string();
        match check_iso_date(&value) {
            Ok(()) => {}
            Err(DateError::Format) => {
                self.problem(
                    index,
                    format!("\"{value}\" is not a date in YYYY-MM-DD form"),
                );
            }
            Err(DateError::NoSuchDay) => {
                self.problem(index, format!("{value} is not a real calendar date"));
            }
        }
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: [&str; 16] = [
        "ACC-0000002",
        "Comet Travel",
        "25000.00",
        "325",
        "Professional Services",
        "NA",
        "Professional",
        "2023-07-02",
        "2026-07-02",
        "adoption",
        "89",
        "8",
        "39",
        "40",
        "Goran Larsen",
        "ideal",
    ];

    fn with(index: usize, value: &'static str) -> [&'static str; 16] {
        let mut fields = GOOD;
        fields[index] = value;
        fields
    }

    fn only_problem(fields: [&str; 16]) -> FieldProblem {
        let problems = parse_fields(fields).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        problems.into_iter().next().unwrap()
    }

    #[test]
    fn reads_a_clean_row() {
        let row = parse_fields(GOOD).unwrap();
        assert_eq!(row.arr, Cents(2_500_000));
        assert_eq!(row.region, "NA");
        assert_eq!(row.nps, Some(8));
        assert_eq!(parse_fields(with(11, "")).unwrap().nps, None);
        assert_eq!(parse_fields(with(14, "")).unwrap().csm_owner, None);
    }

    #[test]
    fn names_the_broken_column() {
        assert_eq!(only_problem(with(2, "abc")).column, "arr");
        assert_eq!(only_problem(with(2, "-5.00")).column, "arr");
        assert_eq!(only_problem(with(10, "105")).column, "health_score");
        assert_eq!(only_problem(with(10, "72.5")).column, "health_score");
        assert_eq!(only_problem(with(11, "11")).column, "nps");
        assert_eq!(only_problem(with(5, "Mars")).column, "region");
        assert_eq!(only_problem(with(7, "2025-02-30")).column, "contract_start");
        assert_eq!(only_problem(with(8, "03/01/2026")).column, "renewal_date");
        assert_eq!(only_problem(with(1, "")).column, "account_name");
        assert_eq!(only_problem(with(0, "ACC-12")).column, "account_id");
        assert_eq!(only_problem(with(13, "-1")).column, "licenses");
    }

    #[test]
    fn account_numbers() {
        assert_eq!(account_number("ACC-0001234"), Some(1234));
        assert_eq!(account_number("ACC-001234"), None);
        assert_eq!(account_number("acc-0001234"), None);
    }
}
