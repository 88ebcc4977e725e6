//! A plan <-> one row of forecast_scenarios. The inputs and the uncertainty are stored as their
//! canonical JSON text (serde's field order, no whitespace); the seed and the trial count live
//! only in their columns, so the row cannot hold two different seeds.

use super::ForecastScenario;
use crate::StoreError;
use csplan_domain::forecast::{ForecastInputs, Uncertainty};
use serde_json::Value;
use sqlx::FromRow;
use sqlx::sqlite::SqliteConnection;

/// The largest seed a JavaScript number holds exactly (2^53 - 1): the page edits the seed.
pub const MAX_SEED: u64 = 9_007_199_254_740_991;
/// As `comp stress`: every trial keeps its results in memory until the percentiles are taken.
pub const MAX_TRIALS: u32 = 1_000_000;

#[derive(FromRow)]
pub(super) struct PlanRow {
    id: i64,
    name: String,
    inputs: String,
    uncertainty: String,
    seed: i64,
    trials: i64,
    updated_at: String,
}

/// The texts and numbers a plan is written as.
pub(crate) struct Encoded {
    pub inputs: String,
    pub uncertainty: String,
    pub seed: i64,
    pub trials: i64,
}

fn invalid(reason: String) -> StoreError {
    StoreError::InvalidInputs { reason }
}

/// Refuses what could not be read back as it was: a number JSON cannot hold (NaN, infinity:
/// serde writes them as null), a seed or trial count out of range. Ranges of the plan's inputs
/// are the engine's to judge, so a half-edited plan can still be saved.
pub(crate) fn encode(
    inputs: &ForecastInputs,
    uncertainty: &Uncertainty,
) -> Result<Encoded, StoreError> {
    if uncertainty.seed > MAX_SEED {
        return Err(invalid(format!(
            "The seed can be at most {MAX_SEED} (it is {}). Choose a smaller seed.",
            uncertainty.seed
        )));
    }
    if !(1..=MAX_TRIALS).contains(&uncertainty.trials) {
        return Err(invalid(format!(
            "Trials must be from 1 to {MAX_TRIALS} (it is {}).",
            uncertainty.trials
        )));
    }
    let not_a_number = |what: &str| {
        invalid(format!(
            "Every {what} setting must be a number (one is empty or not a number). Enter a number; nothing was saved."
        ))
    };
    let inputs_text = serde_json::to_string(inputs).map_err(|_| not_a_number("input"))?;
    let back = serde_json::from_str::<ForecastInputs>(&inputs_text);
    if back.ok().as_ref() != Some(inputs) {
        return Err(not_a_number("input"));
    }
    let mut spreads = match serde_json::to_value(uncertainty) {
        Ok(Value::Object(map)) => map,
        _ => return Err(not_a_number("uncertainty")),
    };
    spreads.remove("seed");
    spreads.remove("trials");
    let spreads_text = Value::Object(spreads).to_string();
    let back = decode_uncertainty(&spreads_text, uncertainty.seed, uncertainty.trials);
    if back.ok().as_ref() != Some(uncertainty) {
        return Err(not_a_number("uncertainty"));
    }
    Ok(Encoded {
        inputs: inputs_text,
        uncertainty: spreads_text,
        seed: uncertainty.seed as i64,
        trials: i64::from(uncertainty.trials),
    })
}

fn decode_uncertainty(text: &str, seed: u64, trials: u32) -> Result<Uncertainty, String> {
    let mut map = match serde_json::from_str::<Value>(text).map_err(|e| e.to_string())? {
        Value::Object(map) => map,
        other => return Err(format!("expected an object, found {other}")),
    };
    map.insert("seed".to_string(), Value::from(seed));
    map.insert("trials".to_string(), Value::from(trials));
    serde_json::from_value(Value::Object(map)).map_err(|e| e.to_string())
}

impl PlanRow {
    /// The stored plan, or why its text cannot be read (a file edited by hand, say).
    pub(super) fn decode(self) -> Result<ForecastScenario, String> {
        let inputs: ForecastInputs = serde_json::from_str(&self.inputs).map_err(|e| {
            format!(
                "the inputs of the plan \"{}\" are not readable ({e})",
                self.name
            )
        })?;
        let seed = u64::try_from(self.seed).unwrap_or(0);
        let trials = u32::try_from(self.trials).unwrap_or(1);
        let uncertainty = decode_uncertainty(&self.uncertainty, seed, trials).map_err(|e| {
            format!(
                "the uncertainty of the plan \"{}\" is not readable ({e})",
                self.name
            )
        })?;
        Ok(ForecastScenario {
            id: self.id,
            name: self.name,
            inputs,
            uncertainty,
            updated_at: self.updated_at,
        })
    }
}

pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    name: &str,
    encoded: &Encoded,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO forecast_scenarios
             (name, inputs, uncertainty, seed, trials, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5,
                 strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
         RETURNING id",
    )
    .bind(name)
    .bind(&encoded.inputs)
    .bind(&encoded.uncertainty)
    .bind(encoded.seed)
    .bind(encoded.trials)
    .fetch_one(&mut *conn)
    .await
}

/// Rewrites a plan's inputs; false if there is no such plan.
pub(super) async fn update(
    conn: &mut SqliteConnection,
    id: i64,
    encoded: &Encoded,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE forecast_scenarios
         SET inputs = ?2, uncertainty = ?3, seed = ?4, trials = ?5,
             updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
         WHERE id = ?1",
    )
    .bind(id)
    .bind(&encoded.inputs)
    .bind(&encoded.uncertainty)
    .bind(encoded.seed)
    .bind(encoded.trials)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

pub(super) async fn load(
    conn: &mut SqliteConnection,
    id: i64,
) -> Result<Option<PlanRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, name, inputs, uncertainty, seed, trials, updated_at
         FROM forecast_scenarios WHERE id = ?1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await
}
