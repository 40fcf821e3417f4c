//! The inverted index: for every variant of a word (and of every pair of
//! neighbouring words, for phrases), the documents that hold it and where.
//!
//! A posting's weight is one 6-bit number, so it fits one character in the
//! index files: bit 0 title, bit 1 keywords, bit 2 lead, bits 3–5 how often the
//! word is in the body (0–7).

use std::ops::Range;

use rayon::prelude::*;

use super::encode;
use super::fold;
use super::table::Table;
use super::tokens::{Term, Tokens};
use crate::hash::FxHashMap;

pub const TITLE: u8 = 1;
pub const KEYWORD: u8 = 2;
pub const SUMMARY: u8 = 4;
pub const BODY_ONE: u8 = 8;
const BODY_MAX: u8 = 7;

/// Documents (by id, ascending) and weights, as [`encode`] reads and writes
/// them.
pub type Postings = Vec<(u32, u8)>;

/// One folded key and the variants written under it: `variants` are
/// positions in [`Index::variant`]'s order.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry<'a> {
    pub key: &'a str,
    pub variants: Range<usize>,
}

/// A site-wide term: a variant, or a pair of two word terms.
enum Global<'a> {
    Word(&'a str),
    Pair(u32, u32),
}

/// The whole index: every term's key and variant in one text, where its
/// postings are in the chunks, and the order to write terms in. Flat buffers
/// and ranges rather than a `String` or `Vec` per term: far fewer
/// allocations and less memory, and a term's postings are copied once, from
/// the chunks into its shard file ([`Index::write_list`]).
pub struct Index {
    chunks: Vec<Tokens>,
    /// Keys and variants, one after the other.
    text: String,
    /// By site-wide term id.
    names: Vec<Name>,
    /// Term `g`'s lists in the chunks are `pieces[starts[g]..starts[g + 1]]`,
    /// in chunk order.
    starts: Vec<u32>,
    pieces: Vec<Piece>,
    /// The bytes of each term's whole list.
    sizes: Vec<u32>,
    /// Term ids sorted by key, then variant.
    order: Vec<u32>,
}

/// Where a term's key and its variant are in [`Index`]'s `text`.
type Name = (Range<u32>, Range<u32>);

/// A term's list in one chunk: where it is in the chunk's text after its
/// first gap, and its first and last documents (site-wide ids).
#[derive(Clone, Copy, Default)]
struct Piece {
    chunk: u32,
    rest: (u32, u32),
    first: u32,
    last: u32,
}

impl Index {
    /// The terms grouped by key, sorted, so output never depends on hashing
    /// or thread timing.
    pub fn entries(&self) -> Vec<Entry<'_>> {
        let mut out: Vec<Entry> = Vec::new();
        for (i, &t) in self.order.iter().enumerate() {
            let key = self.name(t).0;
            match out.last_mut() {
                Some(e) if e.key == key => e.variants.end = i + 1,
                _ => out.push(Entry {
                    key,
                    variants: i..i + 1,
                }),
            }
        }
        out
    }

    /// The `i`-th variant in order and its term id.
    pub fn variant(&self, i: usize) -> (&str, u32) {
        let t = self.order[i];
        (self.name(t).1, t)
    }

    /// The bytes of term `t`'s postings.
    pub fn list_len(&self, t: u32) -> usize {
        self.sizes[t as usize] as usize
    }

    /// Appends term `t`'s postings: each chunk's list as it is but for its
    /// first gap, which now counts from the term's last document in the
    /// chunks before.
    pub fn write_list(&self, t: u32, out: &mut Vec<u8>) {
        let range = self.starts[t as usize] as usize..self.starts[t as usize + 1] as usize;
        let mut next = 0;
        for p in &self.pieces[range] {
            let text = &self.chunks[p.chunk as usize].lists.text;
            encode::push_number(out, p.first - next);
            out.extend_from_slice(&text[p.rest.0 as usize..p.rest.1 as usize]);
            next = p.last + 1;
        }
    }

    fn name(&self, t: u32) -> (&str, &str) {
        let (k, v) = &self.names[t as usize];
        let at = |r: &Range<u32>| &self.text[r.start as usize..r.end as usize];
        (at(k), at(v))
    }
}

