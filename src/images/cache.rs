//! `.trangtin-cache/photos/` beside content/: the versions made of each photo,
//! one folder per source and settings, so a rebuild decodes only new photos.
//!
//! A photo's key is a hash of its bytes and of the settings; `index.json`
//! remembers the hash of each source by size and modification time, and
//! what was made of it, so an unchanged photo costs one `stat`: it is not
//! read again, nor is its entry's meta.json.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::process::Meta;
use super::settings::ImageSettings;

/// The cache folder's name, beside content/.
pub const DIR: &str = ".trangtin-cache";
/// Changes when the pipeline makes different files from the same settings.
const VERSION: &str = "photos-1";

/// What the index knows of a source: its size and time when last seen, the
/// hash of its bytes then, and what was made of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Known {
    len: u64,
    modified_ns: u128,
    hash: String,
    #[serde(default)]
    meta: Option<Meta>,
}

/// The cache of one site.
pub struct Cache {
    dir: PathBuf,
    index: BTreeMap<String, Known>,
    settings: String,
    /// The entries on disk when opened: one listing instead of a look per photo.
    entries: BTreeSet<String>,
}

/// A photo found in the cache, or its bytes to make it from.
pub enum Lookup {
    Hit { key: String, meta: Meta },
    Miss { key: String, bytes: Vec<u8> },
}

/// A photo seen by this build: its path under content/, its key and what the
/// index keeps of it.
pub type Seen = (String, String, Known);

impl Cache {
    pub fn open(root: &Path, settings: &ImageSettings) -> Cache {
        let dir = root.join(DIR).join("photos");
        let index = fs::read(dir.join("index.json"))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        let text = serde_json::to_string(settings).unwrap_or_default();
        let settings = hex(&Sha256::digest(format!("{VERSION}{text}")))[..8].to_string();
        let entries = fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        Cache {
            dir,
            index,
            settings,
            entries,
        }
    }

    /// Finds `abs` (`rel` under content/, `file` its metadata) in the cache;
    /// reads it only when its size or time changed or it was never seen.
    pub fn lookup(&self, rel: &str, abs: &Path, file: &fs::Metadata) -> std::io::Result<Lookup> {
        let (len, modified_ns) = (file.len(), modified(file));
        if let Some(k) = self
            .index
            .get(rel)
            .filter(|k| k.len == len && k.modified_ns == modified_ns)
        {
            let key = format!("{}{}", k.hash, self.settings);
            let meta = k.meta.clone().or_else(|| self.meta(&key));
            if let Some(meta) = meta.filter(|_| self.entries.contains(&key)) {
                return Ok(Lookup::Hit { key, meta });
            }
        }
        let bytes = fs::read(abs)?;
        let key = format!("{}{}", source_hash(&bytes), self.settings);
        match self.meta(&key) {
            Some(meta) => Ok(Lookup::Hit { key, meta }),
            None => Ok(Lookup::Miss { key, bytes }),
        }
    }

    /// What the index keeps of a photo found or made now.
    pub fn known(&self, key: &str, file: &fs::Metadata, meta: &Meta) -> Known {
        Known {
            len: file.len(),
            modified_ns: modified(file),
            hash: key[..key.len() - self.settings.len()].to_string(),
            meta: Some(meta.clone()),
        }
    }

    fn meta(&self, key: &str) -> Option<Meta> {
        let b = fs::read(self.dir.join(key).join("meta.json")).ok()?;
        serde_json::from_slice(&b).ok()
    }

    /// Where a made file of the photo `key` is.
    pub fn file(&self, key: &str, name: &str) -> PathBuf {
        self.dir.join(key).join(name)
    }

    /// Keeps what was made of a photo. The folder is filled beside its place
    /// and renamed into it, so a stopped build never leaves half an entry.
    pub fn store(
        &self,
        key: &str,
        meta: &Meta,
        files: &[(String, Vec<u8>)],
    ) -> std::io::Result<()> {
        let tmp = self.dir.join(format!("{key}.tmp{}", std::process::id()));
        let _ = fs::remove_dir_all(&tmp);
        fs::create_dir_all(&tmp)?;
        for (name, bytes) in files {
            fs::write(tmp.join(name), bytes)?;
        }
        fs::write(
            tmp.join("meta.json"),
            serde_json::to_vec(meta).unwrap_or_default(),
        )?;
        let _ = fs::remove_dir_all(self.dir.join(key));
        fs::rename(&tmp, self.dir.join(key))
    }

    /// Writes the index of the photos seen now, when it changed, and removes
    /// the entries no photo uses any more: only folders named like a key,
    /// which this cache made.
    pub fn finish(&self, seen: Vec<Seen>) -> std::io::Result<usize> {
        let keep: BTreeSet<String> = seen.iter().map(|(_, k, _)| k.clone()).collect();
        let index: BTreeMap<String, Known> = seen.into_iter().map(|(r, _, k)| (r, k)).collect();
        if index != self.index {
            fs::create_dir_all(&self.dir)?;
            let tmp = self
                .dir
                .join(format!(".index.json.tmp{}", std::process::id()));
            fs::write(&tmp, serde_json::to_vec(&index).unwrap_or_default())?;
            fs::rename(&tmp, self.dir.join("index.json"))?;
        }
        let mut pruned = 0;
        // Entries made by this build are not in the listing of `open`.
        for name in &self.entries {
            let ours = name.len() == 24 && name.bytes().all(|b| b.is_ascii_hexdigit());
            let stale_tmp = name.get(24..).is_some_and(|t| t.starts_with(".tmp"));
            if (ours && !keep.contains(name.as_str())) || stale_tmp {
                fs::remove_dir_all(self.dir.join(name))?;
                pruned += 1;
            }
        }
        Ok(pruned)
    }
}

fn modified(m: &fs::Metadata) -> u128 {
    m.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos())
}

fn source_hash(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))[..16].to_string()
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}
