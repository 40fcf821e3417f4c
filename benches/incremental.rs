//! How long `serve` takes from an editor's save to the changed page on disk, on
//! a generated site (examples/gen_site/), against a full build.
//!
//! `cargo bench --bench incremental` (10,000 articles, 1,000 charts).
//! BENCH_ARTICLES, BENCH_CHARTS and BENCH_RUNS change the size and the number of
//! edits. Medians are printed for:
//! - a full `build` (load, check, render, write everything);
//! - edits of one article in the middle of the site, through `Session::apply`
//!   as `serve` calls it: its body; its title (its card changes on listings and
//!   neighbours; generated articles have a `slug:`, so the address stays); its
//!   date (it moves in the order); its category; its keywords (a new one each
//!   time, so a keyword is made and the last one removed);
//! - the search index made after the body edits (serve makes it once the
//!   editor pauses, after the pages are on disk);
//! - the body edit and the title edit end to end: file saved → watcher →
//!   rebuild → the new text readable in the output file (includes the
//!   watcher's 30 ms quiet time);
//! - a template edit (every article page changes: a full rebuild).
//!
//! With BENCH_VERIFY set, the folder served after the article edits is compared
//! with a full build of the same content, file by file.

#[path = "support/mod.rs"]
mod support;

#[path = "../examples/gen_site/mod.rs"]
mod gen_site;
#[path = "incremental_parts/verify.rs"]
mod verify;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use support::{env_or, median, scratch};
use trangtin::build::{self, BuildOptions};
use trangtin::serve::session::{Quick, ServeOptions, Session};
use trangtin::serve::watch::Watcher;

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// The `k`th text of an article edited again and again.
type Edit<'a> = Box<dyn Fn(usize) -> String + 'a>;

/// The article edited: its source, its text, and where its page is written.
struct Target {
    rel: PathBuf,
    original: String,
    page: PathBuf,
}

/// The article in the middle of the list (not a featured one: the sidebar
/// of every page shows those), and where its page is written.
fn middle_article(root: &Path) -> Target {
    let (mut all, _) = trangtin::load::files_under(root, "articles", &["md"]);
    all.sort();
    let read = |rel: &PathBuf| {
        trangtin::load::read_markdown(root, rel)
            .expect("readable")
            .expect("an article")
    };
    let rel = all[all.len() / 2..]
        .iter()
        .find(|rel| !read(rel).front.featured)
        .expect("an article not featured")
        .clone();
    let f = read(&rel);
    let slug = trangtin::text::slug::slugify(
        f.front
            .slug
            .as_deref()
            .or(f.front.title.as_deref())
            .unwrap_or_default(),
    );
    Target {
        original: fs::read_to_string(root.join(&rel)).expect("the article"),
        rel,
        page: PathBuf::from(format!("tin-tuc/{slug}/index.html")),
    }
}

/// The front matter line `key: …` of `text` replaced by `key: value`.
fn set(text: &str, key: &str, value: &str) -> String {
    let prefix = format!("\n{key}: ");
    let start = text.find(&prefix).expect("the field") + 1;
    let end = start + text[start..].find('\n').expect("a line");
    format!("{}{key}: {value}{}", &text[..start], &text[end..])
}

/// The article's date moved `days` days within its month (`date: "Y-M-D H:M"`).
fn moved_date(text: &str, days: u32) -> String {
    let line = text
        .lines()
        .find(|l| l.starts_with("date: \""))
        .expect("a date");
    let (ymd, time) = line[7..line.len() - 1]
        .split_once(' ')
        .expect("date and time");
    let day: u32 = ymd[8..].parse().expect("a day");
    let day = if day > days { day - days } else { day + days };
    set(text, "date", &format!("\"{}{day:02} {time}\"", &ymd[..8]))
}

