// The only place that talks to the Rust side. Every call goes through `call`, which turns a
// rejected invoke into an ApiError { code, message } the pages can show next to the cause.
import { invoke } from "@tauri-apps/api/core";
import type { ApiError } from "./bindings/ApiError";
import type { ComparisonView } from "./bindings/ComparisonView";
import type { BacktestOptions } from "./bindings/BacktestOptions";
import type { BacktestView } from "./bindings/BacktestView";
import type { CompPlan } from "./bindings/CompPlan";
import type { CompPlanSaved } from "./bindings/CompPlanSaved";
import type { CompPlanSummary } from "./bindings/CompPlanSummary";
import type { CompPlanView } from "./bindings/CompPlanView";
import type { HistoryImportSummary } from "./bindings/HistoryImportSummary";
import type { HistoryInfo } from "./bindings/HistoryInfo";
import type { SavedStressSetup } from "./bindings/SavedStressSetup";
import type { StressPreset } from "./bindings/StressPreset";
import type { StressProgress } from "./bindings/StressProgress";
import type { StressShifts } from "./bindings/StressShifts";
import type { StressView } from "./bindings/StressView";
import type { Answer } from "./bindings/Answer";
import type { Assessment } from "./bindings/Assessment";
import type { AssessmentSummary } from "./bindings/AssessmentSummary";
import type { FieldChoice } from "./bindings/FieldChoice";
import type { ImportOptions } from "./bindings/ImportOptions";
import type { ImportOutcome } from "./bindings/ImportOutcome";
import type { ImportPreview } from "./bindings/ImportPreview";
import type { ImportProgressSnapshot } from "./bindings/ImportProgressSnapshot";
import type { ImportRecord } from "./bindings/ImportRecord";
import type { UndoSummary } from "./bindings/UndoSummary";
import type { SavedMapping } from "./bindings/SavedMapping";
import type { ColumnMapping } from "./bindings/ColumnMapping";
import type { ColumnTarget } from "./bindings/ColumnTarget";
import type { Level } from "./bindings/Level";
import type { MaturityView } from "./bindings/MaturityView";
import type { MetricsSetup } from "./bindings/MetricsSetup";
import type { MetricsView } from "./bindings/MetricsView";
import type { Snapshot } from "./bindings/Snapshot";
import type { MovementsImport } from "./bindings/MovementsImport";
import type { MovementsPeriod } from "./bindings/MovementsPeriod";
import type { GroupBy } from "./bindings/GroupBy";
import type { MergeSummary } from "./bindings/MergeSummary";
import type { Question } from "./bindings/Question";
import type { RespondentRecord } from "./bindings/RespondentRecord";
import type { PlanView } from "./bindings/PlanView";
import type { Scenario } from "./bindings/Scenario";
import type { ScenarioInputs } from "./bindings/ScenarioInputs";
import type { ScenarioSummary } from "./bindings/ScenarioSummary";
import type { WorkspaceInfo } from "./bindings/WorkspaceInfo";
import type { ForecastComparisonView } from "./bindings/ForecastComparisonView";
import type { ForecastDefaults } from "./bindings/ForecastDefaults";
import type { ForecastExport } from "./bindings/ForecastExport";
import type { ForecastInputs } from "./bindings/ForecastInputs";
import type { ForecastScenario } from "./bindings/ForecastScenario";
import type { ForecastSummary } from "./bindings/ForecastSummary";
import type { ForecastView } from "./bindings/ForecastView";
import type { Preset } from "./bindings/Preset";
import type { Uncertainty } from "./bindings/Uncertainty";
import type { RuleChange } from "./bindings/RuleChange";
import type { RuleFileFormat } from "./bindings/RuleFileFormat";
import type { RuleSet } from "./bindings/RuleSet";
import type { RuleSetComparison } from "./bindings/RuleSetComparison";
import type { RuleSetSummary } from "./bindings/RuleSetSummary";
import type { SavedRuleSet } from "./bindings/SavedRuleSet";
import type { SegmentFields } from "./bindings/SegmentFields";
import type { SegmentsView } from "./bindings/SegmentsView";
import type { SegmentsExport } from "./bindings/SegmentsExport";

