//! The sink of a build that has the last build's output: a file whose bytes
//! are those already on disk is not written again (it stays, with its time
//! and inode); the others are staged and moved into the output once every
//! page is made ([`crate::write::Staging::apply_in_place`]), so a build that
//! fails leaves the previous site as it was.

use std::collections::BTreeMap;
use std::hash::Hasher;
use std::sync::Mutex;

use super::stamps::Stamp;
use super::Written;
use crate::diagnostic::Diagnostic;
use crate::hash::{stable, Stable};
use crate::output::{Content, OutputFile, Sink};
use crate::write::Staging;

/// One file of the new output.
#[derive(Debug, Clone)]
pub struct Made {
    pub path: String,
    pub len: u64,
    pub hash: u64,
    /// Its stamp when carried from the last output; None when written now.
    pub kept: Option<Stamp>,
}

pub struct Apply<'a> {
    staging: &'a Staging,
    /// The last build's files still on disk as it wrote them.
    before: &'a BTreeMap<String, Written>,
    made: Mutex<Vec<Made>>,
}

impl<'a> Apply<'a> {
    pub fn new(staging: &'a Staging, before: &'a BTreeMap<String, Written>) -> Self {
        Apply {
            staging,
            before,
            made: Mutex::default(),
        }
    }

    /// Every file of the new output, sorted by path: those put, and `kept`
    /// (pages not rendered again, as the memo found them unchanged).
    pub fn finish(self, kept: &[String]) -> Result<Vec<Made>, Diagnostic> {
        let mut made = self.made.into_inner().unwrap_or_else(|e| e.into_inner());
        for path in kept {
            // The memo holds only pages still on disk as written (see
            // `build`); one that is not would be missing, so it is an error.
            let Some(w) = self.before.get(path) else {
                let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
                return Err(Diagnostic::io(std::path::Path::new(path), &missing));
            };
            made.push(Made {
                path: path.clone(),
                len: w.len,
                hash: w.hash,
                kept: Some(w.stamp),
            });
        }
        made.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(made)
    }
}

impl Sink for Apply<'_> {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        let (len, hash) = fingerprint(&file);
        let same = self
            .before
            .get(&file.path)
            .filter(|w| w.len == len && w.hash == hash);
        let made = Made {
            path: file.path.clone(),
            len,
            hash,
            kept: same.map(|w| w.stamp),
        };
        if same.is_none() {
            self.staging.put(file)?;
        }
        self.made
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(made);
        Ok(())
    }
}

/// Length and hash of a file's bytes; a copied file by its source's stamp;
/// a linked one by its path alone: a file of the photo cache is named by
/// the hash of what made it and never changes (see [`Content::Link`]), so
/// it costs no `stat`. Its length is not known; 0 stands for it.
fn fingerprint(f: &OutputFile) -> (u64, u64) {
    match &f.content {
        Content::Bytes(b) => (b.len() as u64, stable(b)),
        Content::Link(from) => (
            0,
            Stable::new()
                .str("link")
                .str(&from.to_string_lossy())
                .finish(),
        ),
        Content::Copy(from) => {
            let stamp = std::fs::metadata(from).ok().map(|m| Stamp::of(&m));
            let len = stamp.map_or(0, |s| s.0);
            let hash = Stable::new()
                .str(&from.to_string_lossy())
                .str(&format!("{stamp:?}"))
                .finish();
            (len, hash)
        }
    }
}
