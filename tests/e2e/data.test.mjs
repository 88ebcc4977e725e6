// WebDriver tests of the Data page's import in the real app window (tauri-driver +
// WebKitWebDriver, run under Xvfb by scripts/test.sh). The file is picked in the real GTK dialog
// (xdotool, helpers.mjs pickFileInDialog). Each test gets its own fresh demo workspace (2,000
// accounts, $35,100,996.71 ARR); the account count and ARR the page shows after each step must
// equal what `csplan capacity` reads from the same workspace file.

import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { before, test } from "node:test";

import { HERE, checkPrerequisites, cliTotal, harness, parseCount, pickFileInDialog, saveFileInDialog, saveScreenshot, selectedOption } from "./helpers.mjs";

before(checkPrerequisites);

/** Seven rows in a CRM's own headers: 3 valid (one updates the demo's ACC-0000001), 4 rejected. */
const FIXTURE = path.join(HERE, "fixtures", "accounts-with-errors.csv");
const PICK_TITLE = "Import accounts";

// What the page must list for the fixture: line (header = line 1), column, value, reason.
const EXPECTED_PROBLEMS = [
  ["4", "ARR", "twelve thousand", '"twelve thousand" is not a number (write an amount like 1200.50, $1,200.50 or 1.200,50 EUR)'],
  ["5", "Health Score", "140", "140 is outside 0 to 100"],
  ["6", "Contract Start", "2025-02-30", "2025-02-30 is not a real calendar date (impossible date)"],
  ["7", "Account ID", "ACC-0900001", "ACC-0900001 appears again (first on line 3); each account may appear once (duplicate account id)"],
];
// The same problems as the saved CSV (RFC 4180, CRLF, quoted where needed).
const EXPECTED_REPORT_CSV = [
  "line,column,value,reason",
  '4,ARR,twelve thousand,"""twelve thousand"" is not a number (write an amount like 1200.50, $1,200.50 or 1.200,50 EUR)"',
  "5,Health Score,140,140 is outside 0 to 100",
  "6,Contract Start,2025-02-30,2025-02-30 is not a real calendar date (impossible date)",
  "7,Account ID,ACC-0900001,ACC-0900001 appears again (first on line 3); each account may appear once (duplicate account id)",
  "",
].join("\r\n");

async function text(session, testId) {
  return (await (await session.byTestId(testId)).text()).trim();
}

async function openData(session) {
  await (await session.byTestId("nav-data")).click();
  await session.waitFor("the data headline", async () => text(session, "data-headline").catch(() => ""));
}

/** The cells of every body row of a table test id; cells one by one (WebKit joins a row's text). */
async function bodyRows(session, testId) {
  const rows = [];
  for (const row of await session.findAll("tbody tr", await session.byTestId(testId))) {
    const cells = await session.findAll("td", row);
    rows.push(await Promise.all(cells.map(async (c) => (await c.text()).trim())));
  }
  return rows;
}

/** Waits until the page and the CLI both show `accounts` accounts and `arr` (dollars) ARR. */
async function waitBook(session, db, accounts, arrText, why) {
  await session.waitFor(`${accounts} accounts on the page (${why})`, async () => parseCount(await text(session, "data-accounts")) === accounts);
  assert.equal(await text(session, "data-arr"), arrText, `total ARR on the page (${why})`);
  const cli = cliTotal(db);
  assert.equal(cli.accounts, accounts, `csplan capacity counts the same accounts (${why})`);
  assert.equal(`$${cli.total_arr.toLocaleString("en-US", { minimumFractionDigits: 2 })}`, arrText, `csplan capacity's ARR (${why})`);
}