/// Saves `runs` edits of the article (the `k`th text from `edit(k)`), each
/// applied as `serve` applies it; `check(k)` looks at the output after each.
/// Returns the median time and the median number of files written; the
/// article is put back as it was after.
fn time_edits(
    session: &mut Session,
    root: &Path,
    target: &Target,
    runs: usize,
    quick: Quick,
    edit: impl Fn(usize) -> String,
    check: impl Fn(usize),
) -> (Duration, usize) {
    let source = root.join(&target.rel);
    let mut times = Vec::new();
    let mut written = Vec::new();
    for k in 0..runs {
        fs::write(&source, edit(k)).expect("written");
        let t = Instant::now();
        let o = session.apply(std::slice::from_ref(&target.rel));
        times.push(t.elapsed());
        assert!(o.errors.is_none(), "{:?}", o.errors);
        assert_eq!(o.quick, Some(quick), "the quick rebuild ran");
        written.push(o.changed);
        check(k);
    }
    fs::write(&source, &target.original).expect("written");
    session.apply(std::slice::from_ref(&target.rel));
    written.sort_unstable();
    (median(times), written[written.len() / 2])
}

/// Saves `runs` edits (the `k`th text and what its page then shows from
/// `edit(k)`) while a watcher and a session run as `serve` runs them, and
/// waits for each to be in the page on disk. Returns the median time.
fn end_to_end(
    source: &Path,
    page: &Path,
    runs: usize,
    edit: impl Fn(usize) -> (String, String),
) -> Duration {
    let mut times = Vec::new();
    for k in 0..runs {
        let (text, shown) = edit(k);
        let t = Instant::now();
        fs::write(source, text).expect("written");
        while !fs::read_to_string(page).is_ok_and(|s| s.contains(&shown)) {
            assert!(
                t.elapsed() < Duration::from_secs(30),
                "the edit never reached the page"
            );
            std::thread::sleep(Duration::from_millis(1));
        }
        times.push(t.elapsed());
        // Let the watcher go quiet before the next save.
        std::thread::sleep(Duration::from_millis(100));
    }
    median(times)
}

