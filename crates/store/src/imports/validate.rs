//! Turns one record into an account, or into problems that each name the line, the column (the
//! file's own header), the value and the reason. The rules are WORKLOADS.md §0's, read
//! generously where exports differ (currency strings, percentages, other date forms, enum
//! spelling in any case) and strictly where a guess could be wrong (fractions of a whole number,
//! more than two decimals of money, a day/month order the file does not decide).

use super::fields::AccountField;
use super::mapping::ColumnPlan;
use super::report::Problems;
use super::source::Fields;
use crate::accounts::{AccountRow, ICP_FITS, PLANS, REGIONS, STAGES};
use csplan_domain::Cents;
use csplan_domain::segmentation::IsoDate;
use csplan_domain::values::{
    AmountError, DateOrder, DateReading, DateValueError, WholeError, parse_amount,
    parse_percent_points, parse_whole, read_date,
};
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::sync::Arc;

/// A valid row, ready to write. Text is held as `Arc<str>`: sqlx binds an `Arc<str>` without
/// copying it, and the enumerated columns share one `Arc` per allowed value, so a million rows
/// cost a few million fewer allocations than owned strings would.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ImportRow {
    pub account_id: Arc<str>,
    pub account_name: Arc<str>,
    pub arr_cents: i64,
    pub employees: Option<i64>,
    pub industry: Option<Arc<str>>,
    pub region: Arc<str>,
    pub plan: Arc<str>,
    pub contract_start: Arc<str>,
    pub renewal_date: Arc<str>,
    pub lifecycle_stage: Arc<str>,
    pub health_score: i64,
    pub nps: Option<i64>,
    pub active_users: i64,
    pub licenses: i64,
    pub csm_owner: Option<Arc<str>>,
    pub icp_fit: Arc<str>,
    /// The custom columns' non-empty values as a JSON object, or None.
    pub custom_fields: Option<Arc<str>>,
}

impl From<AccountRow> for ImportRow {
    fn from(a: AccountRow) -> ImportRow {
        ImportRow {
            account_id: a.account_id.into(),
            account_name: a.account_name.into(),
            arr_cents: a.arr.0,
            employees: a.employees,
            industry: a.industry.map(Into::into),
            region: a.region.into(),
            plan: a.plan.into(),
            contract_start: a.contract_start.into(),
            renewal_date: a.renewal_date.into(),
            lifecycle_stage: a.lifecycle_stage.into(),
            health_score: a.health_score,
            nps: a.nps,
            active_users: a.active_users,
            licenses: a.licenses,
            csm_owner: a.csm_owner.map(Into::into),
            icp_fit: a.icp_fit.into(),
            custom_fields: None,
        }
    }
}

impl From<ImportRow> for AccountRow {
    fn from(r: ImportRow) -> AccountRow {
        AccountRow {
            account_id: r.account_id.to_string(),
            account_name: r.account_name.to_string(),
            arr: Cents(r.arr_cents),
            employees: r.employees,
            industry: r.industry.map(|s| s.to_string()),
            region: r.region.to_string(),
            plan: r.plan.to_string(),
            contract_start: r.contract_start.to_string(),
            renewal_date: r.renewal_date.to_string(),
            lifecycle_stage: r.lifecycle_stage.to_string(),
            health_score: r.health_score,
            nps: r.nps,
            active_users: r.active_users,
            licenses: r.licenses,
            csm_owner: r.csm_owner.map(|s| s.to_string()),
            icp_fit: r.icp_fit.to_string(),
        }
    }
}

/// The enumerated columns, each with its allowed values.
#[derive(Debug, Clone, Copy)]
enum Enumerated {
    Region,
    Plan,
    Stage,
    IcpFit,
}

impl Enumerated {
    const ALL: [Enumerated; 4] = [
        Enumerated::Region,
        Enumerated::Plan,
        Enumerated::Stage,
        Enumerated::IcpFit,
    ];

    fn allowed(self) -> &'static [&'static str] {
        match self {
            Enumerated::Region => &REGIONS,
            Enumerated::Plan => &PLANS,
            Enumerated::Stage => &STAGES,
            Enumerated::IcpFit => &ICP_FITS,
        }
    }
}

/// What the file's numeric dates say about their day/month order.
#[derive(Debug, Clone, Default)]
pub(crate) struct DateEvidence {
    pub month_first: u64,
    pub day_first: u64,
    pub ambiguous: u64,
    /// The first date that reads both ways: line, column, value.
    pub first_ambiguous: Option<(u64, String, String)>,
}

impl DateEvidence {
    /// The order the file shows, if its numeric dates all agree and at least one decides.
    pub fn inferred(&self) -> Option<DateOrder> {
        match (self.month_first > 0, self.day_first > 0) {
            (true, false) => Some(DateOrder::Mdy),
            (false, true) => Some(DateOrder::Dmy),
            _ => None,
        }
    }

