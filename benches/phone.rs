//! Reader speed on a phone: the sample site (content/) built and served on
//! 127.0.0.1 as a plain static host would (no compression), opened in headless
//! Chromium with Lighthouse's mobile preset applied by hand over the DevTools
//! protocol: a 412×915 phone screen (1.75 device pixels per CSS pixel, touch,
//! a phone's user agent), 150 ms latency, 1.6 Mbps down and 750 kbps up, the
//! CPU 4× slower. For each page, cold (no browser cache), `BENCH_RUNS` times:
//! Largest Contentful Paint (the `largest-contentful-paint` entry, and which
//! element it is) and Cumulative Layout Shift (the sum of `layout-shift`
//! entries without recent input); medians printed.
//!
//!   cargo bench --bench phone                 (BENCH_RUNS=3)
//!   BENCH_PAGES="/ /tin-tuc/…/" cargo bench --bench phone
//!   BENCH_CPU=1 cargo bench --bench phone     (network throttling only)
//!   BENCH_VERBOSE=1 …                         (main-thread time, every request)
//!
//! Targets (issue 16): LCP < 2.0 s with the cover photo as the largest element
//! on an article with a cover; CLS < 0.05. Needs `chromium` and `chromedriver`.

#[path = "../tests/browser/mod.rs"]
mod browser;

use std::path::PathBuf;

use serde_json::{json, Value};

/// The sample site's pages: home, the article with a cover photo, a body
/// photo and a gallery, and an article whose cover is a drawing (SVG).
const PAGES: [&str; 3] = [
    "/",
    "/tin-tuc/thanh-uy-tam-ky-hoi-nghi-chuyen-de-phat-trien-dang-vien-2023/",
    "/tin-tuc/da-nang-hoi-nghi-chuyen-de-tao-nguon-phat-trien-dang-vien/",
];

/// A mid-range Android phone, as Lighthouse's mobile preset names it.
const PHONE_UA: &str = "Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36";

/// Reads the page's own measurements once it has settled: the last
/// largest-contentful-paint entry, the layout shifts, and the bytes of the
/// LCP resource (when it is an image).
const MEASURE: &str = r#"
const done = arguments[arguments.length - 1];
let lcp = null, cls = 0, shifts = [];
new PerformanceObserver(l => { for (const e of l.getEntries()) lcp = e; })
  .observe({ type: 'largest-contentful-paint', buffered: true });
new PerformanceObserver(l => {
  for (const e of l.getEntries()) if (!e.hadRecentInput) {
    cls += e.value;
    shifts.push(e.sources.map(s => s.node ? s.node.nodeName + (s.node.className ? '.' + s.node.className : '') : '?').join('+'));
  }
}).observe({ type: 'layout-shift', buffered: true });
setTimeout(() => {
  const el = lcp && lcp.element;
  let what = el ? el.nodeName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : '') : 'none';
  const res = lcp && lcp.url ? performance.getEntriesByName(lcp.url)[0] : null;
  const nav = performance.getEntriesByType('navigation')[0];
  done({
    lcp: lcp ? lcp.startTime : null,
    element: what,
    url: lcp ? lcp.url : '',
    bytes: res ? res.encodedBodySize : 0,
    cls: cls,
    shifts: shifts,
    ttfb: nav ? nav.responseStart : null,
    fcp: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime,
    resources: [nav].concat(performance.getEntriesByType('resource')).map(r => [r.name.replace(/^.*\/\/[^/]*/, ''), Math.round(r.startTime), Math.round(r.responseEnd), r.encodedBodySize, r.renderBlockingStatus || '']),
    html: nav ? nav.encodedBodySize : 0,
  });
}, 500);
"#;

