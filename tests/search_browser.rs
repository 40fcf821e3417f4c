//! The search page in headless Chromium, on the built fixture
//! `tests/fixtures/search` served from a plain static server under the base
//! path `/dang-bo/`: what a reader types and what they see.
//!
//! Needs chromium and chromedriver (`tests/run` installs them). Under CI their
//! absence fails the test; elsewhere it prints a notice and passes.

#[path = "browser/tools.rs"]
mod tools;
#[path = "search_browser/web.rs"]
mod web;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use serde_json::Value;

const BASE: &str = "/dang-bo/";
const DA_NANG: &str = "Đà Nẵng tổ chức hội nghị chuyên đề với hơn 4.000 đại biểu";
const DA_NANG_FOLDED: &str = "Khánh thành nhà văn hóa đa năng của xã";
const KET_NAP: &str = "Năm 2022 kết nạp 7.314 đảng viên mới";
const HOC_VIEN: &str = "Bế giảng lớp bồi dưỡng lý luận chính trị";
const KINH_TE: &str = "Kinh tế vùng tiếp tục phát triển";
const MARKUP: &str = "Mẹo <b>soạn</b> tin & ảnh";

fn build_fixture(out: &Path, port: u16) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/search");
    let status = Command::new(env!("CARGO_BIN_EXE_trangtin"))
        .args(["build", "--root"])
        .arg(&root)
        .arg("--output")
        .arg(out)
        .arg("--base-url")
        .arg(format!("http://127.0.0.1:{port}{BASE}"))
        .output()
        .expect("trangtin runs");
    assert!(
        status.status.success(),
        "the search fixture must build:\n{}",
        String::from_utf8_lossy(&status.stderr)
    );
}

#[test]
fn search_page_in_chromium() {
    let Some(driver) = web::driver() else { return };
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let out = tmp.path().join("output");
    let port = web::serve(out.clone(), BASE);
    build_fixture(&out, port);
    web::block_on(async {
        let c = web::browser(&driver).await;
        let site = format!("http://127.0.0.1:{port}{BASE}");
        let result = checks(&c, &site).await;
        let _ = c.close().await;
        result
    });
}

async fn checks(c: &Client, site: &str) {
    folded_query_from_the_address(c, site).await;
    results_pass_axe(c).await;
    diacritics_rank_first_and_case_does_not_matter(c).await;
    multi_word_queries_rank_all_words_and_phrases_first(c).await;
    numbers_are_found_with_and_without_separators(c).await;
    filters_narrow_results(c).await;
    editor_text_is_shown_as_text(c).await;
    keyboard_reaches_the_results(c).await;
    header_box_leads_to_results(c, site).await;
}

/// Opening `/tim-kiem/?q=da nang` shows both spellings, marked as written.
async fn folded_query_from_the_address(c: &Client, site: &str) {
    c.goto(&format!("{site}tim-kiem/?q=da%20nang"))
        .await
        .expect("the search page opens");
    wait_for_query(c, "da nang").await;
    let titles = titles(c).await;
    assert_eq!(
        titles.len(),
        2,
        "`da nang` should find exactly the two articles with Đà Nẵng / đa năng, found {titles:?}"
    );
    assert!(
        titles.contains(&DA_NANG.to_string()),
        "`da nang` must find the Đà Nẵng article; found {titles:?}"
    );
    assert!(
        titles.contains(&DA_NANG_FOLDED.to_string()),
        "`da nang` must find `đa năng` too; found {titles:?}"
    );
    assert_eq!(
        js(c, "return document.getElementById('q').value").await,
        "da nang",
        "the query from the address fills the box"
    );
    let marks = js(c, "return Array.from(document.querySelectorAll('[data-results] mark')).map(m => m.textContent)").await;
    for word in ["Đà", "Nẵng", "đa", "năng"] {
        assert!(
            marks
                .as_array()
                .is_some_and(|m| m.iter().any(|x| x == word)),
            "`{word}` should be highlighted as written; highlights: {marks}"
        );
    }
    let status = js(c, "const s = document.querySelector('[data-status]'); return [s.textContent, s.getAttribute('role'), s.getAttribute('aria-live')]").await;
    assert_eq!(
        status,
        serde_json::json!(["Tìm thấy 2 kết quả cho “da nang”.", "status", "polite"]),
        "the count is announced in a live region"
    );
    let label = js(
        c,
        "return document.querySelector('label[for=q]').textContent",
    )
    .await;
    assert_eq!(
        label, "Từ khóa tìm kiếm",
        "the search box has a visible label"
    );
    let meta = js(c, "return Array.from(document.querySelectorAll('[data-results] .search-meta')).map(m => m.textContent)").await;
    assert!(
        meta.to_string()
            .contains("21/02/2023 09:00 · Xây dựng Đảng"),
        "results show date and category; got {meta}"
    );
    let hrefs = js(c, "return Array.from(document.querySelectorAll('[data-results] h2 a')).map(a => a.getAttribute('href'))").await;
    assert!(
        hrefs.to_string().contains("/dang-bo/tin-tuc/"),
        "result links use the base path; got {hrefs}"
    );
}

