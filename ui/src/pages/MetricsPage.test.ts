import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { flushSync, mount, unmount } from "svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import MetricsPage from "./MetricsPage.svelte";
import type { CsMetric, MetricsSetup, MetricsView, MovementsPeriod, Snapshot } from "../api";

const snapshots: Snapshot[] = [
  { id: 4, as_of: "2025-10-01", label: "End of 2025-Q3", source: "demo", customers: 4, arr: 1_100_000, created_at: "x" },
  { id: 5, as_of: "2026-01-01", label: "End of 2025-Q4", source: "demo", customers: 4, arr: 1_170_000, created_at: "x" },
];

const setup: MetricsSetup = {
  costs: { cs_team_cost: null, support_team_cost: null, cac: null, gross_margin: null },
  settings: { gap_flag_points: 10, health_bands: { green_from: 70, yellow_from: 40 }, ltv_variant: "gross-margin" },
  warnings: { health_drop_points: 10, usage_drop_percent: 20 },
};

function metric(key: string, label: string, value: number | null, unit: CsMetric["unit"]): CsMetric {
  return {
    key,
    label,
    value,
    unit,
    formula: `${label} formula`,
    inputs: [["start ARR", "$11,000.00"]],
    source: "DOMAIN.md §5.1",
    caveat: key === "cltv_gross_margin" ? "Needs a gross margin." : null,
    benchmark: key === "ltv_cac" ? { text: "Should be higher than 3", met: null } : null,
  };
}

/** The CLI fixture's period (DOMAIN.md §5.1): NRR 7,700 / 11,000 = 70.0%, GRR 7,200 / 11,000. */
function view(nrr = 0.7): MetricsView {
  const metrics = [
    metric("logo_churn_rate", "Logo churn rate", 0.25, "percent"),
    metric("grr", "Gross revenue retention (GRR)", 7200 / 11000, "percent"),
    metric("nrr", "Net revenue retention (NRR)", nrr, "percent"),
    metric("net_new_arr", "Net new ARR", 700, "money"),
    metric("nps", "Net Promoter Score (NPS)", 25, "points"),
    metric("ltv_cac", "LTV:CAC", null, "ratio"),
    metric("health_green", "Health: green (good)", 0.75, "percent"),
  ];
  const movements = {
    starting_arr: 1_100_000, new: 400_000, expansion: 50_000, contraction: 80_000, churned: 300_000,
    reactivated: 0, ending_arr: 1_170_000, customers_at_start: 4, new_customers: 1, churned_customers: 1,
    reactivated_customers: 0, customers_at_end: 4,
  };
  return {
    report: {
      from: snapshots[0],
      to: snapshots[1],
      months: 3,
      groups: [{ group: { by: "book" }, label: "Whole book", movements, health: { green: 3, yellow: 0, red: 1 }, metrics }],
    },
    warning: {
      from: snapshots[0],
      to: snapshots[1],
      renewals_until: "2026-04-01",
      renewals_by_band: [
        { band: "green", accounts: 1, arr: 150_000 },
        { band: "yellow", accounts: 0, arr: 0 },
        { band: "red", accounts: 0, arr: 0 },
      ],
      thresholds: { health_drop_points: 10, usage_drop_percent: 20 },
      health_fell: 1,
      usage_fell: 1,
      accounts: [
        {
          account_id: "ACC-0000002", account_name: "Birch Foods", arr: 120_000, csm_owner: "Ann Lee",
          renewal_date: "2026-07-01", health_score: 35, health_before: 60, active_users: 20,
          active_users_before: 30, band: "red", renewal_due: false, health_fell: true, usage_fell: true,
        },
      ],
      total: 1,
    },
    trend: [],
    trend_chart: '<svg width="640" height="360"><title>Revenue and logo retention per period</title></svg>',
  };
}

/** The same book measured from the last snapshot and a movements file up to 2026-03-31. */
function movementsPeriod(to = "2026-03-31", by = "book"): MovementsPeriod {
  const book = { ...view().report.groups[0]!, health: { green: 2, yellow: 1, red: 1 } };
  const groups =
    by === "csm"
      ? [{ ...book, group: { by: "csm" as const, name: "Ann Lee" }, label: "CSM Ann Lee", metrics: book.metrics.map((m) => (m.key === "nrr" ? { ...m, value: 0.9 } : m)) }]
      : [];
  return { from: snapshots[1]!, to, months: 2, rows: 4, book, groups };
}

let calls: { cmd: string; args: Record<string, unknown> }[] = [];
let target: HTMLElement;
let component: ReturnType<typeof mount> | null = null;

async function settle() {
  for (let i = 0; i < 10; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    flushSync();
  }
}

const byTestId = (id: string) => target.querySelector(`[data-testid="${id}"]`) as HTMLElement;

