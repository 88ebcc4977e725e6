// WebDriver tests of the Plan page (the capacity plan over time, issue #4) in the real app window.
// Each test gets its own fresh demo workspace; the dates and headcounts the page must show come
// from `csplan plan` run on the same workspace file, so the tests check that the app and the CLI
// agree instead of repeating hard-coded results.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { before, test } from "node:test";

import { CLI, checkPrerequisites, chooseOption, harness, inputNumber, saveScreenshot, selectedOption, typeNumber, waitSaved } from "./helpers.mjs";

before(checkPrerequisites);

/** `csplan plan --format json` on the workspace (no bands: the calendar does not depend on them). */
function cliPlan(db, scenario) {
  const out = execFileSync(CLI, ["plan", "--db", db, "--scenario", scenario, "--trials", "0", "--format", "json"], { encoding: "utf8" });
  return JSON.parse(out).forecast;
}

/** The CLI's hire-by calendar as the page's rows show it: requisition, start, fully ramped. */
function cliCalendar(forecast) {
  return forecast.hires.map((h) => [`${h.segment} #${h.number}`, h.requisition_open, h.start, h.fully_ramped]);
}

async function openPlan(session) {
  await (await session.byTestId("nav-plan")).click();
  await session.waitFor("the plan headline", async () => (await (await session.byTestId("plan-headline")).text()).trim());
}

/** The page's hire-by calendar: hire, requisition, start, fully ramped per row. */
async function pageCalendar(session) {
  const rows = await session.findAll("tbody tr", await session.byTestId("hire-calendar"));
  const out = [];
  for (const row of rows) {
    const cells = await session.findAll("th, td", row);
    const text = await Promise.all(cells.map(async (c) => (await c.text()).trim()));
    out.push([text[0], text[2], text[3], text[4]]);
  }
  return out;
}

async function waitForCalendar(session, expected, why) {
  let shown;
  try {
    await session.waitFor(`the hire-by calendar ${why}`, async () => {
      shown = await pageCalendar(session);
      return JSON.stringify(shown) === JSON.stringify(expected);
    });
  } catch (err) {
    throw new Error(`${err.message}; the page shows ${JSON.stringify(shown?.slice(0, 4))}, the CLI ${JSON.stringify(expected.slice(0, 4))}`);
  }
  return shown;
}

test("a. the Plan page answers with the CLI's headline and hire-by calendar", async (t) => {
  const h = harness(t);
  const session = await h.launch(await h.startDriver());
  await openPlan(session);
  const scenario = await selectedOption(session, "scenario-select");
  assert.equal(scenario, "Base plan", "the demo opens on its Base plan");

  const expected = cliPlan(h.db, scenario);
  const headline = (await (await session.byTestId("plan-headline")).text()).trim();
  assert.equal(headline, expected.headline, "headline: page vs `csplan plan`");
  assert.ok(expected.hires.length > 0, "the demo's plan hires");
  await waitForCalendar(session, cliCalendar(expected), "of `csplan plan`");
  // The hire-by chart draws late requisitions on their real dates and counts them as the CLI does.
  const late = expected.hires.filter((hire) => hire.late_by_days > 0).length;
  const chart = await session.execute("return document.querySelector('[data-testid=\"chart-hires\"] svg').textContent;", []);
  if (late > 0) assert.match(chart, new RegExp(`; ${late} late`), `the hire chart counts the CLI's ${late} late hires: ${chart}`);
  else assert.doesNotMatch(chart, /late/, `no hire is late, and the chart says none is: ${chart}`);
  const last = expected.totals.at(-1);
  assert.equal(Number((await (await session.byTestId("kpi-required")).text()).trim()), last.team.required_headcount);

  // The risk bands finish off the window's thread and say which seed they used.
  await session.waitFor("the risk bands", async () => (await (await session.byTestId("bands-status")).text()).includes("seed 20270101"));
  await saveScreenshot(session, "plan.png");
  // The calendar, the charts and the growth grid below the fold, for a look at the whole page.
  for (const [i, at] of [1, 2, 3, 4].entries()) {
    await session.execute(`document.querySelector("main").scrollTop = ${at * 700};`);
    await saveScreenshot(session, `plan-${i + 2}.png`);
  }
});

