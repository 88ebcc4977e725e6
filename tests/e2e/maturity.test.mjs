// WebDriver test of the Maturity page in the real app window (tauri-driver + WebKitWebDriver,
// run under Xvfb by scripts/test.sh). Two leaders answer the 9 questions by clicking the level
// cards; the results table, the disagreement markers, the radar and the action plan must show
// what the answers imply under DOMAIN.md §4.1 (CS Plan's convention Poor = 1, Average = 2,
// Excellent = 3; consensus = median, spread = highest - lowest), and the answers must survive
// a restart of the app on the same workspace file.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { before, test } from "node:test";

import { CLI, checkPrerequisites, chooseOption, harness, saveScreenshot, selectedOption, tableRow } from "./helpers.mjs";

before(checkPrerequisites);

const POINTS = { poor: 1, average: 2, excellent: 3 };
const LABEL = { poor: "Poor", average: "Average", excellent: "Excellent" };
const LETTER = { poor: "P", average: "A", excellent: "E" };

// Questions 1-9. The two leaders differ on Q1 (Poor vs Excellent), Q4, Q7 and Q9, and agree on
// the others; Q3 is Excellent for both, so it is the one question the action plan leaves out.
const LEADERS = [
  { name: "Ann Lee", role: "CEO", levels: ["poor", "average", "excellent", "average", "poor", "average", "excellent", "average", "poor"] },
  { name: "Ben Ortiz", role: "CFO", levels: ["excellent", "average", "excellent", "poor", "poor", "average", "average", "average", "average"] },
];

/** The median of two answers (DOMAIN.md §4.1 scoring: the mean of the middle two), and its level at or below. */
function expected(question) {
  const points = LEADERS.map((l) => POINTS[l.levels[question - 1]]).sort();
  const consensus = (points[0] + points[1]) / 2;
  const level = consensus >= 3 ? "excellent" : consensus >= 2 ? "average" : "poor";
  return { consensus, level, spread: points[1] - points[0], disagree: points[0] !== points[1] };
}

async function text(session, testId) {
  return (await (await session.byTestId(testId)).text()).trim();
}

async function openMaturity(session) {
  await (await session.byTestId("nav-maturity")).click();
  await session.waitFor("the maturity headline", async () => text(session, "maturity-headline"));
}

async function waitSaved(session) {
  await session.waitFor('maturity-save-status "Saved"', async () => (await text(session, "maturity-save-status")) === "Saved");
}

/** Fills an in-page dialog's text field as a user would. */
async function fill(session, testId, value) {
  const input = await session.byTestId(testId);
  await input.clear();
  await input.type(value);
}

async function showTab(session, tab) {
  await (await session.byTestId(`maturity-tab-${tab}`)).click();
  await session.waitFor(`the ${tab} tab`, async () =>
    (await session.execute(`return document.querySelector('[data-testid="maturity-tab-${tab}"]')?.getAttribute('aria-selected') ?? null;`)) === "true",
  );
}

/** Whether the level card of question `n` at `level` is the chosen one. */
async function isChosen(session, n, level) {
  return (await session.execute(`return document.querySelector('[data-testid="level-${n}-${level}"]')?.getAttribute('aria-checked') ?? null;`)) === "true";
}

