//! What a file looks like without reading it: its size, times and inode.
//!
//! Inputs (content/, themes/) are known by [`Stamp`] and a hash of their bytes:
//! a file whose stamp is the one recorded is not read again (an editor's save
//! changes its change time, which no tool can set back), one whose stamp moved
//! is read and hashed, so a file touched but not changed changes nothing.
//! Output files are known by their stamp alone: a hard link keeps it, a hand
//! edit or a deletion does not.

use std::collections::BTreeMap;
use std::fs::Metadata;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::hash::stable;

/// Size, modification and change time (ns) and inode of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp(pub u64, pub i128, pub i128, pub u64);

impl Stamp {
    pub fn of(m: &Metadata) -> Stamp {
        let ns = |s: i64, n: i64| i128::from(s) * 1_000_000_000 + i128::from(n);
        Stamp(
            m.len(),
            ns(m.mtime(), m.mtime_nsec()),
            ns(m.ctime(), m.ctime_nsec()),
            m.ino(),
        )
    }

    /// The stamp of an output file: without its change time, which a hard
    /// link into the next output moves.
    pub fn output(m: &Metadata) -> Stamp {
        Stamp(m.len(), Stamp::of(m).1, 0, m.ino())
    }
}

/// An input file: its stamp and the hash of its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Input {
    pub stamp: Stamp,
    pub hash: u64,
}

/// The site's inputs, by path relative to the site folder (`content/a.md`).
pub type Inputs = BTreeMap<String, Input>;

/// The folders whose files a build reads (as serve watches them).
pub const INPUT_DIRS: &[&str] = &["content", "themes"];

/// Every file under content/ and themes/, hashed unless `known` has it with
/// the same stamp. A file that cannot be read, or that a link puts outside
/// the site folder, gets hash 0 (the build that follows reports it).
pub fn inputs(root: &Path, known: &Inputs) -> Inputs {
    let mut paths = Vec::new();
    for dir in INPUT_DIRS {
        let walk = walkdir::WalkDir::new(root.join(dir)).follow_links(true);
        paths.extend(
            walk.into_iter()
                .flatten()
                .filter(|e| !e.file_type().is_dir()),
        );
    }
    // The listing reads folders only; the stat of each file is what costs,
    // so it is done in parallel.
    let found: Vec<(String, Stamp)> = paths
        .into_par_iter()
        .filter_map(|e| {
            let meta = e.metadata().ok().filter(|m| m.is_file())?;
            Some((relative(root, e.path())?, Stamp::of(&meta)))
        })
        .collect();
    found
        .into_par_iter()
        .map(|(rel, stamp)| {
            let hash = match known.get(&rel) {
                Some(k) if k.stamp == stamp => k.hash,
                // A link out of the site folder is not read; loading the
                // site reports it.
                _ if crate::load::inside::check(root, Path::new(&rel)).is_err() => 0,
                _ => std::fs::read(root.join(&rel)).map_or(0, |b| stable(&b)),
            };
            (rel, Input { stamp, hash })
        })
        .collect()
}

/// The output folder's files and links (but the marker every build
/// writes), by path: what a whole build would replace.
pub fn outputs(output: &Path) -> BTreeMap<String, Stamp> {
    let entries: Vec<walkdir::DirEntry> = walkdir::WalkDir::new(output)
        .into_iter()
        .flatten()
        .filter(|e| !e.file_type().is_dir())
        .collect();
    entries
        .into_par_iter()
        .filter_map(|e| {
            let rel = relative(output, e.path()).filter(|r| r != crate::output_rules::MARKER)?;
            Some((rel, Stamp::output(&e.metadata().ok()?)))
        })
        .collect()
}

/// `path` relative to `base`, with `/` between names.
fn relative(base: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(base).ok()?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_touched_file_is_hashed_again_and_keeps_its_hash() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("content/a.md");
        std::fs::create_dir_all(a.parent().unwrap()).unwrap();
        std::fs::write(&a, "one").unwrap();
        let first = inputs(dir.path(), &Inputs::new());
        assert_eq!(first["content/a.md"].hash, stable(b"one"));
        // A hash recorded for the same stamp is trusted without reading.
        let mut lying = first.clone();
        lying.get_mut("content/a.md").unwrap().hash = 7;
        assert_eq!(inputs(dir.path(), &lying)["content/a.md"].hash, 7);
        std::fs::write(&a, "two").unwrap();
        assert_eq!(
            inputs(dir.path(), &lying)["content/a.md"].hash,
            stable(b"two")
        );
    }

    #[test]
    fn a_link_out_of_the_site_is_not_read() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret"), "secret").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        std::fs::create_dir_all(&content).unwrap();
        std::fs::write(content.join("a.md"), "one").unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret"), content.join("out.md")).unwrap();
        std::os::unix::fs::symlink(content.join("a.md"), content.join("in.md")).unwrap();
        let found = inputs(dir.path(), &Inputs::new());
        assert_eq!(found["content/out.md"].hash, 0);
        assert_eq!(found["content/in.md"].hash, stable(b"one"));
    }

    #[test]
    fn outputs_leave_out_the_marker() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(crate::output_rules::MARKER), "m").unwrap();
        std::fs::create_dir(dir.path().join("a")).unwrap();
        std::fs::write(dir.path().join("a/index.html"), "x").unwrap();
        let found = outputs(dir.path());
        assert_eq!(found.keys().collect::<Vec<_>>(), ["a/index.html"]);
    }
}
