import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { flushSync, mount, unmount } from "svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import CompensationPage from "./CompensationPage.svelte";
import type { BacktestView, CompPlan, CompPlanView, LintWarning, PlanSummary, SavedStressSetup } from "../api";

/** A 70/30 plan with one linear measure (the shapes the Rust side sends). */
function planNamed(name: string, base: number, variable: number): CompPlan {
  return {
    name,
    model: "base-plus-variable",
    ote: 120000,
    split: { base, variable },
    pay_period: "quarterly",
    role: "renewals-and-expansion",
    bonus_funding: null,
    revenue_share: null,
    measures: [
      { name: "GRR", metric: "grr", weight: 100, target: 0.9, threshold: null, lower_is_better: null, curve: { tiers: [{ from: 0, rate: 1, jump: 0 }], cap: null }, quarters: null },
    ],
  };
}

const SPLIT_WARNING: LintWarning = {
  field: "split",
  message: "50/50 is outside the 80/20 to 60/40 range CS teams use (50/50 is Sales' norm)",
};

function opened(id: number, plan: CompPlan, lint: LintWarning[]): CompPlanView {
  return { saved: { id, name: plan.name, version: 1, plan, toml: "", updated_at: "2026-11-27" }, lint };
}

function summary(plan: string, overlap: number, size: number): PlanSummary {
  return {
    plan,
    variable_cost_total: 100000,
    total_cost_total: 900000,
    cost_pct_of_arr: 4.6,
    spearman_perf_vs_payout: 0.8,
    top_decile_overlap: overlap,
    top_decile_size: size,
    top_decile_retained_share: overlap / size,
    payout_p90_p10_ratio: 1.5,
  };
}

/** The backtest as the Rust side would answer: 18 of 20 top performers stay top earners. */
function backtestView(): BacktestView {
  return {
    backtest: {
      current: "Current",
      proposed: "Proposed",
      quarterly_cost: [],
      plan_summary: [summary("Current", 17, 20), summary("Proposed", 18, 20)],
      variable_cost_change_pct: 0,
      csm_totals: [],
      payouts: [],
      falling_top_performers: [],
      verdict: { top_performers_rewarded: true, headline: "Top performers still rewarded", why: ["None falls."] },
    },
    charts: { payout_distribution: "<svg width=\"400\" height=\"300\"></svg>", rank_vs_rank: "<svg width=\"400\" height=\"300\"></svg>" },
    history: { csms: 200, quarters: 8, first: "2024Q1", last: "2025Q4" },
  };
}

let calls: { cmd: string; args: Record<string, unknown> }[] = [];
let backtestAnswer: BacktestView;
let plansAnswer: { id: number; name: string; version: number; updated_at: string }[];
let savedSetup: SavedStressSetup | null;
/** Settles the pending `comp_stress` call, as the Rust side does when the run ends. */
let finishStress: ((answer: unknown, failed: boolean) => void) | null;
/** What `comp_stress_progress` answers while a run is pending. */
let progressAnswer: Record<string, number>;
let target: HTMLElement;
let component: ReturnType<typeof mount> | null = null;

async function settle() {
  for (let i = 0; i < 10; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    flushSync();
  }
}

beforeEach(() => {
  calls = [];
  backtestAnswer = backtestView();
  savedSetup = null;
  finishStress = null;
  progressAnswer = { trials_done: 512, trials: 100000, sensitivity_done: 0, sensitivity_trials: 140000 };
  plansAnswer = [
    { id: 1, name: "Current", version: 1, updated_at: "2026-11-27" },
    { id: 2, name: "Proposed", version: 1, updated_at: "2026-11-27" },
  ];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    switch (cmd) {
      case "comp_plans":
        return structuredClone(plansAnswer);
      case "comp_history":
        return { csms: 200, quarters: 8, first: "2024Q1", last: "2025Q4" };
      case "comp_plan_open":
        return a.id === 1 ? opened(1, planNamed("Current", 80, 20), []) : opened(2, planNamed("Proposed", 70, 30), []);
      case "comp_backtest":
        return structuredClone(backtestAnswer);
      case "comp_plan_save": {
        // The linter's rule for the split stands in here; the real one is tested in Rust.
        const plan = a.plan as CompPlan;
        const lint = plan.split.variable > 40 ? [SPLIT_WARNING] : [];
        return { summary: { id: a.id, name: plan.name, version: 2, updated_at: "2026-11-27" }, lint };
      }
      case "comp_stress_setup":
        return structuredClone(savedSetup);
      // A slow run: it answers only when the test (or a cancel) finishes it.
      case "comp_stress":
        return new Promise((resolve, reject) => {
          finishStress = (answer, failed) => (failed ? reject(answer) : resolve(answer));
        });
      case "comp_stress_progress":
        return finishStress ? { ...progressAnswer } : null;
      // The run answers later, when it reaches its next chunk of trials (the test settles it).
      case "comp_stress_cancel":
        return finishStress !== null;
      default:
        throw { code: "unexpected", message: `unmocked command ${cmd}` };
    }
  });
  target = document.createElement("div");
  document.body.appendChild(target);
});

