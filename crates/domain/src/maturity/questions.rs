//! The 9 questions of the 004 maturity framework (DOMAIN.md §4.1). The source lost its question
//! headings, so every heading here is CS Plan's own wording of the INFERRED heading; the clue,
//! the level statements and their commentary are verbatim as DOMAIN.md quotes them (its " … "
//! elisions included), and `crates/domain/tests/maturity_questions_match_domain.rs` checks them
//! against DOMAIN.md.

use super::level::{Level, LevelText};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The part of CS Plan that helps a company move a question up a level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Helper {
    /// The page key: "capacity" | "segments" | "metrics" | "compensation" | "data".
    pub page: String,
    /// What the page does for this question, as the link reads.
    pub label: String,
}

/// One question of the scorecard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Question {
    #[ts(type = "number")]
    pub number: u8,
    /// CS Plan's wording: the source has no headings (DOMAIN.md §0, defect 3), so this is inferred.
    pub heading: String,
    /// The block's opening paragraph that explains what the question reveals.
    pub clue: String,
    /// Poor, Average, Excellent in that order.
    pub levels: Vec<LevelText>,
    /// Where the block is in the source, e.g. "004_9d0b17255f58d23b.txt L5–15".
    pub source: String,
    pub helps: Option<Helper>,
}

impl Question {
    /// A short label for charts and narrow tables, e.g. "Q1 Reporting line" (our wording, after
    /// the summary table of DOMAIN.md §4.1).
    pub fn short_label(&self) -> String {
        match SPECS.iter().find(|spec| spec.number == self.number) {
            Some(spec) => format!("Q{} {}", spec.number, spec.short),
            None => format!("Q{}", self.number),
        }
    }

    /// This question's statement for one level.
    pub fn level_text(&self, level: Level) -> Option<&LevelText> {
        self.levels.iter().find(|text| text.level == level)
    }
}

/// The 9 questions, numbered 1 to 9.
pub fn questions() -> Vec<Question> {
    SPECS.iter().map(Spec::to_question).collect()
}

/// The highest question number; answers to any other number are not part of the scorecard.
pub const QUESTION_COUNT: u8 = 9;

