//! The whole customer book as the domain's accounts, for rule sets that test any column,
//! custom fields (an import's extra columns) included.

use crate::{Store, StoreError};
use csplan_domain::Cents;
use csplan_domain::segmentation::{Account, IsoDate};
use sqlx::FromRow;
use std::collections::BTreeMap;

#[derive(FromRow)]
struct StoredAccount {
    account_id: String,
    account_name: String,
    arr_cents: i64,
    employees: Option<i64>,
    industry: Option<String>,
    region: String,
    plan: String,
    contract_start: String,
    renewal_date: String,
    lifecycle_stage: String,
    health_score: i64,
    nps: Option<i64>,
    active_users: i64,
    licenses: i64,
    csm_owner: Option<String>,
    icp_fit: String,
    custom_fields: Option<String>,
}

impl StoredAccount {
    /// The table's CHECK constraints keep dates real, so a failure here means the file was
    /// edited by another program; the message names the account and column to fix.
    fn into_account(self, store: &Store) -> Result<Account, StoreError> {
        let date = |column: &str, text: &str| {
            IsoDate::parse(text).map_err(|e| StoreError::Database {
                path: store.path().to_path_buf(),
                message: format!("account {}, {column}: {e}", self.account_id),
            })
        };
        let custom: BTreeMap<String, String> = match &self.custom_fields {
            Some(json) => serde_json::from_str(json).map_err(|e| StoreError::Database {
                path: store.path().to_path_buf(),
                message: format!("account {}, custom fields: {e}", self.account_id),
            })?,
            None => BTreeMap::new(),
        };
        let contract_start = date("contract_start", &self.contract_start)?;
        let renewal_date = date("renewal_date", &self.renewal_date)?;
        Ok(Account {
            account_id: self.account_id,
            account_name: self.account_name,
            arr: Cents(self.arr_cents),
            employees: self.employees,
            industry: self.industry,
            region: self.region,
            plan: self.plan,
            contract_start,
            renewal_date,
            lifecycle_stage: self.lifecycle_stage,
            health_score: self.health_score,
            nps: self.nps,
            active_users: self.active_users,
            licenses: self.licenses,
            csm_owner: self.csm_owner,
            icp_fit: self.icp_fit,
            custom,
        })
    }
}

impl Store {
    /// Every account, ordered by account id so results and exports are stable.
    pub async fn accounts(&self) -> Result<Vec<Account>, StoreError> {
        let rows: Vec<StoredAccount> = sqlx::query_as(
            "SELECT account_id, account_name, arr_cents, employees, industry, region, plan,
                    contract_start, renewal_date, lifecycle_stage, health_score, nps,
                    active_users, licenses, csm_owner, icp_fit, custom_fields
             FROM accounts ORDER BY account_id",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(|e| self.db_error(e))?;
        rows.into_iter().map(|row| row.into_account(self)).collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::{NewWorkspace, Store};
    use csplan_domain::Cents;

    /// Every column survives import and read back, NULLs included (WORKLOADS.md §0 columns).
    #[tokio::test]
    async fn reads_back_every_column() {
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("book.csv");
        std::fs::write(
            &csv,
            "account_id,account_name,arr,employees,industry,region,plan,contract_start,renewal_date,lifecycle_stage,health_score,nps,active_users,licenses,csm_owner,icp_fit\n\
             ACC-0000002,\"Comet, Travel\",25000.00,325,Software,NA,Professional,2023-07-02,2026-07-02,adoption,89,8,39,40,Goran Larsen,ideal\n\
             ACC-0000001,東京 Ltd,0.10,,,EMEA,Starter,2024-02-29,2026-02-28,onboarding,0,,0,0,,bad\n",
        )
        .unwrap();
        let store = Store::create(&dir.path().join("w.db"), NewWorkspace::Empty)
            .await
            .unwrap();
        store.import_accounts_csv(&csv).await.unwrap();
        let accounts = store.accounts().await.unwrap();
        store.close().await;
        assert_eq!(accounts.len(), 2);
        let (first, second) = (&accounts[0], &accounts[1]);
        assert_eq!(first.account_id, "ACC-0000001");
        assert_eq!(first.account_name, "東京 Ltd");
        assert_eq!(first.arr, Cents(10));
        assert_eq!((first.employees, first.nps), (None, None));
        assert_eq!((&first.industry, &first.csm_owner), (&None, &None));
        assert_eq!(first.contract_start.to_string(), "2024-02-29");
        assert_eq!(second.account_name, "Comet, Travel");
        assert_eq!(second.arr, Cents(2_500_000));
        assert_eq!(second.employees, Some(325));
        assert_eq!(second.nps, Some(8));
        assert_eq!(second.region, "NA");
        assert_eq!(second.renewal_date.to_string(), "2026-07-02");
        assert_eq!((second.active_users, second.licenses), (39, 40));
        assert_eq!(second.csm_owner.as_deref(), Some("Goran Larsen"));
        assert!(second.custom.is_empty());
    }
}
