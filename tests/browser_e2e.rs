//! The sample site (content/ at the crate root) in headless Chromium, as readers
//! meet it: menu, pagination and keyword links, charts with their data tables,
//! printing, a 360 px phone screen, and axe-core's WCAG 2.1 A/AA rules.
//!
//! Needs chromium, chromedriver and axe-core (`tests/run` installs them). Without
//! them each test prints a notice and passes, except under CI, where it fails.

mod browser;

use std::sync::{Mutex, MutexGuard};

use browser::{tools, Browser, SampleSite};
use serde_json::{json, Value};

/// One Chromium at a time: the machine is small and shared.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// A built, served sample site and a browser; fields drop in order, so the
/// browser closes before the next test may start.
struct Session {
    b: Browser,
    site: SampleSite,
    _turn: MutexGuard<'static, ()>,
}

fn session() -> Option<Session> {
    let turn = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    let b = Browser::start()?;
    Some(Session {
        b,
        site: SampleSite::build(),
        _turn: turn,
    })
}

impl Session {
    fn open(&self, path: &str) {
        self.b.goto(&self.site.url(path));
    }

    /// The page's `<h1>` text (empty when there is none).
    fn h1(&self) -> String {
        let v = self.b.js(
            "const h = document.querySelector('h1'); return h ? h.textContent.trim() : '';",
            vec![],
        );
        v.as_str().unwrap_or_default().to_string()
    }

    /// The path now shown (`/tin-moi/trang/2/`).
    fn path(&self) -> String {
        self.b
            .url()
            .trim_start_matches(self.site.server.base_url().trim_end_matches('/'))
            .to_string()
    }