    /// Without a chosen order, the rows cannot be written as read: a date reads both ways, or
    /// the dates contradict each other.
    pub fn undecided(&self) -> bool {
        self.ambiguous > 0 || (self.month_first > 0 && self.day_first > 0)
    }
}

/// Account ids seen so far, with their first line: ids of the W1 form `ACC-0000123` in a table
/// indexed by their number (0 = not seen; zeroed pages cost no memory until a number lands on
/// them, so a million ids touch 4 MB), any other id by its text.
#[derive(Default)]
struct SeenIds {
    numbered: Vec<u32>,
    other: HashMap<String, u64>,
}

impl SeenIds {
    /// The first line of this id, if it was seen before; otherwise remembers `line`.
    fn first_line(&mut self, id: &str, line: u64) -> Option<u64> {
        if let Some(number) = w1_number(id) {
            if self.numbered.is_empty() {
                self.numbered = vec![0; 10_000_000];
            }
            let slot = self.numbered.get_mut(number as usize)?;
            if *slot != 0 {
                return Some(u64::from(*slot));
            }
            *slot = u32::try_from(line).unwrap_or(u32::MAX);
            return None;
        }
        match self.other.entry(id.to_string()) {
            Entry::Occupied(first) => Some(*first.get()),
            Entry::Vacant(slot) => {
                slot.insert(line);
                None
            }
        }
    }
}

