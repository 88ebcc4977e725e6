//! `csplan comp`: plans and a CSM history in, the domain's backtest, stress test or lint out.
//! The history is a CSV file (`--history`) or a workspace's (`--db`); each plan is a plan file
//! (a value ending in .toml) or, with `--db`, a plan saved in that workspace, by name.

use crate::comp_args::{BacktestArgs, CompCommand, HistorySource, LintArgs, PresetArg, StressArgs};
use crate::comp_report;
use anyhow::{Context, Result, bail};
use csplan_domain::compensation::{
    BacktestOptions, CompPlan, Generator, History, PerfWeights, StressPreset, StressSetup,
    backtest, lint, plan_from_toml, read_history, sensitivity, setup_from_toml, simulate,
    summarize, target_budget,
};
use csplan_store::Store;
use std::path::Path;
use std::time::Duration;

pub async fn run(command: &CompCommand) -> Result<()> {
    match command {
        CompCommand::Backtest(args) => run_backtest(args).await,
        CompCommand::Stress(args) => run_stress(args).await,
        CompCommand::Lint(args) => run_lint(args),
    }
}

fn read_text(path: &Path, what: &str) -> Result<String> {
    std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the {what} {}", path.display()))
}

fn read_plan(path: &Path) -> Result<CompPlan> {
    let text = read_text(path, "plan file")?;
    Ok(plan_from_toml(&path.display().to_string(), &text)?)
}

/// A value ending in .toml names a plan file; anything else, a saved plan.
fn plan_file(value: &str) -> Option<&Path> {
    value
        .to_ascii_lowercase()
        .ends_with(".toml")
        .then(|| Path::new(value))
}

fn load_history(path: &Path) -> Result<History> {
    let file = std::fs::File::open(path)
        .with_context(|| format!("cannot read the history {}", path.display()))?;
    Ok(read_history(
        &path.display().to_string(),
        std::io::BufReader::new(file),
    )?)
}

/// The plans (`(flag, value)` pairs, in order) and the history a command computes on.
async fn inputs(
    source: &HistorySource,
    plans: &[(&str, &str)],
) -> Result<(Vec<CompPlan>, History)> {
    match (&source.db, &source.history) {
        (Some(db), _) => {
            let store = Store::open_with(db, None, Duration::from_secs(5)).await?;
            let loaded = from_workspace(&store, plans).await;
            // Closed before computing: a long stress run does not hold the workspace open.
            store.close().await;
            loaded
        }
        (None, Some(history)) => {
            let mut read = Vec::with_capacity(plans.len());
            for (flag, value) in plans {
                match plan_file(value) {
                    Some(path) => read.push(read_plan(path)?),
                    None => bail!(
                        "{flag} \"{value}\" does not end in .toml, so it names a saved plan; give --db PATH for the workspace that holds it, or a plan file"
                    ),
                }
            }
            Ok((read, load_history(history)?))
        }
        // clap requires one of the two.
        (None, None) => bail!("give --history FILE or --db PATH"),
    }
}

async fn from_workspace(store: &Store, plans: &[(&str, &str)]) -> Result<(Vec<CompPlan>, History)> {
    let mut read = Vec::with_capacity(plans.len());
    for (flag, value) in plans {
        read.push(match plan_file(value) {
            Some(path) => read_plan(path)?,
            None => match store.comp_plan_by_name(value).await {
                Ok(saved) => saved.plan,
                Err(csplan_store::StoreError::NotFound { .. }) => {
                    bail!("{}", unknown_plan(store, flag, value).await?)
                }
                Err(error) => return Err(error.into()),
            },
        });
    }
    let history = store.csm_history().await?;
    if history.rows.is_empty() {
        bail!(
            "the workspace {} has no CSM history; import a history CSV into it in the app, or give --history FILE",
            store.path().display()
        );
    }
    Ok((read, history))
}

/// Names the saved plans, so a mistyped name can be corrected from the message.
async fn unknown_plan(store: &Store, flag: &str, value: &str) -> Result<String> {
    let names: Vec<String> = store
        .list_comp_plans()
        .await?
        .into_iter()
        .map(|p| format!("\"{}\"", p.name))
        .collect();
    let saved = if names.is_empty() {
        "it has no saved plans".to_string()
    } else {
        format!("its saved plans are {}", names.join(", "))
    };
    Ok(format!(
        "{flag} \"{value}\": the workspace {} has no comp plan by that name ({saved}); a plan file must end in .toml",
        store.path().display()
    ))
}

