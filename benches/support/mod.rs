//! What the benchmarks share: their settings from the environment, a scratch
//! folder on tmpfs, and medians.
#![allow(dead_code)]

use std::path::Path;
use std::time::Duration;

/// The number in environment variable `name`, or `default`.
pub fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A scratch folder named `<prefix>…`, on tmpfs (/dev/shm) when there is one so
/// the disk does not time the builds; removed when dropped.
pub fn scratch(prefix: &str) -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    let base = if shm.is_dir() {
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    };
    tempfile::Builder::new()
        .prefix(prefix)
        .tempdir_in(base)
        .expect("a scratch folder")
}

pub fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}