/// The whole index from the chunks, in order.
pub fn index(chunks: Vec<Tokens>) -> Index {
    // Chunk-local ids to site-wide ones, in the order terms were first met.
    let mut terms: Vec<Global> = Vec::new();
    let mut words: FxHashMap<&str, u32> = FxHashMap::default();
    let mut pairs = Table::default();
    let globals: Vec<Vec<u32>> = chunks
        .iter()
        .map(|c| {
            let mut ids: Vec<u32> = Vec::with_capacity(c.terms.len());
            for &term in &c.terms {
                let next = terms.len() as u32;
                let id = match term {
                    Term::Word(start, end) => {
                        let v = c.word(start, end);
                        let id = *words.entry(v).or_insert(next);
                        if id == next {
                            terms.push(Global::Word(v));
                        }
                        id
                    }
                    Term::Pair(a, b) => {
                        let (a, b) = (ids[a as usize], ids[b as usize]);
                        let key = u64::from(a) << 32 | u64::from(b);
                        pairs.get(key).unwrap_or_else(|| {
                            pairs.insert(key, next);
                            terms.push(Global::Pair(a, b));
                            next
                        })
                    }
                };
                ids.push(id);
            }
            ids
        })
        .collect();
    let (text, names) = names(&terms);
    drop((terms, words, pairs));
    let (starts, pieces, sizes) = pieces(&chunks, &globals);
    let mut index = Index {
        chunks,
        text,
        names,
        starts,
        pieces,
        sizes,
        order: Vec::new(),
    };
    // A key's first 8 bytes as a number sort as the bytes do (keys hold no
    // NUL), so most comparisons are of two numbers, not of strings.
    let mut order: Vec<(u64, u32)> = (0..index.names.len() as u32)
        .map(|t| (prefix(index.name(t).0), t))
        .collect();
    order.par_sort_unstable_by(|a, b| {
        (a.0.cmp(&b.0)).then_with(|| index.name(a.1).cmp(&index.name(b.1)))
    });
    index.order = order.into_iter().map(|(_, t)| t).collect();
    index
}

/// The first 8 bytes of `key`, zero-padded, big-endian.
fn prefix(key: &str) -> u64 {
    let mut eight = [0u8; 8];
    let n = key.len().min(8);
    eight[..n].copy_from_slice(&key.as_bytes()[..n]);
    u64::from_be_bytes(eight)
}

