//! One customer account with the columns of WORKLOADS.md §0, as rule sets read it.

use super::date::IsoDate;
use crate::money::Cents;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// The allowed values of the enumerated columns (WORKLOADS.md §0).
pub const REGIONS: [&str; 4] = ["NA", "EMEA", "APAC", "LATAM"];
pub const PLANS: [&str; 4] = ["Starter", "Growth", "Professional", "Enterprise"];
pub const LIFECYCLE_STAGES: [&str; 5] =
    ["onboarding", "adoption", "renewal", "expansion", "advocacy"];
pub const ICP_FITS: [&str; 3] = ["ideal", "stretch", "bad"];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Account {
    pub account_id: String,
    pub account_name: String,
    pub arr: Cents,
    #[ts(type = "number | null")]
    pub employees: Option<i64>,
    pub industry: Option<String>,
    pub region: String,
    pub plan: String,
    pub contract_start: IsoDate,
    pub renewal_date: IsoDate,
    pub lifecycle_stage: String,
    #[ts(type = "number")]
    pub health_score: i64,
    /// 0-10; None when the customer has not answered a survey.
    #[ts(type = "number | null")]
    pub nps: Option<i64>,
    #[ts(type = "number")]
    pub active_users: i64,
    #[ts(type = "number")]
    pub licenses: i64,
    pub csm_owner: Option<String>,
    pub icp_fit: String,
    /// Extra columns of the customer's own data, by column name.
    #[serde(default)]
    pub custom: BTreeMap<String, String>,
}

impl Account {
    /// Active users per licence; None without licences, where the ratio means nothing.
    pub fn usage_ratio(&self) -> Option<f64> {
        (self.licenses > 0).then(|| self.active_users as f64 / self.licenses as f64)
    }
}