/// A level statement and its commentary lines, as static text.
type LevelSpec = (&'static str, &'static [&'static str]);

/// The static text of one question; `questions()` turns it into owned values for the UI.
struct Spec {
    number: u8,
    heading: &'static str,
    short: &'static str,
    clue: &'static str,
    source: &'static str,
    poor: LevelSpec,
    average: LevelSpec,
    excellent: LevelSpec,
    helps: Option<(&'static str, &'static str)>,
}

impl Spec {
    fn to_question(&self) -> Question {
        let level = |level: Level, (text, commentary): LevelSpec| LevelText {
            level,
            text: text.to_string(),
            commentary: commentary.iter().map(|line| line.to_string()).collect(),
        };
        Question {
            number: self.number,
            heading: self.heading.to_string(),
            clue: self.clue.to_string(),
            levels: vec![
                level(Level::Poor, self.poor),
                level(Level::Average, self.average),
                level(Level::Excellent, self.excellent),
            ],
            source: self.source.to_string(),
            helps: self.helps.map(|(page, label)| Helper {
                page: page.to_string(),
                label: label.to_string(),
            }),
        }
    }
}

const SPECS: [Spec; 9] = [
    Spec {
        number: 1,
        heading: "Who does the top Customer Success leader report to, and do they have a seat at the executive table?",
        short: "Reporting line",
        clue: "Knowing the answer to this question is fundamental to understanding how much a company values Customer Success. If the top Success leader is a VP (or below VP in smaller companies), if they report to anyone but the CEO, or if the role doesn’t exist at all, this is the first indication that a company might not prize the opinion of the customer to the fullest extent.",
        source: "004_9d0b17255f58d23b.txt L5–15",
        poor: (
            "The Success leader reports to the CRO with a VP or below title.",
            &[
                "the top Success leader is a VP and therefore and isn’t perceived to have equal power to other C-level executives. The executive who is closest to the customer is not present at the decision-making table.",
                "all feedback from the top Customer Success leader is filtered through the biases of the person who generally cares more about revenue",
            ],
        ),
        average: (
            "The Success leader reports to the CEO, but not a member of the executive team.",
            &[
                "The benefit is that the CEO gets regular, direct access … The drawback is that the Success leader has limited influence with other key executives in Sales, Product, and Marketing.",
            ],
        ),
        excellent: (
            "The Success leader reports to the CEO, is a member of the executive team, and has a title that is equal to their peers.",
            &["no decision will ever be made without the customer having a seat at the table."],
        ),
        helps: None,
    },
    Spec {
        number: 2,
        heading: "Who owns renewals and upsells with existing customers?",
        short: "Renewal ownership",
        clue: "Success leaders have a tough choice to make when weighing in on who owns renewals.",
        source: "004_9d0b17255f58d23b.txt L16–26",
        poor: (
            "Sales execs lead all commercial activity including renewals, while CSMs engage in non-commercial activities like onboarding, driving engagement and relationships.",
            &[
                "Customers are required to interface with a “money person” during every renewal … Unnecessary tension is added to the renewal experience.",
            ],
        ),
        average: (
            "Customer Success owns the renewal, but Sales owns all “new” revenue activities including upsells and cross-sells.",
            &[
                "The Success leader doesn’t feel as much ownership of the net retention rate number, often leading to an underwhelming number of upsell opportunities and referrals for upsells.",
            ],
        ),
        excellent: (
            "Many people say that Success does not need to own commercial activities with the customer, or that Success doesn't have the skills to renew effectively. But if the Success leader doesn't own a quota, what number do they own for the company? NPS? Customer engagement? Today, there isn't an equally respected number for Success to own, which means without a quota, the Success team is essentially perceived as Customer Support. The Customer function isn't recognized as an equal on the executive team until they carry a quota.",
            &[
                "In Excellent companies, the Customer Success team owns renewals and upsells while the Sales team focuses on new business and cross-sells. The person managing the transaction of the renewal or upsell doesn’t need to be the CSM—but in companies that position the CCO as an equal to the other C-level execs, this responsibility lives in the Customer function.",
                "Renewals and upsells are either owned by the CSM or Account Managers / Renewal Specialists who report up to the Chief Customer Officer.",
                "Success and Sales partner to identify accounts with the most potential for cross-sells",
                "accounts that have extremely long sales cycles of 12-24 months. Those accounts are often large ($5M+) … the Salesperson who closed the initial deal should continue to be the main point of contact for all commercial transactions",
            ],
        ),
        helps: Some((
            "compensation",
            "Compensation: CSM plans with renewal and expansion variables",
        )),
    },
    Spec {
        number: 3,
        heading: "Who is accountable for customer retention and customer outcomes across the company?",
        short: "Company-wide goals",
        clue: "The customer’s journey includes touchpoints created by Marketing (ads, content, website), Product (mobile and web apps), Sales (Renewals and Upsells/Cross-sells), Services (Onboarding and training) and of course Customer Success. Thankfully each of these teams owns a customer experience metric for their team, right?...",
        source: "004_9d0b17255f58d23b.txt L27–32",
        poor: (
            "There is a company-level customer retention goal, but only Customer Success is expected to deliver the results.",
            &[],
        ),
        average: (
            "There is a company-level customer retention goal, and each department has one or more supporting goals to improve retention rates.",
            &[],
        ),
        excellent: (
            "The customer’s desired outcomes are documented, and there are company-level, department level, and team goals to help the customer achieve those outcomes.",
            &[
                "When everyone is accountable for the customer’s success, the entire organization re-orients around the customer.",
            ],
        ),
        helps: Some((
            "metrics",
            "Metrics: one retention measure for the company goal and every department's goals",
        )),
    },
    Spec {
        number: 4,
        heading: "How well does the company understand and fund the cost of retaining a customer?",
        short: "Cost to retain",
        clue: "The actual number, whether it’s <5% or over 25% doesn’t matter. What matters is how sophisticated the company is at understanding the costs of retaining a customer.",
        source: "004_9d0b17255f58d23b.txt L33–41",
        poor: (
            "Company does not have an established cost to retain customers.",
            &[
                "Decisions about hiring are made with anecdotes from the Success leader, pleading for more budget and often denied by the Finance leader. The Customer Success team is often overworked and their contributions are not valued.",
            ],
        ),
        average: (
            "Company has rule of thumb metrics like “$2M ARR per CSM” or “50 Customers per CSM.”",
            &[
                "CSMs are often asked to stretch well above established thresholds until new CSMs are hired and onboarded. The result is that customers are often assigned and reassigned to new CSMs, creating a bad experience for Customers.",
            ],
        ),
        excellent: (
            "Company has well-defined costs to retain the customer and pre-defined agreements about allocating additional budget.",
            &[
                "The Company forecasts revenue and logo count for the current quarter and next quarter, provides ramp- up time for new CSMs, and provides budget for hiring ahead of the Customer load. CSMs consistently manage a portfolio that allows them to provide an excellent experience throughout their journey with the company.",
            ],
        ),
        helps: Some((
            "capacity",
            "Capacity plan: CSMs needed per segment, from ARR and from the work each customer takes",
        )),
    },
    Spec {
        number: 5,
        heading: "What feeds the customer health score: company-centric or customer-centric measures?",
        short: "Health-score inputs",
        clue: "Many companies’ customer health scores are largely fed by product usage and NPS data. But these metrics are very company-centric … A company-centric metric is one that a customer doesn’t care about. A customer-centric metric is one that is focused on helping customers reach their goals with the product. Every company should have both company-focused metrics and customer-focused metrics to track customer health.",
        source: "004_9d0b17255f58d23b.txt L42–51",
        poor: (
            "Health scores are primarily fed by company-centric metrics (NPS, product usage, etc).",
            &[
                "Company-centric metrics tend to be lagging indicators of renewal, and are therefore not actionable and don’t accurately reflect customer health.",
            ],
        ),
        average: (
            "Customer health is determined by a combination of both company-centric and customer-centric goals. The company may still include product usage and NPS in their health score, but they also are collecting customer-centric data including:",
            &[
                "With more sophisticated tracking, the company’s retention forecasting is more accurate. The difference between “average” and “excellent” however is that average companies have sophisticated tracking but don’t take action based on what they’re seeing.",
            ],
        ),
        excellent: (
            "The company measures the customer's perception of value received plus customer outcomes.",
            &[
                "a customer can achieve their desired outcomes and still churn for other reasons (e.g., competitive alternatives, the problem being solved is no longer severe enough to justify the price, etc.). So outcomes are recorded and measured, but the customer’s perception of the value they’re receiving is also taken.",
                "NPS and CSAT scores don’t capture “perception” of value. So listening posts are implemented along the customer journey to record how customers perceive various components including the problem being solved, the product, their training, the pricing, and so on.",
                "Customer Success leaders in excellent companies can take insights about their customers and drive strategic discussions with other exec team members:",
            ],
        ),
        helps: Some((
            "segments",
            "Segments: measure health and outcomes per group of similar customers",
        )),
    },
    Spec {
        number: 6,
        heading: "How well does the company understand why customers leave?",
        short: "Churn understanding",
        clue: "Companies that value their customers aren’t surprised by churn events. They’ve organized their business around early indicators of risk, and implement and monitor structured playbooks to address the problems. They don’t accept weak churn reasons … Here’s how to detect a company’s maturity in understanding lost customers.",
        source: "004_9d0b17255f58d23b.txt L52–57",
        poor: (
            "The company is blindsided when a customer churns; feedback about customer churn is qualitative, ad-hoc, and lacks any organization or structured reporting. Weak reasons for churn like “not enough product usage” or “we lost our champion” are common.",
            &[],
        ),
        average: (
            "There is an organized structure for looking at the reasons for customer churn, and this information is reported out to all members of the executive team. However, the data is often missing enough detail to be actionable and there is minimal improvement in company operations over time.",
            &[],
        ),
        excellent: (
            "The company has laid out well-defined early indicators of risk, along with trending data for each risk. The Success team is held accountable to playbooks that address each of the indicators of churn risks. Churn reasons are reviewed by the executive team and projects are initiated to mitigate problems.",
            &[
                "Those indicators include but aren’t limited to:",
                "Playbooks are created and tracked for each indicator of risk.",
            ],
        ),
        helps: Some((
            "metrics",
            "Metrics: churn and retention tracked every period, so risk trends show",
        )),
    },
    Spec {
        number: 7,
        heading: "How does the company measure the value customers receive?",
        short: "Value measurement",
        clue: "One area of Customer Success that remains underdeveloped in many companies is how they measure the value received by customers. … they should measure the extent to which customers feel they’re getting value from the product.",
        source: "004_9d0b17255f58d23b.txt L58–64",
        poor: (
            "The Success team focuses exclusively on adoption and utilization as indicators of value.",
            &[],
        ),
        average: (
            "The Success team focuses on aligning the usage of the product with the customer’s goals.",
            &[
                "So if a customer has a goal of increasing revenue by 3%, the CSM follows a playbook that shows the customer how to use the product to achieve that goal.",
            ],
        ),
        excellent: (
            "The Success team understands the full ecosystem of people, products, and processes required to achieve customer goals, and has processes in place to detect and record the value customers are receiving.",
            &[
                "Excellent companies understand where their product fits in that ecosystem and then can coach customers to leverage all the moving parts required to hit the customer’s goal.",
                "Excellent teams are also able to record and detect whether the customer received partial value. … Periodically (monthly or quarterly), the entire ecosystem is reviewed and evaluated by the company and the customer.",
            ],
        ),
        helps: None,
    },
    Spec {
        number: 8,
        heading: "How are bug and feature requests gathered, prioritised and closed with the customer?",
        short: "Feature requests",
        clue: "Excellent companies have a well-defined feature request process. The Success team regularly organizes the feature requests by account size, expansion opportunity, renewal date, and severity of the issue. And there’s a process in place for letting customers know how their request has been prioritized and when it’s completed.",
        source: "004_9d0b17255f58d23b.txt L65–72",
        poor: (
            "Bug and feature requests are sent to the Product team by the most vocal customers or CSMs. Product prioritizes fixes reactively when accounts are on fire or at risk of being lost in the near future.",
            &[],
        ),
        average: (
            "The company gathers bug and feature requests primarily from customer support. The requests are organized, prioritized, and presented to the Product team regularly. Product can’t see the ROI of requests so they are often ignored for many quarters. CSMs feel like bugs and feature requests disappear into a black hole once they make requests because there’s no feedback loop.",
            &[],
        ),
        excellent: (
            "The company gathers bug and feature requests (including urgency, and impact on the relationship) from Success and Customer Support, and maps each request to a customer account (including contract size, proximity to renewal, health score). Monthly, the Success leader partners with Product leaders to compile, organize, and prioritize high impact requests by customer segment.",
            &[
                "Product consistently takes action on recommendations from Success.",
                "The requesting CSM or Support person is tagged on each request so that anytime the company makes progress on a bug or feature request, the CSM or Support is alerted.",
            ],
        ),
        helps: Some((
            "data",
            "Data: the account book (ARR, segment) each request can be mapped to",
        )),
    },
    Spec {
        number: 9,
        heading: "How often does the executive team review customer feedback?",
        short: "Executive review",
        clue: "Executive focus on customer feedback is a strong indicator of how much Success is valued.",
        source: "004_9d0b17255f58d23b.txt L73–77",
        poor: (
            "Customer feedback is collected, organized, and prioritized into a deck that’s reviewed by the executive team every 3-6 months. In the meantime, customer issues grow and damage the quality of the customer experience.",
            &[],
        ),
        average: (
            "The entire executive team meets to review customer feedback once a month. Action items are assigned with an owner and completion date, and progress towards action items are reviewed at each meeting. All executives are expected to participate in fixing customer problems.",
            &[],
        ),
        excellent: (
            "Customer feedback is reviewed daily by top executives. Every member of the C-level team regularly spends time with key accounts listening to feedback directly.",
            &[
                "Some of the most successful companies in recent history have CEOs that review customer feedback every day (examples: Jeff Bezos, Amazon and Eric Yuan, Zoom).",
            ],
        ),
        helps: None,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nine_questions_numbered_in_order_with_three_levels_each() {
        let all = questions();
        let numbers: Vec<u8> = all.iter().map(|q| q.number).collect();
        assert_eq!(numbers, (1..=QUESTION_COUNT).collect::<Vec<_>>());
        for question in &all {
            let levels: Vec<Level> = question.levels.iter().map(|l| l.level).collect();
            assert_eq!(levels, Level::ALL, "Q{}", question.number);
        }
    }

    #[test]
    fn the_capacity_plan_helps_question_4() {
        let q4 = &questions()[3];
        assert_eq!(q4.helps.as_ref().map(|h| h.page.as_str()), Some("capacity"));
        assert_eq!(q4.short_label(), "Q4 Cost to retain");
        assert_eq!(q4.source, "004_9d0b17255f58d23b.txt L33–41");
    }
}
