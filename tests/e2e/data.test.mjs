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

import { execFileSync } from "node:child_process";

import {
  CLI,
  HERE,
  checkPrerequisites,
  chooseOption,
  cliTotal,
  harness,
  parseCount,
  pickFileInDialog,
  saveFileInDialog,
  saveScreenshot,
  selectedOption,
} from "./helpers.mjs";

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

// An export whose id, ARR and dates sit under names the detection does not know, with an "ARR"
// column that is not the contract value: A-1 $5,000.00 and A-2 $7,000.50.
const ACME = [
  "Customer Ref,Company,Contract Value,Region,Plan,Start,End,Stage,Health,Users,Seats,Fit,ARR",
  "A-1,One,5000,NA,Growth,2024-01-01,2026-01-01,adoption,50,10,12,ideal,1000",
  "A-2,Two,7000.50,EMEA,Professional,2024-02-01,2026-02-01,onboarding,70,5,5,stretch,2000",
  "",
].join("\n");
// The next export of the same source: its columns in another order, two other accounts (B-1
// $300.00, B-2 $450.25).
const ACME_SHUFFLED = [
  "ARR,Fit,Seats,Users,Health,Stage,End,Start,Plan,Region,Contract Value,Company,Customer Ref",
  "99,ideal,3,3,80,adoption,2026-03-01,2024-03-01,Starter,APAC,300,Three,B-1",
  "98,bad,4,2,20,renewal,2026-04-01,2024-04-01,Starter,NA,450.25,Four,B-2",
  "",
].join("\n");

/** Waits until no preview is being read (the card is marked stale while one runs). */
async function waitPreviewed(session, why) {
  await session.waitFor(`the preview ${why}`, async () =>
    session.execute("const c = document.querySelector('[data-testid=\"import-preview\"]'); return c !== null && !c.classList.contains('stale');"),
  );
}

