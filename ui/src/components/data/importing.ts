// The Data page's import logic that needs no window: what a mapping select holds, the report
// counted by reason, which import button the preview allows, and the sentences around them.

import type {
  ColumnTarget,
  DateOrder,
  DateOrderFinding,
  FieldChoice,
  ImportPreview,
  ImportProblem,
  ImportProgressSnapshot,
  MappingOrigin,
  SavedMapping,
} from "../../api";
import { integer } from "../../lib/format";

/** How many problems the page lists; the saved CSV has every one the store reported. */
export const LISTED_PROBLEMS = 50;

/** A column's target as a <select> value: "field:arr", "mrr", "custom" or "skip". */
export function targetValue(target: ColumnTarget): string {
  return target.kind === "field" ? `field:${target.field}` : target.kind;
}

/** The inverse of targetValue, for the fields the mapping editor offers. */
export function targetFrom(value: string, fields: FieldChoice[]): ColumnTarget {
  if (value === "mrr" || value === "custom" || value === "skip") return { kind: value };
  const field = fields.find((f) => `field:${f.field}` === value);
  if (!field) throw new Error(`unknown mapping choice ${value}`);
  return { kind: "field", field: field.field };
}

/** A target in words, as the mapping editor's options name it. */
export function targetLabel(target: ColumnTarget, fields: FieldChoice[]): string {
  switch (target.kind) {
    case "field":
      return fields.find((f) => f.field === target.field)?.label ?? target.field;
    case "mrr":
      return "MRR";
    case "custom":
      return "a custom field";
    case "skip":
      return "ignored";
  }
}

export interface ReasonCount {
  /** The reason without any one row's particulars: "… is outside 0 to 100". */
  reason: string;
  count: number;
  /** The columns it was found in, in file order; "(whole row)" for a record-level problem. */
  columns: string[];
}

/**
 * The store's reason names the row's value and may point at another line ("\"x\" is not a
 * number", "appears again (first on line 3)"); without them, the same kind of problem counts
 * together. Only the first mention of the value is replaced: it leads the sentence, and a short
 * value such as "1" may also occur inside the rule ("0 to 10").
 */
export function reasonKind(problem: ImportProblem): string {
  let text = problem.reason;
  if (problem.value !== "") {
    const quoted = `"${problem.value}"`;
    const at = text.indexOf(quoted);
    text = at >= 0 ? text.replace(quoted, "…") : text.replace(problem.value, "…");
  }
  return text.replace(/\bline \d+/g, "line …");
}

