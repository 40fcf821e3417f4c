//! Site search without a server: an index built from the model at build time,
//! cut into small files, and the theme's `search.js` (served as
//! `static/search.<hash>.js`), which loads only the files a query needs.
//!
//! Files, under `static/search/`:
//! - `manifest.json`: the shards' prefixes, the filter groups, each document's
//!   group and year, and a version the browser adds to every other URL;
//! - `t/<n>.json`: shard `n`, folded key → variant → postings ([`encode`]);
//! - `d/<n>.json`: what results show, for documents `4n` to `4n + 3`: title,
//!   URL, date, lead, and the start of the body for the excerpt.
//!
//! Words are folded ([`fold`]) so `da nang` finds `Đà Nẵng`; the variant as
//! written is kept so results with the query's own diacritics rank first.
//! Pairs of neighbouring words are indexed too, for phrases: in titles,
//! keywords and leads, and in the first words of the body ([`tokens`]).
//!
//! The steps: [`docs`] takes documents from the model, [`tokens`] reads them
//! (one task per chunk of documents, which also writes their result files),
//! [`postings`] joins the chunks' lists, sorted, [`shards`] cuts them into
//! files, [`encode`] writes their numbers. Nothing depends on hashing, thread
//! timing or the size of the chunks: the same site gives the same bytes.
//!
//! The index is about 6% of a build's time (10,000 articles, `cargo bench
//! --bench search`); most of that is splitting 8 million words and finding
//! their ids ([`tokens`]), so that loop allocates nothing.

pub mod docs;
pub mod encode;
pub mod fold;
pub mod postings;
pub mod shards;
mod table;
pub mod tokens;

use rayon::prelude::*;
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::hash::stable as hash;
use crate::model::Site;
use crate::output::{Memory, OutputFile, Sink};
use crate::render::views::Card;
use crate::theme::Theme;
use docs::{Doc, Group};
use postings::{Entry, Index};
use tokens::Tokens;

/// Where the index is written, below the site's base path.
pub const DIR: &str = "static/search/";
/// Upper size of a shard file in bytes (one very common word may exceed it).
pub const SHARD_BYTES: usize = 40_000;
/// Bytes of body text kept for excerpts (about 1,000 Vietnamese letters).
pub const BODY_BYTES: usize = 1_400;

/// The index files of the whole site, kept in memory (for `serve`).
pub fn index(site: &Site, theme: &Theme, cards: &[Card]) -> Vec<OutputFile> {
    let made = Memory::default();
    // A memory sink never fails.
    let _ = index_into(site, theme, cards, &made);
    made.into_files()
}

/// The index files of the whole site, each put into `sink` as soon as it is
/// made, so that the index never sits in memory whole; returns their paths.
pub fn index_into(
    site: &Site,
    theme: &Theme,
    cards: &[Card],
    sink: &dyn Sink,
) -> Result<Vec<String>, Diagnostics> {
    let (docs, groups) = docs::collect(site, theme, cards);
    let chunk = chunk_size(docs.len(), rayon::current_num_threads());
    build_in(&docs, &groups.list, chunk, sink)
}

/// The index files for documents in id order, in memory, sorted by path.
pub fn build(docs: &[Doc], groups: &[Group]) -> Vec<OutputFile> {
    let chunk = chunk_size(docs.len(), rayon::current_num_threads());
    let made = Memory::default();
    let _ = build_in(docs, groups, chunk, &made);
    made.into_files()
}

/// Documents a task reads: about four tasks a thread, so that the threads
/// finish together; at least 256, as each task learns its words anew; whole
/// result files. The files written never depend on it.
fn chunk_size(docs: usize, threads: usize) -> usize {
    docs.div_ceil(4 * threads.max(1))
        .clamp(256, 2048)
        .next_multiple_of(RESULTS_PER_FILE)
}

/// A file put into the sink: its path and the hash of its bytes, which the
/// manifest's version is made of.
type Put = (String, u64);

