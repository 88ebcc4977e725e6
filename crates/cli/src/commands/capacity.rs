use crate::args::CapacityArgs;
use crate::{catalog_file, report, rule_source};
use anyhow::{Context, Result, bail};
use csplan_domain::Cents;
use csplan_domain::capacity::{ScenarioInputs, plan};
use csplan_domain::segmentation::{RuleSet, TierBounds, plan_rule_set};
use csplan_store::Store;
use std::time::Duration;

fn dollars(flag: &str, text: &str) -> Result<Cents> {
    let amount = Cents::parse_decimal(text).with_context(|| format!("{flag} {text}"))?;
    if amount.0 <= 0 {
        bail!("{flag} must be more than 0 dollars (it is {text})");
    }
    Ok(amount)
}

fn tier_bounds(text: &str) -> Result<TierBounds> {
    let Some((enterprise, mid_market)) = text.split_once(',') else {
        bail!(
            "--tier-bounds takes two dollar amounts, Enterprise then Mid-Market: e.g. 100000,25000"
        );
    };
    Ok(TierBounds {
        enterprise_from: dollars("--tier-bounds (Enterprise)", enterprise)?,
        mid_market_from: dollars("--tier-bounds (Mid-Market)", mid_market)?,
    })
}

/// The scenario's inputs (or the documented defaults), with each flag given overriding its
/// field, and the rule set to plan over: --rules, else the scenario's own, else none (ARR tiers).
async fn inputs(store: &Store, args: &CapacityArgs) -> Result<(ScenarioInputs, Option<RuleSet>)> {
    let (mut inputs, saved_rules) = match &args.scenario {
        Some(name) => {
            let scenario = store.scenario_by_name(name).await?;
            (scenario.inputs, scenario.rule_set_id)
        }
        None => (ScenarioInputs::default(), None),
    };
    let rules = match (&args.rules, saved_rules) {
        (Some(given), _) => Some(rule_source::resolve(store, given).await?),
        (None, Some(id)) => Some(store.rule_set(id).await?.rules),
        (None, None) => None,
    };
    if let Some(text) = &args.arr_per_csm {
        inputs.params.arr_per_csm = dollars("--arr-per-csm", text)?;
    }
    if let Some(capacity) = args.activities_per_csm {
        inputs.params.csm_activities_per_month = capacity;
    }
    if let Some(text) = &args.tier_bounds {
        inputs.tiers = tier_bounds(text)?;
    }
    if let Some(file) = &args.catalog {
        inputs.params.catalogs = catalog_file::read(file)?;
    }
    Ok((inputs, rules))
}

pub async fn run(args: &CapacityArgs) -> Result<()> {
    let store = Store::open_with(&args.db, None, Duration::from_secs(5)).await?;
    let inputs = inputs(&store, args).await;
    let (inputs, rules) = match inputs {
        Ok(found) => found,
        Err(error) => {
            store.close().await;
            return Err(error);
        }
    };
    if let Some(rules) = rules {
        // A rule set can test any column, so the accounts are read whole (DOMAIN.md §2.7: the
        // capacity exercise per segment of the chosen rule set).
        let accounts = store.accounts().await;
        store.close().await;
        let plan = plan_rule_set(&rules, &accounts?, &inputs.params)?;
        let stdout = std::io::stdout();
        return report::write(&plan, args.format, &mut stdout.lock());
    }
    inputs.tiers.validate()?;
    // The database aggregates the tiers over its ARR index, so a million accounts never cross
    // into this process one by one.
    let segments = store.tier_summary(&inputs.tiers).await;
    store.close().await;
    let plan = plan(&segments?, &inputs.params)?;
    let stdout = std::io::stdout();
    report::write(&plan, args.format, &mut stdout.lock())
}
