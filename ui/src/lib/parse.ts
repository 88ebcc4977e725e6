// Reading what a person typed into a number box. A string result is the reason it is not a
// usable number, worded to show next to the box.

export function parseNumber(raw: string, wholeNumber = false): number | string {
  const cleaned = raw.replaceAll(",", "").replace(/^\$/, "").trim();
  if (cleaned === "") return "Enter a number.";
  const n = Number(cleaned);
  if (!Number.isFinite(n)) return `“${raw.trim()}” is not a number.`;
  if (wholeNumber && !Number.isInteger(n)) return "Use a whole number.";
  return n;
}
