//! ScenarioInputs <-> rows of capacity_scenarios, capacity_catalogs and capacity_activities.
//! Money goes in as integer cents and every f64 as a SQLite REAL (an IEEE double), so a value
//! comes back bit-for-bit as it was saved.

use super::Scenario;
use crate::StoreError;
use csplan_domain::Cents;
use csplan_domain::capacity::{
    Activity, CapacityParams, Rounding, ScenarioInputs, SegmentCatalog, TouchBands, WorkingTime,
};
use csplan_domain::segmentation::TierBounds;
use sqlx::FromRow;
use sqlx::sqlite::SqliteConnection;
use std::collections::HashSet;

const LAST_SCENARIO_KEY: &str = "last_scenario_id";

#[derive(FromRow)]
struct ScenarioRow {
    id: i64,
    name: String,
    enterprise_from_cents: i64,
    mid_market_from_cents: i64,
    arr_per_csm_cents: i64,
    csm_activities_per_month: f64,
    days_per_month: f64,
    hours_per_day: f64,
    high_touch_below: f64,
    automated_from: f64,
    rounding: String,
    rule_set_id: Option<i64>,
    updated_at: String,
}

#[derive(FromRow)]
struct ActivityRow {
    segment: String,
    name: String,
    per_customer_per_month: f64,
    minutes: f64,
}

fn rounding_key(rounding: Rounding) -> &'static str {
    match rounding {
        Rounding::Ceiling => "ceiling",
        Rounding::Nearest => "nearest",
        Rounding::Floor => "floor",
    }
}

/// The column's CHECK constraint allows only the three keys above.
fn rounding_from_key(key: &str) -> Rounding {
    match key {
        "nearest" => Rounding::Nearest,
        "floor" => Rounding::Floor,
        _ => Rounding::Ceiling,
    }
}

/// What the tables cannot hold faithfully: SQLite stores NaN as NULL and JSON has no infinity,
/// and catalogues are keyed by segment name. Ranges (e.g. ARR per CSM > 0) are the planner's to
/// judge: a half-edited scenario can still be saved.
pub(crate) fn check_inputs(inputs: &ScenarioInputs) -> Result<(), StoreError> {
    let params = &inputs.params;
    let mut numbers = vec![
        (
            "activities per CSM per month",
            params.csm_activities_per_month,
        ),
        ("working days per month", params.working_time.days_per_month),
        ("hours per day", params.working_time.hours_per_day),
        ("the high-touch band", params.touch_bands.high_touch_below),
        ("the automated band", params.touch_bands.automated_from),
    ];
    let mut segments = HashSet::new();
    for catalog in &params.catalogs {
        if !segments.insert(catalog.segment.as_str()) {
            return Err(StoreError::InvalidInputs {
                reason: format!(
                    "Segment {} has two activity catalogues. Merge them into one.",
                    catalog.segment
                ),
            });
        }
        for activity in &catalog.activities {
            numbers.push((
                "an activity's times per month",
                activity.per_customer_per_month,
            ));
            numbers.push(("an activity's minutes", activity.minutes));
        }
    }
    match numbers.into_iter().find(|(_, value)| !value.is_finite()) {
        Some((field, value)) => Err(StoreError::InvalidInputs {
            reason: format!("{field} must be a number (it is {value}). Enter a number."),
        }),
        None => Ok(()),
    }
}

pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    name: &str,
    inputs: &ScenarioInputs,
) -> Result<i64, sqlx::Error> {
    let params = &inputs.params;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO capacity_scenarios (
             name, enterprise_from_cents, mid_market_from_cents, arr_per_csm_cents,
             csm_activities_per_month, days_per_month, hours_per_day,
             high_touch_below, automated_from, rounding, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,
                 strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
         RETURNING id",
    )
    .bind(name)
    .bind(inputs.tiers.enterprise_from.0)
    .bind(inputs.tiers.mid_market_from.0)
    .bind(params.arr_per_csm.0)
    .bind(params.csm_activities_per_month)
    .bind(params.working_time.days_per_month)
    .bind(params.working_time.hours_per_day)
    .bind(params.touch_bands.high_touch_below)
    .bind(params.touch_bands.automated_from)
    .bind(rounding_key(params.rounding))
    .fetch_one(&mut *conn)
    .await?;
    insert_catalogs(conn, id, &params.catalogs).await?;
    Ok(id)
}

