//! The portal sections of issue 18 in headless Chromium, on the minimal site
//! with tests/fixtures/sections: the YouTube link asks nothing of another host
//! until clicked, the library filters from the address, and the new kinds of
//! page pass axe-core (WCAG 2.1 A/AA) and fit a 360 px screen.
//!
//! Needs chromium, chromedriver and axe-core, as tests/browser_e2e.rs.

mod browser;
mod common;

use browser::{tools, Browser, SampleSite};
use serde_json::{json, Value};

/// The fixture built and served, a browser, and the folder they live in.
struct Session {
    b: Browser,
    site: SampleSite,
    _src: common::Site,
}

fn session() -> Option<Session> {
    let b = Browser::start()?;
    let src = common::Site::new("minimal");
    src.overlay(&common::fixture("sections"));
    let site = SampleSite::build_from(&src.root);
    Some(Session { b, site, _src: src })
}

const VIDEO: &str = "/tin-tuc/video-hoi-nghi-thu/";

/// The new kinds of page.
const PAGES: [&str; 5] = [
    "/van-kien/",
    "/van-kien/91-kh-tu/",
    VIDEO,
    "/so-do-cong-thong-tin/",
    "/tu-khoa/",
];

#[test]
fn the_youtube_player_loads_only_after_a_click() {
    let Some(s) = session() else { return };
    s.b.goto(&s.site.url(VIDEO));
    let origin = s.site.server.base_url();
    let fetched = "return performance.getEntriesByType('resource').map(e => e.name).concat([...document.querySelectorAll('iframe, img, video, source, track')].map(e => e.currentSrc || e.src || ''));";
    let before = s.b.js(fetched, vec![]);
    let away: Vec<&Value> = before
        .as_array()
        .expect("a list")
        .iter()
        .filter(|u| {
            u.as_str()
                .is_some_and(|u| !u.is_empty() && !u.starts_with(&origin))
        })
        .collect();
    assert!(
        away.is_empty(),
        "asked of another host before any click: {away:?}"
    );
    s.b.click("a[data-youtube]");
    let frame = s.b.js(
        "const f = document.querySelector('figure.video-youtube iframe'); return f ? [f.src, f.title] : null;",
        vec![],
    );
    assert_eq!(
        frame,
        json!([
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
            "Phát biểu bế mạc"
        ])
    );
}

#[test]
fn the_library_filter_reads_and_writes_the_address() {
    let Some(s) = session() else { return };
    s.b.goto(&s.site.url("/van-kien/?hieu-luc=duoc-thay-the"));
    let shown = "return [...document.querySelectorAll('tr[data-doc]')].filter(r => !r.hidden).map(r => r.querySelector('.doc-number').textContent);";
    assert_eq!(s.b.js(shown, vec![]), json!(["01-CT/TU"]));
    assert_eq!(
        s.b.js(
            "return document.querySelector('[data-doc-count]').textContent;",
            vec![]
        ),
        json!("1 / 3 văn bản")
    );
    s.b.js(
        "const f = document.querySelector('#loc-hieu-luc'); f.value = ''; const y = document.querySelector('#loc-nam'); y.value = '2022'; y.dispatchEvent(new Event('change', {bubbles: true}));",
        vec![],
    );
    assert_eq!(s.b.js(shown, vec![]), json!(["91-KH/TU"]));
    assert!(s.b.url().ends_with("/van-kien/?nam=2022"), "{}", s.b.url());
}

#[test]
fn the_new_pages_pass_axe_and_fit_a_phone() {
    let Some(axe) = tools::axe_js() else { return };
    let Some(s) = session() else { return };
    let run = "const done = arguments[arguments.length - 1]; axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}).then(r => done(r.violations.map(v => v.id + ' at ' + v.nodes.slice(0, 4).map(n => n.target.join(' ')).join(', ')))).catch(e => done(['axe failed: ' + e]));";
    let mut report = Vec::new();
    for width in [None, Some(360)] {
        if let Some(w) = width {
            s.b.phone(w);
        }
        for path in PAGES {
            s.b.goto(&s.site.url(path));
            s.b.inject(&axe);
            for v in s.b.js_async(run, vec![]).as_array().expect("a list") {
                report.push(format!("{path} at {width:?}: {v}"));
            }
            let wide =
                s.b.js("return document.documentElement.scrollWidth;", vec![]);
            if width.is_some_and(|w| wide.as_f64().unwrap_or(0.0) > f64::from(w)) {
                report.push(format!("{path} is {wide} px wide on a 360 px screen"));
            }
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
}
