//! Value against target (`progress`), one row per category:
//!
//! ```text
//! Kết nạp 2015–2020                               639 / 597
//! [██████████████████████████|█]   107% · vượt chỉ tiêu
//! ```
//! The track spans the largest value or target of all rows, the filled bar is
//! the value, the dark tick the target.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{text, Area, Drawn, Pen, INK};
use crate::charts::data::ChartData;
use crate::charts::words;

const MARGIN: i32 = 12;
const TRACK: RGBColor = RGBColor(0xee, 0xee, 0xee);

pub(crate) fn draw(pen: &Pen, root: &Area, data: &ChartData) -> Drawn {
    let (value, target) = (&data.series[0].values, &data.series[1].values);
    let n = data.categories.len();
    let row_h = (pen.h - 2 * MARGIN) / n as i32;
    // Rows shrink when an editor fixes a small height: smaller text, thinner bar.
    let px = if row_h >= 50 {
        pen.px
    } else {
        (pen.px - 2.0).max(10.0)
    };
    let line_h = pen.line_height(px);
    let bar_h = ((row_h - line_h) as f64 * 0.45).clamp(6.0, 16.0) as i32;
    let statuses: Vec<String> = (0..n)
        .map(|i| words::target_status(value[i], target[i], pen.lang))
        .collect();
    let status_w = statuses
        .iter()
        .map(|s| text::width(s, px))
        .fold(0.0, f64::max)
        .ceil() as i32;
    let bar_w = f64::from(pen.w - 2 * MARGIN - status_w - 10);
    let full = value
        .iter()
        .chain(target)
        .flatten()
        .copied()
        .fold(0.0, f64::max);
    let scale = |v: f64| MARGIN + (v.max(0.0) / full.max(f64::MIN_POSITIVE) * bar_w).round() as i32;

    for i in 0..n {
        let y = MARGIN + i as i32 * row_h + (row_h - line_h - 4 - bar_h) / 2;
        let figures = format!("{} / {}", figure(value[i], pen), figure(target[i], pen));
        let figures_w = text::width(&figures, px);
        let label = text::truncate(
            &data.categories[i],
            f64::from(pen.w - 2 * MARGIN) - figures_w - 12.0,
            px,
        );
        pen.text(
            root,
            &label,
            (MARGIN, y + line_h / 2),
            px,
            &INK,
            (HPos::Left, VPos::Center),
        )?;
        pen.text(
            root,
            &figures,
            (pen.w - MARGIN, y + line_h / 2),
            px,
            &INK,
            (HPos::Right, VPos::Center),
        )?;

        let (top, bottom) = (y + line_h + 4, y + line_h + 4 + bar_h);
        root.draw(&Rectangle::new(
            [(MARGIN, top), (MARGIN + bar_w as i32, bottom)],
            TRACK.filled(),
        ))?;
        if let Some(v) = value[i].filter(|v| *v > 0.0) {
            root.draw(&Rectangle::new(
                [(MARGIN, top), (scale(v), bottom)],
                pen.color(0).filled(),
            ))?;
        }
        if let Some(t) = target[i].filter(|t| *t > 0.0) {
            let x = scale(t).min(MARGIN + bar_w as i32 - 1);
            root.draw(&Rectangle::new(
                [(x - 1, top - 4), (x + 1, bottom + 4)],
                INK.filled(),
            ))?;
        }
        let at = (MARGIN + bar_w as i32 + 10, (top + bottom) / 2);
        pen.text(root, &statuses[i], at, px, &INK, (HPos::Left, VPos::Center))?;
    }
    Ok(())
}

fn figure(v: Option<f64>, pen: &Pen) -> String {
    match v {
        Some(v) => pen.value(v),
        None => "–".to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn dash_for_missing() {
        let style = super::super::ChartStyle::default();
        let pen = super::Pen {
            style: &style,
            lang: crate::text::Lang::Vi,
            w: 640,
            h: 100,
            px: 13.0,
            percent: false,
        };
        assert_eq!(super::figure(None, &pen), "–");
        assert_eq!(super::figure(Some(7314.0), &pen), "7.314");
    }
}
