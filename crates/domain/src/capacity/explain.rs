//! The plain sentence per segment. DOMAIN.md §1.1 step 3: "Compare Your Top-Down and Bottom-Up
//! Results. Do they match? Perfect. You know your model. Are they at opposite ends of the
//! spectrum? Consider whether or not you can afford the model you want, and adjust accordingly."

use super::params::CapacityParams;
use super::plan::{SegmentPlan, TotalPlan};
use super::touch::TouchModel;
use crate::money::Cents;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Both methods hire the same number of CSMs.
    Match,
    /// The experience you want needs more CSMs than the ARR funds.
    BottomUpNeedsMore,
    /// The ARR funds more CSMs than the experience you chose needs.
    TopDownFundsMore,
}

fn touch_label(touch: Option<TouchModel>) -> &'static str {
    touch.map_or("", TouchModel::label)
}

fn plural(count: u64) -> &'static str {
    if count == 1 { "CSM" } else { "CSMs" }
}

fn short(amount: Option<Cents>) -> String {
    amount.map_or_else(|| "n/a".to_string(), Cents::to_short_string)
}

pub(super) fn explain(plan: &SegmentPlan, params: &CapacityParams) -> (Verdict, String) {
    let name = &plan.segment;
    let td = &plan.top_down;
    let bu = &plan.bottom_up;
    let arr = plan.total_arr.to_short_string();
    let per_csm = params.arr_per_csm.to_short_string();
    let afford = plan.affordable_activities_per_customer.unwrap_or(0.0);
    if td.headcount == bu.headcount {
        let sentence = format!(
            "{name}: both methods hire {n} {csms} ({td:.1} FTE top-down, {bu:.1} bottom-up), so the {arr} ARR pays for the {touch} model you want; keep it.",
            n = td.headcount,
            csms = plural(td.headcount),
            td = td.fte,
            bu = bu.fte,
            touch = touch_label(bu.touch),
        );
        return (Verdict::Match, sentence);
    }
    if plan.gap_fte > 0.0 {
        let sentence = format!(
            "{name}: the activities you want need {bu:.1} CSMs ({bu_touch}), but its {arr} ARR funds only {td:.1} at {per_csm} per CSM ({td_touch}). Afford the model you want with {gap:.1} more CSMs (each would carry {implied} of ARR), or change the model to at most {afford:.1} activities per customer a month.",
            bu = bu.fte,
            bu_touch = touch_label(bu.touch),
            td = td.fte,
            td_touch = touch_label(td.touch),
            gap = plan.gap_fte,
            implied = short(plan.implied_arr_per_csm),
        );
        return (Verdict::BottomUpNeedsMore, sentence);
    }
    let run_leaner = if bu.fte > 0.0 {
        format!(
            "or run the chosen model with {gap:.1} fewer CSMs (each would carry {implied} of ARR)",
            gap = -plan.gap_fte,
            implied = short(plan.implied_arr_per_csm),
        )
    } else {
        "or serve it with no assigned CSMs".to_string()
    };
    let sentence = format!(
        "{name}: its {arr} ARR funds {td:.1} CSMs at {per_csm} per CSM ({td_touch}), but the activities you chose need only {bu:.1} ({bu_touch}). You can afford a richer model of up to {afford:.1} activities per customer a month, {run_leaner}.",
        td = td.fte,
        td_touch = touch_label(td.touch),
        bu = bu.fte,
        bu_touch = touch_label(bu.touch),
    );
    (Verdict::TopDownFundsMore, sentence)
}

/// "31 CSMs top-down, 27 bottom-up".
pub(super) fn headline(total: &TotalPlan) -> String {
    let td = total.top_down.headcount;
    let bu = total.bottom_up.headcount;
    format!("{td} {} top-down, {bu} bottom-up", plural(td))
}
