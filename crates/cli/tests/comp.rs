//! `csplan comp` end to end on the shared history, the example plans and fixtures.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Output;

mod common;
use common::{csplan, fixture, repo, s, shared_history, text};

fn backtest(format: &str) -> Output {
    csplan(&[
        "comp",
        "backtest",
        "--history",
        s(&shared_history()),
        "--current",
        s(&repo("examples/comp/current.toml")),
        "--proposed",
        s(&repo("examples/comp/proposed.toml")),
        "--format",
        format,
    ])
}

/// The csv format is W4's: four `#table` blocks with W4's headers and row counts
/// (WORKLOADS.md W4 "Output tables").
#[test]
fn backtest_csv_prints_the_w4_tables() {
    let out = backtest("csv");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let mut tables: Vec<(String, String, usize)> = Vec::new();
    for line in stdout.lines() {
        if let Some(name) = line.strip_prefix("#table ") {
            tables.push((name.to_string(), String::new(), 0));
        } else if let Some(last) = tables.last_mut() {
            if last.1.is_empty() {
                last.1 = line.to_string();
            } else {
                last.2 += 1;
            }
        }
    }
    let expected = [
        (
            "quarterly_cost",
            "quarter,plan,csms,base_cost,variable_cost,total_cost",
            16,
        ),
        (
            "plan_summary",
            "plan,variable_cost_total,total_cost_total,spearman_perf_vs_payout,top_decile_overlap,top_decile_size,top_decile_retained_share,payout_p90_p10_ratio",
            2,
        ),
        (
            "csm_totals",
            "csm_id,perf_score,perf_rank,var_current,rank_current,var_proposed,rank_proposed",
            200,
        ),
        ("payouts", "csm_id,quarter,var_current,var_proposed", 1600),
    ];
    assert_eq!(tables.len(), expected.len(), "{stdout}");
    for ((name, header, rows), (e_name, e_header, e_rows)) in tables.iter().zip(expected) {
        assert_eq!(
            (name.as_str(), header.as_str(), *rows),
            (e_name, e_header, e_rows)
        );
    }
    // CSM-001 in 2024Q1 by hand: 6,000 × 0.950610 / 0.9 and 9,000 × (0.6 × 1.29988 + 0.4 × 2).
    assert!(stdout.contains("\nCSM-001,2024Q1,6337.400000000001,14219.344285714284\n"));
}

#[test]
fn backtest_table_gives_the_verdict_and_why() {
    let out = backtest("table");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("Top performers not rewarded."),
        "{stdout}"
    );
    assert!(
        stdout.contains("13 of 20 under proposed, 15 under current"),
        "{stdout}"
    );
}

#[test]
fn stress_exact_is_reproducible_and_prints_mc_summary() {
    let run = || {
        csplan(&[
            "comp",
            "stress",
            "--plan",
            s(&repo("examples/comp/current.toml")),
            "--plan",
            s(&repo("examples/comp/proposed.toml")),
            "--history",
            s(&shared_history()),
            "--setup",
            s(&repo("examples/comp/w5-stress.toml")),
            "--trials",
            "500",
            "--format",
            "csv",
        ])
    };
    let first = run();
    assert!(first.status.success(), "{}", text(&first.stderr));
    let stdout = text(&first.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], "#table mc_summary");
    assert_eq!(
        lines[1],
        "plan,trials,budget,mean_cost,p5,p50,p95,prob_cost_exceeds_budget"
    );
    // W5's budgets: 200 × $24,000 and 200 × $36,000.
    assert!(lines[2].starts_with("current,500,4800000,"), "{}", lines[2]);
    assert!(
        lines[3].starts_with("proposed,500,7200000,"),
        "{}",
        lines[3]
    );
    assert_eq!(text(&run().stdout), stdout);
}

#[test]
fn stress_sensitivity_ranks_the_parameters() {
    let out = csplan(&[
        "comp",
        "stress",
        "--plan",
        s(&repo("examples/comp/proposed.toml")),
        "--history",
        s(&shared_history()),
        "--trials",
        "200",
        "--preset",
        "churn-spike",
        "--sensitivity",
        "--sensitivity-trials",
        "200",
        "--format",
        "csv",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let table = stdout
        .split("#table sensitivity\n")
        .nth(1)
        .expect("a sensitivity table");
    let swings: Vec<f64> = table
        .lines()
        .skip(1)
        .map(|l| l.rsplit(',').next().unwrap().parse().unwrap())
        .collect();
    assert_eq!(swings.len(), 7);
    assert!(swings.windows(2).all(|w| w[0] >= w[1]), "{swings:?}");
}

#[test]
fn lint_names_the_fields() {
    let out = csplan(&["comp", "lint", s(&fixture("comp_lint_plan.toml"))]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    for field in [
        "warning: split:",
        "warning: measures[].weight:",
        "warning: measures[0] \"GRR\" threshold:",
        "warning: measures[0] \"GRR\" curve.cap:",
        "warning: measures[0] \"GRR\" curve.tiers[1].jump:",
        "warning: measures[0] \"GRR\" metric:",
    ] {
        assert!(stdout.contains(field), "{field} missing from\n{stdout}");
    }
    let clean = csplan(&["comp", "lint", s(&repo("examples/comp/proposed.toml"))]);
    assert!(text(&clean.stdout).contains("no warnings"));
}

#[test]
fn a_bad_history_is_rejected_naming_file_line_and_column() {
    let out = csplan(&[
        "comp",
        "backtest",
        "--history",
        s(&fixture("comp_history_bad.csv")),
        "--current",
        s(&repo("examples/comp/current.toml")),
        "--proposed",
        s(&repo("examples/comp/proposed.toml")),
    ]);
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("comp_history_bad.csv, line 4, column onboarding_days:"),
        "{stderr}"
    );
}