fn put(sink: &dyn Sink, file: OutputFile) -> Result<Put, Diagnostic> {
    let done = (file.path.clone(), hash(file.made()));
    sink.put(file).map(|()| done)
}

fn build_in(
    docs: &[Doc],
    groups: &[Group],
    size: usize,
    sink: &dyn Sink,
) -> Result<Vec<String>, Diagnostics> {
    debug_assert!(
        size.is_multiple_of(RESULTS_PER_FILE),
        "a result file in two chunks"
    );
    // One task a chunk: its words, and its result files, each made as soon
    // as its documents are read, while their text is in the cache, and put
    // at once.
    let (chunks, results): (Vec<Tokens>, Vec<Result<Vec<Put>, Diagnostic>>) = docs
        .par_chunks(size)
        .enumerate()
        .map(|(i, chunk)| {
            let first = i * size;
            let mut files = Vec::with_capacity(chunk.len().div_ceil(RESULTS_PER_FILE));
            let mut failed = None;
            let tokens = tokens::read(first as u32, chunk, |j| {
                if (j + 1) % RESULTS_PER_FILE == 0 || j + 1 == chunk.len() {
                    let from = j - j % RESULTS_PER_FILE;
                    let n = (first + from) / RESULTS_PER_FILE;
                    match put(sink, fragments(n, &chunk[from..=j])) {
                        Ok(p) => files.push(p),
                        Err(e) => {
                            failed.get_or_insert(e);
                        }
                    }
                }
            });
            (tokens, failed.map_or(Ok(files), Err))
        })
        .unzip();
    let results = results.into_iter().collect::<Result<Vec<_>, _>>()?;
    let index = postings::index(chunks);
    let (prefixes, mut files) = shard_files(&index, sink)?;
    drop(index);
    files.extend(results.into_iter().flatten());
    let v = files.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, (p, x)| {
        mix(mix(h, hash(p.as_bytes())), *x)
    });
    let mut paths: Vec<String> = files.into_iter().map(|(p, _)| p).collect();
    paths.push(put(sink, manifest(docs, groups, &prefixes, v))?.0);
    Ok(paths)
}

/// The shard files, each put as soon as it is made; their prefixes.
fn shard_files(index: &Index, sink: &dyn Sink) -> Result<(Vec<String>, Vec<Put>), Diagnostics> {
    let entries = index.entries();
    let sized: Vec<shards::Sized> = entries
        .iter()
        .map(|e| shards::Sized {
            key: e.key,
            bytes: e.key.len()
                + 5
                + e.variants
                    .clone()
                    .map(|i| index.variant(i))
                    .map(|(v, t)| v.len() + index.list_len(t) + 6)
                    .sum::<usize>(),
        })
        .collect();
    let prefixes = shards::plan(&sized, SHARD_BYTES);
    let of = shards::assign(&sized, &prefixes);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); prefixes.len()];
    for (i, &s) in of.iter().enumerate() {
        members[s].push(i);
    }
    let files = members
        .par_iter()
        .enumerate()
        .map(|(i, list)| {
            let text = shard_text(index, list.iter().map(|&i| (&entries[i], sized[i].bytes)));
            put(sink, OutputFile::bytes(format!("{DIR}t/{i}.json"), text))
        })
        .collect::<Result<Vec<Put>, Diagnostic>>()?;
    Ok((prefixes, files))
}

