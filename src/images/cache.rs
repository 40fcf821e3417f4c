//! `.trangtin-cache/photos/` beside content/: the versions made of each photo,
//! one folder per source and settings, so a rebuild decodes only new photos.
//!
//! A photo's key is a hash of its bytes and of the settings; `index.json`
//! remembers the hash of each source by size and modification time, so an
//! unchanged photo is not even read again.

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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Known {
    len: u64,
    modified_ns: u128,
    hash: String,
}

/// The cache of one site.
pub struct Cache {
    dir: PathBuf,
    index: BTreeMap<String, Known>,
    settings: String,
}

/// A photo found in the cache, or its bytes to make it from.
pub enum Lookup {
    Hit { key: String, meta: Meta },
    Miss { key: String, bytes: Vec<u8> },
}

impl Cache {
    pub fn open(root: &Path, settings: &ImageSettings) -> Cache {
        let dir = root.join(DIR).join("photos");
        let index = fs::read(dir.join("index.json"))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        let text = serde_json::to_string(settings).unwrap_or_default();
        let settings = hex(&Sha256::digest(format!("{VERSION}{text}")))[..8].to_string();
        Cache {
            dir,
            index,
            settings,
        }
    }

    /// Finds `abs` (`rel` under content/) in the cache; reads it only when
    /// its size or time changed or it was never seen.
    pub fn lookup(&self, rel: &str, abs: &Path, len: u64) -> std::io::Result<Lookup> {
        let modified_ns = modified(abs);
        if let Some(k) = self
            .index
            .get(rel)
            .filter(|k| k.len == len && k.modified_ns == modified_ns)
        {
            let key = format!("{}{}", k.hash, self.settings);
            if let Some(meta) = self.meta(&key) {
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

    /// Writes the index of the photos seen now (`rel`, file, key) and removes
    /// the entries no photo uses any more: only folders named like a key,
    /// which this cache made.
    pub fn finish(&self, seen: &[(String, PathBuf, String)]) -> std::io::Result<usize> {
        let mut index = BTreeMap::new();
        for (rel, abs, key) in seen {
            if let Ok(m) = fs::metadata(abs) {
                let known = Known {
                    len: m.len(),
                    modified_ns: modified(abs),
                    hash: key[..key.len() - self.settings.len()].to_string(),
                };
                index.insert(rel.clone(), known);
            }
        }
        fs::create_dir_all(&self.dir)?;
        fs::write(
            self.dir.join("index.json"),
            serde_json::to_vec(&index).unwrap_or_default(),
        )?;
        let keep: BTreeSet<&str> = seen.iter().map(|(_, _, k)| k.as_str()).collect();
        let mut pruned = 0;
        for e in fs::read_dir(&self.dir)?.flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            let ours = name.len() == 24 && name.bytes().all(|b| b.is_ascii_hexdigit());
            let stale_tmp = name.len() > 24 && name[24..].starts_with(".tmp");
            if (ours && !keep.contains(name.as_str())) || stale_tmp {
                fs::remove_dir_all(e.path())?;
                pruned += 1;
            }
        }
        Ok(pruned)
    }
}

fn modified(p: &Path) -> u128 {
    fs::metadata(p)
        .and_then(|m| m.modified())
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
