// WebDriver tests of the Segments page in the real app window. Each test gets a fresh demo
// workspace; the numbers the page must show come from `csplan segment --rules NAME --format
// json` on that same file, and its exports from `csplan export segments`, so the app and the
// CLI are checked against each other.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { before, test } from "node:test";
import { inflateRawSync } from "node:zlib";

import { CLI, checkPrerequisites, harness, saveFileInDialog, saveScreenshot, selectedOption, typeNumber } from "./helpers.mjs";

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

/** The files inside a zip (an XLSX workbook), by name: read from its central directory, each
 * stored or deflated (the two methods rust_xlsxwriter uses). */
function zipEntries(bytes) {
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end -= 1;
  assert.ok(end >= 0, "a zip's end-of-directory record");
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    assert.equal(bytes.readUInt32LE(at), 0x02014b50, "a central directory entry");
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.toString("utf8", at + 46, at + 46 + nameLength);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + skip;
  }
  return entries;
}

/** `csplan export segments` on the workspace into `out`. */
function cliExport(db, rules, out, args) {
  execFileSync(CLI, ["export", "segments", "--db", db, "--rules", rules, ...args, "--out", out], { stdio: "pipe" });
  return readFileSync(out);
}

async function noticeText(session) {
  return (await (await session.findAll(".notice"))[0]?.text())?.trim() ?? "";
}

test("c. Export segments saves through the save dialog the very files `csplan export segments` writes, and the Total row is the CLI's", async (t) => {
  const h = harness(t);
  const out = mkdtempSync(path.join(tmpdir(), "csplan-segments-export-"));
  t.after(() => rmSync(out, { recursive: true, force: true }));
  const session = await h.launch(await h.startDriver());
  await openSegments(session);
  const name = await selectedOption(session, "rule-set-select");
  const expected = cliSegments(h.db, name);
  await session.waitFor("the summary to match `csplan segment`", async () => JSON.stringify(await pageSegments(session)) === JSON.stringify(expected));

  // The Total row is the domain's book total; the CLI's table prints the same one.
  const table = execFileSync(CLI, ["segment", "--db", h.db, "--rules", name, "--format", "table"], { encoding: "utf8" });
  const cliTotal = table.split("\n").find((l) => /\bTotal\b/.test(l)).split(/[│┆|]/).map((c) => c.trim()).filter((c) => c !== "");
  // Total, accounts, 100.0%, ARR, 100.0%, mean health, NPS (answers), renewals, renewing ARR.
  const cells = async (id) => (await (await session.byTestId(id)).text()).trim();
  assert.equal((await cells("segment-total-accounts")).replace(/,/g, ""), cliTotal[1]);
  assert.equal(await cells("segment-total-arr"), cliTotal[3]);
  assert.equal(await cells("segment-total-health"), cliTotal[5]);
  assert.equal(await cells("segment-total-renewals"), cliTotal[7]);
  assert.equal(await cells("segment-total-renewal-arr"), cliTotal[8]);
  assert.equal(Number(cliTotal[1]), expected.reduce((sum, s) => sum + s.accounts, 0), "every account once");

  // CSV: byte for byte the CLI's.
  const csvFile = path.join(out, "from-app.csv");
  await (await session.byTestId("segments-export-csv")).click();
  await saveFileInDialog("Export segments as CSV", csvFile);
  await session.waitFor("the export notice", async () => (await noticeText(session)).includes(csvFile));
  assert.equal(await noticeText(session), `Saved the segments of “${name}” to ${csvFile}.`);
  const cliCsv = cliExport(h.db, name, path.join(out, "from-cli.csv"), ["--format", "csv"]);
  assert.ok(readFileSync(csvFile).equals(cliCsv), `app CSV:\n${readFileSync(csvFile, "utf8")}\nCLI CSV:\n${cliCsv}`);
  assert.equal(readFileSync(csvFile, "utf8").trim().split("\n").length, expected.length + 1, "a header and a row per segment");

  // XLSX with every account's segment: the same workbook, part for part, but its creation time.
  const xlsxFile = path.join(out, "from-app.xlsx");
  await (await session.byTestId("segments-export-xlsx")).click();
  await saveFileInDialog("Export segments as a workbook", xlsxFile);
  await session.waitFor("the workbook notice", async () => (await noticeText(session)).includes(xlsxFile));
  const app = zipEntries(readFileSync(xlsxFile));
  const cli = zipEntries(cliExport(h.db, name, path.join(out, "from-cli.xlsx"), ["--format", "xlsx", "--accounts"]));
  assert.deepEqual([...app.keys()].sort(), [...cli.keys()].sort());
  assert.ok(app.has("xl/worksheets/sheet2.xml"), "a Segments and an Accounts sheet");
  for (const [part, bytes] of cli) {
    if (part === "docProps/core.xml") continue; // the time the file was written
    assert.ok(app.get(part).equals(bytes), `${part} differs from the CLI's`);
  }
  await saveScreenshot(session, "segments-exported.png");
});

test("d. the health chart uses the workspace's cut-offs: changed on the Metrics page, the Segments page follows", async (t) => {
  const h = harness(t);
  const session = await h.launch(await h.startDriver());
  await openSegments(session);
  const caption = async () => (await (await session.byTestId("health-bands-used")).text()).replace(/\s+/g, " ").trim();
  await session.waitFor("the health bands caption", async () => (await caption()).startsWith("Health bands: green 70 and up, yellow 40 to below 70, red below 40"));

  // The link opens the Metrics page, where the cut-offs are edited (and saved with the workspace).
  await (await session.byTestId("health-bands-change")).click();
  await session.waitFor("the Metrics page's health bands", async () => (await session.findAll('[data-testid="green-from"]')).length > 0);
  await typeNumber(session, "green-from", 80);
  await session.waitFor("the new cut-off saved", async () => {
    const out = execFileSync("sqlite3", [h.db, "SELECT value FROM settings WHERE key = 'metrics.setup'"], { encoding: "utf8" });
    return /"green_from":80(\.0)?[,}]/.test(out);
  });

  await openSegments(session);
  await session.waitFor("the caption to name 80", async () => (await caption()).startsWith("Health bands: green 80 and up, yellow 40 to below 80, red below 40"));
  const svg = await session.execute('return document.querySelector(\'[data-testid="chart-health"] svg\').textContent;');
  assert.match(svg, /Green: 80 and above/, "the chart's legend uses the workspace's cut-off");
  await session.execute('document.querySelector(\'[data-testid="chart-health"]\').scrollIntoView();');
  await saveScreenshot(session, "segments-health-bands.png");
});
