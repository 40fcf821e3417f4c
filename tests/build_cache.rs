//! The build cache (`.trangtin-cache/build.cache`): after each kind of edit a
//! `build` that reuses the last one writes exactly what a fresh full build
//! writes (whole trees compared, search index included); with nothing
//! changed it writes nothing; output files changed by hand are made again; a
//! damaged cache or one of another version is named and not trusted.

mod common;
mod small_site;

use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use common::{diff_trees, list_files, Site};
use trangtin::build::{self, BuildOptions, CacheUse};

fn options(root: &Path, output: PathBuf) -> BuildOptions {
    BuildOptions {
        root: root.to_path_buf(),
        output,
        drafts: false,
        base_url: None,
        clock: None,
    }
}

/// A build that uses the cache; what it says it spared.
fn cached(root: &Path, out: &Path) -> CacheUse {
    let report = build::build_cached(&options(root, out.to_path_buf()), false, &|_| {})
        .unwrap_or_else(|e| panic!("{e:?}"));
    report.cache.expect("the cache is used")
}

/// What a fresh full build of the site at `root` writes.
fn fresh(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("fresh");
    build::build(&options(root, out.clone())).unwrap_or_else(|e| panic!("{e:?}"));
    list_files(&out)
}

fn same_as_fresh(root: &Path, out: &Path, after: &str) {
    if let Some(d) = diff_trees(&fresh(root), &list_files(out)) {
        panic!("after {after}, the cached build differs from a fresh build:\n{d}");
    }
}

/// Each file's modification time and inode: what "not written" means.
fn stamps(out: &Path) -> BTreeMap<String, (i64, i64, u64)> {
    list_files(out)
        .into_keys()
        .filter(|rel| rel != ".trangtin-output")
        .map(|rel| {
            let m = std::fs::metadata(out.join(&rel)).unwrap();
            (rel, (m.mtime(), m.mtime_nsec(), m.ino()))
        })
        .collect()
}

/// The front matter of `text` with the line `key: …` set to `value`.
fn set(text: &str, key: &str, value: &str) -> String {
    let end = text[4..].find("\n---\n").unwrap() + 4;
    let (front, rest) = text.split_at(end);
    let prefix = format!("{key}:");
    let mut lines: Vec<String> = front.lines().map(String::from).collect();
    match lines.iter().position(|l| l.starts_with(&prefix)) {
        Some(i) => lines[i] = format!("{key}: {value}"),
        None => lines.push(format!("{key}: {value}")),
    }
    format!("{}{rest}", lines.join("\n"))
}

/// One edit: its name and the files it changes (None: removed).
type Edit = (&'static str, Vec<(String, Option<String>)>);

/// The kinds of edit an editor makes, chosen on the site as generated.
fn edits(root: &Path) -> Vec<Edit> {
    let read = |rel: &str| std::fs::read_to_string(root.join(rel)).unwrap();
    let files = |dir: &str, ext: &str| -> Vec<String> {
        let mut v: Vec<String> = list_files(&root.join(dir))
            .into_keys()
            .filter(|p| p.ends_with(ext))
            .map(|p| format!("{dir}/{p}"))
            .collect();
        v.sort();
        v
    };
    let articles = files("content/articles", ".md");
    let (mid, other) = (&articles[articles.len() / 2], &articles[3]);
    let text = read(mid);
    let one = |what, rel: &String, t: String| (what, vec![(rel.clone(), Some(t))]);
    let date = read(other)
        .lines()
        .find_map(|l| l.strip_prefix("date: ").map(String::from))
        .unwrap();
    let category = read(other)
        .lines()
        .find_map(|l| l.strip_prefix("category: ").map(String::from))
        .unwrap();
    let dataset = &files("content/data", ".yaml")[0];
    let chart = &files("content/charts", ".yaml")[0];
    let site = "content/site.yaml".to_string();
    let orgs = "content/organizations.yaml".to_string();
    let svg = "content/media/minh-hoa/hinh-01.svg".to_string();
    let new = "content/articles/2024/bai-moi-them-vao.md".to_string();
    vec![
        one(
            "a title edit",
            mid,
            set(&text, "title", "\"Tiêu đề đã sửa\""),
        ),
        one(
            "a body edit",
            mid,
            format!("{text}\nMột đoạn văn mới thêm vào cuối bài.\n"),
        ),
        one("a date edit", mid, set(&text, "date", &date)),
        one("a category change", mid, set(&text, "category", &category)),
        one(
            "a new category",
            mid,
            set(&text, "category", "\"Chuyên mục mới\""),
        ),
        one(
            "a new keyword",
            mid,
            set(&text, "tags", "[\"Từ khóa mới thử\"]"),
        ),
        one(
            "an author edit",
            mid,
            set(&text, "author", "\"Người viết khác\""),
        ),
        one(
            "a slug edit",
            mid,
            set(&text, "slug", "dia-chi-moi-cua-bai"),
        ),
        one("made featured", mid, set(&text, "featured", "true")),
        one("made a draft", mid, set(&text, "draft", "true")),
        one(
            "taken down",
            mid,
            set(&set(&text, "date", "2001-01-01"), "expires", "2001-01-02"),
        ),
        ("an article deleted", vec![(mid.clone(), None)]),
        one(
            "an article added",
            &new,
            set(&set(&text, "title", "\"Bài mới\""), "slug", "bai-moi"),
        ),
        one(
            "the newest article's title",
            articles.last().unwrap(),
            set(
                &read(articles.last().unwrap()),
                "title",
                "\"Tin mới nhất đã sửa\"",
            ),
        ),
        one(
            "a dataset value",
            dataset,
            read(dataset).replacen(", value: ", ", value: 1", 1),
        ),
        one(
            "a chart's title",
            chart,
            read(chart).replacen("title: \"", "title: \"Sửa ", 1),
        ),
        one(
            "a menu item",
            &site,
            read(&site).replacen(
                "  main:\n",
                "  main:\n    - { name: Liên kết mới, url: \"https://example.vn/\" }\n",
                1,
            ),
        ),
        one(
            "an organization renamed",
            &orgs,
            read(&orgs).replacen("  name: \"", "  name: \"Sửa ", 1),
        ),
        one(
            "a picture replaced",
            &svg,
            read(&svg).replacen("</svg>", "<!-- sửa --></svg>", 1),
        ),
    ]
}

fn apply(root: &Path, changes: &[(String, Option<String>)]) {
    for (rel, text) in changes {
        let path = root.join(rel);
        match text {
            Some(t) => {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, t).unwrap();
            }
            None => std::fs::remove_file(&path).unwrap(),
        }
    }
}

