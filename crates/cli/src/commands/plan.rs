//! `csplan plan`: a saved plan over time computed by the domain's engine, with its Monte Carlo
//! risk bands (the plan's seed unless `--seed` says otherwise), as a table, CSV or JSON.

use crate::args::Format;
use crate::plan_args::{PlanArgs, PlanSource};
use crate::plan_output;
use anyhow::{Result, bail};
use csplan_domain::compensation::Progress;
use csplan_domain::forecast::{
    Forecast, ForecastInputs, Preset, RiskBands, Uncertainty, forecast_with, simulate,
};
use csplan_report::forecast::{PlanDocument, forecast_csv};
use csplan_store::{ForecastScenario, Store};
use std::time::Duration;

/// A plan and everything computed from it.
pub struct Computed {
    pub name: String,
    pub inputs: ForecastInputs,
    pub uncertainty: Uncertainty,
    pub preset: Preset,
    pub forecast: Forecast,
    pub bands: Option<RiskBands>,
}

impl Computed {
    pub fn document(&self) -> PlanDocument<'_> {
        PlanDocument {
            name: &self.name,
            inputs: &self.inputs,
            uncertainty: &self.uncertainty,
            preset: self.preset,
            forecast: &self.forecast,
            bands: self.bands.as_ref(),
        }
    }
}

async fn saved(store: &Store, name: Option<&str>) -> Result<ForecastScenario> {
    Ok(match name {
        Some(name) => store.forecast_by_name(name).await?,
        None => match store.current_forecast().await? {
            Some(plan) => plan,
            None => bail!(
                "this workspace has no saved plan over time; open the Plan page once to create one from the book"
            ),
        },
    })
}

/// Loads the plan, applies the flags and runs the engine (and the Monte Carlo unless
/// `--trials 0` or a preset other than base).
pub async fn compute(source: &PlanSource) -> Result<Computed> {
    let store = Store::open_with(&source.db, None, Duration::from_secs(5)).await?;
    let plan = saved(&store, source.scenario.as_deref()).await;
    store.close().await;
    let plan = plan?;
    let mut inputs = plan.inputs;
    if let Some(quarters) = source.quarters {
        inputs.quarters = quarters;
    }
    let mut uncertainty = plan.uncertainty;
    if let Some(seed) = source.seed {
        uncertainty.seed = seed;
    }
    let trials = source.trials.unwrap_or(uncertainty.trials);
    let preset = Preset::from(source.preset);
    let forecast = forecast_with(&inputs, preset.factors())?;
    let bands = if trials > 0 && preset == Preset::Base {
        uncertainty.trials = trials;
        Some(simulate(&inputs, &uncertainty, &Progress::new())?)
    } else {
        None
    };
    Ok(Computed {
        name: plan.name,
        inputs,
        uncertainty,
        preset,
        forecast,
        bands,
    })
}

pub async fn run(args: &PlanArgs) -> Result<()> {
    let computed = compute(&args.source).await?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        Format::Table => plan_output::table(&computed, &mut out),
        Format::Json => plan_output::json(&computed, &mut out),
        Format::Csv => {
            use std::io::Write;
            out.write_all(forecast_csv(&computed.document()).as_bytes())?;
            Ok(())
        }
    }
}
