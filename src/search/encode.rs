//! The compact text the index files use: numbers as variable-length digits of
//! a 64-letter alphabet that JSON never escapes. `search.js` decodes it.
//!
//! A number is written 5 bits a letter, lowest first; a letter's sixth bit says
//! that another follows. A posting list is, for each document, the gap since the
//! previous id (`id - previous - 1`, so neighbours cost one letter) and then
//! its weight as one letter.

use super::postings::Postings;

pub const ALPHABET: &[u8; 64] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

/// Reverse of [`ALPHABET`] for ASCII bytes (other bytes read as 0).
const DIGIT: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 64 {
        t[ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    t
};

// Bytes, not `String`: the index files are built as bytes, and every letter
// here is ASCII.
pub fn push_number(out: &mut Vec<u8>, mut n: u32) {
    loop {
        let low = (n & 31) as usize;
        n >>= 5;
        if n == 0 {
            out.push(ALPHABET[low]);
            return;
        }
        out.push(ALPHABET[low | 32]);
    }
}

pub fn postings(list: &Postings) -> String {
    let mut out = Vec::with_capacity(list.len() * 2);
    let mut next = 0u32;
    for &(id, w) in list {
        push_posting(&mut out, &mut next, id, w);
    }
    ascii(out)
}

/// Appends a posting to an encoded list; `next` is the id after the last one.
#[inline]
pub fn push_posting(out: &mut Vec<u8>, next: &mut u32, id: u32, w: u8) {
    push_number(out, id.saturating_sub(*next));
    out.push(ALPHABET[usize::from(w & 63)]);
    *next = id + 1;
}

/// How many letters [`push_number`] writes for `n`.
pub fn number_len(n: u32) -> usize {
    (32 - n.leading_zeros() as usize).div_ceil(5).max(1)
}

/// The first number of an encoded text and how many bytes it takes.
pub fn first_number(text: &[u8]) -> (u32, usize) {
    let (mut n, mut shift) = (0u32, 0);
    for (i, &b) in text.iter().enumerate() {
        let d = DIGIT[usize::from(b & 127)];
        n |= u32::from(d & 31).checked_shl(shift).unwrap_or(0);
        if d & 32 == 0 {
            return (n, i + 1);
        }
        shift += 5;
    }
    (n, text.len())
}

/// A list of small numbers (one per document), for the filters.
pub fn numbers(list: impl IntoIterator<Item = u32>) -> String {
    let mut out = Vec::new();
    for n in list {
        push_number(&mut out, n);
    }
    ascii(out)
}

/// Encoded text as a `String`; it only ever holds letters of [`ALPHABET`].
fn ascii(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_default()
}

/// The reverse of [`postings`], for tests.
pub fn decode_postings(text: &str) -> Option<Postings> {
    let mut out = Vec::new();
    let mut next = 0u32;
    let mut digits = text.bytes().map(|b| ALPHABET.iter().position(|a| *a == b));
    while let Some(first) = digits.next() {
        let mut d = first?;
        let (mut n, mut shift) = (0u32, 0);
        loop {
            n |= ((d & 31) as u32) << shift;
            if d & 32 == 0 {
                break;
            }
            shift += 5;
            d = digits.next()??;
        }
        let w = digits.next()?? as u8;
        out.push((next + n, w));
        next += n + 1;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip() {
        let list: Postings = vec![(0, 1), (1, 63), (2, 8), (40, 0), (100_000, 9), (100_001, 2)];
        let text = postings(&list);
        assert!(text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        assert_eq!(decode_postings(&text), Some(list));
    }

    #[test]
    fn first_number_reads_one_number() {
        for n in [0, 31, 32, 1023, 1024, u32::MAX] {
            let mut text = Vec::new();
            push_number(&mut text, n);
            let len = text.len();
            assert_eq!(number_len(n), len);
            text.extend_from_slice(b"Zz");
            assert_eq!(first_number(&text), (n, len));
        }
    }

    #[test]
    fn neighbours_cost_two_letters() {
        let list: Postings = (0..100).map(|i| (i, 1)).collect();
        assert_eq!(postings(&list).len(), 200);
        assert_eq!(numbers([0, 31, 32]), "0VW1");
    }
}
