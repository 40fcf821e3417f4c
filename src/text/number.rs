//! Numbers the way readers write them: `7.314` and `57,6%` in Vietnamese,
//! `7,314` and `57.6%` in English. Charts, tables, stats blocks and templates
//! all format through here.

use super::Lang;

/// Formats `value` with up to `max_decimals` decimals, trailing zeros dropped.
pub fn format(value: f64, max_decimals: usize, lang: Lang) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    let (group, point) = separators(lang);
    let fixed = format!("{:.*}", max_decimals, value.abs());
    let (int_part, frac_part) = match fixed.split_once('.') {
        Some((i, f)) => (i, f.trim_end_matches('0')),
        None => (fixed.as_str(), ""),
    };
    let mut out = String::with_capacity(fixed.len() + 4);
    let negative = value < 0.0 && (int_part.bytes().any(|b| b != b'0') || !frac_part.is_empty());
    if negative {
        out.push('-');
    }
    let digits = int_part.len();
    for (i, ch) in int_part.chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 {
            out.push(group);
        }
        out.push(ch);
    }
    if !frac_part.is_empty() {
        out.push(point);
        out.push_str(frac_part);
    }
    out
}

/// A count or figure as editors typed it: whole numbers with grouping, up to
/// two decimals otherwise.
pub fn format_auto(value: f64, lang: Lang) -> String {
    format(value, 2, lang)
}

/// `57,6%` / `57.6%`: one decimal at most.
pub fn percent(value: f64, lang: Lang) -> String {
    format!("{}%", format(value, 1, lang))
}

/// A value with its unit: `7.314 đảng viên`, `58,73%`.
pub fn with_unit(value: f64, unit: Option<&str>, lang: Lang) -> String {
    match unit {
        Some("%") => format!("{}%", format_auto(value, lang)),
        Some(u) if !u.is_empty() => format!("{} {u}", format_auto(value, lang)),
        _ => format_auto(value, lang),
    }
}

/// The share of `target` that `value` reached, in percent; `None` for no target.
pub fn share_of_target(value: f64, target: f64) -> Option<f64> {
    (target > 0.0 && value.is_finite()).then(|| value / target * 100.0)
}

fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::Vi => ('.', ','),
        Lang::En => (',', '.'),
    }
}

/// Reads back a number written by [`format`]; used by tests and by the CSV check.
pub fn parse(text: &str, lang: Lang) -> Option<f64> {
    let (group, point) = separators(lang);
    let cleaned: String = text
        .trim()
        .trim_end_matches('%')
        .chars()
        .filter(|&c| c != group)
        .map(|c| if c == point { '.' } else { c })
        .collect();
    cleaned.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_style() {
        assert_eq!(format(7314.0, 0, Lang::Vi), "7.314");
        assert_eq!(format(26492.0, 2, Lang::Vi), "26.492");
        assert_eq!(percent(57.6, Lang::Vi), "57,6%");
        assert_eq!(format_auto(58.73, Lang::Vi), "58,73");
        assert_eq!(format(1234567.5, 1, Lang::Vi), "1.234.567,5");
        assert_eq!(format(-3800.0, 0, Lang::Vi), "-3.800");
        assert_eq!(format(999.0, 0, Lang::Vi), "999");
    }

    #[test]
    fn english_style() {
        assert_eq!(format(7314.0, 0, Lang::En), "7,314");
        assert_eq!(percent(57.6, Lang::En), "57.6%");
        assert_eq!(
            with_unit(62560.0, Some("đảng viên"), Lang::En),
            "62,560 đảng viên"
        );
    }

    #[test]
    fn target_share() {
        let share = share_of_target(639.0, 597.0).unwrap();
        assert_eq!(percent(share.round(), Lang::Vi), "107%");
        assert_eq!(share_of_target(5.0, 0.0), None);
    }

    #[test]
    fn round_trips() {
        for v in [0.0, 1.5, 7314.0, 12839.25, -42.75, 1e9] {
            for lang in [Lang::Vi, Lang::En] {
                assert_eq!(parse(&format(v, 2, lang), lang), Some(v), "{v} {lang:?}");
            }
        }
    }

    #[test]
    fn negative_zero_has_no_sign() {
        assert_eq!(format(-0.001, 1, Lang::Vi), "0");
        assert_eq!(format(f64::NAN, 1, Lang::Vi), "–");
    }
}