/// A shard's JSON, `{"key":{"variant":"postings",…},…}`, with the size of
/// each entry for the allocation.
/// Strings go through `serde_json`; the braces are written here so that each
/// posting list is encoded straight into the file, never kept as a `String`.
fn shard_text<'a>(index: &Index, entries: impl Iterator<Item = (&'a Entry<'a>, usize)>) -> Vec<u8> {
    let entries: Vec<(&Entry, usize)> = entries.collect();
    let mut out = Vec::with_capacity(2 + entries.iter().map(|e| e.1).sum::<usize>());
    out.push(b'{');
    for (n, (e, _)) in entries.iter().enumerate() {
        if n > 0 {
            out.push(b',');
        }
        push_str(&mut out, e.key);
        out.extend_from_slice(b":{");
        for (i, (v, t)) in e.variants.clone().map(|i| index.variant(i)).enumerate() {
            if i > 0 {
                out.push(b',');
            }
            push_str(&mut out, v);
            // Postings use only letters, digits, `-` and `_`: nothing to escape.
            out.extend_from_slice(b":\"");
            index.write_list(t, &mut out);
            out.push(b'"');
        }
        out.push(b'}');
    }
    out.push(b'}');
    out
}

/// Result files hold this many documents each (ids `n*G .. n*G+G`): four
/// times fewer files to write, for a few more kB per query.
pub const RESULTS_PER_FILE: usize = 4;

/// A result file: `[{"t":title,"u":url,"d":date,"s":lead,"b":body},…]`
/// (`d` only when there is a date).
fn fragments(n: usize, group: &[Doc]) -> OutputFile {
    let shown: Vec<Shown> = group
        .iter()
        .map(|d| Shown {
            t: &d.title,
            u: &d.url,
            d: d.date.as_deref(),
            s: d.summary,
            b: cut(d.body, BODY_BYTES),
        })
        .collect();
    let size: usize = shown
        .iter()
        .map(|r| r.t.len() + r.u.len() + r.s.len() + r.b.len() + 40)
        .sum();
    let mut out = Vec::with_capacity(size + 2);
    // Serializing strings into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut out, &shown);
    OutputFile::bytes(format!("{DIR}d/{n}.json"), out)
}

/// One search result as `search.js` shows it.
#[derive(Serialize)]
struct Shown<'a> {
    t: &'a str,
    u: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    d: Option<&'a str>,
    /// The lead.
    s: &'a str,
    /// The start of the body, for the excerpt.
    b: &'a str,
}

/// Appends `s` as a JSON string, quotes included.
fn push_str(out: &mut Vec<u8>, s: &str) {
    // Serializing a string into a Vec cannot fail.
    let _ = serde_json::to_writer(out, s);
}

#[derive(Serialize)]
struct Manifest<'a> {
    /// Changes whenever any index file changes; added to their URLs.
    v: String,
    n: usize,
    /// Documents per result file.
    f: usize,
    shards: &'a [String],
    groups: &'a [Group],
    /// Each document's group + 1 (0: none), as [`encode::numbers`].
    g: String,
    /// Each document's year (0: none), as runs of `[year, count]`.
    y: Vec<[i32; 2]>,
}

fn manifest(docs: &[Doc], groups: &[Group], prefixes: &[String], v: u64) -> OutputFile {
    let g = encode::numbers(docs.iter().map(|d| d.group.map_or(0, |g| g as u32 + 1)));
    let mut y: Vec<[i32; 2]> = Vec::new();
    for d in docs {
        let year = i32::from(d.year.unwrap_or(0));
        match y.last_mut() {
            Some(run) if run[0] == year => run[1] += 1,
            _ => y.push([year, 1]),
        }
    }
    let m = Manifest {
        v: format!("{v:016x}"),
        n: docs.len(),
        f: RESULTS_PER_FILE,
        shards: prefixes,
        groups,
        g,
        y,
    };
    OutputFile::bytes(
        format!("{DIR}manifest.json"),
        serde_json::to_vec(&m).unwrap_or_default(),
    )
}

/// About the first `max` bytes of `text`, ending at a space when there is one.
fn cut(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    head.rfind(char::is_whitespace)
        .map_or(head, |sp| &head[..sp])
}

/// Folds the files' hashes into the version; unchanged since the first index,
/// so the same site keeps the same `v`.
fn mix(h: u64, x: u64) -> u64 {
    (h ^ x).wrapping_mul(0x100_0000_01b3).rotate_left(17)
}

#[cfg(test)]
mod tests;
