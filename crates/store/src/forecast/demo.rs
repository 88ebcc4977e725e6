//! The demo workspace's plan over time, "Base plan": the demo book's three tiers from
//! 2027-01-01 for eight quarters, growing as a B2B software company might (illustrative figures,
//! not the sources': DOMAIN.md §1.4 gives no forecasting method), with 12% CSM attrition a year
//! and support costed, so every chart and the Magic Number have something to show.

use super::{book, inputs_from_book, rows};
use csplan_domain::Cents;
use csplan_domain::capacity::ScenarioInputs;
use csplan_domain::forecast::{ArrMovement, Drivers, LogoMovement, Uncertainty};
use csplan_domain::segmentation::IsoDate;
use sqlx::sqlite::SqliteConnection;

pub(crate) const BASE_PLAN: &str = "Base plan";

/// Per quarter: new logos, their average ARR in dollars, churn, contraction and expansion rates.
fn drivers(segment: &str) -> Drivers {
    let (new_logos, new_arr, churn, contraction, expansion) = match segment {
        "Enterprise" => (
            LogoMovement::Count { logos: 2.0 },
            160_000,
            0.015,
            0.005,
            0.04,
        ),
        "Mid-Market" => (
            LogoMovement::Count { logos: 12.0 },
            45_000,
            0.03,
            0.01,
            0.025,
        ),
        _ => (LogoMovement::Rate { rate: 0.06 }, 8_000, 0.05, 0.01, 0.01),
    };
    Drivers {
        new_logos,
        new_logo_arr: Cents::from_dollars(new_arr),
        churn: ArrMovement::Rate { rate: churn },
        contraction: ArrMovement::Rate { rate: contraction },
        expansion: ArrMovement::Rate { rate: expansion },
    }
}

pub(crate) async fn populate(conn: &mut SqliteConnection) -> Result<(), sqlx::Error> {
    let capacity = ScenarioInputs::default();
    let segments = book::segments(conn, &capacity.tiers).await?;
    let start = IsoDate::new(2027, 1, 1).map_err(|e| sqlx::Error::Protocol(e.to_string()))?;
    let mut inputs = inputs_from_book(start, &segments, &capacity.params.catalogs);
    for segment in &mut inputs.segments {
        segment.base = drivers(&segment.segment);
    }
    inputs.supply.attrition_per_year = 0.12;
    inputs.cost.support_cost_per_year = Cents::from_dollars(400_000);
    let encoded = rows::encode(&inputs, &Uncertainty::default())
        .map_err(|e| sqlx::Error::Protocol(e.to_string()))?;
    let id = rows::insert(conn, BASE_PLAN, &encoded).await?;
    sqlx::query("INSERT INTO settings (key, value) VALUES (?1, ?2)")
        .bind(super::LAST_KEY)
        .bind(id.to_string())
        .execute(&mut *conn)
        .await?;
    Ok(())
}
