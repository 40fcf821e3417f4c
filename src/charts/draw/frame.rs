//! The frame shared by column, stacked, line and area charts: legend and unit on
//! top, value axis with round ticks on the left, category labels wrapped under
//! their band along the bottom.

use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::scale::{TickAxis, Ticks};
use super::{legend, text, Area, Drawn, Pen, AXIS, GRID, INK, MUTED};
use crate::charts::data::ChartData;

pub(crate) type Coords = Cartesian2d<RangedCoordf64, TickAxis>;
pub(crate) type Chart<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Coords>;

/// A drawn frame: categories sit at x = i + 0.5 on a 0..n axis.
pub(crate) struct Frame<'a, 'b> {
    pub chart: Chart<'a, 'b>,
    /// Width of one category's band in pixels.
    pub band: f64,
}

/// Draws the frame for values between `lo` and `hi` (the axis extends to round
/// ticks around them); `value_room` keeps a line free above the plot for labels
/// over the tallest bar.
pub(crate) fn vertical<'a, 'b>(
    pen: &Pen,
    root: &'a Area<'b>,
    data: &ChartData,
    (lo, hi): (f64, f64),
    value_room: bool,
) -> Drawn<Frame<'a, 'b>> {
    let mut top = 10;
    top += legend::series(pen, root, data, top)?;
    top += legend::unit(pen, root, data, top)?;
    // Room for the top tick label, which is centred on the top grid line.
    top += pen.line_height(pen.px) / 2;
    if value_room {
        top += pen.line_height(pen.px - 1.0);
    }
    let ticks = Ticks::new(lo, hi, 5);
    let tick_w = ticks
        .labels(pen.lang, pen.percent)
        .iter()
        .map(|l| text::width(l, pen.px))
        .fold(0.0, f64::max);
    let y_area = tick_w.ceil() as i32 + 14;
    let (left, right) = (4, 14);
    let n = data.categories.len();
    let band = f64::from(pen.w - left - y_area - right) / n as f64;
    let lines: Vec<Vec<String>> = data
        .categories
        .iter()
        .map(|c| text::wrap(c, band - 6.0, pen.px, 3))
        .collect();
    let line_h = pen.line_height(pen.px);
    let x_area = 8 + line_h * lines.iter().map(Vec::len).max().unwrap_or(1) as i32;

    let mut chart = ChartBuilder::on(root)
        .margin_top(top)
        .margin_left(left)
        .margin_right(right)
        .margin_bottom(6)
        .x_label_area_size(x_area)
        .y_label_area_size(y_area)
        .build_cartesian_2d(0f64..n as f64, ticks.axis())?;
    let format = |v: &f64| ticks.label(*v, pen.lang, pen.percent);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_label_formatter(&format)
        .y_label_style(pen.font(pen.px, &MUTED, false))
        .bold_line_style(GRID)
        .light_line_style(TRANSPARENT)
        .axis_style(AXIS)
        .set_all_tick_mark_size(4)
        .draw()?;
    zero_line(&mut chart, &ticks, n)?;

    let bottom = chart.backend_coord(&(0.0, ticks.lo())).1;
    for (i, label) in lines.iter().enumerate() {
        let x = chart.backend_coord(&(i as f64 + 0.5, ticks.lo())).0;
        for (k, l) in label.iter().enumerate() {
            let y = bottom + 7 + k as i32 * line_h;
            pen.text(root, l, (x, y), pen.px, &INK, (HPos::Center, VPos::Top))?;
        }
    }
    Ok(Frame { chart, band })
}

/// With negative values the zero line is what bars grow from: draw it darker.
fn zero_line(chart: &mut Chart, ticks: &Ticks, n: usize) -> Drawn {
    if ticks.lo() < 0.0 {
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(0.0, 0.0), (n as f64, 0.0)],
            AXIS,
        )))?;
    }
    Ok(())
}
