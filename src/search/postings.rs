//! The inverted index: for every variant of a word (and of every pair of
//! neighbouring words, for phrases), the documents that hold it and where.
//!
//! A posting's weight is one 6-bit number, so it fits one character in the
//! index files: bit 0 title, bit 1 keywords, bit 2 lead, bits 3–5 how often the
//! word is in the body (0–7).

use rayon::prelude::*;

use super::docs::Doc;
use super::encode;
use super::fold;
use super::fx::Map;
use super::tokens::{self, Tokens, PAIR};

pub const TITLE: u8 = 1;
pub const KEYWORD: u8 = 2;
pub const SUMMARY: u8 = 4;
pub const BODY_ONE: u8 = 8;
const BODY_MAX: u8 = 7;

/// Documents (by id, ascending) and weights, as [`encode`] reads and writes
/// them.
pub type Postings = Vec<(u32, u8)>;

/// One folded key and the variants written under it, each with its postings
/// already in the files' text ([`encode`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: String,
    pub variants: Vec<(String, String)>,
}

/// Documents per parallel task.
const CHUNK: usize = 1024;

/// The whole index, sorted by key then variant, so output never depends on
/// hashing or thread timing.
pub fn build(docs: &[Doc]) -> Vec<Entry> {
    let chunks: Vec<Tokens> = docs
        .par_chunks(CHUNK)
        .enumerate()
        .map(|(i, c)| tokens::read((i * CHUNK) as u32, c))
        .collect();
    // Chunk-local ids to site-wide ones: variants first, then pairs of them.
    let (mut words, mut word_ids): (Vec<&str>, Map<&str, u32>) = Default::default();
    let word_maps: Vec<Vec<u32>> = chunks
        .iter()
        .map(|c| {
            c.variants
                .iter()
                .map(|v| intern(&mut words, &mut word_ids, v.as_str()))
                .collect()
        })
        .collect();
    let (mut pairs, mut pair_ids): (Vec<u64>, Map<u64, u32>) = Default::default();
    let pair_maps: Vec<Vec<u32>> = chunks
        .iter()
        .zip(&word_maps)
        .map(|(c, wm)| {
            c.pairs
                .iter()
                .map(|&(a, b)| {
                    intern(
                        &mut pairs,
                        &mut pair_ids,
                        u64::from(wm[a as usize]) << 32 | u64::from(wm[b as usize]),
                    )
                })
                .collect()
        })
        .collect();
    let (word_lists, pair_lists) = lists(&chunks, &word_maps, &pair_maps, words.len(), pairs.len());
    let pair_text = |k: u64| {
        format!(
            "{} {}",
            words[(k >> 32) as usize],
            words[(k & 0xffff_ffff) as usize]
        )
    };
    let mut all: Vec<(String, String, String)> = words
        .par_iter()
        .map(|w| w.to_string())
        .zip(word_lists)
        .chain(pairs.par_iter().map(|&k| pair_text(k)).zip(pair_lists))
        .map(|(v, p)| (fold::key(&v), v, p))
        .collect();
    all.par_sort_unstable_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    group(all)
}

fn intern<T: Copy + Eq + std::hash::Hash>(
    list: &mut Vec<T>,
    ids: &mut Map<T, u32>,
    item: T,
) -> u32 {
    let next = list.len() as u32;
    *ids.entry(item).or_insert_with(|| {
        list.push(item);
        next
    })
}

/// Every term's postings, in document order, encoded as they go (words, then
/// pairs). Counted first, so each text is allocated once. Terms are split into
/// one range per thread; each reads every chunk but writes only its own lists
/// (the output is the same for any number of threads).
fn lists(
    chunks: &[Tokens],
    word_maps: &[Vec<u32>],
    pair_maps: &[Vec<u32>],
    words: usize,
    pairs: usize,
) -> (Vec<String>, Vec<String>) {
    let globals: Vec<Vec<u32>> = chunks
        .par_iter()
        .zip(word_maps)
        .zip(pair_maps)
        .map(|((c, wm), pm)| {
            c.terms
                .iter()
                .map(|&(t, _)| {
                    if t & PAIR == 0 {
                        wm[t as usize]
                    } else {
                        (words as u32) + pm[(t & !PAIR) as usize]
                    }
                })
                .collect()
        })
        .collect();
    let total = words + pairs;
    let mut count = vec![0usize; total];
    for &g in globals.iter().flatten() {
        count[g as usize] += 1;
    }
    let parts = rayon::current_num_threads().max(1);
    let per = total.div_ceil(parts).max(1);
    let lists: Vec<Vec<String>> = (0..parts)
        .into_par_iter()
        .map(|part| {
            let (lo, hi) = ((part * per).min(total), ((part + 1) * per).min(total));
            let mut out: Vec<String> = count[lo..hi]
                .iter()
                .map(|&n| String::with_capacity(n * 2))
                .collect();
            let mut next = vec![0u32; hi - lo];
            for (c, gs) in chunks.iter().zip(&globals) {
                let mut start = 0;
                for (j, &end) in c.ends.iter().enumerate() {
                    let doc = c.first + j as u32;
                    for (&g, &(_, w)) in gs[start..end].iter().zip(&c.terms[start..end]) {
                        let g = g as usize;
                        if g >= lo && g < hi {
                            encode::push_posting(&mut out[g - lo], &mut next[g - lo], doc, w);
                        }
                    }
                    start = end;
                }
            }
            out
        })
        .collect();
    let mut lists: Vec<String> = lists.into_iter().flatten().collect();
    let pair_lists = lists.split_off(words);
    (lists, pair_lists)
}

fn group(sorted: Vec<(String, String, String)>) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    for (key, variant, postings) in sorted {
        match out.last_mut() {
            Some(e) if e.key == key => e.variants.push((variant, postings)),
            _ => out.push(Entry {
                key,
                variants: vec![(variant, postings)],
            }),
        }
    }
    out
}

/// Field bits are joined; body counts add up, to at most 7.
pub fn combine(a: u8, b: u8) -> u8 {
    let body = ((a >> 3) + (b >> 3)).min(BODY_MAX);
    ((a | b) & 7) | (body << 3)
}
