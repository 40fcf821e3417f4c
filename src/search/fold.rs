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

    // This loop sees every letter of the site: bytes, not chars, one table
    // load for the common ones ([`BYTES`]), [`wide`] for the rest.
    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        let (text, bytes) = (self.text, self.text.as_bytes());
        let mut i = self.pos;
        loop {
            let Some(&b) = bytes.get(i) else {
                self.pos = i;
                return None;
            };
            if BYTES[usize::from(b)] & START != 0 {
                break;
            }
            if b < 128 {
                i += 1;
            } else {
                let (word, len) = wide(text, i);
                if word {
                    break;
                }
                i += len;
            }
        }
        let start = i;
        while let Some(&b) = bytes.get(i) {
            if BYTES[usize::from(b)] & INSIDE != 0 {
                i += 1;
            } else if b < 128 {
                // A `.` or `,` between two digits (the one before is this
                // word's: a word never starts with either).
                let joins = (b == b'.' || b == b',')
                    && bytes[i - 1].is_ascii_digit()
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
                if !joins {
                    break;
                }
                i += 1;
            } else {
                let (word, len) = wide(text, i);
                if !word {
                    break;
                }
                i += len;
            }
        }
        self.pos = i;
        Some(&text[start..i])
    }
}

/// [`BYTES`]: a byte that starts a word character for sure.
const START: u8 = 1;
/// [`BYTES`]: a byte that goes on the word it is in for sure: a start, or
/// the continuation of a character already taken as a word character.
const INSIDE: u8 = 2;

/// ASCII letters and digits, and the first bytes of U+0100–U+023F (Latin
/// Extended-A and B) and U+0300–U+033F (combining marks), whose characters
/// are all word characters.
const BYTES: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() || matches!(c, 0xc4..=0xc8 | 0xcc) {
            t[b] = START | INSIDE;
        } else if matches!(c, 0x80..=0xbf) {
            t[b] = INSIDE;
        }
        b += 1;
    }
    t
};

/// Whether the non-ASCII character at byte `i` is a word character, and its
/// length. Vietnamese text is mostly Latin-1, Latin Extended-A/B, combining
/// marks and Latin Extended Additional: those are known from their first two
/// bytes; anything else is decoded and asked [`is_word_char`].
#[inline(always)]
fn wide(text: &str, i: usize) -> (bool, usize) {
    let bytes = text.as_bytes();
    let next = bytes.get(i + 1).copied().unwrap_or(0);
    match bytes[i] {
        // U+00C0–U+00FF: letters but × (C3 97) and ÷ (C3 B7).
        0xc3 => (next != 0x97 && next != 0xb7, 2),
        // U+0100–U+023F: Latin Extended-A and most of B.
        0xc4..=0xc8 => (true, 2),
        // U+0300–U+033F: combining marks.
        0xcc => (true, 2),
        // U+1E00–U+1EFF: Latin Extended Additional (ạ ả ấ … ỹ).
        0xe1 if (0xb8..=0xbb).contains(&next) => (true, 3),
        _ => {
            let (c, len) = char_at(text, i);
            (is_word_char(c), len)
        }
    }
}

/// The character starting at byte `i` (a char boundary) and its length.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
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

    /// The rules as first written, a char at a time, to check the fast
    /// splitter against.
    fn words_by_chars(text: &str) -> Vec<&str> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            if !is_word_char(chars[i].1) {
                i += 1;
                continue;
            }
            let start = chars[i].0;
            while i < chars.len() {
                let c = chars[i].1;
                let joins = (c == '.' || c == ',')
                    && i > 0
                    && chars[i - 1].1.is_ascii_digit()
                    && chars.get(i + 1).is_some_and(|n| n.1.is_ascii_digit());
                if !is_word_char(c) && !joins {
                    break;
                }
                i += 1;
            }
            out.push(&text[start..chars.get(i).map_or(text.len(), |c| c.0)]);
        }
        out
    }

    #[test]
    fn first_bytes_tell_what_is_word_char_says() {
        for c in ('\u{80}'..='\u{2fff}').chain(['\u{1f44d}', '\u{e9}', '\u{10ffff}']) {
            let text = format!("{c}x");
            assert_eq!(wide(&text, 0), (is_word_char(c), c.len_utf8()), "{c:?}");
        }
    }

    #[test]
    fn splits_as_the_rules_say_on_mixed_text() {
        let pieces = [
            "Đà", "Nẵng", "7", ".", ",", "314", " ", "“", "”", "–", "×", "÷", "\u{a0}", "ª", "²",
            "a\u{301}", "\u{300}", "ệ", "ʼ", "Ω", "日本", "👍", "\u{1680}", "\t", "-", "x",
        ];
        // A fixed walk through the pieces: every pair and many triples.
        let mut state = 7u64;
        for _ in 0..4000 {
            let mut text = String::new();
            for _ in 0..(state % 9) {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                text.push_str(pieces[(state >> 33) as usize % pieces.len()]);
            }
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            let ours: Vec<&str> = words(&text).collect();
            assert_eq!(ours, words_by_chars(&text), "{text:?}");
        }
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
