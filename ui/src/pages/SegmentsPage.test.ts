import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { flushSync, mount, unmount } from "svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import SegmentsPage from "./SegmentsPage.svelte";
import type { BookTotal, RuleChange, RuleSet, SavedRuleSet, SegmentsView, SegmentSummary } from "../api";

const rules: RuleSet = {
  name: "Tiers",
  as_of: "2026-01-01",
  segments: [
    {
      name: "Enterprise",
      touch_model: "high-touch",
      colour: "#009E73",
      conditions: [{ kind: "range", field: "arr", min: 100000 }],
      activities: [{ name: "QBR", per_customer_per_month: 1, minutes: 60 }],
    },
  ],
  catch_all: { name: "SMB", touch_model: "automated", colour: "#56B4E9", activities: null },
};
const saved: SavedRuleSet = { id: 7, rules, updated_at: "2026-11-27T10:00:00Z" };

/** A book of 10 accounts: those from the rule's ARR bound up are Enterprise, so moving the
 * bound from $100,000 to $50,000 moves 3 accounts, as the mocked backend says. */
function row(segment: string, touch: SegmentSummary["touch_model"], accounts: number): SegmentSummary {
  return {
    segment,
    touch_model: touch,
    colour: "#009E73",
    accounts,
    total_arr: accounts * 10_000_000,
    share_of_arr: accounts / 10,
    share_of_accounts: accounts / 10,
    mean_health: 70,
    health_points: 70 * accounts,
    nps: 0,
    nps_responses: 1,
    nps_promoters: 0,
    nps_detractors: 0,
    renewals_next_90_days: 0,
    renewals_next_90_days_arr: 0,
  };
}

function viewFor(r: RuleSet): SegmentsView {
  const range = r.segments[0]?.conditions[0];
  const enterprise = range && range.kind === "range" && range.min === 50000 ? 5 : 2;
  const summary = [row("Enterprise", "high-touch", enterprise), row("SMB", "automated", 10 - enterprise)];
  return {
    summary,
    total: totalFor(enterprise),
    health: [],
    health_bands: { green_from: 75, yellow_from: 45.5 },
    charts: { arr_and_accounts: '<svg width="640" height="360"></svg>', health: '<svg width="640" height="360"></svg>' },
  };
}

/** The domain's total for the mocked book. Its figures differ on purpose from what adding up
 * the rows would give (mean health 68.4 where every row says 70, 2 renewals where the rows say
 * 0), so the page is seen to show the domain's total and not sums of its own. */
function totalFor(enterprise: number): BookTotal {
  return {
    segments: 2,
    accounts: 10,
    total_arr: 100_000_000,
    mean_health: 68.4,
    nps: 12.5,
    nps_responses: 8,
    nps_promoters: 3,
    nps_detractors: 2,
    renewals_next_90_days: 2,
    renewals_next_90_days_arr: 1_234_567,
    touch_models: [
      { touch_model: "high-touch", segments: 1, accounts: enterprise, total_arr: enterprise * 10_000_000, share_of_accounts: enterprise / 10, share_of_arr: enterprise / 10 },
      { touch_model: "automated", segments: 1, accounts: 10 - enterprise, total_arr: (10 - enterprise) * 10_000_000, share_of_accounts: (10 - enterprise) / 10, share_of_arr: (10 - enterprise) / 10 },
    ],
  };
}

const side = { fte_a: 0.1, fte_b: 0.3, fte_change: 0.2, headcount_a: 1, headcount_b: 1, headcount_change: 0 };
const preview: RuleChange = {
  moves: {
    from: ["Enterprise", "SMB"],
    to: ["Enterprise", "SMB"],
    cells: [
      [{ accounts: 2, arr: 1 }, { accounts: 0, arr: 0 }],
      [{ accounts: 3, arr: 30_000_000 }, { accounts: 5, arr: 1 }],
    ],
    moved_accounts: 3,
    moved_arr: 30_000_000,
  },
  headcount: [{ segment: "Total", accounts_a: 10, accounts_b: 10, arr_a: 0, arr_b: 0, top_down: side, bottom_up: side }],
};

