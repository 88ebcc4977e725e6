//! What every metric hands to the "how is this computed" view and the CLI: the value with its
//! unit, the formula as used, the inputs with their values, the cited source, a caveat where the
//! sources disagree or the value is undefined, and the benchmark when the sources give one.

use crate::money::Cents;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How to read `Metric::value`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    /// A fraction shown as a percentage: 0.8 reads "80.0%".
    Percent,
    /// A plain ratio: 3.2 reads "3.2".
    Ratio,
    /// US dollars (from exact cents; a float only for display and ratios).
    Money,
    Months,
    /// Points on a scale: NPS from −100 to 100, or percentage points for a gap.
    Points,
    Count,
}

/// A target from the sources and whether this value meets it (None when there is no value).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Benchmark {
    pub text: String,
    pub met: Option<bool>,
}

/// One computed metric, self-explaining. Named `CsMetric` in TypeScript, where `Metric` is the
/// comp plans' measure of a CSM-quarter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(rename = "CsMetric")]
pub struct Metric {
    /// Stable identifier, e.g. `grr`.
    pub key: String,
    pub label: String,
    /// None when the formula is undefined for these inputs; `caveat` says why.
    pub value: Option<f64>,
    pub unit: Unit,
    /// The formula exactly as computed, with the definition chosen where sources disagree.
    pub formula: String,
    /// (name, formatted value) of every input the formula used.
    pub inputs: Vec<(String, String)>,
    /// DOMAIN.md section and the source citation.
    pub source: String,
    pub caveat: Option<String>,
    pub benchmark: Option<Benchmark>,
}

impl Metric {
    pub(super) fn new(key: &str, label: &str, unit: Unit, formula: &str, source: &str) -> Metric {
        Metric {
            key: key.to_string(),
            label: label.to_string(),
            value: None,
            unit,
            formula: formula.to_string(),
            inputs: Vec::new(),
            source: source.to_string(),
            caveat: None,
            benchmark: None,
        }
    }

    pub(super) fn input(mut self, name: &str, value: String) -> Metric {
        self.inputs.push((name.to_string(), value));
        self
    }

    pub(super) fn value(mut self, value: Option<f64>) -> Metric {
        // A non-finite number is never shown as a result: it means the formula divided by zero.
        self.value = value.filter(|v| v.is_finite());
        self
    }

    pub(super) fn caveat(mut self, caveat: Option<String>) -> Metric {
        self.caveat = caveat;
        self
    }

    /// Attaches a benchmark; `meets` is asked only when there is a value.
    pub(super) fn benchmark(mut self, text: &str, meets: impl Fn(f64) -> bool) -> Metric {
        self.benchmark = Some(Benchmark {
            text: text.to_string(),
            met: self.value.map(meets),
        });
        self
    }
}

/// `part / whole`, None when the whole is zero.
pub(super) fn ratio(part: f64, whole: f64) -> Option<f64> {
    if whole == 0.0 {
        None
    } else {
        Some(part / whole)
    }
}

pub(super) fn percent(fraction: f64) -> String {
    format!("{:.1}%", fraction * 100.0)
}

pub(super) fn money(amount: Cents) -> String {
    amount.to_exact_string()
}

/// Dollars held as a float (an average or a per-month amount), shown to the cent.
pub(super) fn dollars(amount: f64) -> String {
    Cents::from_dollars_rounded(amount).to_exact_string()
}

/// Converts a rate over `months` to a monthly one (DERIVED, the inverse of the annual table of
/// DOMAIN.md §5.1: `annual = 1 − (1 − monthly)^12`, so `monthly = 1 − (1 − p)^(1/months)`).
/// A rate of 100% or more stays as it is: a book that lost everything has no monthly rate.
pub(super) fn monthly_rate(period_rate: f64, months: u32) -> f64 {
    if period_rate >= 1.0 || months <= 1 {
        return period_rate;
    }
    1.0 - (1.0 - period_rate).powf(1.0 / f64::from(months))
}

/// Converts a rate over `months` to an annual one (DOMAIN.md §5.1 table, DERIVED).
pub(super) fn annual_rate(period_rate: f64, months: u32) -> f64 {
    if period_rate >= 1.0 || months == 0 {
        return period_rate;
    }
    1.0 - (1.0 - period_rate).powf(12.0 / f64::from(months))
}
