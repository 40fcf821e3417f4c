//! What search costs on a generated site (examples/gen_site/): the index's
//! share of the build, its size, the bytes a browser loads for one-word
//! queries and, when Chromium is installed, how soon results show after typing.
//!
//! `cargo bench --bench search` (10,000 articles). BENCH_ARTICLES, BENCH_CHARTS
//! and BENCH_RUNS change the size and runs; BENCH_INDEX_ONLY=1 times only the
//! index (for profiling). Targets: index < 10% of the build,
//! < 300 kB loaded for a one-word query, first results < 100 ms after typing.

#[path = "support/mod.rs"]
mod support;

#[path = "../examples/gen_site/mod.rs"]
mod gen_site;
#[path = "../tests/search_browser/web.rs"]
mod web;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use support::{env_or, median, scratch};
use trangtin::build::{render_site, BuildOptions};
use trangtin::output::{Content, OutputFile};
use trangtin::render::views;

const QUERIES: &[&str] = &[
    "đảng",
    "hội",
    "kinh",
    "2023",
    "Quỳnh",
    "nghị quyết",
    "phát triển đảng viên",
    "da nang",
];

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let articles = env_or("BENCH_ARTICLES", 10_000);
    let runs = env_or("BENCH_RUNS", 3).max(1);
    let dir = scratch("trangtin-search-");
    let site = dir.path().join("site");
    let opts = gen_site::Options::new(articles, env_or("BENCH_CHARTS", 1000), 1);
    gen_site::generate(&opts, &mut gen_site::DirSink(site.clone()), None)
        .expect("the generated site is written");
    println!("site: {articles} articles (examples/gen_site, seed 1), {runs} runs, medians");

    let out = dir.path().join("out");
    if std::env::var_os("BENCH_INDEX_ONLY").is_some() {
        let (wall, cpu, _) = index_alone(&site, runs);
        println!(
            "index in memory: {:.0} ms wall, {:.0} ms CPU",
            ms(wall),
            ms(cpu)
        );
        return;
    }
    let builds: Vec<(Duration, Duration)> = (0..runs).map(|_| build_once(&site, &out)).collect();
    let (index, index_cpu, files) = index_alone(&site, runs);
    let build = median(builds.iter().map(|b| b.0).collect());
    let build_cpu = median(builds.iter().map(|b| b.1).collect());
    println!(
        "whole build (build::build, written):   {:>6.0} ms wall, {:>6.0} ms CPU",
        ms(build),
        ms(build_cpu)
    );
    println!(
        "index in memory (search::index):       {:>6.0} ms wall, {:>6.0} ms CPU",
        ms(index),
        ms(index_cpu)
    );
    println!(
        "  = {:.1}% of the build's wall time, {:.1}% of its CPU time",
        100.0 * index.as_secs_f64() / build.as_secs_f64(),
        100.0 * index_cpu.as_secs_f64() / build_cpu.as_secs_f64()
    );
    let write = write_alone(&files, &dir.path().join("index-only"));
    println!(
        "writing the index files alone:         {:>6.0} ms wall",
        ms(write)
    );
    sizes(&files);
    // `static/search.<hash>.js`, named by its content like the theme's CSS.
    let js = std::fs::read_dir(out.join("static"))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with("search.") && name.ends_with(".js")
        })
        .map(|e| e.metadata().map_or(0, |m| m.len()))
        .sum::<u64>();
    println!("static/search.<hash>.js: {js} B");
    browser(&out);
}

/// The whole build in this process (as the binary runs it): wall and CPU time.
fn build_once(site: &Path, out: &Path) -> (Duration, Duration) {
    let _ = std::fs::remove_dir_all(out);
    let opts = BuildOptions {
        root: site.to_path_buf(),
        output: out.to_path_buf(),
        drafts: false,
        base_url: Some("http://127.0.0.1/".into()),
        clock: None,
    };
    let (start, cpu) = (Instant::now(), cpu_time());
    trangtin::build::build(&opts).expect("the generated site builds");
    (start.elapsed(), cpu_time() - cpu)
}

/// CPU time of this process, all threads (Linux; zero elsewhere).
fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<u64> = stat
        .rsplit_once(')')
        .map(|(_, r)| {
            r.split_whitespace()
                .map(|f| f.parse().unwrap_or(0))
                .collect()
        })
        .unwrap_or_default();
    // utime and stime, fields 14 and 15, in clock ticks of 10 ms.
    let ticks = fields.get(11).copied().unwrap_or(0) + fields.get(12).copied().unwrap_or(0);
    Duration::from_millis(ticks * 10)
}

/// Times `search::index` on the loaded model, as `render` calls it.
fn index_alone(site: &Path, runs: usize) -> (Duration, Duration, Vec<OutputFile>) {
    let opts = BuildOptions {
        root: site.to_path_buf(),
        output: PathBuf::from("unused"),
        drafts: false,
        base_url: None,
        clock: None,
    };
    let (model, _) = render_site(&opts).expect("the generated site renders");
    let theme = trangtin::theme::load(
        site,
        model.settings.site.theme.as_deref(),
        model.settings.lang,
    )
    .expect("the theme loads");
    let cards: Vec<views::Card> = model
        .articles
        .par_iter()
        .map(|a| views::card(&model, a))
        .collect();
    let (mut times, mut cpu) = (Vec::new(), Vec::new());
    let mut files = Vec::new();
    for _ in 0..runs {
        let (start, c) = (Instant::now(), cpu_time());
        files = trangtin::search::index(&model, &theme, &cards);
        times.push(start.elapsed());
        cpu.push(cpu_time() - c);
    }
    (median(times), median(cpu), files)
}

