//! Columns: grouped side by side (`bar`) or piled up (`stacked`).

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::frame::{self, Frame};
use super::{text, Area, Drawn, Pen, INK};
use crate::charts::data::ChartData;

/// Share of a category band filled by its columns; the rest separates bands.
const FILL: f64 = 0.8;

pub(crate) fn grouped(pen: &Pen, root: &Area, data: &ChartData) -> Drawn {
    let mut f = frame::vertical(pen, root, data, data.value_bounds(), true)?;
    // value_bounds() includes 0: columns grow from zero, or they mislead.
    let slot = FILL / data.series.len() as f64;
    let gap = if data.series.len() > 1 {
        slot * 0.06
    } else {
        0.0
    };
    let mut labels = Vec::new();
    for (s, series) in data.series.iter().enumerate() {
        let color = pen.color(s);
        for (i, v) in series.values.iter().enumerate() {
            let Some(v) = *v else { continue };
            let x0 = i as f64 + (1.0 - FILL) / 2.0 + s as f64 * slot;
            let bar = Rectangle::new([(x0 + gap, 0.0), (x0 + slot - gap, v)], color.filled());
            f.chart.draw_series(std::iter::once(bar))?;
            labels.push((x0 + slot / 2.0, v));
        }
    }
    value_labels(pen, root, &f, &labels, f.band * slot)
}

/// Figures over (or under, when negative) each column, but only if every one
/// fits its column's width: a half-labelled chart reads worse than none, and the
/// table under the chart has every figure anyway.
fn value_labels(pen: &Pen, root: &Area, f: &Frame, at: &[(f64, f64)], room: f64) -> Drawn {
    let px = pen.px - 1.0;
    let texts: Vec<String> = at.iter().map(|(_, v)| pen.value(*v)).collect();
    if texts.iter().any(|t| text::width(t, px) > room + 6.0) {
        return Ok(());
    }
    for ((x, v), t) in at.iter().zip(&texts) {
        let (px_x, px_y) = f.chart.backend_coord(&(*x, *v));
        let (y, v_pos) = if *v < 0.0 {
            (px_y + 3, VPos::Top)
        } else {
            (px_y - 3, VPos::Bottom)
        };
        pen.text(root, t, (px_x, y), px, &INK, (HPos::Center, v_pos))?;
    }
    Ok(())
}

pub(crate) fn stacked(pen: &Pen, root: &Area, data: &ChartData) -> Drawn {
    let n = data.categories.len();
    let (mut up, mut down) = (vec![0.0; n], vec![0.0; n]);
    let mut segments = Vec::new();
    for (s, series) in data.series.iter().enumerate() {
        for (i, v) in series.values.iter().enumerate() {
            let Some(v) = *v else { continue };
            let stack = if v < 0.0 { &mut down[i] } else { &mut up[i] };
            segments.push((s, i, *stack, *stack + v));
            *stack += v;
        }
    }
    let hi = up.iter().copied().fold(0.0, f64::max);
    let lo = down.iter().copied().fold(0.0, f64::min);
    let mut f = frame::vertical(pen, root, data, (lo, hi), true)?;
    let px = pen.px - 1.0;
    let (x_in, bar_w) = ((1.0 - FILL / 1.4) / 2.0, FILL / 1.4);
    for &(s, i, from, to) in &segments {
        let color = pen.color(s);
        let (x0, x1) = (i as f64 + x_in, i as f64 + x_in + bar_w);
        f.chart.draw_series(std::iter::once(Rectangle::new(
            [(x0, from), (x1, to)],
            color.filled(),
        )))?;
        // A hairline of white keeps neighbouring segments apart.
        f.chart.draw_series(std::iter::once(PathElement::new(
            vec![(x0, to), (x1, to)],
            WHITE,
        )))?;
        let label = pen.value(to - from);
        let (top, bottom) = (
            f.chart.backend_coord(&(x0, to)),
            f.chart.backend_coord(&(x1, from)),
        );
        let fits_h = (bottom.1 - top.1).abs() as f64 >= px + 4.0;
        let fits_w = text::width(&label, px) <= (bottom.0 - top.0) as f64 - 4.0;
        if fits_h && fits_w {
            let centre = ((top.0 + bottom.0) / 2, (top.1 + bottom.1) / 2);
            pen.text(
                root,
                &label,
                centre,
                px,
                &super::text_on(&color),
                (HPos::Center, VPos::Center),
            )?;
        }
    }
    let totals: Vec<(f64, f64)> = up
        .iter()
        .enumerate()
        .filter(|(_, t)| **t > 0.0)
        .map(|(i, t)| (i as f64 + 0.5, *t))
        .collect();
    value_labels(pen, root, &f, &totals, f.band * bar_w)
}
