// WebDriver tests of the Capacity page in the real app window (tauri-driver + WebKitWebDriver,
// run under Xvfb by scripts/test.sh). Each test gets its own fresh demo workspace; the numbers
// the page must show come from the `csplan` CLI run on that same workspace file, so the tests
// check that the app and the CLI agree instead of repeating hard-coded results.

import assert from "node:assert/strict";
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { before, test } from "node:test";

import {
  ROOT,
  checkPrerequisites,
  chooseOption,
  cliTotal,
  harness,
  inputNumber,
  openCapacity,
  optionTexts,
  pageTotals,
  saveAsNew,
  saveScreenshot,
  selectedOption,
  tableRow,
  typeNumber,
  waitForTopdown,
  waitSaved,
  waitScenarioInFile,
} from "./helpers.mjs";

before(checkPrerequisites);

test("a. the Capacity page shows the demo's headline and totals on launch", async (t) => {
  const h = harness(t);
  const session = await h.launch(await h.startDriver());
  await openCapacity(session);

  // The CLI starts from the same saved scenario the page has open.
  const scenario = await selectedOption(session, "scenario-select");
  assert.ok(scenario, "a scenario is selected on launch");
  const expected = cliTotal(h.db, ["--scenario", scenario]);
  const shown = await waitForTopdown(session, expected.headcount_topdown, `the CLI's Total for "${scenario}"`);
  assert.equal(shown.bottomup, expected.headcount_bottomup, "bottom-up total: page vs `csplan capacity`");
  assert.ok(shown.topdown > 0 && shown.bottomup > 0, `the demo needs CSMs: ${JSON.stringify(shown)}`);

  // The answer in large type names both numbers ("31 CSMs top-down, 27 bottom-up").
  const headline = await (await session.byTestId("capacity-headline")).text();
  assert.match(headline, new RegExp(`\\b${shown.topdown}\\b`), `headline ${JSON.stringify(headline)} names the top-down total`);
  assert.match(headline, new RegExp(`\\b${shown.bottomup}\\b`), `headline ${JSON.stringify(headline)} names the bottom-up total`);
  assert.ok((await (await session.byTestId("workspace-name")).text()).trim(), "the workspace is named at the top");

  const shot = await saveScreenshot(session, "capacity.png");
  // CSPLAN_UPDATE_SCREENSHOT=1 refreshes the README's screenshot from this run.
  if (process.env.CSPLAN_UPDATE_SCREENSHOT === "1") {
    mkdirSync(path.join(ROOT, "docs"), { recursive: true });
    copyFileSync(shot, path.join(ROOT, "docs", "screenshot.png"));
  }
});

test("b. changing ARR per CSM updates the top-down headcount to what the CLI computes", async (t) => {
  const h = harness(t);
  const session = await h.launch(await h.startDriver());
  await openCapacity(session);

  const scenario = await selectedOption(session, "scenario-select");
  assert.ok(scenario, "a scenario is selected on launch");
  const before = cliTotal(h.db, ["--scenario", scenario]);
  await waitForTopdown(session, before.headcount_topdown, "before the change");
  const expected = cliTotal(h.db, ["--scenario", scenario, "--arr-per-csm", "750000"]);
  // Otherwise the test could not tell an update from a page that ignored the input.
  assert.notEqual(expected.headcount_topdown, before.headcount_topdown, "halving ARR per CSM changes the CLI's top-down total");

  await typeNumber(session, "input-arr-per-csm", 750000);
  const shown = await waitForTopdown(session, expected.headcount_topdown, "`csplan capacity --arr-per-csm 750000`");
  assert.notEqual(shown.topdown, before.headcount_topdown);
  // ARR per CSM is a top-down input only.
  assert.equal(shown.bottomup, expected.headcount_bottomup, "bottom-up total: page vs CLI");
});