/// Every term's chunk lists, grouped by term (a counting sort, so chunks stay
/// in order), and the size of each term's whole list. Read chunk by chunk,
/// so their lists are read in the order they lie.
fn pieces(chunks: &[Tokens], globals: &[Vec<u32>]) -> (Vec<u32>, Vec<Piece>, Vec<u32>) {
    let total = globals
        .iter()
        .flatten()
        .max()
        .map_or(0, |&g| g as usize + 1);
    let mut starts = vec![0u32; total + 1];
    for &g in globals.iter().flatten() {
        starts[g as usize + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut at = starts.clone();
    let mut pieces = vec![Piece::default(); starts[total] as usize];
    let (mut sizes, mut next) = (vec![0u32; total], vec![0u32; total]);
    for (c, (chunk, gs)) in chunks.iter().zip(globals).enumerate() {
        for (t, &g) in gs.iter().enumerate() {
            let (range, last) = chunk.lists.span(t);
            let (gap, len) = encode::first_number(&chunk.lists.text[range.clone()]);
            let g = g as usize;
            let first = chunk.first + gap;
            sizes[g] += (encode::number_len(first - next[g]) + range.len() - len) as u32;
            next[g] = chunk.first + last + 1;
            pieces[at[g] as usize] = Piece {
                chunk: c as u32,
                rest: ((range.start + len) as u32, range.end as u32),
                first,
                last: chunk.first + last,
            };
            at[g] += 1;
        }
    }
    (starts, pieces, sizes)
}

/// Every term's key and variant. A pair's key is its two words' keys with a
/// space (folding never crosses the space), so each word is folded once.
fn names(terms: &[Global]) -> (String, Vec<Name>) {
    let keys: Vec<Option<String>> = terms
        .par_iter()
        .map(|t| match t {
            Global::Word(v) => Some(fold::key(v)),
            Global::Pair(..) => None,
        })
        .collect();
    let key = |t: u32| keys[t as usize].as_deref().unwrap_or_default();
    let word = |t: u32| match terms[t as usize] {
        Global::Word(v) => v,
        Global::Pair(..) => "",
    };
    let mut text = String::new();
    let mut put = |parts: [&str; 3]| {
        let start = text.len() as u32;
        parts.iter().for_each(|p| text.push_str(p));
        start..text.len() as u32
    };
    let names = terms
        .iter()
        .enumerate()
        .map(|(t, term)| match *term {
            Global::Word(v) => (put([key(t as u32), "", ""]), put([v, "", ""])),
            Global::Pair(a, b) => (put([key(a), " ", key(b)]), put([word(a), " ", word(b)])),
        })
        .collect();
    (text, names)
}

/// Field bits are joined; body counts add up, to at most 7.
pub fn combine(a: u8, b: u8) -> u8 {
    let body = ((a >> 3) + (b >> 3)).min(BODY_MAX);
    ((a | b) & 7) | (body << 3)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::docs::Doc;
    use crate::search::tokens;

    const CHUNK: usize = 1024;

    /// The index of a few documents, read in chunks as the build reads them.
    fn build(docs: &[Doc]) -> Index {
        let chunks = docs
            .chunks(CHUNK)
            .enumerate()
            .map(|(i, c)| tokens::read((i * CHUNK) as u32, c, |_| {}))
            .collect();
        index(chunks)
    }

    use crate::search::tests::plain as doc;

    /// Lists that span chunks read as one list, gaps and all.
    #[test]
    fn lists_join_across_chunks() {
        let docs: Vec<Doc> = (0..CHUNK * 2 + 5)
            .map(|i| match i % 3 {
                0 => doc("Đảng viên", "đảng"),
                1 => doc("x", ""),
                _ => doc("viên", "đang"),
            })
            .collect();
        let index = build(&docs);
        let entries = index.entries();
        let find = |key: &str, variant: &str| {
            let e = entries.iter().find(|e| e.key == key).unwrap();
            let (_, t) = e
                .variants
                .clone()
                .map(|i| index.variant(i))
                .find(|v| v.0 == variant)
                .unwrap();
            let mut list = Vec::new();
            index.write_list(t, &mut list);
            assert_eq!(list.len(), index.list_len(t));
            encode::decode_postings(std::str::from_utf8(&list).unwrap()).unwrap()
        };
        let expect = |rem: usize, w: u8| -> Postings {
            (0..docs.len())
                .filter(|i| i % 3 == rem)
                .map(|i| (i as u32, w))
                .collect()
        };
        assert_eq!(find("dang", "đảng"), expect(0, TITLE | BODY_ONE));
        assert_eq!(find("dang", "đang"), expect(2, BODY_ONE));
        let mut vien = expect(0, TITLE);
        vien.extend(expect(2, TITLE));
        vien.sort();
        assert_eq!(find("vien", "viên"), vien);
        assert_eq!(find("dang vien", "đảng viên"), expect(0, TITLE));
        let keys: Vec<&str> = entries.iter().map(|e| e.key).collect();
        assert_eq!(keys, ["dang", "dang vien", "vien", "x"]);
    }

    #[test]
    fn prefixes_sort_as_keys_do() {
        let mut keys = [
            "dang vien",
            "dang",
            "dan",
            "dangvien12",
            "a",
            "dang viem",
            "đ",
        ];
        let mut by_prefix = keys;
        keys.sort();
        by_prefix.sort_by(|a, b| prefix(a).cmp(&prefix(b)).then_with(|| a.cmp(b)));
        assert_eq!(by_prefix, keys);
    }

    #[test]
    fn a_pair_folds_like_its_words() {
        for (a, b) in [("đảng", "viên"), ("7.314", "ǅungla"), ("σοφος", "ﬁn")] {
            let pair = format!("{a} {b}");
            assert_eq!(
                fold::key(&pair),
                format!("{} {}", fold::key(a), fold::key(b))
            );
        }
    }
}
