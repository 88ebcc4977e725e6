//! Plans and stress set-ups as readable TOML files (examples/comp/*.toml), checked on the way in.

use super::error::CompError;
use super::plan::CompPlan;
use super::stress::StressSetup;
use super::validate::validate;

/// Reads a plan from TOML text; `source` (a file name) prefixes every problem.
pub fn plan_from_toml(source: &str, text: &str) -> Result<CompPlan, CompError> {
    let plan: CompPlan = toml::from_str(text).map_err(|error| CompError::PlanFile {
        file: source.to_string(),
        reason: error.to_string(),
    })?;
    validate(&plan)?;
    Ok(plan)
}

/// Writes a plan as TOML that `plan_from_toml` reads back to the same plan.
pub fn plan_to_toml(plan: &CompPlan) -> Result<String, CompError> {
    toml::to_string_pretty(plan).map_err(|error| CompError::PlanFile {
        file: plan.name.clone(),
        reason: error.to_string(),
    })
}

/// Reads a stress set-up (examples/comp/w5-stress.toml); `source` prefixes every problem.
pub fn setup_from_toml(source: &str, text: &str) -> Result<StressSetup, CompError> {
    toml::from_str(text).map_err(|error| CompError::PlanFile {
        file: source.to_string(),
        reason: error.to_string(),
    })
}
