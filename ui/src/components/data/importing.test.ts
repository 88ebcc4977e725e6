import { describe, expect, it } from "vitest";
import {
  dateOrderNote,
  mappingColumns,
  namedMappings,
  originNote,
  progressBar,
  progressText,
  reasonCounts,
  targetFrom,
  targetValue,
} from "./importing";

describe("import logic", () => {
  it("round-trips every kind of column target through the select value", () => {
    const fields = [{ field: "arr" as const, label: "ARR", required: true }];
    for (const target of [{ kind: "field", field: "arr" }, { kind: "mrr" }, { kind: "custom" }, { kind: "skip" }] as const) {
      expect(targetFrom(targetValue(target), fields)).toEqual(target);
    }
    expect(() => targetFrom("field:nps", fields)).toThrow("unknown mapping choice field:nps");
  });

  it("counts problems by reason, most frequent first, naming each column once", () => {
    const p = (line: number, column: string | null, reason: string) => ({ line, column, value: "", reason });
    expect(
      reasonCounts([p(2, "ARR", "b"), p(3, null, "a"), p(4, "NPS", "b"), p(5, "ARR", "b"), p(6, "X", "a"), p(7, "Y", "c")]),
    ).toEqual([
      { reason: "b", count: 3, columns: ["ARR", "NPS"] },
      { reason: "a", count: 2, columns: ["(whole row)", "X"] },
      { reason: "c", count: 1, columns: ["Y"] },
    ]);
  });

  it("counts the same kind of problem together, whatever the row's value or line", () => {
    const problems = [
      { line: 4, column: "ARR", value: "twelve thousand", reason: '"twelve thousand" is not a number (write an amount like 1200.50)' },
      { line: 9, column: "MRR", value: "n/a", reason: '"n/a" is not a number (write an amount like 1200.50)' },
      { line: 5, column: "NPS", value: "1", reason: "1 is outside 0 to 10" },
      { line: 7, column: "Account ID", value: "ACC-1", reason: "ACC-1 appears again (first on line 3)" },
      { line: 8, column: "Account ID", value: "ACC-2", reason: "ACC-2 appears again (first on line 6)" },
      { line: 10, column: null, value: "", reason: "has 18 fields; the header has 17" },
    ];
    expect(reasonCounts(problems)).toEqual([
      { reason: "… appears again (first on line …)", count: 2, columns: ["Account ID"] },
      { reason: "… is not a number (write an amount like 1200.50)", count: 2, columns: ["ARR", "MRR"] },
      { reason: "… is outside 0 to 10", count: 1, columns: ["NPS"] },
      { reason: "has 18 fields; the header has 17", count: 1, columns: ["(whole row)"] },
    ]);
  });

  it("shows rows against the previewed count, else the share of bytes read", () => {
    const now = { rows_read: 1500, bytes_read: 250, bytes_total: 1000, phase: "writing" as const, cancelled: false };
    expect(progressText({ ...now, phase: "reading" }, 40_000)).toBe("Importing… 1,500 of 40,000 rows");
    expect(progressText(now, 40_000)).toBe("Saving… all 40,000 rows read");
    expect(progressBar(now, 40_000)).toEqual({ value: 1500, max: 40_000 });
    expect(progressText({ ...now, phase: "reading" }, null)).toBe("Reading the file… 1,500 rows (25%)");
    expect(progressBar(now, null)).toEqual({ value: 250, max: 1000 });
  });

  it("says where the mapping and the date order come from", () => {
    expect(originNote({ kind: "saved", name: "HubSpot" })).toBe("Your saved mapping “HubSpot” was applied to this export.");
    expect(originNote({ kind: "saved", name: null })).toBe(
      "The mapping you used the last time you imported this export was applied.",
    );
    expect(dateOrderNote({ kind: "not_needed" })).toBeNull();
    expect(dateOrderNote({ kind: "inferred", order: "dmy" })).toBe(
      "Dates are read as day/month/year: some values only make sense that way.",
    );
  });
  it("offers the named saved mappings with their column count and first headers", () => {
    const saved = (name: string | null, headers: string[]) => ({ name, headers, mapping: { columns: [] }, updated_at: "" });
    const all = [saved("Acme", ["A", "B", "C", "D", "E"]), saved(null, ["A"]), saved("One", ["Id"])];
    expect(namedMappings(all).map((m) => m.name)).toEqual(["Acme", "One"]);
    expect(mappingColumns(all[0]!)).toBe("5 columns: A, B, C, +2 more");
    expect(mappingColumns(all[2]!)).toBe("1 column: Id");
  });
});
