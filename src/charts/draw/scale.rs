//! Value-axis ticks at round numbers (0, 2.000, 4.000 …), chosen before drawing
//! so that the width of their labels is known when the layout is made.

use std::ops::Range;

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};

use crate::text::number;
use crate::text::Lang;

/// Tick values from at or below `lo` to at or above `hi`, and how many decimals
/// their labels need.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Ticks {
    pub values: Vec<f64>,
    pub decimals: usize,
}

impl Ticks {
    pub fn new(lo: f64, hi: f64, target: usize) -> Ticks {
        let (lo, hi) = if hi - lo <= f64::EPSILON {
            (lo.min(0.0), lo.max(0.0) + 1.0)
        } else {
            (lo, hi)
        };
        let raw = (hi - lo) / target.max(1) as f64;
        let mag = 10f64.powf(raw.log10().floor());
        let step = [1.0, 2.0, 2.5, 5.0, 10.0]
            .iter()
            .map(|m| m * mag)
            .find(|s| *s >= raw * 0.999)
            .unwrap_or(10.0 * mag);
        let first = (lo / step).floor() as i64;
        let last = (hi / step).ceil() as i64;
        let values = (first..=last).map(|k| clean(k as f64 * step)).collect();
        Ticks {
            values,
            decimals: decimals_of(step),
        }
    }

    pub fn lo(&self) -> f64 {
        self.values[0]
    }

    pub fn hi(&self) -> f64 {
        *self.values.last().unwrap_or(&1.0)
    }

    pub fn label(&self, v: f64, lang: Lang, percent: bool) -> String {
        let n = number::format(v, self.decimals, lang);
        if percent {
            format!("{n}%")
        } else {
            n
        }
    }

    pub fn labels(&self, lang: Lang, percent: bool) -> Vec<String> {
        self.values
            .iter()
            .map(|v| self.label(*v, lang, percent))
            .collect()
    }
}

/// A value axis whose grid lines and labels sit exactly on our ticks.
/// (plotters' `with_key_points` does this too, but its wrapper loses the
/// formatter bound that `configure_mesh` needs for f64 axes.)
pub(crate) struct TickAxis(Ticks);

impl Ticks {
    pub fn axis(&self) -> TickAxis {
        TickAxis(self.clone())
    }
}

impl Ranged for TickAxis {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    /// Linear, rounded as plotters' own f64 axis rounds.
    fn map(&self, v: &f64, limit: (i32, i32)) -> i32 {
        let (lo, hi) = (self.0.lo(), self.0.hi());
        let share = (v - lo) / (hi - lo);
        let length = f64::from(limit.1 - limit.0);
        if length >= 0.0 {
            limit.0 + (length * share + 1e-3).floor() as i32
        } else {
            limit.0 + (length * share - 1e-3).ceil() as i32
        }
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.0.values.clone()
        }
    }

    fn range(&self) -> Range<f64> {
        self.0.lo()..self.0.hi()
    }
}

/// 0.30000000000000004 → 0.3, so that labels and key points agree.
fn clean(v: f64) -> f64 {
    (v * 1e9).round() / 1e9
}

fn decimals_of(step: f64) -> usize {
    (0..6)
        .find(|d| (step * 10f64.powi(*d as i32)).fract().abs() < 1e-6)
        .unwrap_or(6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_steps() {
        let t = Ticks::new(0.0, 8120.0, 5);
        assert_eq!(t.values, vec![0.0, 2000.0, 4000.0, 6000.0, 8000.0, 10000.0]);
        assert_eq!(t.labels(Lang::Vi, false)[5], "10.000");
        let t = Ticks::new(0.0, 58.73, 5);
        assert_eq!(t.hi(), 60.0);
        let t = Ticks::new(0.0, 1.2, 5);
        assert_eq!(t.decimals, 2);
        assert_eq!(t.labels(Lang::Vi, true)[1..3], ["0,25%", "0,5%"]);
        let t = Ticks::new(-30.0, 80.0, 5);
        assert!(t.lo() <= -30.0 && t.hi() >= 80.0 && t.values.contains(&0.0));
        assert_eq!(
            Ticks::new(0.0, 0.0, 5).values,
            vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
        );
    }
}