#[test]
fn after_every_kind_of_edit_a_cached_build_writes_what_a_fresh_build_writes() {
    let (dir, root) = small_site::generated(11);
    let out = dir.path().join("output");
    cached(&root, &out);
    let original = fresh(&root);
    let list = edits(&root);
    assert!(list.len() >= 19, "every kind of edit is found");
    for (what, changes) in &list {
        let before: Vec<(String, Option<String>)> = changes
            .iter()
            .map(|(rel, _)| (rel.clone(), std::fs::read_to_string(root.join(rel)).ok()))
            .collect();
        let used = cached(&root, &out);
        assert!(used.unchanged, "before {what}, nothing changed");
        apply(&root, changes);
        let used = cached(&root, &out);
        assert!(!used.unchanged && used.written > 0, "{what}: {used:?}");
        same_as_fresh(&root, &out, what);
        // Undone: the site is the original again.
        for (rel, text) in &before {
            match text {
                Some(t) => std::fs::write(root.join(rel), t).unwrap(),
                None => std::fs::remove_file(root.join(rel)).unwrap(),
            }
        }
        cached(&root, &out);
        if let Some(d) = diff_trees(&original, &list_files(&out)) {
            panic!("after {what} undone, the cached build differs from a fresh build:\n{d}");
        }
    }
}

#[test]
fn a_title_edit_writes_only_the_files_that_show_it() {
    let (dir, root) = small_site::generated(11);
    let out = dir.path().join("output");
    cached(&root, &out);
    let stamped = stamps(&out);
    let (what, changes) = edits(&root).swap_remove(0);
    assert_eq!(what, "a title edit");
    apply(&root, &changes);
    let used = cached(&root, &out);
    same_as_fresh(&root, &out, what);
    let now = stamps(&out);
    let rewritten = now
        .iter()
        .filter(|(p, s)| stamped.get(*p) != Some(s))
        .count();
    assert_eq!(rewritten, used.written, "what it says it wrote");
    assert!(
        used.written * 10 < now.len(),
        "{} of {} files written",
        used.written,
        now.len()
    );
}

#[test]
fn a_title_edit_of_the_newest_article_renders_only_the_pages_that_show_it() {
    // The newest article is in the sidebar; only the home page and the
    // sidebar's own file show the sidebar, so the other pages are kept.
    let (dir, root) = small_site::generated(11);
    let out = dir.path().join("output");
    cached(&root, &out);
    let articles = root.join("content/articles");
    let date = |rel: &String| {
        let text = std::fs::read_to_string(articles.join(rel)).unwrap();
        text.lines()
            .find_map(|l| l.strip_prefix("date: ").map(String::from))
            .unwrap()
    };
    let newest = list_files(&articles)
        .into_keys()
        .max_by_key(|rel| date(rel))
        .unwrap();
    let path = articles.join(&newest);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, set(&text, "title", "Tiêu đề mới nhất đã sửa")).unwrap();
    let used = cached(&root, &out);
    same_as_fresh(&root, &out, "a title edit of the newest article");
    let pages = list_files(&out)
        .into_keys()
        .filter(|p| p.ends_with(".html"))
        .count();
    assert!(
        used.reused * 10 >= pages * 7,
        "{} of {pages} pages not rendered again",
        used.reused
    );
}

