import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { flushSync, mount, unmount } from "svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import PlanPage from "./PlanPage.svelte";
import type { Forecast, ForecastInputs, ForecastScenario, ForecastView, Hire, TotalQuarter, Uncertainty } from "../api";

/** A one-segment plan as the Rust side stores it. */
function inputs(): ForecastInputs {
  return {
    start: "2027-01-01",
    quarters: 2,
    segments: [
      {
        segment: "Mid-Market",
        opening_logos: 100,
        opening_arr: 1_500_000_000,
        current_csms: 10,
        activities_per_customer_per_month: 6,
        base: {
          new_logos: { kind: "rate", rate: 0.1 },
          new_logo_arr: 15_000_000,
          churn: { kind: "rate", rate: 0 },
          contraction: { kind: "rate", rate: 0 },
          expansion: { kind: "rate", rate: 0 },
        },
        overrides: [],
      },
    ],
    arr_per_csm: 150_000_000,
    csm_activities_per_month: 600,
    touch_bands: { high_touch_below: 50, automated_from: 200 },
    rounding: "ceiling",
    basis: "top-down",
    supply: { ramp: { productivity_by_month: [0, 0.5, 0.5] }, attrition_per_year: 0, lead_time_days: 90 },
    cost: { csm_cost_per_year: 15_000_000, csms_per_manager: 8, manager_cost_per_year: 20_000_000, support_cost_per_year: 0, contract_term_months: 12 },
  };
}

function uncertainty(): Uncertainty {
  const around = (w: number) => ({ kind: "triangular" as const, min: 1 - w, mode: 1, max: 1 + w });
  return { trials: 10000, seed: 20270101, new_logos: around(0.3), churn: around(0.3), expansion: around(0.3), activities: around(0.15), attrition: around(0.5) };
}

function total(quarter: number, required: number, effective: number, hires: number): TotalQuarter {
  const need = (fte: number) => ({ fte, headcount: Math.ceil(fte), customers_per_csm: null, touch: null });
  return {
    quarter,
    book: { opening_logos: 100, new_logos: 10, churned_logos: 0, closing_logos: 110, opening_arr: 0, new_arr: 0, expansion_arr: 0, contraction_arr: 0, churned_arr: 0, closing_arr: 1_650_000_000 },
    top_down: need(required),
    bottom_up: need(1.1),
    team: { required_fte: required, required_headcount: Math.ceil(required), existing_fte: 10, ramped_hires_fte: 0, ramping_fte: 0, effective_fte: effective, surplus_fte: effective - required, hires, cumulative_hires: hires, leavers_fte: 0, paid_fte: 10 },
    cost: { csm_cost: 37_500_000, manager_fte: 1.25, manager_cost: 6_250_000, cs_cost: 43_750_000, cost_pct_of_arr: 0.106, band: "five-to-fifteen" },
    support_cost: 0,
    renewed_arr: 375_000_000,
    upsell_arr: 0,
    magic_number: 8.57,
  };
}

/** One segment's quarter: the total's shape without the Magic Number's inputs. */
function segmentQuarter(quarter: number, required: number) {
  const { book, top_down, bottom_up, team, cost } = total(quarter, required, required, 0);
  return { quarter, book, top_down, bottom_up, team, cost };
}

function hire(number: number, requisition: string, start: string, ramped: string, late: number): Hire {
  return { segment: "Mid-Market", number, for_quarter: 1, requisition_open: requisition, start, fully_ramped: ramped, late_by_days: late, earliest_start: start, earliest_fully_ramped: ramped };
}

/** The engine's answer: the hire's requisition moves with the lead time sent. */
function view(lead: number): ForecastView {
  const requisition = lead === 90 ? "2026-07-03" : "2026-08-02";
  const forecast: Forecast = {
    quarters: [
      { number: 1, label: "Q1", title: "Q1 2027", start: "2027-01-01", end: "2027-03-31" },
      { number: 2, label: "Q2", title: "Q2 2027", start: "2027-04-01", end: "2027-06-30" },
    ],
    segments: [{ segment: "Mid-Market", quarters: [segmentQuarter(1, 9), segmentQuarter(2, 9.5)] }],
    totals: [total(1, 11, 11, 1), total(2, 12.1, 11, 0)],
    hires: [hire(1, requisition, "2026-10-01", "2027-01-01", lead === 90 ? 182 : 152)],
    basis: "top-down",
    rounding: "ceiling",
    ramp_months: 3,
    current_csms: 10,
    headline: `13 CSMs needed by Q2 2027 (top-down): 1 hire, the first requisition opens ${requisition}.`,
  };
  return { forecast, bands: null, charts: { capacity: "<svg></svg>", hires: "<svg></svg>", cost: "<svg></svg>" } };
}

