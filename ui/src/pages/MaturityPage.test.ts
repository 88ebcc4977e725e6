import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { flushSync, mount, unmount } from "svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import MaturityPage from "./MaturityPage.svelte";
import type { Answer, Level, MaturityView, Question, QuestionResult } from "../api";

const LEVELS: Level[] = ["poor", "average", "excellent"];

const questions: Question[] = Array.from({ length: 9 }, (_, i) => ({
  number: i + 1,
  heading: `Heading ${i + 1}`,
  clue: `Clue ${i + 1}`,
  levels: LEVELS.map((level) => ({ level, text: `Q${i + 1} ${level} text`, commentary: [] })),
  source: `004_9d0b17255f58d23b.txt L${i + 5}`,
  helps: i === 3 ? { page: "capacity", label: "Plan capacity" } : null,
}));

/** Ann answers Poor and Ben Excellent on Q1, both Average elsewhere (DOMAIN.md §4.1 median). */
function viewFor(): MaturityView {
  const answers = (first: Level): Answer[] =>
    questions.map((q) => ({ question: q.number, level: q.number === 1 ? first : "average", evidence: "", note: "" }));
  const results: QuestionResult[] = questions.map((q) =>
    q.number === 1
      ? { number: 1, heading: q.heading, levels: ["poor", "excellent"], consensus: 2, consensus_level: "average", spread: 2, disagreement: true }
      : { number: q.number, heading: q.heading, levels: ["average", "average"], consensus: 2, consensus_level: "average", spread: 0, disagreement: false },
  );
  return {
    assessment: {
      id: 7,
      name: "Exec team Q4",
      assessed_on: "2026-11-27",
      respondents: [
        { id: 11, name: "Ann", role: "CEO", token: "t1", answers: answers("poor") },
        { id: 12, name: "Ben", role: "CFO", token: "t2", answers: answers("excellent") },
      ],
    },
    card: {
      respondents: ["Ann", "Ben"],
      questions: results,
      overall: 2,
      answered: 9,
      convention: "Poor = 1, Average = 2, Excellent = 3, unweighted (CS Plan's convention; the source defines no points)",
    },
    actions: [],
    charts: {
      radar: '<svg width="400" height="400"><title>Consensus per question</title></svg>',
      heat_map: '<svg width="600" height="300"><title>Answers</title></svg>',
      trend: '<svg width="600" height="300"><title>Trend</title></svg>',
    },
    labels: questions.map((q) => `Q${q.number} Short ${q.number}`),
    trend: [{ assessment: "Exec team Q4", assessed_on: "2026-11-27", overall: 2, consensus: Array(9).fill(2) }],
    capacity_evidence: "2 saved capacity scenarios",
  };
}

let calls: { cmd: string; args: Record<string, unknown> }[] = [];
let target: HTMLElement;
let component: ReturnType<typeof mount> | null = null;

async function settle() {
  for (let i = 0; i < 10; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    flushSync();
  }
}

beforeEach(() => {
  calls = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: (args ?? {}) as Record<string, unknown> });
    switch (cmd) {
      case "maturity_questions":
        return structuredClone(questions);
      case "maturity_list":
        return [{ id: 7, name: "Exec team Q4", assessed_on: "2026-11-27", respondents: 2, answers: 18 }];
      case "maturity_open":
        return viewFor();
      case "maturity_answer":
        return null;
      case "maturity_cadence_level":
        // The domain's rule stands in here; the real one is tested in Rust (DOMAIN.md §4.1 Q9).
        return (args as { days: number }).days <= 1 ? "excellent" : (args as { days: number }).days <= 31 ? "average" : "poor";
      default:
        throw { code: "unexpected", message: `unmocked command ${cmd}` };
    }
  });
  target = document.createElement("div");
  document.body.appendChild(target);
});

afterEach(() => {
  if (component) unmount(component);
  component = null;
  target.remove();
  clearMocks();
});

const byTestId = (id: string) => target.querySelector(`[data-testid="${id}"]`);

