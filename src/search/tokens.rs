//! Reading one chunk of documents (one thread each): every spelling and every
//! pair of neighbouring spellings gets a chunk-local term id, each document's
//! terms are weighed, and the chunk's postings come out grouped by term and
//! already encoded ([`encode`]), so joining the chunks ([`super::postings`])
//! only copies text.

use super::docs::Doc;
use super::encode;
use super::fold::{self, MAX_WORD};
use super::postings::{combine, BODY_ONE, KEYWORD, SUMMARY, TITLE};
use super::table::Table;
use crate::hash::FxHashMap;

/// Marks a weight slot as used by the current document (weights use 6 bits).
const SEEN: u8 = 0x80;
/// Pairs of body words are indexed for phrases only near the start of the
/// body, where news puts its subject: all of them would triple the index.
pub const PHRASE_WORDS: usize = 120;

/// A term of a chunk: a variant (where it is in [`Tokens::words`]), or two
/// neighbouring words (their term ids, always lower than the pair's own).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Term {
    Word(u32, u32),
    Pair(u32, u32),
}

/// A chunk, read.
pub struct Tokens {
    pub first: u32,
    /// Terms by local id, words and pairs in the order they were first met.
    pub terms: Vec<Term>,
    /// The variants' text, one after the other: one allocation a chunk.
    pub words: String,
    /// The postings of each term (list `t` is term `t`'s).
    pub lists: Lists,
}

/// Posting lists one after the other in one text, as [`encode`] writes them,
/// with documents numbered from the chunk's first: 2 bytes a posting instead
/// of a `Vec` per term.
#[derive(Default, Debug, PartialEq)]
pub struct Lists {
    pub text: Vec<u8>,
    /// `ends[t]` is where list `t` ends in `text`.
    pub ends: Vec<u32>,
    /// The last document of each list, where the next chunk's gaps start.
    pub last: Vec<u32>,
}

impl Tokens {
    /// The variant of a [`Term::Word`].
    pub fn word(&self, start: u32, end: u32) -> &str {
        &self.words[start as usize..end as usize]
    }
}

impl Lists {
    /// List `t` and its last document.
    pub fn get(&self, t: usize) -> (&[u8], u32) {
        let (range, last) = self.span(t);
        (&self.text[range], last)
    }

    /// Where list `t` is in `text`, and its last document.
    pub fn span(&self, t: usize) -> (std::ops::Range<usize>, u32) {
        let start = if t == 0 { 0 } else { self.ends[t - 1] as usize };
        (start..self.ends[t] as usize, self.last[t])
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

/// Reads a chunk whose first document has id `first`; `done(j)` runs after
/// its document j is read, while its text is still in the cache.
pub fn read(first: u32, chunk: &[Doc], mut done: impl FnMut(usize)) -> Tokens {
    // About one posting per 10 bytes of text (4.4 million in the 46 MB of
    // 10,000 generated articles): room for them at once.
    let bytes: usize = chunk.iter().map(|d| d.body.len() + d.summary.len()).sum();
    let mut r = Reader {
        terms: Vec::with_capacity(bytes / 10),
        weights: Vec::with_capacity(bytes / 10),
        ..Reader::default()
    };
    for (j, doc) in chunk.iter().enumerate() {
        r.field(&doc.title, TITLE, usize::MAX);
        for k in &doc.keywords {
            r.field(k, KEYWORD, usize::MAX);
        }
        r.field(doc.summary, SUMMARY, usize::MAX);
        r.field(doc.body, BODY_ONE, PHRASE_WORDS);
        r.flush();
        done(j);
    }
    let lists = r.lists();
    let (terms, words) = r.into_terms();
    Tokens {
        first,
        terms,
        words,
        lists,
    }
}

#[derive(Default)]
struct Reader<'a> {
    /// Spellings of up to 8 bytes ([`packed`]) and longer ones, to term ids.
    short: Table,
    long: FxHashMap<&'a str, u32>,
    /// Variants to term ids: `Đảng` and `đảng` are one variant.
    words: FxHashMap<String, u32>,
    /// Two term ids (`a << 32 | b`) to the pair's term id, and the pairs.
    pair_ids: Table,
    pairs: Vec<(u32, u32, u32)>,
    /// The current document's weight of each term.
    weight: Vec<u8>,
    /// The current document's terms: `touched[..seen]`. Written whether new
    /// or not and counted only when new, so the loop has no branch to miss.
    touched: Vec<u32>,
    seen: usize,
    /// Documents that hold each term, for [`Reader::lists`].
    count: Vec<u32>,
    /// Every document's terms and their weights, one document after the
    /// other; `ends[j]` closes document j.
    terms: Vec<u32>,
    weights: Vec<u8>,
    ends: Vec<u32>,
}

impl<'a> Reader<'a> {
    /// Adds a field's words, and pairs of neighbours among its first `phrases`
    /// words. Body words count; other fields set their bit.
    fn field(&mut self, text: &'a str, w: u8, phrases: usize) {
        let mut prev: Option<u32> = None;
        for (n, word) in fold::words(text).enumerate() {
            // Room for this word and its pair.
            if self.touched.len() < self.seen + 2 {
                self.touched.resize(self.seen + 1024, 0);
            }
            let id = if word.len() <= 8 {
                self.short(packed(text, word), word)
            } else if word.len() > MAX_WORD && word.chars().count() > MAX_WORD {
                prev = None;
                continue;
            } else {
                self.long(word)
            };
            self.bump(id, w);
            if let Some(p) = prev.filter(|_| n < phrases) {
                let pair = self.pair(p, id);
                self.bump(pair, w);
            }
            prev = Some(id);
        }
    }

