// How the Metrics page words and formats the domain's metrics (DOMAIN.md §5): values by unit as
// UI.md "Numbers" asks, and the headline's period name.
import type { CsMetric, MovementsImport, MovementsPeriod, Snapshot } from "../api";
import { decimal1, integer, moneyShort, percent } from "./format";

/** A metric's value for a card: 104.2%, 3.1, $1.5M, 5.5 months, +12.0, or "n/a". */
export function metricValue(m: CsMetric): string {
  const v = m.value;
  if (v === null) return "n/a";
  switch (m.unit) {
    case "percent":
      return percent(v);
    case "ratio":
      return v.toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    case "money":
      return moneyShort(Math.round(v * 100));
    case "months":
      return `${decimal1(v)} months`;
    case "points": {
      const text = decimal1(Math.abs(v));
      return v > 0.05 ? `+${text}` : v < -0.05 ? `-${text}` : "0.0";
    }
    case "count":
      return integer(v);
  }
}

/** "2025-Q4" when the period is the calendar quarter starting on `from`, else "Q3 close to Q4 close". */
export function periodName(from: Snapshot, to: Snapshot, months: number): string {
  const [year, month, day] = from.as_of.split("-").map(Number);
  if (months === 3 && day === 1 && (month - 1) % 3 === 0) {
    return `${year}-Q${(month - 1) / 3 + 1}`;
  }
  return `${from.label} to ${to.label}`;
}

/** A period measured from movements, by its dates: "2026-01-01 to 2026-03-31". */
export function movementsPeriodName(p: MovementsPeriod): string {
  return `${p.from.as_of} to ${p.to}`;
}

/** The sentence the page opens with, from the whole book's metrics. */
export function headline(metrics: CsMetric[], period: string): string {
  const find = (key: string) => metrics.find((m) => m.key === key);
  const nrr = find("nrr");
  const grr = find("grr");
  if (!nrr || !grr) return `No customers at the start of ${period}`;
  return `NRR ${metricValue(nrr)}, GRR ${metricValue(grr)} for ${period}`;
}

/** Today as YYYY-MM-DD in the person's time zone. */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** What an imported movements file held, in a sentence (what `csplan movements import` prints). */
export function movementsSummary(imported: MovementsImport): string {
  const name = imported.file.split(/[\\/]/).pop() ?? imported.file;
  const dates =
    imported.first_date && imported.last_date ? `, dated ${imported.first_date} to ${imported.last_date}` : "";
  const replaced = imported.replaced > 0 ? ` (replacing ${integer(imported.replaced)} from its last import)` : "";
  return `Imported ${name}: ${integer(imported.rows)} ${imported.rows === 1 ? "movement" : "movements"}${dates}${replaced}.`;
}
