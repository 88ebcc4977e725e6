//! What a capacity plan over time starts from (issue #4 parts 1-3). Every number the sources
//! leave open (DOMAIN.md §1.10, §8.1: ramp, lead time, attrition, fully loaded cost) is an input
//! with a visible default that says it is CS Plan's convention, not the sources'.

use crate::capacity::{Rounding, TouchBands};
use crate::money::Cents;
use crate::segmentation::{IsoDate, SegmentBook};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Quarters a plan may cover (issue #4: "N = 2 to 12, default 8").
pub const MIN_QUARTERS: u32 = 2;
pub const MAX_QUARTERS: u32 = 12;
pub const DEFAULT_QUARTERS: u32 = 8;

/// A movement in logos per quarter: a share of the quarter's opening logos, or a count.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum LogoMovement {
    /// Fraction of the quarter's opening logos (0.05 = 5% a quarter).
    Rate { rate: f64 },
    /// Logos a quarter (expected value, so fractions are allowed).
    Count { logos: f64 },
}

/// A movement in ARR per quarter: a share of the quarter's opening ARR, or an amount.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ArrMovement {
    /// Fraction of the quarter's opening ARR (0.02 = 2% a quarter).
    Rate { rate: f64 },
    /// ARR a quarter, in exact cents.
    Amount { amount: Cents },
}

/// One quarter's book movements for a segment (DOMAIN.md §1.4: the sources require a revenue and
/// logo forecast but give no method, so the movements are the user's).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct Drivers {
    /// New logos won in the quarter.
    pub new_logos: LogoMovement,
    /// Average ARR a new logo brings (exact cents).
    pub new_logo_arr: Cents,
    /// Gross churn: ARR of customers lost. Lost logos follow at the segment's opening ARR per
    /// logo (a rate of 5% loses 5% of the logos; an amount loses amount / average ARR logos).
    pub churn: ArrMovement,
    /// ARR lost by customers who stay (downgrades); logos do not change.
    pub contraction: ArrMovement,
    /// ARR gained from customers who stay (upsell, cross-sell); logos do not change.
    pub expansion: ArrMovement,
}

impl Default for Drivers {
    /// A flat book: nothing moves until the user says so.
    fn default() -> Self {
        Drivers {
            new_logos: LogoMovement::Count { logos: 0.0 },
            new_logo_arr: Cents::ZERO,
            churn: ArrMovement::Rate { rate: 0.0 },
            contraction: ArrMovement::Rate { rate: 0.0 },
            expansion: ArrMovement::Rate { rate: 0.0 },
        }
    }
}

/// Replaces some of a segment's base drivers in one quarter; `None` keeps the base value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct QuarterOverride {
    /// 1-based quarter of the plan (1 = the quarter starting on the plan's start date).
    pub quarter: u32,
    #[serde(default)]
    pub new_logos: Option<LogoMovement>,
    #[serde(default)]
    pub new_logo_arr: Option<Cents>,
    #[serde(default)]
    pub churn: Option<ArrMovement>,
    #[serde(default)]
    pub contraction: Option<ArrMovement>,
    #[serde(default)]
    pub expansion: Option<ArrMovement>,
}

/// One segment's starting book, team and drivers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SegmentForecast {
    pub segment: String,
    /// Logos (customers) at the plan's start, from the book.
    pub opening_logos: f64,
    /// ARR at the plan's start, from the book (exact cents).
    pub opening_arr: Cents,
    /// CSM FTE serving the segment today (from the book's CSM owners, editable).
    pub current_csms: f64,
    /// Bottom-up load: activities each customer should get a month (DOMAIN.md §1.1 step 2; the
    /// capacity scenario's catalogue sum for the segment).
    pub activities_per_customer_per_month: f64,
    /// Drivers for every quarter unless an override says otherwise.
    pub base: Drivers,
    #[serde(default)]
    pub overrides: Vec<QuarterOverride>,
}

impl SegmentForecast {
    /// A segment starting from its book (accounts and ARR today), with a flat book (no
    /// movements) until drivers are set.
    pub fn from_book(
        book: &SegmentBook,
        current_csms: f64,
        activities_per_customer_per_month: f64,
    ) -> SegmentForecast {
        SegmentForecast {
            segment: book.segment.clone(),
            opening_logos: book.accounts as f64,
            opening_arr: book.total_arr,
            current_csms,
            activities_per_customer_per_month,
            base: Drivers::default(),
            overrides: Vec::new(),
        }
    }

    /// The drivers in force in `quarter` (1-based): the base with that quarter's overrides.
    pub fn drivers(&self, quarter: u32) -> Drivers {
        let mut drivers = self.base;
        for o in self.overrides.iter().filter(|o| o.quarter == quarter) {
            drivers.new_logos = o.new_logos.unwrap_or(drivers.new_logos);
            drivers.new_logo_arr = o.new_logo_arr.unwrap_or(drivers.new_logo_arr);
            drivers.churn = o.churn.unwrap_or(drivers.churn);
            drivers.contraction = o.contraction.unwrap_or(drivers.contraction);
            drivers.expansion = o.expansion.unwrap_or(drivers.expansion);
        }
        drivers
    }
}

/// Productivity of a new CSM by month since their start date (NOT IN SOURCES, DOMAIN.md §1.3
/// item 2 and §1.10: only the need for ramp-up time is stated).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RampProfile {
    /// Fractions 0-1 for month 1, 2, ... after the start date; every later month is 1.0 (fully
    /// productive). Default [0, 0.5, 0.5]: 0% in month 1, 50% in months 2-3, 100% from month 4.
    pub productivity_by_month: Vec<f64>,
}

