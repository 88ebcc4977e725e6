// How the maturity scorecard reads on screen: level names and letters, the headline sentence and
// the movement since the previous assessment. The numbers themselves come from the Rust side.
import type { Level, ScoreCard, TrendPoint } from "../../api";

export const LEVELS: Level[] = ["poor", "average", "excellent"];

export const LEVEL_LABEL: Record<Level, string> = {
  poor: "Poor",
  average: "Average",
  excellent: "Excellent",
};

export const LEVEL_LETTER: Record<Level, string> = { poor: "P", average: "A", excellent: "E" };

/**
 * The level a score of 1..3 has reached: at or below it, as the domain names a consensus level
 * (1.5 reads "Poor": not yet Average).
 */
export function levelAtOrBelow(score: number): Level {
  if (score >= 3) return "excellent";
  if (score >= 2) return "average";
  return "poor";
}

/** One decimal, always shown: 2.0, 1.5. */
export function score1(value: number): string {
  return value.toFixed(1);
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The answer in large type: "Average overall (2.1 of 3), 3 questions where leaders disagree". */
export function headline(card: ScoreCard): string {
  if (card.overall === null) return "No answers yet";
  const disagree = card.questions.filter((q) => q.disagreement).length;
  const level = LEVEL_LABEL[levelAtOrBelow(card.overall)];
  const where =
    disagree === 0
      ? "leaders agree on every answered question"
      : `${plural(disagree, "question", "questions")} where leaders disagree`;
  return `${level} overall (${score1(card.overall)} of 3), ${where}`;
}

/** "Q4 Cost to retain" style short label: the question number and its inferred heading. */
export function shortHeading(number: number, heading: string): string {
  return `Q${number} ${heading}`;
}

export interface Movement {
  previous: TrendPoint;
  /** Current overall minus the previous one; null when either has no answers. */
  delta: number | null;
}

/** The assessment just before `name` in the trend (oldest first), with the change in overall score. */
export function movementSince(trend: TrendPoint[], name: string, overall: number | null): Movement | null {
  const index = trend.findIndex((p) => p.assessment === name);
  if (index <= 0) return null;
  const previous = trend[index - 1]!;
  const delta = overall === null || previous.overall === null ? null : overall - previous.overall;
  return { previous, delta };
}

/** A signed change with one decimal: +0.3, -1.0, 0.0. */
export function signedScore(delta: number): string {
  if (Math.abs(delta) < 0.05) return "0.0";
  return `${delta > 0 ? "+" : "−"}${Math.abs(delta).toFixed(1)}`;
}

/** Today as YYYY-MM-DD in the local calendar, the default date of a new assessment. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
