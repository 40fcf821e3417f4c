//! Property tests: whatever an editor types, the library answers with a result or
//! a plain error, never a panic, and never lets a script into a page.
//!
//! 256 cases a property by default; `PROPTEST_CASES=200000 cargo test --test
//! properties` for a long session (the pipeline property runs a quarter). A failure prints the smallest input
//! found and saves its seed in `tests/properties.proptest-regressions`.

mod common;
#[path = "properties/html_check.rs"]
mod html_check;
#[path = "properties/inputs.rs"]
mod inputs;

use std::path::Path;

use html_check::{none, script_problems, Tag};
use inputs::{good_article, md_body, md_file, vi_text};
use proptest::prelude::*;
use trangtin::input::frontmatter;
use trangtin::markdown::{self, Part};
use trangtin::text::{date, number, slug::slugify, Lang};

fn html_of(p: &markdown::Parsed) -> String {
    p.html()
}

fn is_slug(s: &str) -> bool {
    s.bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
}

/// `-?ddd(.ddd)*(,d+)?` for Vietnamese, with `,` and `.` swapped for English.
fn well_grouped(s: &str, group: char, point: char) -> bool {
    let s = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = s.split_once(point).unwrap_or((s, ""));
    let groups: Vec<&str> = int.split(group).collect();
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    digits(groups[0])
        && groups[0].len() <= 3
        && groups[1..].iter().all(|g| g.len() == 3 && digits(g))
        && (frac.is_empty() || digits(frac))
        && !(groups.len() > 1 && groups[0].starts_with('0'))
}

// ---------------------------------------------------------------- properties

