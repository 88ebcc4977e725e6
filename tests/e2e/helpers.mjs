// Shared set-up for the WebDriver tests: where the binaries are, a fresh workspace per test,
// the app lifecycle, and the CLI that computes the numbers the UI must show.

import assert from "node:assert/strict";
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

import { Driver, Keys, WAIT_MS } from "./webdriver.mjs";

const execFileAsync = promisify(execFile);

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, "../..");
export const ARTIFACTS = path.join(HERE, "artifacts");

// scripts/test.sh passes the binaries it built; the defaults are the debug build's paths.
const targetDir = process.env.CARGO_TARGET_DIR ? path.resolve(ROOT, process.env.CARGO_TARGET_DIR) : path.join(ROOT, "target");
export const APP = path.resolve(process.env.CSPLAN_APP ?? path.join(targetDir, "debug", "csplan-app"));
export const CLI = path.resolve(process.env.CSPLAN_CLI ?? path.join(targetDir, "debug", "csplan"));

/** Fails early, with what to do, when the tests cannot run at all. */
export function checkPrerequisites() {
  for (const [what, file] of [["app", APP], ["CLI", CLI]]) {
    assert.ok(
      existsSync(file),
      `the ${what} binary ${file} does not exist: build it with ` +
        "`cargo build -p csplan-app -p csplan-cli --features csplan-app/custom-protocol` (or run ./scripts/test.sh)",
    );
  }
  assert.ok(
    process.env.DISPLAY || process.env.WAYLAND_DISPLAY,
    "no DISPLAY: run the WebDriver tests under a display, e.g. `xvfb-run -a node --test tests/e2e/*.test.mjs`",
  );
}

/**
 * One test's world: a fresh workspace path (`<tmp>/ws.db`, missing, so the app creates the demo
 * workspace there) and the drivers and app sessions the test starts. Everything is torn down
 * after the test in reverse order, whatever happens: sessions (after a screenshot of the end
 * state), then each tauri-driver's whole process group, then the temporary directory.
 */
export function harness(t) {
  const dir = mkdtempSync(path.join(tmpdir(), "csplan-e2e-"));
  const cleanups = [() => rmSync(dir, { recursive: true, force: true })];
  t.after(async () => {
    let first;
    while (cleanups.length) {
      try {
        await cleanups.pop()();
      } catch (err) {
        first ??= err; // keep tearing down; report the first problem
      }
    }
    if (first) throw first;
  });
  const h = {
    db: path.join(dir, "ws.db"),

    /** tauri-driver with CSPLAN_DB=<db>: the app it launches inherits the driver's environment. */
    async startDriver() {
      const driver = await Driver.start({ env: { CSPLAN_DB: h.db } });
      cleanups.push(() => driver.stop());
      return driver;
    },

    /**
     * Launches the app in a new session, sized like the design target (1280x800), and waits until
     * the UI has opened its workspace. `session.end()` closes the app.
     */
    async launch(driver) {
      const session = await driver.session(APP);
      let ended = false;
      const end = session.end.bind(session);
      session.end = async () => {
        ended = true;
        await end();
      };
      cleanups.push(async () => {
        if (ended) return;
        // What the window showed at the end: the first thing to look at when a test fails.
        await saveScreenshot(session, `end-${slug(t.name)}.png`).catch(() => {});
        await end().catch(() => {});
      });
      await session.setWindowSize(1280, 800).catch(() => {}); // best effort
      // The workspace name appears once the app has opened (or created) the database.
      try {
        await session.waitFor("the workspace name", async () => (await (await session.byTestId("workspace-name")).text()).trim());
      } catch (err) {
        // The dev-mode trap (TAURI.md): a build without custom-protocol loads the Vite dev server.
        const page = String(await session.execute("return document.body ? document.body.innerText : '';").catch(() => ""));
        if (page.includes("Could not connect to localhost")) {
          throw new Error(`${APP} was built without the bundled UI (it tries the Vite dev server): ` +
            "rebuild it with `cargo build -p csplan-app --features custom-protocol` after `npm --prefix ui run build`");
        }
        throw err;
      }
      return session;
    },
  };
  return h;
}

