//! Shared helpers of the integration tests: build a fixture site with the real
//! binary in a temporary folder and read what it wrote.
//!
//! Each `tests/*.rs` file is its own crate and uses only part of this module.
#![allow(dead_code)]

pub mod tree;
pub mod weight;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// `tests/fixtures/<name>` in this crate.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A copy of a fixture site in a temporary folder, removed when dropped.
pub struct Site {
    tmp: tempfile::TempDir,
    /// The site folder (holds content/ and maybe themes/).
    pub root: PathBuf,
}

impl Site {
    /// Copies `tests/fixtures/<name>` to `<tmp>/site`.
    pub fn new(name: &str) -> Site {
        let tmp = tempfile::tempdir().expect("a temporary folder");
        let root = tmp.path().join("site");
        copy_tree(&fixture(name), &root);
        Site { tmp, root }
    }

    /// A copy of the sample site (content/ at the crate root, with its photo
    /// cache so the photos are not made again) in a temporary folder.
    pub fn sample() -> Site {
        let tmp = tempfile::tempdir().expect("a temporary folder");
        let root = tmp.path().join("site");
        let crate_root = Path::new(env!("CARGO_MANIFEST_DIR"));
        copy_tree(&crate_root.join("content"), &root.join("content"));
        let cache = crate_root.join(".trangtin-cache");
        if cache.is_dir() {
            copy_tree(&cache, &root.join(".trangtin-cache"));
        }
        Site { tmp, root }
    }

    /// The temporary folder that holds the site (and the default output).
    pub fn dir(&self) -> &Path {
        self.tmp.path()
    }

    /// Where `build` writes unless told otherwise: `<tmp>/output`, beside the site.
    pub fn output(&self) -> PathBuf {
        self.tmp.path().join("output")
    }

    /// Copies every file of `dir` over the site, except `expected.txt` and
    /// `DELETE` at its top; then removes each path listed in `DELETE` (one path
    /// relative to the site a line; `#` starts a comment).
    pub fn overlay(&self, dir: &Path) -> &Self {
        for (rel, _) in list_files(dir) {
            if rel.starts_with("expected") && rel.ends_with(".txt") || rel == "DELETE" {
                continue;
            }
            let to = self.root.join(&rel);
            fs::create_dir_all(to.parent().expect("a parent")).expect("create folder");
            fs::copy(dir.join(&rel), &to).unwrap_or_else(|e| panic!("copy {rel}: {e}"));
        }
        if let Ok(list) = fs::read_to_string(dir.join("DELETE")) {
            for line in list
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
            {
                let p = self.root.join(line);
                let gone = if p.is_dir() {
                    fs::remove_dir_all(&p)
                } else {
                    fs::remove_file(&p)
                };
                gone.unwrap_or_else(|e| panic!("DELETE {line} in {}: {e}", dir.display()));
            }
        }
        self
    }

    /// Writes (or replaces) a file of the site.
    pub fn write(&self, rel: &str, content: impl AsRef<[u8]>) -> &Self {
        let p = self.root.join(rel);
        fs::create_dir_all(p.parent().expect("a parent")).expect("create folder");
        fs::write(&p, content).unwrap_or_else(|e| panic!("write {rel}: {e}"));
        self
    }

    /// Reads a file of the site as text.
    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.root.join(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
    }

    /// Rewrites a file of the site with `f`; panics if `f` changed nothing, so a
    /// fixture edit cannot silently stop applying.
    pub fn edit(&self, rel: &str, f: impl FnOnce(&str) -> String) -> &Self {
        let old = self.read(rel);
        let new = f(&old);
        assert_ne!(old, new, "the edit of {rel} changed nothing");
        self.write(rel, new)
    }

    pub fn remove(&self, rel: &str) -> &Self {
        fs::remove_file(self.root.join(rel)).unwrap_or_else(|e| panic!("remove {rel}: {e}"));
        self
    }

    /// `trangtin build --root <site> --output <tmp>/output` plus `extra`.
    pub fn build(&self, extra: &[&str]) -> Run {
        self.run("build", &self.output(), extra, &[])
    }

    /// `trangtin check --root <site>` plus `extra`.
    pub fn check(&self, extra: &[&str]) -> Run {
        self.run("check", &self.output(), extra, &[])
    }

    /// Runs `trangtin <command> --root <site> --output <output> <extra…>` with
    /// extra environment variables.
    pub fn run(&self, command: &str, output: &Path, extra: &[&str], env: &[(&str, &str)]) -> Run {
        self.run_via(&[], command, output, extra, env)
    }

    /// [`Site::run`] through another program (`wrapper` is its command line,
    /// given the binary's after it), such as one that drops privileges.
    pub fn run_via(
        &self,
        wrapper: &[&str],
        command: &str,
        output: &Path,
        extra: &[&str],
        env: &[(&str, &str)],
    ) -> Run {
        let bin = env!("CARGO_BIN_EXE_trangtin");
        let mut cmd = match wrapper {
            [] => Command::new(bin),
            [program, args @ ..] => {
                let mut c = Command::new(program);
                c.args(args).arg(bin);
                c
            }
        };
        cmd.arg(command)
            .arg("--root")
            .arg(&self.root)
            .arg("--output")
            .arg(output)
            .args(extra)
            .args(plain_messages(extra));
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd
            .output()
            .unwrap_or_else(|e| panic!("run {wrapper:?} trangtin: {e}"));
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            output: output.to_path_buf(),
        }
    }
}

/// Tests read messages as one English line each unless they ask otherwise:
/// `--lang en --message-format short`, leaving out what `extra` already sets.
pub fn plain_messages(extra: &[&str]) -> Vec<&'static str> {
    let mut args = Vec::new();
    if !extra.iter().any(|a| a.starts_with("--lang")) {
        args.extend(["--lang", "en"]);
    }
    if !extra.iter().any(|a| a.starts_with("--message-format")) {
        args.extend(["--message-format", "short"]);
    }
    args
}