/// Rewrites a scenario's inputs; false if there is no such scenario.
pub(crate) async fn update_inputs(
    conn: &mut SqliteConnection,
    id: i64,
    inputs: &ScenarioInputs,
) -> Result<bool, sqlx::Error> {
    let params = &inputs.params;
    let updated = sqlx::query(
        "UPDATE capacity_scenarios SET
             enterprise_from_cents = ?2, mid_market_from_cents = ?3, arr_per_csm_cents = ?4,
             csm_activities_per_month = ?5, days_per_month = ?6, hours_per_day = ?7,
             high_touch_below = ?8, automated_from = ?9, rounding = ?10,
             updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
         WHERE id = ?1",
    )
    .bind(id)
    .bind(inputs.tiers.enterprise_from.0)
    .bind(inputs.tiers.mid_market_from.0)
    .bind(params.arr_per_csm.0)
    .bind(params.csm_activities_per_month)
    .bind(params.working_time.days_per_month)
    .bind(params.working_time.hours_per_day)
    .bind(params.touch_bands.high_touch_below)
    .bind(params.touch_bands.automated_from)
    .bind(rounding_key(params.rounding))
    .execute(&mut *conn)
    .await?;
    if updated.rows_affected() == 0 {
        return Ok(false);
    }
    // Activities go with their catalogue (ON DELETE CASCADE).
    sqlx::query("DELETE FROM capacity_catalogs WHERE scenario_id = ?1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    insert_catalogs(conn, id, &params.catalogs).await?;
    Ok(true)
}

async fn insert_catalogs(
    conn: &mut SqliteConnection,
    id: i64,
    catalogs: &[SegmentCatalog],
) -> Result<(), sqlx::Error> {
    for (position, catalog) in catalogs.iter().enumerate() {
        sqlx::query(
            "INSERT INTO capacity_catalogs (scenario_id, segment, position) VALUES (?1, ?2, ?3)",
        )
        .bind(id)
        .bind(&catalog.segment)
        .bind(position as i64)
        .execute(&mut *conn)
        .await?;
        for (position, activity) in catalog.activities.iter().enumerate() {
            sqlx::query(
                "INSERT INTO capacity_activities
                     (scenario_id, segment, position, name, per_customer_per_month, minutes)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .bind(id)
            .bind(&catalog.segment)
            .bind(position as i64)
            .bind(&activity.name)
            .bind(activity.per_customer_per_month)
            .bind(activity.minutes)
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}

pub(crate) async fn load(
    conn: &mut SqliteConnection,
    id: i64,
) -> Result<Option<Scenario>, sqlx::Error> {
    let row: Option<ScenarioRow> = sqlx::query_as(
        "SELECT id, name, enterprise_from_cents, mid_market_from_cents, arr_per_csm_cents,
                csm_activities_per_month, days_per_month, hours_per_day,
                high_touch_below, automated_from, rounding, rule_set_id, updated_at
         FROM capacity_scenarios WHERE id = ?1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let segments: Vec<String> = sqlx::query_scalar(
        "SELECT segment FROM capacity_catalogs WHERE scenario_id = ?1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let activities: Vec<ActivityRow> = sqlx::query_as(
        "SELECT segment, name, per_customer_per_month, minutes
         FROM capacity_activities WHERE scenario_id = ?1 ORDER BY segment, position",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let catalogs = segments
        .into_iter()
        .map(|segment| SegmentCatalog {
            activities: activities
                .iter()
                .filter(|a| a.segment == segment)
                .map(|a| Activity {
                    name: a.name.clone(),
                    per_customer_per_month: a.per_customer_per_month,
                    minutes: a.minutes,
                })
                .collect(),
            segment,
        })
        .collect();
    Ok(Some(Scenario {
        id: row.id,
        name: row.name,
        inputs: ScenarioInputs {
            tiers: TierBounds {
                enterprise_from: Cents(row.enterprise_from_cents),
                mid_market_from: Cents(row.mid_market_from_cents),
            },
            params: CapacityParams {
                arr_per_csm: Cents(row.arr_per_csm_cents),
                csm_activities_per_month: row.csm_activities_per_month,
                working_time: WorkingTime {
                    days_per_month: row.days_per_month,
                    hours_per_day: row.hours_per_day,
                },
                touch_bands: TouchBands {
                    high_touch_below: row.high_touch_below,
                    automated_from: row.automated_from,
                },
                rounding: rounding_from_key(&row.rounding),
                catalogs,
            },
        },
        rule_set_id: row.rule_set_id,
        updated_at: row.updated_at,
    }))
}

pub(crate) async fn exists(conn: &mut SqliteConnection, id: i64) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM capacity_scenarios WHERE id = ?1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(found.is_some())
}

pub(crate) async fn store_last(conn: &mut SqliteConnection, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(LAST_SCENARIO_KEY)
    .bind(id.to_string())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The stored id only counts while that scenario exists.
pub(crate) async fn load_last(conn: &mut SqliteConnection) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT s.id FROM settings AS k
         JOIN capacity_scenarios AS s ON s.id = CAST(k.value AS INTEGER)
         WHERE k.key = ?1",
    )
    .bind(LAST_SCENARIO_KEY)
    .fetch_optional(&mut *conn)
    .await
}

pub(crate) async fn forget_last_if(
    conn: &mut SqliteConnection,
    id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM settings WHERE key = ?1 AND value = ?2")
        .bind(LAST_SCENARIO_KEY)
        .bind(id.to_string())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Points the scenario at a saved rule set (or back to ARR tiers with None); false if there is
/// no such scenario. The foreign key refuses a rule set id that does not exist.
pub(crate) async fn set_rule_set(
    conn: &mut SqliteConnection,
    id: i64,
    rule_set_id: Option<i64>,
) -> Result<bool, sqlx::Error> {
    let updated = sqlx::query(
        "UPDATE capacity_scenarios
         SET rule_set_id = ?2, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
         WHERE id = ?1",
    )
    .bind(id)
    .bind(rule_set_id)
    .execute(&mut *conn)
    .await?;
    Ok(updated.rows_affected() > 0)
}