function slug(s) {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

export async function saveScreenshot(session, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  writeFileSync(file, await session.screenshot());
  return file;
}

/** Opens the Capacity page and waits for its headline. */
export async function openCapacity(session) {
  await (await session.byTestId("nav-capacity")).click();
  await session.waitFor("the capacity headline", async () => (await (await session.byTestId("capacity-headline")).text()).trim());
}

/** An integer shown by the UI, e.g. "31" (a thousands separator is allowed). */
export function parseCount(text) {
  const s = text.trim().replace(/,/g, "");
  assert.match(s, /^-?\d+$/, `expected a whole number on the page, got ${JSON.stringify(text)}`);
  return Number(s);
}

/** The total top-down and bottom-up headcounts the Capacity page shows now. */
export async function pageTotals(session) {
  const td = await (await session.byTestId("total-headcount-topdown")).text();
  const bu = await (await session.byTestId("total-headcount-bottomup")).text();
  return { topdown: parseCount(td), bottomup: parseCount(bu) };
}

/** Waits until the Capacity page shows `expected` top-down headcount; returns what it shows. */
export async function waitForTopdown(session, expected, why) {
  let shown;
  try {
    await session.waitFor(`top-down headcount ${expected} (${why})`, async () => {
      shown = await pageTotals(session);
      return shown.topdown === expected;
    });
  } catch (err) {
    throw new Error(`${err.message}; the page shows ${JSON.stringify(shown)}`);
  }
  return shown;
}

/** Replaces a number input's value by typing, as a user would, then leaves the field. */
export async function typeNumber(session, testId, value) {
  const input = await session.byTestId(testId);
  await input.clear();
  await input.type(String(value) + Keys.TAB);
  // Looked up afresh on every poll: the page may re-render the field while it recomputes.
  await session.waitFor(`${testId} to hold ${value}`, async () => (await inputNumber(session, testId)) === value);
}

/** The number in a number input now. */
export async function inputNumber(session, testId) {
  return Number(await (await session.byTestId(testId)).property("value"));
}

/** Waits for the autosave indicator to say "Saved". */
export async function waitSaved(session) {
  await session.waitFor('save-status "Saved"', async () => (await (await session.byTestId("save-status")).text()).trim() === "Saved");
}

/** "Save as new...": saves the current inputs as a new scenario called `name`. */
export async function saveAsNew(session, name) {
  await (await session.byTestId("scenario-save-as")).click();
  const input = await session.byTestId("scenario-name-input");
  await input.clear();
  await input.type(name);
  await (await session.byTestId("scenario-name-confirm")).click();
  await session.waitFor(`scenario "${name}" to be selected`, async () => (await selectedOption(session, "scenario-select")) === name);
  await waitSaved(session);
}

/** The text of the selected option of a <select> test id. */
export async function selectedOption(session, testId) {
  const select = await session.byTestId(testId);
  return session.execute("const s = arguments[0]; return s.selectedIndex < 0 ? null : s.options[s.selectedIndex].text.trim();", [select]);
}

/** The option texts of a <select> test id. */
export async function optionTexts(session, testId) {
  const select = await session.byTestId(testId);
  const options = await session.findAll("option", select);
  return Promise.all(options.map(async (o) => (await o.text()).trim()));
}

/** Chooses the option whose text is `name` by clicking it, as a user would. */
export async function chooseOption(session, testId, name) {
  const option = await session.waitFor(`option "${name}" in ${testId}`, async () => {
    for (const o of await session.findAll("option", await session.byTestId(testId))) {
      if ((await o.text()).trim() === name) return o;
    }
    return null;
  });
  await option.click();
  await session.waitFor(`${testId} to select "${name}"`, async () => (await selectedOption(session, testId)) === name);
}

/**
 * The cell texts of the first row of a table test id whose first cell is `label`, waiting for it.
 * Cells are read one by one: WebKit's text of a whole row runs the cells together.
 */
export async function tableRow(session, testId, label) {
  return session.waitFor(`a "${label}" row in ${testId}`, async () => {
    // The table is looked up afresh on every poll: it is re-rendered when its data arrives.
    for (const row of await session.findAll("tr", await session.byTestId(testId))) {
      const cells = await session.findAll("th, td", row);
      if (cells.length === 0 || (await cells[0].text()).trim() !== label) continue;
      return Promise.all(cells.map(async (c) => (await c.text()).trim()));
    }
    return null;
  });
}

/** Runs the CLI's capacity command on a workspace and returns its "Total" row. */
export function cliTotal(db, args = []) {
  const out = execFileSync(CLI, ["capacity", "--db", db, ...args, "--format", "json"], { encoding: "utf8" });
  const rows = JSON.parse(out);
  assert.ok(Array.isArray(rows) && rows.length > 1, `csplan capacity printed no segment rows: ${out.slice(0, 300)}`);
  const total = rows.at(-1);
  assert.equal(total.segment, "Total", "the last row of csplan capacity is the Total row");
  for (const field of ["headcount_topdown", "headcount_bottomup"]) {
    assert.ok(Number.isInteger(total[field]), `csplan capacity: Total.${field} is a whole number, got ${total[field]}`);
  }
  return total;
}

/**
 * Waits until the workspace file itself holds `scenario` with the given top-down total, as the CLI
 * reads it: the autosave has reached the database, not just the status line.
 */
export async function waitScenarioInFile(session, db, scenario, topdown) {
  let last;
  await session.waitFor(`scenario "${scenario}" saved with top-down ${topdown} in ${db}`, async () => {
    last = cliTotal(db, ["--scenario", scenario]).headcount_topdown;
    return last === topdown;
  }).catch((err) => {
    throw new Error(`${err.message}; the CLI reads ${last}`);
  });
}

/**
 * Picks `file` (an absolute path) in the app's native open dialog (rfd's GTK file chooser) titled
 * `title`, the way a person would: WebDriver cannot reach a native window, so xdotool (Debian
 * package `xdotool`, in scripts/lib.sh TEST_PACKAGES) waits for the dialog, focuses it, opens its
 * location field (Ctrl+L), replaces its text with the path and presses Return. Call it right after the click that
 * opens the dialog; it returns once the dialog has closed.
 */
export async function pickFileInDialog(title, file) {
  await answerDialog(title, ["ctrl+l"], file);
}

/**
 * Saves to `file` (an absolute path) in the app's native save dialog titled `title`: its name
 * field already has the focus, so the suggested name is replaced by the path.
 */
export async function saveFileInDialog(title, file) {
  await answerDialog(title, [], file);
}

async function answerDialog(title, keys, file) {
  assert.ok(path.isAbsolute(file), `a dialog is given an absolute path, got ${file}`);
  const xdotool = (args) => execFileAsync("xdotool", args, { timeout: WAIT_MS }).then((r) => r.stdout.trim());
  // The title is matched whole (xdotool takes a regular expression).
  const name = `^${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`;
  const found = await xdotool(["search", "--sync", "--onlyvisible", "--name", name]).catch((err) => {
    throw new Error(`no native dialog titled ${JSON.stringify(title)} appeared within ${WAIT_MS} ms: ${err.message}`);
  });
  const window = found.split("\n")[0];
  const isOpen = async () => (await xdotool(["search", "--onlyvisible", "--name", name]).catch(() => "")) !== "";
  // A dialog that has just been mapped may drop the first keys, and GTK may swallow a Return
  // while it completes the typed path: the whole entry is repeated (it replaces the field's
  // text, so a repeat is harmless) until the dialog closes.
  const deadline = Date.now() + WAIT_MS;
  do {
    if (Date.now() > deadline) throw new Error(`the dialog ${JSON.stringify(title)} did not close after choosing ${file}`);
    // No window manager runs under Xvfb, so the dialog is focused directly rather than activated.
    const focused = await xdotool(["windowfocus", "--sync", window]).then(() => true, () => false);
    if (!focused && !(await isOpen())) return; // it closed after all
    await sleep(200);
    await xdotool(["key", "--clearmodifiers", ...keys, "ctrl+a"]);
    await xdotool(["type", "--delay", "5", file]);
    await sleep(300);
    await xdotool(["key", "Return"]);
    await sleep(500);
  } while (await isOpen());
}
