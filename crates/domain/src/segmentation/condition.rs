//! The conditions a segment rule is built from (DOMAIN.md §2.2: contract size, licence count,
//! lifecycle stage, fit, firmographics, tenure, usage). A rule holds when all of them hold.

use super::account::{Account, ICP_FITS, LIFECYCLE_STAGES, PLANS, REGIONS};
use super::date::IsoDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Numeric columns a range can test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NumericField {
    /// In dollars (`100000` or `99999.99`).
    Arr,
    Employees,
    Licenses,
    ActiveUsers,
    HealthScore,
    Nps,
}

/// Text columns membership and text matches can test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TextField {
    AccountId,
    AccountName,
    Industry,
    Region,
    Plan,
    LifecycleStage,
    IcpFit,
    CsmOwner,
}

impl TextField {
    /// The only values an enumerated column can hold, so a rule with a misspelt value is
    /// refused instead of silently matching nothing.
    pub fn allowed_values(self) -> Option<&'static [&'static str]> {
        match self {
            TextField::Region => Some(&REGIONS),
            TextField::Plan => Some(&PLANS),
            TextField::LifecycleStage => Some(&LIFECYCLE_STAGES),
            TextField::IcpFit => Some(&ICP_FITS),
            _ => None,
        }
    }

    fn value(self, account: &Account) -> Option<&str> {
        match self {
            TextField::AccountId => Some(&account.account_id),
            TextField::AccountName => Some(&account.account_name),
            TextField::Industry => account.industry.as_deref(),
            TextField::Region => Some(&account.region),
            TextField::Plan => Some(&account.plan),
            TextField::LifecycleStage => Some(&account.lifecycle_stage),
            TextField::IcpFit => Some(&account.icp_fit),
            TextField::CsmOwner => account.csm_owner.as_deref(),
        }
    }
}

impl NumericField {
    fn value(self, account: &Account) -> Option<f64> {
        match self {
            // Cents / 100 is the double nearest the exact dollar amount, the same double a rule
            // file's `99999.99` parses to, so boundaries compare exactly (below $90 trillion).
            NumericField::Arr => Some(account.arr.0 as f64 / 100.0),
            NumericField::Employees => account.employees.map(|v| v as f64),
            NumericField::Licenses => Some(account.licenses as f64),
            NumericField::ActiveUsers => Some(account.active_users as f64),
            NumericField::HealthScore => Some(account.health_score as f64),
            NumericField::Nps => account.nps.map(|v| v as f64),
        }
    }
}

/// How a text condition compares, always ignoring upper and lower case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TextMatch {
    #[default]
    Contains,
    Equals,
    StartsWith,
}

/// `min <= value < max` over a numeric column, either end optional.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Range {
    pub field: NumericField,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct OneOf {
    pub field: TextField,
    pub values: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct TextCondition {
    pub field: TextField,
    #[serde(default)]
    pub how: TextMatch,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RenewalWithin {
    pub days: u32,
}

/// Bounds without a column: tenure in whole months, usage as active users per licence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Bounds {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct CustomCondition {
    pub column: String,
    pub values: Vec<String>,
}

/// One test of an account, written in a rule file as a table with `kind` and the kind's keys;
/// a misspelt key is refused rather than read as an open range. Ranges are half-open,
/// `min <= value < max`, as W2 writes its tiers ("25,000 <= arr < 100,000"); either end may be
/// left out. A missing value (no employee count, no NPS answer, no industry) never matches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Condition {
    /// A numeric column in a range; ARR in dollars (`100000`, `99999.99`).
    Range(Range),
    /// A text column equals one of the values exactly.
    OneOf(OneOf),
    /// A text column contains, equals or starts with a text, ignoring case.
    Text(TextCondition),
    /// The renewal date falls within the next `days` days of the rule set's date, both ends
    /// included.
    RenewalWithin(RenewalWithin),
    /// Whole months since the contract started, at the rule set's date.
    TenureMonths(Bounds),
    /// Active users per licence (accounts without licences never match).
    UsageRatio(Bounds),
    /// A custom column of the customer's own data equals one of the values, ignoring case.
    Custom(CustomCondition),
}