export type * from "./bindings/ApiError";
export type * from "./bindings/BandRenewals";
export type * from "./bindings/Benchmark";
export type * from "./bindings/CsMetric";
export type * from "./bindings/EarlyWarning";
export type * from "./bindings/Group";
export type * from "./bindings/GroupBy";
export type * from "./bindings/GroupReport";
export type * from "./bindings/HealthBand";
export type * from "./bindings/HealthDistribution";
export type * from "./bindings/LtvVariant";
export type * from "./bindings/MetricCostInputs";
export type * from "./bindings/MetricSettings";
export type * from "./bindings/MetricsSetup";
export type * from "./bindings/MetricsTrendPoint";
export type * from "./bindings/MetricsView";
export type * from "./bindings/Movements";
export type * from "./bindings/PeriodReport";
export type * from "./bindings/Snapshot";
export type * from "./bindings/MovementsImport";
export type * from "./bindings/MovementsPeriod";
export type * from "./bindings/Unit";
export type * from "./bindings/WarningAccount";
export type * from "./bindings/WarningThresholds";
export type * from "./bindings/ActionItem";
export type * from "./bindings/Activity";
export type * from "./bindings/Answer";
export type * from "./bindings/Assessment";
export type * from "./bindings/AssessmentSummary";
export type * from "./bindings/Backtest";
export type * from "./bindings/BacktestCharts";
export type * from "./bindings/BacktestOptions";
export type * from "./bindings/BacktestVerdict";
export type * from "./bindings/BacktestView";
export type * from "./bindings/CompModel";
export type * from "./bindings/CompPlan";
export type * from "./bindings/CompPlanSaved";
export type * from "./bindings/CompPlanSummary";
export type * from "./bindings/CompPlanView";
export type * from "./bindings/CsmTotals";
export type * from "./bindings/HistoryImportSummary";
export type * from "./bindings/HistoryInfo";
export type * from "./bindings/LintWarning";
export type * from "./bindings/Measure";
export type * from "./bindings/Metric";
export type * from "./bindings/PayPeriod";
export type * from "./bindings/PayoutCurve";
export type * from "./bindings/PerfWeights";
export type * from "./bindings/PlanSummary";
export type * from "./bindings/QuarterCost";
export type * from "./bindings/RevenueShare";
export type * from "./bindings/Role";
export type * from "./bindings/SavedCompPlan";
export type * from "./bindings/SensitivityRow";
export type * from "./bindings/Split";
export type * from "./bindings/PlanBudget";
export type * from "./bindings/SavedShifts";
export type * from "./bindings/SavedStressSetup";
export type * from "./bindings/StressPreset";
export type * from "./bindings/StressProgress";
export type * from "./bindings/StressSetup";
export type * from "./bindings/StressShifts";
export type * from "./bindings/StressSummary";
export type * from "./bindings/StressView";
export type * from "./bindings/Tier";
export type * from "./bindings/CapacityPlan";
export type * from "./bindings/ComparisonRow";
export type * from "./bindings/ComparisonView";
export type * from "./bindings/ImportProblem";
export type * from "./bindings/ImportReport";
export type * from "./bindings/AccountField";
export type * from "./bindings/ColumnMapping";
export type * from "./bindings/ColumnTarget";
export type * from "./bindings/DateOrder";
export type * from "./bindings/DateOrderFinding";
export type * from "./bindings/FieldChoice";
export type * from "./bindings/ImportOptions";
export type * from "./bindings/ImportOutcome";
export type * from "./bindings/ImportPhase";
export type * from "./bindings/ImportPreview";
export type * from "./bindings/ImportProgressSnapshot";
export type * from "./bindings/ImportRecord";
export type * from "./bindings/MappedColumn";
export type * from "./bindings/MappingOrigin";
export type * from "./bindings/SourceKind";
export type * from "./bindings/UndoSummary";
export type * from "./bindings/SavedMapping";
export type * from "./bindings/Helper";
export type * from "./bindings/Level";
export type * from "./bindings/LevelText";
export type * from "./bindings/MaturityCharts";
export type * from "./bindings/MaturityView";
export type * from "./bindings/MergeSummary";
export type * from "./bindings/PlanSide";
export type * from "./bindings/PlanView";
export type * from "./bindings/Question";
export type * from "./bindings/QuestionResult";
export type * from "./bindings/RespondentRecord";
export type * from "./bindings/Rounding";
export type * from "./bindings/Scenario";
export type * from "./bindings/ScenarioInputs";
export type * from "./bindings/ScenarioSummary";
export type * from "./bindings/ScoreCard";
export type * from "./bindings/SegmentCatalog";
export type * from "./bindings/SegmentPlan";
export type * from "./bindings/SideDelta";
export type * from "./bindings/TouchModel";
export type * from "./bindings/TrendPoint";
export type * from "./bindings/WorkspaceInfo";
export type * from "./bindings/ArrMovement";
export type * from "./bindings/Band";
export type * from "./bindings/BookQuarter";
export type * from "./bindings/CostBand";
export type * from "./bindings/ForecastCostInputs";
export type * from "./bindings/ForecastQuarterCost";
export type * from "./bindings/Drivers";
export type * from "./bindings/Forecast";
export type * from "./bindings/ForecastCharts";
export type * from "./bindings/ForecastComparison";
export type * from "./bindings/ForecastComparisonView";
export type * from "./bindings/ForecastDefaults";
export type * from "./bindings/ForecastExport";
export type * from "./bindings/ForecastInputs";
export type * from "./bindings/ForecastScenario";
export type * from "./bindings/ForecastSummary";
export type * from "./bindings/ForecastView";
export type * from "./bindings/Hire";
export type * from "./bindings/HireShift";
export type * from "./bindings/LogoMovement";
export type * from "./bindings/MoneyBand";
export type * from "./bindings/Need";
export type * from "./bindings/Preset";
export type * from "./bindings/QuarterBands";
export type * from "./bindings/QuarterDelta";
export type * from "./bindings/QuarterOverride";
export type * from "./bindings/QuarterSpan";
export type * from "./bindings/RampProfile";
export type * from "./bindings/RequiredBasis";
export type * from "./bindings/RiskBands";
export type * from "./bindings/SegmentBands";
export type * from "./bindings/SegmentForecast";
export type * from "./bindings/SegmentOutlook";
export type * from "./bindings/SegmentQuarter";
export type * from "./bindings/SegmentQuarterBands";
export type * from "./bindings/Spread";
export type * from "./bindings/Supply";
export type * from "./bindings/Team";
export type * from "./bindings/TotalQuarter";
export type * from "./bindings/Uncertainty";
export type * from "./bindings/Bounds";
export type * from "./bindings/CatchAll";
export type * from "./bindings/Condition";
export type * from "./bindings/CustomCondition";
export type * from "./bindings/HealthBands";
export type * from "./bindings/IsoDate";
export type * from "./bindings/MoveCell";
export type * from "./bindings/Moves";
export type * from "./bindings/NumericField";
export type * from "./bindings/OneOf";
export type * from "./bindings/Range";
export type * from "./bindings/RenewalWithin";
export type * from "./bindings/RuleChange";
export type * from "./bindings/RuleFileFormat";
export type * from "./bindings/RuleSet";
export type * from "./bindings/RuleSetComparison";
export type * from "./bindings/RuleSetSummary";
export type * from "./bindings/SavedRuleSet";
export type * from "./bindings/SegmentCharts";
export type * from "./bindings/SegmentFields";
export type * from "./bindings/SegmentHealth";
export type * from "./bindings/SegmentRule";
export type * from "./bindings/SegmentSummary";
export type * from "./bindings/SegmentsView";
export type * from "./bindings/SegmentsExport";
export type * from "./bindings/BookTotal";
export type * from "./bindings/TouchModelTotal";
export type * from "./bindings/TextCondition";
export type * from "./bindings/TextField";
export type * from "./bindings/TextMatch";

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
  /** The plan over a saved rule set's segments instead of ARR tiers (DOMAIN.md §2.7). */
  planRules: (inputs: ScenarioInputs, ruleSetId: number) =>
    call<PlanView>("capacity_plan_rules", { inputs, ruleSetId }),
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
  /** Plans the scenario over a saved rule set, or over ARR tiers again with `null`. */
  setRuleSet: (id: number, ruleSetId: number | null) =>
    call<Scenario>("scenario_set_rule_set", { id, ruleSetId }),
};

