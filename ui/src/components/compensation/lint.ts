// Lint warnings name the field they are about by its path in the plan file
// (`split`, `measures[1] "NRR" threshold`, `measures[].weight (quarter 2)`); the builder shows
// each one next to that field, and every one in the list at the top.
import type { LintWarning } from "../../api";

/** `measures[1] "NRR" curve.cap` -> `measures[1].curve.cap`; other paths stay as they are. */
export function fieldPath(field: string): string {
  const measure = /^measures\[(\d+)\] "(?:[^"\\]|\\.)*" (.+)$/.exec(field);
  return measure ? `measures[${measure[1]}].${measure[2]}` : field;
}

/**
 * The warnings about `field` or anything inside it (`measures[0]` takes its threshold and its
 * curve's tiers); `exact` keeps only the warnings about the field itself.
 */
export function warningsAt(lint: LintWarning[], field: string, exact = false): LintWarning[] {
  return lint.filter((w) => {
    const path = fieldPath(w.field);
    if (path === field) return true;
    return !exact && (path.startsWith(`${field}.`) || path.startsWith(`${field} `));
  });
}
