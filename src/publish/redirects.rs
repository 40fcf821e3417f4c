//! Addresses never break: a page the last publish put online whose address
//! changed since (a corrected title, a new `slug:`) leaves its old address
//! behind as a redirect page to the new one.
//!
//! The manifest records, for every page, the source file it came from, and for
//! every redirect the page it leads to. A redirect is kept while that page
//! exists, always points straight at it (A→B→C becomes A→C), never stands
//! where the build has a real page (an address that comes back to life is the
//! page again), and is listed in the new manifest like any built file, so
//! `--delete` leaves it alone.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::publish::manifest::{Entry, Manifest, Origin};
use crate::render::redirects::Redirector;

/// Old output path → the page it now leads to (both `…/index.html`).
pub type Moves = BTreeMap<String, String>;

/// The redirects to keep: every page or redirect of `previous` that the build
/// no longer has, whose page the build still has (at another address).
pub fn find(previous: &Manifest, build: &Manifest) -> Moves {
    let now = build.pages_by_source();
    let page_of = |source: &str| now.get(source).map(|p| p.to_string());
    let mut moves = Moves::new();
    for (path, entry) in &previous.0 {
        if build.get(path).is_some() {
            continue;
        }
        let to = match &entry.origin {
            Some(Origin::Source(source)) => page_of(source),
            Some(Origin::Redirect(to)) if is_page(build, to) => Some(to.clone()),
            // Its page moved too: follow the page's source to where it is now.
            Some(Origin::Redirect(to)) => previous.get(to).and_then(|e| match &e.origin {
                Some(Origin::Source(source)) => page_of(source),
                _ => None,
            }),
            None => None,
        };
        if let Some(to) = to.filter(|to| to != path) {
            moves.insert(path.clone(), to);
        }
    }
    moves
}

fn is_page(build: &Manifest, path: &str) -> bool {
    build
        .get(path)
        .is_some_and(|e| matches!(e.origin, Some(Origin::Source(_))))
}

/// The redirect pages of one publish, written to a folder of their own (not
/// output/, which only a build writes); removed when dropped.
#[derive(Debug, Default)]
pub struct Pages {
    pub dir: Option<PathBuf>,
    pub paths: BTreeSet<String>,
    /// Redirects that are new or lead somewhere new, as addresses for people.
    pub news: Vec<(String, String)>,
    /// Every kept redirect as web server settings (file name, text).
    pub snippets: [(&'static str, String); 2],
}

impl Pages {
    /// Where the file `rel` of this publish is read from.
    pub fn source(&self, output: &Path, rel: &str) -> PathBuf {
        match &self.dir {
            Some(dir) if self.paths.contains(rel) => dir.join(rel),
            _ => output.join(rel),
        }
    }
}

impl Drop for Pages {
    fn drop(&mut self) {
        if let Some(dir) = &self.dir {
            let _ = fs::remove_dir_all(dir);
        }
    }
}

/// The build as it goes up: `build` with the redirects kept from `previous`.
pub fn add(
    previous: &Manifest,
    build: &Manifest,
    redirector: &Redirector,
) -> Result<(Manifest, Pages), Diagnostic> {
    let mut with = build.clone();
    let moves = find(previous, build);
    let mut pages = write(&moves, previous, &mut with, redirector)?;
    pages.snippets = crate::publish::snippets::snippets(&moves, redirector.base_path());
    Ok((with, pages))
}

/// Writes the redirect pages of `moves` and lists them in `build`.
fn write(
    moves: &Moves,
    previous: &Manifest,
    build: &mut Manifest,
    redirector: &Redirector,
) -> Result<Pages, Diagnostic> {
    let mut pages = Pages::default();
    if moves.is_empty() {
        return Ok(pages);
    }
    let dir = std::env::temp_dir().join(format!("trangtin-redirects-{}", std::process::id()));
    // A folder of this process's own, made afresh (a leftover is removed first).
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir(&dir).map_err(|e| Diagnostic::io(&dir, &e))?;
    pages.dir = Some(dir.clone());
    for (from, to) in moves {
        let file = dir.join(from);
        if let Some(parent) = file.parent() {
            fs::create_dir_all(parent).map_err(|e| Diagnostic::io(parent, &e))?;
        }
        let bytes = redirector.page(to);
        fs::write(&file, &bytes).map_err(|e| Diagnostic::io(&file, &e))?;
        let origin = Some(Origin::Redirect(to.clone()));
        if previous.get(from).is_none_or(|e| e.origin != origin) {
            pages.news.push((from.clone(), to.clone()));
        }
        let Entry { size, hash, .. } =
            crate::publish::manifest::hash_file(&file).map_err(|e| Diagnostic::io(&file, &e))?;
        build.0.insert(from.clone(), Entry { size, hash, origin });
        pages.paths.insert(from.clone());
    }
    Ok(pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(items: &[(&str, Option<Origin>)]) -> Manifest {
        Manifest(
            items
                .iter()
                .map(|(p, origin)| {
                    let entry = Entry {
                        size: 1,
                        hash: "0".repeat(64),
                        origin: origin.clone(),
                    };
                    (p.to_string(), entry)
                })
                .collect(),
        )
    }

    fn src(s: &str) -> Option<Origin> {
        Some(Origin::Source(s.into()))
    }

    fn to(s: &str) -> Option<Origin> {
        Some(Origin::Redirect(s.into()))
    }

    #[test]
    fn a_moved_page_leaves_a_redirect_and_chains_become_one_hop() {
        let first = manifest(&[("a/index.html", src("x.md")), ("s.css", None)]);
        let second = manifest(&[("b/index.html", src("x.md")), ("s.css", None)]);
        let moves = find(&first, &second);
        assert_eq!(
            moves,
            [("a/index.html".into(), "b/index.html".into())].into()
        );
        let published = manifest(&[
            ("a/index.html", to("b/index.html")),
            ("b/index.html", src("x.md")),
        ]);
        let third = manifest(&[("c/index.html", src("x.md"))]);
        let moves = find(&published, &third);
        assert_eq!(
            moves,
            [
                ("a/index.html".into(), "c/index.html".into()),
                ("b/index.html".into(), "c/index.html".into()),
            ]
            .into()
        );
    }

    #[test]
    fn an_address_that_comes_back_is_the_page_and_gone_pages_keep_nothing() {
        let published = manifest(&[
            ("a/index.html", to("b/index.html")),
            ("b/index.html", src("x.md")),
        ]);
        let back = manifest(&[("a/index.html", src("x.md"))]);
        assert_eq!(
            find(&published, &back),
            [("b/index.html".into(), "a/index.html".into())].into()
        );
        let deleted = manifest(&[("c/index.html", src("y.md"))]);
        assert!(find(&published, &deleted).is_empty());
    }
}