/** Segmentation (DOMAIN.md §2): saved rule sets, the book segmented by the rules on screen,
 * the move preview of unsaved edits, and two rule sets side by side. */
export const segmentation = {
  fields: () => call<SegmentFields>("segment_fields"),
  /** Re-segments the whole book by `rules` (unsaved edits included). */
  view: (rules: RuleSet) => call<SegmentsView>("segments_view", { rules }),
  /** What saving `rules` over saved rule set `id` would move, and its effect on headcount. */
  preview: (id: number, rules: RuleSet) => call<RuleChange>("segments_preview", { id, rules }),
  compare: (a: number, b: number) => call<RuleSetComparison>("rule_sets_compare", { a, b }),
  list: () => call<RuleSetSummary[]>("rule_sets_list"),
  /** The rule set opened last; `null` when the workspace has none. */
  current: () => call<SavedRuleSet | null>("rule_set_current"),
  open: (id: number) => call<SavedRuleSet>("rule_set_open", { id }),
  save: (id: number, rules: RuleSet) => call<RuleSetSummary>("rule_set_save", { id, rules }),
  create: (rules: RuleSet) => call<SavedRuleSet>("rule_set_create", { rules }),
  duplicate: (id: number, name: string) => call<SavedRuleSet>("rule_set_duplicate", { id, name }),
  rename: (id: number, name: string) => call<RuleSetSummary>("rule_set_rename", { id, name }),
  remove: (id: number) => call<void>("rule_set_delete", { id }),
  /** Each file action resolves to `null` when the person cancels the dialog. */
  importFile: () => call<SavedRuleSet | null>("rule_set_import"),
  exportFile: (id: number, format: RuleFileFormat) =>
    call<string | null>("rule_set_export", { id, format }),
  /** Saves the segments of `rules` (as on screen) as CSV, or a workbook with every account's
   * segment: the file `csplan export segments` writes. */
  exportSegments: (rules: RuleSet, format: SegmentsExport) =>
    call<string | null>("segments_export", { rules, format }),
};

