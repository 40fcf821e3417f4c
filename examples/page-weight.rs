//! Weighs the pages of a built site: bytes outside each page's own content, by
//! page kind (docs/performance.md, "Page weight", says what is counted).
//!
//! `cargo run --example page-weight -- OUTPUT_DIR`
//!
//! Prints, per kind, the number of pages and the median and largest of: the
//! whole page, the chrome (all but `<main>`), outside the article (all but the
//! article's own element; the chrome elsewhere), and their gzip sizes.

#[path = "../tests/common/weight.rs"]
mod weight;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: page-weight OUTPUT_DIR");
        return ExitCode::from(2);
    };
    let mut by_kind: BTreeMap<String, Vec<weight::Weight>> = BTreeMap::new();
    for path in html_files(&dir) {
        let Ok(html) = std::fs::read_to_string(&path) else {
            eprintln!("cannot read {}", path.display());
            return ExitCode::from(1);
        };
        by_kind
            .entry(weight::kind(&html).to_string())
            .or_default()
            .push(weight::weigh(&html));
    }
    println!(
        "{:<12} {:>5} {:>8} {:>8} {:>8} {:>9} {:>9} {:>8} {:>8}",
        "kind", "pages", "total", "chrome", "max", "outside", "max", "chr.gz", "out.gz"
    );
    for (kind, ws) in &by_kind {
        let med = |f: fn(&weight::Weight) -> usize| median(ws.iter().map(f).collect());
        let max = |f: fn(&weight::Weight) -> usize| ws.iter().map(f).max().unwrap_or(0);
        println!(
            "{:<12} {:>5} {:>8} {:>8} {:>8} {:>9} {:>9} {:>8} {:>8}",
            kind,
            ws.len(),
            med(|w| w.total),
            med(|w| w.chrome),
            max(|w| w.chrome),
            med(|w| w.outside_article),
            max(|w| w.outside_article),
            med(|w| w.chrome_gzip),
            med(|w| w.outside_article_gzip),
        );
    }
    ExitCode::SUCCESS
}

fn median(mut v: Vec<usize>) -> usize {
    v.sort_unstable();
    v.get(v.len() / 2).copied().unwrap_or(0)
}

/// Every `.html` file under `dir`, in path order.
fn html_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "html") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}
