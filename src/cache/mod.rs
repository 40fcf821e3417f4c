//! The build cache: `.trangtin-cache/build.cache` beside content/, the record
//! of the last `build` (what it read, what it wrote, and the page fingerprints
//! of [`crate::render::memo`]), so the next `build` redoes only what changed.
//!
//! The file starts with four lines: a title, the format number, the version
//! of trangtin that wrote it and a checksum of the rest (JSON). A file that
//! does not pass them is never trusted: the build says so and builds in
//! full. Every fact in it is checked against the disk before use: inputs by
//! stamp and hash ([`stamps`]), output files by stamp, so an output file
//! edited or deleted by hand is made again.

pub mod sink;
pub mod stamps;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::diagnostic::msg::Cache as Say;
use crate::diagnostic::Diagnostic;
use crate::hash::{stable, FxHashMap, Stable};
use stamps::{Inputs, Stamp};

/// Changes when the record's layout or meaning changes.
pub const FORMAT: u32 = 1;
const TITLE: &str = "trangtin build cache";
/// The record's file, under the photo cache's folder.
pub const FILE: &str = "build.cache";

/// A file the last build wrote: its stamp on disk, and the length and hash
/// of what was meant to be in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Written {
    pub stamp: Stamp,
    pub len: u64,
    pub hash: u64,
}

/// What the summary line of a build says.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub pages: usize,
    pub files: usize,
    pub charts: usize,
    pub photos: usize,
}

/// The record of the last build.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Record {
    /// Of the options and binary that made it ([`options_key`]).
    pub options: u64,
    pub inputs: Inputs,
    /// The output's files, by path.
    pub outputs: BTreeMap<String, Written>,
    /// Page fingerprints ([`crate::render::memo::Memo::pages`]).
    pub pages: FxHashMap<String, u64>,
    /// Until when (Unix seconds) the clock changes nothing: the next midnight,
    /// the next article due or taken down. None with a fixed `--clock`.
    pub valid_until: Option<i64>,
    pub summary: Summary,
    /// Articles held back: how many, and when the first is due
    /// (`YYYY-MM-DDTHH:MM:SS`, and whether a time was written).
    pub pending: (usize, Option<(String, bool)>),
    /// False when the build had warnings: the next build runs to say them again.
    pub quiet: bool,
}

/// The cache file of the site at `root`.
pub fn path(root: &Path) -> PathBuf {
    root.join(crate::images::cache::DIR).join(FILE)
}

/// The fingerprint of what, besides the inputs, decides the output: the
/// binary, the build options and the output folder.
pub fn options_key(
    drafts: bool,
    base_url: Option<&str>,
    clock: Option<String>,
    output: &Path,
) -> u64 {
    let exe = std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| Stamp::output(&m))
        .ok();
    let mut h = Stable::new();
    h.num(u64::from(FORMAT))
        .str(env!("CARGO_PKG_VERSION"))
        .str(&format!("{exe:?}"))
        .num(u64::from(drafts))
        .str(&format!("{base_url:?}"))
        .str(&format!("{clock:?}"))
        .str(&output.to_string_lossy());
    std::hash::Hasher::finish(&h)
}

/// The record at `root`: None when there is none; with a warning when there
/// is one that cannot be trusted.
pub fn read(root: &Path) -> (Option<Record>, Option<Diagnostic>) {
    let file = path(root);
    let Ok(bytes) = std::fs::read(&file) else {
        return (None, None);
    };
    let shown = Path::new(crate::images::cache::DIR).join(FILE);
    match parse(&bytes) {
        Ok(r) => (Some(r), None),
        Err(kind) => (None, Some(Diagnostic::new(shown, kind).warning())),
    }
}

fn parse(bytes: &[u8]) -> Result<Record, Say> {
    let mut lines = bytes.splitn(5, |b| *b == b'\n');
    let mut line = || std::str::from_utf8(lines.next()?).ok();
    let (title, format, version, sum) = (line(), line(), line(), line());
    if title != Some(TITLE) {
        return Err(Say::Damaged);
    }
    let format = format.and_then(|f| f.strip_prefix("format "));
    let version = version.and_then(|v| v.strip_prefix("version "));
    let (Some(format), Some(version)) = (format, version) else {
        return Err(Say::Damaged);
    };
    if format != FORMAT.to_string() || version != env!("CARGO_PKG_VERSION") {
        let made_by = format!("{version} (format {format})");
        return Err(Say::OtherVersion { made_by });
    }
    let body = lines.next().unwrap_or_default();
    let sum = sum.and_then(|s| s.strip_prefix("checksum "));
    if sum != Some(format!("{:016x}", stable(body)).as_str()) {
        return Err(Say::Damaged);
    }
    serde_json::from_slice(body).map_err(|_| Say::Damaged)
}

/// Writes `record` through a temporary file and a rename, so a build killed
/// meanwhile leaves the old record or the new one, never half of one.
pub fn save(root: &Path, record: &Record) -> std::io::Result<()> {
    let file = path(root);
    let dir = file.parent().unwrap_or(root);
    std::fs::create_dir_all(dir)?;
    let body = serde_json::to_vec(record).map_err(std::io::Error::other)?;
    let tmp = dir.join(format!(".{FILE}.tmp-{}", std::process::id()));
    let mut f = std::fs::File::create(&tmp)?;
    write!(
        f,
        "{TITLE}\nformat {FORMAT}\nversion {}\nchecksum {:016x}\n",
        env!("CARGO_PKG_VERSION"),
        stable(&body)
    )?;
    f.write_all(&body)?;
    drop(f);
    std::fs::rename(&tmp, &file)
}