/** Importing accounts (issue #3): preview, mapping, import with progress and cancel, undo. */
export const data = {
  /** The account fields a column can be mapped to, in the export format's order. */
  importFields: () => call<FieldChoice[]>("import_fields"),
  /** Asks for the export and previews it; `null` when the person cancels the file dialog. */
  importPick: () => call<ImportPreview | null>("import_pick"),
  /** The chosen file previewed again with the person's mapping, date order or sheet. */
  importPreview: (options: ImportOptions) => call<ImportPreview>("import_preview", { options }),
  /** Rejects with code `cancelled` (nothing written) when importCancel stopped it. */
  importRun: (options: ImportOptions) => call<ImportOutcome>("import_run", { options }),
  /** How far the running preview or import has got (`null` when none runs). */
  importProgress: () => call<ImportProgressSnapshot | null>("import_progress"),
  importCancel: () => call<boolean>("import_cancel"),
  /** Saves the report shown now (preview, or the skipped rows after an import) as CSV: the
   * saved file's path, or `null` when the dialog is cancelled. */
  importReportSave: () => call<string | null>("import_report_save"),
  /** Every import into the workspace, newest first. */
  importHistory: () => call<ImportRecord[]>("import_history"),
  importUndo: () => call<UndoSummary>("import_undo"),
  /** The saved column mappings: named ones first (by name), then those remembered per set of headers. */
  importMappings: () => call<SavedMapping[]>("import_mappings"),
  /** The name "Save this mapping as" would save under, trimmed; rejects with `invalid-name` and
   * the reason (empty, too long, another saved mapping's name; `replacing` may keep its own). */
  importMappingNameCheck: (name: string, replacing: string | null) =>
    call<string>("import_mapping_name_check", { name, replacing }),
  importMappingDelete: (name: string) => call<void>("import_mapping_delete", { name }),
  /** `mapping` with column `column` (0-based) read as `target`, by the store's rule (the CLI's
   * --map): the column that held the field, or ARR for MRR and back, becomes a custom field. */
  importMappingRemap: (mapping: ColumnMapping, column: number, target: ColumnTarget) =>
    call<ColumnMapping>("import_mapping_remap", { mapping, column, target }),
};

