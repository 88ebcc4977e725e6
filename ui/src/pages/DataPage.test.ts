import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { flushSync, mount, unmount } from "svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import DataPage from "./DataPage.svelte";
import { importFlow } from "../components/data/flow.svelte";
import type {
  FieldChoice,
  ImportOptions,
  ImportOutcome,
  ImportPreview,
  ImportRecord,
  SavedMapping,
  WorkspaceInfo,
} from "../api";

const info: WorkspaceInfo = {
  name: "ws",
  path: "/tmp/ws.db",
  kind: "demo",
  accounts: 2000,
  total_arr: 3_510_099_671,
  csms: 12,
  quarters: 8,
  scenarios: 2,
};

const fields: FieldChoice[] = [
  { field: "account_id", label: "Account ID", required: true },
  { field: "account_name", label: "Account name", required: true },
  { field: "arr", label: "ARR", required: true },
  { field: "health_score", label: "Health score", required: false },
];

/** A 5-row export with two bad rows (3 problems): the page must show them as the store sends them. */
function previewWithProblems(): ImportPreview {
  return {
    file: "/data/crm export.csv",
    kind: "csv",
    sheets: [],
    sheet: null,
    encoding: "UTF-8",
    headers: ["Id", "Company", "Annual Recurring Revenue", "Health", "Notes"],
    mapping: {
      columns: [
        { header: "Id", target: { kind: "field", field: "account_id" } },
        { header: "Company", target: { kind: "field", field: "account_name" } },
        { header: "Annual Recurring Revenue", target: { kind: "field", field: "arr" } },
        { header: "Health", target: { kind: "field", field: "health_score" } },
        { header: "Notes", target: { kind: "custom" } },
      ],
    },
    mapping_origin: { kind: "detected" },
    missing_fields: [],
    sample: [
      ["A-1", "Acme", "$1,200.50", "80", "x"],
      ["A-2", "Beta", "twelve", "140", ""],
    ],
    rows: 5,
    valid_rows: 3,
    date_order: { kind: "not_needed" },
    report: {
      file: "/data/crm export.csv",
      problems: [
        { line: 3, column: "Annual Recurring Revenue", value: "twelve", reason: "not a number" },
        { line: 3, column: "Health", value: "140", reason: "health score must be 0 to 100" },
        { line: 5, column: "Annual Recurring Revenue", value: "abc", reason: "not a number" },
      ],
      total_problems: 3,
      rejected_rows: 2,
    },
  };
}

const outcome: ImportOutcome = {
  import_id: 7,
  file: "/data/crm export.csv",
  kind: "csv",
  date_order: { kind: "not_needed" },
  mapping_origin: { kind: "detected" },
  added: 2,
  updated: 1,
  rejected: 2,
  report: previewWithProblems().report,
};

const record: ImportRecord = {
  id: 7,
  file_name: "crm export.csv",
  kind: "csv",
  sheet: null,
  mapping_name: null,
  started_at: "2026-11-27T20:00:00Z",
  finished_at: "2026-11-27T20:00:01Z",
  added: 2,
  updated: 1,
  rejected: 2,
  undone_at: null,
  can_undo: true,
};

let calls: { cmd: string; args: Record<string, unknown> }[] = [];
let handlers: Record<string, (args: Record<string, unknown>) => unknown> = {};
let history: ImportRecord[] = [];
let changed: WorkspaceInfo[] = [];
let target: HTMLElement;
let component: ReturnType<typeof mount> | null = null;

async function settle() {
  for (let i = 0; i < 10; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    flushSync();
  }
}

const byTestId = (id: string) => target.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const cellTexts = (row: Element) => [...row.querySelectorAll("td")].map((c) => c.textContent?.trim());
const click = async (id: string) => {
  const el = byTestId(id);
  expect(el, `element ${id}`).not.toBeNull();
  el!.click();
  await settle();
};

