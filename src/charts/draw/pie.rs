//! Shares of a whole: `pie`, and `donut` with the total in its hole. Slices are
//! polygons we compute (plotters' `Pie` places its labels by the byte-length
//! estimate); the legend on the right gives each label with its percentage.

use std::f64::consts::{FRAC_PI_2, TAU};

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{text, text_on, Area, Drawn, Pen, INK, MUTED};
use crate::charts::data::ChartData;
use crate::text::number;

const MARGIN: i32 = 12;

struct Slice {
    index: usize,
    share: f64,
    start: f64,
    sweep: f64,
}

pub(crate) fn draw(pen: &Pen, root: &Area, data: &ChartData, donut: bool) -> Drawn {
    let values = &data.series[0].values;
    let total: f64 = values.iter().flatten().filter(|v| **v > 0.0).sum();
    if total <= 0.0 {
        return Ok(());
    }
    let d = (pen.h - 2 * MARGIN).min((f64::from(pen.w) * 0.45) as i32);
    let r = f64::from(d) / 2.0;
    let centre = (f64::from(MARGIN) + r, f64::from(pen.h) / 2.0);
    let inner = if donut { r * 0.58 } else { 0.0 };
    let mut start = -FRAC_PI_2;
    let mut slices = Vec::new();
    for (index, v) in values.iter().enumerate() {
        let v = v.unwrap_or(0.0).max(0.0);
        let sweep = v / total * TAU;
        slices.push(Slice {
            index,
            share: v / total * 100.0,
            start,
            sweep,
        });
        start += sweep;
    }
    for s in slices.iter().filter(|s| s.sweep > 0.0) {
        let color = pen.color(s.index);
        root.draw(&Polygon::new(
            ring(centre, r, inner, s.start, s.sweep),
            color.filled(),
        ))?;
        if s.sweep < TAU - 1e-9 {
            let edge = vec![point(centre, inner, s.start), point(centre, r, s.start)];
            root.draw(&PathElement::new(edge, WHITE.stroke_width(2)))?;
        }
        slice_label(pen, root, s, centre, (inner, r))?;
    }
    if donut && !pen.percent {
        hole(pen, root, data, total, centre, inner)?;
    }
    legend(pen, root, data, &slices, centre.0 as i32 + r as i32 + 24)
}

fn point((cx, cy): (f64, f64), r: f64, angle: f64) -> (i32, i32) {
    (
        (cx + r * angle.cos()).round() as i32,
        (cy + r * angle.sin()).round() as i32,
    )
}

/// The outline of a slice: the outer arc forward, then the inner arc (or the
/// centre, for a pie) back.
fn ring(centre: (f64, f64), r: f64, inner: f64, start: f64, sweep: f64) -> Vec<(i32, i32)> {
    let steps = ((sweep / 0.035).ceil() as usize).max(2);
    let arc = |radius: f64| {
        (0..=steps).map(move |k| point(centre, radius, start + sweep * k as f64 / steps as f64))
    };
    let mut pts: Vec<(i32, i32)> = arc(r).collect();
    if inner > 0.0 {
        pts.extend(arc(inner).collect::<Vec<_>>().into_iter().rev());
    } else {
        pts.push(point(centre, 0.0, 0.0));
    }
    pts
}

/// The percentage inside a slice wide enough to hold it.
fn slice_label(
    pen: &Pen,
    root: &Area,
    s: &Slice,
    centre: (f64, f64),
    (inner, r): (f64, f64),
) -> Drawn {
    let px = pen.px - 1.0;
    let label = number::percent(s.share, pen.lang);
    let radius = if inner > 0.0 {
        (inner + r) / 2.0
    } else {
        r * 0.62
    };
    let room = s.sweep * radius;
    if room < text::width(&label, px) + 8.0 || (r - inner) < px * 2.0 {
        return Ok(());
    }
    let at = point(centre, radius, s.start + s.sweep / 2.0);
    let color = text_on(&pen.color(s.index));
    pen.text(root, &label, at, px, &color, (HPos::Center, VPos::Center))
}

/// The total in the donut's hole, with the unit under it.
fn hole(
    pen: &Pen,
    root: &Area,
    data: &ChartData,
    total: f64,
    centre: (f64, f64),
    inner: f64,
) -> Drawn {
    let big = pen.px * 1.5;
    let room = inner * 1.7;
    let figure = number::format_auto(total, pen.lang);
    if text::width(&figure, big) > room {
        return Ok(());
    }
    let (x, y) = (centre.0 as i32, centre.1 as i32);
    let style = pen
        .font(big, &INK, true)
        .pos(plotters::style::text_anchor::Pos::new(
            HPos::Center,
            VPos::Center,
        ));
    let dy = if data.unit.is_some() {
        (big * 0.4) as i32
    } else {
        0
    };
    root.draw(&Text::new(figure, (x, y - dy), style))?;
    if let Some(unit) = &data.unit {
        let unit = text::truncate(unit, room, pen.px - 1.0);
        pen.text(
            root,
            &unit,
            (x, y + (big * 0.6) as i32),
            pen.px - 1.0,
            &MUTED,
            (HPos::Center, VPos::Center),
        )?;
    }
    Ok(())
}

/// Swatch, label (up to two lines) and percentage per slice, centred vertically
/// on the right; fewer lines, then a smaller font, when there are many slices.
fn legend(pen: &Pen, root: &Area, data: &ChartData, slices: &[Slice], x0: i32) -> Drawn {
    let width = f64::from(pen.w - x0 - MARGIN);
    let room_h = f64::from(pen.h - 2 * MARGIN);
    let shown: Vec<&Slice> = slices
        .iter()
        .filter(|s| data.series[0].values[s.index].is_some())
        .collect();
    let pcts: Vec<String> = shown
        .iter()
        .map(|s| number::percent(s.share, pen.lang))
        .collect();
    let layouts = [(pen.px, 2), (pen.px, 1), (pen.px - 1.5, 1)];
    let mut chosen = None;
    for (px, max_lines) in layouts {
        let pct_w = pcts.iter().map(|p| text::width(p, px)).fold(0.0, f64::max);
        let label_w = width - px - 8.0 - pct_w - 10.0;
        let lines: Vec<Vec<String>> = shown
            .iter()
            .map(|s| text::wrap(&data.categories[s.index], label_w, px, max_lines))
            .collect();
        let line_h = pen.line_height(px);
        let total: i32 = lines.iter().map(|l| l.len() as i32 * line_h + 6).sum();
        chosen = Some((px, lines, line_h, total));
        if f64::from(total) <= room_h {
            break;
        }
    }
    let Some((px, lines, line_h, total)) = chosen else {
        return Ok(());
    };
    let mut y = ((pen.h - total) / 2).max(MARGIN);
    let swatch = px.round() as i32;
    for ((s, label), pct) in shown.iter().zip(&lines).zip(&pcts) {
        if y + line_h > pen.h - 4 {
            break;
        }
        let mid = y + line_h / 2;
        root.draw(&Rectangle::new(
            [(x0, mid - swatch / 2), (x0 + swatch, mid + swatch / 2)],
            pen.color(s.index).filled(),
        ))?;
        for (k, l) in label.iter().enumerate() {
            pen.text(
                root,
                l,
                (x0 + swatch + 8, mid + k as i32 * line_h),
                px,
                &INK,
                (HPos::Left, VPos::Center),
            )?;
        }
        pen.text(
            root,
            pct,
            (pen.w - MARGIN, mid),
            px,
            &INK,
            (HPos::Right, VPos::Center),
        )?;
        y += label.len() as i32 * line_h + 6;
    }
    Ok(())
}
