//! The account fields an import fills (WORKLOADS.md §0) and the header names exports use for
//! them, so a file from a CRM or billing system maps itself without clicks in most cases.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AccountField {
    AccountId,
    AccountName,
    Arr,
    Employees,
    Industry,
    Region,
    Plan,
    ContractStart,
    RenewalDate,
    LifecycleStage,
    HealthScore,
    Nps,
    ActiveUsers,
    Licenses,
    CsmOwner,
    IcpFit,
}

impl AccountField {
    pub const ALL: [AccountField; 16] = [
        AccountField::AccountId,
        AccountField::AccountName,
        AccountField::Arr,
        AccountField::Employees,
        AccountField::Industry,
        AccountField::Region,
        AccountField::Plan,
        AccountField::ContractStart,
        AccountField::RenewalDate,
        AccountField::LifecycleStage,
        AccountField::HealthScore,
        AccountField::Nps,
        AccountField::ActiveUsers,
        AccountField::Licenses,
        AccountField::CsmOwner,
        AccountField::IcpFit,
    ];

    /// The column name of WORKLOADS.md §0 (and of `csplan export accounts`).
    pub fn key(self) -> &'static str {
        match self {
            AccountField::AccountId => "account_id",
            AccountField::AccountName => "account_name",
            AccountField::Arr => "arr",
            AccountField::Employees => "employees",
            AccountField::Industry => "industry",
            AccountField::Region => "region",
            AccountField::Plan => "plan",
            AccountField::ContractStart => "contract_start",
            AccountField::RenewalDate => "renewal_date",
            AccountField::LifecycleStage => "lifecycle_stage",
            AccountField::HealthScore => "health_score",
            AccountField::Nps => "nps",
            AccountField::ActiveUsers => "active_users",
            AccountField::Licenses => "licenses",
            AccountField::CsmOwner => "csm_owner",
            AccountField::IcpFit => "icp_fit",
        }
    }

    /// How a person calls it, for the mapping editor.
    pub fn label(self) -> &'static str {
        match self {
            AccountField::AccountId => "Account ID",
            AccountField::AccountName => "Account name",
            AccountField::Arr => "ARR",
            AccountField::Employees => "Employees",
            AccountField::Industry => "Industry",
            AccountField::Region => "Region",
            AccountField::Plan => "Plan",
            AccountField::ContractStart => "Contract start",
            AccountField::RenewalDate => "Renewal date",
            AccountField::LifecycleStage => "Lifecycle stage",
            AccountField::HealthScore => "Health score",
            AccountField::Nps => "NPS",
            AccountField::ActiveUsers => "Active users",
            AccountField::Licenses => "Licenses",
            AccountField::CsmOwner => "CSM",
            AccountField::IcpFit => "ICP fit",
        }
    }

    /// Fields every account must have (the accounts table's NOT NULL columns).
    pub fn required(self) -> bool {
        !matches!(
            self,
            AccountField::Employees
                | AccountField::Industry
                | AccountField::Nps
                | AccountField::CsmOwner
        )
    }

    pub fn from_key(key: &str) -> Option<AccountField> {
        AccountField::ALL.into_iter().find(|f| f.key() == key)
    }

    /// Header names (normalised, see [`normalise_header`]) that mean this field, best first.
    pub(crate) fn synonyms(self) -> &'static [&'static str] {
        match self {
            AccountField::AccountId => &[
                "accountid",
                "id",
                "customerid",
                "companyid",
                "clientid",
                "accountnumber",
                "accountno",
                "recordid",
            ],
            AccountField::AccountName => &[
                "accountname",
                "name",
                "customername",
                "companyname",
                "company",
                "customer",
                "account",
                "clientname",
                "organization",
                "organisation",
            ],
            AccountField::Arr => &[
                "arr",
                "annualrecurringrevenue",
                "arrusd",
                "currentarr",
                "annualrevenue",
                "acv",
            ],
            AccountField::Employees => &[
                "employees",
                "employeecount",
                "numberofemployees",
                "noofemployees",
                "headcount",
                "companysize",
            ],
            AccountField::Industry => &["industry", "sector", "vertical"],
            AccountField::Region => &["region", "geo", "geography", "territory", "salesregion"],
            AccountField::Plan => &[
                "plan",
                "subscriptionplan",
                "pricingplan",
                "tier",
                "edition",
                "package",
                "subscription",
            ],
            AccountField::ContractStart => &[
                "contractstart",
                "contractstartdate",
                "startdate",
                "customersince",
            ],
            AccountField::RenewalDate => &[
                "renewaldate",
                "renewal",
                "nextrenewal",
                "nextrenewaldate",
                "contractend",
                "contractenddate",
                "enddate",
            ],
            AccountField::LifecycleStage => &[
                "lifecyclestage",
                "lifecycle",
                "stage",
                "customerstage",
                "journeystage",
            ],
            AccountField::HealthScore => &["healthscore", "health", "customerhealth"],
            AccountField::Nps => &["nps", "npsscore", "netpromoterscore", "lastnps"],
            AccountField::ActiveUsers => &[
                "activeusers",
                "monthlyactiveusers",
                "mau",
                "users",
                "activeseats",
            ],
            AccountField::Licenses => &[
                "licenses",
                "licences",
                "licensecount",
                "seats",
                "purchasedseats",
                "seatcount",
            ],
            AccountField::CsmOwner => &[
                "csmowner",
                "csm",
                "csmname",
                "customersuccessmanager",
                "successmanager",
                "owner",
                "accountowner",
            ],
            AccountField::IcpFit => &["icpfit", "icp", "fit", "idealcustomerprofile"],
        }
    }
}

/// Header names exports use for monthly recurring revenue (ARR = MRR x 12).
pub(crate) const MRR_SYNONYMS: [&str; 3] = ["mrr", "monthlyrecurringrevenue", "mrrusd"];

/// "Account ID", "account_id", " ACCOUNT-ID " -> "accountid": case, spaces and punctuation
/// ignored, letters of any script kept.
pub fn normalise_header(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_synonyms_are_normalised() {
        for field in AccountField::ALL {
            assert_eq!(AccountField::from_key(field.key()), Some(field));
            for s in field.synonyms() {
                assert_eq!(normalise_header(s), *s);
            }
        }
        assert_eq!(normalise_header(" Account-ID "), "accountid");
        assert_eq!(
            normalise_header("Annual Recurring Revenue ($)"),
            "annualrecurringrevenue"
        );
    }
}