fn write_alone(files: &[OutputFile], dir: &Path) -> Duration {
    let start = Instant::now();
    files.par_iter().for_each(|f| {
        let path = dir.join(&f.path);
        if let Some(parent) = path.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        let _ = std::fs::write(path, bytes(f));
    });
    start.elapsed()
}

fn bytes(f: &OutputFile) -> &[u8] {
    match &f.content {
        Content::Bytes(b) => b,
        _ => &[],
    }
}

fn sizes(files: &[OutputFile]) {
    let of = |prefix: &str| {
        let mut v: Vec<usize> = files
            .iter()
            .filter(|f| f.path.starts_with(prefix))
            .map(|f| bytes(f).len())
            .collect();
        v.sort_unstable();
        v
    };
    let (shards, docs, manifest) = (
        of("static/search/t/"),
        of("static/search/d/"),
        of("static/search/manifest.json"),
    );
    let total: usize = files.iter().map(|f| bytes(f).len()).sum();
    let pct = |v: &[usize], p: usize| {
        v.get(v.len().saturating_sub(1) * p / 100)
            .copied()
            .unwrap_or(0)
    };
    println!(
        "index: {} files, {:.1} MB; manifest {} B",
        files.len(),
        total as f64 / 1e6,
        manifest.first().unwrap_or(&0)
    );
    println!(
        "  shards: {} (median {} B, p90 {} B, max {} B)",
        shards.len(),
        pct(&shards, 50),
        pct(&shards, 90),
        pct(&shards, 100)
    );
    println!(
        "  result files: {} (median {} B, p90 {} B, max {} B)",
        docs.len(),
        pct(&docs, 50),
        pct(&docs, 90),
        pct(&docs, 100)
    );
}

/// Real bytes and times in headless Chromium, when it is installed.
fn browser(out: &Path) {
    let Some(driver) = web::driver() else { return };
    let port = web::serve(out.to_path_buf(), "/");
    web::block_on(async {
        let c = web::browser(&driver).await;
        let page = format!("http://127.0.0.1:{port}/tim-kiem/");
        println!("in Chromium (cold cache per query; bytes = decoded bodies of the search page's requests):");
        for q in QUERIES {
            c.goto(&format!("{page}?q={}", encode(q)))
                .await
                .expect("the search page opens");
            wait(&c, q).await;
            let v = c.execute(LOADED, vec![]).await.expect("resource sizes");
            println!("  `{q}`: {} results; search loads {} B (index {} B, search.js {} B); whole page {} B", v[0], v[1], v[2], v[3], v[4]);
        }
        let (mut first, mut all) = (Vec::new(), Vec::new());
        c.goto(&page).await.expect("the search page opens");
        wait(&c, "").await;
        for q in QUERIES {
            let t = typed(&c, q).await;
            println!("  typed `{q}`: first result {:.0} ms after the last key, all ten {:.0} ms (shards {:.0} ms, ranking {:.0} ms, first result file and drawing {:.0} ms)", t[0], t[1], t[2], t[3], t[4]);
            first.push(t[0]);
            all.push(t[1]);
        }
        first.sort_by(f64::total_cmp);
        all.sort_by(f64::total_cmp);
        println!("  after the last keystroke (40 ms debounce included): first results median {:.0} ms, max {:.0} ms; all ten median {:.0} ms", first[first.len() / 2], first[first.len() - 1], all[all.len() / 2]);
        let _ = c.close().await;
    });
}

const LOADED: &str = "const r = performance.getEntriesByType('resource'), nav = performance.getEntriesByType('navigation')[0];
    const sum = f => r.filter(f).reduce((a, e) => a + e.decodedBodySize, 0);
    const idx = sum(e => e.name.includes('/static/search/')), js = sum(e => e.name.includes('/static/search.') && e.name.endsWith('.js'));
    return [document.querySelectorAll('[data-results] li').length + ' shown, ' + document.querySelector('[data-status]').textContent, idx + js, idx, js, sum(() => true) + nav.decodedBodySize];";

/// Types `q` into the box. Returns ms from the last input event to the first
/// result shown and to all ten, and the steps after the pause: shards
/// loaded, ranked (count announced), first result file in and drawn.
async fn typed(c: &fantoccini::Client, q: &str) -> [f64; 5] {
    c.execute("window.__last = 0; const i = document.getElementById('q'); i.value = ''; if (!window.__hooked) { i.addEventListener('input', () => window.__last = performance.now()); window.__hooked = true; } performance.clearMarks();", vec![]).await.expect("setup");
    let input = c
        .find(fantoccini::Locator::Id("q"))
        .await
        .expect("the search box");
    input.send_keys(q).await.expect("typing");
    wait(c, q).await;
    let v = c
        .execute(
            "const at = n => { const m = performance.getEntriesByName(n); return m.length ? m[m.length - 1].startTime : NaN; };
             const start = at('search-start'), done = at('search-done');
             const first = at('search-first') >= start ? at('search-first') : done;
             return [first - window.__last, done - window.__last, at('search-shards') - start, at('search-ranked') - at('search-shards'), first - at('search-ranked')];",
            vec![],
        )
        .await
        .expect("timing");
    let f = |i: usize| v[i].as_f64().unwrap_or(f64::NAN);
    [f(0), f(1), f(2), f(3), f(4)]
}

async fn wait(c: &fantoccini::Client, q: &str) {
    let start = Instant::now();
    while c.execute("const l = document.querySelector('[data-results]'); return l && l.getAttribute('data-query');", vec![]).await.ok().is_none_or(|v| v != q) {
        assert!(start.elapsed() < Duration::from_secs(60), "no results for `{q}` within 60 s");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn encode(q: &str) -> String {
    q.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
