//! File-change events under content/ and themes/, gathered into batches.
//!
//! An editor's save is often several events (write, rename, chmod). A batch
//! ends after a short quiet time, so one save makes one rebuild; the quiet
//! time is short because it is part of what the editor waits for.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher as _};

use crate::diagnostic::msg::serve::Serve;
use crate::diagnostic::Diagnostic;

/// How long without events ends a batch, and the longest a batch may gather.
const QUIET: Duration = Duration::from_millis(30);
const LONGEST: Duration = Duration::from_millis(1000);

/// What came of waiting for changes.
pub enum Next {
    Changed(Vec<PathBuf>),
    /// Nothing changed in the time given.
    Idle,
    Stopped,
}

pub struct Watcher {
    root: PathBuf,
    inner: notify::RecommendedWatcher,
    events: Receiver<notify::Result<notify::Event>>,
    themes_watched: bool,
}

impl Watcher {
    /// Watches `root`'s content/ and themes/ (and root itself, to see themes/ appear).
    pub fn start(root: &Path) -> Result<Self, Diagnostic> {
        let root = root.canonicalize().map_err(|e| Diagnostic::io(root, &e))?;
        let (tx, events) = channel();
        let mut inner = notify::recommended_watcher(tx)
            .map_err(|e| Diagnostic::new(&root, Serve::CannotWatchFiles { why: e.to_string() }))?;
        let cannot = |dir: &Path, e: notify::Error| {
            Diagnostic::new(dir, Serve::CannotWatch { why: e.to_string() })
        };
        let content = root.join("content");
        inner
            .watch(&content, RecursiveMode::Recursive)
            .map_err(|e| cannot(&content, e))?;
        inner
            .watch(&root, RecursiveMode::NonRecursive)
            .map_err(|e| cannot(&root, e))?;
        let mut w = Watcher {
            root,
            inner,
            events,
            themes_watched: false,
        };
        w.watch_themes();
        Ok(w)
    }

    fn watch_themes(&mut self) {
        let themes = self.root.join("themes");
        if !self.themes_watched && themes.is_dir() {
            self.themes_watched = self.inner.watch(&themes, RecursiveMode::Recursive).is_ok();
        }
    }

    /// Waits for the next batch of changed paths, relative to the root, sorted;
    /// at most `idle` for its first event.
    pub fn next(&mut self, idle: Duration) -> Next {
        let first = match self.events.recv_timeout(idle) {
            Ok(e) => e,
            Err(RecvTimeoutError::Timeout) => return Next::Idle,
            Err(RecvTimeoutError::Disconnected) => return Next::Stopped,
        };
        let mut paths = Vec::new();
        self.take(first, &mut paths);
        let start = Instant::now();
        while !paths.is_empty() && start.elapsed() < LONGEST {
            match self.events.recv_timeout(QUIET) {
                Ok(e) => self.take(e, &mut paths),
                Err(_) => break,
            }
        }
        self.watch_themes();
        paths.sort();
        paths.dedup();
        if paths.is_empty() {
            Next::Idle
        } else {
            Next::Changed(paths)
        }
    }

    /// [`Watcher::next`] without a time limit: None when the watcher stopped.
    pub fn next_batch(&mut self) -> Option<Vec<PathBuf>> {
        loop {
            match self.next(Duration::from_secs(3600)) {
                Next::Changed(paths) => return Some(paths),
                Next::Idle => continue,
                Next::Stopped => return None,
            }
        }
    }

    fn take(&self, event: notify::Result<notify::Event>, paths: &mut Vec<PathBuf>) {
        let Ok(event) = event else { return };
        // Reading files (ours included) is not a change.
        if matches!(event.kind, EventKind::Access(_)) {
            return;
        }
        for p in event.paths {
            if let Ok(rel) = p.strip_prefix(&self.root) {
                if rel.starts_with("content") || rel.starts_with("themes") {
                    paths.push(rel.to_path_buf());
                }
            }
        }
    }
}

/// What a changed file means for the rebuild.
#[derive(Debug, PartialEq, Eq)]
pub enum Kind {
    Article,
    Other,
    Ignored,
}

/// Sorts a changed path (relative to the site root).
pub fn kind_of(rel: &Path) -> Kind {
    let name = rel
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Editors' swap and backup files.
    if name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
    {
        return Kind::Ignored;
    }
    if rel.starts_with("content/articles") {
        return if crate::load::is_article_source(rel) {
            Kind::Article
        } else {
            Kind::Ignored
        };
    }
    if rel.starts_with("content") || rel.starts_with("themes") {
        return Kind::Other;
    }
    Kind::Ignored
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_changed_paths() {
        assert_eq!(
            kind_of(Path::new("content/articles/2024/a.md")),
            Kind::Article
        );
        assert_eq!(
            kind_of(Path::new("content/articles/2024/.a.md.swp")),
            Kind::Ignored
        );
        assert_eq!(
            kind_of(Path::new("content/articles/2024/4913")),
            Kind::Ignored
        );
        assert_eq!(kind_of(Path::new("content/site.yaml")), Kind::Other);
        assert_eq!(
            kind_of(Path::new("themes/x/templates/base.html")),
            Kind::Other
        );
        assert_eq!(kind_of(Path::new("output/index.html")), Kind::Ignored);
    }
}