/// What one run of the binary did.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    /// The output folder it was given.
    pub output: PathBuf,
}

impl Run {
    /// Panics with everything the binary printed unless it exited with 0.
    pub fn ok(self) -> Run {
        assert_eq!(
            self.code, 0,
            "trangtin failed\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// A written file as text; panics naming it when it is missing.
    pub fn read(&self, rel: &str) -> String {
        let p = self.output.join(rel.trim_start_matches('/'));
        fs::read_to_string(&p).unwrap_or_else(|e| panic!("output file {rel}: {e}"))
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.output.join(rel.trim_start_matches('/')).exists()
    }

    /// The HTML page at a site path: `/tin-moi/` → `tin-moi/index.html`.
    pub fn page(&self, url: &str) -> String {
        self.read(&page_file(url))
    }

    /// The `<main>` of the page at `url`.
    pub fn main(&self, url: &str) -> String {
        main_of(&self.page(url)).to_string()
    }

    /// Every written file, by path relative to the output with `/`.
    pub fn files(&self) -> BTreeMap<String, Vec<u8>> {
        list_files(&self.output)
    }

    /// Written files whose path ends with `suffix`, as text.
    pub fn texts(&self, suffix: &str) -> Vec<(String, String)> {
        self.files()
            .into_iter()
            .filter(|(p, _)| p.ends_with(suffix))
            .map(|(p, b)| (p, String::from_utf8(b).expect("UTF-8 output")))
            .collect()
    }
}

/// `/a/b/` → `a/b/index.html`; `/x.xml` → `x.xml`.
pub fn page_file(url: &str) -> String {
    let rel = url.trim_start_matches('/');
    if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    }
}

/// The text between `<main` and `</main>` (the part of a page that is its own,
/// not the theme's header and footer).
pub fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("the page has a <main>");
    let end = html[start..]
        .find("</main>")
        .expect("the page has a </main>")
        + start;
    &html[start..end + "</main>".len()]
}

/// Values of every `href="…"` and `src="…"` attribute, unescaped.
pub fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in [" href=\"", " src=\""] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            let end = rest.find('"').unwrap_or(rest.len());
            out.push(rest[..end].replace("&amp;", "&"));
            rest = &rest[end..];
        }
    }
    out
}

/// The text with tags removed and runs of white space made one space: what a
/// reader sees, for assertions that should not depend on markup. Inline tags
/// (`<a>`, `<time>` …) vanish; other tags separate words.
pub fn text_of(html: &str) -> String {
    const INLINE: &[&str] = &[
        "a", "abbr", "b", "em", "i", "small", "span", "strong", "time",
    ];
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let end = rest[i..].find('>').map_or(rest.len(), |e| i + e + 1);
        let tag = &rest[i + 1..end.saturating_sub(1).max(i + 1)];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if !INLINE.contains(&name.to_ascii_lowercase().as_str()) {
            out.push(' ');
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every file under `dir` (relative path with `/` → bytes), in path order.
pub fn list_files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries {
        let p = e.expect("a folder entry").path();
        if p.is_dir() {
            walk(base, &p, out);
        } else {
            let rel = p.strip_prefix(base).expect("under base");
            let rel: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.insert(rel.join("/"), fs::read(&p).expect("read file"));
        }
    }
}

/// Copies a folder tree (files only; folders are made as needed).
pub fn copy_tree(from: &Path, to: &Path) {
    assert!(from.is_dir(), "no fixture folder {}", from.display());
    for (rel, bytes) in list_files(from) {
        let p = to.join(&rel);
        fs::create_dir_all(p.parent().expect("a parent")).expect("create folder");
        fs::write(&p, bytes).expect("write copy");
    }
}

/// Names in `dir` other than `keep`: temporary or backup folders a build left.
pub fn leftovers(dir: &Path, keep: &[&str]) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|r| {
            r.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.retain(|n| !keep.contains(&n.as_str()));
    names.sort();
    names
}

/// A short description of how two trees of files differ, or None when equal.
pub fn diff_trees(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>) -> Option<String> {
    let mut lines = Vec::new();
    for (p, bytes) in a {
        match b.get(p) {
            None => lines.push(format!("only in the first: {p}")),
            Some(other) if other != bytes => {
                lines.push(format!("differs: {p}{}", first_difference(bytes, other)))
            }
            _ => {}
        }
    }
    for p in b.keys().filter(|p| !a.contains_key(*p)) {
        lines.push(format!("only in the second: {p}"));
    }
    (!lines.is_empty()).then(|| lines.join("\n"))
}

fn first_difference(a: &[u8], b: &[u8]) -> String {
    let i = a
        .iter()
        .zip(b)
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()));
    let around = |s: &[u8]| {
        String::from_utf8_lossy(&s[i.saturating_sub(40)..(i + 40).min(s.len())]).into_owned()
    };
    format!(" at byte {i}:\n    {:?}\n    {:?}", around(a), around(b))
}

/// `GET target` from a server on 127.0.0.1:`port`, as a browser asks for a
/// page (one connection per request): the status, the head and the body.
pub fn http_get(port: u16, target: &str) -> (u16, String, Vec<u8>) {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connects");
    s.set_read_timeout(Some(std::time::Duration::from_secs(30)))
        .unwrap();
    write!(
        s,
        "GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("an answer");
    let at = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a head and a body");
    let head = String::from_utf8_lossy(&raw[..at]).into_owned();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .expect("a status");
    (status, head, raw[at + 4..].to_vec())
}
