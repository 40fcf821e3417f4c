//! A generated site of 60 articles with 3 per listing page, so listings have
//! many pages and an edit moves articles across them: the site the tests of
//! quick (`serve`) and cached (`build`) rebuilds edit.

#[path = "../../examples/gen_site/mod.rs"]
mod gen_site;

use std::path::PathBuf;

/// The site in `<dir>/site`; the folder also holds the outputs.
pub fn generated(seed: u64) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    let opts = gen_site::Options {
        articles: 60,
        charts: 8,
        datasets: 6,
        documents: 12,
        seed,
    };
    gen_site::generate(&opts, &mut gen_site::DirSink(root.clone()), None).unwrap();
    let yaml = root.join("content/site.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(&yaml, text.replace("page_size: 10", "page_size: 3")).unwrap();
    (dir, root)
}