beforeEach(() => {
  calls = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: (args ?? {}) as Record<string, unknown> });
    switch (cmd) {
      case "metrics_snapshots":
        return structuredClone(snapshots);
      case "metrics_setup":
        return structuredClone(setup);
      case "metrics_view": {
        const sent = (args as { setup: MetricsSetup }).setup;
        // A CS cost makes no difference to NRR; the mock answers a changed NRR so the test sees
        // that the page asked again and shows the new answer.
        return view(sent.costs.cs_team_cost === null ? 0.7 : 0.9);
      }
      case "metrics_movements_view":
        return movementsPeriod((args as { to: string }).to, (args as { by: string }).by);
      default:
        return null;
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

describe("MetricsPage", () => {
  it("opens on the latest period with the answer in one sentence", async () => {
    component = mount(MetricsPage, { target });
    await settle();
    const asked = calls.find((c) => c.cmd === "metrics_view");
    expect(asked?.args).toMatchObject({ fromId: 4, toId: 5, by: "book" });
    expect(byTestId("metrics-headline").textContent).toBe("NRR 70.0%, GRR 65.5% for 2025-Q4");
    expect(byTestId("metric-nrr-value").textContent).toBe("70.0%");
    expect(byTestId("metric-net_new_arr-value").textContent).toBe("$700");
    expect(byTestId("metric-nps-value").textContent).toBe("+25.0");
    expect(byTestId("metric-ltv_cac-value").textContent).toBe("n/a");
    expect(byTestId("renewals-green").textContent).toContain("$1,500");
    expect(byTestId("warning-list").textContent).toContain("60 → 35");
  });

  it("shows how a metric is computed when its card is clicked", async () => {
    component = mount(MetricsPage, { target });
    await settle();
    expect(byTestId("formula-text").textContent).toBe("Net revenue retention (NRR) formula");
    byTestId("metric-grr").click();
    flushSync();
    expect(byTestId("formula-text").textContent).toBe("Gross revenue retention (GRR) formula");
    expect(byTestId("formula-inputs").textContent).toContain("$11,000.00");
    expect(byTestId("formula-source").textContent).toBe("DOMAIN.md §5.1");
  });

  it("recomputes at once when a cost input changes and keeps a bad entry with its reason", async () => {
    component = mount(MetricsPage, { target });
    await settle();
    const cs = byTestId("cs-cost") as HTMLInputElement;
    cs.value = "250000";
    cs.dispatchEvent(new Event("input", { bubbles: true }));
    cs.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();
    const last = calls.filter((c) => c.cmd === "metrics_view").at(-1);
    expect((last?.args.setup as MetricsSetup).costs.cs_team_cost).toBe(25_000_000);
    expect(byTestId("metric-nrr-value").textContent).toBe("90.0%");

    const cac = byTestId("cac") as HTMLInputElement;
    cac.value = "lots";
    cac.dispatchEvent(new Event("input", { bubbles: true }));
    cac.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();
    expect(byTestId("input-error").textContent).toContain('CAC: "lots" is not an amount');
    expect(cac.value).toBe("lots");
  });

  it("tells an empty workspace to take snapshots", async () => {
    mockIPC((cmd) => (cmd === "metrics_snapshots" ? [] : cmd === "metrics_setup" ? structuredClone(setup) : null));
    component = mount(MetricsPage, { target });
    await settle();
    expect(byTestId("metrics-headline").textContent).toBe("Needs two snapshots of the book");
    expect(byTestId("take-snapshot")).not.toBeNull();
  });
  it("imports a movements file through the open dialog and says what it held, or why it was refused", async () => {
    let answer: () => unknown = () => ({
      file: "/home/me/movements q1.csv", rows: 4, replaced: 3, first_date: "2026-02-01", last_date: "2026-03-10",
    });
    mockIPC((cmd) => {
      calls.push({ cmd, args: {} });
      if (cmd === "metrics_import_movements") return answer();
      return cmd === "metrics_snapshots" ? structuredClone(snapshots) : cmd === "metrics_setup" ? structuredClone(setup) : view();
    });
    component = mount(MetricsPage, { target });
    await settle();
    byTestId("import-movements").click();
    await settle();
    expect(calls.filter((c) => c.cmd === "metrics_import_movements")).toHaveLength(1);
    expect(byTestId("movements-note").textContent).toBe(
      "Imported movements q1.csv: 4 movements, dated 2026-02-01 to 2026-03-10 (replacing 3 from its last import).",
    );

    answer = () => {
      throw { code: "invalid-import", message: "movements.csv was not imported: line 3, column date: \"2026-13-01\" is not a date." };
    };
    byTestId("import-movements").click();
    await settle();
    expect(byTestId("movements-note")).toBeNull();
    expect(byTestId("movements-error").textContent).toBe(
      "movements.csv was not imported: line 3, column date: \"2026-13-01\" is not a date.",
    );

    // The dialog cancelled: nothing said.
    answer = () => null;
    byTestId("import-movements").click();
    await settle();
    expect([byTestId("movements-note"), byTestId("movements-error")]).toEqual([null, null]);
  });

  it("measures the period from the last snapshot and the movements after it, whole book only", async () => {
    component = mount(MetricsPage, { target });
    await settle();
    const sourceSelect = byTestId("period-source") as HTMLSelectElement;
    sourceSelect.value = "movements";
    sourceSelect.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();
    const asked = calls.filter((c) => c.cmd === "metrics_movements_view");
    expect(asked).toHaveLength(1);
    // From the latest snapshot (2026-01-01), the movements up to today unless a file said otherwise.
    expect(asked[0]!.args).toMatchObject({ from: "2026-01-01", setup });
    const to = byTestId("movements-to") as HTMLInputElement;
    expect(asked[0]!.args.to).toBe(to.value);
    to.value = "2026-03-31";
    to.dispatchEvent(new Event("input", { bubbles: true }));
    to.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();
    expect(calls.filter((c) => c.cmd === "metrics_movements_view").at(-1)!.args).toMatchObject({ from: "2026-01-01", to: "2026-03-31" });

    expect(byTestId("metrics-headline").textContent).toBe("NRR 70.0%, GRR 65.5% for 2026-01-01 to 2026-03-31");
    expect(byTestId("metrics-period").textContent?.replace(/\s+/g, " ").trim()).toBe(
      "Snapshot End of 2025-Q4 (2026-01-01) and the 4 movements after it up to 2026-03-31, 2 months: $11k → $11.7k ARR, 4 → 4 customers.",
    );
    expect(byTestId("metric-nrr-value").textContent).toBe("70.0%");
    byTestId("metric-grr").click();
    flushSync();
    expect(byTestId("formula-text").textContent).toBe("Gross revenue retention (GRR) formula");
    expect(byTestId("health-bands").textContent).toContain("Green (good): 70 and up");
    expect(byTestId("metrics-groups")).toBeNull();
    expect(byTestId("movements-scope")).not.toBeNull();
    expect(byTestId("warning-list")).toBeNull();
    expect(byTestId("metrics-trend")).toBeNull();

    // Per CSM: the same period asked again by CSM, each group beside the whole book.
    const groupBy = byTestId("group-by") as HTMLSelectElement;
    groupBy.value = "csm";
    groupBy.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();
    expect(calls.filter((c) => c.cmd === "metrics_movements_view").at(-1)!.args).toMatchObject({ by: "csm", to: "2026-03-31" });
    const rows = [...byTestId("metrics-groups").querySelectorAll("tbody tr")].map((r) => r.querySelector("td")?.textContent?.trim());
    expect(rows).toEqual(["Whole book", "CSM Ann Lee"]);
    expect(byTestId("metrics-groups").textContent).toContain("90.0%");
    expect(byTestId("groups-note").textContent).toContain("accounts new in the movements file had");
    groupBy.value = "book";
    groupBy.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();

    // Back to two snapshots: the latest period between them again.
    sourceSelect.value = "snapshots";
    sourceSelect.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();
    expect(calls.filter((c) => c.cmd === "metrics_view").at(-1)!.args).toMatchObject({ fromId: 4, toId: 5 });
    expect(byTestId("metrics-headline").textContent).toBe("NRR 70.0%, GRR 65.5% for 2025-Q4");
  });

  it("edits the health cut-offs in a workspace without snapshots and saves them there", async () => {
    mockIPC((cmd, args) => {
      calls.push({ cmd, args: (args ?? {}) as Record<string, unknown> });
      return cmd === "metrics_snapshots" ? [] : cmd === "metrics_setup" ? structuredClone(setup) : null;
    });
    component = mount(MetricsPage, { target });
    await settle();
    expect(byTestId("metrics-headline").textContent).toBe("Needs two snapshots of the book");
    expect(byTestId("health-cutoffs-sentence").textContent?.replace(/\s+/g, " ").trim()).toContain(
      "A health score of 70 and up is green (good), 40 to below 70 yellow (average), below 40 red (poor).",
    );
    const green = byTestId("green-from") as HTMLInputElement;
    green.value = "80";
    green.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();
    const saved = calls.filter((c) => c.cmd === "metrics_save_setup");
    expect(saved).toHaveLength(1);
    expect((saved[0]!.args.setup as MetricsSetup).settings.health_bands).toEqual({ green_from: 80, yellow_from: 40 });
    expect(calls.filter((c) => c.cmd === "metrics_view")).toHaveLength(0);
    expect(byTestId("health-cutoffs-sentence").textContent).toContain("80 and up is green");

    // Yellow at or above green is refused beside the cut-offs and nothing is saved.
    const yellow = byTestId("yellow-from") as HTMLInputElement;
    yellow.value = "85";
    yellow.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();
    expect(byTestId("bands-error").textContent).toBe("Yellow must start below green (green 80, yellow 85).");
    expect(calls.filter((c) => c.cmd === "metrics_save_setup")).toHaveLength(1);

    expect(yellow.value).toBe("85");
    byTestId("bands-reset").click();
    await settle();
    expect(byTestId("bands-error")).toBeNull();
    expect([green.value, yellow.value]).toEqual(["70", "40"]);
    expect((calls.filter((c) => c.cmd === "metrics_save_setup").at(-1)!.args.setup as MetricsSetup).settings.health_bands).toEqual({
      green_from: 70,
      yellow_from: 40,
    });
  });
});