/// Removes the record, so the next build trusts nothing of the last one.
pub fn forget(root: &Path) {
    let _ = std::fs::remove_file(path(root));
}

impl Record {
    /// Whether a build now would write exactly what is in `output` already:
    /// the same options, inputs and output files, and the clock still before
    /// anything it decides changes.
    pub fn unchanged(
        &self,
        options: u64,
        inputs: &Inputs,
        on_disk: &BTreeMap<String, Stamp>,
        now: i64,
    ) -> bool {
        self.quiet
            && self.options == options
            && self.valid_until.is_none_or(|t| now < t)
            && same_inputs(&self.inputs, inputs)
            && self.outputs.len() == on_disk.len()
            && self
                .outputs
                .iter()
                .zip(on_disk)
                .all(|((p, w), (q, s))| p == q && w.stamp == *s)
    }

    /// The files of the last build still on disk as it wrote them.
    pub fn still_written(&self, on_disk: &BTreeMap<String, Stamp>) -> BTreeMap<String, Written> {
        self.outputs
            .iter()
            .filter(|(p, w)| on_disk.get(*p) == Some(&w.stamp))
            .map(|(p, w)| (p.clone(), *w))
            .collect()
    }
}

/// The record of each file of a new output: the stamp it had in the last
/// output when carried over, else its stamp now (a file gone since is left
/// out, so the next build writes it).
pub fn written(output: &Path, made: Vec<sink::Made>) -> BTreeMap<String, Written> {
    use rayon::prelude::*;
    made.into_par_iter()
        .filter_map(|m| {
            let stamp = match m.kept {
                Some(s) => s,
                None => Stamp::output(&std::fs::metadata(output.join(&m.path)).ok()?),
            };
            let (len, hash) = (m.len, m.hash);
            Some((m.path, Written { stamp, len, hash }))
        })
        .collect()
}

/// Same files, untouched. A file saved again with the same bytes makes a
/// build that rewrites nothing but the output's marker, so that the output
/// is newer than its sources again (`publish --no-build` checks it).
fn same_inputs(a: &Inputs, b: &Inputs) -> bool {
    a == b
}

/// The input files that differ between `a` and `b`: changed, added or gone.
pub fn changed_inputs<'a>(a: &'a Inputs, b: &'a Inputs) -> Vec<&'a str> {
    let mut out: Vec<&str> = a
        .iter()
        .filter(|(p, x)| b.get(*p).is_none_or(|y| y.hash != x.hash))
        .map(|(p, _)| p.as_str())
        .collect();
    out.extend(b.keys().filter(|p| !a.contains_key(*p)).map(String::as_str));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> Record {
        let mut r = Record {
            options: 3,
            quiet: true,
            ..Record::default()
        };
        r.pages.insert("a/index.html".into(), 9);
        r
    }

    #[test]
    fn a_saved_record_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        save(dir.path(), &record()).unwrap();
        let (r, warning) = read(dir.path());
        assert!(warning.is_none());
        assert_eq!(r.unwrap().pages["a/index.html"], 9);
    }

    #[test]
    fn a_changed_byte_or_another_version_is_not_trusted() {
        let dir = tempfile::tempdir().unwrap();
        save(dir.path(), &record()).unwrap();
        let file = path(dir.path());
        let good = std::fs::read(&file).unwrap();
        let mut bad = good.clone();
        let last = bad.len() - 3;
        bad[last] ^= 1;
        std::fs::write(&file, &bad).unwrap();
        let (r, w) = read(dir.path());
        assert!(r.is_none());
        assert_eq!(w.unwrap().kind, Say::Damaged.into());
        let text = String::from_utf8(good).unwrap();
        let old = text.replacen(
            &format!("version {}", env!("CARGO_PKG_VERSION")),
            "version 0.0.1",
            1,
        );
        std::fs::write(&file, old).unwrap();
        let (r, w) = read(dir.path());
        assert!(r.is_none());
        let made_by = format!("0.0.1 (format {FORMAT})");
        assert_eq!(w.unwrap().kind, Say::OtherVersion { made_by }.into());
        std::fs::write(&file, "").unwrap();
        assert_eq!(read(dir.path()).1.unwrap().kind, Say::Damaged.into());
    }

    #[test]
    fn changed_inputs_name_changed_added_and_gone_files() {
        let input = |hash| stamps::Input {
            stamp: Stamp(0, 0, 0, 0),
            hash,
        };
        let a: Inputs = [("x".into(), input(1)), ("y".into(), input(2))].into();
        let b: Inputs = [
            ("x".into(), input(1)),
            ("y".into(), input(3)),
            ("z".into(), input(4)),
        ]
        .into();
        let mut changed = changed_inputs(&a, &b);
        changed.sort();
        assert_eq!(changed, ["y", "z"]);
    }
}
