import { describe, expect, it } from "vitest";
import { arrFrom, arrNumber, hireStatus, logoFrom, logoNumber, parseRamp, rampText, spreadText } from "./words";
import type { Hire } from "../../api";

function hire(late: number): Hire {
  return {
    segment: "SMB",
    number: 1,
    for_quarter: 1,
    requisition_open: "2026-07-03",
    start: "2026-10-01",
    fully_ramped: "2027-01-01",
    late_by_days: late,
    earliest_start: "2026-10-01",
    earliest_fully_ramped: "2027-01-01",
  };
}

describe("plan words", () => {
  it("says whether a requisition is late", () => {
    expect(hireStatus(hire(0))).toBe("on time");
    expect(hireStatus(hire(1))).toBe("late by 1 day");
    expect(hireStatus(hire(182))).toBe("late by 182 days");
  });

  it("reads and writes the ramp as percentages by month", () => {
    expect(parseRamp("0, 50, 50")).toEqual([0, 0.5, 0.5]);
    expect(parseRamp("0 25% 75")).toEqual([0, 0.25, 0.75]);
    expect(parseRamp("")).toEqual([]);
    expect(parseRamp("0, 150")).toBe("“150” is not a percentage from 0 to 100.");
    expect(parseRamp("x")).toBe("“x” is not a percentage from 0 to 100.");
    expect(rampText([0, 0.5, 0.5])).toBe("0, 50, 50");
  });

  it("shows rates as percentages and amounts as dollars, and back", () => {
    expect(logoNumber({ kind: "rate", rate: 0.07 })).toBe(7);
    expect(logoFrom("rate", 7)).toEqual({ kind: "rate", rate: 0.07 });
    expect(logoNumber({ kind: "count", logos: 12 })).toBe(12);
    expect(logoFrom("count", 12)).toEqual({ kind: "count", logos: 12 });
    expect(arrNumber({ kind: "amount", amount: 12_345_67 })).toBe(12345.67);
    expect(arrFrom("amount", 12345.67)).toEqual({ kind: "amount", amount: 1234567 });
    expect(arrNumber({ kind: "rate", rate: 0.015 })).toBe(1.5);
  });

  it("words each distribution", () => {
    expect(spreadText({ kind: "fixed" })).toBe("fixed (as planned)");
    expect(spreadText({ kind: "triangular", min: 0.7, mode: 1, max: 1.3 })).toBe("triangular ×0.7 / ×1 / ×1.3");
    expect(spreadText({ kind: "normal", mean: 1, sd: 0.1 })).toBe("normal ×1, sd 0.1");
  });
});
