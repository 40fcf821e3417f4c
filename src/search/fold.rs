//! Folding and tokenizing: the rules the index is built with. `search.js` has
//! the same rules in JavaScript; `tests::same_as_javascript` runs both on the
//! same cases, so change them together.
//!
//! - A word is a run of letters, digits and combining marks. A `.` or `,` between
//!   two ASCII digits stays inside the word, so `7.314` and `4,5` are one word.
//! - A word's *variant* is how it was written, lower-cased and composed (NFC):
//!   `Đảng` → `đảng`. Results with the query's own diacritics rank first.
//! - Its *key* is the variant folded: decomposed (NFD), marks removed, `đ` → `d`,
//!   and the separators of numbers dropped: `đảng` → `dang`, `7.314` → `7314`.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Words longer than this (links, hashes) are not indexed.
pub const MAX_WORD: usize = 40;

/// The words of a text, as slices of it, in order.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    Words { text, pos: 0 }
}

struct Words<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    // Bytes, not chars, for the common ASCII case: this loop sees every letter
    // of the site.
    fn next(&mut self) -> Option<&'a str> {
        let (text, bytes) = (self.text, self.text.as_bytes());
        let mut i = self.pos;
        while i < bytes.len() {
            let (c, len) = char_at(text, i);
            if is_word_char(c) {
                break;
            }
            i += len;
        }
        if i >= bytes.len() {
            self.pos = i;
            return None;
        }
        let start = i;
        let mut prev_digit = false;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_alphanumeric() {
                prev_digit = b.is_ascii_digit();
                i += 1;
            } else if (b == b'.' || b == b',')
                && prev_digit
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
            {
                prev_digit = false;
                i += 1;
            } else if b < 128 {
                break;
            } else {
                let (c, len) = char_at(text, i);
                if !is_word_char(c) {
                    break;
                }
                prev_digit = false;
                i += len;
            }
        }
        self.pos = i;
        Some(&text[start..i])
    }
}

/// The character starting at byte `i` (a char boundary) and its length.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 128 {
        return (char::from(b), 1);
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    (c, c.len_utf8())
}

/// Letters, digits and combining marks (so decomposed text stays one word).
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // Vietnamese letters, quickly: Latin-1 letters, Latin Extended-A and B, and
    // Latin Extended Additional are all letters (but × and ÷).
    if matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}') {
        return c != '×' && c != '÷';
    }
    c.is_alphabetic() || c.is_numeric() || is_combining_mark(c)
}

/// How a word was written, lower-cased and composed: `Đà` → `đà`.
pub fn variant(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let lower = word.to_lowercase();
    match is_nfc_quick(lower.chars()) {
        IsNormalized::Yes => lower,
        _ => lower.nfc().collect(),
    }
}

/// The folded key of a word: `Đà` → `da`, `7.314` → `7314`.
pub fn key(word: &str) -> String {
    if word.is_ascii() {
        return word
            .bytes()
            .filter(|b| *b != b'.' && *b != b',')
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
    }
    word.to_lowercase()
        .nfd()
        .filter(|c| !is_stripped_mark(*c) && *c != '.' && *c != ',')
        .map(|c| match c {
            'đ' | 'ð' => 'd',
            c => c,
        })
        .collect()
}

/// The marks folding removes: the combining diacritics block, which holds every
/// Vietnamese tone and vowel mark.
fn is_stripped_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// Keys of every word of a text, for queries and tests.
pub fn keys(text: &str) -> Vec<String> {
    words(text).map(key).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_vietnamese_to_plain_letters() {
        assert_eq!(keys("Đà Nẵng"), ["da", "nang"]);
        assert_eq!(keys("DA NANG"), ["da", "nang"]);
        assert_eq!(keys("đảng viên"), ["dang", "vien"]);
        assert_eq!(keys("ĐẢNG VIÊN"), ["dang", "vien"]);
        assert_eq!(
            keys("Nghị quyết Trung ương"),
            ["nghi", "quyet", "trung", "uong"]
        );
    }

    #[test]
    fn decomposed_input_folds_like_composed() {
        let nfd: String = "Đà Nẵng thủy".nfd().collect();
        assert_ne!(nfd, "Đà Nẵng thủy");
        assert_eq!(keys(&nfd), ["da", "nang", "thuy"]);
        assert_eq!(variant(nfd.split(' ').nth(1).unwrap_or_default()), "nẵng");
    }

    #[test]
    fn variant_keeps_diacritics() {
        assert_eq!(variant("Đảng"), "đảng");
        assert_eq!(variant("DANG"), "dang");
        assert_eq!(variant("7.314"), "7.314");
    }

    #[test]
    fn splits_on_punctuation() {
        let w: Vec<&str> = words("Hà Nội, (2015–2020): “đảng viên”/chi-bộ!").collect();
        assert_eq!(
            w,
            ["Hà", "Nội", "2015", "2020", "đảng", "viên", "chi", "bộ"]
        );
    }

    #[test]
    fn keeps_numbers_with_separators() {
        let w: Vec<&str> = words("kết nạp 7.314 đảng viên, đạt 98,5%. Năm 2023.").collect();
        assert_eq!(
            w,
            ["kết", "nạp", "7.314", "đảng", "viên", "đạt", "98,5", "Năm", "2023"]
        );
        assert_eq!(key("7.314"), "7314");
        assert_eq!(key("1.234.567"), "1234567");
        let dotted: Vec<&str> = words("a.b 3. 4,x").collect();
        assert_eq!(dotted, ["a", "b", "3", "4", "x"]);
    }
}
