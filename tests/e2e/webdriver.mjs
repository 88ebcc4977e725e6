// A small W3C WebDriver client over fetch, for driving the real CS Plan window through
// tauri-driver (which forwards to WebKitWebDriver). Only what the tests use is here.

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import { homedir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

// The W3C element reference key.
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
// How long element lookups and conditions are polled before giving up.
export const WAIT_MS = Number(process.env.CSPLAN_E2E_WAIT_MS ?? 10_000);
const POLL_MS = 100;

/** A free TCP port on localhost (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function tauriDriverPath() {
  if (process.env.TAURI_DRIVER) return process.env.TAURI_DRIVER;
  // `cargo install` puts it in ~/.cargo/bin, which a non-login shell may lack on PATH.
  const cargoBin = path.join(process.env.CARGO_HOME ?? path.join(homedir(), ".cargo"), "bin", "tauri-driver");
  return existsSync(cargoBin) ? cargoBin : "tauri-driver";
}

/**
 * A running tauri-driver. It is started as the leader of its own process group: WebKitWebDriver
 * and the app are its descendants, and stop() kills the whole group, because killing only
 * tauri-driver leaves the app running (TAURI.md, pitfalls).
 */
export class Driver {
  /**
   * @param {object} opts
   * @param {Record<string,string>} [opts.env] extra environment for the driver, inherited by the app
   * @param {number} [opts.port] driver port (default: CSPLAN_E2E_PORT or a free port)
   */
  static async start({ env = {}, port } = {}) {
    port ??= process.env.CSPLAN_E2E_PORT ? Number(process.env.CSPLAN_E2E_PORT) : await freePort();
    // WebKitWebDriver's own port must not clash with another driver either (default 4445).
    const nativePort = await freePort();
    const child = spawn(tauriDriverPath(), ["--port", String(port), "--native-port", String(nativePort)], {
      detached: true, // setsid: the child leads a new process group
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const driver = new Driver(child, `http://127.0.0.1:${port}`);
    child.stdout.on("data", (d) => driver.#remember(d));
    child.stderr.on("data", (d) => driver.#remember(d));
    const spawnError = new Promise((_, reject) => child.once("error", reject));
    await Promise.race([driver.#waitReady(), spawnError]).catch(async (err) => {
      await driver.stop();
      throw new Error(`tauri-driver did not start: ${err.message}\n${driver.output}`);
    });
    return driver;
  }

  #child;
  #output = "";
  constructor(child, url) {
    this.#child = child;
    this.url = url;
  }

  /** The last few kB of what tauri-driver, WebKitWebDriver and the app printed (for failures). */
  get output() {
    return this.#output;
  }

  #remember(chunk) {
    this.#output = (this.#output + chunk.toString()).slice(-8000);
  }

  async #waitReady() {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      if (this.#child.exitCode !== null) throw new Error(`exited with code ${this.#child.exitCode}`);
      try {
        const res = await fetch(`${this.url}/status`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`no answer on ${this.url} within ${WAIT_MS} ms`);
      await sleep(POLL_MS);
    }
  }

  /** Creates a session that launches the app at `application` (an absolute path). */
  async session(application) {
    const value = await request(this.url, "POST", "/session", {
      capabilities: { alwaysMatch: { "tauri:options": { application } } },
    }).catch((err) => {
      throw new Error(`${err.message}\n--- driver output ---\n${this.output}`);
    });
    return new Session(this.url, value.sessionId);
  }

  /** Kills tauri-driver's whole process group (driver, WebKitWebDriver, app) and waits for it. */
  async stop() {
    const child = this.#child;
    if (child.exitCode !== null || child.signalCode !== null) {
      killGroup(child.pid, "SIGKILL"); // descendants may outlive the leader
      return;
    }
    const exited = new Promise((resolve) => child.once("exit", resolve));
    killGroup(child.pid, "SIGTERM");
    const timedOut = await Promise.race([exited.then(() => false), sleep(3000).then(() => true)]);
    // Whatever is left of the group (or all of it, if SIGTERM was not enough) is killed hard.
    killGroup(child.pid, "SIGKILL");
    if (timedOut) await exited;
  }
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal); // negative pid: the process group
  } catch (err) {
    if (err.code !== "ESRCH") throw err; // ESRCH: the group is already gone
  }
}

async function request(base, method, route, body) {
  const res = await fetch(base + route, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${method} ${route}: HTTP ${res.status}, not JSON: ${text.slice(0, 300)}`);
  }
  if (!res.ok || json?.value?.error) {
    const e = json?.value ?? {};
    const err = new Error(`${method} ${route}: ${e.error ?? `HTTP ${res.status}`}: ${e.message ?? text.slice(0, 300)}`);
    err.webdriverError = e.error;
    throw err;
  }
  return json.value;
}

/** One WebDriver session: one running app. */
export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  cmd(method, route, body) {
    return request(this.base, method, `/session/${this.id}${route}`, body);
  }

  /** Ends the session; the driver closes the app. */
  async end() {
    await this.cmd("DELETE", "");
  }

  /** Polls `fn` until it returns a truthy value (returned) or WAIT_MS passes (throws). */
  async waitFor(what, fn, timeoutMs = WAIT_MS) {
    const deadline = Date.now() + timeoutMs;
    let last;
    for (;;) {
      try {
        const v = await fn();
        if (v) return v;
      } catch (err) {
        last = err;
      }
      if (Date.now() > deadline) {
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last.message}` : ""}`);
      }
      await sleep(POLL_MS);
    }
  }

  /** The element with `data-testid="<testId>"`, waiting for it to appear. */
  byTestId(testId) {
    return this.find(`[data-testid="${testId}"]`);
  }

  /** The first element matching a CSS selector, waiting for it to appear. */
  async find(css) {
    const value = await this.waitFor(`element ${css}`, () =>
      this.cmd("POST", "/element", { using: "css selector", value: css }),
    );
    return new Element(this, value[ELEMENT]);
  }

  /** All elements matching a CSS selector, now (may be empty). */
  async findAll(css, within) {
    const route = within ? `/element/${within.id}/elements` : "/elements";
    const values = await this.cmd("POST", route, { using: "css selector", value: css });
    return values.map((v) => new Element(this, v[ELEMENT]));
  }

  /** Runs a synchronous script in the page; `args` may include Elements. */
  execute(script, args = []) {
    const wire = args.map((a) => (a instanceof Element ? { [ELEMENT]: a.id } : a));
    return this.cmd("POST", "/execute/sync", { script, args: wire });
  }

  async setWindowSize(width, height) {
    await this.cmd("POST", "/window/rect", { width, height });
  }

  /** A PNG screenshot of the window, as a Buffer. */
  async screenshot() {
    return Buffer.from(await this.cmd("GET", "/screenshot"), "base64");
  }
}

export class Element {
  constructor(session, id) {
    this.session = session;
    this.id = id;
  }

  #cmd(method, route, body) {
    return this.session.cmd(method, `/element/${this.id}${route}`, body);
  }

  text() {
    return this.#cmd("GET", "/text");
  }

  /** A DOM property, e.g. "value" of an input (what the user sees, unlike the attribute). */
  property(name) {
    return this.#cmd("GET", `/property/${name}`);
  }

  async click() {
    await this.#cmd("POST", "/click", {});
  }

  async clear() {
    await this.#cmd("POST", "/clear", {});
  }

  /** Types text as key presses; "\uE004" is Tab, "\uE007" is Enter. */
  async type(text) {
    await this.#cmd("POST", "/value", { text });
  }

  async isDisplayed() {
    return this.#cmd("GET", "/displayed");
  }
}

export const Keys = { TAB: "\uE004", ENTER: "\uE007" };