/** The problems grouped by kind of reason, the most frequent first (ties alphabetically). */
export function reasonCounts(problems: ImportProblem[]): ReasonCount[] {
  const byReason = new Map<string, ReasonCount>();
  for (const p of problems) {
    const reason = reasonKind(p);
    const entry = byReason.get(reason) ?? { reason, count: 0, columns: [] };
    entry.count += 1;
    const column = p.column ?? "(whole row)";
    if (!entry.columns.includes(column)) entry.columns.push(column);
    byReason.set(reason, entry);
  }
  return [...byReason.values()].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

export type ImportChoice =
  | { kind: "all"; rows: number; label: string }
  | { kind: "valid"; rows: number; skipped: number; label: string }
  | { kind: "blocked"; why: string };

function plural(n: number, one: string, many: string): string {
  return `${integer(n)} ${n === 1 ? one : many}`;
}

/** What the preview lets the person do: import everything, only the valid rows, or nothing yet. */
export function importChoice(preview: ImportPreview, fields: FieldChoice[]): ImportChoice {
  if (preview.missing_fields.length > 0) {
    const names = preview.missing_fields.map((f) => fields.find((c) => c.field === f)?.label ?? f);
    return { kind: "blocked", why: `Choose the column that holds ${names.join(" and ")} before importing.` };
  }
  if (preview.date_order.kind === "ambiguous") {
    return { kind: "blocked", why: "Choose how to read dates such as 03/04/2026 before importing." };
  }
  if (preview.rows === 0) {
    return { kind: "blocked", why: "The file has a header but no rows to import." };
  }
  if (preview.valid_rows === 0) {
    return { kind: "blocked", why: "No row can be imported as it is: fix the problems below and import the file again." };
  }
  const skipped = preview.rows - preview.valid_rows;
  if (preview.report.total_problems === 0 && skipped === 0) {
    return { kind: "all", rows: preview.rows, label: `Import ${plural(preview.rows, "account", "accounts")}` };
  }
  return {
    kind: "valid",
    rows: preview.valid_rows,
    skipped,
    label: `Import ${plural(preview.valid_rows, "valid row", "valid rows")} (skip ${integer(skipped)})`,
  };
}

/** The preview's answer in one sentence: how many rows can be imported. */
export function previewVerdict(preview: ImportPreview): string {
  if (preview.missing_fields.length > 0) return "The rows are checked once every required field has a column.";
  if (preview.rows === 0) return "The file has no rows to import.";
  const bad = preview.rows - preview.valid_rows;
  if (bad === 0) return preview.rows === 1 ? "The row is valid." : `All ${integer(preview.rows)} rows are valid.`;
  return `${integer(preview.valid_rows)} of ${integer(preview.rows)} rows can be imported; ${plural(bad, "has", "have")} problems.`;
}

/** Where the mapping shown came from, in a sentence. */
export function originNote(origin: MappingOrigin): string {
  switch (origin.kind) {
    case "saved":
      return origin.name
        ? `Your saved mapping “${origin.name}” was applied to this export.`
        : "The mapping you used the last time you imported this export was applied.";
    case "detected":
      return "Columns were matched by their headers. Check each one and change any that is wrong.";
    case "given":
      return "Your mapping. It is saved for the next import of this export.";
  }
}

/** The mappings saved under a name (those remembered per set of headers have none to pick by). */
export function namedMappings(saved: SavedMapping[]): SavedMapping[] {
  return saved.filter((m) => m.name !== null);
}

/** A saved mapping's columns in a line: how many, and the first few headers. */
export function mappingColumns(saved: SavedMapping, shown = 3): string {
  const n = saved.headers.length;
  const first = saved.headers.slice(0, shown).join(", ");
  return `${plural(n, "column", "columns")}: ${first}${n > shown ? `, +${integer(n - shown)} more` : ""}`;
}

const ORDER_NAME: Record<DateOrder, string> = { mdy: "month/day/year (US)", dmy: "day/month/year" };

/** What the preview says about dates like 03/04/2026, or null when the file has none. */
export function dateOrderNote(finding: DateOrderFinding): string | null {
  switch (finding.kind) {
    case "not_needed":
      return null;
    case "inferred":
      return `Dates are read as ${ORDER_NAME[finding.order]}: some values only make sense that way.`;
    case "chosen":
      return `Dates are read as ${ORDER_NAME[finding.order]}, as you chose.`;
    case "ambiguous":
      return "Every date such as 03/04/2026 could be read either way. Which order does this export use?";
  }
}

/**
 * The progress line beside the bar. An import counts rows against the preview's count (it reads,
 * checks and writes them as it goes, then saves); a preview counts the share of the file read.
 */
export function progressText(progress: ImportProgressSnapshot, totalRows: number | null): string {
  if (totalRows !== null && totalRows > 0) {
    if (progress.phase === "writing") return `Saving… all ${integer(totalRows)} rows read`;
    return `Importing… ${integer(Math.min(progress.rows_read, totalRows))} of ${integer(totalRows)} rows`;
  }
  const share = progress.bytes_total > 0 ? Math.min(1, progress.bytes_read / progress.bytes_total) : 0;
  return `Reading the file… ${integer(progress.rows_read)} rows (${Math.round(share * 100)}%)`;
}

/** The bar's value and maximum for the same progress. */
export function progressBar(progress: ImportProgressSnapshot, totalRows: number | null): { value: number; max: number } {
  if (totalRows !== null && totalRows > 0) return { value: Math.min(progress.rows_read, totalRows), max: totalRows };
  return { value: progress.bytes_read, max: Math.max(1, progress.bytes_total) };
}
