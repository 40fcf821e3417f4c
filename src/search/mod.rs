//! Site search without a server: an index built from the model at build time,
//! cut into small files, and `static/search.js`, which loads only the files a
//! query needs.
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
//! (one thread per chunk), [`postings`] joins the chunks into sorted posting
//! lists, [`shards`] cuts them into files, [`encode`] writes their numbers.
//! Nothing depends on hashing or thread timing: the same site gives the same
//! bytes.

pub mod docs;
pub mod encode;
pub mod fold;
mod fx;
pub mod postings;
pub mod shards;
pub mod tokens;

use rayon::prelude::*;
use serde::Serialize;

use crate::model::Site;
use crate::render::views::Card;
use crate::render::OutputFile;
use crate::theme::Theme;
use docs::{Doc, Group};
use fx::hash;
use postings::Entry;

/// Where the index is written, below the site's base path.
pub const DIR: &str = "static/search/";
/// Upper size of a shard file in bytes (one very common word may exceed it).
pub const SHARD_BYTES: usize = 40_000;
/// Bytes of body text kept for excerpts (about 1,000 Vietnamese letters).
pub const BODY_BYTES: usize = 1_400;

/// The index files of the whole site.
pub fn index(site: &Site, theme: &Theme, cards: &[Card]) -> Vec<OutputFile> {
    let (docs, groups) = docs::collect(site, theme, cards);
    build(&docs, &groups.list)
}

/// The index files for documents in id order.
pub fn build(docs: &[Doc], groups: &[Group]) -> Vec<OutputFile> {
    let entries = postings::build(docs);
    let (prefixes, mut files) = shard_files(&entries);
    files.par_extend(
        docs.par_chunks(RESULTS_PER_FILE)
            .enumerate()
            .map(|(n, group)| fragments(n, group)),
    );
    let version = files
        .par_iter()
        .map(|f| (f.path.as_str(), hash(content(f))))
        .collect::<Vec<_>>();
    let v = version.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, (p, x)| {
        mix(mix(h, hash(p.as_bytes())), *x)
    });
    files.push(manifest(docs, groups, &prefixes, v));
    files
}

fn shard_files(entries: &[Entry]) -> (Vec<String>, Vec<OutputFile>) {
    let sized: Vec<shards::Sized> = entries
        .iter()
        .map(|e| shards::Sized {
            key: &e.key,
            bytes: e.key.len()
                + 5
                + e.variants
                    .iter()
                    .map(|(v, p)| v.len() + p.len() + 6)
                    .sum::<usize>(),
        })
        .collect();
    let prefixes = shards::plan(&sized, SHARD_BYTES);
    let of = shards::assign(entries, &prefixes);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); prefixes.len()];
    for (i, &s) in of.iter().enumerate() {
        members[s].push(i);
    }
    let texts: Vec<String> = members
        .par_iter()
        .map(|list| shard_text(list.iter().map(|&i| (&entries[i], sized[i].bytes))))
        .collect();
    let files = texts
        .into_iter()
        .enumerate()
        .map(|(i, t)| OutputFile::bytes(format!("{DIR}t/{i}.json"), t.into_bytes()))
        .collect();
    (prefixes, files)
}

/// A shard's JSON, `{"key":{"variant":"postings",…},…}`, with the size of
/// each entry for the allocation.
fn shard_text<'a>(entries: impl Iterator<Item = (&'a Entry, usize)>) -> String {
    let entries: Vec<(&Entry, usize)> = entries.collect();
    let mut out = String::with_capacity(2 + entries.iter().map(|e| e.1).sum::<usize>());
    out.push('{');
    for (n, (e, _)) in entries.iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        push_json(&mut out, &e.key);
        out.push_str(":{");
        for (i, (v, p)) in e.variants.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_json(&mut out, v);
            // Postings use only letters, digits, `-` and `_`: nothing to escape.
            out.push_str(":\"");
            out.push_str(p);
            out.push('"');
        }
        out.push('}');
    }
    out.push('}');
    out
}

#[derive(Serialize)]
struct Fragment<'a> {
    t: &'a str,
    u: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    d: Option<&'a str>,
    s: &'a str,
    b: &'a str,
}

/// Result files hold this many documents each (ids `n*G .. n*G+G`): four
/// times fewer files to write, for a few more kB per query.
pub const RESULTS_PER_FILE: usize = 4;

fn fragments(n: usize, group: &[Doc]) -> OutputFile {
    let list: Vec<Fragment> = group
        .iter()
        .map(|d| Fragment {
            t: &d.title,
            u: &d.url,
            d: d.date.as_deref(),
            s: d.summary,
            b: cut(d.body, BODY_BYTES),
        })
        .collect();
    OutputFile::bytes(
        format!("{DIR}d/{n}.json"),
        serde_json::to_vec(&list).unwrap_or_default(),
    )
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

fn push_json(out: &mut String, s: &str) {
    // Strings always serialize; the fallback only keeps the file valid JSON.
    out.push_str(&serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into()));
}

fn content(f: &OutputFile) -> &[u8] {
    match &f.content {
        crate::render::Content::Bytes(b) => b,
        crate::render::Content::Copy(_) | crate::render::Content::Written => &[],
    }
}

fn mix(h: u64, x: u64) -> u64 {
    (h ^ x).wrapping_mul(0x100_0000_01b3).rotate_left(17)
}

#[cfg(test)]
mod tests;
