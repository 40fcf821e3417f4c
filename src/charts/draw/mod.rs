//! Drawing with plotters' SVG backend into a string, one file per chart family.
//!
//! plotters draws shapes, series and the value axis with its grid; we place all
//! category labels, legends and value labels ourselves, because only we know how
//! wide Vietnamese text really is (see [`text`]).

mod bar;
mod frame;
mod hbar;
mod legend;
mod line;
mod pie;
mod progress;
mod scale;
pub(crate) mod text;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::data::ChartData;
use super::spec::ChartKind;
use super::svg;
use crate::text::number;
use crate::text::Lang;

/// Canvas size and colours. The SVG scales to its container; `width` and
/// `height` fix the proportions and the size text is laid out for.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartStyle {
    pub width: u32,
    pub height: u32,
    /// Series colours in order; each must be readable on white.
    pub palette: Vec<(u8, u8, u8)>,
}

impl Default for ChartStyle {
    fn default() -> Self {
        ChartStyle {
            width: 640,
            height: 360,
            palette: vec![
                (0xb0, 0x00, 0x00), // deep red
                (0x8a, 0x6d, 0x00), // dark gold: fills only, never text
                (0x1f, 0x4e, 0x79), // dark blue
                (0x2e, 0x7d, 0x32), // green
                (0x6a, 0x1b, 0x9a), // purple
                (0x55, 0x55, 0x55), // grey
            ],
        }
    }
}

impl ChartStyle {
    /// A phone-sized canvas. A 640 px chart shown on a 360 px screen shrinks its
    /// 13 px text to about 7 px; a page that wants readable phone charts can
    /// draw a second SVG with this style (under another chart id, so the
    /// `<title>`/`<desc>` ids stay unique) and switch with a media query.
    pub fn narrow() -> Self {
        ChartStyle {
            width: 360,
            height: 320,
            ..ChartStyle::default()
        }
    }
}

pub(crate) type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;
pub(crate) type Drawn<T = ()> = Result<T, Box<dyn std::error::Error>>;

pub(crate) const INK: RGBColor = RGBColor(0x22, 0x22, 0x22);
pub(crate) const MUTED: RGBColor = RGBColor(0x55, 0x55, 0x55);
pub(crate) const GRID: RGBColor = RGBColor(0xdd, 0xdd, 0xdd);
pub(crate) const AXIS: RGBColor = RGBColor(0x66, 0x66, 0x66);

/// What every drawing function needs: size, colours, language, font size.
pub(crate) struct Pen<'a> {
    pub style: &'a ChartStyle,
    pub lang: Lang,
    pub w: i32,
    pub h: i32,
    /// Base font size in px; small text is a little smaller.
    pub px: f64,
    pub percent: bool,
}

impl Pen<'_> {
    /// Series colour `i`; past the palette, lighter tints of it.
    pub fn color(&self, i: usize) -> RGBColor {
        let pal = &self.style.palette;
        let (r, g, b) = if pal.is_empty() {
            (0x55, 0x55, 0x55)
        } else {
            pal[i % pal.len()]
        };
        let tint = (0.4 * (i / pal.len().max(1)) as f64).min(0.8);
        let mix = |c: u8| (c as f64 + (255.0 - c as f64) * tint).round() as u8;
        RGBColor(mix(r), mix(g), mix(b))
    }

    pub fn font(&self, px: f64, color: &RGBColor, bold: bool) -> TextStyle<'static> {
        // plotters writes font-size = size / 1.24 into the SVG, hence the factor.
        let weight = if bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        TextStyle {
            font: ("sans-serif", px * 1.24, weight).into_font(),
            color: color.to_backend_color(),
            pos: Pos::default(),
        }
    }

    /// Draws one line of text anchored at `at` on the whole canvas.
    pub fn text(
        &self,
        area: &Area,
        s: &str,
        at: (i32, i32),
        px: f64,
        color: &RGBColor,
        anchor: (HPos, VPos),
    ) -> Drawn {
        let style = self
            .font(px, color, false)
            .pos(Pos::new(anchor.0, anchor.1));
        area.draw(&Text::new(s.to_string(), at, style))?;
        Ok(())
    }

    /// A figure on a bar or point: `7.314`, `58,73%`.
    pub fn value(&self, v: f64) -> String {
        let n = number::format_auto(v, self.lang);
        if self.percent {
            format!("{n}%")
        } else {
            n
        }
    }

    pub fn line_height(&self, px: f64) -> i32 {
        (px * 1.3).round() as i32
    }
}

/// White or ink, whichever contrasts more with `fill` (WCAG relative luminance).
pub(crate) fn text_on(fill: &RGBColor) -> RGBColor {
    fn lum(c: &RGBColor) -> f64 {
        let ch = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(c.0) + 0.7152 * ch(c.1) + 0.0722 * ch(c.2)
    }
    let l = lum(fill);
    let on_white = 1.05 / (l + 0.05);
    let on_ink = (l + 0.05) / (lum(&INK) + 0.05);
    if on_white >= on_ink {
        WHITE
    } else {
        INK
    }
}

/// The chart as a standalone, accessible SVG document (see [`super::svg`]).
pub fn draw(data: &ChartData, style: &ChartStyle, lang: Lang) -> String {
    let w = style.width.max(240);
    let h = canvas_height(data, style);
    let pen = Pen {
        style,
        lang,
        w: w as i32,
        h: h as i32,
        px: if w < 480 { 12.0 } else { 13.0 },
        percent: data.is_percent(),
    };
    let mut raw = String::with_capacity(16 * 1024);
    {
        let root = SVGBackend::with_string(&mut raw, (w, h)).into_drawing_area();
        let drawn = root
            .fill(&WHITE)
            .map_err(Into::into)
            .and_then(|_| draw_kind(&pen, &root, data))
            .and_then(|_| root.present().map_err(Into::into));
        // Writing into a String cannot fail; a failure would be a layout bug,
        // and a partial chart with its table beside it beats a failed build.
        debug_assert!(drawn.is_ok(), "{:?}", drawn.err());
    }
    svg::finish(&raw, data, lang, (w, h))
}

fn draw_kind(pen: &Pen, root: &Area, data: &ChartData) -> Drawn {
    if data.categories.is_empty() || data.series.is_empty() {
        return Ok(());
    }
    match data.kind {
        ChartKind::Bar => bar::grouped(pen, root, data),
        ChartKind::Stacked => bar::stacked(pen, root, data),
        ChartKind::Hbar => hbar::draw(pen, root, data),
        ChartKind::Line => line::draw(pen, root, data, false),
        ChartKind::Area => line::draw(pen, root, data, true),
        ChartKind::Pie => pie::draw(pen, root, data, false),
        ChartKind::Donut => pie::draw(pen, root, data, true),
        ChartKind::Progress => progress::draw(pen, root, data),
    }
}

/// The editor's `height:` wins; otherwise horizontal layouts grow or shrink with
/// their number of rows so that each row stays readable.
fn canvas_height(data: &ChartData, style: &ChartStyle) -> u32 {
    if let Some(h) = data.height {
        return h.clamp(120, 2000);
    }
    let n = data.categories.len() as u32;
    match data.kind {
        ChartKind::Progress => (24 + 56 * n).clamp(100, 2000),
        ChartKind::Hbar => style
            .height
            .max(70 + 30 * n * (data.series.len() as u32).max(1))
            .min(2000),
        _ => style.height.max(120),
    }
}