let calls: { cmd: string; args: Record<string, unknown> }[] = [];
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
  mockIPC((cmd, args) => {
    const payload = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: payload });
    switch (cmd) {
      case "segment_fields":
        return { regions: ["NA"], plans: ["Growth"], lifecycle_stages: ["adoption"], icp_fits: ["ideal", "stretch", "bad"], custom_columns: [] };
      case "rule_sets_list":
        return [{ id: 7, name: "Tiers", updated_at: saved.updated_at }];
      case "rule_set_current":
        return structuredClone(saved);
      case "segments_view":
        return viewFor(payload.rules as RuleSet);
      case "segments_preview":
        return structuredClone(preview);
      case "rule_set_save":
        return { id: 7, name: "Tiers", updated_at: saved.updated_at };
      case "segments_export":
        return payload.format === "csv" ? "/home/me/Tiers segments.csv" : null;
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

function text(testid: string): string | null | undefined {
  return target.querySelector(`[data-testid="${testid}"]`)?.textContent;
}

async function editBound(value: string) {
  const min = target.querySelector<HTMLInputElement>('[data-testid="condition-min"]')!;
  min.value = value;
  min.dispatchEvent(new Event("input", { bubbles: true }));
  await settle();
}

describe("Segments page", () => {
  it("opens with the question and the answer in words", async () => {
    component = mount(SegmentsPage, { target });
    await settle();
    expect(target.querySelector("h1")?.textContent).toBe(
      "Which customers belong together, and how do we serve each group?",
    );
    expect(text("segments-headline")).toBe("2 segments: 2 high-touch accounts hold 20.0% of ARR.");
    expect(text("rule-set-status")).toBe("Saved");
    expect(target.querySelector('[data-testid="move-preview"]')).toBeNull();
  });

  it("re-segments at once on an edit and previews the moves before saving", async () => {
    component = mount(SegmentsPage, { target });
    await settle();
    calls = [];
    await editBound("50000");
    const views = calls.filter((c) => c.cmd === "segments_view");
    expect(views).toHaveLength(1);
    const sent = views[0]!.args.rules as RuleSet;
    expect(sent.segments[0]!.conditions[0]).toEqual({ kind: "range", field: "arr", min: 50000 });
    expect(calls.filter((c) => c.cmd === "segments_preview")[0]!.args.id).toBe(7);
    expect(text("segments-headline")).toBe("2 segments: 5 high-touch accounts hold 50.0% of ARR.");
    expect(text("rule-set-status")).toBe("Unsaved changes");
    expect(text("move-list")).toContain("3 accounts ($300k) move from SMB to Enterprise");
    expect(text("headcount-summary")).toBe("Headcount top-down 1 → 1 hires (0.1 → 0.3 FTE), bottom-up 1 → 1 hires (0.1 → 0.3 FTE).");
    // Nothing is saved until Save.
    expect(calls.filter((c) => c.cmd === "rule_set_save")).toHaveLength(0);

    target.querySelector<HTMLButtonElement>('[data-testid="rules-save"]')!.click();
    await settle();
    const saves = calls.filter((c) => c.cmd === "rule_set_save");
    expect(saves).toHaveLength(1);
    expect((saves[0]!.args.rules as RuleSet).segments[0]!.conditions[0]).toEqual({ kind: "range", field: "arr", min: 50000 });
    expect(text("rule-set-status")).toBe("Saved");
    expect(target.querySelector('[data-testid="move-preview"]')).toBeNull();
  });

  it("shows the domain's total, not sums of the rows", async () => {
    component = mount(SegmentsPage, { target });
    await settle();
    const cells = Array.from(target.querySelectorAll('[data-testid="segment-total"] th')).map((c) => c.textContent?.trim());
    expect(cells).toEqual(["Total", "", "10", "100.0%", "$1,000,000.00", "100.0%", "68.4", "+13 (8)", "2", "$12,345.67"]);
    expect(target.querySelector('[data-testid="segment-total-nps"]')?.getAttribute("title")).toContain("3 promoters, 2 detractors");
  });

  it("names the workspace's health cut-offs and links to where they are changed", async () => {
    const went: string[] = [];
    component = mount(SegmentsPage, { target, props: { onnavigate: (page: string) => went.push(page) } });
    await settle();
    expect(text("health-bands-used")?.replace(/\s+/g, " ").trim()).toBe(
      "Health bands: green 75 and up, yellow 45.5 to below 75, red below 45.5 (DOMAIN.md §6.2; the cut-offs are the workspace's, the same the Metrics page uses). Change them on the Metrics page (Health)",
    );
    target.querySelector<HTMLButtonElement>('[data-testid="health-bands-change"]')!.click();
    expect(went).toEqual(["metrics"]);
  });

  it("exports the segments on screen, unsaved edits included, and says where", async () => {
    component = mount(SegmentsPage, { target });
    await settle();
    await editBound("50000");
    calls = [];
    target.querySelector<HTMLButtonElement>('[data-testid="segments-export-csv"]')!.click();
    await settle();
    const exports = calls.filter((c) => c.cmd === "segments_export");
    expect(exports).toHaveLength(1);
    expect(exports[0]!.args.format).toBe("csv");
    expect((exports[0]!.args.rules as RuleSet).segments[0]!.conditions[0]).toEqual({ kind: "range", field: "arr", min: 50000 });
    expect(target.querySelector(".notice")?.textContent).toBe(
      "Saved the segments of “Tiers” with your unsaved changes to /home/me/Tiers segments.csv.",
    );
    // A cancelled dialog says nothing.
    target.querySelector<HTMLButtonElement>('[data-testid="segments-export-xlsx"]')!.click();
    await settle();
    expect(calls.filter((c) => c.cmd === "segments_export").map((c) => c.args.format)).toEqual(["csv", "xlsx"]);
    expect(target.querySelector(".notice")).toBeNull();
  });

  it("discards an edit back to the saved rules, and marks a bound that is not a number", async () => {
    component = mount(SegmentsPage, { target });
    await settle();
    await editBound("abc");
    expect(target.querySelector('[data-testid="condition-min"]')?.classList.contains("bad")).toBe(true);
    expect(text("rule-set-status")).toBe("Saved");
    await editBound("50000");
    expect(text("rule-set-status")).toBe("Unsaved changes");
    target.querySelector<HTMLButtonElement>('[data-testid="rules-discard"]')!.click();
    await settle();
    expect(text("rule-set-status")).toBe("Saved");
    expect(target.querySelector<HTMLInputElement>('[data-testid="condition-min"]')?.value).toBe("100000");
    expect(text("segments-headline")).toBe("2 segments: 2 high-touch accounts hold 20.0% of ARR.");
  });
});
