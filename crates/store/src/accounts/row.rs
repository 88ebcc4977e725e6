//! One account as stored (the columns of WORKLOADS.md section 0, ARR in cents), and the allowed
//! values of its enumerated columns. `crate::imports` checks files into these rows.

use csplan_domain::Cents;

pub(crate) use csplan_domain::segmentation::{
    ICP_FITS, LIFECYCLE_STAGES as STAGES, PLANS, REGIONS,
};

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