fn main() {
    let runs: usize = env_num("BENCH_RUNS", 3);
    let pages: Vec<String> = std::env::var("BENCH_PAGES")
        .map(|p| p.split_whitespace().map(String::from).collect())
        .unwrap_or_else(|_| PAGES.iter().map(|p| p.to_string()).collect());
    let out = tempfile::tempdir().expect("a temporary folder");
    let site = out.path().join("site");
    let server = browser::Server::start(&site);
    let opts = trangtin::build::BuildOptions {
        root: PathBuf::from(env!("CARGO_MANIFEST_DIR")),
        output: site.clone(),
        drafts: false,
        base_url: Some(server.base_url()),
        clock: None,
    };
    if let Err(e) = trangtin::build::build(&opts) {
        panic!("the sample site does not build: {e:?}");
    }
    let Some(b) = browser::Browser::start() else {
        eprintln!("phone bench skipped: no chromium/chromedriver");
        return;
    };
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "CPU {}× slower, 150 ms, 1.6/0.75 Mbps, 412×915 @1.75; {runs} cold loads a page; load average {}",
        cpu_slowdown(),
        load.split(' ').take(3).collect::<Vec<_>>().join(" ")
    );
    println!(
        "page | LCP median ms (runs) | LCP element | CLS median (runs) | LCP bytes | HTML bytes"
    );
    for page in &pages {
        let results: Vec<Value> = (0..runs).map(|_| measure(&b, &server.url(page))).collect();
        let lcp: Vec<f64> = results
            .iter()
            .map(|r| r["lcp"].as_f64().unwrap_or(f64::NAN))
            .collect();
        let cls: Vec<f64> = results
            .iter()
            .map(|r| r["cls"].as_f64().unwrap_or(f64::NAN))
            .collect();
        let last = results.last().cloned().unwrap_or_default();
        println!(
            "{page} | {:.0} ({}) | {} {} | {:.3} ({}) | {} | {}",
            median(&lcp),
            lcp.iter()
                .map(|v| format!("{v:.0}"))
                .collect::<Vec<_>>()
                .join(" "),
            last["element"].as_str().unwrap_or(""),
            last["url"]
                .as_str()
                .unwrap_or("")
                .rsplit('/')
                .next()
                .unwrap_or(""),
            median(&cls),
            cls.iter()
                .map(|v| format!("{v:.3}"))
                .collect::<Vec<_>>()
                .join(" "),
            last["bytes"],
            last["html"],
        );
        if std::env::var_os("BENCH_VERBOSE").is_some() {
            println!("  main thread: {}", last["main"]);
            println!(
                "  first paint {} ms; requests (start, end ms, bytes):",
                last["fcp"]
            );
            for r in last["resources"].as_array().into_iter().flatten() {
                println!("    {r}");
            }
        }
        for r in results
            .iter()
            .filter(|r| r["cls"].as_f64().unwrap_or(0.0) > 0.0)
        {
            println!("  shifted: {}", r["shifts"]);
        }
    }
}

/// One cold load of `url` on the emulated phone.
fn measure(b: &browser::Browser, url: &str) -> Value {
    b.goto("about:blank");
    b.cdp("Network.enable", json!({}));
    b.cdp("Network.clearBrowserCache", json!({}));
    b.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true }));
    b.cdp(
        "Network.emulateNetworkConditions",
        json!({
            "offline": false,
            "latency": 150,
            // bytes per second
            "downloadThroughput": 1.6e6 / 8.0,
            "uploadThroughput": 750e3 / 8.0,
        }),
    );
    b.cdp(
        "Emulation.setCPUThrottlingRate",
        json!({ "rate": cpu_slowdown() }),
    );
    b.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 412, "height": 915, "deviceScaleFactor": 1.75, "mobile": true }),
    );
    b.cdp(
        "Emulation.setTouchEmulationEnabled",
        json!({ "enabled": true }),
    );
    b.cdp(
        "Network.setUserAgentOverride",
        json!({ "userAgent": PHONE_UA }),
    );
    b.cdp("Performance.enable", json!({}));
    b.goto(url);
    // Lazy photos and late layout settle after `load`: wait a little.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let mut r = b.js_async(MEASURE, vec![]);
    // Where the main thread's time went (seconds, throttled).
    let metrics = b.cdp("Performance.getMetrics", json!({}));
    r["main"] = metrics["metrics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|m| m["name"].as_str().is_some_and(|n| n.ends_with("Duration")))
        .map(|m| {
            format!(
                "{} {:.3}",
                m["name"].as_str().unwrap_or(""),
                m["value"].as_f64().unwrap_or(0.0)
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
        .into();
    b.cdp("Performance.disable", json!({}));
    r
}

/// `BENCH_CPU`: how many times slower the CPU is made (Lighthouse: 4). On a
/// machine already loaded by other work, 1 separates the network's share.
fn cpu_slowdown() -> f64 {
    std::env::var("BENCH_CPU")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4.0)
}

fn median(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

fn env_num(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
