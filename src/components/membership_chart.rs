//! Membership over time as an accessible inline SVG, with the same figures in a table.

use content::timeline::{bar_height, MembershipPoint};
use leptos::prelude::*;

// Whole SVG units: the chart needs no fractions, and integers keep float formatting out of the wasm.
const WIDTH: u32 = 400;
const HEIGHT: u32 = 200;
const BASELINE: u32 = 160;
const TOP: u32 = 30;

/// A bar chart read from the timeline file, never from code; its text alternative says the same.
#[component]
pub fn MembershipChart(
    /// The membership figures, oldest first.
    points: Vec<MembershipPoint>,
) -> impl IntoView {
    let max = points.iter().map(|p| p.count).max().unwrap_or(1).max(1);
    let n = (points.len() as u32).max(1);
    let slot = WIDTH / n;
    let bar = (slot / 2).min(90);
    let summary = match (points.first(), points.last()) {
        (Some(first), Some(last)) if points.len() > 1 => format!(
            "Membership grew from {} organisations {} to {} {}.",
            first.figure(),
            first.date.when(),
            last.figure(),
            last.date.when()
        ),
        (Some(only), _) => format!("{} organisations {}.", only.figure(), only.date.when()),
        _ => "No membership figures yet.".to_string(),
    };
    let bars = points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            // In 64 bits: a figure in the millions times the chart's height overflows 32.
            let h = bar_height(p.count, max, BASELINE - TOP);
            let x = slot * i as u32 + (slot - bar) / 2;
            let cx = x + bar / 2;
            view! {
                <rect class="bar" x=x y=BASELINE - h width=bar height=h rx="3"></rect>
                <text class="bar-value" x=cx y=BASELINE - h - 8 text-anchor="middle">
                    {p.short()}
                </text>
                <text class="bar-label" x=cx y=BASELINE + 24 text-anchor="middle">
                    {p.date.long()}
                </text>
            }
        })
        .collect_view();
    let rows = points
        .iter()
        .map(|p| {
            view! {
                <tr>
                    <td>
                        <time datetime=p.date.iso()>{p.date.long()}</time>
                    </td>
                    <td>{p.figure()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                role="img"
                aria-labelledby="membership-chart-title"
                aria-describedby="membership-chart-desc"
            >
                <title id="membership-chart-title">"Coalition membership over time"</title>
                <desc id="membership-chart-desc">{summary.clone()}</desc>
                <line class="axis" x1="0" x2=WIDTH y1=BASELINE y2=BASELINE></line>
                {bars}
            </svg>
            <figcaption>{summary}</figcaption>
        </figure>
        <table class="data-table">
            <caption>"Membership figures"</caption>
            <thead>
                <tr>
                    <th scope="col">"Date"</th>
                    <th scope="col">"Organisations"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
