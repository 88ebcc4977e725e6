//! The customer book as a spreadsheet: CSV (the WORKLOADS.md §0 columns, so `csplan import
//! accounts` reads it back unchanged) or XLSX. The import's custom fields follow as extra
//! columns, in name order. Account names and custom fields come from someone else's export, so
//! every text cell is neutralised ("=HYPERLINK(...)" stays text, DESIGN.md "Decisions").

use crate::spreadsheet::neutralise;
use csplan_domain::segmentation::Account;
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use std::collections::BTreeSet;

const COLUMNS: [&str; 16] = [
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

/// One cell before it is written: text (neutralised on output) or a number.
enum Cell {
    Text(String),
    Whole(i64),
    /// Exact cents: written as `1250.50` in CSV and as a 2-decimal number in XLSX.
    Money(csplan_domain::Cents),
    Empty,
}

fn custom_columns(accounts: &[Account]) -> Vec<String> {
    let names: BTreeSet<&String> = accounts.iter().flat_map(|a| a.custom.keys()).collect();
    names.into_iter().cloned().collect()
}

fn cells(account: &Account, custom: &[String]) -> Vec<Cell> {
    let text = |s: &str| Cell::Text(s.to_string());
    let optional_text = |s: &Option<String>| s.as_deref().map_or(Cell::Empty, text);
    let optional_whole = |n: Option<i64>| n.map_or(Cell::Empty, Cell::Whole);
    let mut row = vec![
        text(&account.account_id),
        text(&account.account_name),
        Cell::Money(account.arr),
        optional_whole(account.employees),
        optional_text(&account.industry),
        text(&account.region),
        text(&account.plan),
        Cell::Text(account.contract_start.to_string()),
        Cell::Text(account.renewal_date.to_string()),
        text(&account.lifecycle_stage),
        Cell::Whole(account.health_score),
        optional_whole(account.nps),
        Cell::Whole(account.active_users),
        Cell::Whole(account.licenses),
        optional_text(&account.csm_owner),
        text(&account.icp_fit),
    ];
    row.extend(
        custom
            .iter()
            .map(|name| account.custom.get(name).map_or(Cell::Empty, |v| text(v))),
    );
    row
}

/// RFC 4180 CSV with a header row and LF line ends, like the W1 files.
pub fn accounts_csv(accounts: &[Account]) -> String {
    let custom = custom_columns(accounts);
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header: Vec<String> = COLUMNS
        .iter()
        .map(|c| (*c).to_string())
        .chain(custom.iter().map(|c| neutralise(c)))
        .collect();
    // Writing into memory cannot fail: the only errors are the sink's, and a Vec has none.
    let _ = writer.write_record(&header);
    for account in accounts {
        let row: Vec<String> = cells(account, &custom)
            .into_iter()
            .map(|cell| match cell {
                Cell::Text(s) => neutralise(&s),
                Cell::Whole(n) => n.to_string(),
                Cell::Money(cents) => cents.to_plain_string(),
                Cell::Empty => String::new(),
            })
            .collect();
        let _ = writer.write_record(&row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// One sheet "Accounts" with a bold header row; ARR as a number with two decimals.
pub fn accounts_xlsx(accounts: &[Account]) -> Result<Vec<u8>, XlsxError> {
    let custom = custom_columns(accounts);
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Accounts")?;
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("#,##0.00");
    let header = COLUMNS
        .iter()
        .map(|c| (*c).to_string())
        .chain(custom.iter().cloned());
    for (column, name) in header.enumerate() {
        let column = u16::try_from(column).unwrap_or(u16::MAX);
        sheet.write_string_with_format(0, column, neutralise(&name), &bold)?;
    }
    for (index, account) in accounts.iter().enumerate() {
        let row = u32::try_from(index + 1).unwrap_or(u32::MAX);
        for (column, cell) in cells(account, &custom).into_iter().enumerate() {
            let column = u16::try_from(column).unwrap_or(u16::MAX);
            match cell {
                Cell::Text(s) => {
                    sheet.write_string(row, column, neutralise(&s))?;
                }
                Cell::Whole(n) => {
                    sheet.write_number(row, column, n as f64)?;
                }
                Cell::Money(cents) => {
                    sheet.write_number_with_format(row, column, cents.dollars(), &money)?;
                }
                Cell::Empty => {}
            }
        }
    }
    sheet.autofit();
    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;
    use csplan_domain::Cents;
    use csplan_domain::segmentation::IsoDate;
    use std::collections::BTreeMap;

    fn account(id: &str, name: &str, custom: &[(&str, &str)]) -> Account {
        Account {
            account_id: id.to_string(),
            account_name: name.to_string(),
            arr: Cents(120_050),
            employees: None,
            industry: Some("Software".to_string()),
            region: "NA".to_string(),
            plan: "Growth".to_string(),
            contract_start: IsoDate::parse("2024-02-29").unwrap(),
            renewal_date: IsoDate::parse("2026-02-28").unwrap(),
            lifecycle_stage: "adoption".to_string(),
            health_score: 72,
            nps: Some(9),
            active_users: 10,
            licenses: 12,
            csm_owner: None,
            icp_fit: "ideal".to_string(),
            custom: custom
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<BTreeMap<_, _>>(),
        }
    }

    #[test]
    fn csv_has_the_w1_columns_then_custom_ones_and_neutralises_text() {
        let csv = accounts_csv(&[
            account(
                "ACC-0000001",
                "=HYPERLINK(\"http://x\",\"Acme\")",
                &[("Tier", "Gold")],
            ),
            account("ACC-0000002", "Comet, Inc.", &[("Source", "-web")]),
        ]);
        assert_eq!(
            csv,
            "account_id,account_name,arr,employees,industry,region,plan,contract_start,renewal_date,lifecycle_stage,health_score,nps,active_users,licenses,csm_owner,icp_fit,Source,Tier\n\
             ACC-0000001,\"'=HYPERLINK(\"\"http://x\"\",\"\"Acme\"\")\",1200.50,,Software,NA,Growth,2024-02-29,2026-02-28,adoption,72,9,10,12,,ideal,,Gold\n\
             ACC-0000002,\"Comet, Inc.\",1200.50,,Software,NA,Growth,2024-02-29,2026-02-28,adoption,72,9,10,12,,ideal,'-web,\n"
        );
    }
}
