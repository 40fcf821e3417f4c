//! The modules of `src/` form layers, and imports run one way: a module may
//! name modules below it (`use crate::…` or a `crate::…::` path) and never one
//! above. The order is the pipeline's (load files → a content model → render →
//! write), with what every stage shares at the bottom and the commands on top.
//!
//! `charts` sits below `model`, beside the other libraries the model checks
//! content with (`markdown`, `images`): a chart is a spec and datasets in,
//! numbers and SVG out, and it knows nothing of the site. The model resolves
//! chart blocks with it (a cross-file check) and keeps the numbers; render
//! draws them with it. The datasets both read are in `input`, below both.
//!
//! What `load` returns as written (datasets, organizations, documents, people)
//! is in `input` too, so no import runs the wrong way.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Bottom first. Modules on one line are one layer and may not name each other.
const LAYERS: &[&[&str]] = &[
    &["text", "hash"],
    &["diagnostic", "progress"],
    &["yaml", "markdown", "images", "output", "output_rules"],
    &["input"],
    &["config"],
    &["load"],
    &["theme"],
    &["charts"],
    &["model"],
    &["render"],
    &["search"],
    &["links", "write"],
    &["cache"],
    &["build"],
    &["publish", "scaffold", "fix"],
    &["serve"],
    &["cli"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// The source files of a module: the file itself, or every `.rs` file under
/// its folder but those of its `tests/` folders.
fn files_of(path: &Path) -> Vec<PathBuf> {
    if !path.is_dir() {
        return vec![path.to_path_buf()];
    }
    let mut files = Vec::new();
    for entry in fs::read_dir(path).expect("read a source folder") {
        let p = entry.expect("entry").path();
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n != "tests") {
                files.extend(files_of(&p));
            }
        } else if p.extension().is_some_and(|e| e == "rs") {
            files.push(p);
        }
    }
    files
}

/// Every `crate::<module>` that `text` (a file of module `top`) names outside
/// its tests, with the line where it first does.
fn imports(text: &str, top: &str) -> BTreeMap<String, usize> {
    let mut found = BTreeMap::new();
    for (i, line) in code_lines(text) {
        for (at, _) in line.match_indices("crate::") {
            let name: String = line[at + 7..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if name != top && !name.is_empty() {
                found.entry(name).or_insert(i + 1);
            }
        }
    }
    found
}

/// The lines of a file that are code outside tests: comments dropped, and the
/// item after `#[cfg(test)]` (one line, or a `{ … }` block) skipped.
fn code_lines(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut lines = text.lines().enumerate();
    while let Some((i, line)) = lines.next() {
        let line = line.trim_start();
        if line.starts_with("//") {
            continue;
        }
        if line.starts_with("#[cfg(test)]") {
            let mut depth = 0i32;
            for (_, l) in lines.by_ref() {
                depth += l.matches('{').count() as i32 - l.matches('}').count() as i32;
                if depth <= 0 && !l.trim().is_empty() && !l.trim_start().starts_with("#[") {
                    break;
                }
            }
            continue;
        }
        out.push((i, line));
    }
    out
}

#[test]
fn imports_run_down_the_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = BTreeMap::new();
    for entry in fs::read_dir(&src).expect("read src") {
        let path = entry.expect("entry").path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        // src/scaffold/ holds the sample site's files, not code.
        if name == "lib" || name == "main" || (name == "scaffold" && path.is_dir()) {
            continue;
        }
        assert!(
            layer_of(&name).is_some(),
            "src/{name} is in no layer; add it to LAYERS in tests/layers.rs"
        );
        for file in files_of(&path) {
            let text = fs::read_to_string(&file).expect("read a source file");
            for (to, line) in imports(&text, &name) {
                found
                    .entry((name.clone(), to))
                    .or_insert_with(|| format!("{}:{line}", file.display()));
            }
        }
    }
    let mut wrong = Vec::new();
    for ((from, to), at) in &found {
        let (Some(a), Some(b)) = (layer_of(from), layer_of(to)) else {
            continue;
        };
        if b >= a {
            wrong.push(format!(
                "{at}: `{from}` names `{to}`, which is not below it"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The check itself catches a backward import (so it cannot pass vacuously).
#[test]
fn a_backward_import_is_caught() {
    let text = "#[cfg(test)]\nmod tests;\nuse crate::cli::main;\nfn f() { crate::text::slug::slug(\"x\"); }\n// crate::serve in a comment\n#[cfg(test)]\nmod t {\n    use crate::serve;\n}\nuse crate::write;\n";
    let found = imports(text, "text");
    let names: Vec<&str> = found.keys().map(String::as_str).collect();
    assert_eq!(names, ["cli", "write"], "not itself, a comment or a test");
    assert!(layer_of("cli") > layer_of("text"));
}
