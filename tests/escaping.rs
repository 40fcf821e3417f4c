//! Every string an editor writes is shown as text, never run as code.
//!
//! `tests/fixtures/escaping` (an overlay on minimal) puts the same hostile text
//! in every field: titles, summary, tags, captions, source, category, author,
//! event, chart title and labels, dataset cells, organization, document and
//! site.yaml strings, plus `javascript:` addresses and raw HTML in a body.

mod common;

use common::{links, Run, Site};

/// What the fixture writes after each field's own words.
const HOSTILE: &str = r#"<script>alert(1)</script> "><img src=x onerror=alert(1)> </title> ]]>"#;

const ARTICLE: &str =
    "tin-tuc/tieu-de-script-alert-1-script-img-src-x-onerror-alert-1-title/index.html";

fn hostile_site() -> (Site, Run) {
    let site = Site::new("minimal");
    site.overlay(&common::fixture("escaping"));
    let run = site.build(&[]).ok();
    (site, run)
}

/// Every written file a browser or feed reader interprets (CSV downloads are
/// data and keep the text as written).
fn markup(run: &Run) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for ext in [".html", ".svg", ".xml"] {
        out.extend(run.texts(ext));
    }
    assert!(out.len() > 20, "only {} files to look at", out.len());
    out
}

#[test]
fn no_written_file_runs_editor_text() {
    let (_site, run) = hostile_site();
    let mut found = Vec::new();
    for (path, text) in markup(&run) {
        for bad in [
            "<script>alert",
            "<img src=x onerror",
            "<img src=\"x\" onerror",
        ] {
            if text.contains(bad) {
                found.push(format!("{path}: contains `{bad}`"));
            }
        }
        for (tag, attr) in event_handlers(&text) {
            found.push(format!("{path}: <{tag}> has the event handler `{attr}`"));
        }
        for link in links(&text) {
            if is_script_url(&link) {
                found.push(format!("{path}: links to `{link}`"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "editor text became code:\n{}",
        found.join("\n")
    );
}

#[test]
fn xml_files_stay_well_formed_around_cdata_ends() {
    let (_site, run) = hostile_site();
    for (path, text) in run.texts(".xml").into_iter().chain(run.texts(".svg")) {
        // `]]>` may only close a CDATA section in XML text.
        assert_eq!(
            text.matches("]]>").count(),
            text.matches("<![CDATA[").count(),
            "{path} has a bare `]]>`"
        );
        assert!(
            !text.contains("</title> ]]"),
            "{path} lets `</title>` through"
        );
    }
}

#[test]
fn hostile_text_is_still_shown_as_written() {
    let (_site, run) = hostile_site();
    let shown = [
        (ARTICLE, "Tiêu đề"),
        (ARTICLE, "Tóm tắt"),
        (ARTICLE, "Chú thích ảnh"),
        (ARTICLE, "Báo"),
        (ARTICLE, "Tác giả"),
        (ARTICLE, "Hội nghị"),
        (ARTICLE, "Chuyên mục"),
        (ARTICLE, "Từ khóa"),
        (ARTICLE, "Biểu đồ"),
        (ARTICLE, "Kỳ 1"),
        (ARTICLE, "Phần"),
        (ARTICLE, "Số liệu"),
        (ARTICLE, "Trang"),
        (ARTICLE, "Ban"),
        ("index.html", "Chỉ số"),
        ("to-chuc/thai-hoa/index.html", "Thị ủy"),
        ("van-kien/index.html", "Kế hoạch"),
        ("so-lieu/ket-nap/index.html", "Đơn vị"),
        ("bieu-do/ket-nap.svg", "Biểu đồ"),
        ("bieu-do/ket-nap.svg", "Kỳ 2"),
        ("rss.xml", "Tiêu đề"),
        ("atom.xml", "Tiêu đề"),
        ("atom.xml", "Tác giả"),
    ];
    let mut missing = Vec::new();
    for (file, words) in shown {
        let text = unescape(&run.read(file));
        if !text.contains(&format!("{words} {HOSTILE}")) {
            missing.push(format!("{file}: `{words} {HOSTILE}`"));
        }
    }
    assert!(
        missing.is_empty(),
        "text that should show as written, escaped once:\n{}",
        missing.join("\n")
    );
    let html = run.read(ARTICLE);
    assert!(
        html.contains("<h1>Tiêu đề &lt;script&gt;alert(1)&lt;/script&gt;"),
        "the headline is escaped, not dropped"
    );
    let csv = run.read("bieu-do/ket-nap.csv");
    assert!(
        csv.contains("Kỳ 1 <script>alert(1)</script>"),
        "CSV keeps the data as written: {csv}"
    );
}

#[test]
fn json_ld_is_valid_json_holding_the_text() {
    let (_site, run) = hostile_site();
    let html = run.read(ARTICLE);
    let start = html
        .find(r#"<script type="application/ld+json">"#)
        .expect("JSON-LD on the article")
        + r#"<script type="application/ld+json">"#.len();
    let json = &html[start..start + html[start..].find("</script>").expect("end of JSON-LD")];
    let value: serde_json::Value = serde_json::from_str(json)
        .unwrap_or_else(|e| panic!("JSON-LD does not parse: {e}\n{json}"));
    assert_eq!(value["headline"], format!("Tiêu đề {HOSTILE}"));
    assert!(
        !json.contains("</"),
        "`</` inside the script element could end it: {json}"
    );
}

#[test]
fn javascript_addresses_are_refused_or_neutralised() {
    let (_site, run) = hostile_site();
    let body = common::main_of(&run.read(ARTICLE)).to_string();
    for text in ["liên kết độc", "độc nữa", "thẻ a độc"] {
        assert!(body.contains(text), "the link text `{text}` stays: {body}");
    }
    let bad: Vec<String> = links(&body)
        .into_iter()
        .filter(|l| is_script_url(l))
        .collect();
    assert!(bad.is_empty(), "script addresses in the article: {bad:?}");
    // A keyword that looks like an address is only a word with an ordinary page.
    assert!(
        links(&body)
            .iter()
            .any(|l| l == "/tu-khoa/javascript-alert-1/"),
        "{body}"
    );
}

/// `on…=` attributes of real tags (text shown as `&lt;img …` is not a tag).
fn event_handlers(markup: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = markup;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if name.is_empty() {
            continue;
        }
        let (attrs, after) = attributes(&rest[name.len()..]);
        for a in attrs
            .into_iter()
            .filter(|a| a.to_ascii_lowercase().starts_with("on"))
        {
            found.push((name.clone(), a));
        }
        rest = after;
    }
    found
}

/// The attribute names of one tag, and the text after its `>`.
fn attributes(mut s: &str) -> (Vec<String>, &str) {
    let mut names = Vec::new();
    loop {
        s = s.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if s.is_empty() || s.starts_with('>') {
            return (names, s.get(1..).unwrap_or_default());
        }
        let end = s
            .find(|c: char| c.is_whitespace() || c == '=' || c == '>' || c == '/')
            .unwrap_or(s.len());
        names.push(s[..end].to_string());
        s = s[end..].trim_start();
        if let Some(v) = s.strip_prefix('=') {
            let v = v.trim_start();
            s = match v.chars().next() {
                Some(q @ ('"' | '\'')) => v[1..].find(q).map_or("", |e| &v[e + 2..]),
                _ => {
                    &v[v.find(|c: char| c.is_whitespace() || c == '>')
                        .unwrap_or(v.len())..]
                }
            };
        }
    }
}

fn is_script_url(url: &str) -> bool {
    let squeezed: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:text/html"]
        .iter()
        .any(|s| squeezed.starts_with(s))
}

/// Undoes one level of HTML/XML escaping.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&#x2F;", "/")
        .replace("&#47;", "/")
        .replace("&amp;", "&")
}

#[test]
fn the_tag_scanner_finds_handlers_only_in_real_tags() {
    let found = event_handlers(
        r#"<p title="a onclick=x">&lt;img onerror=y&gt;</p><img src=x onerror=alert(1)>"#,
    );
    assert_eq!(found, vec![("img".to_string(), "onerror".to_string())]);
}

/// site.yaml's `html:` lets a committee keep an embedded video, and only that:
/// the script beside it is still removed.
#[test]
fn the_site_can_allow_an_iframe_but_not_a_script() {
    let site = Site::new("minimal");
    site.write(
        "content/articles/video.md",
        "---\ntitle: Phóng sự hội nghị\ndate: 2023-03-07\n---\nXem phóng sự.\n\n<iframe src=\"https://video.example.vn/hoi-nghi\" title=\"Phóng sự\"></iframe>\n<script>alert(1)</script>\n",
    );
    let before = site.build(&[]).ok();
    let main = before.main("/tin-tuc/phong-su-hoi-nghi/");
    assert!(
        !main.contains("<iframe"),
        "iframes are removed by default: {main}"
    );
    site.edit("content/site.yaml", |s| {
        format!("{s}html:\n  allow_tags: [iframe]\n  allow_attributes: [src, title]\n")
    });
    let after = site.build(&[]).ok();
    let main = after.main("/tin-tuc/phong-su-hoi-nghi/");
    assert!(
        main.contains("<iframe src=\"https://video.example.vn/hoi-nghi\" title=\"Phóng sự\">"),
        "{main}"
    );
    assert!(
        !main.contains("<script") && !main.contains("alert(1)"),
        "{main}"
    );
}
