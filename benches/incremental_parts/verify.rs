//! BENCH_VERIFY for benches/incremental.rs: the folder `serve` wrote is
//! what a full build of the same content writes, file by file.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use trangtin::build::{self, BuildOptions};
use trangtin::serve::session::Session;

/// Every file under `dir`, relative, with its length and hash.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (usize, u64)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).expect("a folder") {
            let p = e.expect("an entry").path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let bytes = fs::read(&p).expect("a file");
                let key = trangtin::hash::stable(&bytes);
                out.insert(
                    p.strip_prefix(dir).unwrap().to_path_buf(),
                    (bytes.len(), key),
                );
            }
        }
    }
    out
}

/// BENCH_VERIFY: the folder served after the edits is what a full build of
/// the same content writes.
pub fn verify(session: &mut Session, root: &Path, served: &Path, fresh: &Path) {
    session.refresh_search();
    build::build(&BuildOptions {
        root: root.to_path_buf(),
        output: fresh.to_path_buf(),
        drafts: false,
        base_url: Some("http://127.0.0.1:1111/".into()),
        clock: None,
    })
    .expect("the generated site builds");
    let (got, want) = (snapshot(served), snapshot(fresh));
    let differ: Vec<&PathBuf> = want
        .keys()
        .chain(got.keys())
        .filter(|k| got.get(*k) != want.get(*k))
        .collect();
    assert!(
        differ.is_empty(),
        "served files differ from a full build: {differ:?}"
    );
    println!(
        "verified: the {} served files are a full build's",
        got.len()
    );
}
