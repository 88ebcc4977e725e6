//! The demo workspace's history: five quarterly snapshots ending with the demo book itself, so
//! the Metrics page has periods and trends on first launch. Earlier quarters are derived
//! backwards from the book with a fixed seed: some of today's customers were not customers yet
//! (new), some paid less (expansion) or more (contraction), health and usage drift, and some
//! customers of earlier quarters are gone (churn).

use super::setup::{MetricsSetup, save};
use super::snapshots::{SnapshotRow, finish_header, insert_header, insert_rows};
use csplan_domain::Cents;
use csplan_domain::metrics::CostInputs;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sqlx::FromRow;
use sqlx::sqlite::SqliteConnection;

const SEED: u64 = 20_260_107;
/// Oldest first; the last one is the demo book as generated.
const QUARTERS: [(&str, &str); 5] = [
    ("2025-01-01", "End of 2024-Q4"),
    ("2025-04-01", "End of 2025-Q1"),
    ("2025-07-01", "End of 2025-Q2"),
    ("2025-10-01", "End of 2025-Q3"),
    ("2026-01-01", "End of 2025-Q4"),
];
/// Per quarter: share of customers that joined in it, expanded, contracted; and the share of
/// the quarter's starting customers that churned during it.
const NEW_SHARE: f64 = 0.035;
const EXPANDED_SHARE: f64 = 0.12;
const CONTRACTED_SHARE: f64 = 0.05;
const CHURNED_SHARE: f64 = 0.022;

#[derive(FromRow)]
struct BookRow {
    account_id: String,
    account_name: String,
    arr_cents: i64,
    health_score: i64,
    nps: Option<i64>,
    active_users: i64,
    licenses: i64,
    renewal_date: String,
    csm_owner: Option<String>,
}

pub(crate) async fn populate(conn: &mut SqliteConnection) -> Result<(), sqlx::Error> {
    let book: Vec<BookRow> = sqlx::query_as(
        "SELECT account_id, account_name, arr_cents, health_score, nps, active_users, licenses,
                renewal_date, csm_owner
         FROM accounts ORDER BY account_id",
    )
    .fetch_all(&mut *conn)
    .await?;
    let latest: Vec<SnapshotRow> = book
        .into_iter()
        .map(|b| SnapshotRow {
            account_id: b.account_id,
            account_name: b.account_name,
            arr: Cents(b.arr_cents),
            health_score: b.health_score,
            nps: b.nps,
            active_users: b.active_users,
            licenses: b.licenses,
            renewal_date: b.renewal_date,
            csm_owner: b.csm_owner,
        })
        .collect();
    let mut rng = ChaCha8Rng::seed_from_u64(SEED);
    let mut books = vec![latest];
    let mut churned_ids = 0u32;
    for _ in 1..QUARTERS.len() {
        let Some(later) = books.last() else { break };
        let earlier = quarter_before(&mut rng, later, &mut churned_ids);
        books.push(earlier);
    }
    books.reverse();
    for ((as_of, label), rows) in QUARTERS.iter().zip(books) {
        let id = insert_header(conn, as_of, label, "demo").await?;
        insert_rows(conn, id, rows).await?;
        finish_header(conn, id).await?;
    }
    // Illustrative costs, so the value and efficiency metrics show on first launch: a quarter of
    // a 12-CSM team at $150,000 a year, a support team of $200,000 a quarter, $9,000 to acquire
    // a customer, 78% gross margin. The Metrics page says they are the user's to replace.
    let setup = MetricsSetup {
        costs: CostInputs {
            cs_team_cost: Some(Cents::from_dollars(450_000)),
            support_team_cost: Some(Cents::from_dollars(200_000)),
            cac: Some(Cents::from_dollars(9_000)),
            gross_margin: Some(0.78),
        },
        ..MetricsSetup::default()
    };
    let json = serde_json::to_string(&setup).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    save(conn, &json).await
}

/// The book one quarter earlier than `later`.
fn quarter_before(
    rng: &mut ChaCha8Rng,
    later: &[SnapshotRow],
    churned_ids: &mut u32,
) -> Vec<SnapshotRow> {
    let mut earlier = Vec::with_capacity(later.len());
    for row in later {
        if rng.random::<f64>() < NEW_SHARE {
            continue;
        }
        let mut row = row.clone();
        let change = rng.random::<f64>();
        let arr = row.arr.0 as f64;
        let before = if change < EXPANDED_SHARE {
            arr / rng.random_range(1.05..1.40)
        } else if change < EXPANDED_SHARE + CONTRACTED_SHARE {
            arr * rng.random_range(1.05..1.30)
        } else {
            arr
        };
        row.arr = Cents((before.round() as i64).max(60_000));
        // Red accounts today mostly slid there: they were healthier a quarter ago.
        let drift = if row.health_score < 40 {
            rng.random_range(5..25)
        } else {
            rng.random_range(-6..7)
        };
        row.health_score = (row.health_score + drift).clamp(0, 100);
        let users = row.active_users as f64 * rng.random_range(0.90..1.15);
        row.active_users = (users.round() as i64).clamp(0, row.licenses);
        earlier.push(row);
    }
    let churned = (earlier.len() as f64 * CHURNED_SHARE).round() as usize;
    for _ in 0..churned {
        let Some(model) = later.get(rng.random_range(0..later.len())) else {
            break;
        };
        *churned_ids += 1;
        let mut row = model.clone();
        row.account_id = format!("ACC-09{:05}", *churned_ids);
        row.account_name = format!("{} Group", model.account_name);
        row.health_score = rng.random_range(10..50);
        row.active_users /= 2;
        earlier.push(row);
    }
    earlier
}
