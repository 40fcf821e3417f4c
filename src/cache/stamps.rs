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
    let found: Vec<(String, Stamp)> = INPUT_DIRS
        .par_iter()
        .flat_map(|dir| files_below(&root.join(dir), dir, true, &[]))
        .filter(|(_, meta)| meta.is_file())
        .map(|(rel, meta)| (rel, Stamp::of(&meta)))
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
    files_below(output, "", false, &[])
        .into_iter()
        .filter(|(rel, _)| rel != crate::output_rules::MARKER)
        .map(|(rel, meta)| (rel, Stamp::output(&meta)))
        .collect()
}

/// Every file below `dir`, and every link when links are not followed, with
/// its metadata and its path `rel/…` (with `/`). Each `stat` goes through
/// its folder's open handle (std's `DirEntry::metadata`), cheaper than
/// looking up the whole path again (`walkdir` does that), and folders are
/// walked in parallel. `inside`: the folders (device, inode) above, so that
/// a followed link back to one of them is not walked round for ever.
fn files_below(
    dir: &Path,
    rel: &str,
    follow: bool,
    inside: &[(u64, u64)],
) -> Vec<(String, Metadata)> {
    use std::os::unix::fs::MetadataExt;
    let Ok(list) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files = Vec::new();
    let mut dirs = Vec::new();
    for e in list.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        let rel = if rel.is_empty() {
            name.into_owned()
        } else {
            format!("{rel}/{name}")
        };
        let Ok(kind) = e.file_type() else { continue };
        let meta = match (kind.is_symlink() && follow, kind.is_dir()) {
            (true, _) => std::fs::metadata(e.path()),
            (false, true) => {
                dirs.push((e.path(), rel));
                continue;
            }
            (false, false) => e.metadata(),
        };
        match meta {
            Ok(m) if m.is_dir() => dirs.push((e.path(), rel)),
            Ok(m) => files.push((rel, m)),
            Err(_) => {}
        }
    }
    let below: Vec<Vec<(String, Metadata)>> = dirs
        .into_par_iter()
        .map(|(path, rel)| {
            if !follow {
                return files_below(&path, &rel, false, &[]);
            }
            let Ok(m) = std::fs::metadata(&path) else {
                return Vec::new();
            };
            let id = (m.dev(), m.ino());
            if inside.contains(&id) {
                return Vec::new();
            }
            let mut above = inside.to_vec();
            above.push(id);
            files_below(&path, &rel, true, &above)
        })
        .collect();
    files.extend(below.into_iter().flatten());
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_walk_lists_every_file_and_a_link_round_to_a_folder_above_ends() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content/articles/2024")).unwrap();
        std::fs::write(root.join("content/articles/2024/a.md"), "a").unwrap();
        std::fs::write(root.join("content/site.yaml"), "s").unwrap();
        std::os::unix::fs::symlink(root.join("content"), root.join("content/articles/vong"))
            .unwrap();
        let found = inputs(root, &Inputs::default());
        assert!(found.contains_key("content/articles/2024/a.md"));
        assert!(found.contains_key("content/site.yaml"));
        assert!(found.len() < 10, "{found:?}");
        let out = root.join("output");
        std::fs::create_dir_all(out.join("tin-tuc/a")).unwrap();
        std::fs::write(out.join("tin-tuc/a/index.html"), "x").unwrap();
        std::fs::write(out.join(crate::output_rules::MARKER), "m").unwrap();
        std::os::unix::fs::symlink("/etc/hostname", out.join("lien-ket")).unwrap();
        let listed: Vec<String> = outputs(&out).into_keys().collect();
        assert_eq!(listed, ["lien-ket", "tin-tuc/a/index.html"]);
    }

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
