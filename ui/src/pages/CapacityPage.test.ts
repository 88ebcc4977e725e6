import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { flushSync, mount, unmount } from "svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import CapacityPage from "./CapacityPage.svelte";
import type { CapacityPlan, PlanView, Scenario, ScenarioInputs } from "../api";

const inputs: ScenarioInputs = {
  tiers: { enterprise_from: 10_000_000, mid_market_from: 2_500_000 },
  params: {
    arr_per_csm: 150_000_000,
    csm_activities_per_month: 600,
    working_time: { days_per_month: 20, hours_per_day: 7.5 },
    touch_bands: { high_touch_below: 50, automated_from: 200 },
    rounding: "ceiling",
    catalogs: [
      {
        segment: "Enterprise",
        activities: [{ name: "Check-in call", per_customer_per_month: 2, minutes: 30 }],
      },
    ],
  },
};

/** A plan whose numbers follow the ARR per CSM it was asked for, so a change shows. */
function planFor(request: ScenarioInputs): PlanView {
  const arr = 4_500_000_000;
  const fte = arr / request.params.arr_per_csm;
  const side = (f: number) => ({
    fte: f,
    headcount: Math.ceil(f),
    customers_per_csm: 90 / f,
    touch: "low-touch" as const,
  });
  const plan: CapacityPlan = {
    segments: [
      {
        segment: "Enterprise",
        accounts: 90,
        total_arr: arr,
        top_down: side(fte),
        activities_per_customer_per_month: 2,
        bottom_up: side(0.3),
        gap_fte: 0.3 - fte,
        gap_headcount: 1 - Math.ceil(fte),
        implied_arr_per_csm: null,
        affordable_activities_per_customer: null,
        minutes_per_customer_per_month: 60,
        hours_per_csm_per_month: 300,
        verdict: "top-down-funds-more",
        explanation: "Enterprise: its ARR funds more CSMs than the activities need.",
      },
    ],
    total: {
      accounts: 90,
      total_arr: arr,
      top_down: { ...side(fte), touch: null },
      bottom_up: { ...side(0.3), touch: null },
      gap_fte: 0.3 - fte,
      gap_headcount: 1 - Math.ceil(fte),
    },
    rounding: "ceiling",
    activities_per_day: 30,
    minutes_per_activity: 15,
    hours_per_month: 150,
    headline: `${Math.ceil(fte)} CSMs top-down, 1 bottom-up`,
  };
  return {
    plan,
    charts: {
      csms_per_segment: '<svg width="640" height="360"><title>CSMs per segment</title></svg>',
      customers_per_csm: '<svg width="640" height="360"><title>Customers per CSM</title></svg>',
    },
  };
}

const scenario: Scenario = { id: 1, name: "Base plan", inputs, rule_set_id: null, updated_at: "2026-11-27T10:00:00Z" };

let calls: { cmd: string; args: Record<string, unknown> }[] = [];
/** Names `scenario_create` refuses, as the store does for a name in use. */
let takenNames: string[] = [];
let target: HTMLElement;
let component: ReturnType<typeof mount> | null = null;

async function settle() {
  for (let i = 0; i < 10; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    flushSync();
  }
}

