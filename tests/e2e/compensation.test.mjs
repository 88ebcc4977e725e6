// WebDriver tests of the Compensation page in the real app window (tauri-driver + WebKitWebDriver,
// run under Xvfb by scripts/test.sh). Each test gets its own fresh demo workspace; every number the
// page must show comes from `csplan comp backtest|stress` run on that same workspace file, so the
// tests check that the app and the CLI agree instead of repeating hard-coded results.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { before, test } from "node:test";

import { CLI, checkPrerequisites, chooseOption, harness, saveScreenshot, selectedOption } from "./helpers.mjs";

before(checkPrerequisites);

async function text(session, testId) {
  return (await (await session.byTestId(testId)).text()).trim();
}

async function openCompensation(session) {
  await (await session.byTestId("nav-compensation")).click();
  await session.waitFor("the compensation headline", async () => text(session, "comp-headline").catch(() => ""));
}

/** The two plans the page compares, by the names in its selectors. */
async function planNames(session) {
  const current = await selectedOption(session, "comp-current-select");
  const proposed = await selectedOption(session, "comp-proposed-select");
  assert.ok(current && proposed, `both plans are selected: ${current}, ${proposed}`);
  return { current, proposed };
}

function cliJson(args) {
  return JSON.parse(execFileSync(CLI, ["comp", ...args, "--format", "json"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
}

function cliBacktest(db, { current, proposed }) {
  return cliJson(["backtest", "--db", db, "--current", current, "--proposed", proposed]);
}

/** "$1,234.56", "0.951", "1 of 1": the number(s) a summary cell shows. */
function numbers(cell) {
  return [...cell.replace(/,/g, "").matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
}

/** Cells are read one by one: WebKit's text of a whole row runs the cells together. */
async function summaryRows(session) {
  return session.waitFor("the backtest summary rows", async () => {
    const table = await session.byTestId("backtest-summary");
    const out = {};
    for (const row of await session.findAll("tbody tr", table)) {
      const cells = await session.findAll("th, td", row);
      const texts = await Promise.all(cells.map(async (c) => (await c.text()).trim()));
      if (texts.length !== 7) return null;
      const [plan, spearman, top, p90p10, variable, total, ofArr] = texts;
      out[plan] = {
        spearman: numbers(spearman)[0],
        top: numbers(top),
        p90p10: numbers(p90p10)[0],
        variable: numbers(variable)[0],
        total: numbers(total)[0],
        ofArr: numbers(ofArr)[0],
      };
    }
    return Object.keys(out).length === 2 ? out : null;
  });
}

/** Whether the page's summary shows the CLI's plan summary, to the precision the page prints. */
function matches(shown, cli) {
  for (const s of cli.plan_summary) {
    const row = shown[s.plan];
    if (!row) return `no row for ${s.plan}`;
    const checks = [
      ["Spearman", row.spearman, s.spearman_perf_vs_payout, 0.0005],
      ["P90/P10", row.p90p10, s.payout_p90_p10_ratio, 0.0005],
      ["variable cost", row.variable, s.variable_cost_total, 0.005],
      ["total cost", row.total, s.total_cost_total, 0.005],
      ["comp cost % of ARR", row.ofArr, s.cost_pct_of_arr, 0.05],
    ];
    for (const [what, page, expected, tolerance] of checks) {
      if (!(Math.abs(page - expected) <= tolerance)) return `${s.plan} ${what}: page ${page}, CLI ${expected}`;
    }
    if (row.top[0] !== s.top_decile_overlap || row.top[1] !== s.top_decile_size) {
      return `${s.plan} top performers among top earners: page ${row.top.join(" of ")}, CLI ${s.top_decile_overlap} of ${s.top_decile_size}`;
    }
  }
  return null;
}

/** Waits until the page's backtest summary equals the CLI's on the workspace file. */
async function waitSummaryMatches(session, db, names, why) {
  let problem;
  await session.waitFor(`the backtest summary to equal \`csplan comp backtest\` (${why})`, async () => {
    problem = matches(await summaryRows(session), cliBacktest(db, names));
    return problem === null;
  }).catch((err) => {
    throw new Error(`${err.message}: ${problem}`);
  });
}

async function lintText(session) {
  return text(session, "comp-lint").catch(() => "");
}

test("a. the Compensation page shows the demo's verdict and the CLI's backtest summary", async (t) => {
  const h = harness(t);
  const session = await h.launch(await h.startDriver());
  await openCompensation(session);

  const names = await planNames(session);
  const cli = cliBacktest(h.db, names);
  await waitSummaryMatches(session, h.db, names, "on launch");

  // The answer in large type is the verdict, with how many top performers stay top earners.
  const headline = await text(session, "comp-headline");
  const proposed = cli.plan_summary[1];
  const stay = `${cli.verdict.headline}: ${proposed.top_decile_overlap} of ${proposed.top_decile_size} stay top earners`;
  assert.ok(headline.startsWith(stay), `headline ${JSON.stringify(headline)} starts with ${JSON.stringify(stay)}`);
  // The variable-cost change under the headline is the engine's, as `csplan comp backtest` prints it.
  const change = cli.variable_cost_change_pct;
  const expected = `(${change >= 0 ? "+" : ""}${change.toFixed(1)}%)`;
  const sub = await text(session, "comp-cost-change");
  assert.ok(sub.includes(expected), `${JSON.stringify(sub)} shows the CLI's change ${expected}`);
  const verdict = await text(session, "backtest-verdict");
  assert.ok(verdict.startsWith(cli.verdict.headline), `verdict ${JSON.stringify(verdict)}`);
  for (const reason of cli.verdict.why) {
    assert.ok(verdict.includes(reason), `the verdict gives the CLI's reason ${JSON.stringify(reason)}`);
  }
  await saveScreenshot(session, "compensation.png");
});

test("b. changing the proposed plan's split updates the backtest and its lint", async (t) => {
  const h = harness(t);
  const session = await h.launch(await h.startDriver());
  await openCompensation(session);
  const names = await planNames(session);
  await waitSummaryMatches(session, h.db, names, "before the change");
  const before = cliBacktest(h.db, names).plan_summary[1].variable_cost_total;
  assert.ok(!(await lintText(session)).includes("split"), "the demo's 70/30 split raises no split warning");

  // 50/50 is Sales' norm: the plan pays more variable, and the linter says it is not a CS split.
  await chooseOption(session, "comp-split-select", "50/50 (Sales' norm)");
  await session.waitFor("a split warning", async () => (await lintText(session)).includes("split"));
  await waitSummaryMatches(session, h.db, names, "after 50/50");
  const after = cliBacktest(h.db, names).plan_summary[1].variable_cost_total;
  assert.ok(after > before, `a larger variable share costs more: ${after} vs ${before}`);
  const near = await text(session, "comp-split-lint");
  assert.match(near, /outside the 80\/20 to 60\/40 range/, "the warning is shown under the split selector");

  // Back inside CS's range: the warning goes, the numbers follow.
  await chooseOption(session, "comp-split-select", "60/40 (enterprise books)");
  await session.waitFor("the split warning to go", async () => !(await lintText(session)).includes("split"));
  await waitSummaryMatches(session, h.db, names, "after 60/40");
  await saveScreenshot(session, "compensation-60-40.png");
});

test("c. a stress test with a fixed seed has the CLI's P50", async (t) => {
  const h = harness(t);
  const session = await h.launch(await h.startDriver());
  await openCompensation(session);
  const names = await planNames(session);
  const trials = 2000;
  const seed = 42;

  await (await session.byTestId("comp-tab-stress")).click();
  for (const [id, value] of [["stress-trials-input", trials], ["stress-seed-input", seed]]) {
    const input = await session.byTestId(id);
    await input.clear();
    await input.type(String(value));
  }
  await (await session.byTestId("stress-run")).click();
  const cells = await session.waitFor("the stress summary", async () => {
    const table = await session.byTestId("stress-summary").catch(() => null);
    if (!table) return null;
    for (const row of await session.findAll("tbody tr", table)) {
      const texts = await Promise.all((await session.findAll("th, td", row)).map(async (c) => (await c.text()).trim()));
      if (texts[0] === names.proposed) return texts;
    }
    return null;
  });
  const heading = await session.execute("return arguments[0].closest('.card').querySelector('h2').textContent;", [await session.byTestId("stress-summary")]);
  assert.match(heading, new RegExp(`seed ${seed}\\b`), `the seed used is shown: ${heading}`);

  const cli = cliJson(["stress", "--db", h.db, "--plan", names.proposed, "--trials", String(trials), "--seed", String(seed)]);
  const expected = cli.mc_summary[0];
  assert.equal(expected.trials, trials);
  const p50 = numbers(cells[2])[0];
  assert.ok(Math.abs(p50 - expected.p50) <= 0.005, `P50 of ${names.proposed}: page ${cells[2]}, CLI ${expected.p50}`);
  await saveScreenshot(session, "compensation-stress.png");
});

test("d. Cancel while the sensitivity table runs stops the run and says it was cancelled", async (t) => {
  const h = harness(t);
  const session = await h.launch(await h.startDriver());
  await openCompensation(session);

  await (await session.byTestId("comp-tab-stress")).click();
  // 10,000 trials, then the table's 14 × 10,000: long enough to press Cancel during the table.
  const input = await session.byTestId("stress-trials-input");
  await input.clear();
  await input.type("10000");
  await (await session.byTestId("stress-run")).click();
  await session.waitFor("the sensitivity table's progress", async () =>
    (await text(session, "stress-progress").catch(() => "")).includes("Sensitivity table:"),
  );
  await saveScreenshot(session, "compensation-stress-table.png");
  await (await session.byTestId("stress-cancel")).click();
  const notice = await session.waitFor("the cancelled notice", async () => text(session, "stress-notice").catch(() => ""));
  assert.equal(notice, "Stress test cancelled: no new result, nothing saved.");
  // No result was produced and the run can be started again.
  const summaryShown = await session.execute("return document.querySelector('[data-testid=\"stress-summary\"]') !== null;", []);
  assert.equal(summaryShown, false, "no stress summary after a cancelled first run");
  assert.equal(await text(session, "stress-run"), "Run stress test");
  await saveScreenshot(session, "compensation-stress-cancelled.png");
});