afterEach(() => {
  if (component) unmount(component);
  component = null;
  target.remove();
  clearMocks();
});

const byTestId = (id: string) => target.querySelector(`[data-testid="${id}"]`);

describe("Compensation page", () => {
  it("opens with the question and the backtest verdict in large type", async () => {
    component = mount(CompensationPage, { target });
    await settle();
    expect(target.querySelector("h1")?.textContent).toBe("Does the new plan still reward our top performers, and what will it cost?");
    expect(byTestId("comp-headline")?.textContent).toBe("Top performers still rewarded: 18 of 20 stay top earners");
    expect(byTestId("comp-history")?.textContent).toContain("200 CSMs × 8 quarters");
    // The backtest compares the plans saved first and second.
    expect(calls.find((c) => c.cmd === "comp_backtest")?.args).toMatchObject({ currentId: 1, proposedId: 2 });
  });

  it("tells an empty workspace how to start instead of backtesting", async () => {
    plansAnswer = [];
    component = mount(CompensationPage, { target });
    await settle();
    expect(byTestId("comp-headline")).toBeNull();
    expect(byTestId("comp-empty")?.textContent).toContain("no comp plan");
    expect(byTestId("comp-empty")?.textContent).toContain("Import TOML");
    expect(calls.some((c) => c.cmd === "comp_backtest")).toBe(false);
  });

  it("says so when pay follows performance less closely under the proposed plan", async () => {
    backtestAnswer.backtest.plan_summary[1]!.spearman_perf_vs_payout = 0.5;
    backtestAnswer.backtest.verdict = { top_performers_rewarded: false, headline: "Top performers not rewarded", why: [] };
    component = mount(CompensationPage, { target });
    await settle();
    expect(byTestId("comp-headline")?.textContent).toBe(
      "Top performers not rewarded: 18 of 20 stay top earners, but pay follows performance less closely",
    );
  });

  it("shows a lint warning next to the field it names once the change is saved", async () => {
    component = mount(CompensationPage, { target });
    await settle();
    expect(byTestId("comp-split-lint")).toBeNull();

    const split = byTestId("comp-split-select") as HTMLSelectElement;
    split.value = "50/50";
    split.dispatchEvent(new Event("change", { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 500));
    await settle();

    const save = calls.find((c) => c.cmd === "comp_plan_save");
    expect(save?.args.id).toBe(2);
    expect((save?.args.plan as CompPlan).split).toEqual({ base: 50, variable: 50 });
    // Under the split selector, and in the list of every warning.
    const near = byTestId("comp-split-lint");
    expect(near?.textContent).toContain("Sales' norm");
    expect(split.parentElement?.contains(near)).toBe(true);
    expect(byTestId("comp-lint")?.textContent).toContain("split");
    // The backtest is re-run on the saved plan.
    expect(calls.filter((c) => c.cmd === "comp_backtest")).toHaveLength(2);
  });

  it("starts the stress fields from the workspace's last finished run", async () => {
    savedSetup = {
      trials: 5000,
      seed: 42,
      generator: "free",
      preset: "churn-spike",
      custom: null,
      budgets: [
        { plan_id: 1, budget: null },
        { plan_id: 2, budget: 250000 },
      ],
    };
    component = mount(CompensationPage, { target });
    await settle();
    expect((byTestId("stress-trials-input") as HTMLInputElement).value).toBe("5000");
    expect((byTestId("stress-seed-input") as HTMLInputElement).value).toBe("42");
    expect((byTestId("stress-preset-select") as HTMLSelectElement).value).toBe("churn-spike");
    const budgets = [...target.querySelectorAll<HTMLInputElement>("[data-testid^='stress-budget-']")].map((i) => i.value);
    expect(budgets).toEqual(["", "250000"]);
  });

  it("shows the trials done and a Cancel button while the stress test runs, then the sensitivity table's", async () => {
    component = mount(CompensationPage, { target });
    await settle();
    expect(byTestId("stress-progress")).toBeNull();
    (byTestId("stress-run") as HTMLButtonElement).click();
    await settle();
    expect(calls.find((c) => c.cmd === "comp_stress")?.args).toMatchObject({ planIds: [1, 2], trials: 100000, seed: 20260101 });
    // Before the first reading the bar starts at nothing done.
    expect(byTestId("stress-progress")?.textContent).toContain("0 of 100,000 trials");
    await new Promise((resolve) => setTimeout(resolve, 300));
    await settle();
    let bar = byTestId("stress-progress")?.querySelector("progress");
    // One bar over both parts: 100,000 trials of the test and 14 × 10,000 of the table.
    expect(bar?.value).toBe(512);
    expect(bar?.max).toBe(240000);
    expect(byTestId("stress-progress")?.textContent).toContain("512 of 100,000 trials, then the sensitivity table");

    progressAnswer = { trials_done: 100000, trials: 100000, sensitivity_done: 30000, sensitivity_trials: 140000 };
    await new Promise((resolve) => setTimeout(resolve, 300));
    await settle();
    bar = byTestId("stress-progress")?.querySelector("progress");
    expect(bar?.value).toBe(130000);
    expect(byTestId("stress-progress")?.textContent).toContain("Sensitivity table: 30,000 of 140,000 trials");
    expect((byTestId("stress-cancel") as HTMLButtonElement).disabled).toBe(false);
  });

  it("says Stopping… once Cancel is pressed, then that the run was cancelled, without an error", async () => {
    component = mount(CompensationPage, { target });
    await settle();
    (byTestId("stress-run") as HTMLButtonElement).click();
    await settle();
    (byTestId("stress-cancel") as HTMLButtonElement).click();
    await settle();
    expect(calls.some((c) => c.cmd === "comp_stress_cancel")).toBe(true);
    // The run has not answered yet: the button cannot be pressed twice and says what happens.
    const cancel = byTestId("stress-cancel") as HTMLButtonElement;
    expect(cancel.disabled).toBe(true);
    expect(cancel.textContent).toBe("Stopping…");
    expect(byTestId("stress-run")?.textContent).toContain("Running…");

    finishStress?.({ code: "stress-stopped", message: "the stress test was stopped before the end; nothing was changed" }, true);
    await settle();
    expect(byTestId("stress-progress")).toBeNull();
    expect(byTestId("stress-notice")?.textContent).toBe("Stress test cancelled: no new result, nothing saved.");
    expect(target.querySelector("[role='alert']")).toBeNull();
    expect(byTestId("stress-run")?.textContent).toContain("Run stress test");
    expect((byTestId("stress-run") as HTMLButtonElement).disabled).toBe(false);
  });

  it("shows the engine's variable-cost change, not one worked out on the page", async () => {
    // Both plans' variable totals are $100k in the mock; the engine's figure is what counts.
    backtestAnswer.backtest.variable_cost_change_pct = 12.3456;
    component = mount(CompensationPage, { target });
    await settle();
    expect(byTestId("comp-cost-change")?.textContent).toContain("(+12.3%)");
    backtestAnswer.backtest.variable_cost_change_pct = null;
    (byTestId("max-drop-input") as HTMLInputElement).value = "5";
    byTestId("max-drop-input")?.dispatchEvent(new Event("input", { bubbles: true }));
    await settle();
    expect(byTestId("comp-cost-change")?.textContent).not.toContain("%");
  });
});