fn main() {
    let articles = env_or("BENCH_ARTICLES", 10_000);
    let charts = env_or("BENCH_CHARTS", 1_000);
    let runs = env_or("BENCH_RUNS", 7).max(1);
    let dir = scratch("trangtin-incr-");
    let root = dir.path().join("site");
    let start = Instant::now();
    gen_site::generate(
        &gen_site::Options::new(articles, charts, 1),
        &mut gen_site::DirSink(root.clone()),
        None,
    )
    .expect("the generated site is written");
    println!(
        "generated {articles} articles, {charts} charts in {:.1} s",
        start.elapsed().as_secs_f64()
    );

    let full_out = dir.path().join("full");
    let full: Vec<Duration> = (0..3)
        .map(|_| {
            let t = Instant::now();
            build::build(&BuildOptions {
                root: root.clone(),
                output: full_out.clone(),
                drafts: false,
                base_url: None,
                clock: None,
            })
            .expect("the generated site builds");
            t.elapsed()
        })
        .collect();
    println!(
        "full build:                      median {} (3 runs)",
        ms(median(full))
    );

    let out = dir.path().join("serve");
    let mut session = Session::new(ServeOptions {
        root: root.clone(),
        output: out.clone(),
        drafts: false,
        base_url: "http://127.0.0.1:1111/".into(),
    });
    let t = Instant::now();
    let first = session.full();
    assert!(first.errors.is_none(), "{:?}", first.errors);
    println!("serve's first build:             {}", ms(t.elapsed()));

    let target = middle_article(&root);
    let page = out.join(&target.page);
    let original = &target.original;
    let marker = |k: usize| format!("Đoạn sửa số {k} của bài.");
    let (body, body_files) = time_edits(
        &mut session,
        &root,
        &target,
        runs,
        Quick::Body,
        |k| format!("{original}\n{}\n", marker(k)),
        |k| {
            let text = fs::read_to_string(&page).expect("the page");
            assert!(text.contains(&marker(k)), "the edit is on the page");
        },
    );
    let t = Instant::now();
    session.refresh_search();
    let search = t.elapsed();
    println!(
        "article body edit (apply):       median {} ({runs} runs, {body_files} files written)",
        ms(body)
    );
    println!("search index after them:         {}", ms(search));

    let title = |k: usize| format!("Tiêu đề sửa lần {k}");
    let card_edits: [(&str, Edit); 4] = [
        (
            "title",
            Box::new(|k| set(original, "title", &format!("\"{}\"", title(k)))),
        ),
        (
            "date",
            Box::new(|k| moved_date(original, 2 + 3 * (k as u32 % 4))),
        ),
        (
            "category",
            Box::new(|k| {
                let others: Vec<&&str> = gen_site::names::CATEGORIES
                    .iter()
                    .filter(|n| !original.contains(&format!("category: \"{n}\"")))
                    .collect();
                set(original, "category", &format!("\"{}\"", others[k % 7]))
            }),
        ),
        (
            "keywords",
            Box::new(|k| set(original, "tags", &format!("[\"Từ khóa thử số {k}\"]"))),
        ),
    ];
    for (what, edit) in card_edits {
        let check = |k: usize| {
            if what == "title" {
                let text = fs::read_to_string(&page).expect("the page");
                assert!(text.contains(&title(k)), "the new title is on the page");
            }
        };
        let (median, files) = time_edits(
            &mut session,
            &root,
            &target,
            runs,
            Quick::Article,
            edit,
            check,
        );
        println!(
            "article {what} edit (apply):{:>pad$}median {} ({runs} runs, {files} files written)",
            "",
            ms(median),
            pad = 10 - what.len(),
        );
    }

    if std::env::var_os("BENCH_VERIFY").is_some() {
        // Everything at once, and left in place while the folders are compared.
        let all = set(
            &set(&moved_date(original, 9), "title", "\"Tiêu đề kiểm tra\""),
            "tags",
            "[\"Từ khóa kiểm tra\"]",
        );
        fs::write(root.join(&target.rel), all).expect("written");
        let o = session.apply(std::slice::from_ref(&target.rel));
        assert_eq!(o.quick, Some(Quick::Article), "{:?}", o.errors);
        verify::verify(&mut session, &root, &out, &dir.path().join("verify"));
        fs::write(root.join(&target.rel), original).expect("written");
        session.apply(std::slice::from_ref(&target.rel));
    }

    // End to end: the watcher and a session in a thread, as `serve` runs them.
    let mut watcher = Watcher::start(&root).expect("the watcher starts");
    let (done_tx, done_rx) = std::sync::mpsc::channel::<()>();
    let worker = std::thread::spawn(move || {
        while done_rx.try_recv().is_err() {
            match watcher.next_batch() {
                Some(batch) if batch.iter().any(|p| p.ends_with("stop")) => break,
                Some(batch) => {
                    session.apply(&batch);
                }
                None => break,
            }
        }
        session
    });
    let source = root.join(&target.rel);
    let body = end_to_end(&source, &page, runs, |k| {
        let marker = format!("Lần lưu số {k} qua trình theo dõi.");
        (format!("{original}\n{marker}\n"), marker)
    });
    println!(
        "article body edit (end to end):  median {} ({runs} runs)",
        ms(body)
    );
    let title = end_to_end(&source, &page, runs, |k| {
        let title = format!("Tiêu đề lưu số {k} qua trình theo dõi");
        (set(original, "title", &format!("\"{title}\"")), title)
    });
    println!(
        "article title edit (end to end): median {} ({runs} runs)",
        ms(title)
    );
    fs::write(&source, original).expect("written");
    std::thread::sleep(Duration::from_millis(200));
    let _ = done_tx.send(());
    fs::write(root.join("content/stop"), "").expect("written");
    let mut session = worker.join().expect("the worker ends");

    // A template edit: every article page changes.
    let template = trangtin::theme::DEFAULT_FILES
        .iter()
        .find(|(p, _)| *p == "templates/article.html")
        .map(|(_, t)| *t)
        .expect("article.html");
    let target = PathBuf::from("themes/default/templates/article.html");
    fs::create_dir_all(root.join("themes/default/templates")).expect("themes folder");
    let template_runs = runs.min(3);
    let mut template_edit = Vec::new();
    for k in 0..template_runs {
        let edited = template.replacen("</article>", &format!("<!-- {k} --></article>"), 1);
        fs::write(root.join(&target), edited).expect("written");
        let t = Instant::now();
        let o = session.apply(std::slice::from_ref(&target));
        template_edit.push(t.elapsed());
        assert!(o.errors.is_none(), "{:?}", o.errors);
    }
    println!(
        "template edit (apply, full):     median {} ({template_runs} runs)",
        ms(median(template_edit))
    );
}
