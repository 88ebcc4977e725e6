// How the Plan page words and reads its numbers: quarter titles, hire status, the ramp profile
// typed as percentages, movements shown as percentages or counts, and the hover text that says
// where each computed number comes from (UI.md "Numbers"; DOMAIN.md §1.1, §1.3, §5.2).
import type { ArrMovement, Forecast, Hire, LogoMovement, RequiredBasis, SegmentQuarter, Spread, TotalQuarter } from "../../api";

/** A quarter of the whole team or of one segment: what the tables and hover texts read. */
export type QuarterRow = TotalQuarter | SegmentQuarter;
import { decimal1, moneyShort, percent } from "../../lib/format";

export const BASIS_LABEL: Record<RequiredBasis, string> = {
  "top-down": "Top-down (ARR / ARR per CSM)",
  "bottom-up": "Bottom-up (activities)",
  max: "The larger of the two",
};

/** "Q3 2027" for a quarter number of the plan. */
export function quarterTitle(forecast: Forecast, quarter: number): string {
  return forecast.quarters.find((q) => q.number === quarter)?.title ?? `Q${quarter}`;
}

/** "on time" or "late by 182 days" (the requisition should already be open). */
export function hireStatus(hire: Hire): string {
  if (hire.late_by_days === 0) return "on time";
  return `late by ${hire.late_by_days} day${hire.late_by_days === 1 ? "" : "s"}`;
}

/** The ramp profile as a person types it: percentages by month, "0, 50, 50". */
export function rampText(productivity: number[]): string {
  return productivity.map((p) => String(Math.round(p * 1000) / 10)).join(", ");
}

/** "0, 50, 50" to [0, 0.5, 0.5]; a string is why it cannot be used. */
export function parseRamp(text: string): number[] | string {
  const parts = text.split(/[,;\s]+/).filter((p) => p !== "");
  const values: number[] = [];
  for (const part of parts) {
    const n = Number(part.replace(/%$/, ""));
    if (!Number.isFinite(n) || n < 0 || n > 100) {
      return `“${part}” is not a percentage from 0 to 100.`;
    }
    values.push(n / 100);
  }
  if (values.length > 24) return "List at most 24 months; every later month counts as 100%.";
  return values;
}

/** A logo movement's number as the page shows it: a percentage for a rate, else the count. */
export function logoNumber(m: LogoMovement): number {
  return m.kind === "rate" ? round(m.rate * 100) : m.logos;
}

export function logoFrom(kind: LogoMovement["kind"], value: number): LogoMovement {
  return kind === "rate" ? { kind: "rate", rate: value / 100 } : { kind: "count", logos: value };
}

/** An ARR movement's number: a percentage for a rate, dollars for an amount. */
export function arrNumber(m: ArrMovement): number {
  return m.kind === "rate" ? round(m.rate * 100) : m.amount / 100;
}

export function arrFrom(kind: ArrMovement["kind"], value: number): ArrMovement {
  return kind === "rate" ? { kind: "rate", rate: value / 100 } : { kind: "amount", amount: Math.round(value * 100) };
}

/** Typed percentages come back as typed: 0.07 * 100 is 7.000000000000001 in floating point. */
function round(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/** "triangular ×0.7 / ×1 / ×1.3" for a multiplier's distribution. */
export function spreadText(spread: Spread): string {
  switch (spread.kind) {
    case "fixed":
      return "fixed (as planned)";
    case "triangular":
      return `triangular ×${spread.min} / ×${spread.mode} / ×${spread.max}`;
    case "normal":
      return `normal ×${spread.mean}, sd ${spread.sd}`;
  }
}

export function requiredTitle(t: QuarterRow, basis: RequiredBasis): string {
  return `Required = the ${basis} need of the quarter's closing book: ${decimal1(t.team.required_fte)} FTE; headcount = rounded per segment (and added up for the total) = ${t.team.required_headcount} (DOMAIN.md §1.1)`;
}

export function effectiveTitle(t: QuarterRow): string {
  return `Effective = today's CSMs after attrition ${decimal1(t.team.existing_fte)} + ramped hires ${decimal1(t.team.ramped_hires_fte)} + hires still ramping at their ramp productivity ${decimal1(t.team.ramping_fte)} = ${decimal1(t.team.effective_fte)} FTE (DOMAIN.md §1.3 items 2-3)`;
}

export function costTitle(t: QuarterRow): string {
  const share = t.cost.cost_pct_of_arr === null ? "no ARR" : percent(t.cost.cost_pct_of_arr);
  return `CS cost = CSMs paid ${decimal1(t.team.paid_fte)} FTE × cost a year / 4 + managers ${decimal1(t.cost.manager_fte)} FTE × cost a year / 4 = ${moneyShort(t.cost.cs_cost)}; × 4 / closing ARR ${moneyShort(t.book.closing_arr)} = ${share}. Benchmark 5-15% for established companies, under 5% for large ones (DOMAIN.md §1.3)`;
}

export function magicTitle(t: TotalQuarter): string {
  const value = t.magic_number === null ? "no cost" : decimal1(t.magic_number);
  return `CS Magic Number = (renewed ARR ${moneyShort(t.renewed_arr)} + upsell ARR ${moneyShort(t.upsell_arr)}) / (CS cost ${moneyShort(t.cost.cs_cost)} + support cost ${moneyShort(t.support_cost)}) = ${value}; target above 5.0 (DOMAIN.md §5.2)`;
}
