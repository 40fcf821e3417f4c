//! Reading one chunk of documents into numbers: each variant and each pair of
//! neighbouring variants gets a chunk-local id, and each document a list of
//! (term, weight). One thread per chunk; [`super::postings`] joins the chunks.

use super::docs::Doc;
use super::fold::{self, MAX_WORD};
use super::fx::Map;
use super::postings::{combine, BODY_ONE, KEYWORD, SUMMARY, TITLE};

/// Set on a term id that names a pair, not a word.
pub const PAIR: u32 = 1 << 31;
/// Marks a weight slot as used by the current document (weights use 6 bits).
const SEEN: u8 = 0x80;
/// Pairs of body words are indexed for phrases only near the start of the
/// body, where news puts its subject: all of them would triple the index.
pub const PHRASE_WORDS: usize = 120;

/// A chunk, read.
#[derive(Default)]
pub struct Tokens {
    pub first: u32,
    /// Variants by local id.
    pub variants: Vec<String>,
    /// Pairs by local id, as two local variant ids.
    pub pairs: Vec<(u32, u32)>,
    /// Each document's terms, one after the other; `ends[j]` closes document j.
    pub terms: Vec<(u32, u8)>,
    pub ends: Vec<usize>,
}

pub fn read(first: u32, chunk: &[Doc]) -> Tokens {
    // About one distinct term per 12 bytes of text: room for them at once.
    let bytes: usize = chunk.iter().map(|d| d.body.len() + d.summary.len()).sum();
    let mut r = Reader {
        out: Tokens {
            first,
            terms: Vec::with_capacity(bytes / 12),
            ..Tokens::default()
        },
        ..Reader::default()
    };
    for doc in chunk {
        r.field(&doc.title, TITLE, usize::MAX);
        for k in &doc.keywords {
            r.field(k, KEYWORD, usize::MAX);
        }
        r.field(doc.summary, SUMMARY, usize::MAX);
        r.field(doc.body, BODY_ONE, PHRASE_WORDS);
        r.flush();
    }
    r.out
}

#[derive(Default)]
struct Reader<'a> {
    out: Tokens,
    raw: Map<Word<'a>, u32>,
    ids: Map<String, u32>,
    pair_ids: Map<u64, u32>,
    /// The current document's weight of each variant and pair.
    weight: Vec<u8>,
    pair_weight: Vec<u8>,
    touched: Vec<u32>,
    /// Short spellings, packed in a number, and their ids.
    cache: Vec<(u64, u32)>,
}

const CACHE_BITS: u32 = 13;

impl<'a> Reader<'a> {
    /// Adds a field's words, and pairs of neighbours among its first `phrases`
    /// words. Body words count; other fields set their bit.
    fn field(&mut self, text: &'a str, w: u8, phrases: usize) {
        let mut prev: Option<u32> = None;
        for (n, word) in fold::words(text).enumerate() {
            if word.len() > MAX_WORD && word.chars().count() > MAX_WORD {
                prev = None;
                continue;
            }
            let id = self.word(text, word);
            bump(&mut self.weight[id as usize], &mut self.touched, id, w);
            if let Some(p) = prev.filter(|_| n < phrases) {
                let pair = self.pair(p, id);
                bump(
                    &mut self.pair_weight[pair as usize],
                    &mut self.touched,
                    pair | PAIR,
                    w,
                );
            }
            prev = Some(id);
        }
    }

    /// The id of a spelling. Short ones (most Vietnamese syllables fit in 8
    /// bytes) are found in a small direct-mapped cache before the map: this is
    /// the index's inner loop.
    fn word(&mut self, text: &'a str, word: &'a str) -> u32 {
        if word.len() > 8 {
            return self.word_slow(word);
        }
        // Words hold no NUL byte, so the zero-padded number names one word,
        // and 0 (an empty slot) names none.
        let packed = packed(text, word);
        let slot = (packed.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - CACHE_BITS)) as usize;
        if self.cache.is_empty() {
            self.cache = vec![(0, 0); 1 << CACHE_BITS];
        }
        let (k, id) = self.cache[slot];
        if k == packed {
            return id;
        }
        let id = self.word_slow(word);
        self.cache[slot] = (packed, id);
        id
    }

    fn word_slow(&mut self, word: &'a str) -> u32 {
        if let Some(&id) = self.raw.get(&Word(word)) {
            return id;
        }
        let v = fold::variant(word);
        let next = self.out.variants.len() as u32;
        let variants = &mut self.out.variants;
        let id = *self.ids.entry(v).or_insert_with_key(|v| {
            variants.push(v.clone());
            next
        });
        if id == next {
            self.weight.push(0);
        }
        self.raw.insert(Word(word), id);
        id
    }

    fn pair(&mut self, a: u32, b: u32) -> u32 {
        let next = self.out.pairs.len() as u32;
        let id = *self
            .pair_ids
            .entry(u64::from(a) << 32 | u64::from(b))
            .or_insert(next);
        if id == next {
            self.out.pairs.push((a, b));
            self.pair_weight.push(0);
        }
        id
    }

    /// Closes the current document.
    fn flush(&mut self) {
        for t in self.touched.drain(..) {
            let slot = if t & PAIR == 0 {
                &mut self.weight[t as usize]
            } else {
                &mut self.pair_weight[(t & !PAIR) as usize]
            };
            self.out.terms.push((t, std::mem::take(slot) & !SEEN));
        }
        self.out.ends.push(self.out.terms.len());
    }
}

fn bump(slot: &mut u8, touched: &mut Vec<u32>, term: u32, w: u8) {
    if *slot == 0 {
        touched.push(term);
    }
    *slot = combine(*slot & !SEEN, w) | SEEN;
}

/// A spelling as a map key. Most words are at most 8 bytes: compare those as
/// one number instead of calling `memcmp` (the hottest call of the index).
#[derive(Hash)]
struct Word<'a>(&'a str);

impl PartialEq for Word<'_> {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (self.0.as_bytes(), other.0.as_bytes());
        if a.len() != b.len() {
            return false;
        }
        if a.len() <= 8 {
            return short(a) == short(b);
        }
        a == b
    }
}

impl Eq for Word<'_> {}

/// The bytes of a word of at most 8 bytes as one number, zero-padded.
fn short(bytes: &[u8]) -> u64 {
    let mut v = 0u64;
    for (i, &b) in bytes.iter().enumerate() {
        v |= u64::from(b) << (8 * i);
    }
    v
}

/// [`short`] of `word`, a slice of `text`: one 8-byte load and a mask when
/// the text goes on for 8 bytes, as it nearly always does.
#[inline]
fn packed(text: &str, word: &str) -> u64 {
    let at = word.as_ptr() as usize - text.as_ptr() as usize;
    match text.as_bytes().get(at..at + 8) {
        Some(eight) => {
            let mut buf = [0u8; 8];
            buf.copy_from_slice(eight);
            u64::from_le_bytes(buf) & (u64::MAX >> (64 - 8 * word.len()))
        }
        None => short(word.as_bytes()),
    }
}
