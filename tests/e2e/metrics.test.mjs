// WebDriver test of the Metrics page in the real app window (tauri-driver + WebKitWebDriver,
// run under Xvfb by scripts/test.sh). On the demo workspace the page opens on the latest period
// between its quarterly snapshots; NRR and GRR must equal what `csplan metrics --format json`
// computes from the same file (DOMAIN.md §5.1), and the formula view must show the formula and
// the inputs the CLI reports for NRR.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { before, test } from "node:test";

import { CLI, ROOT, checkPrerequisites, chooseOption, harness, pickFileInDialog, saveScreenshot } from "./helpers.mjs";

before(checkPrerequisites);

async function text(session, testId) {
  return (await (await session.byTestId(testId)).text()).trim();
}

/** A fraction as the page shows it: 0.99123 -> "99.1%". */
function percent(fraction) {
  return `${(fraction * 100).toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
}

test("the dashboard's NRR and GRR equal the CLI's, and the formula view shows NRR's formula and inputs", async (t) => {
  const h = harness(t);
  const driver = await h.startDriver();
  const session = await h.launch(driver);

  await (await session.byTestId("nav-metrics")).click();
  await session.waitFor("the metrics headline", async () => (await text(session, "metrics-headline")).startsWith("NRR"));

  // The same workspace file through the CLI: the latest period (the last two snapshots).
  const report = JSON.parse(execFileSync(CLI, ["metrics", "--db", h.db, "--format", "json"], { encoding: "utf8" }));
  const book = report.groups[0];
  const metric = (key) => book.metrics.find((m) => m.key === key);
  const nrr = metric("nrr");
  const grr = metric("grr");
  assert.equal(report.from.as_of, "2025-10-01");
  assert.equal(report.to.as_of, "2026-01-01");

  const headline = await text(session, "metrics-headline");
  assert.equal(headline, `NRR ${percent(nrr.value)}, GRR ${percent(grr.value)} for 2025-Q4`);
  assert.equal(await text(session, "metric-nrr-value"), percent(nrr.value));
  assert.equal(await text(session, "metric-grr-value"), percent(grr.value));
  // NRR >= GRR always (DOMAIN.md §5.1: NRR adds expansion to what GRR keeps).
  assert.ok(nrr.value >= grr.value);

  // How NRR is computed: the formula as used and every input with the CLI's value.
  await (await session.byTestId("metric-nrr")).click();
  await session.waitFor("the NRR formula view", async () => (await text(session, "formula-text")) === nrr.formula);
  assert.equal(await text(session, "formula-text"), "[(start ARR + expansion ARR) − (churned ARR + contraction ARR)] / start ARR");
  const inputs = await text(session, "formula-inputs");
  for (const [name, value] of nrr.inputs) {
    assert.ok(inputs.includes(name) && inputs.includes(value), `input ${name} = ${value} missing from ${inputs}`);
  }
  assert.match(await text(session, "formula-source"), /DOMAIN\.md §5\.1 NRR/);
  await saveScreenshot(session, "metrics-nrr-formula.png");

  // Per segment: the table lists the three ARR tiers under the whole book.
  await chooseOption(session, "group-by", "Segment (ARR tier)");
  await session.waitFor("the segment table", async () => (await text(session, "metrics-groups")).includes("Segment SMB"));
  const bySegment = JSON.parse(
    execFileSync(CLI, ["metrics", "--db", h.db, "--by", "segment", "--format", "json"], { encoding: "utf8" }),
  );
  const smb = bySegment.groups.find((g) => g.label === "Segment SMB");
  const smbNrr = smb.metrics.find((m) => m.key === "nrr").value;
  assert.ok((await text(session, "metrics-groups")).includes(percent(smbNrr)));
  await session.execute(`document.querySelector('[data-testid="metrics-trend"]').scrollIntoView();`);
  await saveScreenshot(session, "metrics-by-segment.png");
  await session.execute(`document.querySelector('[data-testid="warning-list"]').scrollIntoView({ block: "end" });`);
  await saveScreenshot(session, "metrics-early-warning.png");
});

test("a movements file imported through the open dialog is in the workspace file, as the CLI finds it", async (t) => {
  const h = harness(t);
  const session = await h.launch(await h.startDriver());
  await (await session.byTestId("nav-metrics")).click();
  await session.waitFor("the metrics headline", async () => (await text(session, "metrics-headline")).startsWith("NRR"));

  // Four movements of demo accounts in 2026-Q1 (the CLI's fixture): an upsell, a downgrade, a
  // churn and a new logo.
  const file = path.join(ROOT, "crates/cli/tests/fixtures/metrics_movements.csv");
  await (await session.byTestId("import-movements")).click();
  await pickFileInDialog("Import revenue movements", file);
  await session.waitFor("the movements note", async () => text(session, "movements-note").catch(() => ""));
  assert.equal(
    await text(session, "movements-note"),
    "Imported metrics_movements.csv: 4 movements, dated 2026-02-01 to 2026-03-10.",
  );
  await saveScreenshot(session, "metrics-movements.png");

  // The CLI importing the same file again replaces exactly the four rows the app wrote.
  const out = execFileSync(CLI, ["movements", "import", file, "--db", h.db], { encoding: "utf8" });
  assert.match(out, /: 4 movements, dated 2026-02-01 to 2026-03-10 \(replacing 4 from its last import\)\.\n$/);
});

test("a period measured from the last snapshot and the movements after it equals csplan metrics --movements", async (t) => {
  const h = harness(t);
  const session = await h.launch(await h.startDriver());
  await (await session.byTestId("nav-metrics")).click();
  await session.waitFor("the metrics headline", async () => (await text(session, "metrics-headline")).startsWith("NRR"));

  // Demo accounts in 2026-Q1, after the last snapshot (2026-01-01, $35,100,996.71): an upsell of
  // $500, a downgrade of $800, the churn of ACC-0000003 ($1,000) and a new logo of $4,000.
  const file = path.join(ROOT, "tests/e2e/fixtures/demo-movements-2026q1.csv");
  await (await session.byTestId("import-movements")).click();
  await pickFileInDialog("Import revenue movements", file);
  await session.waitFor("the movements note", async () => text(session, "movements-note").catch(() => ""));
  assert.equal(
    await text(session, "movements-note"),
    "Imported demo-movements-2026q1.csv: 4 movements, dated 2026-02-01 to 2026-03-10.",
  );

  // Measured from movements: From is the last snapshot, To the file's last movement.
  await chooseOption(session, "period-source", "A snapshot and the movements after it");
  await session.waitFor("the movements period", async () =>
    (await text(session, "metrics-headline")).endsWith("for 2026-01-01 to 2026-03-10"),
  );
  const period = JSON.parse(
    execFileSync(CLI, ["metrics", "--db", h.db, "--movements", "--period", "2026-01-01..2026-03-10", "--format", "json"], {
      encoding: "utf8",
    }),
  );
  const metric = (key) => period.book.metrics.find((m) => m.key === key);
  assert.equal(period.rows, 4);
  // DOMAIN.md §5.1 by hand: start $35,100,996.71, + $500 expansion, − $800 contraction, − $1,000
  // churn, + $4,000 new = $35,103,696.71 at the end.
  assert.equal(period.book.movements.starting_arr, 3_510_099_671);
  assert.equal(period.book.movements.ending_arr, 3_510_369_671);
  assert.equal(await text(session, "metrics-headline"),
    `NRR ${percent(metric("nrr").value)}, GRR ${percent(metric("grr").value)} for 2026-01-01 to 2026-03-10`);
  assert.equal(
    (await text(session, "metrics-period")).replace(/\s+/g, " "),
    `Snapshot End of 2025-Q4 (2026-01-01) and the 4 movements after it up to 2026-03-10, ${period.months} months: $35.1M → $35.1M ARR, 2000 → 2000 customers.`,
  );
  assert.equal(await text(session, "metric-logo_churn_rate-value"), percent(metric("logo_churn_rate").value));
  // $4,000 + $500 − $800 − $1,000 = $2,700 (DOMAIN.md §5.3 net new ARR).
  assert.equal(await text(session, "metric-net_new_arr-value"), "$2,700");

  // The formula view shows the CLI's GRR formula and every input with the CLI's value.
  await (await session.byTestId("metric-grr")).click();
  await session.waitFor("the GRR formula view", async () => (await text(session, "formula-text")) === metric("grr").formula);
  const inputs = await text(session, "formula-inputs");
  for (const [name, value] of metric("grr").inputs) {
    assert.ok(inputs.includes(name) && inputs.includes(value), `input ${name} = ${value} missing from ${inputs}`);
  }
  assert.ok(inputs.includes("$35,100,996.71"), inputs);
  // Health at the end is the last snapshot's (on or before 2026-03-10), by the workspace's cut-offs.
  const health = period.book.health;
  assert.ok((await text(session, "health-bands")).includes(String(health.green)));
  await saveScreenshot(session, "metrics-from-movements.png");

  // Per segment: each ARR tier of the starting snapshot, with the CLI's --by segment NRR; the new
  // logo had no tier at the start and counts in the whole book only.
  await chooseOption(session, "group-by", "Segment (ARR tier)");
  await session.waitFor("the segment table", async () => (await text(session, "metrics-groups").catch(() => "")).includes("Segment SMB"));
  const bySegment = JSON.parse(
    execFileSync(CLI, ["metrics", "--db", h.db, "--movements", "--period", "2026-01-01..2026-03-10", "--by", "segment", "--format", "json"], {
      encoding: "utf8",
    }),
  );
  assert.deepEqual(bySegment.groups.map((g) => g.label), ["Segment Enterprise", "Segment Mid-Market", "Segment SMB"]);
  const table = await text(session, "metrics-groups");
  for (const group of bySegment.groups) {
    const nrr = group.metrics.find((m) => m.key === "nrr").value;
    assert.ok(table.includes(`${group.label}`) && table.includes(percent(nrr)), `${group.label} NRR ${percent(nrr)} in ${table}`);
  }
  assert.equal(bySegment.groups.reduce((sum, g) => sum + g.movements.new, 0), 0);
  await session.execute(`document.querySelector('[data-testid="metrics-groups"]').scrollIntoView({ block: "center" });`);
  await saveScreenshot(session, "metrics-from-movements-by-segment.png");
});
