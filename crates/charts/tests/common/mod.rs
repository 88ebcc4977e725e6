//! Shared fixtures and SVG readers for the chart tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod xml;

use csplan_domain::Cents;
use csplan_domain::capacity::{Activity, CapacityParams, CapacityPlan, SegmentCatalog, plan};
use csplan_domain::segmentation::SegmentBook;

pub fn book(segment: &str, accounts: u64, dollars: i64) -> SegmentBook {
    SegmentBook {
        segment: segment.to_string(),
        accounts,
        total_arr: Cents::from_dollars(dollars),
    }
}

/// The fixed plan of the snapshots, with its own catalogues (13.67, 3.83 and 1.08 activities
/// per customer a month, so product defaults can change without moving the snapshots) and
/// $1.5M per CSM:
///
/// | segment    | accounts | ARR  | top-down FTE | bottom-up FTE | customers/CSM td | bu    |
/// |------------|----------|------|--------------|---------------|------------------|-------|
/// | Enterprise | 120      | $30M | 20.0         | 2.7           | 6.0              | 43.9  |
/// | Mid-Market | 800      | $40M | 26.7         | 5.1           | 30.0             | 156.5 |
/// | SMB        | 5,000    | $25M | 16.7         | 9.0           | 300.0            | 553.8 |
pub fn fixed_plan() -> CapacityPlan {
    plan(
        &[
            book("Enterprise", 120, 30_000_000),
            book("Mid-Market", 800, 40_000_000),
            book("SMB", 5_000, 25_000_000),
        ],
        &CapacityParams {
            catalogs: fixed_catalogs(),
            ..CapacityParams::default()
        },
    )
    .unwrap()
}

fn fixed_catalogs() -> Vec<SegmentCatalog> {
    let third = 1.0 / 3.0;
    let catalog = |segment: &str, activities: &[(&str, f64, f64)]| SegmentCatalog {
        segment: segment.to_string(),
        activities: activities
            .iter()
            .map(|&(name, per_customer_per_month, minutes)| Activity {
                name: name.to_string(),
                per_customer_per_month,
                minutes,
            })
            .collect(),
    };
    vec![
        catalog(
            "Enterprise",
            &[
                ("Bi-weekly check-in call", 2.0, 30.0),
                ("Monthly status meeting", 1.0, 45.0),
                ("Quarterly business review (QBR)", third, 120.0),
                ("QBR follow-up email", third, 15.0),
                ("Adoption or training session", 1.0, 45.0),
                ("Health review", 1.0, 15.0),
                ("Email and chat follow-ups", 8.0, 10.0),
            ],
        ),
        catalog(
            "Mid-Market",
            &[
                ("Monthly check-in call", 1.0, 30.0),
                ("Quarterly business review (QBR)", third, 60.0),
                ("Health review", 0.5, 15.0),
                ("Email and chat follow-ups", 2.0, 10.0),
            ],
        ),
        catalog(
            "SMB",
            &[
                ("Quarterly check-in call", third, 20.0),
                ("Health review email", 0.5, 5.0),
                ("Webinar follow-up (one-to-many)", 0.25, 10.0),
            ],
        ),
    ]
}

/// A plan whose books run to the realistic extremes: 0.3 to 400 FTE, 5 to 5,000 customers per
/// CSM, plus a segment that needs no CSM either way.
pub fn extreme_plan() -> CapacityPlan {
    let mut params = CapacityParams::default();
    let catalog = |segment: &str, per_month: f64| SegmentCatalog {
        segment: segment.to_string(),
        activities: if per_month > 0.0 {
            vec![Activity {
                name: "Check-in".to_string(),
                per_customer_per_month: per_month,
                minutes: 30.0,
            }]
        } else {
            Vec::new()
        },
    };
    params.catalogs = vec![
        catalog("Strategic", 120.0),
        catalog("Enterprise", 12.0),
        catalog("Mid-Market", 4.0),
        catalog("SMB", 0.12),
        catalog("Digital", 0.0),
    ];
    plan(
        &[
            book("Strategic", 10, 3_000_000),
            book("Enterprise", 2, 450_000),
            book("Mid-Market", 900, 45_000_000),
            book("SMB", 60_000, 600_000_000),
            book("Digital", 4_000, 0),
        ],
        &params,
    )
    .unwrap()
}