beforeEach(() => {
  calls = [];
  history = [];
  changed = [];
  importFlow.close();
  handlers = {
    import_fields: () => fields,
    import_history: () => history,
    import_pick: () => previewWithProblems(),
    import_progress: () => null,
    import_mappings: () => [],
    workspace_info: () => ({ ...info, accounts: 2002 }),
  };
  mockIPC((cmd, args) => {
    const payload = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: payload });
    const handler = handlers[cmd];
    if (!handler) throw { code: "unexpected", message: `unmocked command ${cmd}` };
    return handler(payload);
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

function open(with_: Partial<WorkspaceInfo> = {}) {
  component = mount(DataPage, { target, props: { info: { ...info, ...with_ }, onchanged: (next: WorkspaceInfo) => changed.push(next) } });
}

describe("Data page", () => {
  it("answers with the book the plan is built on and says what to do when it is empty", async () => {
    open({ accounts: 0, total_arr: 0 });
    await settle();
    expect(target.querySelector("h1")?.textContent).toBe("What data is this plan built on?");
    expect(byTestId("data-headline")?.textContent?.trim()).toBe("0 accounts, $0 ARR");
    expect(byTestId("data-empty")?.textContent).toContain("Import accounts…");
    expect(target.textContent).toContain("No file has been imported into this workspace yet.");
  });

  it("previews a picked file: mapping, problems by reason and line, and the skip-invalid choice", async () => {
    open();
    await settle();
    await click("import-pick");

    expect(byTestId("import-origin")?.textContent).toBe(
      "Columns were matched by their headers. Check each one and change any that is wrong.",
    );
    const arrSelect = byTestId("mapping-2") as HTMLSelectElement;
    expect(arrSelect.value).toBe("field:arr");
    expect((byTestId("mapping-4") as HTMLSelectElement).value).toBe("custom");

    expect(byTestId("import-verdict")?.textContent).toBe("3 of 5 rows can be imported; 2 have problems.");
    const report = byTestId("import-report")!;
    expect(report.querySelector(".lead")?.textContent?.replace(/\s+/g, " ").trim()).toBe(
      "3 problems in 2 rows. Import the valid rows and skip these, or cancel and fix the file first.",
    );
    const reasons = [...byTestId("import-reasons")!.querySelectorAll("tbody tr")].map(cellTexts);
    expect(reasons).toEqual([
      ["not a number", "Annual Recurring Revenue", "2"],
      ["health score must be 0 to 100", "Health", "1"],
    ]);
    const problems = [...byTestId("import-problems")!.querySelectorAll("tbody tr")].map(cellTexts);
    expect(problems).toEqual([
      ["3", "Annual Recurring Revenue", "twelve", "not a number"],
      ["3", "Health", "140", "health score must be 0 to 100"],
      ["5", "Annual Recurring Revenue", "abc", "not a number"],
    ]);
    expect(byTestId("import-run")?.textContent).toBe("Import 3 valid rows (skip 2)");
    expect(byTestId("import-close")?.textContent?.trim()).toBe("Cancel, I'll fix the file");
  });

  it("shows the file's rows and each column's examples while ARR is unmapped, and blocks the import naming it", async () => {
    // What the store sends for a file whose ARR column is "Contract Value" (store test
    // the_preview_shows_the_rows_of_a_file_whose_arr_column_is_unmapped): rows counted and sampled,
    // nothing checked yet.
    const base = previewWithProblems();
    handlers.import_pick = () => ({
      ...base,
      headers: ["Id", "Company", "Contract Value", "Health", "Notes"],
      mapping: {
        columns: base.mapping.columns.map((c, i) => (i === 2 ? { header: "Contract Value", target: { kind: "custom" as const } } : c)),
      },
      missing_fields: ["arr"],
      sample: [
        ["A-1", "Acme", "$1,200.50", "80", "x"],
        ["A-2", "Beta", "900", "", ""],
        ["A-3", "Cole", "$75k", "55", "y"],
      ],
      rows: 3,
      valid_rows: 0,
      report: { file: base.file, problems: [], total_problems: 0, rejected_rows: 0 },
    });
    open();
    await settle();
    await click("import-pick");

    expect(byTestId("import-verdict")?.textContent).toBe("The rows are checked once every required field has a column.");
    expect(byTestId("import-blocked")?.textContent).toBe("Choose the column that holds ARR before importing.");
    expect(byTestId("import-run")).toBeNull();
    expect(target.querySelector(".facts")?.textContent?.replace(/\s+/g, " ").trim()).toBe("CSV, UTF-8 · 3 rows · 5 columns");
    const examples = [...byTestId("import-mapping")!.querySelectorAll("tbody tr")].map((r) => r.querySelector(".examples")?.textContent);
    expect(examples).toEqual(["A-1 · A-2 · A-3", "Acme · Beta · Cole", "$1,200.50 · 900 · $75k", "80 · 55", "x · y"]);
    expect(target.querySelector(".sample summary")?.textContent).toBe("The first 3 rows as they are in the file");
    const sample = [...byTestId("import-sample")!.querySelectorAll("tbody tr")].map(cellTexts);
    expect(sample[2]).toEqual(["A-3", "Cole", "$75k", "55", "y"]);
  });

  it("moves a field picked for another column there: the store's answer is previewed and the column that had it noted", async () => {
    open();
    await settle();
    await click("import-pick");
    const before = previewWithProblems().mapping;
    // The store's with_target_at answer, by hand: Notes reads ARR, the ARR column keeps its values
    // as a custom field (store import_mappings test; the CLI's --map).
    const after = {
      columns: before.columns.map((c, i) =>
        i === 2 ? { ...c, target: { kind: "custom" as const } } : i === 4 ? { ...c, target: { kind: "field" as const, field: "arr" as const } } : c,
      ),
    };
    handlers.import_mapping_remap = () => after;
    handlers.import_preview = (args) => ({ ...previewWithProblems(), mapping: (args.options as ImportOptions).mapping!, mapping_origin: { kind: "given" } });
    const select = byTestId("mapping-4") as HTMLSelectElement;
    select.value = "field:arr";
    select.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();

    const remap = calls.find((c) => c.cmd === "import_mapping_remap")!;
    expect(remap.args).toEqual({ mapping: before, column: 4, target: { kind: "field", field: "arr" } });
    const preview = calls.find((c) => c.cmd === "import_preview")!;
    expect((preview.args.options as ImportOptions).mapping).toEqual(after);
    expect((byTestId("mapping-2") as HTMLSelectElement).value).toBe("custom");
    expect((byTestId("mapping-4") as HTMLSelectElement).value).toBe("field:arr");
    expect(byTestId("mapping-moved-2")?.textContent).toBe(
      "Was ARR: “Notes” gives ARR now, so this column is kept as a custom field",
    );
    expect(byTestId("mapping-moved-4")).toBeNull();
  });

  it("previews again with the changed mapping as soon as a column is remapped", async () => {
    open();
    await settle();
    await click("import-pick");
    handlers.import_mapping_remap = (args) => {
      const mapping = args.mapping as ImportPreview["mapping"];
      return { columns: mapping.columns.map((c, i) => (i === args.column ? { ...c, target: args.target } : c)) };
    };
    handlers.import_preview = (args) => {
      const options = args.options as ImportOptions;
      const health = options.mapping!.columns[3]!.target;
      expect(health).toEqual({ kind: "skip" });
      return { ...previewWithProblems(), mapping: options.mapping!, mapping_origin: { kind: "given" }, valid_rows: 4,
        report: { ...previewWithProblems().report, problems: previewWithProblems().report.problems.filter((p) => p.column !== "Health"), total_problems: 2, rejected_rows: 1 } };
    };
    const select = byTestId("mapping-3") as HTMLSelectElement;
    select.value = "skip";
    select.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();

    const sent = calls.filter((c) => c.cmd === "import_preview");
    expect(sent).toHaveLength(1);
    expect((sent[0]!.args.options as ImportOptions).skip_invalid).toBe(false);
    expect(byTestId("import-run")?.textContent).toBe("Import 4 valid rows (skip 1)");
    expect(byTestId("import-origin")?.textContent).toBe("Your mapping. It is saved for the next import of this export.");
  });

  it("imports only the valid rows, shows added / updated / rejected, and tells every page", async () => {
    open();
    await settle();
    await click("import-pick");
    handlers.import_run = () => {
      history = [record];
      return outcome;
    };
    await click("import-run");

    const run = calls.find((c) => c.cmd === "import_run")!;
    expect((run.args.options as ImportOptions).skip_invalid).toBe(true);
    expect((run.args.options as ImportOptions).mapping).toBeNull();
    expect(byTestId("import-added")?.textContent).toBe("2");
    expect(byTestId("import-updated")?.textContent).toBe("1");
    expect(byTestId("import-rejected")?.textContent).toBe("2");
    expect(changed.map((c) => c.accounts)).toEqual([2002]);
    const rows = [...byTestId("import-history")!.querySelectorAll("tbody tr")].map(cellTexts);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(2)).toEqual(["2", "1", "2", "In place"]);
  });

  it("offers a single 'Import N accounts' for a file without problems", async () => {
    handlers.import_pick = () => ({
      ...previewWithProblems(),
      valid_rows: 5,
      report: { file: "x", problems: [], total_problems: 0, rejected_rows: 0 },
    });
    handlers.import_run = () => ({ ...outcome, added: 5, updated: 0, rejected: 0 });
    open();
    await settle();
    await click("import-pick");
    expect(byTestId("import-verdict")?.textContent).toBe("All 5 rows are valid.");
    expect(byTestId("import-run")?.textContent).toBe("Import 5 accounts");
    await click("import-run");
    expect((calls.find((c) => c.cmd === "import_run")!.args.options as ImportOptions).skip_invalid).toBe(false);
  });

  it("asks for the date order when the file leaves it open, and previews with the choice", async () => {
    handlers.import_pick = () => ({ ...previewWithProblems(), date_order: { kind: "ambiguous" } });
    handlers.import_preview = (args) => ({
      ...previewWithProblems(),
      date_order: { kind: "chosen", order: (args.options as ImportOptions).date_order! },
    });
    open();
    await settle();
    await click("import-pick");
    expect(byTestId("import-blocked")?.textContent).toBe("Choose how to read dates such as 03/04/2026 before importing.");
    expect(byTestId("import-run")).toBeNull();

    await click("date-order-dmy");
    expect((calls.find((c) => c.cmd === "import_preview")!.args.options as ImportOptions).date_order).toBe("dmy");
    expect(byTestId("import-date-order")?.textContent).toContain("Dates are read as day/month/year, as you chose.");
    expect(byTestId("import-run")?.textContent).toBe("Import 3 valid rows (skip 2)");
  });

  it("shows the progress while importing and says nothing was written after Cancel", async () => {
    let reject: (e: unknown) => void = () => {};
    handlers.import_run = () => new Promise((_, r) => (reject = r));
    handlers.import_progress = () => ({ rows_read: 2, bytes_read: 100, bytes_total: 400, phase: "reading", cancelled: false });
    handlers.import_cancel = () => {
      reject({ code: "cancelled", message: "The import of crm export.csv was cancelled." });
      return true;
    };
    open();
    await settle();
    await click("import-pick");
    byTestId("import-run")!.click();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await settle();
    const bar = byTestId("import-progress")!.querySelector("progress")!;
    expect([bar.value, bar.max]).toEqual([2, 5]);
    expect(byTestId("import-progress")?.textContent).toContain("Importing… 2 of 5 rows");

    await click("import-cancel");
    expect(byTestId("import-notice")?.textContent).toBe(
      "Import cancelled. Nothing was written: the workspace is as it was.",
    );
    expect(changed).toEqual([]);
    expect(byTestId("import-run")?.textContent).toBe("Import 3 valid rows (skip 2)");
  });

  it("reads another sheet of a workbook with that sheet's own mapping", async () => {
    handlers.import_pick = () => ({ ...previewWithProblems(), kind: "xlsx", encoding: "XLSX", sheets: ["Accounts", "Notes"], sheet: "Accounts" });
    handlers.import_preview = (args) => ({
      ...previewWithProblems(),
      kind: "xlsx",
      sheets: ["Accounts", "Notes"],
      sheet: (args.options as ImportOptions).sheet,
    });
    open();
    await settle();
    await click("import-pick");
    const select = byTestId("import-sheet") as HTMLSelectElement;
    expect(select.value).toBe("Accounts");
    expect(byTestId("import-preview")?.textContent).toContain("Excel workbook");
    select.value = "Notes";
    select.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();
    const sent = calls.find((c) => c.cmd === "import_preview")!.args.options as ImportOptions;
    expect([sent.sheet, sent.mapping]).toEqual(["Notes", null]);
    expect((byTestId("import-sheet") as HTMLSelectElement).value).toBe("Notes");
  });

  it("saves the report shown through the save dialog and says where", async () => {
    handlers.import_report_save = () => "/home/me/crm export - problems.csv";
    open();
    await settle();
    await click("import-pick");
    await click("import-report-save");
    expect(calls.filter((c) => c.cmd === "import_report_save")).toHaveLength(1);
    expect(byTestId("import-report-saved")?.textContent).toBe("Report saved to /home/me/crm export - problems.csv.");
  });

  it("stopping the reading of a big file starts over and says nothing was imported", async () => {
    let reject: (e: unknown) => void = () => {};
    handlers.import_pick = () => new Promise((_, r) => (reject = r));
    handlers.import_progress = () => ({ rows_read: 1000, bytes_read: 100, bytes_total: 400, phase: "reading", cancelled: false });
    handlers.import_cancel = () => {
      reject({ code: "cancelled", message: "The import of big.csv was cancelled; nothing was written." });
      return true;
    };
    open();
    await settle();
    byTestId("import-pick")!.click();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await settle();
    expect(byTestId("import-progress")?.textContent).toContain("Reading the file… 1,000 rows (25%)");
    await click("import-cancel");
    expect(byTestId("import-notice")?.textContent).toBe("Stopped reading the file. Nothing was imported.");
    expect(byTestId("import-error")).toBeNull();
    expect(byTestId("import-preview")).toBeNull();
  });

  it("undoes the last import after a confirmation and reloads every page", async () => {
    history = [record];
    handlers.import_undo = () => {
      history = [{ ...record, undone_at: "2026-11-27T20:05:00Z", can_undo: false }];
      return { import_id: 7, file_name: "crm export.csv", removed: 2, restored: 1 };
    };
    open();
    await settle();
    await click("import-undo");
    expect(byTestId("import-undo-text")?.textContent?.replace(/\s+/g, " ").trim()).toMatch(
      /^crm export\.csv, imported .*: its 2 added accounts are removed and its 1 updated account goes back to what it was before\./,
    );
    expect(calls.some((c) => c.cmd === "import_undo")).toBe(false);

    await click("import-undo-confirm");
    expect(calls.filter((c) => c.cmd === "import_undo")).toHaveLength(1);
    expect(byTestId("import-notice")?.textContent).toBe(
      "Undid the import of crm export.csv: 2 added accounts removed, 1 updated account restored.",
    );
    expect(changed).toHaveLength(1);
    expect((byTestId("import-undo") as HTMLButtonElement).disabled).toBe(true);
  });
  it("applies a mapping saved under a name, then saves the import under that name again", async () => {
    const hubspot: SavedMapping = {
      name: "HubSpot export",
      headers: ["Company", "Id", "Annual Recurring Revenue", "Health", "Notes"],
      mapping: previewWithProblems().mapping,
      updated_at: "2026-11-20T09:30:00Z",
    };
    handlers.import_mappings = () => [hubspot, { ...hubspot, name: null }];
    handlers.import_preview = (args) => {
      expect((args.options as ImportOptions).mapping_name).toBe("HubSpot export");
      return { ...previewWithProblems(), mapping_origin: { kind: "saved", name: "HubSpot export" } };
    };
    handlers.import_mapping_name_check = (args) => {
      expect(args).toEqual({ name: "HubSpot export", replacing: "HubSpot export" });
      return "HubSpot export";
    };
    handlers.import_run = () => outcome;
    open();
    await settle();
    await click("import-pick");
    // Only the named mapping is offered; the one remembered per headers has no name to pick.
    const rows = [...byTestId("saved-mappings")!.querySelectorAll("tbody tr")].map(cellTexts);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(0, 2)).toEqual(["HubSpot export", "5 columns: Company, Id, Annual Recurring Revenue, +2 more"]);
    expect((byTestId("mapping-name") as HTMLInputElement).value).toBe("");

    await click("saved-mapping-use");
    expect(byTestId("import-origin")?.textContent).toBe("Your saved mapping “HubSpot export” was applied to this export.");
    expect((byTestId("mapping-name") as HTMLInputElement).value).toBe("HubSpot export");
    expect(byTestId("saved-mappings")?.textContent).toContain("Applied");

    await click("import-run");
    const sent = calls.find((c) => c.cmd === "import_run")!.args.options as ImportOptions;
    // With a name the columns shown are sent as they are, and saved under it.
    expect(sent.mapping_name).toBe("HubSpot export");
    expect(sent.mapping).toEqual(previewWithProblems().mapping);
    expect(byTestId("import-saved-under")?.textContent).toContain("The mapping is saved as “HubSpot export”");
  });

  it("refuses a name another saved mapping has, beside the field, and keeps what was typed", async () => {
    handlers.import_mapping_name_check = () => {
      throw { code: "invalid-name", message: "A saved mapping is already called \"HubSpot export\"." };
    };
    open();
    await settle();
    await click("import-pick");
    const input = byTestId("mapping-name") as HTMLInputElement;
    input.value = "hubspot export";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();
    expect(byTestId("mapping-name-problem")?.textContent).toBe("A saved mapping is already called \"HubSpot export\".");

    await click("import-run");
    expect(calls.some((c) => c.cmd === "import_run")).toBe(false);
    expect((byTestId("mapping-name") as HTMLInputElement).value).toBe("hubspot export");
    expect(byTestId("mapping-name-problem")).not.toBeNull();
  });

  it("deletes a saved mapping after a confirmation in its row", async () => {
    let saved: SavedMapping[] = [
      { name: "Old CRM", headers: ["Id"], mapping: { columns: [] }, updated_at: "2026-01-02T03:04:05Z" },
    ];
    handlers.import_mappings = () => saved;
    handlers.import_mapping_delete = (args) => {
      expect(args).toEqual({ name: "Old CRM" });
      saved = [];
      return null;
    };
    open();
    await settle();
    await click("import-pick");
    await click("saved-mapping-delete");
    expect(calls.some((c) => c.cmd === "import_mapping_delete")).toBe(false);
    await click("saved-mapping-delete-confirm");
    expect(calls.filter((c) => c.cmd === "import_mapping_delete")).toHaveLength(1);
    expect(byTestId("saved-mappings")).toBeNull();
  });
});