test("c. a scenario saved as new survives an app restart", async (t) => {
  const h = harness(t);
  const driver = await h.startDriver();
  const name = "E2E 900k per CSM";
  const arr = 900000;
  const otherArr = 1200000;

  let session = await h.launch(driver);
  await openCapacity(session);
  const original = await selectedOption(session, "scenario-select");
  assert.ok(original, "a scenario is selected on launch");
  const edited = cliTotal(h.db, ["--scenario", original, "--arr-per-csm", String(arr)]);
  await typeNumber(session, "input-arr-per-csm", arr);
  await waitForTopdown(session, edited.headcount_topdown, "after the edit");
  await saveAsNew(session, name);
  // Edits autosave into the current scenario, so the original also holds 900k now. Give it
  // another value, so that reading 900k back after the restart proves the saved one was loaded.
  await chooseOption(session, "scenario-select", original);
  const other = cliTotal(h.db, ["--scenario", original, "--arr-per-csm", String(otherArr)]);
  assert.notEqual(other.headcount_topdown, edited.headcount_topdown, "1.2M and 900k per CSM need different teams");
  await typeNumber(session, "input-arr-per-csm", otherArr);
  await waitSaved(session);
  await waitScenarioInFile(session, h.db, original, other.headcount_topdown);
  await session.end(); // the app exits

  // Restart on the same workspace file.
  session = await h.launch(driver);
  await openCapacity(session);
  const names = await optionTexts(session, "scenario-select");
  assert.ok(names.includes(name), `scenario-select lists the saved scenario: ${JSON.stringify(names)}`);
  assert.ok(names.includes(original), `the original scenario is still there: ${JSON.stringify(names)}`);

  // Start from the original, then select the saved scenario and read its inputs back.
  if ((await selectedOption(session, "scenario-select")) !== original) {
    await chooseOption(session, "scenario-select", original);
  }
  await session.waitFor(`the original scenario's ARR per CSM ${otherArr}`, async () => (await inputNumber(session, "input-arr-per-csm")) === otherArr);
  await chooseOption(session, "scenario-select", name);
  await session.waitFor(`ARR per CSM ${arr} read back`, async () => (await inputNumber(session, "input-arr-per-csm")) === arr);

  // The CLI reads the saved scenario from the database by name: what was saved is what is shown.
  const saved = cliTotal(h.db, ["--scenario", name]);
  assert.equal(saved.headcount_topdown, edited.headcount_topdown, "the saved scenario keeps the edited ARR per CSM");
  assert.notEqual(saved.headcount_topdown, cliTotal(h.db, ["--scenario", original]).headcount_topdown, "the two scenarios differ");
  const shown = await waitForTopdown(session, saved.headcount_topdown, `\`csplan capacity --scenario "${name}"\``);
  assert.equal(shown.bottomup, saved.headcount_bottomup);
});

test("d. comparing two scenarios shows a Total row", async (t) => {
  const h = harness(t);
  const session = await h.launch(await h.startDriver());
  await openCapacity(session);

  const original = await selectedOption(session, "scenario-select");
  const name = "E2E compare";
  // A copy of the original that differs in ARR per CSM (edits autosave into the current one).
  await saveAsNew(session, name);
  const edited = cliTotal(h.db, ["--scenario", name, "--arr-per-csm", "1000000"]);
  await typeNumber(session, "input-arr-per-csm", 1000000);
  await waitSaved(session);
  await waitScenarioInFile(session, h.db, name, edited.headcount_topdown);

  await chooseOption(session, "compare-select", original);
  const total = await tableRow(session, "compare-table", "Total");
  // The Total row shows both scenarios' top-down hires, as the CLI computes them from the file.
  const a = cliTotal(h.db, ["--scenario", name]).headcount_topdown;
  const b = cliTotal(h.db, ["--scenario", original]).headcount_topdown;
  assert.notEqual(a, b, "the two scenarios differ in top-down headcount");
  for (const n of [a, b]) {
    assert.ok(total.includes(String(n)), `Total row ${JSON.stringify(total)} shows top-down hires ${n}`);
  }
});

test("e. Save as new gives an unsaved edit to the new scenario only; the original keeps its saved inputs", async (t) => {
  const h = harness(t);
  const session = await h.launch(await h.startDriver());
  await openCapacity(session);

  const original = await selectedOption(session, "scenario-select");
  assert.ok(original, "a scenario is selected on launch");
  const before = cliTotal(h.db, ["--scenario", original]);
  await waitForTopdown(session, before.headcount_topdown, "before the edit");
  const arr = 900000;
  const edited = cliTotal(h.db, ["--scenario", original, "--arr-per-csm", String(arr)]);
  assert.notEqual(edited.headcount_topdown, before.headcount_topdown, "900k per CSM needs a different team");

  // The edit and "Save as new…" at once, as a quick person does: the edit is not saved yet.
  await session.execute(
    `const field = document.querySelector('[data-testid="input-arr-per-csm"]');
     field.value = arguments[0];
     field.dispatchEvent(new Event("input", { bubbles: true }));
     document.querySelector('[data-testid="scenario-save-as"]').click();`,
    [String(arr)],
  );
  const name = "E2E quick copy";
  const input = await session.byTestId("scenario-name-input");
  await input.clear();
  await input.type(name);
  // Typing a name takes a person longer than the autosave's 400 ms pause.
  await new Promise((resolve) => setTimeout(resolve, 800));
  await (await session.byTestId("scenario-name-confirm")).click();
  await session.waitFor(`scenario "${name}" to be selected`, async () => (await selectedOption(session, "scenario-select")) === name);
  await waitSaved(session);

  await waitScenarioInFile(session, h.db, name, edited.headcount_topdown);
  assert.equal(
    cliTotal(h.db, ["--scenario", original]).headcount_topdown,
    before.headcount_topdown,
    `"${original}" keeps the inputs it had saved`,
  );
  await chooseOption(session, "scenario-select", original);
  await session.waitFor(`"${original}" shows its saved ARR per CSM again`, async () => (await inputNumber(session, "input-arr-per-csm")) !== arr);
  await waitForTopdown(session, before.headcount_topdown, `"${original}" as saved`);
});