    /// Adds a field's weight to a term's for the current document.
    #[inline]
    fn bump(&mut self, t: u32, w: u8) {
        let slot = &mut self.weight[t as usize];
        self.touched[self.seen] = t;
        self.seen += usize::from(*slot == 0);
        *slot = combine(*slot & !SEEN, w) | SEEN;
    }

    /// The id of a word of up to 8 bytes, most Vietnamese syllables: one
    /// number, found in a [`Table`]. This is the index's inner loop.
    #[inline]
    fn short(&mut self, key: u64, word: &str) -> u32 {
        if let Some(id) = self.short.get(key) {
            return id;
        }
        let id = self.variant(word);
        self.short.insert(key, id);
        id
    }

    fn long(&mut self, word: &'a str) -> u32 {
        if let Some(&id) = self.long.get(word) {
            return id;
        }
        let id = self.variant(word);
        self.long.insert(word, id);
        id
    }

    /// The term id of a spelling's variant, for a spelling not seen before.
    fn variant(&mut self, word: &str) -> u32 {
        let next = self.weight.len() as u32;
        let id = *self.words.entry(fold::variant(word)).or_insert(next);
        if id == next {
            self.new_term();
        }
        id
    }

    #[inline]
    fn pair(&mut self, a: u32, b: u32) -> u32 {
        let key = u64::from(a) << 32 | u64::from(b);
        if let Some(id) = self.pair_ids.get(key) {
            return id;
        }
        let id = self.new_term();
        self.pair_ids.insert(key, id);
        self.pairs.push((id, a, b));
        id
    }

    fn new_term(&mut self) -> u32 {
        self.weight.push(0);
        self.count.push(0);
        self.weight.len() as u32 - 1
    }

    /// Closes the current document.
    fn flush(&mut self) {
        for &t in &self.touched[..self.seen] {
            let slot = &mut self.weight[t as usize];
            self.terms.push(t);
            self.weights.push(std::mem::take(slot) & !SEEN);
            self.count[t as usize] += 1;
        }
        self.seen = 0;
        self.ends.push(self.terms.len() as u32);
    }