test("a. a file with errors: the report, the valid rows imported, the CLI agrees, undo restores the book", async (t) => {
  const h = harness(t);
  const out = mkdtempSync(path.join(tmpdir(), "csplan-report-"));
  t.after(() => rmSync(out, { recursive: true, force: true }));
  const session = await h.launch(await h.startDriver());
  await openData(session);
  await waitBook(session, h.db, 2000, "$35,100,996.71", "the demo workspace");

  await (await session.byTestId("import-pick")).click();
  await pickFileInDialog(PICK_TITLE, FIXTURE);
  await session.waitFor("the import preview", async () => text(session, "import-run").catch(() => ""));

  // The CRM's headers are matched to the fields; the extra column is kept for segment rules.
  assert.equal(await selectedOption(session, "mapping-0"), "Account ID (required)");
  assert.equal(await selectedOption(session, "mapping-2"), "ARR (required)");
  assert.equal(await selectedOption(session, "mapping-14"), "CSM");
  assert.equal(await selectedOption(session, "mapping-16"), "Keep as custom field");

  // Every problem with its physical line (header = line 1), column, value and reason.
  assert.deepEqual(await bodyRows(session, "import-problems"), EXPECTED_PROBLEMS);
  assert.equal(await text(session, "import-run"), "Import 3 valid rows (skip 4)");
  await saveScreenshot(session, "data-preview.png");

  // The full report as CSV, saved through the real save dialog.
  const reportFile = path.join(out, "problems.csv");
  await (await session.byTestId("import-report-save")).click();
  await saveFileInDialog("Save the import report", reportFile);
  await session.waitFor("the saved report", async () => text(session, "import-report-saved").catch(() => ""));
  assert.equal(readFileSync(reportFile, "utf8"), EXPECTED_REPORT_CSV);

  await (await session.byTestId("import-run")).click();
  await session.waitFor("the import outcome", async () => text(session, "import-added").catch(() => ""));
  assert.deepEqual(
    [await text(session, "import-added"), await text(session, "import-updated"), await text(session, "import-rejected")],
    ["2", "1", "4"],
  );
  // 2,000 + 2 added; ARR + $1,940.51 (ACC-0000001: $13,059.49 -> $15,000.00) + $48,250.50 + $31,000.00.
  await waitBook(session, h.db, 2002, "$35,182,187.72", "after the import");
  const [latest] = await bodyRows(session, "import-history");
  assert.deepEqual([latest[0], ...latest.slice(2)], ["accounts-with-errors.csv", "2", "1", "4", "In place"]);
  await saveScreenshot(session, "data-imported.png");

  await (await session.byTestId("import-undo")).click();
  await (await session.byTestId("import-undo-confirm")).click();
  await session.waitFor("the undo notice", async () => (await text(session, "import-notice").catch(() => "")).startsWith("Undid"));
  assert.equal(
    await text(session, "import-notice"),
    "Undid the import of accounts-with-errors.csv: 2 added accounts removed, 1 updated account restored.",
  );
  await waitBook(session, h.db, 2000, "$35,100,996.71", "after the undo");
  await saveScreenshot(session, "data-undone.png");

  // The next export of the same kind opens with the mapping the import used, and says so.
  await (await session.byTestId("import-pick")).click();
  await pickFileInDialog(PICK_TITLE, FIXTURE);
  await session.waitFor("the second preview", async () => text(session, "import-run").catch(() => ""));
  assert.equal(await text(session, "import-origin"), "The mapping you used the last time you imported this export was applied.");
});

test("b. a long import shows its progress and Cancel writes nothing", async (t) => {
  const h = harness(t);
  const dir = mkdtempSync(path.join(tmpdir(), "csplan-big-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // 300,000 valid accounts: long enough in a debug build to be cancelled mid-way.
  const big = path.join(dir, "big-export.csv");
  const header = readFileSync(FIXTURE, "utf8").split("\n")[0];
  const lines = [header];
  for (let i = 1; i <= 300_000; i++) {
    const id = `ACC-${String(2_000_000 + i).padStart(7, "0")}`;
    lines.push(`${id},Company ${i},"$${(1000 + (i % 5000)).toFixed(2)}",50,Software,NA,Growth,2025-01-15,2026-01-15,adoption,70,8,10,12,,ideal,`);
  }
  writeFileSync(big, lines.join("\n") + "\n");

  const session = await h.launch(await h.startDriver());
  await openData(session);
  await (await session.byTestId("import-pick")).click();
  await pickFileInDialog(PICK_TITLE, big);
  await session.waitFor("the preview of the big file", async () => text(session, "import-run").catch(() => ""), 120_000);
  assert.equal(await text(session, "import-run"), "Import 300,000 accounts");

  await (await session.byTestId("import-run")).click();
  const progress = await session.waitFor("the progress line", async () => {
    const line = await text(session, "import-progress").catch(() => "");
    return /Importing… [1-9][\d,]* of 300,000 rows/.test(line) ? line : null;
  });
  assert.ok(parseCount(progress.match(/([\d,]+) of/)[1]) < 300_000, `cancelled before the end: ${progress}`);
  await saveScreenshot(session, "data-progress.png");
  await (await session.byTestId("import-cancel")).click();
  await session.waitFor("the cancel notice", async () => text(session, "import-notice").catch(() => ""), 60_000);
  assert.equal(await text(session, "import-notice"), "Import cancelled. Nothing was written: the workspace is as it was.");
  await waitBook(session, h.db, 2000, "$35,100,996.71", "after the cancel");
});
