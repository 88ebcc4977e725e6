//! The early-warning list as CSV (DOMAIN.md §6.7: "an Early Warning System can be created
//! manually in a spreadsheet"), so it opens in the spreadsheet CS teams already work from. Every
//! cell that came from the CRM is neutralised for spreadsheets.

use crate::spreadsheet::neutralise;
use csplan_domain::metrics::{HealthBand, WarningAccount};

const HEADER: [&str; 13] = [
    "account_id",
    "account_name",
    "arr",
    "csm_owner",
    "renewal_date",
    "renewal_due_within_90_days",
    "health_band",
    "health_score",
    "health_score_before",
    "health_fell",
    "active_users",
    "active_users_before",
    "usage_fell",
];

pub fn band_name(band: HealthBand) -> &'static str {
    match band {
        HealthBand::Green => "green",
        HealthBand::Yellow => "yellow",
        HealthBand::Red => "red",
    }
}

fn optional(value: Option<i64>) -> String {
    value.map_or_else(String::new, |v| v.to_string())
}

/// RFC 4180 CSV with a header row; ARR exact to the cent in dollars.
pub fn early_warning_csv(accounts: &[WarningAccount]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing into memory cannot fail: the only errors are the sink's, and a Vec has none.
    let _ = writer.write_record(HEADER);
    for a in accounts {
        let _ = writer.write_record([
            neutralise(&a.account_id),
            neutralise(&a.account_name),
            a.arr.to_plain_string(),
            neutralise(a.csm_owner.as_deref().unwrap_or_default()),
            a.renewal_date.clone(),
            a.renewal_due.to_string(),
            band_name(a.band).to_string(),
            a.health_score.to_string(),
            optional(a.health_before),
            a.health_fell.to_string(),
            a.active_users.to_string(),
            optional(a.active_users_before),
            a.usage_fell.to_string(),
        ]);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use csplan_domain::Cents;

    #[test]
    fn a_row_per_account_with_crm_text_neutralised() {
        let account = WarningAccount {
            account_id: "ACC-0000006".into(),
            account_name: "=Delta, Health".into(),
            arr: Cents(500_000),
            csm_owner: None,
            renewal_date: "2026-05-01".into(),
            health_score: 35,
            health_before: Some(60),
            active_users: 20,
            active_users_before: None,
            band: HealthBand::Red,
            renewal_due: true,
            health_fell: true,
            usage_fell: false,
        };
        let csv = early_warning_csv(&[account]);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], HEADER.join(","));
        assert_eq!(
            lines[1],
            "ACC-0000006,\"'=Delta, Health\",5000.00,,2026-05-01,true,red,35,60,true,20,,false"
        );
        assert_eq!(lines[2], "");
    }
}