    /// The chunk's postings grouped by term (a counting sort: documents stay
    /// in order within each term), then encoded.
    fn lists(&self) -> Lists {
        // Where each list starts in `sorted`.
        let mut at = Vec::with_capacity(self.count.len() + 1);
        at.push(0);
        for &n in &self.count {
            at.push(at[at.len() - 1] + n);
        }
        let mut sorted = vec![0u32; self.terms.len()];
        let mut start = 0;
        for (doc, &end) in self.ends.iter().enumerate() {
            let range = start..end as usize;
            for (&t, &w) in self.terms[range.clone()].iter().zip(&self.weights[range]) {
                let slot = &mut at[t as usize];
                sorted[*slot as usize] = pack(doc as u32, w);
                *slot += 1;
            }
            start = end as usize;
        }
        // Each `at[t]` now holds the end of list t.
        let total = self.count.len();
        let mut out = Lists {
            text: Vec::with_capacity(sorted.len() * 2 + 16),
            ends: Vec::with_capacity(total),
            last: Vec::with_capacity(total),
        };
        let mut from = 0;
        for &to in &at[..total] {
            let mut next = 0;
            for &p in &sorted[from..to as usize] {
                let (doc, w) = unpack(p);
                encode::push_posting(&mut out.text, &mut next, doc, w);
            }
            out.ends.push(out.text.len() as u32);
            out.last.push(next.saturating_sub(1));
            from = to as usize;
        }
        out
    }

    /// The terms by id, and the variants' text.
    fn into_terms(self) -> (Vec<Term>, String) {
        let mut terms = vec![Term::Pair(0, 0); self.weight.len()];
        let mut text = String::with_capacity(self.words.keys().map(String::len).sum());
        for (v, id) in &self.words {
            let start = text.len() as u32;
            text.push_str(v);
            terms[*id as usize] = Term::Word(start, text.len() as u32);
        }
        for &(id, a, b) in &self.pairs {
            terms[id as usize] = Term::Pair(a, b);
        }
        (terms, text)
    }
}

/// A posting inside a chunk as one number: the document's place in the chunk
/// and its 6-bit weight (half the size of a `(u32, u8)`).
pub fn pack(doc: u32, w: u8) -> u32 {
    doc << 6 | u32::from(w & 63)
}

pub fn unpack(p: u32) -> (u32, u8) {
    (p >> 6, (p & 63) as u8)
}

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

#[cfg(test)]
mod tests {
    use super::*;

    use crate::search::tests::plain as doc;

    #[test]
    fn packed_postings_round_trip() {
        for (doc, w) in [(0, 0), (1, 63), (1023, 8), (1 << 25, 17)] {
            assert_eq!(unpack(pack(doc, w)), (doc, w));
        }
    }

    /// Each list holds its term's documents in order, numbered in the chunk.
    #[test]
    fn lists_group_documents_by_term() {
        let docs = [doc("a b", "a"), doc("c", "b b"), doc("a", "")];
        let mut done = Vec::new();
        let t = read(100, &docs, |j| done.push(j));
        assert_eq!(done, [0, 1, 2]);
        let terms: Vec<String> = t
            .terms
            .iter()
            .map(|&term| match term {
                Term::Word(a, b) => t.word(a, b).to_string(),
                Term::Pair(a, b) => format!("{a}+{b}"),
            })
            .collect();
        assert_eq!(terms, ["a", "b", "0+1", "c", "1+1"]);
        let list = |i: usize| {
            let (text, last) = t.lists.get(i);
            let text = std::str::from_utf8(text).unwrap();
            (encode::decode_postings(text).unwrap(), last)
        };
        assert_eq!(list(0), (vec![(0, TITLE | BODY_ONE), (2, TITLE)], 2));
        assert_eq!(list(1), (vec![(0, TITLE), (1, 2 * BODY_ONE)], 1));
        // `a b` in the first title, `b b` in the second body.
        assert_eq!(list(2), (vec![(0, TITLE)], 0));
        assert_eq!(list(3), (vec![(1, TITLE)], 1));
        assert_eq!(list(4), (vec![(1, BODY_ONE)], 1));
        assert_eq!(t.lists.len(), 5);
    }
}
