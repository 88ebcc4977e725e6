import { describe, expect, it } from "vitest";
import type { BookTotal, RuleChange, RuleSet, SegmentSummary, TouchModelTotal } from "../api";
import {
  bandsSentence,
  blankRuleSet,
  headcountSentence,
  headline,
  moveSegment,
  moveSentences,
  newSegment,
  sameRules,
} from "./segments";

function summary(segment: string, touch: SegmentSummary["touch_model"], accounts: number, cents: number, shareArr: number): SegmentSummary {
  return {
    segment,
    touch_model: touch,
    colour: "#0072B2",
    accounts,
    total_arr: cents,
    share_of_arr: shareArr,
    share_of_accounts: accounts / 400,
    mean_health: 70,
    health_points: 70 * accounts,
    nps: 10,
    nps_responses: 3,
    nps_promoters: 1,
    nps_detractors: 0,
    renewals_next_90_days: 1,
    renewals_next_90_days_arr: 100,
  };
}

/** A book total with the figures the headline reads. */
function book(segments: number, accounts: number, cents: number, touch: TouchModelTotal[]): BookTotal {
  return {
    segments,
    accounts,
    total_arr: cents,
    mean_health: null,
    nps: null,
    nps_responses: 0,
    nps_promoters: 0,
    nps_detractors: 0,
    renewals_next_90_days: 0,
    renewals_next_90_days_arr: 0,
    touch_models: touch,
  };
}

const side = (a: number, b: number, ha: number, hb: number) => ({
  fte_a: a,
  fte_b: b,
  fte_change: b - a,
  headcount_a: ha,
  headcount_b: hb,
  headcount_change: hb - ha,
});

/** SMB -> Mid-Market 37 accounts ($1.2M), Enterprise -> Strategic 3 ($2.5M), stays not listed. */
const change: RuleChange = {
  moves: {
    from: ["Enterprise", "Mid-Market", "SMB"],
    to: ["Strategic", "Enterprise", "Mid-Market", "SMB"],
    cells: [
      [{ accounts: 3, arr: 250_000_000 }, { accounts: 20, arr: 500_000_000 }, { accounts: 0, arr: 0 }, { accounts: 0, arr: 0 }],
      [{ accounts: 0, arr: 0 }, { accounts: 0, arr: 0 }, { accounts: 100, arr: 100 }, { accounts: 0, arr: 0 }],
      [{ accounts: 0, arr: 0 }, { accounts: 0, arr: 0 }, { accounts: 37, arr: 120_000_000 }, { accounts: 240, arr: 5 }],
    ],
    moved_accounts: 40,
    moved_arr: 370_000_000,
  },
  headcount: [
    { segment: "Total", accounts_a: 400, accounts_b: 400, arr_a: 1, arr_b: 1, top_down: side(10, 11.2, 11, 12), bottom_up: side(5, 4.6, 5, 5) },
  ],
};

describe("segments logic", () => {
  it("says how many high-touch accounts hold how much ARR, from the domain's total", () => {
    const rows = [
      summary("Strategic", "high-touch", 31, 458_538_369, 0.131),
      summary("Enterprise", "high-touch", 24, 456_811_958, 0.13),
      summary("SMB", "automated", 345, 100, 0.739),
    ];
    // The high-touch line as the domain adds it up: 55 accounts, 915,350,327 of 915,350,427 cents
    // would be 100.0%; the domain's share (0.261) is what is shown, not a sum of the rows'.
    const high = { touch_model: "high-touch" as const, segments: 2, accounts: 55, total_arr: 915_350_327, share_of_accounts: 0.1375, share_of_arr: 0.261 };
    expect(headline(book(3, 400, 915_350_427, [high]), rows)).toBe("3 segments: 55 high-touch accounts hold 26.1% of ARR.");
    expect(headline(book(1, 0, 0, []), [summary("SMB", "automated", 0, 0, 0)])).toBe(
      "1 segment, but no accounts yet: import your book on the Data page.",
    );
    expect(headline(book(1, 400, 150_000_000, []), [summary("Pooled", "automated", 400, 150_000_000, 1)])).toBe(
      "1 segment: Pooled holds the most ARR, 100.0% of $1.5M.",
    );
  });

  it("words the health cut-offs", () => {
    expect(bandsSentence({ green_from: 70, yellow_from: 40 })).toBe("green 70 and up, yellow 40 to below 70, red below 40");
    expect(bandsSentence({ green_from: 72.5, yellow_from: 40 })).toBe("green 72.5 and up, yellow 40 to below 72.5, red below 40");
  });

  it("lists the moves largest first and ignores accounts that stay", () => {
    expect(moveSentences(change)).toEqual([
      "37 accounts ($1.2M) move from SMB to Mid-Market",
      "3 accounts ($2.5M) move from Enterprise to Strategic",
    ]);
    expect(moveSentences(change, 1)).toEqual([
      "37 accounts ($1.2M) move from SMB to Mid-Market",
      "and 1 smaller moves",
    ]);
  });

  it("words the headcount effect from the Total row", () => {
    expect(headcountSentence(change)).toBe(
      "Headcount top-down 11 → 12 hires (10.0 → 11.2 FTE), bottom-up 5 → 5 hires (5.0 → 4.6 FTE)",
    );
  });

  it("adds segments with a free name and an unused colour, before the catch-all", () => {
    const rules: RuleSet = blankRuleSet("Test", "2026-01-01");
    const first = newSegment(rules);
    expect(first.name).toBe("Segment 1");
    expect(first.colour).toBe("#0072B2");
    rules.segments.push(first);
    const second = newSegment(rules);
    expect(second.name).toBe("Segment 2");
    expect(second.colour).toBe("#009E73");
    rules.segments.push(second);
    moveSegment(rules, 1, -1);
    expect(rules.segments.map((s) => s.name)).toEqual(["Segment 2", "Segment 1"]);
    moveSegment(rules, 0, -1);
    expect(rules.segments.map((s) => s.name)).toEqual(["Segment 2", "Segment 1"]);
    expect(sameRules(rules, structuredClone(rules))).toBe(true);
    const edited = structuredClone(rules);
    edited.segments[0].conditions = [];
    expect(sameRules(rules, edited)).toBe(false);
  });
});
