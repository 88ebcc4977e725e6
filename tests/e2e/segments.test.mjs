// WebDriver tests of the Segments page in the real app window. Each test gets a fresh demo
// workspace; the numbers the page must show come from `csplan segment --rules NAME --format
// json` on that same file, so the app and the CLI are checked against each other.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { before, test } from "node:test";

import { CLI, checkPrerequisites, harness, saveScreenshot, selectedOption } from "./helpers.mjs";

before(checkPrerequisites);

/** `csplan segment` on the workspace: per segment its accounts and ARR in dollars. */
function cliSegments(db, rules) {
  const out = execFileSync(CLI, ["segment", "--db", db, "--rules", rules, "--format", "json"], { encoding: "utf8" });
  return JSON.parse(out).map((r) => ({ segment: r.segment, accounts: r.accounts, arr: r.total_arr }));
}

/** "$1,234.56" to dollars. */
function dollars(text) {
  return Number(text.replace(/[$,]/g, ""));
}

/** The summary table as the page shows it now: segment, accounts, ARR in dollars. */
async function pageSegments(session) {
  const table = await session.byTestId("segment-summary");
  const rows = await session.findAll('[data-testid="segment-row"]', table);
  const out = [];
  for (const row of rows) {
    const name = (await (await session.findAll('[data-testid="segment-row-name"]', row))[0].text()).trim();
    const accounts = Number((await (await session.findAll('[data-testid="segment-row-accounts"]', row))[0].text()).replace(/,/g, ""));
    const arr = dollars((await (await session.findAll('[data-testid="segment-row-arr"]', row))[0].text()).trim());
    out.push({ segment: name, accounts, arr });
  }
  return out;
}

async function openSegments(session) {
  await (await session.byTestId("nav-segments")).click();
  await session.waitFor("the segments headline", async () => (await (await session.byTestId("segments-headline")).text()).trim());
}

async function waitStatus(session, status) {
  await session.waitFor(`rule-set status "${status}"`, async () => (await (await session.byTestId("rule-set-status")).text()).trim() === status);
}

async function replaceText(session, testId, text) {
  const input = await session.byTestId(testId);
  await input.clear();
  await input.type(text);
}

test("a. the Segments page shows the active rule set's segments as the CLI computes them", async (t) => {
  const h = harness(t);
  const session = await h.launch(await h.startDriver());
  await openSegments(session);
  const name = await selectedOption(session, "rule-set-select");
  assert.ok(name, "a rule set is open on launch");
  const expected = cliSegments(h.db, name);
  let shown;
  await session.waitFor("the summary to match `csplan segment`", async () => {
    shown = await pageSegments(session);
    return JSON.stringify(shown) === JSON.stringify(expected);
  }).catch((err) => {
    throw new Error(`${err.message}; page ${JSON.stringify(shown)} vs CLI ${JSON.stringify(expected)}`);
  });
  const headline = (await (await session.byTestId("segments-headline")).text()).trim();
  assert.match(headline, new RegExp(`^${expected.length} segments: `), headline);
  const total = expected.reduce((sum, s) => sum + s.accounts, 0);
  assert.equal(Number((await (await session.byTestId("segment-total-accounts")).text()).replace(/,/g, "")), total);
  await saveScreenshot(session, "segments.png");
  // The charts and the rule editor, further down the page.
  await session.execute('document.querySelector(\'[data-testid="chart-health"]\').scrollIntoView();');
  await saveScreenshot(session, "segments-charts.png");
});

test("b. a new rule moves accounts in the preview, and once saved the page equals the CLI", async (t) => {
  const h = harness(t);
  const session = await h.launch(await h.startDriver());
  await openSegments(session);

  // A new rule set starts with every account in its catch-all.
  const name = "E2E strategic";
  await (await session.byTestId("rule-set-new")).click();
  await replaceText(session, "rule-set-name-input", name);
  await (await session.byTestId("rule-set-name-confirm")).click();
  await session.waitFor(`rule set "${name}" open`, async () => (await selectedOption(session, "rule-set-select")) === name);
  const everyone = await pageSegments(session);
  assert.equal(everyone.length, 1, "one catch-all segment");
  const book = everyone[0].accounts;

  // "Strategic": ARR from $250,000.
  await (await session.byTestId("add-segment")).click();
  await replaceText(session, "segment-name-1", "Strategic");
  await replaceText(session, "condition-min", "250000");
  await waitStatus(session, "Unsaved changes");
  let preview;
  await session.waitFor("the move preview to name Strategic", async () => {
    preview = (await (await session.byTestId("move-list")).text()).trim();
    return /move[s]? from Everyone else to Strategic/.test(preview);
  });
  const shown = await session.waitFor("Strategic in the summary", async () => {
    const rows = await pageSegments(session);
    return rows.length === 2 && rows[0].segment === "Strategic" ? rows : null;
  });
  assert.ok(shown[0].accounts > 0 && shown[0].accounts < book, `Strategic holds some accounts: ${JSON.stringify(shown)}`);
  assert.equal(shown[0].accounts + shown[1].accounts, book, "every account lands in exactly one segment");
  const moved = Number((await (await session.byTestId("move-summary")).text()).match(/^([\d,]+) accounts/)[1].replace(/,/g, ""));
  assert.equal(moved, shown[0].accounts, "every Strategic account moved from the catch-all");
  const headcount = (await (await session.byTestId("headcount-summary")).text()).trim();
  assert.match(headcount, /^Headcount top-down [\d,]+ → [\d,]+ hires \([\d,.]+ → [\d,.]+ FTE\), bottom-up /, headcount);
  await saveScreenshot(session, "segments-preview.png");

  await (await session.byTestId("rules-save")).click();
  await waitStatus(session, "Saved");
  const expected = cliSegments(h.db, name);
  assert.deepEqual(await pageSegments(session), expected, "page vs `csplan segment --rules NAME`");
  assert.equal(expected[0].segment, "Strategic");
});
