//! What a publish changes at the target, and in which order files go up.

use crate::publish::manifest::Manifest;

/// Upload order, so a visitor never meets a page whose files are not there yet:
/// assets first, then the pages that use them, then the feeds and sitemap that
/// point at the pages. Deletions come after all three.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    /// static/, media/, documents/, bieu-do/, the search index: all but the two below.
    Assets,
    Pages,
    /// RSS/Atom feeds, sitemap.xml, robots.txt.
    Feeds,
}

pub const PHASES: [Phase; 3] = [Phase::Assets, Phase::Pages, Phase::Feeds];

impl Phase {
    pub fn of(path: &str) -> Phase {
        let name = path.rsplit('/').next().unwrap_or(path);
        let ext = name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "html" | "htm" => Phase::Pages,
            "xml" | "rss" | "atom" => Phase::Feeds,
            _ if name == "robots.txt" => Phase::Feeds,
            _ => Phase::Assets,
        }
    }

    pub fn part(self) -> crate::diagnostic::msg::publish::Part {
        use crate::diagnostic::msg::publish::Part;
        match self {
            Phase::Assets => Part::Assets,
            Phase::Pages => Part::Pages,
            Phase::Feeds => Part::Feeds,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub path: String,
    pub size: u64,
}

#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub added: Vec<Change>,
    pub changed: Vec<Change>,
    pub deleted: Vec<Change>,
    pub unchanged: usize,
    /// The target's manifest once this publish is done.
    pub manifest: Manifest,
}

impl Plan {
    /// `previous` is the target's manifest, `build` the new site; `at_target`
    /// gives the size of a file now at the target, if it is there.
    pub fn new(
        previous: &Manifest,
        build: &Manifest,
        delete: bool,
        at_target: impl Fn(&str) -> Option<u64>,
    ) -> Plan {
        let mut plan = Plan {
            manifest: build.clone(),
            ..Plan::default()
        };
        for (path, entry) in &build.0 {
            let change = Change {
                path: path.clone(),
                size: entry.size,
            };
            let there = at_target(path);
            match previous.get(path) {
                Some(old) if old.same_file(entry) && there == Some(old.size) => plan.unchanged += 1,
                _ if there.is_some() => plan.changed.push(change),
                _ => plan.added.push(change),
            }
        }
        for (path, old) in previous.0.iter().filter(|(p, _)| build.get(p).is_none()) {
            let Some(size) = at_target(path) else {
                continue;
            };
            if delete {
                plan.deleted.push(Change {
                    path: path.clone(),
                    size,
                });
            } else {
                // Still ours: a later `--delete` may remove it.
                plan.manifest.0.insert(path.clone(), old.clone());
            }
        }
        plan
    }

    pub fn bytes_to_send(&self) -> u64 {
        self.added.iter().chain(&self.changed).map(|c| c.size).sum()
    }

    /// True when the build will replace the file at the target.
    pub fn sends(&self, path: &str) -> bool {
        let find = |list: &[Change]| list.binary_search_by(|c| c.path.as_str().cmp(path)).is_ok();
        find(&self.added) || find(&self.changed)
    }

    pub fn deletes(&self, path: &str) -> bool {
        self.deleted
            .binary_search_by(|c| c.path.as_str().cmp(path))
            .is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::publish::manifest::Entry;

    fn manifest(items: &[(&str, u64, char)]) -> Manifest {
        Manifest(
            items
                .iter()
                .map(|(p, s, h)| {
                    (
                        p.to_string(),
                        Entry {
                            size: *s,
                            hash: h.to_string().repeat(64),
                            origin: None,
                        },
                    )
                })
                .collect(),
        )
    }

    #[test]
    fn phases_put_pages_after_assets_and_feeds_last() {
        let order = |p| Phase::of(p);
        assert_eq!(order("static/style.1.css"), Phase::Assets);
        assert_eq!(order("bieu-do/a.svg"), Phase::Assets);
        assert_eq!(order("tim-kiem/index.json"), Phase::Assets);
        assert_eq!(order("tin-tuc/a/index.html"), Phase::Pages);
        assert_eq!(order("chuyen-muc/x/rss.xml"), Phase::Feeds);
        assert_eq!(order("sitemap.xml"), Phase::Feeds);
        assert_eq!(order("robots.txt"), Phase::Feeds);
        assert_eq!(order("documents/robots.txt.pdf"), Phase::Assets);
    }

    #[test]
    fn deletes_only_files_of_the_previous_manifest_and_only_when_asked() {
        let previous = manifest(&[
            ("a.html", 1, 'a'),
            ("gone.html", 2, 'b'),
            ("same.css", 3, 'c'),
        ]);
        let build = manifest(&[
            ("a.html", 1, 'd'),
            ("new.svg", 4, 'e'),
            ("same.css", 3, 'c'),
        ]);
        let at_target = |p: &str| match p {
            "a.html" | "gone.html" | "same.css" | "by-hand.pdf" => {
                Some(1 + (p == "gone.html") as u64 + 2 * (p == "same.css") as u64)
            }
            _ => None,
        };
        let plan = Plan::new(&previous, &build, true, at_target);
        let paths = |l: &[Change]| l.iter().map(|c| c.path.clone()).collect::<Vec<_>>();
        assert_eq!(paths(&plan.added), ["new.svg"]);
        assert_eq!(paths(&plan.changed), ["a.html"]);
        assert_eq!(paths(&plan.deleted), ["gone.html"]);
        assert_eq!(plan.unchanged, 1);
        assert_eq!(plan.manifest, build);
        let keep = Plan::new(&previous, &build, false, at_target);
        assert!(keep.deleted.is_empty());
        assert!(
            keep.manifest.get("gone.html").is_some(),
            "kept files stay listed so a later --delete removes them"
        );
    }
}