/// One `<text>` element as plotters writes it.
#[derive(Debug, Clone)]
pub struct TextItem {
    pub content: String,
    pub x: f64,
    pub y: f64,
    pub size: f64,
    pub anchor: String,
    pub dy: String,
    pub rotated: bool,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = start + tag[start..].find('"')?;
    Some(tag[start..end].to_string())
}

fn number(tag: &str, name: &str) -> f64 {
    attr(tag, name).and_then(|v| v.parse().ok()).unwrap_or(0.0)
}

/// Every `<text>` of the chart, content trimmed and entities left as written.
pub fn texts(svg: &str) -> Vec<TextItem> {
    svg.split("<text")
        .skip(1)
        .map(|rest| {
            let tag_end = rest.find('>').unwrap();
            let tag = &rest[..tag_end];
            let content_end = rest.find("</text>").unwrap();
            TextItem {
                content: rest[tag_end + 1..content_end].trim().to_string(),
                x: number(tag, "x"),
                y: number(tag, "y"),
                size: number(tag, "font-size"),
                anchor: attr(tag, "text-anchor").unwrap_or_else(|| "start".to_string()),
                dy: attr(tag, "dy").unwrap_or_default(),
                rotated: tag.contains("transform="),
            }
        })
        .collect()
}

pub fn text_contents(svg: &str) -> Vec<String> {
    texts(svg).into_iter().map(|t| t.content).collect()
}

/// The box a text takes, estimated like the charts do (0.55 em per character, which is the
/// average of system-ui fonts; the charts plan with a wider 0.6).
pub fn text_box(t: &TextItem) -> (f64, f64, f64, f64) {
    let width = t.content.chars().count() as f64 * t.size * 0.55;
    let left = match t.anchor.as_str() {
        "middle" => t.x - width / 2.0,
        "end" => t.x - width,
        _ => t.x,
    };
    let top = match t.dy.as_str() {
        "0.76em" => t.y,
        "0.5ex" => t.y - 0.5 * t.size,
        "-0.5ex" => t.y - t.size,
        // Hand-written text (the fallback) sits on its baseline.
        _ => t.y - 0.8 * t.size,
    };
    (left, top, left + width, top + 0.9 * t.size)
}

/// Pairs of upright texts whose boxes overlap, and texts that leave the canvas.
pub fn text_problems(svg: &str) -> Vec<String> {
    let items: Vec<TextItem> = texts(svg).into_iter().filter(|t| !t.rotated).collect();
    let mut problems = Vec::new();
    for (i, a) in items.iter().enumerate() {
        let (l, t, r, b) = text_box(a);
        if l < 0.0 || t < 0.0 || r > 640.0 || b > 360.0 {
            problems.push(format!("{:?} leaves the canvas", a.content));
        }
        for other in &items[i + 1..] {
            let (l2, t2, r2, b2) = text_box(other);
            if l < r2 && l2 < r && t < b2 && t2 < b {
                problems.push(format!("{:?} overlaps {:?}", a.content, other.content));
            }
        }
    }
    problems
}

/// Every `<tag ...>` opening (or self-closing) element's attribute string with the given fill.
pub fn elements_filled(svg: &str, tag: &str, fill: &str) -> Vec<String> {
    let open = format!("<{tag} ");
    svg.split(&open)
        .skip(1)
        .map(|rest| rest[..rest.find('>').unwrap()].to_string())
        .filter(|attrs| attrs.contains(&format!("fill=\"{fill}\"")))
        .collect()
}

pub fn attribute(element: &str, name: &str) -> f64 {
    number(&format!(" {element}"), name)
}