/// `ACC-0001234` -> 1234.
fn w1_number(id: &str) -> Option<u32> {
    let digits = id.strip_prefix("ACC-")?;
    (digits.len() == 7 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

pub(crate) struct Validator {
    plan: ColumnPlan,
    /// One shared `Arc<str>` per allowed value of each enumerated column.
    canonical: [Vec<Arc<str>>; 4],
    order: Option<DateOrder>,
    seen: SeenIds,
    /// The first currency named in the ARR column, and its line.
    currency: Option<(String, u64)>,
    pub problems: Problems,
    pub evidence: DateEvidence,
    pub rows: u64,
    pub rejected_rows: u64,
}

impl Validator {
    pub fn new(plan: ColumnPlan, order: Option<DateOrder>) -> Validator {
        Validator {
            plan,
            canonical: Enumerated::ALL.map(|e| e.allowed().iter().map(|v| Arc::from(*v)).collect()),
            order,
            seen: SeenIds::default(),
            currency: None,
            problems: Problems::default(),
            evidence: DateEvidence::default(),
            rows: 0,
            rejected_rows: 0,
        }
    }

    /// A record that could not be read at all (encoding, CSV syntax).
    pub fn unreadable(&mut self, line: u64, reason: String) {
        self.rows += 1;
        self.rejected_rows += 1;
        self.problems.push(line, None, String::new(), reason);
    }

    /// The row, or None when the record has problems (recorded) or is blank (skipped).
    pub fn check(&mut self, line: u64, fields: &Fields<'_>) -> Option<ImportRow> {
        if fields.all_empty() {
            return None;
        }
        self.rows += 1;
        let width = self.plan.headers.len();
        if fields.len() != width {
            let reason = if fields.len() > width {
                "too many fields"
            } else {
                "too few fields"
            };
            self.problems.push(
                line,
                None,
                String::new(),
                format!(
                    "has {} fields, but the header has {width} ({reason}: a missing comma, or a comma inside a value without quotes?)",
                    fields.len()
                ),
            );
            self.rejected_rows += 1;
            return None;
        }
        let before = self.problems.total;
        let ambiguous_before = self.evidence.ambiguous;
        let mut row = RowReader {
            line,
            fields,
            validator: self,
        };
        let account_id = row.required_text(AccountField::AccountId);
        let imported = ImportRow {
            account_name: row.required_text(AccountField::AccountName),
            arr_cents: row.arr().0,
            employees: row.optional_whole(AccountField::Employees, 0, i64::MAX),
            industry: row.optional_text(AccountField::Industry),
            region: row.one_of(AccountField::Region, Enumerated::Region),
            plan: row.one_of(AccountField::Plan, Enumerated::Plan),
            contract_start: row.date(AccountField::ContractStart),
            renewal_date: row.date(AccountField::RenewalDate),
            lifecycle_stage: row.one_of(AccountField::LifecycleStage, Enumerated::Stage),
            health_score: row.required_whole(AccountField::HealthScore, 0, 100),
            nps: row.optional_whole(AccountField::Nps, 0, 10),
            active_users: row.required_whole(AccountField::ActiveUsers, 0, i64::MAX),
            licenses: row.required_whole(AccountField::Licenses, 0, i64::MAX),
            csm_owner: row.optional_text(AccountField::CsmOwner),
            icp_fit: row.one_of(AccountField::IcpFit, Enumerated::IcpFit),
            custom_fields: row.custom_fields(),
            account_id,
        };
        let duplicate = !imported.account_id.is_empty()
            && {
                match self.seen.first_line(&imported.account_id, line) {
                    Some(first) => {
                        let column = self.plan.header_of(AccountField::AccountId).to_string();
                        self.problems.push(
                        line,
                        Some(column),
                        imported.account_id.to_string(),
                        format!(
                            "{} appears again (first on line {first}); each account may appear once (duplicate account id)",
                            imported.account_id
                        ),
                    );
                        true
                    }
                    None => false,
                }
            };
        if duplicate || self.problems.total > before {
            self.rejected_rows += 1;
            return None;
        }
        // A date that reads both ways: not a problem of the row, but the row cannot be written
        // until the caller chooses the order (the import then starts again with it).
        if self.evidence.ambiguous > ambiguous_before {
            return None;
        }
        Some(imported)
    }
}

/// One record being read; every problem goes straight to the validator's report. Values are
/// borrowed from the record (`'f`), never copied unless they are kept.
struct RowReader<'v, 'f> {
    line: u64,
    fields: &'f Fields<'f>,
    validator: &'v mut Validator,
}

impl<'f> RowReader<'_, 'f> {
    fn value(&self, field: AccountField) -> &'f str {
        let fields: &'f Fields<'f> = self.fields;
        self.validator.plan.fields[field as usize].map_or("", |p| fields.get(p))
    }

    fn problem(&mut self, field: AccountField, value: &str, reason: String) {
        let column = self.validator.plan.header_of(field).to_string();
        self.validator
            .problems
            .push(self.line, Some(column), value.to_string(), reason);
    }

    fn missing(&mut self, field: AccountField) {
        self.problem(
            field,
            "",
            "is empty, but a value is required (missing required field)".to_string(),
        );
    }

    /// Text exactly as the file has it ("=HYPERLINK(...)" included: exports neutralise it).
    fn required_text(&mut self, field: AccountField) -> Arc<str> {
        let value = self.value(field);
        if value.trim().is_empty() {
            self.missing(field);
            return Arc::from("");
        }
        Arc::from(value)
    }

    fn optional_text(&self, field: AccountField) -> Option<Arc<str>> {
        let value = self.value(field);
        (!value.trim().is_empty()).then(|| Arc::from(value))
    }

    fn arr(&mut self) -> Cents {
        let plan = &self.validator.plan;
        let (position, monthly) = match (plan.fields[AccountField::Arr as usize], plan.mrr) {
            (Some(p), _) => (p, false),
            (None, Some(p)) => (p, true),
            (None, None) => return Cents::ZERO,
        };
        let fields: &'f Fields<'f> = self.fields;
        let value = fields.get(position);
        let what = if monthly { "MRR" } else { "ARR" };
        let amount = match parse_amount(value) {
            Ok(amount) => amount,
            Err(AmountError::Empty) => {
                self.missing(AccountField::Arr);
                return Cents::ZERO;
            }
            Err(AmountError::TooManyDecimals) => {
                self.problem(
                    AccountField::Arr,
                    value,
                    format!("{value} has more than 2 decimals; {what} is in dollars and cents"),
                );
                return Cents::ZERO;
            }
            Err(AmountError::NotANumber | AmountError::TooLarge) => {
                self.problem(
                    AccountField::Arr,
                    value,
                    format!(
                        "\"{value}\" is not a number (write an amount like 1200.50, $1,200.50 or 1.200,50 EUR)"
                    ),
                );
                return Cents::ZERO;
            }
        };
        if amount.cents.0 < 0 {
            self.problem(
                AccountField::Arr,
                value,
                format!("{value} is negative; {what} must be 0 or more (negative ARR)"),
            );
            return Cents::ZERO;
        }
        if let Some(code) = amount.currency {
            match &self.validator.currency {
                Some((first, first_line)) if *first != code => {
                    let reason = format!(
                        "is in {code}, but line {first_line} is in {first}; CS Plan does not convert currencies, so convert the file to one currency first"
                    );
                    self.problem(AccountField::Arr, value, reason);
                    return Cents::ZERO;
                }
                Some(_) => {}
                None => self.validator.currency = Some((code, self.line)),
            }
        }
        if monthly {
            match amount.cents.0.checked_mul(12) {
                Some(cents) => Cents(cents),
                None => {
                    self.problem(AccountField::Arr, value, format!("{value} is too large"));
                    Cents::ZERO
                }
            }
        } else {
            amount.cents
        }
    }

    fn whole(&mut self, field: AccountField, value: &str, min: i64, max: i64) -> Option<i64> {
        let parsed = if field == AccountField::HealthScore {
            parse_percent_points(value)
        } else {
            parse_whole(value)
        };
        match parsed {
            Ok(n) if (min..=max).contains(&n) => Some(n),
            Ok(n) if max == i64::MAX => {
                self.problem(
                    field,
                    value,
                    format!("{n} is negative; it must be {min} or more"),
                );
                None
            }
            Ok(n) => {
                let reason = format!("{n} is outside {min} to {max}");
                self.problem(field, value, reason);
                None
            }
            Err(WholeError::NotWhole | WholeError::Empty) => {
                self.problem(field, value, format!("\"{value}\" is not a whole number"));
                None
            }
            Err(WholeError::TooLarge) => {
                self.problem(field, value, format!("{value} is too large"));
                None
            }
        }
    }

    fn required_whole(&mut self, field: AccountField, min: i64, max: i64) -> i64 {
        let value = self.value(field);
        if value.trim().is_empty() {
            self.missing(field);
            return 0;
        }
        self.whole(field, value, min, max).unwrap_or(0)
    }

    fn optional_whole(&mut self, field: AccountField, min: i64, max: i64) -> Option<i64> {
        let value = self.value(field);
        if value.trim().is_empty() {
            return None;
        }
        self.whole(field, value, min, max)
    }

    /// Matched ignoring case and surrounding spaces, stored in the canonical spelling. `NA` is
    /// North America here, never "not available".
    fn one_of(&mut self, field: AccountField, kind: Enumerated) -> Arc<str> {
        let value = self.value(field);
        let trimmed = value.trim();
        if trimmed.is_empty() {
            self.missing(field);
            return Arc::from("");
        }
        let allowed = kind.allowed();
        match allowed.iter().position(|a| a.eq_ignore_ascii_case(trimmed)) {
            Some(index) => Arc::clone(&self.validator.canonical[kind as usize][index]),
            None => {
                self.problem(
                    field,
                    value,
                    format!(
                        "\"{value}\" is not one of {} (unknown value)",
                        allowed.join(", ")
                    ),
                );
                Arc::from("")
            }
        }
    }

    fn date(&mut self, field: AccountField) -> Arc<str> {
        let value = self.value(field);
        if value.trim().is_empty() {
            self.missing(field);
            return Arc::from("");
        }
        // The W1 form, already a real day: kept as it is, without formatting it again.
        if IsoDate::parse(value).is_ok() {
            return Arc::from(value);
        }
        let order = self.validator.order;
        match read_date(value) {
            Ok(DateReading::Exact(date)) => Arc::from(date.to_string()),
            Ok(DateReading::OnlyAs(date, only)) => match order {
                Some(chosen) if chosen != only => {
                    self.problem(
                        field,
                        value,
                        format!(
                            "{value} is not a real calendar date in {} order, the order of this file's dates",
                            chosen.words()
                        ),
                    );
                    Arc::from("")
                }
                Some(_) => Arc::from(date.to_string()),
                None => {
                    let evidence = &mut self.validator.evidence;
                    match only {
                        DateOrder::Mdy => evidence.month_first += 1,
                        DateOrder::Dmy => evidence.day_first += 1,
                    }
                    Arc::from(date.to_string())
                }
            },
            Ok(DateReading::Numeric(date)) => match order.and_then(|o| date.resolve(o)) {
                Some(day) => Arc::from(day.to_string()),
                None => {
                    let column = self.validator.plan.header_of(field).to_string();
                    let evidence = &mut self.validator.evidence;
                    evidence.ambiguous += 1;
                    if evidence.first_ambiguous.is_none() {
                        evidence.first_ambiguous = Some((self.line, column, value.to_string()));
                    }
                    Arc::from("")
                }
            },
            Err(DateValueError::NoSuchDay) => {
                self.problem(
                    field,
                    value,
                    format!("{value} is not a real calendar date (impossible date)"),
                );
                Arc::from("")
            }
            Err(DateValueError::Format) => {
                self.problem(
                    field,
                    value,
                    format!(
                        "\"{value}\" is not a date (write it as YYYY-MM-DD, MM/DD/YYYY, DD/MM/YYYY or 5 Mar 2026)"
                    ),
                );
                Arc::from("")
            }
        }
    }

    fn custom_fields(&self) -> Option<Arc<str>> {
        let mut values = serde_json::Map::new();
        for (position, header) in &self.validator.plan.custom {
            let value = self.fields.get(*position);
            if !value.trim().is_empty() {
                values.insert(header.clone(), serde_json::Value::String(value.to_string()));
            }
        }
        (!values.is_empty()).then(|| Arc::from(serde_json::Value::Object(values).to_string()))
    }
}