let calls: { cmd: string; args: Record<string, unknown> }[] = [];
let finishBands: ((answer: unknown, failed: boolean) => void) | null;
/** Names `forecast_create` refuses, as the store does for a name in use. */
let takenNames: string[] = [];
let target: HTMLElement;
let component: ReturnType<typeof mount> | null = null;

async function settle() {
  for (let i = 0; i < 10; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    flushSync();
  }
}

const saved = (): ForecastScenario => ({ id: 1, name: "Base plan", inputs: inputs(), uncertainty: uncertainty(), updated_at: "2026-11-27" });

beforeEach(() => {
  calls = [];
  finishBands = null;
  takenNames = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    switch (cmd) {
      case "forecast_defaults":
        return { inputs: { ...inputs(), segments: [] }, uncertainty: uncertainty() };
      case "forecast_current":
        return saved();
      case "forecast_list":
        return [{ id: 1, name: "Base plan", updated_at: "2026-11-27" }];
      case "forecast_run": {
        const sent = a.inputs as ForecastInputs;
        if (sent.quarters > 12) throw { code: "invalid-forecast", message: "A plan covers 2 to 12 quarters (it asks for 20)." };
        return view(sent.supply.lead_time_days);
      }
      case "forecast_save":
        return { id: a.id, name: a.id === 1 ? "Base plan" : "Leaner plan", updated_at: "2026-11-27" };
      case "forecast_create":
        if (takenNames.includes(a.name as string))
          throw { code: "name-taken", message: `A plan named “${a.name}” already exists; choose another name.` };
        return { id: 2, name: a.name, inputs: a.inputs, uncertainty: a.uncertainty, updated_at: "2026-11-27" };
      // A slow run: it answers only when the test (or a cancel) finishes it.
      case "forecast_simulate":
        return new Promise((resolve, reject) => {
          finishBands = (answer, failed) => (failed ? reject(answer) : resolve(answer));
        });
      case "forecast_progress":
        return finishBands ? { trials_done: 2500, trials: 10000 } : null;
      case "forecast_cancel":
        finishBands?.({ code: "forecast-stopped", message: "The risk-band run was cancelled before it finished." }, true);
        return finishBands !== null;
      default:
        throw { code: "unexpected", message: `unmocked command ${cmd}` };
    }
  });
  target = document.createElement("div");
  document.body.appendChild(target);
});

afterEach(() => {
  if (component) unmount(component);
  component = null;
  target.remove();
  clearMocks();
});

const byTestId = (id: string) => target.querySelector(`[data-testid="${id}"]`);