beforeEach(() => {
  calls = [];
  takenNames = [];
  mockIPC((cmd, args) => {
    const payload = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: payload });
    switch (cmd) {
      case "capacity_defaults":
        return structuredClone(inputs);
      case "scenario_list":
        return [{ id: 1, name: "Base plan", updated_at: scenario.updated_at }];
      case "scenario_current":
        return structuredClone(scenario);
      case "capacity_plan":
        return planFor(payload.inputs as ScenarioInputs);
      case "scenario_save":
        return { id: 1, name: "Base plan", updated_at: scenario.updated_at };
      case "rule_sets_list":
        return [{ id: 3, name: "Tiers by ARR + ICP", updated_at: scenario.updated_at }];
      case "scenario_set_rule_set":
        return { ...structuredClone(scenario), rule_set_id: payload.ruleSetId };
      case "capacity_plan_rules":
        return planFor(payload.inputs as ScenarioInputs);
      case "scenario_create":
        if (takenNames.includes(payload.name as string))
          throw { code: "name-taken", message: `A scenario named “${payload.name}” already exists; choose another name.` };
        return { id: 2, name: payload.name, inputs: payload.inputs, rule_set_id: null, updated_at: scenario.updated_at };
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
  vi.useRealTimers();
});

describe("Capacity page", () => {
  it("opens with the question and the plan's headline", async () => {
    component = mount(CapacityPage, { target });
    await settle();
    expect(target.querySelector("h1")?.textContent).toBe("How many CSMs do we need?");
    expect(target.querySelector('[data-testid="capacity-headline"]')?.textContent).toBe(
      "30 CSMs top-down, 1 bottom-up",
    );
    expect(target.querySelector('[data-testid="total-headcount-topdown"]')?.textContent).toBe("30");
    expect(target.querySelector('[data-testid="segment-row-Enterprise"]')).not.toBeNull();
  });

  it("re-plans with the new ARR per CSM as soon as it changes, then saves", async () => {
    component = mount(CapacityPage, { target });
    await settle();
    const field = target.querySelector<HTMLInputElement>('[data-testid="input-arr-per-csm"]');
    expect(field?.value).toBe("1500000");
    calls = [];

    field!.value = "2000000";
    field!.dispatchEvent(new Event("input", { bubbles: true }));
    await settle();

    const planCalls = calls.filter((c) => c.cmd === "capacity_plan");
    expect(planCalls).toHaveLength(1);
    const sent = planCalls[0]!.args.inputs as ScenarioInputs;
    expect(sent.params.arr_per_csm).toBe(200_000_000);
    expect(target.querySelector('[data-testid="capacity-headline"]')?.textContent).toBe(
      "23 CSMs top-down, 1 bottom-up",
    );

    await new Promise((resolve) => setTimeout(resolve, 450));
    await settle();
    const saves = calls.filter((c) => c.cmd === "scenario_save");
    expect(saves).toHaveLength(1);
    expect((saves[0]!.args.inputs as ScenarioInputs).params.arr_per_csm).toBe(200_000_000);
    expect(target.querySelector('[data-testid="save-status"]')?.textContent).toBe("Saved");
  });

  it("keeps what was typed and says why when it is not a number", async () => {
    component = mount(CapacityPage, { target });
    await settle();
    const field = target.querySelector<HTMLInputElement>('[data-testid="input-arr-per-csm"]')!;
    calls = [];
    field.value = "";
    field.dispatchEvent(new Event("input", { bubbles: true }));
    await settle();
    expect(calls.filter((c) => c.cmd === "capacity_plan")).toHaveLength(0);
    expect(target.textContent).toContain("Enter a number.");
  });

  it("plans over a saved rule set once it is chosen (DOMAIN.md §2.7)", async () => {
    component = mount(CapacityPage, { target });
    await settle();
    const select = target.querySelector<HTMLSelectElement>('[data-testid="plan-over"]')!;
    expect([...select.options].map((o) => o.text)).toEqual([
      "ARR tiers (below)",
      "Rule set: Tiers by ARR + ICP",
    ]);
    calls = [];
    select.value = "3";
    select.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();
    expect(calls.find((c) => c.cmd === "scenario_set_rule_set")?.args).toEqual({ id: 1, ruleSetId: 3 });
    expect(calls.filter((c) => c.cmd === "capacity_plan_rules")[0]?.args.ruleSetId).toBe(3);
    expect(target.textContent).toContain("come from “Tiers by ARR + ICP”");
  });
  /** Types a new ARR per CSM (in dollars) into the field, as a person does. */
  async function typeArrPerCsm(dollars: string) {
    const field = target.querySelector<HTMLInputElement>('[data-testid="input-arr-per-csm"]')!;
    field.value = dollars;
    field.dispatchEvent(new Event("input", { bubbles: true }));
    await settle();
  }

  async function openSaveAs() {
    target.querySelector<HTMLButtonElement>('[data-testid="scenario-save-as"]')!.click();
    await settle();
  }

  async function confirmName(name: string) {
    const input = target.querySelector<HTMLInputElement>('[data-testid="scenario-name-input"]')!;
    input.value = name;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    target.querySelector<HTMLButtonElement>('[data-testid="scenario-name-confirm"]')!.click();
    await settle();
  }

  /** Longer than the autosave's pause (400 ms): a person typing the new name. */
  const pause = async () => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await settle();
  };

  const savesTo = (id: number) => calls.filter((c) => c.cmd === "scenario_save" && c.args.id === id);

  it("Save as new puts the unsaved edits on the new scenario only; the original keeps its saved inputs", async () => {
    component = mount(CapacityPage, { target });
    await settle();
    calls = [];
    await typeArrPerCsm("2000000");
    // The dialog opens before the autosave's pause is over; the name takes longer to type.
    await openSaveAs();
    await pause();
    expect(savesTo(1)).toHaveLength(0);
    await confirmName("Leaner team");
    const created = calls.filter((c) => c.cmd === "scenario_create");
    expect(created).toHaveLength(1);
    expect(created[0]!.args.name).toBe("Leaner team");
    expect((created[0]!.args.inputs as ScenarioInputs).params.arr_per_csm).toBe(200_000_000);
    // Long after, the original ("Base plan", id 1) has still not been written.
    await pause();
    expect(savesTo(1)).toHaveLength(0);
    expect(target.querySelector('[data-testid="save-status"]')?.textContent).toBe("Saved");
    // Later edits go to the new scenario.
    await typeArrPerCsm("1800000");
    await pause();
    expect(savesTo(1)).toHaveLength(0);
    expect(savesTo(2)).toHaveLength(1);
    expect((savesTo(2)[0]!.args.inputs as ScenarioInputs).params.arr_per_csm).toBe(180_000_000);
  });

  it("holds an edit that is still being planned when the dialog opens", async () => {
    component = mount(CapacityPage, { target });
    await settle();
    calls = [];
    // The same moment: the plan for the edit has not answered when Save as new is pressed.
    const field = target.querySelector<HTMLInputElement>('[data-testid="input-arr-per-csm"]')!;
    field.value = "2000000";
    field.dispatchEvent(new Event("input", { bubbles: true }));
    target.querySelector<HTMLButtonElement>('[data-testid="scenario-save-as"]')!.click();
    await settle();
    expect(calls.filter((c) => c.cmd === "capacity_plan")).toHaveLength(1);
    await pause();
    expect(savesTo(1)).toHaveLength(0);
    await confirmName("Leaner team");
    await pause();
    expect(savesTo(1)).toHaveLength(0);
    expect((calls.find((c) => c.cmd === "scenario_create")!.args.inputs as ScenarioInputs).params.arr_per_csm).toBe(200_000_000);
  });

  it("holds the edits while a refused name is corrected, and saves them to the open scenario when the dialog is cancelled", async () => {
    takenNames = ["Base plan"];
    component = mount(CapacityPage, { target });
    await settle();
    calls = [];
    await typeArrPerCsm("2000000");
    await openSaveAs();
    await confirmName("Base plan");
    expect(target.textContent).toContain("already exists; choose another name.");
    // The dialog is still open: nothing is written behind it.
    await pause();
    expect(savesTo(1)).toHaveLength(0);
    expect(target.querySelector('[data-testid="save-status"]')?.textContent).toBe("Unsaved changes");
    // Cancelled: the edits belong to the open scenario after all, so nothing typed is lost.
    const cancel = [...target.querySelectorAll<HTMLButtonElement>("dialog button")].find((b) => b.textContent === "Cancel")!;
    cancel.click();
    await pause();
    expect(savesTo(1)).toHaveLength(1);
    expect((savesTo(1)[0]!.args.inputs as ScenarioInputs).params.arr_per_csm).toBe(200_000_000);
    expect(target.querySelector('[data-testid="save-status"]')?.textContent).toBe("Saved");
  });

  it("saves edits held by an open Save-as dialog to the open scenario when the page is left", async () => {
    component = mount(CapacityPage, { target });
    await settle();
    calls = [];
    await typeArrPerCsm("2000000");
    await openSaveAs();
    unmount(component!);
    component = null;
    await settle();
    expect(savesTo(1)).toHaveLength(1);
    expect((savesTo(1)[0]!.args.inputs as ScenarioInputs).params.arr_per_csm).toBe(200_000_000);
  });
});
