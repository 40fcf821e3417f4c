//! The series legend above cartesian charts, and the unit caption: drawn by hand
//! because plotters sizes its legend box from the byte-length text estimate.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::text;
use super::{Area, Drawn, Pen, MUTED};
use crate::charts::data::ChartData;

/// One legend item placed on the canvas.
struct Placed {
    label: String,
    color: RGBColor,
    x: i32,
    y: i32,
}

/// Lays items out left to right, wrapping onto new rows; returns the items and
/// the height they take.
fn place(pen: &Pen, items: &[(String, RGBColor)], top: i32, left: i32) -> (Vec<Placed>, i32) {
    let px = pen.px;
    let swatch = px.round() as i32;
    let row_h = pen.line_height(px) + 4;
    let right = pen.w - 12;
    let (mut x, mut y) = (left, top);
    let mut placed = Vec::new();
    for (label, color) in items {
        let label = text::truncate(label, (right - left - swatch - 6) as f64, px);
        let item_w = swatch + 6 + text::width(&label, px).ceil() as i32;
        if x > left && x + item_w > right {
            x = left;
            y += row_h;
        }
        placed.push(Placed {
            label,
            color: *color,
            x,
            y,
        });
        x += item_w + 18;
    }
    (placed, y - top + row_h)
}

/// Draws the legend of `data`'s series starting at `top`; returns its height
/// (0 for a single series: the chart title already says what it shows).
pub(crate) fn series(pen: &Pen, root: &Area, data: &ChartData, top: i32) -> Drawn<i32> {
    if data.series.len() < 2 {
        return Ok(0);
    }
    let items: Vec<(String, RGBColor)> = data
        .series
        .iter()
        .enumerate()
        .map(|(i, s)| (s.label.clone(), pen.color(i)))
        .collect();
    let (placed, height) = place(pen, &items, top, 12);
    let swatch = pen.px.round() as i32;
    for p in placed {
        let mid = p.y + swatch / 2 + 1;
        root.draw(&Rectangle::new(
            [(p.x, p.y + 1), (p.x + swatch, p.y + 1 + swatch)],
            p.color.filled(),
        ))?;
        pen.text(
            root,
            &p.label,
            (p.x + swatch + 6, mid),
            pen.px,
            &super::INK,
            (HPos::Left, VPos::Center),
        )?;
    }
    Ok(height)
}

/// The unit written above the value axis ("đảng viên"), unless it is `%`, which
/// the tick labels carry. Returns the height used.
pub(crate) fn unit(pen: &Pen, root: &Area, data: &ChartData, top: i32) -> Drawn<i32> {
    let Some(unit) = data.unit.as_deref().filter(|u| *u != "%") else {
        return Ok(0);
    };
    let px = pen.px - 1.0;
    let label = text::truncate(unit, (pen.w - 24) as f64, px);
    pen.text(root, &label, (12, top), px, &MUTED, (HPos::Left, VPos::Top))?;
    Ok(pen.line_height(px) + 2)
}
