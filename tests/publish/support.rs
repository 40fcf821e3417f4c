//! Helpers of the publish tests: a copy of the minimal fixture, the real binary,
//! and snapshots of folder trees to compare.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const MANIFEST: &str = ".trangtin-manifest";

/// A temporary folder holding `site/` (a copy of tests/fixtures/minimal).
pub struct Site {
    pub tmp: tempfile::TempDir,
    pub root: PathBuf,
}

impl Site {
    pub fn minimal() -> Site {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        copy_tree(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal"),
            &root,
        );
        Site { tmp, root }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.tmp.path().join(rel)
    }

    pub fn output(&self) -> PathBuf {
        self.root.join("output")
    }

    /// Runs `trangtin <args>` on this site.
    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_trangtin"));
        cmd.args(["--lang", "en", "--message-format", "short"])
            .args(args)
            .arg("--root")
            .arg(&self.root)
            .current_dir(self.tmp.path());
        cmd
    }

    /// `trangtin publish --to <to> <more>`; panics with its output when it fails.
    pub fn publish(&self, to: &str, more: &[&str]) -> String {
        self.publish_with(to, more, &[])
    }

    /// [`Site::publish`] with extra environment variables.
    pub fn publish_with(&self, to: &str, more: &[&str], env: &[(&str, &str)]) -> String {
        let mut args = vec!["publish", "--to", to];
        args.extend(more);
        let out = self
            .command(&args)
            .envs(env.iter().copied())
            .output()
            .unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.status.success(), "publish {more:?} failed:\n{text}");
        text
    }

    /// Changes the body of one article: its page, listings and feeds change.
    pub fn edit_article(&self, words: &str) {
        let path = self.root.join("content/articles/da-nang.md");
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, format!("{text}\n{words}\n")).unwrap();
    }

    pub fn write(&self, rel: &str, bytes: &[u8]) {
        let path = self.root.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
}

pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every file under `dir` (following a top-level symlink) → its bytes.
/// The build's marker `.trangtin-output` is left out: publish never sends it.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .follow_root_links(true)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .filter(|e| !(e.depth() == 1 && e.file_name() == ".trangtin-output"))
        .map(|e| (rel(dir, e.path()), fs::read(e.path()).unwrap()))
        .collect()
}

/// Every file under `dir` → its inode, to see which files were hard-linked.
pub fn inodes(dir: &Path) -> BTreeMap<String, u64> {
    walkdir::WalkDir::new(dir)
        .follow_root_links(true)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| (rel(dir, e.path()), e.metadata().unwrap().ino()))
        .collect()
}

fn rel(dir: &Path, path: &Path) -> String {
    path.strip_prefix(dir)
        .unwrap()
        .to_str()
        .unwrap()
        .to_string()
}

/// `tree` without the manifest and the redirects' server settings beside it:
/// the site's own files.
pub fn site_files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut t = tree(dir);
    t.retain(|p, _| !p.starts_with(".trangtin-"));
    t
}

/// Paths whose bytes differ between two trees, or that only one has.
pub fn differing(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>) -> BTreeSet<String> {
    a.keys()
        .chain(b.keys())
        .filter(|k| a.get(*k) != b.get(*k))
        .cloned()
        .collect()
}

/// The counts of the summary line: added, changed, deleted, unchanged.
pub fn counts(report: &str) -> [usize; 4] {
    let line = report
        .lines()
        .find(|l| l.contains(" added, "))
        .unwrap_or_else(|| panic!("no summary in:\n{report}"));
    let start = line[..line.find(" added, ").unwrap()].rfind(' ').unwrap() + 1;
    let words: Vec<&str> = line[start..]
        .split([' ', ',', ';'])
        .filter(|w| !w.is_empty())
        .collect();
    let num = |i: usize| -> usize { words[i].parse().unwrap() };
    assert_eq!(
        [words[1], words[3], words[5], words[7]],
        ["added", "changed", "deleted", "unchanged"],
        "{line}"
    );
    [num(0), num(2), num(4), num(6)]
}

/// The files a report lists with `mark` (`+`, `~` or `-`).
pub fn listed(report: &str, mark: &str) -> BTreeSet<String> {
    let prefix = format!("  {mark} ");
    report
        .lines()
        .filter_map(|l| l.strip_prefix(prefix.as_str()))
        .map(|l| l.rsplit_once("  (").unwrap().0.to_string())
        .collect()
}

/// Bytes that look random, so neither compression nor rsync's delta helps.
pub fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    (0..len / 8)
        .flat_map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x.to_le_bytes()
        })
        .collect()
}

/// The `sent` figure of a summary line, in bytes as printed (`14.6 kB` → 14600).
pub fn sent(report: &str) -> f64 {
    let line = report
        .lines()
        .find(|l| l.contains(" sent in ") || l.contains(" copied in "))
        .unwrap();
    let words: Vec<&str> = line.split(' ').collect();
    let i = words
        .iter()
        .position(|w| *w == "sent" || *w == "copied")
        .unwrap();
    let n: f64 = words[i - 2].trim_start_matches(';').parse().unwrap();
    n * match words[i - 1] {
        "B" => 1.0,
        "kB" => 1e3,
        "MB" => 1e6,
        _ => 1e9,
    }
}

/// Kills a child and everything it started (its process group).
pub fn kill_group(pid: u32) {
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{pid}")])
        .status();
}