/// axe-core's WCAG 2.1 A/AA rules on the page with results, filters and
/// highlights shown.
async fn results_pass_axe(c: &Client) {
    let Some(axe) = tools::axe_js() else { return };
    let src =
        std::fs::read_to_string(&axe).unwrap_or_else(|e| panic!("read {}: {e}", axe.display()));
    c.execute(&src, vec![])
        .await
        .expect("axe-core loads into the page");
    let run = "const done = arguments[arguments.length - 1]; axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}).then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', ')))).catch(e => done(['axe failed: ' + e]));";
    let violations = c.execute_async(run, vec![]).await.expect("axe runs");
    assert_eq!(
        violations,
        serde_json::json!([]),
        "the search page with results must pass axe-core's WCAG 2.1 A/AA rules"
    );
}

/// `Đà Nẵng` puts the exact spelling before `đa năng`, though that one is
/// newer; `DA NANG` finds the same two.
async fn diacritics_rank_first_and_case_does_not_matter(c: &Client) {
    type_query(c, "Đà Nẵng").await;
    assert_eq!(
        titles(c).await,
        [DA_NANG, DA_NANG_FOLDED],
        "with diacritics typed, the exact spelling ranks first"
    );
    let search = js(c, "return new URLSearchParams(location.search).get('q')").await;
    assert_eq!(
        search, "Đà Nẵng",
        "the query is kept in the address so the search can be linked"
    );
    type_query(c, "DA NANG").await;
    let mut got = titles(c).await;
    got.sort();
    let mut want = vec![DA_NANG.to_string(), DA_NANG_FOLDED.to_string()];
    want.sort();
    assert_eq!(got, want, "`DA NANG` finds the same as `da nang`");
}

async fn multi_word_queries_rank_all_words_and_phrases_first(c: &Client) {
    type_query(c, "phát triển đảng viên").await;
    let titles = titles(c).await;
    let pos = |t: &str| titles.iter().position(|x| x == t).unwrap_or(usize::MAX);
    assert!(
        pos(DA_NANG) < 2 && pos(KET_NAP) < 2,
        "pages holding every word come first; got {titles:?}"
    );
    assert!(
        pos(KINH_TE) != usize::MAX && pos(KINH_TE) > pos(KET_NAP),
        "a page with only `phát triển` comes after; got {titles:?}"
    );
    type_query(c, "dang vien").await;
    let titles = self::titles(c).await;
    let pos = |t: &str| titles.iter().position(|x| x == t).unwrap_or(usize::MAX);
    assert!(
        pos(KET_NAP) < pos(HOC_VIEN),
        "the phrase `đảng viên` ranks above `Đảng … học viên`; got {titles:?}"
    );
    assert!(
        titles
            .iter()
            .any(|t| t == "Kế hoạch tạo nguồn kết nạp đảng viên"),
        "documents are searched; got {titles:?}"
    );
    assert!(
        titles.iter().any(|t| t == "Số đảng viên được kết nạp"),
        "datasets are searched; got {titles:?}"
    );
}