describe("Maturity page", () => {
  it("opens with the question, the headline and each leader's level chips", async () => {
    component = mount(MaturityPage, { target, props: { pages: ["capacity"], onnavigate: () => {} } });
    await settle();
    expect(target.querySelector("h1")?.textContent).toBe("Where does our Customer Success stand?");
    expect(byTestId("maturity-headline")?.textContent).toBe(
      "Average overall (2.0 of 3), 1 question where leaders disagree",
    );
    const row = byTestId("result-row-1")!;
    const chips = [...row.querySelectorAll(".chip")].map((c) => c.textContent);
    expect(chips).toEqual(["P", "E"]);
    expect(row.textContent).toContain("Short 1");
    expect(row.textContent).toContain("2.0");
    expect(row.textContent).toContain("Average");
    expect(byTestId("disagree-1")).not.toBeNull();
    expect(byTestId("disagree-2")).toBeNull();
    expect(byTestId("maturity-radar")?.querySelector("svg")).not.toBeNull();
  });

  it("saves a level the moment it is clicked, for the leader answering", async () => {
    component = mount(MaturityPage, { target, props: { pages: ["capacity"], onnavigate: () => {} } });
    await settle();
    (byTestId("maturity-tab-answer") as HTMLButtonElement).click();
    await settle();
    const select = byTestId("respondent-select") as HTMLSelectElement;
    select.value = "12";
    select.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();
    calls = [];

    (byTestId("level-3-excellent") as HTMLButtonElement).click();
    await settle();

    const saves = calls.filter((c) => c.cmd === "maturity_answer");
    expect(saves).toHaveLength(1);
    expect(saves[0]!.args.respondentId).toBe(12);
    expect(saves[0]!.args.answer).toEqual({ question: 3, level: "excellent", evidence: "", note: "" });
    // The results are re-read at once, so every chart follows the new answer.
    expect(calls.some((c) => c.cmd === "maturity_open")).toBe(true);
    expect(byTestId("maturity-save-status")?.textContent).toBe("Saved");
  });

  it("answers Q9 from the review cadence, saying how in the evidence", async () => {
    component = mount(MaturityPage, { target, props: { pages: ["capacity"], onnavigate: () => {} } });
    await settle();
    (byTestId("maturity-tab-answer") as HTMLButtonElement).click();
    await settle();
    calls = [];

    const days = byTestId("cadence-days") as HTMLInputElement;
    days.value = "90";
    days.dispatchEvent(new Event("input", { bubbles: true }));
    (byTestId("cadence-apply") as HTMLButtonElement).click();
    await settle();

    expect(calls.find((c) => c.cmd === "maturity_cadence_level")?.args).toEqual({ days: 90 });
    const save = calls.find((c) => c.cmd === "maturity_answer")!;
    expect(save.args.respondentId).toBe(11);
    expect(save.args.answer).toMatchObject({ question: 9, level: "poor" });
    expect((save.args.answer as Answer).evidence).toContain("every 90 days");
  });

  it("saves evidence typed under a chosen level once typing pauses", async () => {
    component = mount(MaturityPage, { target, props: { pages: ["capacity"], onnavigate: () => {} } });
    await settle();
    (byTestId("maturity-tab-answer") as HTMLButtonElement).click();
    await settle();
    calls = [];

    const evidence = byTestId("evidence-2") as HTMLTextAreaElement;
    evidence.value = "CS owns renewals since March";
    evidence.dispatchEvent(new Event("input", { bubbles: true }));
    await settle();
    expect(calls.filter((c) => c.cmd === "maturity_answer")).toHaveLength(0);

    await new Promise((resolve) => setTimeout(resolve, 550));
    await settle();
    const saves = calls.filter((c) => c.cmd === "maturity_answer");
    expect(saves).toHaveLength(1);
    expect(saves[0]!.args.answer).toEqual({ question: 2, level: "average", evidence: "CS owns renewals since March", note: "" });
  });

  it("keeps evidence typed just before switching leaders with the leader who typed it", async () => {
    component = mount(MaturityPage, { target, props: { pages: ["capacity"], onnavigate: () => {} } });
    await settle();
    (byTestId("maturity-tab-answer") as HTMLButtonElement).click();
    await settle();
    calls = [];

    const evidence = byTestId("evidence-2") as HTMLTextAreaElement;
    evidence.value = "Ann's evidence";
    evidence.dispatchEvent(new Event("input", { bubbles: true }));
    const select = byTestId("respondent-select") as HTMLSelectElement;
    select.value = "12";
    select.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();

    const saves = calls.filter((c) => c.cmd === "maturity_answer");
    expect(saves).toHaveLength(1);
    expect(saves[0]!.args.respondentId).toBe(11);
    expect((saves[0]!.args.answer as Answer).evidence).toBe("Ann's evidence");
  });
});