fn in_range(value: f64, min: Option<f64>, max: Option<f64>) -> bool {
    min.is_none_or(|m| value >= m) && max.is_none_or(|m| value < m)
}

fn text_matches(value: &str, how: TextMatch, text: &str) -> bool {
    let value = value.to_lowercase();
    let text = text.to_lowercase();
    match how {
        TextMatch::Contains => value.contains(&text),
        TextMatch::Equals => value == text,
        TextMatch::StartsWith => value.starts_with(&text),
    }
}

impl Condition {
    pub fn holds(&self, account: &Account, as_of: IsoDate) -> bool {
        match self {
            Condition::Range(r) => r
                .field
                .value(account)
                .is_some_and(|v| in_range(v, r.min, r.max)),
            Condition::OneOf(c) => c
                .field
                .value(account)
                .is_some_and(|v| c.values.iter().any(|allowed| allowed == v)),
            Condition::Text(c) => c
                .field
                .value(account)
                .is_some_and(|v| text_matches(v, c.how, &c.text)),
            Condition::RenewalWithin(c) => {
                let until = as_of.days_until(account.renewal_date);
                (0..=i64::from(c.days)).contains(&until)
            }
            Condition::TenureMonths(b) => {
                let months = account.contract_start.whole_months_until(as_of);
                in_range(months as f64, b.min, b.max)
            }
            Condition::UsageRatio(b) => account
                .usage_ratio()
                .is_some_and(|r| in_range(r, b.min, b.max)),
            Condition::Custom(c) => account.custom.get(&c.column).is_some_and(|v| {
                c.values
                    .iter()
                    .any(|allowed| allowed.to_lowercase() == v.to_lowercase())
            }),
        }
    }

    /// What is wrong with the condition itself, in words naming the field; None when it is fine.
    pub fn problem(&self) -> Option<String> {
        match self {
            Condition::Range(r) => order(&format!("range of {}", name_of(&r.field)), r.min, r.max),
            Condition::TenureMonths(b) => order("tenure_months", b.min, b.max),
            Condition::UsageRatio(b) => order("usage_ratio", b.min, b.max),
            Condition::OneOf(c) => {
                let field = name_of(&c.field);
                if c.values.is_empty() {
                    return Some(format!("one_of {field}: list at least one value"));
                }
                let allowed = c.field.allowed_values()?;
                c.values
                    .iter()
                    .find(|v| !allowed.contains(&v.as_str()))
                    .map(|v| {
                        format!(
                            "one_of {field}: \"{v}\" is not one of {}",
                            allowed.join(", ")
                        )
                    })
            }
            Condition::Text(c) => c
                .text
                .is_empty()
                .then(|| format!("text {}: the text to match is empty", name_of(&c.field))),
            Condition::Custom(c) => (c.column.trim().is_empty() || c.values.is_empty())
                .then(|| "custom: name the column and list at least one value".to_string()),
            Condition::RenewalWithin(_) => None,
        }
    }
}

fn order(what: &str, min: Option<f64>, max: Option<f64>) -> Option<String> {
    match (min, max) {
        (Some(lo), _) if !lo.is_finite() => Some(format!("{what}: min must be a number")),
        (_, Some(hi)) if !hi.is_finite() => Some(format!("{what}: max must be a number")),
        (Some(lo), Some(hi)) if lo >= hi => Some(format!(
            "{what}: min ({lo}) must be below max ({hi}); the range is min <= value < max"
        )),
        _ => None,
    }
}

/// A field as a rule file spells it (`health_score`, `icp_fit`).
fn name_of(field: &impl Serialize) -> String {
    serde_json::to_value(field)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}