async fn numbers_are_found_with_and_without_separators(c: &Client) {
    for q in ["7314", "7.314"] {
        type_query(c, q).await;
        assert_eq!(
            titles(c).await,
            [KET_NAP],
            "`{q}` finds the article that says 7.314"
        );
    }
}

async fn filters_narrow_results(c: &Client) {
    type_query(c, "da nang").await;
    set_select(c, "q-cm", "Văn hóa").await;
    wait_for_query(c, "da nang").await;
    assert_eq!(
        titles(c).await,
        [DA_NANG_FOLDED],
        "the category filter keeps only Văn hóa"
    );
    set_select(c, "q-cm", "Tất cả").await;
    type_query(c, "dang vien").await;
    set_select(c, "q-nam", "2023").await;
    wait_for_query(c, "dang vien").await;
    let mut got = titles(c).await;
    got.sort();
    assert_eq!(got, [HOC_VIEN, DA_NANG], "the year filter keeps only 2023");
    let nam = js(c, "return new URLSearchParams(location.search).get('nam')").await;
    assert_eq!(nam, "2023", "filters are kept in the address too");
    set_select(c, "q-nam", "Tất cả").await;
}

/// An editor's `<b>` in a title is shown as text, never as markup.
async fn editor_text_is_shown_as_text(c: &Client) {
    type_query(c, "soạn").await;
    assert_eq!(
        titles(c).await,
        [MARKUP],
        "the title shows its characters as written"
    );
    let inner = js(
        c,
        "return document.querySelectorAll('[data-results] b, [data-results] img').length",
    )
    .await;
    assert_eq!(inner, 0, "no element may come from editor text");
}

async fn keyboard_reaches_the_results(c: &Client) {
    type_query(c, "dang vien").await;
    let input = c.find(Locator::Id("q")).await.expect("the search box");
    input.send_keys("\u{E015}").await.expect("arrow down");
    let focused = js(
        c,
        "return document.activeElement.closest('[data-results] li') !== null",
    )
    .await;
    assert_eq!(
        focused, true,
        "the down arrow moves from the box to the first result"
    );
}

/// The box in every page's header is a plain form to the search page.
async fn header_box_leads_to_results(c: &Client, site: &str) {
    c.goto(site).await.expect("the home page opens");
    let top = c
        .find(Locator::Id("q-top"))
        .await
        .expect("the header search box");
    top.send_keys("Đà Nẵng\u{E007}")
        .await
        .expect("typing and Enter");
    wait_for_query(c, "Đà Nẵng").await;
    assert_eq!(
        titles(c).await.first().map(String::as_str),
        Some(DA_NANG),
        "the header box lands on the search page with results"
    );
}

async fn js(c: &Client, script: &str) -> Value {
    c.execute(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("script failed: {script}: {e}"))
}

async fn titles(c: &Client) -> Vec<String> {
    let v = js(
        c,
        "return Array.from(document.querySelectorAll('[data-results] h2')).map(h => h.textContent)",
    )
    .await;
    serde_json::from_value(v).unwrap_or_default()
}

/// Replaces the box's text by typing, as a reader does.
async fn type_query(c: &Client, q: &str) {
    let input = c.find(Locator::Id("q")).await.expect("the search box #q");
    input.clear().await.expect("clear the box");
    input.send_keys(q).await.expect("type the query");
    wait_for_query(c, q).await;
}

async fn set_select(c: &Client, id: &str, label: &str) {
    let select = c
        .find(Locator::Id(id))
        .await
        .unwrap_or_else(|_| panic!("the filter #{id}"));
    select
        .select_by_label(label)
        .await
        .unwrap_or_else(|e| panic!("option `{label}` of #{id}: {e}"));
}

/// Results are done when the list says which query it shows.
async fn wait_for_query(c: &Client, q: &str) {
    let start = Instant::now();
    loop {
        let shown = js(c, "const l = document.querySelector('[data-results]'); return l && l.getAttribute('data-query')").await;
        if shown == q {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no results for `{q}` within 20 s (the list shows {shown})"
        );
        // A plain sleep: nothing else runs on this runtime between commands.
        std::thread::sleep(Duration::from_millis(30));
    }
}