proptest! {
    #[test]
    fn front_matter_never_panics(file in md_file()) {
        let text = trangtin::text::normalize(&file);
        let path = Path::new("content/articles/bai.md");
        let lines = text.lines().count().max(1);
        if let Ok(split) = frontmatter::split(&text, path) {
            prop_assert!(split.body_line <= lines + 1);
            if let Err(e) = frontmatter::parse(&split, path) {
                for lang in [trangtin::text::Lang::Vi, trangtin::text::Lang::En] {
                    prop_assert!(!e.message(lang).trim().is_empty(), "an empty message");
                }
                prop_assert_eq!(e.path(), Some(path));
                if let Some(line) = e.line() {
                    prop_assert!((1..=lines + 1).contains(&line), "line {} of a {}-line file: {}", line, lines, e);
                }
            }
        }
    }

    #[test]
    fn a_plain_value_with_a_colon_reads_as_its_text(
        key in "[a-z]{1,8}",
        value in "[\\p{L}\\p{N}(/][\\p{L}\\p{N} .;()/%+=_]{0,12}: [\\p{L}\\p{N} .;:()/%+=_\\-]{0,16}",
        indent in "( {2}|- ){0,2}",
    ) {
        let next = if indent.starts_with('-') { "- next: 1" } else { "next: 1" };
        let text = format!("{indent}{key}: {value}\n{next}\n");
        let got = trangtin::yaml::parse::<Doc>(&text, Path::new("s.yaml"), 1);
        // At the top or in a list the text is well formed but for the colon.
        if !indent.starts_with(' ') {
            prop_assert!(got.is_ok(), "{} → {:?}", text, got);
        }
        if let Ok(doc) = &got {
            // Wherever it sits, the value read is the text as typed.
            prop_assert!(doc.holds(value.trim()), "{} → {:?}", text, doc);
        }
    }

    #[test]
    fn markdown_never_panics_and_never_lets_scripts_in(body in md_body(), first_line in 1usize..500) {
        let parsed = markdown::parse(&body, first_line, "/goc/");
        let html = html_of(&parsed);
        let problems = script_problems(&html, &none);
        prop_assert!(problems.is_empty(), "{:?}\nin:\n{}", problems, html);
        for part in &parsed.parts {
            if let Part::Block { line, .. } = part {
                prop_assert!(*line > first_line && *line <= first_line + body.lines().count() + 1, "block line {}", line);
            }
        }
        for id in &parsed.anchors {
            prop_assert!(!id.is_empty());
        }
    }

    #[test]
    fn markdown_of_any_text_never_panics(text in any::<String>()) {
        let parsed = markdown::parse(&text, 1, "/");
        let problems = script_problems(&html_of(&parsed), &none);
        prop_assert!(problems.is_empty(), "{:?}", problems);
    }

    #[test]
    fn slugs_are_ascii_dashed_and_stable(text in vi_text()) {
        let s = slugify(&text);
        prop_assert!(is_slug(&s), "{:?} → {:?}", text, s);
        prop_assert_eq!(slugify(&s), s.clone(), "slugify is not idempotent");
        if text.chars().any(|c| c.is_ascii_alphanumeric()) {
            prop_assert!(!s.is_empty(), "{:?} has letters but an empty slug", text);
        }
    }

    #[test]
    fn numbers_round_trip(n in -(1i64 << 52)..(1i64 << 52), decimals in 0usize..8) {
        let value = n as f64 / 10f64.powi(decimals as i32);
        for (lang, group, point) in [(Lang::Vi, '.', ','), (Lang::En, ',', '.')] {
            let text = number::format(value, decimals, lang);
            prop_assert!(well_grouped(&text, group, point), "{} → {:?} ({:?})", value, text, lang);
            prop_assert_eq!(number::parse(&text, lang), Some(value), "{} → {:?} ({:?})", value, text, lang);
            prop_assert_eq!(number::format(value, decimals, lang), text, "not the same text twice");
        }
    }

    #[test]
    fn any_number_formats_close_to_itself(value in any::<f64>(), decimals in 0usize..10) {
        for lang in [Lang::Vi, Lang::En] {
            let text = number::format(value, decimals, lang);
            if !value.is_finite() {
                prop_assert_eq!(text, "–");
                continue;
            }
            let back = number::parse(&text, lang);
            prop_assert!(back.is_some(), "{} → {:?} does not read back", value, text);
            let err = (back.unwrap_or(f64::NAN) - value).abs();
            prop_assert!(err <= 0.5 * 10f64.powi(-(decimals as i32)) + value.abs() * 1e-15, "{} → {:?}", value, text);
            let _ = number::percent(value, lang);
        }
    }

    #[test]
    fn dates_never_panic(text in prop_oneof![any::<String>(), "[0-9]{4}-[0-9]{2}-[0-9]{2}( |T)?[0-9]{0,2}:?[0-9]{0,2}:?[0-9]{0,2}"]) {
        if let Ok(when) = date::parse(&text) {
            for tz in ["UTC", "Asia/Ho_Chi_Minh", "America/New_York", "Pacific/Kiritimati"] {
                let tz = jiff::tz::TimeZone::get(tz).expect("a bundled time zone");
                let _ = (date::rfc3339(when, &tz), date::rfc2822(when, &tz));
            }
            for lang in [Lang::Vi, Lang::En] {
                let _ = (date::long(when, lang), date::short(when, lang));
            }
        }
    }

    #[test]
    fn written_dates_read_back(y in 0i16..=9999, m in 1i8..=12, d in 1i8..=31, time in prop::option::of((0i8..24, 0i8..60))) {
        let mut text = format!("{y:04}-{m:02}-{d:02}");
        if let Some((h, mi)) = time {
            text.push_str(&format!(" {h:02}:{mi:02}"));
        }
        let valid = jiff::civil::Date::new(y, m, d).is_ok();
        let parsed = date::parse(&text);
        prop_assert_eq!(parsed.is_ok(), valid, "{:?} → {:?}", text, parsed);
        if let Ok(when) = parsed {
            prop_assert_eq!(date::iso_date(when), text[..10].to_string());
            prop_assert_eq!(when.has_time, time.is_some());
        }
    }
}

// ------------------------------------------------- the whole pipeline, in process