/** The maturity self-assessment (DOMAIN.md §4). Every change returns nothing; the page re-opens. */
export const maturity = {
  questions: () => call<Question[]>("maturity_questions"),
  list: () => call<AssessmentSummary[]>("maturity_list"),
  create: (name: string, assessedOn: string) =>
    call<Assessment>("maturity_create", { name, assessedOn }),
  open: (id: number) => call<MaturityView>("maturity_open", { id }),
  remove: (id: number) => call<void>("maturity_delete", { id }),
  addRespondent: (assessmentId: number, name: string, role: string) =>
    call<RespondentRecord>("maturity_add_respondent", { assessmentId, name, role }),
  removeRespondent: (respondentId: number) =>
    call<void>("maturity_remove_respondent", { respondentId }),
  answer: (respondentId: number, answer: Answer) =>
    call<void>("maturity_answer", { respondentId, answer }),
  clearAnswer: (respondentId: number, question: number) =>
    call<void>("maturity_clear_answer", { respondentId, question }),
  /** Q9's level for the number of days between the executive team's feedback reviews. */
  cadenceLevel: (days: number) => call<Level>("maturity_cadence_level", { days }),
  /** Each export resolves to the saved file's path, or `null` when the dialog is cancelled. */
  exportQuestionnaire: (respondentId: number) =>
    call<string | null>("maturity_export_questionnaire", { respondentId }),
  importAnswers: () => call<MergeSummary | null>("maturity_import_answers"),
  exportReport: (id: number) => call<string | null>("maturity_export_report", { id }),
  exportAnswersCsv: (id: number) => call<string | null>("maturity_export_answers_csv", { id }),
};

/** CS metrics (DOMAIN.md §5, §6.2, §6.7): snapshots of the book, the metrics of a period between
 * two of them, the trend and the early-warning list. Exports resolve to the saved file's path,
 * or `null` when the dialog is cancelled. */
export const metrics = {
  snapshots: () => call<Snapshot[]>("metrics_snapshots"),
  setup: () => call<MetricsSetup>("metrics_setup"),
  view: (fromId: number, toId: number, by: GroupBy, setup: MetricsSetup) =>
    call<MetricsView>("metrics_view", { fromId, toId, by, setup }),
  takeSnapshot: (asOf: string, label: string) =>
    call<Snapshot>("metrics_take_snapshot", { asOf, label }),
  addSnapshot: (asOf: string, label: string) =>
    call<Snapshot | null>("metrics_add_snapshot", { asOf, label }),
  deleteSnapshot: (id: number) => call<void>("metrics_delete_snapshot", { id }),
  exportWarnings: (fromId: number, toId: number, setup: MetricsSetup) =>
    call<string | null>("metrics_export_warnings", { fromId, toId, setup }),
  /** Asks for a revenue movements file and imports it; `null` when the dialog is cancelled. */
  importMovements: () => call<MovementsImport | null>("metrics_import_movements"),
  /** The whole book (and each group of `by`) from the snapshot at or before `from` and the
   * movements after it up to `to` (YYYY-MM-DD): what `csplan metrics --movements --period
   * FROM..TO [--by]` reports. */
  movementsView: (from: string, to: string, by: GroupBy, setup: MetricsSetup) =>
    call<MovementsPeriod>("metrics_movements_view", { from, to, by, setup }),
  /** Saves the inputs and settings (health cut-offs) when no period is measured. */
  saveSetup: (setup: MetricsSetup) => call<void>("metrics_save_setup", { setup }),
};

