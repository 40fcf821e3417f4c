//! How long `serve` takes from an editor's save to the changed page on disk, on
//! a generated site (examples/gen_site/), against a full build.
//!
//! `cargo bench --bench incremental` (10,000 articles, 1,000 charts).
//! BENCH_ARTICLES, BENCH_CHARTS and BENCH_RUNS change the size and the number of
//! edits. Medians are printed for:
//! - a full `build` (load, check, render, write everything);
//! - an article's body edited, and an article's title edited (its card changes
//!   on listings and neighbours), through `Session::apply` as `serve` calls it;
//! - the search index made after the body edits (serve makes it once the
//!   editor pauses, after the pages are on disk);
//! - the same body edit end to end: file saved → watcher → rebuild → the new
//!   text readable in the output file (includes the watcher's 30 ms quiet time);
//! - a template edit (every article page changes: a full rebuild).

#[path = "../examples/gen_site/mod.rs"]
mod gen_site;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use trangtin::build::{self, BuildOptions};
use trangtin::serve::session::{Session, Settings};
use trangtin::serve::watch::Watcher;

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn scratch() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    let base = if shm.is_dir() {
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    };
    tempfile::Builder::new()
        .prefix("trangtin-incr-")
        .tempdir_in(base)
        .expect("a scratch folder")
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// The article in the middle of the list, and where its page is written.
fn middle_article(root: &Path) -> (PathBuf, PathBuf) {
    let (mut all, _) = trangtin::load::files_under(root, "articles", &["md"]);
    all.sort();
    let rel = all[all.len() / 2].clone();
    let f = trangtin::load::read_markdown(root, &rel)
        .expect("readable")
        .expect("an article");
    let slug = trangtin::text::slug::slugify(
        f.front
            .slug
            .as_deref()
            .or(f.front.title.as_deref())
            .unwrap_or_default(),
    );
    (rel, PathBuf::from(format!("tin-tuc/{slug}/index.html")))
}

fn main() {
    let articles = env_or("BENCH_ARTICLES", 10_000);
    let charts = env_or("BENCH_CHARTS", 1_000);
    let runs = env_or("BENCH_RUNS", 7).max(1);
    let dir = scratch();
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
    let mut session = Session::new(Settings {
        root: root.clone(),
        output: out.clone(),
        drafts: false,
        base_url: "http://127.0.0.1:1111/".into(),
    });
    let t = Instant::now();
    let first = session.full();
    assert!(first.errors.is_none(), "{:?}", first.errors);
    println!("serve's first build:             {}", ms(t.elapsed()));

    let (rel, page) = middle_article(&root);
    let source = root.join(&rel);
    let original = fs::read_to_string(&source).expect("the article");
    let mut body_edit = Vec::new();
    let mut written = Vec::new();
    for k in 0..runs {
        let marker = format!("Đoạn sửa số {k} của bài.");
        fs::write(&source, format!("{original}\n{marker}\n")).expect("written");
        let t = Instant::now();
        let o = session.apply(std::slice::from_ref(&rel));
        body_edit.push(t.elapsed());
        written.push(o.changed);
        assert!(o.errors.is_none(), "{:?}", o.errors);
        assert!(
            fs::read_to_string(out.join(&page))
                .expect("the page")
                .contains(&marker),
            "the edit is on the page"
        );
    }
    let t = Instant::now();
    session.refresh_search();
    let search = t.elapsed();
    let mut title_edit = Vec::new();
    for k in 0..runs {
        let retitled = original.replacen("title: ", &format!("title: Sửa {k} "), 1);
        fs::write(&source, &retitled).expect("written");
        let t = Instant::now();
        let o = session.apply(std::slice::from_ref(&rel));
        title_edit.push(t.elapsed());
        assert!(o.errors.is_none(), "{:?}", o.errors);
    }
    fs::write(&source, &original).expect("written");
    session.apply(std::slice::from_ref(&rel));
    written.sort_unstable();
    println!(
        "article body edit (apply):       median {} ({runs} runs, {} files written)",
        ms(median(body_edit)),
        written[written.len() / 2]
    );
    println!("search index after them:         {}", ms(search));
    println!(
        "article title edit (apply):      median {} ({runs} runs; the page moves to a new address)",
        ms(median(title_edit))
    );

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
    let mut end_to_end = Vec::new();
    for k in 0..runs {
        let marker = format!("Lần lưu số {k} qua trình theo dõi.");
        let t = Instant::now();
        fs::write(&source, format!("{original}\n{marker}\n")).expect("written");
        loop {
            if fs::read_to_string(out.join(&page)).is_ok_and(|s| s.contains(&marker)) {
                break;
            }
            assert!(
                t.elapsed() < Duration::from_secs(30),
                "the edit never reached the page"
            );
            std::thread::sleep(Duration::from_millis(1));
        }
        end_to_end.push(t.elapsed());
        // Let the watcher go quiet before the next save.
        std::thread::sleep(Duration::from_millis(100));
    }
    println!(
        "article body edit (end to end):  median {} ({runs} runs)",
        ms(median(end_to_end))
    );
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
