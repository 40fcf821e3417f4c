//! Horizontal bars (`hbar`): for long category names, such as the units of a
//! party committee, which get a whole column of their own on the left.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::scale::Ticks;
use super::{legend, text, Area, Drawn, Pen, AXIS, GRID, INK, MUTED};
use crate::charts::data::ChartData;

const FILL: f64 = 0.75;

pub(crate) fn draw(pen: &Pen, root: &Area, data: &ChartData) -> Drawn {
    let mut top = 10;
    top += legend::series(pen, root, data, top)?;
    top += legend::unit(pen, root, data, top)?;
    let (lo, hi) = data.value_bounds();
    let ticks = Ticks::new(lo.min(0.0), hi.max(0.0), if pen.w < 480 { 3 } else { 5 });
    let (px, value_px) = (pen.px, pen.px - 1.0);
    let line_h = pen.line_height(px);
    let (n, ns) = (data.categories.len(), data.series.len());
    let x_area = line_h + 10;
    let band = f64::from(pen.h - top - x_area - 6) / n as f64;
    let max_lines = if band >= f64::from(2 * line_h + 4) {
        2
    } else {
        1
    };
    let lines: Vec<Vec<String>> = data
        .categories
        .iter()
        .map(|c| text::wrap(c, f64::from(pen.w) * 0.4, px, max_lines))
        .collect();
    let label_w = lines
        .iter()
        .flatten()
        .map(|l| text::width(l, px))
        .fold(0.0, f64::max);
    let values: Vec<String> = data
        .series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .map(|v| pen.value(*v))
        .collect();
    let value_w = values
        .iter()
        .map(|v| text::width(v, value_px))
        .fold(0.0, f64::max);
    let tick_half = text::width(&ticks.label(ticks.hi(), pen.lang, pen.percent), px) / 2.0;

    let mut chart = ChartBuilder::on(root)
        .margin_top(top)
        .margin_left(4)
        .margin_right((value_w.max(tick_half) + 14.0).ceil() as i32)
        .margin_bottom(6)
        .x_label_area_size(x_area)
        .y_label_area_size(label_w.ceil() as i32 + 14)
        .build_cartesian_2d(ticks.axis(), 0f64..n as f64)?;
    let format = |v: &f64| ticks.label(*v, pen.lang, pen.percent);
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_label_formatter(&format)
        .x_label_style(pen.font(px, &MUTED, false))
        .bold_line_style(GRID)
        .light_line_style(TRANSPARENT)
        .axis_style(AXIS)
        .set_all_tick_mark_size(4)
        .draw()?;

    // Category i's band runs from n - i (top) down to n - i - 1.
    let slot = FILL / ns as f64;
    let slot_px = band * slot;
    let show_values = slot_px >= value_px;
    for (s, series) in data.series.iter().enumerate() {
        let color = pen.color(s);
        for (i, v) in series.values.iter().enumerate() {
            let Some(v) = *v else { continue };
            let y_top = (n - i) as f64 - (1.0 - FILL) / 2.0 - s as f64 * slot;
            let gap = if ns > 1 { slot * 0.08 } else { 0.0 };
            let bar = Rectangle::new(
                [(0.0, y_top - gap), (v, y_top - slot + gap)],
                color.filled(),
            );
            chart.draw_series(std::iter::once(bar))?;
            if show_values {
                let (x, y) = chart.backend_coord(&(v, y_top - slot / 2.0));
                let (x, h_pos) = if v < 0.0 {
                    (x - 4, HPos::Right)
                } else {
                    (x + 4, HPos::Left)
                };
                pen.text(
                    root,
                    &pen.value(v),
                    (x, y),
                    value_px,
                    &INK,
                    (h_pos, VPos::Center),
                )?;
            }
        }
    }
    let right_edge = chart.backend_coord(&(ticks.lo(), 0.0)).0 - 8;
    for (i, label) in lines.iter().enumerate() {
        let centre = chart.backend_coord(&(ticks.lo(), (n - i) as f64 - 0.5)).1;
        let first = centre - (label.len() as i32 - 1) * line_h / 2;
        for (k, l) in label.iter().enumerate() {
            let at = (right_edge, first + k as i32 * line_h);
            pen.text(root, l, at, px, &INK, (HPos::Right, VPos::Center))?;
        }
    }
    if ticks.lo() < 0.0 {
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(0.0, 0.0), (0.0, n as f64)],
            AXIS,
        )))?;
    }
    Ok(())
}
