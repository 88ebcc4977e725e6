//! `csplan comp`: plan files and a history CSV in, the domain's backtest, stress test or lint
//! out. No workspace is opened.

use crate::comp_args::{BacktestArgs, CompCommand, LintArgs, PresetArg, StressArgs};
use crate::comp_report;
use anyhow::{Context, Result, bail};
use csplan_domain::compensation::{
    BacktestOptions, CompPlan, Generator, History, PerfWeights, StressPreset, StressSetup,
    backtest, lint, plan_from_toml, read_history, sensitivity, setup_from_toml, simulate,
    summarize, target_budget,
};
use std::path::Path;

pub fn run(command: &CompCommand) -> Result<()> {
    match command {
        CompCommand::Backtest(args) => run_backtest(args),
        CompCommand::Stress(args) => run_stress(args),
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

fn load_history(path: &Path) -> Result<History> {
    let file = std::fs::File::open(path)
        .with_context(|| format!("cannot read the history {}", path.display()))?;
    Ok(read_history(
        &path.display().to_string(),
        std::io::BufReader::new(file),
    )?)
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

fn run_backtest(args: &BacktestArgs) -> Result<()> {
    let current = read_plan(&args.current)?;
    let proposed = read_plan(&args.proposed)?;
    let history = load_history(&args.history)?;
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

fn run_stress(args: &StressArgs) -> Result<()> {
    let plans = args
        .plans
        .iter()
        .map(|p| read_plan(p))
        .collect::<Result<Vec<_>>>()?;
    if let Some(budget) = args.budget
        && !(budget.is_finite() && budget >= 0.0)
    {
        bail!("--budget is an amount of 0 dollars or more (it is {budget})");
    }
    let history = load_history(&args.history)?;
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
