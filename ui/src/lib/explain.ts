// "A number that comes from a formula shows how" (UI.md): the hover text of every computed
// number on the Capacity page, with the formula, the inputs and the DOMAIN.md section.
import type { CapacityPlan, Rounding, SegmentPlan, ScenarioInputs, TouchModel } from "../api";
import { compact, decimal1, integer, moneyShort, perCsm } from "./format";

const ROUNDING_NAME: Record<Rounding, string> = {
  ceiling: "ceiling",
  nearest: "nearest whole number of",
  floor: "floor",
};

export const ROUNDING_LABEL: Record<Rounding, string> = {
  ceiling: "Ceiling (round up: hire the whole person)",
  nearest: "Nearest (halves round up)",
  floor: "Floor (round down: stretch the team)",
};

export const TOUCH_LABEL: Record<TouchModel, string> = {
  "high-touch": "High-touch",
  "low-touch": "Low-touch",
  automated: "Automated",
};

/** "28 = ceiling of 27.4" */
export function roundingNote(rounding: Rounding, fte: number, headcount: number): string {
  return `${integer(headcount)} = ${ROUNDING_NAME[rounding]} ${decimal1(fte)}`;
}

export function topDownFte(s: SegmentPlan, inputs: ScenarioInputs): string {
  return `CSMs (top-down) = ARR / ARR per CSM = ${moneyShort(s.total_arr)} / ${moneyShort(inputs.params.arr_per_csm)} = ${decimal1(s.top_down.fte)} (DOMAIN.md §1.1 step 1)`;
}

export function bottomUpFte(s: SegmentPlan, inputs: ScenarioInputs): string {
  return `CSMs (bottom-up) = customers × activities per customer per month / activities per CSM per month = ${integer(s.accounts)} × ${compact(s.activities_per_customer_per_month)} / ${compact(inputs.params.csm_activities_per_month)} = ${decimal1(s.bottom_up.fte)} (DOMAIN.md §1.1 step 2)`;
}

export function headcount(plan: CapacityPlan, fte: number, heads: number, side: string): string {
  return `Hiring headcount (${side}) = ${ROUNDING_NAME[plan.rounding]} of the exact FTE: ${roundingNote(plan.rounding, fte, heads)} (DOMAIN.md §1.1 "Rounding", §8.1)`;
}

export function topDownCustomers(s: SegmentPlan): string {
  return `Customers per CSM (top-down) = customers / top-down CSMs = ${integer(s.accounts)} / ${decimal1(s.top_down.fte)} = ${perCsm(s.top_down.customers_per_csm)} (DOMAIN.md §1.1 step 3)`;
}

export function bottomUpCustomers(s: SegmentPlan, inputs: ScenarioInputs): string {
  return `Customers per CSM (bottom-up) = activities per CSM per month / activities per customer per month = ${compact(inputs.params.csm_activities_per_month)} / ${compact(s.activities_per_customer_per_month)} = ${perCsm(s.bottom_up.customers_per_csm)} (DOMAIN.md §1.1 step 2)`;
}

export function touch(inputs: ScenarioInputs): string {
  const b = inputs.params.touch_bands;
  return `Touch model from customers per CSM: below ${compact(b.high_touch_below)} = high-touch, ${compact(b.high_touch_below)} up to ${compact(b.automated_from)} = low-touch, ${compact(b.automated_from)} and more = automated (DOMAIN.md §1.1 step 3, §2.4)`;
}

export function gap(fteGap: number, td: number, bu: number): string {
  return `Gap = bottom-up CSMs − top-down CSMs = ${decimal1(bu)} − ${decimal1(td)} = ${decimal1(fteGap)}. Above 0, the experience you want needs more CSMs than the ARR funds (DOMAIN.md §1.1 step 3)`;
}

export function total(side: string, fte: number, heads: number): string {
  return `Total (${side}) = sum of the segments: ${decimal1(fte)} FTE; hiring headcount ${integer(heads)} = sum of each segment's rounded hires, since people are hired per segment (DOMAIN.md §1.1)`;
}

export function activitiesPerCustomer(s: SegmentPlan): string {
  return `Activities per customer per month = sum of "times per customer per month" in the ${s.segment} catalogue = ${compact(s.activities_per_customer_per_month)} (DOMAIN.md §1.1 step 2, §1.6)`;
}

export function minutesPerCustomer(s: SegmentPlan): string {
  return `Minutes per customer per month = Σ times per month × minutes, over the ${s.segment} catalogue = ${integer(s.minutes_per_customer_per_month)} min (DOMAIN.md §1.1 footnote, §1.6)`;
}

export function hoursPerCsm(s: SegmentPlan, plan: CapacityPlan): string {
  const hours = s.hours_per_csm_per_month;
  if (hours === null) return "No CSM is needed, so there is no book to time.";
  return `Hours a bottom-up CSM's book takes a month = customers per CSM × minutes per customer / 60 = ${perCsm(s.bottom_up.customers_per_csm)} × ${integer(s.minutes_per_customer_per_month)} / 60 = ${decimal1(hours)} h, against ${decimal1(plan.hours_per_month)} h worked (DOMAIN.md §1.1 footnote **)`;
}

export function capacityHours(plan: CapacityPlan, inputs: ScenarioInputs): string {
  const w = inputs.params.working_time;
  return `${compact(inputs.params.csm_activities_per_month)} activities a month / ${compact(w.days_per_month)} days = ${compact(plan.activities_per_day)} a day; ${compact(w.hours_per_day)} h × 60 / ${compact(plan.activities_per_day)} = one every ${compact(plan.minutes_per_activity)} minutes (DOMAIN.md §1.1 footnote **)`;
}