test("b. a longer lead time moves the requisitions to the dates the CLI prints for the saved plan", async (t) => {
  const h = harness(t);
  const session = await h.launch(await h.startDriver());
  await openPlan(session);
  const scenario = await selectedOption(session, "scenario-select");
  const before = cliCalendar(cliPlan(h.db, scenario));
  await waitForCalendar(session, before, "before the change");

  await typeNumber(session, "input-lead-time", 150);
  await waitSaved(session);
  // The CLI reads the plan the page saved, so it computes with the new lead time too.
  const after = cliCalendar(cliPlan(h.db, scenario));
  assert.notDeepEqual(after, before, "150 days of lead time open the requisitions earlier than 90");
  await waitForCalendar(session, after, "after the lead time became 150 days");
  assert.ok(after[0][1] < before[0][1], `the first requisition opens earlier: ${after[0][1]} vs ${before[0][1]}`);
  await saveScreenshot(session, "plan-lead-time.png");
});

test("c. more new logos a quarter raise the CSMs needed to what the CLI computes for the saved plan", async (t) => {
  const h = harness(t);
  const session = await h.launch(await h.startDriver());
  await openPlan(session);
  const scenario = await selectedOption(session, "scenario-select");
  const before = cliPlan(h.db, scenario).totals.at(-1).team.required_headcount;

  // The Enterprise segment wins 2 new logos a quarter in the demo; make it 12.
  await typeNumber(session, "growth-enterprise-new-logos", 12);
  await waitSaved(session);
  const after = cliPlan(h.db, scenario);
  const expected = after.totals.at(-1).team.required_headcount;
  assert.ok(expected > before, `12 new Enterprise logos a quarter need more CSMs: ${expected} vs ${before}`);
  await session.waitFor(`the CSMs needed by the last quarter to be ${expected}`, async () =>
    Number((await (await session.byTestId("kpi-required")).text()).trim()) === expected);
  const headline = (await (await session.byTestId("plan-headline")).text()).trim();
  assert.equal(headline, after.headline, "headline: page vs `csplan plan` after the edit");
});

test("d. Save as new gives an unsaved edit to the new plan only; the original keeps its saved inputs", async (t) => {
  const h = harness(t);
  const session = await h.launch(await h.startDriver());
  await openPlan(session);
  const original = await selectedOption(session, "scenario-select");
  assert.ok(original, "a plan is selected on launch");
  const before = cliCalendar(cliPlan(h.db, original));
  await waitForCalendar(session, before, "before the edit");
  const savedLead = await inputNumber(session, "input-lead-time");
  const lead = 150;
  assert.notEqual(savedLead, lead, "the demo's plan does not already wait 150 days");

  // The edit and "Save as new…" at once, as a quick person does: the edit is not saved yet.
  await session.execute(
    `const field = document.querySelector('[data-testid="input-lead-time"]');
     field.value = arguments[0];
     field.dispatchEvent(new Event("input", { bubbles: true }));
     document.querySelector('[data-testid="scenario-save-as"]').click();`,
    [String(lead)],
  );
  const name = "E2E quick copy";
  const input = await session.byTestId("scenario-name-input");
  await input.clear();
  await input.type(name);
  // Typing a name takes a person longer than the autosave's 400 ms pause.
  await new Promise((resolve) => setTimeout(resolve, 800));
  await (await session.byTestId("scenario-name-confirm")).click();
  await session.waitFor(`plan "${name}" to be selected`, async () => (await selectedOption(session, "scenario-select")) === name);
  await waitSaved(session);

  // The CLI reads the new plan with the 150 days of lead time, and the original as it was saved.
  const copied = cliCalendar(cliPlan(h.db, name));
  assert.notDeepEqual(copied, before, "150 days of lead time open the requisitions earlier than the saved plan");
  await waitForCalendar(session, copied, `of "${name}" as the CLI reads it`);
  assert.deepEqual(cliCalendar(cliPlan(h.db, original)), before, `"${original}" keeps the inputs it had saved`);
  await chooseOption(session, "scenario-select", original);
  await session.waitFor(`"${original}" shows its saved lead time again`, async () => (await inputNumber(session, "input-lead-time")) === savedLead);
  await waitForCalendar(session, before, `of "${original}" as saved`);
});