fn perf_weights(text: &str) -> Result<PerfWeights> {
    let parts: Vec<&str> = text.split(',').map(str::trim).collect();
    let numbers: Vec<f64> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    match numbers[..] {
        [grr, nrr, nps] if parts.len() == 3 && numbers.iter().all(|n| n.is_finite()) => {
            Ok(PerfWeights { grr, nrr, nps })
        }
        _ => bail!(
            "--perf-weights takes three numbers, GRR, NRR and NPS: e.g. 0.4,0.4,0.2 (it is {text})"
        ),
    }
}

async fn run_backtest(args: &BacktestArgs) -> Result<()> {
    let (plans, history) = inputs(
        &args.source,
        &[("--current", &args.current), ("--proposed", &args.proposed)],
    )
    .await?;
    let [current, proposed] = <[CompPlan; 2]>::try_from(plans)
        .map_err(|_| anyhow::anyhow!("expected the current and the proposed plan"))?;
    let options = BacktestOptions {
        perf_weights: match &args.perf_weights {
            Some(text) => perf_weights(text)?,
            None => PerfWeights::default(),
        },
        top_share: args.top_share,
        max_drop_pct: args.max_drop,
    };
    if !(options.max_drop_pct.is_finite() && options.max_drop_pct >= 0.0) {
        bail!(
            "--max-drop is a percentage of 0 or more (it is {})",
            args.max_drop
        );
    }
    let result = backtest(&history, &current, &proposed, &options)?;
    let warnings = [&current, &proposed]
        .iter()
        .flat_map(|plan| lint(plan).into_iter().map(|w| (plan.name.clone(), w)))
        .collect::<Vec<_>>();
    for (plan, warning) in &warnings {
        eprintln!(
            "warning: plan \"{plan}\", {}: {}",
            warning.field, warning.message
        );
    }
    let stdout = std::io::stdout();
    comp_report::write_backtest(&result, args.format, &mut stdout.lock())
}

fn setup(args: &StressArgs) -> Result<StressSetup> {
    let mut setup = match &args.setup {
        Some(path) => {
            let text = read_text(path, "stress set-up")?;
            setup_from_toml(&path.display().to_string(), &text)?
        }
        None => StressSetup::default(),
    };
    if let Some(trials) = args.trials {
        setup.trials = trials;
    }
    if let Some(seed) = args.seed {
        setup.seed = seed;
    }
    if args.exact {
        setup.generator = Generator::Exact;
    }
    if args.free {
        setup.generator = Generator::Free;
    }
    if let Some(preset) = args.preset {
        setup = match preset {
            PresetArg::ChurnSpike => StressPreset::ChurnSpike,
            PresetArg::ExpansionBoom => StressPreset::ExpansionBoom,
            PresetArg::FlatYear => StressPreset::FlatYear,
        }
        .apply(&setup);
    }
    Ok(setup)
}

async fn run_stress(args: &StressArgs) -> Result<()> {
    if let Some(budget) = args.budget
        && !(budget.is_finite() && budget >= 0.0)
    {
        bail!("--budget is an amount of 0 dollars or more (it is {budget})");
    }
    let named: Vec<(&str, &str)> = args.plans.iter().map(|p| ("--plan", p.as_str())).collect();
    let (plans, history) = inputs(&args.source, &named).await?;
    let setup = setup(args)?;
    let run = simulate(&history, &plans, &setup)?;
    let summaries: Vec<_> = plans
        .iter()
        .zip(&run.costs)
        .map(|(plan, costs)| {
            let budget = args.budget.unwrap_or_else(|| target_budget(plan, run.csms));
            summarize(&plan.name, costs, budget)
        })
        .collect();
    let sensitivity_rows = if args.sensitivity {
        let quick = StressSetup {
            trials: args.sensitivity_trials,
            ..setup.clone()
        };
        Some(sensitivity(
            &history,
            &plans[0],
            &quick,
            args.sensitivity_step,
        )?)
    } else {
        None
    };
    let stdout = std::io::stdout();
    comp_report::write_stress(
        &summaries,
        &setup,
        sensitivity_rows.as_deref(),
        args.format,
        &mut stdout.lock(),
    )
}

fn run_lint(args: &LintArgs) -> Result<()> {
    let plan = read_plan(&args.plan)?;
    let warnings = lint(&plan);
    let stdout = std::io::stdout();
    comp_report::write_lint(
        &args.plan.display().to_string(),
        &warnings,
        &mut stdout.lock(),
    )
}