/** CSM compensation (DOMAIN.md §3): saved comp plans, the backtest and the stress test. */
export const compensation = {
  plans: () => call<CompPlanSummary[]>("comp_plans"),
  open: (id: number) => call<CompPlanView>("comp_plan_open", { id }),
  /** Saves a new version when something changed; the lint is of what was saved. */
  save: (id: number, plan: CompPlan) => call<CompPlanSaved>("comp_plan_save", { id, plan }),
  create: (name: string, plan: CompPlan) => call<CompPlanView>("comp_plan_create", { name, plan }),
  duplicate: (id: number, name: string) => call<CompPlanView>("comp_plan_duplicate", { id, name }),
  rename: (id: number, name: string) => call<CompPlanSummary>("comp_plan_rename", { id, name }),
  remove: (id: number) => call<void>("comp_plan_delete", { id }),
  /** Each file action resolves to `null` when the person cancels the dialog. */
  exportToml: (id: number) => call<string | null>("comp_plan_export", { id }),
  importToml: () => call<CompPlanView | null>("comp_plan_import"),
  importHistory: () => call<HistoryImportSummary | null>("comp_history_import"),
  history: () => call<HistoryInfo>("comp_history"),
  backtest: (currentId: number, proposedId: number, options: BacktestOptions) =>
    call<BacktestView>("comp_backtest", { currentId, proposedId, options }),
  /** `custom` shifts the base year's losses and expansion; the preset applies on top. */
  stress: (
    planIds: number[],
    trials: number,
    seed: number,
    preset: StressPreset | null,
    custom: StressShifts | null,
    budgets: (number | null)[],
  ) => call<StressView>("comp_stress", { planIds, trials, seed, preset, custom, budgets }),
  /** The set-up of the last finished stress run in this workspace (`null` before the first). */
  stressSetup: () => call<SavedStressSetup | null>("comp_stress_setup"),
  /** How far the running stress test has got (`null` when none is running). */
  stressProgress: () => call<StressProgress | null>("comp_stress_progress"),
  /** Stops the running stress test; it then rejects with code `stress-stopped`. */
  stressCancel: () => call<boolean>("comp_stress_cancel"),
};

/** The capacity plan over time (issue #4; DOMAIN.md §1.3, §1.4): saved plans, the plan, bands. */
export const forecast = {
  /** The documented defaults of a plan starting the quarter after `today` (YYYY-MM-DD). */
  defaults: (today: string) => call<ForecastDefaults>("forecast_defaults", { today }),
  list: () => call<ForecastSummary[]>("forecast_list"),
  /** The plan opened last; a workspace without one gets "Base plan" on its book. */
  current: (today: string) => call<ForecastScenario>("forecast_current", { today }),
  open: (id: number) => call<ForecastScenario>("forecast_open", { id }),
  save: (id: number, inputs: ForecastInputs, uncertainty: Uncertainty) =>
    call<ForecastSummary>("forecast_save", { id, inputs, uncertainty }),
  create: (name: string, inputs: ForecastInputs, uncertainty: Uncertainty) =>
    call<ForecastScenario>("forecast_create", { name, inputs, uncertainty }),
  /** A new plan on today's book: over the ARR tiers, or over a saved rule set's segments. */
  createFromBook: (name: string, today: string, ruleSetId: number | null) =>
    call<ForecastScenario>("forecast_create_from_book", { name, today, ruleSetId }),
  rename: (id: number, name: string) => call<ForecastSummary>("forecast_rename", { id, name }),
  remove: (id: number) => call<void>("forecast_delete", { id }),
  /** The deterministic plan of the inputs on screen under a preset (milliseconds). */
  run: (inputs: ForecastInputs, preset: Preset) => call<ForecastView>("forecast_run", { inputs, preset }),
  /** The Monte Carlo risk bands; rejects with code `forecast-stopped` when cancelled. */
  simulate: (inputs: ForecastInputs, uncertainty: Uncertainty) =>
    call<ForecastView>("forecast_simulate", { inputs, uncertainty }),
  /** How far the running risk-band run has got (`null` when none is running). */
  progress: () => call<StressProgress | null>("forecast_progress"),
  cancel: () => call<boolean>("forecast_cancel"),
  compare: (a: number, b: number) => call<ForecastComparisonView>("forecast_compare", { a, b }),
  /** Resolves to the saved file's path, or `null` when the dialog is cancelled. */
  exportAs: (name: string, inputs: ForecastInputs, uncertainty: Uncertainty, preset: Preset, format: ForecastExport) =>
    call<string | null>("forecast_export", { name, inputs, uncertainty, preset, format }),
};