test("two leaders answer the 9 questions; the results, disagreements, radar and action plan follow, and survive a restart", async (t) => {
  const h = harness(t);
  const driver = await h.startDriver();
  let session = await h.launch(driver);
  await openMaturity(session);

  // A new dated assessment, created in the page's own dialog.
  const name = "E2E executive team";
  await (await session.byTestId("assessment-new")).click();
  await fill(session, "assessment-name-input", name);
  const date = await (await session.byTestId("assessment-date-input")).property("value");
  assert.match(date, /^\d{4}-\d{2}-\d{2}$/, "the new assessment is dated today by default");
  await (await session.byTestId("assessment-confirm")).click();
  const option = `${name} · ${date}`;
  await session.waitFor(`assessment "${option}" selected`, async () => (await selectedOption(session, "assessment-select")) === option);

  for (const leader of LEADERS) {
    await (await session.byTestId("respondent-add")).click();
    await fill(session, "respondent-name-input", leader.name);
    await fill(session, "respondent-role-input", leader.role);
    await (await session.byTestId("respondent-add-confirm")).click();
    await session.waitFor(`${leader.name} in the leaders list`, async () =>
      (await session.execute("return document.querySelector('.respondents')?.innerText ?? '';")).includes(leader.name),
    );
  }

  await showTab(session, "answer");
  for (const leader of LEADERS) {
    await chooseOption(session, "respondent-select", `${leader.name} (${leader.role})`);
    for (const [i, level] of leader.levels.entries()) {
      const n = i + 1;
      await (await session.byTestId(`level-${n}-${level}`)).click();
      await session.waitFor(`${leader.name}'s Q${n} at ${level}`, () => isChosen(session, n, level));
    }
    await waitSaved(session);
  }
  await saveScreenshot(session, "maturity-answer.png");

  await showTab(session, "results");
  await assertResults(session);
  await saveScreenshot(session, "maturity-results.png");

  // The workspace file itself holds every answer, as the CLI reads it: saved as chosen.
  const report = JSON.parse(execFileSync(CLI, ["maturity", "report", "--db", h.db, "--assessment", name, "--format", "json"], { encoding: "utf8" }));
  const inFile = Object.fromEntries(report.respondents.map((r) => [r.name, r.answers.map((a) => a.level)]));
  for (const leader of LEADERS) {
    assert.deepEqual(inFile[leader.name], leader.levels, `${leader.name}'s answers in ${h.db} (csplan maturity report)`);
  }

  // Restart on the same workspace file.
  await session.end();
  session = await h.launch(driver);
  await openMaturity(session);
  if ((await selectedOption(session, "assessment-select")) !== option) {
    await chooseOption(session, "assessment-select", option);
  }
  await showTab(session, "results");
  await assertResults(session);
  await showTab(session, "answer");
  await chooseOption(session, "respondent-select", `${LEADERS[0].name} (${LEADERS[0].role})`);
  await session.waitFor("Ann's Q1 still Poor after the restart", () => isChosen(session, 1, LEADERS[0].levels[0]));
});

async function assertResults(session) {
  // The hand-computed case: Poor (1) and Excellent (3) have the median 2.0, Average, spread 2.
  const q1 = expected(1);
  assert.deepEqual([q1.consensus, q1.level, q1.spread], [2, "average", 2]);

  for (let n = 1; n <= 9; n++) {
    const row = await tableRow(session, "maturity-results", `Q${n}`);
    const want = expected(n);
    // Cells: number, heading, one chip per leader, consensus, spread, agreement.
    const chips = row.slice(2, 2 + LEADERS.length);
    assert.deepEqual(chips, LEADERS.map((l) => LETTER[l.levels[n - 1]]), `Q${n}: each leader's level in ${JSON.stringify(row)}`);
    const consensus = row[2 + LEADERS.length];
    assert.ok(consensus.includes(want.consensus.toFixed(1)), `Q${n}: consensus ${want.consensus.toFixed(1)} in ${JSON.stringify(consensus)}`);
    assert.ok(consensus.includes(LABEL[want.level]), `Q${n}: consensus level ${LABEL[want.level]} in ${JSON.stringify(consensus)}`);
    assert.equal(row[3 + LEADERS.length], String(want.spread), `Q${n}: spread`);
    const markers = await session.findAll(`[data-testid="disagree-${n}"]`);
    assert.equal(markers.length, want.disagree ? 1 : 0, `Q${n}: the "leaders disagree" marker ${want.disagree ? "shows" : "does not show"}`);
  }

  const radar = await session.byTestId("maturity-radar");
  assert.equal((await session.findAll("svg", radar)).length, 1, "the radar chart is drawn");

  const plan = await session.byTestId("action-plan");
  const items = await session.findAll('li[data-testid^="action-"]', plan);
  const listed = await Promise.all(items.map(async (li) => (await session.execute("return arguments[0].dataset.testid;", [li])).replace("action-", "")));
  const below = [1, 2, 3, 4, 5, 6, 7, 8, 9].filter((n) => expected(n).level !== "excellent");
  assert.deepEqual(listed.map(Number), below, "the action plan lists every question below Excellent, in order");

  // The answer in large type: the mean of the 9 consensus values and the disagreements.
  const headline = await text(session, "maturity-headline");
  const all = [1, 2, 3, 4, 5, 6, 7, 8, 9].map(expected);
  const overall = (all.reduce((sum, q) => sum + q.consensus, 0) / all.length).toFixed(1);
  const disagreeing = all.filter((q) => q.disagree).length;
  assert.ok(headline.includes(`(${overall} of 3)`), `headline ${JSON.stringify(headline)} names the overall ${overall}`);
  assert.ok(headline.includes(`${disagreeing} questions where leaders disagree`), `headline ${JSON.stringify(headline)} names ${disagreeing} disagreements`);
}
