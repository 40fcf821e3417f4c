//! Figures typed as text the way offices type them: `7.314`, `1.234,5`,
//! `57,6%` on a Vietnamese site; `7,314`, `57.6%` on an English one.
//!
//! A separator between thousands must be followed by exactly three digits, so
//! `57.6` on a Vietnamese site (where `.` groups thousands) is not read as
//! 576 or as 57.6: it is reported, because guessing would put a wrong figure
//! on the page.

use crate::text::Lang;

/// What a text cell holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Parsed {
    /// A figure, and whether it was written with `%`.
    Number(f64, bool),
    /// Blank, or a dash offices put for "no figure".
    Missing,
    NotANumber,
}

/// Reads `text` as a figure in the number style of `lang`.
pub fn parse(text: &str, lang: Lang) -> Parsed {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
        .collect();
    if cleaned.is_empty() || matches!(cleaned.as_str(), "-" | "–" | "—") {
        return Parsed::Missing;
    }
    let (body, percent) = match cleaned.strip_suffix('%') {
        Some(b) => (b, true),
        None => (cleaned.as_str(), false),
    };
    let (sign, digits) = match body.strip_prefix('-').or_else(|| body.strip_prefix('−')) {
        Some(rest) => (-1.0, rest),
        None => (1.0, body.strip_prefix('+').unwrap_or(body)),
    };
    let (group, point) = match lang {
        Lang::Vi => ('.', ','),
        Lang::En => (',', '.'),
    };
    match plain(digits, group, point) {
        Some(v) => Parsed::Number(sign * v, percent),
        None => Parsed::NotANumber,
    }
}

/// `1.234,5` → 1234.5 with `.` grouping and `,` before decimals.
fn plain(text: &str, group: char, point: char) -> Option<f64> {
    let (int_part, frac) = match text.split_once(point) {
        Some((i, f)) => (i, Some(f)),
        None => (text, None),
    };
    if let Some(f) = frac {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    let groups: Vec<&str> = int_part.split(group).collect();
    let first_ok = !groups[0].is_empty() && groups[0].bytes().all(|b| b.is_ascii_digit());
    let grouped = groups.len() > 1;
    let rest_ok = groups[1..]
        .iter()
        .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
    if !first_ok || !rest_ok || (grouped && groups[0].len() > 3) {
        return None;
    }
    let mut machine: String = groups.concat();
    if let Some(f) = frac {
        machine.push('.');
        machine.push_str(f);
    }
    machine.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vi(s: &str) -> Parsed {
        parse(s, Lang::Vi)
    }

    #[test]
    fn vietnamese_style() {
        assert_eq!(vi("7.314"), Parsed::Number(7314.0, false));
        assert_eq!(vi("1.234,5"), Parsed::Number(1234.5, false));
        assert_eq!(vi("57,6%"), Parsed::Number(57.6, true));
        assert_eq!(vi(" 1 234 "), Parsed::Number(1234.0, false));
        assert_eq!(vi("1\u{a0}234,25"), Parsed::Number(1234.25, false));
        assert_eq!(vi("-12"), Parsed::Number(-12.0, false));
        assert_eq!(vi("2021"), Parsed::Number(2021.0, false));
        assert_eq!(vi("12.345.678"), Parsed::Number(12345678.0, false));
    }

    #[test]
    fn english_style() {
        let en = |s| parse(s, Lang::En);
        assert_eq!(en("57.6%"), Parsed::Number(57.6, true));
        assert_eq!(en("7,314"), Parsed::Number(7314.0, false));
        assert_eq!(en("1,234.5"), Parsed::Number(1234.5, false));
        assert_eq!(en("7.314"), Parsed::Number(7.314, false));
    }

    #[test]
    fn ambiguous_or_words_are_not_numbers() {
        assert_eq!(vi("57.6"), Parsed::NotANumber);
        assert_eq!(vi("1.23,4.5"), Parsed::NotANumber);
        assert_eq!(vi("bảy"), Parsed::NotANumber);
        assert_eq!(vi("1234.567"), Parsed::NotANumber);
        assert_eq!(vi("12,"), Parsed::NotANumber);
        assert_eq!(vi("%"), Parsed::NotANumber);
        assert_eq!(vi("Tổng cộng"), Parsed::NotANumber);
    }

    #[test]
    fn blanks_and_dashes_are_missing() {
        for s in ["", "  ", "\u{a0}", "-", "–", "—"] {
            assert_eq!(vi(s), Parsed::Missing, "{s:?}");
        }
    }
}
