//! A synthetic trangtin site, the same every time for a given seed: a provincial
//! committee's portal with articles in realistic Vietnamese, 60 organizations,
//! datasets, named charts of all eight types, documents and illustrations; and,
//! on request, the same articles as a Hugo site, for fair comparison.
//!
//! Used by `examples/gen-site.rs`, `benches/build.rs` and `tests/generator.rs`.
//! Every item draws from its own random stream ([`rng::Rng::new`]), so the
//! corpus does not depend on the order things are written in.

// Three crates include this module (the example, the bench, the test) and each
// uses a different part of it.
#![allow(dead_code)]

pub mod articles;
pub mod body;
pub mod data;
pub mod docs;
pub mod hugo;
pub mod names;
pub mod orgs;
pub mod rng;
pub mod text;
pub mod words;

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct Options {
    pub articles: usize,
    pub charts: usize,
    pub datasets: usize,
    pub documents: usize,
    pub seed: u64,
}

impl Options {
    /// The shape: 200 datasets and 300 documents whatever the size.
    pub fn new(articles: usize, charts: usize, seed: u64) -> Self {
        Options {
            articles,
            charts,
            datasets: 200,
            documents: 300,
            seed,
        }
    }
}

/// Where generated files go: a folder, or memory (tests).
pub trait Sink {
    /// `path` is relative to the site root, with `/`.
    fn put(&mut self, path: &str, bytes: &[u8]) -> io::Result<()>;
}

pub struct DirSink(pub PathBuf);

impl Sink for DirSink {
    fn put(&mut self, path: &str, bytes: &[u8]) -> io::Result<()> {
        let full = self.0.join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(full, bytes)
    }
}

#[derive(Default)]
pub struct MemSink(pub BTreeMap<String, Vec<u8>>);

impl Sink for MemSink {
    fn put(&mut self, path: &str, bytes: &[u8]) -> io::Result<()> {
        self.0.insert(path.to_string(), bytes.to_vec());
        Ok(())
    }
}

/// What was generated, for the one-line summary.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Summary {
    pub articles: usize,
    pub words: usize,
    pub charts: usize,
    pub datasets: usize,
    pub documents: usize,
    pub organizations: usize,
}

/// Writes the trangtin site to `site` and, when given, the Hugo twin to `hugo`.
pub fn generate(
    opts: &Options,
    site: &mut dyn Sink,
    mut hugo: Option<&mut dyn Sink>,
) -> io::Result<Summary> {
    let seed = opts.seed;
    let orgs = orgs::tree();
    let categories = names::CATEGORIES;
    site.put(
        "content/site.yaml",
        orgs::site_yaml(categories, &orgs).as_bytes(),
    )?;
    site.put("content/organizations.yaml", orgs::yaml(&orgs).as_bytes())?;
    let sets = data::datasets(seed, opts.datasets, &orgs);
    for (i, d) in sets.iter().enumerate() {
        site.put(
            &format!("content/data/{}.yaml", d.id),
            data::dataset_yaml(seed, i, d, &orgs).as_bytes(),
        )?;
    }
    let mut charts = Vec::with_capacity(opts.charts);
    for i in 0..opts.charts {
        let (chart, yaml) = data::chart(seed, i, &sets, &orgs);
        site.put(
            &format!("content/charts/{}.yaml", chart.id),
            yaml.as_bytes(),
        )?;
        charts.push(chart);
    }
    let (docs, docs_yaml, doc_files) = docs::documents(seed, opts.documents);
    site.put("content/documents.yaml", docs_yaml.as_bytes())?;
    for (path, bytes) in &doc_files {
        site.put(path, bytes)?;
    }
    for (path, bytes) in docs::media() {
        site.put(&format!("content/{path}"), &bytes)?;
        if let Some(h) = hugo.as_deref_mut() {
            h.put(&format!("static/{path}"), &bytes)?;
        }
    }
    if let Some(h) = hugo.as_deref_mut() {
        for (path, text) in hugo::skeleton(categories) {
            h.put(&path, text.as_bytes())?;
        }
    }
    let tags = keywords(&orgs);
    let world = articles::World {
        seed,
        total: opts.articles,
        orgs: &orgs,
        sets: &sets,
        charts: &charts,
        docs: &docs,
        tags: &tags,
    };
    let mut words = 0;
    for i in 0..opts.articles {
        let a = articles::article(&world, i);
        words += a.words;
        site.put(
            &format!("content/articles/{}", a.path),
            a.trangtin.as_bytes(),
        )?;
        if let Some(h) = hugo.as_deref_mut() {
            h.put(&format!("content/tin-tuc/{}", a.path), a.hugo.as_bytes())?;
        }
    }
    Ok(Summary {
        articles: opts.articles,
        words,
        charts: charts.len(),
        datasets: sets.len(),
        documents: docs.len(),
        organizations: orgs.len(),
    })
}

/// 500 distinct keywords: topics, places, topics in years, topics at places.
pub fn keywords(orgs: &[orgs::Org]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    let mut add = |k: String| {
        if out.len() < 500 && seen.insert(text::slug(&k)) {
            out.push(k);
        }
    };
    names::KEYWORDS.iter().for_each(|k| add(k.to_string()));
    orgs.iter().for_each(|o| add(o.short.clone()));
    for year in data::YEARS {
        for k in names::KEYWORDS.iter().take(8) {
            add(format!("{k} năm {year}"));
        }
    }
    for o in orgs {
        for k in names::KEYWORDS.iter().take(12) {
            add(format!("{k} {}", o.name.trim_start_matches("Đảng bộ ")));
        }
    }
    out
}

/// Removes a generated folder before writing it again (only when asked).
pub fn clear(dir: &Path) -> io::Result<()> {
    match std::fs::remove_dir_all(dir) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}
