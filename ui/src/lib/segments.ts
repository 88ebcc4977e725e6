// The Segments page's logic without the page: the headline in words, the move preview in
// sentences, new segments and conditions with sensible starting values, and whether a draft
// differs from what is saved. Kept pure so vitest can check it without a window.
import type {
  BookTotal,
  Condition,
  HealthBands,
  RuleChange,
  RuleSet,
  SegmentRule,
  SegmentSummary,
  TouchModel,
} from "../api";
import { compact, decimal1, integer, moneyShort, percent, signed } from "./format";

/** Okabe-Ito: stays distinguishable for the common forms of colour blindness (UI.md "Look"). */
export const SEGMENT_COLOURS: { hex: string; name: string }[] = [
  { hex: "#0072B2", name: "Blue" },
  { hex: "#009E73", name: "Bluish green" },
  { hex: "#CC79A7", name: "Reddish purple" },
  { hex: "#E69F00", name: "Orange" },
  { hex: "#56B4E9", name: "Sky blue" },
  { hex: "#D55E00", name: "Vermillion" },
  { hex: "#F0E442", name: "Yellow" },
  { hex: "#000000", name: "Black" },
];

export const TOUCH_MODELS: { value: TouchModel; label: string }[] = [
  { value: "high-touch", label: "High-touch" },
  { value: "low-touch", label: "Low-touch" },
  { value: "automated", label: "Automated" },
];

export type ConditionKind = Condition["kind"];

export const CONDITION_KINDS: { kind: ConditionKind; label: string }[] = [
  { kind: "range", label: "Number in a range" },
  { kind: "one_of", label: "Is one of" },
  { kind: "text", label: "Text matches" },
  { kind: "renewal_within", label: "Renews within" },
  { kind: "tenure_months", label: "Tenure (months)" },
  { kind: "usage_ratio", label: "Usage (active users / licences)" },
  { kind: "custom", label: "Custom field is one of" },
];

/** A condition of `kind` that holds for something, so adding one never empties a segment by
 * surprise: ARR from $100,000, ideal fit, renewal within 90 days ... */
export function newCondition(kind: ConditionKind, customColumns: string[] = []): Condition {
  switch (kind) {
    case "range":
      return { kind, field: "arr", min: 100000 };
    case "one_of":
      return { kind, field: "icp_fit", values: ["ideal"] };
    case "text":
      return { kind, field: "industry", how: "contains", text: "Software" };
    case "renewal_within":
      return { kind, days: 90 };
    case "tenure_months":
      return { kind, min: 12 };
    case "usage_ratio":
      return { kind, max: 0.5 };
    case "custom":
      return { kind, column: customColumns[0] ?? "", values: [] };
  }
}

/** A new segment placed before the catch-all, named so it does not clash, in the first colour
 * no other segment uses. */
export function newSegment(rules: RuleSet): SegmentRule {
  const used = new Set(
    [...rules.segments.map((s) => s.name), rules.catch_all.name].map((n) => n.toLowerCase()),
  );
  let n = rules.segments.length + 1;
  while (used.has(`segment ${n}`)) n += 1;
  const colours = new Set(
    [...rules.segments.map((s) => s.colour), rules.catch_all.colour].map((c) => c.toUpperCase()),
  );
  const colour = SEGMENT_COLOURS.find((c) => !colours.has(c.hex))?.hex ?? SEGMENT_COLOURS[0].hex;
  return {
    name: `Segment ${n}`,
    touch_model: "low-touch",
    colour,
    conditions: [newCondition("range")],
    activities: [{ name: "Monthly check-in call", per_customer_per_month: 1, minutes: 30 }],
  };
}

/** A rule set for "New…": everyone in one catch-all segment, to split from there. */
export function blankRuleSet(name: string, asOf: string): RuleSet {
  return {
    name,
    as_of: asOf,
    segments: [],
    catch_all: {
      name: "Everyone else",
      touch_model: "automated",
      colour: "#56B4E9",
      activities: [{ name: "Webinar follow-up (one-to-many)", per_customer_per_month: 0.25, minutes: 10 }],
    },
  };
}

