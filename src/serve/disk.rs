//! The served output folder, as `serve` last wrote it: only files whose bytes
//! changed are written again.

use std::collections::HashMap;
use std::hash::Hasher;
use std::path::PathBuf;

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::hash::{stable, Stable};
use crate::output::{Content, OutputFile};

pub struct Disk {
    /// The site folder, for the rules on which output may be replaced.
    pub root: PathBuf,
    pub output: PathBuf,
    /// What is on disk now: output path → length and hash of its bytes.
    written: HashMap<String, (usize, u64)>,
}

impl Disk {
    pub fn new(root: PathBuf, output: PathBuf) -> Self {
        Disk {
            root,
            output,
            written: HashMap::new(),
        }
    }

    /// Writes the files of `files` whose bytes changed; removes the files written
    /// before that are neither in `files` nor kept by `keep`. The first time,
    /// the whole folder is replaced. Returns how many files changed.
    pub fn sync(
        &mut self,
        files: &[OutputFile],
        keep: impl Fn(&str) -> bool,
    ) -> Result<usize, Diagnostic> {
        let now: Vec<(usize, u64)> = files.par_iter().map(fingerprint).collect();
        if self.written.is_empty() {
            crate::write::write(&self.root, &self.output, files)?;
            self.written = files.iter().map(|f| f.path.clone()).zip(now).collect();
            return Ok(files.len());
        }
        let made: HashMap<&str, (usize, u64)> = files
            .iter()
            .map(|f| f.path.as_str())
            .zip(now.iter().copied())
            .collect();
        let changing = files
            .iter()
            .zip(&now)
            .filter(|(f, n)| self.written.get(&f.path) != Some(n))
            .count();
        let keeps_any = self
            .written
            .keys()
            .any(|k| !made.contains_key(k.as_str()) && keep(k));
        if changing * 2 > files.len() && !keeps_any {
            // Most files changed (a template edit): one swap of the whole
            // folder is quicker than a rename per file.
            crate::write::write(&self.root, &self.output, files)?;
            self.written = made.into_iter().map(|(p, n)| (p.to_string(), n)).collect();
            return Ok(changing);
        }
        let changed: Vec<OutputFile> = files
            .iter()
            .zip(&now)
            .filter(|(f, n)| self.written.get(&f.path) != Some(n))
            .map(|(f, _)| f.clone())
            .collect();
        let removed: Vec<String> = self
            .written
            .keys()
            .filter(|k| !made.contains_key(k.as_str()) && !keep(k))
            .cloned()
            .collect();
        let now = made.into_iter().map(|(p, n)| (p.to_string(), n));
        self.update(&changed, &removed, now)
    }

    /// Writes the files of `files` whose bytes changed and removes `removed`,
    /// leaving every other file as it is: for a quick rebuild, which knows
    /// what it changed. Returns how many files changed.
    pub fn patch(
        &mut self,
        files: Vec<OutputFile>,
        removed: &[String],
    ) -> Result<usize, Diagnostic> {
        let now: Vec<(usize, u64)> = files.par_iter().map(fingerprint).collect();
        let (changed, same): (Vec<_>, Vec<_>) = files
            .into_iter()
            .zip(now)
            .partition(|(f, n)| self.written.get(&f.path) != Some(n));
        let removed: Vec<String> = removed
            .iter()
            .filter(|r| self.written.contains_key(*r))
            .cloned()
            .collect();
        let (changed, now): (Vec<OutputFile>, Vec<(usize, u64)>) = changed.into_iter().unzip();
        let paths = changed.iter().map(|f| f.path.clone());
        let now = paths
            .zip(now)
            .chain(same.into_iter().map(|(f, n)| (f.path, n)));
        self.update(&changed, &removed, now)
    }

    /// Writes `changed`, removes `removed` and remembers `now` (path and
    /// fingerprint of each file written or still right). Returns how many
    /// files changed.
    fn update(
        &mut self,
        changed: &[OutputFile],
        removed: &[String],
        now: impl Iterator<Item = (String, (usize, u64))>,
    ) -> Result<usize, Diagnostic> {
        if let Err(e) = crate::write::update(&self.output, changed, removed) {
            // The disk no longer matches what we remember: replace it all next time.
            self.written.clear();
            return Err(e);
        }
        for r in removed {
            self.written.remove(r);
        }
        self.written.extend(now);
        Ok(changed.len() + removed.len())
    }
}

/// Length and hash of a file's bytes; a copied file by its source's size and time.
fn fingerprint(f: &OutputFile) -> (usize, u64) {
    match &f.content {
        Content::Bytes(b) => (b.len(), stable(b)),
        Content::Copy(from) | Content::Link(from) => {
            let meta = std::fs::metadata(from).ok();
            let len = meta.as_ref().map_or(0, |m| m.len() as usize);
            let time = meta
                .and_then(|m| m.modified().ok())
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos() as u64);
            (
                len,
                Stable::new()
                    .str(&from.to_string_lossy())
                    .num(time)
                    .finish(),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_only_what_changed_and_removes_what_is_gone() {
        let dir = tempfile::tempdir().unwrap();
        let mut disk = Disk::new(dir.path().to_path_buf(), dir.path().join("out"));
        let a = |t: &str| OutputFile::bytes("a.html", t.as_bytes().to_vec());
        let b = OutputFile::bytes("b.html", b"b".to_vec());
        assert_eq!(disk.sync(&[a("1"), b.clone()], |_| false).unwrap(), 2);
        assert_eq!(disk.sync(&[a("1"), b.clone()], |_| false).unwrap(), 0);
        assert_eq!(
            disk.sync(&[a("2")], |p| p == "b.html").unwrap(),
            1,
            "b is kept"
        );
        assert!(dir.path().join("out/b.html").exists());
        assert_eq!(disk.sync(&[a("2")], |_| false).unwrap(), 1, "b is removed");
        assert!(!dir.path().join("out/b.html").exists());
        assert_eq!(
            std::fs::read_to_string(dir.path().join("out/a.html")).unwrap(),
            "2"
        );
    }
}