function type(testId: string, value: string) {
  const input = byTestId(testId) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

function calendarRows(): string[][] {
  return Array.from(byTestId("hire-calendar")?.querySelectorAll("tbody tr") ?? []).map((tr) =>
    Array.from(tr.querySelectorAll("th, td")).map((c) => c.textContent?.trim() ?? ""),
  );
}

describe("Plan page", () => {
  it("opens with the question, the engine's answer in large type and the hire-by calendar", async () => {
    component = mount(PlanPage, { target });
    await settle();
    expect(target.querySelector("h1")?.textContent).toBe("How many CSMs do we need each quarter, and when must we hire?");
    expect(byTestId("plan-headline")?.textContent).toBe("13 CSMs needed by Q2 2027 (top-down): 1 hire, the first requisition opens 2026-07-03.");
    expect(byTestId("kpi-required")?.textContent).toBe("13");
    // Today's team is the engine's figure (the segments' CSMs added up in the domain).
    expect(byTestId("kpi-required-note")?.textContent?.trim()).toBe("12.1 FTE · today 10.0");
    expect(calendarRows()).toEqual([
      ["Mid-Market #1", "Q1 2027", "2026-07-03", "2026-10-01", "2027-01-01", "late by 182 days: starts 2026-10-01, ramped 2027-01-01"],
    ]);
    // The plan is computed from the saved inputs, as entered.
    expect(calls.find((c) => c.cmd === "forecast_run")?.args.preset).toBe("base");
  });

  it("recomputes at once when the lead time changes and autosaves the plan", async () => {
    component = mount(PlanPage, { target });
    await settle();
    type("input-lead-time", "60");
    await settle();
    const last = calls.filter((c) => c.cmd === "forecast_run").at(-1);
    expect((last?.args.inputs as ForecastInputs).supply.lead_time_days).toBe(60);
    expect(calendarRows()[0]?.[2]).toBe("2026-08-02");
    await new Promise((resolve) => setTimeout(resolve, 500));
    await settle();
    const save = calls.find((c) => c.cmd === "forecast_save");
    expect((save?.args.inputs as ForecastInputs).supply.lead_time_days).toBe(60);
    expect((save?.args.uncertainty as Uncertainty).seed).toBe(20270101);
    expect(byTestId("save-status")?.textContent).toBe("Saved");
  });

  it("shows the risk-band run's progress and cancels it", async () => {
    component = mount(PlanPage, { target });
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 250));
    await settle();
    expect(calls.some((c) => c.cmd === "forecast_simulate")).toBe(true);
    expect(byTestId("bands-progress")?.textContent).toContain("2,500 of 10,000 trials");
    (byTestId("bands-cancel") as HTMLButtonElement).click();
    await settle();
    expect(calls.some((c) => c.cmd === "forecast_cancel")).toBe(true);
    expect(byTestId("bands-status")?.textContent).toContain("Cancelled");
  });

  it("shows one segment's quarters when asked, without the whole team's Magic Number", async () => {
    component = mount(PlanPage, { target });
    await settle();
    const required = () => Array.from(target.querySelectorAll('[data-testid="required-headcount"]')).map((c) => c.textContent);
    expect(required()).toEqual(["11", "13"]);
    const select = byTestId("table-segment") as HTMLSelectElement;
    select.value = "Mid-Market";
    select.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();
    expect(required()).toEqual(["9", "10"]);
    const firstRow = byTestId("plan-quarters")?.querySelector("tbody tr");
    expect(firstRow?.lastElementChild?.textContent).toBe("–");
  });

  it("keeps the last valid plan and says what to fix when an input cannot be planned", async () => {
    component = mount(PlanPage, { target });
    await settle();
    type("input-quarters", "20");
    await settle();
    expect(byTestId("plan-error")?.textContent).toBe("A plan covers 2 to 12 quarters (it asks for 20).");
    expect(byTestId("plan-headline")?.textContent).toContain("13 CSMs needed by Q2 2027");
    expect(byTestId("save-status")?.textContent).toBe("Not saved: fix the input named in red");
    expect(calls.some((c) => c.cmd === "forecast_save")).toBe(false);
  });

  async function openSaveAs() {
    (byTestId("scenario-save-as") as HTMLButtonElement).click();
    await settle();
  }

  async function confirmName(name: string) {
    type("scenario-name-input", name);
    (byTestId("scenario-name-confirm") as HTMLButtonElement).click();
    await settle();
  }

  /** Longer than the autosave's pause (400 ms): a person typing the new name. */
  const pause = async () => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await settle();
  };

  /** The page open on "Base plan" (id 1) with its lead time edited to 60 days, not saved yet. */
  async function leadTimeEdited() {
    component = mount(PlanPage, { target });
    await settle();
    calls = [];
    type("input-lead-time", "60");
    await settle();
  }

  const savesTo = (id: number) => calls.filter((c) => c.cmd === "forecast_save" && c.args.id === id);
  const leadTimeOf = (call: { args: Record<string, unknown> } | undefined) => (call?.args.inputs as ForecastInputs).supply.lead_time_days;

  it("Save as new puts the unsaved edits on the new plan only; the original keeps its saved inputs", async () => {
    await leadTimeEdited();
    // The dialog opens before the autosave's pause is over; the name takes longer to type.
    await openSaveAs();
    await pause();
    expect(savesTo(1)).toHaveLength(0);
    await confirmName("Leaner plan");
    const created = calls.filter((c) => c.cmd === "forecast_create");
    expect(created).toHaveLength(1);
    expect(created[0]!.args.name).toBe("Leaner plan");
    expect(leadTimeOf(created[0])).toBe(60);
    expect((created[0]!.args.uncertainty as Uncertainty).seed).toBe(20270101);
    // Long after, the original ("Base plan", id 1) has still not been written.
    await pause();
    expect(savesTo(1)).toHaveLength(0);
    expect(byTestId("save-status")?.textContent).toBe("Saved");
    // Later edits go to the new plan.
    type("input-lead-time", "45");
    await settle();
    await pause();
    expect(savesTo(1)).toHaveLength(0);
    expect(savesTo(2)).toHaveLength(1);
    expect(leadTimeOf(savesTo(2)[0])).toBe(45);
  });

  it("calls its saved items plans, not scenarios", async () => {
    await leadTimeEdited();
    expect(target.querySelector("label[for='scenario-select']")?.textContent?.trim()).toBe("Plan");
    await openSaveAs();
    expect(target.textContent).toContain("Save as a new plan");
    expect(target.textContent).toContain("The new plan starts from the inputs you see now");
    expect(target.textContent).not.toContain("scenario");
  });

  it("holds an edit that is still being computed when the dialog opens", async () => {
    component = mount(PlanPage, { target });
    await settle();
    calls = [];
    // The same moment: the run for the edit has not answered when Save as new is pressed.
    type("input-lead-time", "60");
    (byTestId("scenario-save-as") as HTMLButtonElement).click();
    await settle();
    expect(calls.filter((c) => c.cmd === "forecast_run")).toHaveLength(1);
    await pause();
    expect(savesTo(1)).toHaveLength(0);
    await confirmName("Leaner plan");
    await pause();
    expect(savesTo(1)).toHaveLength(0);
    expect(leadTimeOf(calls.find((c) => c.cmd === "forecast_create"))).toBe(60);
  });

  it("holds the edits while a refused name is corrected, and saves them to the open plan when the dialog is cancelled", async () => {
    takenNames = ["Base plan"];
    await leadTimeEdited();
    await openSaveAs();
    await confirmName("Base plan");
    expect(target.textContent).toContain("A plan named “Base plan” already exists; choose another name.");
    // The dialog is still open: nothing is written behind it.
    await pause();
    expect(savesTo(1)).toHaveLength(0);
    expect(byTestId("save-status")?.textContent).toBe("Unsaved changes");
    // Cancelled: the edits belong to the open plan after all, so nothing typed is lost.
    const cancel = [...target.querySelectorAll<HTMLButtonElement>("dialog button")].find((b) => b.textContent === "Cancel")!;
    cancel.click();
    await pause();
    expect(savesTo(1)).toHaveLength(1);
    expect(leadTimeOf(savesTo(1)[0])).toBe(60);
    expect(byTestId("save-status")?.textContent).toBe("Saved");
  });

  it("saves edits held by an open Save-as dialog to the open plan when the page is left", async () => {
    await leadTimeEdited();
    await openSaveAs();
    unmount(component!);
    component = null;
    await settle();
    expect(savesTo(1)).toHaveLength(1);
    expect(leadTimeOf(savesTo(1)[0])).toBe(60);
  });
});

describe("Plan page on a workspace without accounts", () => {
  it("says to import the book and starts a plan from it", async () => {
    const empty = saved();
    empty.inputs.segments = [];
    mockIPC((cmd, args) => {
      calls.push({ cmd, args: (args ?? {}) as Record<string, unknown> });
      switch (cmd) {
        case "forecast_defaults":
          return { inputs: { ...inputs(), segments: [] }, uncertainty: uncertainty() };
        case "forecast_current":
          return empty;
        case "forecast_list":
          return [{ id: 1, name: "Base plan", updated_at: "2026-11-27" }];
        case "forecast_run":
          throw { code: "invalid-forecast", message: "The plan has no segments: add at least one segment's starting book." };
        case "forecast_create_from_book":
          return { ...saved(), id: 2, name: "Plan from the book" };
        default:
          return null;
      }
    });
    component = mount(PlanPage, { target });
    await settle();
    expect(byTestId("plan-empty")?.textContent).toContain("Import your accounts on the Data page");
    (byTestId("plan-empty")?.querySelector("button") as HTMLButtonElement).click();
    await settle();
    const made = calls.find((c) => c.cmd === "forecast_create_from_book");
    expect(made?.args.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(byTestId("plan-empty")).toBeNull();
  });
});
