//! One line of the early-warning list (DOMAIN.md §6.7; risk indicators of §6.8: an upcoming
//! renewal, falling health, falling usage). The store finds the accounts, the report writes
//! them as CSV, the app and the CLI show them.

use super::health::HealthBand;
use crate::money::Cents;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One account that needs attention, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WarningAccount {
    pub account_id: String,
    pub account_name: String,
    pub arr: Cents,
    pub csm_owner: Option<String>,
    pub renewal_date: String,
    pub health_score: i64,
    /// At the start of the period; None for a customer that joined during it.
    pub health_before: Option<i64>,
    pub active_users: i64,
    pub active_users_before: Option<i64>,
    pub band: HealthBand,
    /// Renews between the end snapshot's date and 90 days later, both included.
    pub renewal_due: bool,
    pub health_fell: bool,
    pub usage_fell: bool,
}
