// The only place that talks to the Rust side. Every call goes through `call`, which turns a
// rejected invoke into an ApiError { code, message } the pages can show next to the cause.
import { invoke } from "@tauri-apps/api/core";
import type { ApiError } from "./bindings/ApiError";
import type { ComparisonView } from "./bindings/ComparisonView";
import type { ImportSummary } from "./bindings/ImportSummary";
import type { PlanView } from "./bindings/PlanView";
import type { Scenario } from "./bindings/Scenario";
import type { ScenarioInputs } from "./bindings/ScenarioInputs";
import type { ScenarioSummary } from "./bindings/ScenarioSummary";
import type { WorkspaceInfo } from "./bindings/WorkspaceInfo";

export type * from "./bindings/ApiError";
export type * from "./bindings/Activity";
export type * from "./bindings/CapacityPlan";
export type * from "./bindings/ComparisonRow";
export type * from "./bindings/ComparisonView";
export type * from "./bindings/ImportProblem";
export type * from "./bindings/ImportReport";
export type * from "./bindings/ImportSummary";
export type * from "./bindings/PlanSide";
export type * from "./bindings/PlanView";
export type * from "./bindings/Rounding";
export type * from "./bindings/Scenario";
export type * from "./bindings/ScenarioInputs";
export type * from "./bindings/ScenarioSummary";
export type * from "./bindings/SegmentCatalog";
export type * from "./bindings/SegmentPlan";
export type * from "./bindings/SideDelta";
export type * from "./bindings/TouchModel";
export type * from "./bindings/WorkspaceInfo";

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as ApiError).code === "string" &&
    typeof (value as ApiError).message === "string"
  );
}

/** Any failure as an ApiError, so a page never has to guess its shape. */
export function toApiError(error: unknown): ApiError {
  if (isApiError(error)) return error;
  return { code: "unexpected", message: String(error) };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toApiError(error);
  }
}

export const workspace = {
  info: () => call<WorkspaceInfo>("workspace_info"),
  /** `null` when the person cancels the file dialog. */
  open: () => call<WorkspaceInfo | null>("workspace_open"),
  create: (demo: boolean) => call<WorkspaceInfo | null>("workspace_new", { demo }),
};

export const capacity = {
  defaults: () => call<ScenarioInputs>("capacity_defaults"),
  plan: (inputs: ScenarioInputs) => call<PlanView>("capacity_plan", { inputs }),
};

export const scenarios = {
  list: () => call<ScenarioSummary[]>("scenario_list"),
  current: () => call<Scenario>("scenario_current"),
  open: (id: number) => call<Scenario>("scenario_open", { id }),
  save: (id: number, inputs: ScenarioInputs) =>
    call<ScenarioSummary>("scenario_save", { id, inputs }),
  create: (name: string, inputs: ScenarioInputs) =>
    call<Scenario>("scenario_create", { name, inputs }),
  duplicate: (id: number, name: string) => call<Scenario>("scenario_duplicate", { id, name }),
  rename: (id: number, name: string) => call<ScenarioSummary>("scenario_rename", { id, name }),
  remove: (id: number) => call<void>("scenario_delete", { id }),
  compare: (a: number, b: number) => call<ComparisonView>("scenario_compare", { a, b }),
};

export const data = {
  /** `null` when the person cancels the file dialog. */
  importAccounts: () => call<ImportSummary | null>("accounts_import"),
};
