//! Every byte under a folder, to show that a refused command touched nothing.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use sha2::{Digest, Sha256};

/// Path → what is there: `file <sha256>`, `link -> <target>` or `folder`,
/// never following links, so a link out of the folder is recorded, not read.
pub fn snapshot(dir: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    add(dir, dir, &mut out);
    out
}

fn add(base: &Path, dir: &Path, out: &mut BTreeMap<String, String>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| e.expect("an entry").path())
        .collect();
    entries.sort();
    for p in entries {
        let rel = p
            .strip_prefix(base)
            .expect("under base")
            .display()
            .to_string();
        let meta = fs::symlink_metadata(&p).expect("metadata");
        let what = if meta.file_type().is_symlink() {
            format!("link -> {}", fs::read_link(&p).expect("a link").display())
        } else if meta.is_dir() {
            add(base, &p, out);
            "folder".to_string()
        } else {
            let bytes = fs::read(&p).expect("read file");
            format!("file {:x}", Sha256::digest(&bytes))
        };
        out.insert(rel, what);
    }
}

/// Panics naming the first path that differs between two snapshots.
pub fn assert_same(before: &BTreeMap<String, String>, after: &BTreeMap<String, String>) {
    for (p, what) in before {
        assert_eq!(after.get(p), Some(what), "`{p}` changed or is gone");
    }
    // The photo cache is trangtin's own (never published, never read as
    // content): a build may fill it before another file stops the build.
    let cache = |p: &str| p.split('/').any(|part| part == ".trangtin-cache");
    for p in after.keys().filter(|p| !cache(p)) {
        assert!(before.contains_key(p), "`{p}` appeared");
    }
}
