//! What a render makes, and where it goes: each file of the built site is an
//! [`OutputFile`], handed to a [`Sink`] as soon as it is made.
//!
//! `render` knows only the [`Sink`] trait. The build's sink is the staging
//! folder (`write::Staging`), which writes each file at once, so a large site
//! never sits in memory whole; `check`, `serve` and tests use [`Memory`], which
//! keeps the files. This module is a leaf: it names nothing of trangtin but
//! `diagnostic`.

use std::path::PathBuf;
use std::sync::Mutex;

use rayon::prelude::*;

use crate::diagnostic::{partition, Diagnostic, Diagnostics};

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Relative to the output folder, with `/`: `tin-tuc/a/index.html`.
    pub path: String,
    pub content: Content,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    Bytes(Vec<u8>),
    /// A file copied as it is (media, documents), read only when written.
    Copy(PathBuf),
    /// A file of trangtin's own cache (a photo's web version), never changed
    /// once made: published by a hard link where the file system allows, so
    /// its bytes are not copied again at each build.
    Link(PathBuf),
}

impl OutputFile {
    pub fn bytes(path: impl Into<String>, bytes: Vec<u8>) -> Self {
        OutputFile {
            path: path.into(),
            content: Content::Bytes(bytes),
        }
    }

    /// The bytes of a made file; empty for a copied one.
    pub fn made(&self) -> &[u8] {
        match &self.content {
            Content::Bytes(b) => b,
            Content::Copy(_) | Content::Link(_) => &[],
        }
    }
}

/// Where made files go. Called from many threads at once, in no set order:
/// what a sink keeps must not depend on the order of `put`s.
pub trait Sink: Sync {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic>;
}

/// Puts `files` into `sink` in parallel; returns their paths, in order.
pub fn put_all(sink: &dyn Sink, files: Vec<OutputFile>) -> Result<Vec<String>, Diagnostics> {
    let results: Vec<Result<String, Diagnostics>> = files
        .into_par_iter()
        .map(|f| {
            let path = f.path.clone();
            sink.put(f).map(|()| path).map_err(Diagnostics::from)
        })
        .collect();
    let (paths, errors) = partition(results);
    errors.into_result(paths)
}

/// A sink that keeps every file in memory.
#[derive(Default)]
pub struct Memory {
    files: Mutex<Vec<OutputFile>>,
}

impl Memory {
    /// The files put, sorted by path.
    pub fn into_files(self) -> Vec<OutputFile> {
        let mut files = self.files.into_inner().unwrap_or_else(|e| e.into_inner());
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }
}

impl Sink for Memory {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        // A panic in another put cannot leave the list half-pushed.
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        files.push(file);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_keeps_every_file_sorted_by_path() {
        let sink = Memory::default();
        let files = vec![
            OutputFile::bytes("b.html", b"b".to_vec()),
            OutputFile::bytes("a/index.html", b"a".to_vec()),
            OutputFile {
                path: "m.pdf".into(),
                content: Content::Copy(PathBuf::from("content/m.pdf")),
            },
        ];
        let paths = put_all(&sink, files).unwrap();
        assert_eq!(paths, ["b.html", "a/index.html", "m.pdf"]);
        let kept = sink.into_files();
        let kept: Vec<(&str, &[u8])> = kept.iter().map(|f| (f.path.as_str(), f.made())).collect();
        assert_eq!(
            kept,
            [
                ("a/index.html", &b"a"[..]),
                ("b.html", b"b"),
                ("m.pdf", b"")
            ]
        );
    }
}
