//! Sentences and paragraphs from the vocabulary, and the small formatting helpers
//! (Vietnamese numbers, YAML strings) the other parts share.

use super::rng::Rng;
use super::words::*;

/// One sentence, capitalised, ending in a full stop.
pub fn sentence(r: &mut Rng) -> String {
    let s = match r.below(10) {
        0..=5 => {
            let link = if r.chance(35) {
                format!("{} ", r.pick(LINKS))
            } else {
                String::new()
            };
            format!(
                "{link}{} {} {} {}",
                r.pick(SUBJECTS),
                r.pick(VERBS),
                r.pick(OBJECTS),
                r.pick(ENDINGS)
            )
        }
        6 | 7 => figures(r),
        8 => r.pick(REMARKS).to_string(),
        _ => format!(
            "{} {} {}, {}",
            r.pick(SUBJECTS),
            r.pick(VERBS),
            r.pick(OBJECTS),
            r.pick(OBJECTS)
        ),
    };
    format!("{}.", capitalise(&s))
}

/// A sentence with figures, the way reports give them.
fn figures(r: &mut Rng) -> String {
    let done = r.range(40, 2600);
    let target = done * r.range(80, 125) / 100;
    match r.below(3) {
        0 => format!(
            "Năm {}, toàn Đảng bộ kết nạp {} đảng viên mới, đạt {} chỉ tiêu",
            r.range(2016, 2024),
            thousands(done as u64),
            percent(done as f64 * 100.0 / target.max(1) as f64)
        ),
        1 => format!(
            "Có {} quần chúng ưu tú được học lớp bồi dưỡng nhận thức về Đảng, {} đảng viên mới học chương trình lý luận chính trị",
            thousands(done as u64 * 2),
            thousands(done as u64)
        ),
        _ => format!(
            "Hiện toàn Đảng bộ có {} tổ chức cơ sở đảng với {} đảng viên, trong đó {} đảng viên dưới 40 tuổi",
            r.range(12, 140),
            thousands(done as u64 * 9),
            percent(r.range(280, 610) as f64 / 10.0)
        ),
    }
}

/// A paragraph of `n` sentences.
pub fn paragraph(r: &mut Rng, n: usize) -> String {
    (0..n).map(|_| sentence(r)).collect::<Vec<_>>().join(" ")
}

/// Upper-cases the first letter (Vietnamese letters included).
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `7314` → `7.314`, the Vietnamese way.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// `57.6` → `57,6%`.
pub fn percent(p: f64) -> String {
    format!("{:.1}%", p).replace('.', ",")
}

/// A double-quoted YAML string: safe whatever the text holds.
pub fn q(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Number of words, as a reader would count them.
pub fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// ASCII slug: Vietnamese marks folded, `đ` → `d` (same rule as the site's).
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in s.chars().flat_map(fold) {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    out
}

/// One Vietnamese letter without its marks.
fn fold(c: char) -> Option<char> {
    const GROUPS: &[(&str, char)] = &[
        ("àáảãạăằắẳẵặâầấẩẫậ", 'a'),
        ("ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", 'A'),
        ("èéẻẽẹêềếểễệ", 'e'),
        ("ÈÉẺẼẸÊỀẾỂỄỆ", 'E'),
        ("ìíỉĩị", 'i'),
        ("ÌÍỈĨỊ", 'I'),
        ("òóỏõọôồốổỗộơờớởỡợ", 'o'),
        ("ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", 'O'),
        ("ùúủũụưừứửữự", 'u'),
        ("ÙÚỦŨỤƯỪỨỬỮỰ", 'U'),
        ("ỳýỷỹỵ", 'y'),
        ("ỲÝỶỸỴ", 'Y'),
        ("đ", 'd'),
        ("Đ", 'D'),
    ];
    if c.is_ascii() {
        return Some(c);
    }
    Some(
        GROUPS
            .iter()
            .find(|(set, _)| set.contains(c))
            .map_or(' ', |&(_, to)| to),
    )
}