    fn strings(&self, script: &str) -> Vec<String> {
        let v = self.b.js(script, vec![]);
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The article links in `<main>` (paths of `/tin-tuc/…/` pages).
    fn article_links(&self) -> Vec<String> {
        let mut v = self.strings("return [...document.querySelectorAll('main a[href*=\"/tin-tuc/\"]')].map(a => new URL(a.href).pathname);");
        v.dedup();
        v
    }
}

/// One page of each kind the site has, by the path readers reach it at.
fn page_kinds(site: &SampleSite) -> Vec<(&'static str, String)> {
    vec![
        ("home", "/".to_string()),
        (
            "article with charts",
            site.page_with_most("tin-tuc", "<figure class=\"chart\""),
        ),
        ("latest news listing", "/tin-moi/".to_string()),
        ("category", site.first_page_under("chuyen-muc")),
        ("keyword", site.first_page_under("tu-khoa")),
        ("conferences", "/hoi-nghi/".to_string()),
        ("documents", "/van-kien/".to_string()),
        ("document", site.first_page_under("van-kien")),
        ("statistics", "/so-lieu/".to_string()),
        ("organization", site.first_page_under("to-chuc")),
        ("dataset", site.first_page_under("so-lieu")),
        ("search", "/tim-kiem/".to_string()),
        ("site map", "/so-do-cong-thong-tin/".to_string()),
        (
            "article with a video",
            site.page_with_most("tin-tuc", "<video "),
        ),
        ("leaders", "/lanh-dao/".to_string()),
        ("person", "/lanh-dao/tran-nam-hung/".to_string()),
        (
            "organization leaders",
            "/to-chuc/tam-ky/lanh-dao/".to_string(),
        ),
        ("contact directory", "/danh-ba/".to_string()),
        ("unit contacts", "/to-chuc/tam-ky/lien-he/".to_string()),
        ("work schedule", "/lich-cong-tac/2026-W49/".to_string()),
        ("404", "/khong-co-trang-nay/".to_string()),
        (
            "sidebar, shown in each page's frame",
            "/cot-ben.html".to_string(),
        ),
    ]
}

/// Waits for the sidebar frame of the page now open, then reports its height,
/// the height of what it holds, and whether its "Tin mới" block is there.
const SIDE_FRAME: &str = "const done = arguments[arguments.length - 1]; const f = document.querySelector('iframe.side-frame'); f.scrollIntoView(); let n = 0; const look = () => { const d = f.contentDocument; const ok = d && d.readyState === 'complete' && d.getElementById('ben-tin-moi'); if (ok || ++n > 100) { done({frame: Math.round(f.getBoundingClientRect().height), inside: ok ? Math.round(d.body.getBoundingClientRect().height) : -1, latest: !!ok}); } else setTimeout(look, 50); }; look();";

#[test]
fn the_sidebar_frame_fits_its_blocks_and_its_links_open_in_the_page() {
    let Some(s) = session() else { return };
    let path = s.site.page_with_most("tin-tuc", "<figure class=\"chart\"");
    for width in [360, 1280] {
        if width == 360 {
            s.b.phone(360);
        } else {
            s.b.cdp("Emulation.clearDeviceMetricsOverride", json!({}));
            s.b.cdp(
                "Emulation.setDeviceMetricsOverride",
                json!({"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": false}),
            );
        }
        s.open(&path);
        let m = s.b.js_async(SIDE_FRAME, vec![]);
        assert_eq!(
            m["latest"],
            json!(true),
            "the sidebar loads at {width} px: {m}"
        );
        let (frame, inside) = (m["frame"].as_i64().unwrap(), m["inside"].as_i64().unwrap());
        assert!(
            (frame - inside).abs() <= 2,
            "the frame fits its blocks at {width} px: {m}"
        );
    }
    // A link in the frame opens its page in the window, not inside the frame.
    let target = s.b.js(
        "const a = document.querySelector('iframe.side-frame').contentDocument.querySelector('#ben-tin-moi + ul a'); const p = new URL(a.href).pathname; a.click(); return p;",
        vec![],
    );
    let target = target.as_str().expect("a link in Tin mới").to_string();
    let mut n = 0;
    while s.path() != target && n < 100 {
        std::thread::sleep(std::time::Duration::from_millis(50));
        n += 1;
    }
    assert_eq!(s.path(), target, "the window follows the sidebar link");
    // Without JavaScript the frame still shows the blocks (at its fixed height).
    s.b.cdp(
        "Emulation.setScriptExecutionDisabled",
        json!({"value": true}),
    );
    s.open(&path);
    let look = "const f = document.querySelector('iframe.side-frame'); f.scrollIntoView(); const d = f.contentDocument; return {frame: Math.round(f.getBoundingClientRect().height), latest: !!(d && d.getElementById('ben-tin-moi'))};";
    let mut no_js = s.b.js(look, vec![]);
    for _ in 0..100 {
        if no_js["latest"] == json!(true) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        no_js = s.b.js(look, vec![]);
    }
    s.b.cdp(
        "Emulation.setScriptExecutionDisabled",
        json!({"value": false}),
    );
    assert_eq!(
        no_js["latest"],
        json!(true),
        "the sidebar without JavaScript: {no_js}"
    );
    assert!(
        no_js["frame"].as_i64().unwrap() > 600,
        "a tall frame without JavaScript: {no_js}"
    );
}

#[test]
fn every_main_menu_link_opens_a_page_with_a_heading() {
    let Some(s) = session() else { return };
    s.open("/");
    let hrefs = s.strings(
        "return [...document.querySelectorAll('nav.menu a')].map(a => new URL(a.href).pathname);",
    );
    assert!(
        hrefs.len() >= 3,
        "the main menu has {} links: {hrefs:?}",
        hrefs.len()
    );
    let mut problems = Vec::new();
    for (i, href) in hrefs.iter().enumerate() {
        s.open("/");
        s.b.click(&format!("nav.menu li:nth-child({}) a", i + 1));
        let (path, h1) = (s.path(), s.h1());
        let kind = s.b.js("return document.body.className;", vec![]);
        if &path != href {
            problems.push(format!("menu link {href} opened {path}"));
        } else if h1.is_empty() || kind.as_str() == Some("kind-404") {
            problems.push(format!("menu link {href}: no <h1> or a 404 page ({kind})"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn pagination_links_lead_to_the_next_and_previous_pages() {
    let Some(s) = session() else { return };
    s.open("/tin-moi/");
    let first = s.article_links();
    assert!(!first.is_empty(), "/tin-moi/ lists no articles");
    s.b.click("nav.pagination a[rel=next]");
    assert_eq!(
        s.path(),
        "/tin-moi/trang/2/",
        "the “next” link of /tin-moi/"
    );
    assert!(!s.h1().is_empty(), "page 2 of /tin-moi/ has no <h1>");
    let second = s.article_links();
    assert!(!second.is_empty(), "page 2 of /tin-moi/ lists no articles");
    let both: Vec<&String> = second.iter().filter(|a| first.contains(a)).collect();
    assert!(
        both.is_empty(),
        "articles on both page 1 and page 2 of /tin-moi/: {both:?}"
    );
    s.b.click("nav.pagination a[rel=prev]");
    assert_eq!(s.path(), "/tin-moi/", "the “previous” link of page 2");
}

#[test]
fn a_keyword_link_lists_the_article_it_came_from() {
    let Some(s) = session() else { return };
    let article = s.site.page_with_most("tin-tuc", "rel=\"tag\"");
    s.open(&article);
    let tag = s.strings("const a = document.querySelector('.tags a'); return a ? [a.textContent.trim(), new URL(a.href).pathname] : [];");
    let [name, href] = tag.as_slice() else {
        panic!("{article} shows no keyword links")
    };
    s.b.click(".tags a");
    assert_eq!(&s.path(), href, "the keyword link {name:?} of {article}");
    assert!(
        s.h1().contains(name.as_str()),
        "the keyword page {href} has the heading {:?}, not {name:?}",
        s.h1()
    );
    // The article is on this page or a later one of the keyword's list.
    for _ in 0..50 {
        if s.article_links().contains(&article) {
            return;
        }
        let more = s.b.js(
            "return !!document.querySelector('nav.pagination a[rel=next]');",
            vec![],
        );
        if more != json!(true) {
            break;
        }
        s.b.click("nav.pagination a[rel=next]");
    }
    panic!("the keyword pages of {name:?} never list {article}");
}

#[test]
fn charts_are_drawn_and_their_data_tables_open() {
    let Some(s) = session() else { return };
    let article = s.site.page_with_most("tin-tuc", "<figure class=\"chart\"");
    s.open(&article);
    let charts = s.b.js(
        "return [...document.querySelectorAll('figure.chart')].map(f => { const svg = f.querySelector('svg'); const r = svg ? svg.getBoundingClientRect() : {width: 0, height: 0}; return {id: f.id, w: r.width, h: r.height, details: !!f.querySelector('details'), visible: svg ? getComputedStyle(svg).visibility : 'none'}; });",
        vec![],
    );
    let charts = charts.as_array().cloned().unwrap_or_default();
    assert!(!charts.is_empty(), "{article} shows no chart");
    let mut problems = Vec::new();
    for c in &charts {
        let id = c["id"].as_str().unwrap_or_default();
        if c["w"].as_f64().unwrap_or(0.0) < 1.0
            || c["h"].as_f64().unwrap_or(0.0) < 1.0
            || c["visible"] != "visible"
        {
            problems.push(format!("chart #{id} is not drawn: {c}"));
        }
        if c["details"] != json!(true) {
            problems.push(format!("chart #{id} has no <details> with its data"));
            continue;
        }
        s.b.click(&format!("figure[id=\"{id}\"] details > summary"));
        let table = s.b.js(
            "const d = document.getElementById(arguments[0]).querySelector('details'); const t = d.querySelector('table'); const r = t ? t.getBoundingClientRect() : {width: 0, height: 0}; return {open: d.open, w: r.width, h: r.height, rows: t ? t.querySelectorAll('tbody tr').length : 0};",
            vec![json!(id)],
        );
        if table["open"] != json!(true)
            || table["w"].as_f64().unwrap_or(0.0) < 1.0
            || table["rows"].as_u64().unwrap_or(0) == 0
        {
            problems.push(format!(
                "chart #{id}: its data table does not show when opened: {table}"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "on {article}:\n{}",
        problems.join("\n")
    );
}

#[test]
fn printing_hides_the_menu_and_sidebar_and_keeps_the_article() {
    let Some(s) = session() else { return };
    let article = s.site.page_with_most("tin-tuc", "<figure class=\"chart\"");
    s.open(&article);
    let look = "const shown = q => { const e = document.querySelector(q); return !!e && e.getClientRects().length > 0; }; return {menu: shown('nav.menu'), sidebar: shown('.sidebar'), h1: shown('main h1'), chart: shown('figure.chart svg')};";
    let screen = s.b.js(look, vec![]);
    assert_eq!(
        screen,
        json!({"menu": true, "sidebar": true, "h1": true, "chart": true}),
        "on screen, {article}"
    );
    s.b.media("print");
    let print = s.b.js(look, vec![]);
    s.b.media("");
    assert_eq!(
        print,
        json!({"menu": false, "sidebar": false, "h1": true, "chart": true}),
        "printing {article} (true = shown)"
    );
}

/// Where the page's content starts and whether the menu's links show, on a
/// phone: before site.js has run (it is blocked) and after.
#[test]
fn the_phone_menu_is_folded_before_site_js_runs_so_nothing_moves() {
    let Some(s) = session() else { return };
    s.b.phone(412);
    let look = "const m = document.querySelector('main').getBoundingClientRect().top; const a = document.querySelector('#menu-chinh a'); return {main_top: Math.round(m), links_shown: !!a && a.getClientRects().length > 0};";
    let path = s.site.page_with_most("tin-tuc", "<figure class=\"cover\"");
    s.open(&path);
    let after = s.b.js(look, vec![]);
    // The deferred site.js not run yet: what a slow phone paints first.
    s.b.cdp("Network.enable", json!({}));
    s.b.cdp("Network.setCacheDisabled", json!({"cacheDisabled": true}));
    s.b.cdp(
        "Network.setBlockedURLs",
        json!({"urls": ["*/static/site.*"]}),
    );
    s.open(&path);
    let before = s.b.js(look, vec![]);
    s.b.cdp("Network.setBlockedURLs", json!({"urls": []}));
    assert_eq!(
        before, after,
        "the page moves when site.js folds the menu (a layout shift on every phone page)"
    );
    assert_eq!(after["links_shown"], json!(false), "folded on a phone");
    // Without JavaScript the menu is simply open.
    s.b.cdp(
        "Emulation.setScriptExecutionDisabled",
        json!({"value": true}),
    );
    s.open(&path);
    let no_js = s.b.js(look, vec![]);
    s.b.cdp(
        "Emulation.setScriptExecutionDisabled",
        json!({"value": false}),
    );
    assert_eq!(no_js["links_shown"], json!(true), "open without JavaScript");
}

#[test]
fn a_360_pixel_screen_never_scrolls_sideways() {
    let Some(s) = session() else { return };
    s.b.phone(360);
    // On a phone, content wider than the screen makes the browser zoom out (the
    // page's width grows past 360) or scroll sideways: either way it is too wide.
    let measure = "const w = arguments[0]; const sw = Math.max(window.innerWidth, document.documentElement.scrollWidth, document.body.scrollWidth); const wide = []; if (sw > w) { for (const e of document.querySelectorAll('body *')) { const r = e.getBoundingClientRect(); if (r.right > w + 0.5 && r.width > 0 && !wide.some(x => x.el.contains(e))) wide.push({el: e, right: Math.round(r.right)}); } } return {screen: screen.width, sw, wide: wide.slice(0, 8).map(x => x.el.tagName.toLowerCase() + (x.el.id ? '#' + x.el.id : '') + (x.el.className && typeof x.el.className === 'string' ? '.' + x.el.className.trim().split(/\\s+/).join('.') : '') + ' (right edge ' + x.right + ' px)')};";
    let mut problems = Vec::new();
    for (kind, path) in page_kinds(&s.site) {
        s.open(&path);
        let m = s.b.js(measure, vec![json!(360)]);
        assert_eq!(
            m["screen"],
            json!(360),
            "the phone emulation did not apply on {path}"
        );
        if m["sw"].as_f64().unwrap_or(f64::MAX) > 360.0 {
            problems.push(format!(
                "{kind} {path}: {} px wide; too wide: {}",
                m["sw"], m["wide"]
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "pages wider than a 360 px screen:\n{}",
        problems.join("\n")
    );
}

#[test]
fn axe_finds_no_wcag_violations_on_any_kind_of_page() {
    let Some(axe) = tools::axe_js() else { return };
    let Some(s) = session() else { return };
    let run = "const done = arguments[arguments.length - 1]; axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}).then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 6).map(n => n.target.join(' '))})))).catch(e => done({error: String(e)}));";
    let mut report = Vec::new();
    for (kind, path) in page_kinds(&s.site) {
        s.open(&path);
        s.b.inject(&axe);
        let violations = s.b.js_async(run, vec![]);
        let Value::Array(list) = violations else {
            panic!("axe did not run on {path}: {violations}")
        };
        for v in list {
            report.push(format!(
                "{kind} {path}: {} ({}) {}\n    at {}",
                v["id"].as_str().unwrap_or("?"),
                v["impact"].as_str().unwrap_or("?"),
                v["help"].as_str().unwrap_or(""),
                v["targets"]
            ));
        }
    }
    assert!(
        report.is_empty(),
        "axe-core found {} WCAG 2.1 A/AA violations:\n{}",
        report.len(),
        report.join("\n")
    );
}