#[test]
fn nothing_changed_writes_nothing_and_hand_edits_to_the_output_are_undone() {
    let (dir, root) = small_site::generated(11);
    let out = dir.path().join("output");
    cached(&root, &out);
    let first = stamps(&out);
    assert_eq!(
        cached(&root, &out),
        CacheUse {
            unchanged: true,
            written: 0,
            removed: 0,
            reused: 0
        }
    );
    assert_eq!(stamps(&out), first, "no file of the output was written");
    // A file saved again unchanged rewrites nothing.
    let article = list_files(&root.join("content/articles"))
        .into_keys()
        .next()
        .unwrap();
    let path = root.join("content/articles").join(article);
    std::fs::write(&path, std::fs::read(&path).unwrap()).unwrap();
    let used = cached(&root, &out);
    assert_eq!((used.unchanged, used.written, used.removed), (false, 0, 0));
    assert_eq!(stamps(&out), first, "no file of the output was written");
    assert!(cached(&root, &out).unchanged);
    // Output files edited, deleted and added by hand.
    std::fs::write(out.join("index.html"), "sửa tay").unwrap();
    let page = first.keys().find(|p| p.starts_with("tin-tuc/")).unwrap();
    std::fs::remove_file(out.join(page)).unwrap();
    std::fs::write(out.join("extra.txt"), "thêm").unwrap();
    std::fs::create_dir_all(out.join("them/vao")).unwrap();
    std::fs::write(out.join("them/vao/a.html"), "thêm").unwrap();
    std::os::unix::fs::symlink("/etc/hostname", out.join("lien-ket")).unwrap();
    let used = cached(&root, &out);
    assert_eq!((used.unchanged, used.written), (false, 2));
    same_as_fresh(&root, &out, "output files edited by hand");
    assert!(!out.join("them").exists(), "a folder added by hand goes");
    assert!(
        std::fs::symlink_metadata(out.join("lien-ket")).is_err(),
        "a link added by hand goes, as a whole build would remove it"
    );
}

/// The minimal fixture built once through the binary, with its cache.
fn built_minimal() -> Site {
    let site = Site::new("minimal");
    site.build(&[]).ok();
    site
}

fn cache_file(site: &Site) -> PathBuf {
    site.root.join(".trangtin-cache/build.cache")
}

#[test]
fn the_summary_says_nothing_changed() {
    let site = built_minimal();
    let run = site.build(&[]).ok();
    assert!(
        run.stdout
            .contains("nothing changed since the last build: no file written"),
        "{}",
        run.stdout
    );
    let run = site.build(&["--lang", "vi"]).ok();
    assert!(run
        .stdout
        .contains("không có gì thay đổi từ lần dựng trước"));
}

#[test]
fn a_damaged_cache_is_named_and_not_trusted() {
    let site = built_minimal();
    let text = std::fs::read_to_string(cache_file(&site)).unwrap();
    // One fact changed without its checksum: a page said to be unchanged.
    let damaged = text.replacen("\"hash\":", "\"hash\":1", 1);
    std::fs::write(cache_file(&site), damaged).unwrap();
    std::fs::write(site.output().join("index.html"), "sửa tay").unwrap();
    let run = site.build(&[]).ok();
    assert!(
        run.stderr.contains(
            "warning: .trangtin-cache/build.cache: the cache of the last build is damaged, so it was not used"
        ),
        "{}",
        run.stderr
    );
    same_as_fresh(&site.root, &site.output(), "a damaged cache");
    // Made anew: the next build uses it without a word.
    let run = site.build(&[]).ok();
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    assert!(run.stdout.contains("nothing changed"));
}

#[test]
fn a_cache_of_another_version_is_named_and_not_trusted() {
    let site = built_minimal();
    let text = std::fs::read_to_string(cache_file(&site)).unwrap();
    let version = format!("version {}", env!("CARGO_PKG_VERSION"));
    std::fs::write(
        cache_file(&site),
        text.replacen(&version, "version 0.0.1", 1),
    )
    .unwrap();
    std::fs::write(site.output().join("index.html"), "sửa tay").unwrap();
    let run = site.build(&[]).ok();
    assert!(
        run.stderr.contains(
            "the cache of the last build was made by trangtin 0.0.1 (format 1), so it was not used"
        ),
        "{}",
        run.stderr
    );
    same_as_fresh(&site.root, &site.output(), "a cache of another version");
}

#[test]
fn fresh_ignores_the_cache_and_writes_every_file() {
    let site = built_minimal();
    let files = stamps(&site.output()).len();
    let first = stamps(&site.output());
    let run = site.build(&["--fresh"]).ok();
    assert!(
        run.stdout.contains(&format!(
            "{files} files written (new or changed), 0 removed"
        )),
        "{}",
        run.stdout
    );
    let now = stamps(&site.output());
    assert!(
        first.iter().all(|(p, s)| now.get(p) != Some(s)),
        "every file is new"
    );
    // And records this build: the next one has nothing to do.
    assert!(site.build(&[]).ok().stdout.contains("nothing changed"));
}
