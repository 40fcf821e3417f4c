//! Lines over categories (`line`), optionally filled down to zero (`area`).
//! Every figure is marked with a dot, so single values and gaps stay visible.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::frame;
use super::{text, Area, Drawn, Pen, INK};
use crate::charts::data::ChartData;

pub(crate) fn draw(pen: &Pen, root: &Area, data: &ChartData, filled: bool) -> Drawn {
    // Figures on the points only for one series: two lines' labels collide.
    let single = data.series.len() == 1;
    let mut f = frame::vertical(pen, root, data, domain(data, filled), single)?;
    for (s, series) in data.series.iter().enumerate() {
        let color = pen.color(s);
        for run in runs(&series.values) {
            if filled && run.len() > 1 {
                let area =
                    AreaSeries::new(run.clone(), 0.0, color.mix(0.15)).border_style(TRANSPARENT);
                f.chart.draw_series(area)?;
            }
            f.chart
                .draw_series(LineSeries::new(run.clone(), color.stroke_width(2)))?;
            let dots = run.iter().map(|p| Circle::new(*p, 4, color.filled()));
            f.chart.draw_series(dots)?;
        }
    }
    if !single {
        return Ok(());
    }
    let px = pen.px - 1.0;
    let points: Vec<(f64, f64)> = runs(&data.series[0].values).into_iter().flatten().collect();
    let labels: Vec<String> = points.iter().map(|(_, v)| pen.value(*v)).collect();
    if labels.iter().any(|l| text::width(l, px) > f.band - 4.0) {
        return Ok(());
    }
    for ((x, v), label) in points.iter().zip(&labels) {
        let (px_x, px_y) = f.chart.backend_coord(&(*x, *v));
        pen.text(
            root,
            label,
            (px_x, px_y - 7),
            px,
            &INK,
            (HPos::Center, VPos::Bottom),
        )?;
    }
    Ok(())
}

/// Lines may leave out zero when the figures sit far above it, or they are
/// flat strokes along the top; an area stands on zero, its size is the message.
fn domain(data: &ChartData, filled: bool) -> (f64, f64) {
    let all = data
        .series
        .iter()
        .flat_map(|s| s.values.iter().flatten().copied());
    let (min, max) = all.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    if filled || !min.is_finite() || min <= 0.0 || min < 0.5 * max {
        return data.value_bounds();
    }
    let pad = ((max - min) * 0.15).max(max * 0.01);
    (min - pad, max + pad)
}

/// The stretches of consecutive figures, as points at the category centres;
/// a missing figure breaks the line instead of drawing it through zero.
fn runs(values: &[Option<f64>]) -> Vec<Vec<(f64, f64)>> {
    let mut out: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) => out
                .last_mut()
                .expect("never empty")
                .push((i as f64 + 0.5, *v)),
            None if out.last().is_some_and(|r| !r.is_empty()) => out.push(Vec::new()),
            None => {}
        }
    }
    out.retain(|r| !r.is_empty());
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn gaps_break_lines() {
        let r = super::runs(&[Some(1.0), None, Some(2.0), Some(3.0), None]);
        assert_eq!(r, vec![vec![(0.5, 1.0)], vec![(2.5, 2.0), (3.5, 3.0)]]);
    }
}