impl Default for RampProfile {
    fn default() -> Self {
        RampProfile {
            productivity_by_month: vec![0.0, 0.5, 0.5],
        }
    }
}

impl RampProfile {
    /// Months from the start date until a hire is fully productive: the profile's length once
    /// trailing 100% months are dropped (the default ramps for 3 months).
    pub fn ramp_months(&self) -> u32 {
        let listed = &self.productivity_by_month;
        let ramping = listed.iter().rposition(|&p| p < 1.0).map_or(0, |i| i + 1);
        ramping as u32
    }

    /// Productivity in month `month` (1-based) since the start date.
    pub fn productivity(&self, month: u32) -> f64 {
        match month {
            0 => 0.0,
            m => self
                .productivity_by_month
                .get(m as usize - 1)
                .copied()
                .unwrap_or(1.0),
        }
    }
}

/// The team's supply side (issue #4 part 2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Supply {
    pub ramp: RampProfile,
    /// Share of CSMs who leave in a year (0.15 = 15% a year). Applied per quarter as
    /// 1 - (1 - annual)^(1/4), so four quarters compound to the annual rate. NOT IN SOURCES
    /// (§1.10); default 0.
    pub attrition_per_year: f64,
    /// Calendar days from opening a requisition to the hire's start date (default 90). NOT IN
    /// SOURCES (§1.3 item 3).
    pub lead_time_days: u32,
}

impl Default for Supply {
    fn default() -> Self {
        Supply {
            ramp: RampProfile::default(),
            attrition_per_year: 0.0,
            lead_time_days: 90,
        }
    }
}

/// Which model's FTE the team is sized to (issue #4 part 2).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum RequiredBasis {
    /// ARR / ARR per CSM (DOMAIN.md §1.1 step 1): what the revenue funds.
    #[default]
    TopDown,
    /// Logos x activities per customer / activities per CSM (§1.1 step 2): what the desired
    /// experience takes.
    BottomUp,
    /// The larger of the two in each segment and quarter.
    Max,
}

impl RequiredBasis {
    pub fn label(self) -> &'static str {
        match self {
            RequiredBasis::TopDown => "top-down",
            RequiredBasis::BottomUp => "bottom-up",
            RequiredBasis::Max => "the larger of top-down and bottom-up",
        }
    }
}

/// What the team costs (issue #4 part 3). NOT IN SOURCES (§1.10, §8.1): defaults are CS Plan's
/// illustrations, to be replaced by the company's figures.
/// Named ForecastCostInputs in TypeScript: the metrics have CostInputs too.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(rename = "ForecastCostInputs")]
pub struct CostInputs {
    /// Fully loaded cost of one CSM a year (salary, variable, benefits, tools); default $150,000.
    pub csm_cost_per_year: Cents,
    /// CSMs per manager (span of control); default 8.
    pub csms_per_manager: f64,
    /// Fully loaded cost of one CS manager a year; default $200,000.
    pub manager_cost_per_year: Cents,
    /// Customer Support team cost a year, for the CS Magic Number denominator (DOMAIN.md §5.2);
    /// default $0 (leave out until known).
    pub support_cost_per_year: Cents,
    /// Contract term in months: 12 means a quarter renews 3/12 = 25% of the opening ARR (the
    /// Magic Number's "ARR of customers renewed in period"); default 12.
    pub contract_term_months: u32,
}

impl Default for CostInputs {
    fn default() -> Self {
        CostInputs {
            csm_cost_per_year: Cents::from_dollars(150_000),
            csms_per_manager: 8.0,
            manager_cost_per_year: Cents::from_dollars(200_000),
            support_cost_per_year: Cents::ZERO,
            contract_term_months: 12,
        }
    }
}

/// Everything one plan over time needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ForecastInputs {
    /// First day of quarter 1 (e.g. 2027-01-01); quarters are 3 calendar months from it. It is
    /// also "today" for the hire calendar: a requisition due before it is late.
    pub start: IsoDate,
    /// Quarters to plan, 2 to 12 (default 8).
    pub quarters: u32,
    pub segments: Vec<SegmentForecast>,
    /// Top-down divisor (default $1.5M, DOMAIN.md §1.1 step 1, §8.1).
    pub arr_per_csm: Cents,
    /// Bottom-up capacity: activities one CSM does a month (default 600, §1.1 step 2).
    pub csm_activities_per_month: f64,
    pub touch_bands: TouchBands,
    /// How fractional FTE becomes people (hires, required headcount); default ceiling.
    pub rounding: Rounding,
    pub basis: RequiredBasis,
    pub supply: Supply,
    pub cost: CostInputs,
}

impl ForecastInputs {
    /// Defaults around the given segments, starting on `start`.
    pub fn new(start: IsoDate, segments: Vec<SegmentForecast>) -> ForecastInputs {
        ForecastInputs {
            start,
            quarters: DEFAULT_QUARTERS,
            segments,
            arr_per_csm: Cents::from_dollars(1_500_000),
            csm_activities_per_month: 600.0,
            touch_bands: TouchBands::default(),
            rounding: Rounding::Ceiling,
            basis: RequiredBasis::TopDown,
            supply: Supply::default(),
            cost: CostInputs::default(),
        }
    }
}
