// Number formatting as UI.md "Numbers" asks: short money in summaries ($1.5M, $120k, $1,234),
// exact cents in tables, one decimal for FTE, ratios and percentages.

const grouped = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

function trimDecimal(value: number): string {
  const text = value.toFixed(1);
  return text.endsWith(".0") ? text.slice(0, -2) : text;
}

/** Whole number with thousands separators: 12,345. */
export function integer(value: number): string {
  return grouped.format(Math.round(value));
}

/** Money for summaries, from cents: $1.5M, $120k, $1,234 (the same rule as the Rust side). */
export function moneyShort(cents: number): string {
  const dollars = cents / 100;
  const sign = dollars < 0 ? "-" : "";
  const abs = Math.abs(dollars);
  if (abs >= 1e9) return `${sign}$${trimDecimal(abs / 1e9)}B`;
  if (abs >= 1e6) return `${sign}$${trimDecimal(abs / 1e6)}M`;
  if (abs >= 1e4) return `${sign}$${trimDecimal(abs / 1e3)}k`;
  return `${sign}$${grouped.format(Math.round(abs))}`;
}

/** Money for tables, exact from integer cents without going through a float: $1,234,567.89. */
export function moneyExact(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = BigInt(Math.abs(Math.trunc(cents)));
  const whole = abs / 100n;
  const rest = (abs % 100n).toString().padStart(2, "0");
  return `${sign}$${grouped.format(whole)}.${rest}`;
}

/** One decimal, grouped: 27.4, 1,204.0. */
export function decimal1(value: number): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** Up to two decimals, without trailing zeros: 0.33, 2, 1.5. For frequencies and minutes. */
export function compact(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

/** A fraction as a percentage with one decimal: 0.1234 -> 12.3%. */
export function percent(fraction: number): string {
  return `${decimal1(fraction * 100)}%`;
}

/** A signed change: +3, -1.5, 0. */
export function signed(value: number, digits = 0): string {
  const text =
    digits === 0 ? integer(Math.abs(value)) : decimal1(Math.abs(value));
  if (Math.abs(value) < (digits === 0 ? 0.5 : 0.05)) return digits === 0 ? "0" : "0.0";
  return value > 0 ? `+${text}` : `-${text}`;
}

/** Customers per CSM, or a dash when no CSM is needed. */
export function perCsm(value: number | null): string {
  return value === null ? "–" : decimal1(value);
}
