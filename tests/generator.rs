//! The benchmark corpus generator (examples/gen_site/): the same seed writes the
//! same bytes, its front matter is what SPEC §2 allows, and a 200-article site it
//! writes builds with the real binary, without errors or warnings.

#[path = "../examples/gen_site/mod.rs"]
mod gen_site;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use gen_site::{DirSink, MemSink, Options};
use trangtin::input::frontmatter;

fn small(seed: u64) -> Options {
    Options {
        articles: 60,
        charts: 40,
        datasets: 20,
        documents: 30,
        seed,
    }
}

/// The trangtin site and the Hugo site, in memory.
fn generate(opts: &Options) -> (BTreeMap<String, Vec<u8>>, BTreeMap<String, Vec<u8>>) {
    let (mut site, mut hugo) = (MemSink::default(), MemSink::default());
    gen_site::generate(opts, &mut site, Some(&mut hugo)).expect("writing to memory cannot fail");
    (site.0, hugo.0)
}

fn articles(files: &BTreeMap<String, Vec<u8>>, dir: &str) -> Vec<(String, String)> {
    files
        .iter()
        .filter(|(p, _)| p.starts_with(dir) && p.ends_with(".md"))
        .map(|(p, b)| {
            (
                p.clone(),
                String::from_utf8(b.clone()).expect("generated text is UTF-8"),
            )
        })
        .collect()
}

#[test]
fn same_seed_same_bytes_other_seed_other_text() {
    let (a, ha) = generate(&small(7));
    let (b, hb) = generate(&small(7));
    assert_eq!(a, b, "two runs with seed 7 wrote different trangtin sites");
    assert_eq!(ha, hb, "two runs with seed 7 wrote different Hugo sites");
    let (c, _) = generate(&small(8));
    let differ = articles(&a, "content/articles/")
        .iter()
        .zip(articles(&c, "content/articles/"))
        .filter(|(x, y)| x.1 != y.1)
        .count();
    assert!(
        differ > 50,
        "seed 8 should change nearly every article; {differ} of 60 differ"
    );
}

#[test]
fn random_streams_repeat_and_differ() {
    use gen_site::rng::Rng;
    assert_eq!(Rng::new(1, 2, 3).next(), Rng::new(1, 2, 3).next());
    assert_ne!(Rng::new(1, 2, 3).next(), Rng::new(1, 2, 4).next());
    assert_ne!(Rng::new(1, 2, 3).next(), Rng::new(2, 2, 3).next());
}

#[test]
fn writes_the_promised_shape() {
    let (site, hugo) = generate(&small(1));
    assert_eq!(articles(&site, "content/articles/").len(), 60);
    assert_eq!(articles(&hugo, "content/tin-tuc/").len(), 60);
    let count = |dir: &str| site.keys().filter(|p| p.starts_with(dir)).count();
    assert_eq!(count("content/charts/"), 40);
    assert_eq!(count("content/data/"), 20);
    assert_eq!(count("content/documents/"), 30);
    let orgs = String::from_utf8(site["content/organizations.yaml"].clone()).unwrap();
    assert_eq!(orgs.matches("\n- id: ").count(), 60, "60 organizations");
    let types: std::collections::BTreeSet<String> = site
        .iter()
        .filter(|(p, _)| p.starts_with("content/charts/"))
        .filter_map(|(_, b)| {
            String::from_utf8_lossy(b)
                .lines()
                .find_map(|l| l.strip_prefix("type: ").map(str::to_string))
        })
        .collect();
    assert_eq!(types.len(), 8, "all eight chart types, got {types:?}");
    for key in [
        "config.toml",
        "layouts/_default/single.html",
        "layouts/_default/list.html",
        "layouts/404.html",
    ] {
        assert!(hugo.contains_key(key), "the Hugo site lacks {key}");
    }
}

#[test]
fn front_matter_is_valid() {
    let (site, hugo) = generate(&small(3));
    for (path, text) in articles(&site, "content/articles/") {
        let p = Path::new(&path);
        let split = frontmatter::split(&text, p).unwrap_or_else(|e| panic!("{e}"));
        let fm = frontmatter::parse(&split, p).unwrap_or_else(|e| panic!("{e}"));
        let date = fm
            .date
            .as_deref()
            .unwrap_or_else(|| panic!("{path}: no date"));
        trangtin::text::date::parse(date).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(fm.title.is_some_and(|t| !t.is_empty()), "{path}: no title");
        let category = fm.category.unwrap_or_else(|| panic!("{path}: no category"));
        assert!(
            gen_site::names::CATEGORIES.contains(&category.as_str()),
            "{path}: category {category}"
        );
        assert!(
            (1..=6).contains(&fm.tags.len()),
            "{path}: {} tags",
            fm.tags.len()
        );
        assert!(
            split.body.split_whitespace().count() >= 300,
            "{path}: body under 300 words"
        );
    }
    for (path, text) in articles(&hugo, "content/tin-tuc/") {
        let yaml = text
            .split("---\n")
            .nth(1)
            .unwrap_or_else(|| panic!("{path}: no front matter"));
        let v: serde_yaml::Value =
            serde_yaml::from_str(yaml).unwrap_or_else(|e| panic!("{path}: {e}"));
        for key in ["title", "date", "slug", "categories", "tags"] {
            assert!(v.get(key).is_some(), "{path}: no {key}");
        }
        assert!(
            !text.contains("```chart") && !text.contains("```stats"),
            "{path}: trangtin blocks left in the Hugo body"
        );
    }
}

#[test]
fn a_generated_site_of_200_articles_builds() {
    let dir = tempfile::tempdir().unwrap();
    let opts = Options::new(200, 100, 1);
    gen_site::generate(&opts, &mut DirSink(dir.path().to_path_buf()), None).unwrap();
    let out = dir.path().join("out");
    let run = Command::new(env!("CARGO_BIN_EXE_trangtin"))
        .arg("build")
        .arg("--root")
        .arg(dir.path())
        .arg("--output")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "the build failed:\n{stderr}");
    assert!(
        !stderr.contains("warning"),
        "the generated site should build without warnings:\n{stderr}"
    );
    let published = std::fs::read_dir(dir.path().join("content/articles"))
        .unwrap()
        .flat_map(|year| std::fs::read_dir(year.unwrap().path()).unwrap())
        .filter(|f| {
            !std::fs::read_to_string(f.as_ref().unwrap().path())
                .unwrap()
                .contains("\ndraft: true\n")
        })
        .count();
    let pages = std::fs::read_dir(out.join("tin-tuc"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().join("index.html").is_file())
        .count();
    assert_eq!(
        pages, published,
        "one page per published article under tin-tuc/"
    );
    let svgs = std::fs::read_dir(out.join("bieu-do"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "svg")
        })
        .count();
    assert!(svgs >= 100, "every named chart drawn: {svgs} SVG files");
}
