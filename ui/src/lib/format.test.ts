import { describe, expect, it } from "vitest";
import { compact, decimal1, integer, moneyExact, moneyShort, percent, signed } from "./format";

describe("money", () => {
  it("is short in summaries", () => {
    expect(moneyShort(150_000_000)).toBe("$1.5M");
    expect(moneyShort(12_000_000)).toBe("$120k");
    expect(moneyShort(123_400)).toBe("$1,234");
    expect(moneyShort(200_000_000_000)).toBe("$2B");
    expect(moneyShort(3_150_000_000)).toBe("$31.5M");
    expect(moneyShort(-12_000_000)).toBe("-$120k");
  });

  it("is exact to the cent in tables", () => {
    expect(moneyExact(187_638_109_021)).toBe("$1,876,381,090.21");
    expect(moneyExact(5)).toBe("$0.05");
    expect(moneyExact(-120_050)).toBe("-$1,200.50");
  });
});

describe("numbers", () => {
  it("keeps one decimal for FTE and percentages", () => {
    expect(decimal1(27.44)).toBe("27.4");
    expect(decimal1(1204)).toBe("1,204.0");
    expect(percent(0.1234)).toBe("12.3%");
  });

  it("groups integers and signs changes", () => {
    expect(integer(12345.4)).toBe("12,345");
    expect(signed(3)).toBe("+3");
    expect(signed(-1.54, 1)).toBe("-1.5");
    expect(signed(0)).toBe("0");
    expect(compact(1 / 3)).toBe("0.33");
  });
});