/** Moves `segments[index]` one place up (-1) or down (+1); first match wins, so order matters. */
export function moveSegment(rules: RuleSet, index: number, step: -1 | 1): void {
  const to = index + step;
  if (to < 0 || to >= rules.segments.length) return;
  const [rule] = rules.segments.splice(index, 1);
  rules.segments.splice(to, 0, rule);
}

export function sameRules(a: RuleSet | null, b: RuleSet | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** "4 segments: 55 high-touch accounts hold 26.1% of ARR" — the page's answer in one line,
 * from the domain's book total (its touch-model lines), never added up here. */
export function headline(total: BookTotal, summary: SegmentSummary[]): string {
  const segments = total.segments;
  const named = `${segments} segment${segments === 1 ? "" : "s"}`;
  if (total.accounts === 0) return `${named}, but no accounts yet: import your book on the Data page.`;
  const high = total.touch_models.find((t) => t.touch_model === "high-touch");
  if (!high) {
    const biggest = [...summary].sort((a, b) => b.total_arr - a.total_arr)[0];
    return `${named}: ${biggest.segment} holds the most ARR, ${percent(biggest.share_of_arr)} of ${moneyShort(total.total_arr)}.`;
  }
  return `${named}: ${integer(high.accounts)} high-touch accounts hold ${percent(high.share_of_arr)} of ARR.`;
}

/** The health bands in words: "green 70 and up, yellow 40 to below 70, red below 40". */
export function bandsSentence(bands: HealthBands): string {
  const g = compact(bands.green_from);
  const y = compact(bands.yellow_from);
  return `green ${g} and up, yellow ${y} to below ${g}, red below ${y}`;
}

/** The moves of a preview, largest first: "37 accounts ($1.2M) move from SMB to Mid-Market". */
export function moveSentences(change: RuleChange, limit = 6): string[] {
  const { from, to, cells } = change.moves;
  const moves: { text: string; accounts: number }[] = [];
  cells.forEach((row, f) =>
    row.forEach((cell, t) => {
      if (cell.accounts === 0 || from[f].toLowerCase() === to[t].toLowerCase()) return;
      const noun = cell.accounts === 1 ? "account" : "accounts";
      const verb = cell.accounts === 1 ? "moves" : "move";
      moves.push({
        text: `${integer(cell.accounts)} ${noun} (${moneyShort(cell.arr)}) ${verb} from ${from[f]} to ${to[t]}`,
        accounts: cell.accounts,
      });
    }),
  );
  moves.sort((a, b) => b.accounts - a.accounts);
  const shown = moves.slice(0, limit).map((m) => m.text);
  if (moves.length > limit) shown.push(`and ${moves.length - limit} smaller moves`);
  return shown;
}

/** "Headcount top-down 24 → 25 hires (23.4 → 23.4 FTE), bottom-up 5 → 5 hires (4.6 → 4.6 FTE)"
 * from the Total row: hires can change while the FTE does not, since each segment is rounded
 * to whole people on its own. */
export function headcountSentence(change: RuleChange): string {
  const total = change.headcount.find((r) => r.segment === "Total");
  if (!total) return "";
  const side = (name: string, s: RuleChange["headcount"][number]["top_down"]) =>
    `${name} ${integer(s.headcount_a)} → ${integer(s.headcount_b)} hires (${decimal1(s.fte_a)} → ${decimal1(s.fte_b)} FTE)`;
  return `Headcount ${side("top-down", total.top_down)}, ${side("bottom-up", total.bottom_up)}`;
}

/** The mean health with one decimal, or a dash for an empty segment. */
export function health(value: number | null): string {
  return value === null ? "–" : decimal1(value);
}

/** NPS in points with its sign, or a dash without answers. */
export function nps(value: number | null): string {
  return value === null ? "–" : signed(value);
}
