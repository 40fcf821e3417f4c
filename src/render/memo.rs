//! Skipping pages whose inputs did not change, for `serve`'s quick rebuilds.
//!
//! Every article page and listing page gets a fingerprint of what it shows: the
//! site-wide values every page shows (menus, words, templates; not the
//! sidebar, which only the home page and its own file show), the
//! cards it lists, and for an article page a key of the article's own source
//! given by the caller. A page whose fingerprint equals the previous render's is
//! not rendered again: its file from last time is still right. A full build
//! passes no memo and renders everything.

use std::collections::BTreeMap;
use std::hash::Hasher;

use serde::Serialize;

use crate::charts::ChartData;
use crate::hash::{FxHashMap, FxHashSet, Stable};
use crate::output::OutputFile;

/// What the previous render of the same site left behind.
#[derive(Debug, Clone, Default)]
pub struct Memo {
    /// Fingerprint of each skippable page's inputs, by output path.
    pub pages: FxHashMap<String, u64>,
    /// Each chart drawn, by id: the same data gives the same files and figure.
    pub charts: BTreeMap<String, Chart>,
}

/// A chart as drawn last time.
#[derive(Debug, Clone)]
pub struct Chart {
    pub data: ChartData,
    pub files: [OutputFile; 2],
    pub figure: String,
}

/// What a quick rebuild passes in.
#[derive(Debug, Clone, Default)]
pub struct Incremental {
    /// A key of each article's own content, in `Site::articles` order (a hash of
    /// its source text): equal keys mean the article itself did not change.
    pub article_keys: Vec<u64>,
    pub previous: Memo,
}

/// Fingerprints shared by the page renderers during one render.
#[derive(Debug, Clone, Default)]
pub struct Keys {
    /// Of what every page shows.
    pub global: u64,
    /// Of each article's card, by article index.
    pub cards: Vec<u64>,
    pub articles: Vec<u64>,
    /// Output paths not to render: unchanged since the previous render.
    pub skip: FxHashSet<String>,
}

impl Keys {
    pub fn skips(&self, path: &str) -> bool {
        self.skip.contains(path)
    }

    /// The keys of a render, kept for the next quick rebuild: which pages to
    /// skip was for that render alone.
    pub fn kept(keys: Option<Keys>) -> Keys {
        keys.map(|k| Keys {
            skip: FxHashSet::default(),
            ..k
        })
        .unwrap_or_default()
    }
}

/// Fingerprint of a value as its JSON: what a template would see of it.
pub fn of_json(value: &impl Serialize) -> u64 {
    let mut h = Stable::new();
    // Serializing our own view structs into a hasher cannot fail; if it ever
    // did, the fingerprint would differ and the page would simply be rendered.
    let _ = serde_json::to_writer(&mut h, value);
    h.finish()
}