test("c. a mapping saved under a name reads the next export with shuffled columns; the CLI imports the same", async (t) => {
  const h = harness(t);
  const dir = mkdtempSync(path.join(tmpdir(), "csplan-mapping-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const first = path.join(dir, "acme.csv");
  const second = path.join(dir, "acme-next.csv");
  writeFileSync(first, ACME);
  writeFileSync(second, ACME_SHUFFLED);

  const session = await h.launch(await h.startDriver());
  await openData(session);
  await (await session.byTestId("import-pick")).click();
  await pickFileInDialog(PICK_TITLE, first);
  await session.waitFor("the first preview", async () => text(session, "import-blocked").catch(() => ""));
  assert.equal(
    await text(session, "import-blocked"),
    "Choose the column that holds Account ID and Contract start and Renewal date before importing.",
  );
  // Required fields unmapped: the file's rows and each column's examples are shown all the same,
  // read from the file, for the person to map the columns by their values.
  assert.match(await session.execute("return document.querySelector('.import .facts').textContent.replace(/\\s+/g, ' ');"), /· 2 rows · 13 columns/);
  const examples = await session.execute("return [...document.querySelectorAll('[data-testid=\"import-mapping\"] .examples')].map((c) => c.textContent.trim());");
  assert.deepEqual(examples.slice(0, 3), ["A-1 · A-2", "One · Two", "5000 · 7000.50"]);
  assert.equal(await session.execute("return document.querySelector('.sample summary').textContent;"), "The first 2 rows as they are in the file");
  await saveScreenshot(session, "data-mapping-unmapped.png");
  // The person maps the columns the detection missed, and moves ARR to the contract value: the
  // "ARR" column then keeps its values as a custom field on its own (the store's rule, as
  // `--map "Contract Value=arr"` below), said beside it.
  const choices = [
    [0, "Account ID (required)"],
    [2, "ARR (required)"],
    [5, "Contract start (required)"],
    [6, "Renewal date (required)"],
  ];
  for (const [index, option] of choices) {
    await chooseOption(session, `mapping-${index}`, option);
    await waitPreviewed(session, `with column ${index} as ${option}`);
    if (index === 2) {
      assert.equal(await selectedOption(session, "mapping-12"), "Keep as custom field");
      assert.equal(
        await text(session, "mapping-moved-12"),
        "Was ARR: “Contract Value” gives ARR now, so this column is kept as a custom field",
      );
      await session.execute(`document.querySelector('[data-testid="mapping-12"]').scrollIntoView({ block: "center" });`);
      await saveScreenshot(session, "data-mapping-moved.png");
    }
  }
  assert.equal(await text(session, "import-run"), "Import 2 accounts");
  const name = await session.byTestId("mapping-name");
  await name.type("Acme CRM");
  await saveScreenshot(session, "data-mapping-named.png");
  await (await session.byTestId("import-run")).click();
  await session.waitFor("the first outcome", async () => text(session, "import-added").catch(() => ""));
  assert.equal(await text(session, "import-added"), "2");
  assert.match(await text(session, "import-saved-under"), /^The mapping is saved as “Acme CRM”/);
  // 2,000 + 2 accounts; ARR + $5,000.00 + $7,000.50 (not the "ARR" column's $3,000).
  await waitBook(session, h.db, 2002, "$35,112,997.21", "after the first export");
  await (await session.byTestId("import-done")).click();

  // The next export: other column order, so nothing is remembered for its headers; the saved
  // mapping is picked by its name.
  await (await session.byTestId("import-pick")).click();
  await pickFileInDialog(PICK_TITLE, second);
  await session.waitFor("the second preview", async () => text(session, "import-blocked").catch(() => ""));
  const [saved] = await bodyRows(session, "saved-mappings");
  assert.deepEqual(saved.slice(0, 2), ["Acme CRM", "13 columns: Customer Ref, Company, Contract Value, +10 more"]);
  await (await session.byTestId("saved-mapping-use")).click();
  await session.waitFor("the saved mapping applied", async () =>
    (await text(session, "import-origin")) === "Your saved mapping “Acme CRM” was applied to this export.",
  );
  await waitPreviewed(session, "with the saved mapping");
  assert.equal(await selectedOption(session, "mapping-12"), "Account ID (required)");
  assert.equal(await selectedOption(session, "mapping-10"), "ARR (required)");
  assert.equal(await selectedOption(session, "mapping-0"), "Keep as custom field");
  assert.equal(await session.execute("return arguments[0].value;", [await session.byTestId("mapping-name")]), "Acme CRM");
  assert.equal(await text(session, "import-run"), "Import 2 accounts");
  await saveScreenshot(session, "data-mapping-applied.png");
  await (await session.byTestId("import-run")).click();
  await session.waitFor("the second outcome", async () => text(session, "import-added").catch(() => ""));
  // + B-1 $300.00 + B-2 $450.25.
  await waitBook(session, h.db, 2004, "$35,113,747.46", "after the shuffled export");

  // The CLI, given the same files (--map for the first, the name for the second), reaches the
  // same book on its own demo workspace.
  const cliDb = path.join(dir, "cli.db");
  execFileSync(CLI, ["demo", "--db", cliDb]);
  execFileSync(CLI, ["import", "accounts", first, "--db", cliDb, "--mapping", "Acme CRM",
    "--map", "Customer Ref=account_id", "--map", "Contract Value=arr", "--map", "Start=contract_start", "--map", "End=renewal_date"]);
  execFileSync(CLI, ["import", "accounts", second, "--db", cliDb, "--mapping", "Acme CRM"]);
  const [app, cli] = [cliTotal(h.db), cliTotal(cliDb)];
  assert.deepEqual([cli.accounts, cli.total_arr], [2004, 35_113_747.46]);
  assert.deepEqual([app.accounts, app.total_arr], [cli.accounts, cli.total_arr]);
});