/// Any YAML document of text and numbers.
#[derive(Debug, serde::Deserialize)]
#[serde(untagged)]
enum Doc {
    Map(std::collections::BTreeMap<String, Doc>),
    List(Vec<Doc>),
    Number(#[allow(dead_code)] f64),
    Text(String),
}

impl Doc {
    fn holds(&self, text: &str) -> bool {
        match self {
            Doc::Map(m) => m.values().any(|d| d.holds(text)),
            Doc::List(l) => l.iter().any(|d| d.holds(text)),
            Doc::Text(t) => t == text,
            Doc::Number(_) => false,
        }
    }
}

/// The build is slower than one function: a quarter of the cases.
fn pipeline_config() -> ProptestConfig {
    let base = ProptestConfig::default();
    ProptestConfig {
        cases: (base.cases / 4).clamp(8, 1000),
        ..base
    }
}

proptest! {
    #![proptest_config(pipeline_config())]

    /// One generated article in the minimal site: `render_site` returns pages or
    /// errors, never panics, and no page carries a script the theme did not put there.
    #[test]
    fn a_generated_article_renders_or_explains(file in prop_oneof![md_file(), good_article()]) {
        let site = common::Site::new("minimal");
        site.write("content/articles/sinh-ra.md", &file);
        let opts = trangtin::build::BuildOptions { root: site.root.clone(), output: site.output(), drafts: true, base_url: None, clock: None };
        let result = trangtin::build::render_site(&opts);
        if let Ok((_, files)) = result {
            // The theme's own script file, its one-line `js` class, and the JSON-LD of articles.
            let allowed = |t: &Tag| t.attr("src").is_some_and(|s| s.starts_with("/static/")) || t.attr("type") == Some("application/ld+json") || t.attr("data-trangtin") == Some("js-class");
            for f in files.iter().filter(|f| f.path.ends_with(".html")) {
                let trangtin::output::Content::Bytes(b) = &f.content else { continue };
                let html = String::from_utf8_lossy(b);
                let problems = script_problems(&html, &allowed);
                prop_assert!(problems.is_empty(), "{}: {:?}", f.path, problems);
                for json in html.split("<script type=\"application/ld+json\">").skip(1) {
                    let json = json.split("</script>").next().unwrap_or("");
                    prop_assert!(!json.contains('<'), "{}: JSON-LD holds a `<`: {}", f.path, json);
                }
            }
        }
    }
}

/// The checks above must be able to fail: they see what a browser would run.
#[test]
fn the_script_check_sees_scripts() {
    for bad in [
        "<p><script>x</script></p>",
        "<a href=\"javascript:x\">a</a>",
        "<a href=\"&#106;avascript:x\">a</a>",
        "<a href=\"java&#x09;script:x\">a</a>",
        "<img src=' JavaScript:x'>",
        "<a href=vbscript:x>a</a>",
        "<img src=x onerror=alert(1)>",
        "<p title=\"x>y\"><SCRIPT>x</SCRIPT>",
    ] {
        assert!(!script_problems(bad, &none).is_empty(), "not seen: {bad}");
    }
    let fine = "<a href=\"/javascript:x\" title='a > b'>a</a> javascript: <code>&lt;iframe src=\"javascript:x\"&gt;</code><!-- <script> -->";
    assert!(
        script_problems(fine, &none).is_empty(),
        "{:?}",
        script_problems(fine, &none)
    );
    assert!(!well_grouped("1.2345", '.', ','));
    assert!(well_grouped("-12.345,5", '.', ','));
    assert!(!is_slug("a--b") && !is_slug("-a") && is_slug("a-1"));
}

/// Found by the long session: `{…}` after a heading sets any attribute, event
/// handlers included, and only raw HTML goes through the sanitizer.
#[test]
fn heading_attributes_cannot_add_event_handlers() {
    let body = "## Bấm vào đây {onmouseover=alert(document.cookie) style=position:fixed;inset:0}\n";
    let html = html_of(&markdown::parse(body, 1, "/"));
    let problems = script_problems(&html, &none);
    assert!(problems.is_empty(), "{problems:?} in {html}");
}
