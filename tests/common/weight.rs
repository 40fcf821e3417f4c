//! Page weight: how many bytes of a written page are the theme's, around the
//! page's own content. docs/performance.md ("Page weight") says what is counted.
//!
//! Shared by tests/page_weight.rs and examples/page-weight.rs (which includes
//! this file by path), so the test and the reported figures use one measure.
#![allow(dead_code)]

use std::io::Write;

/// The weight of one HTML page, in bytes of UTF-8 as written (uncompressed),
/// with gzip sizes beside them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Weight {
    /// The whole file.
    pub total: usize,
    /// Everything but the `<main>…</main>` element: `<head>`, the header with
    /// its menu, the breadcrumbs, the sidebar and the footer. The same theme
    /// bytes on every page, apart from the page's title and address in them.
    pub chrome: usize,
    /// On an article page, everything but its `<article class="article">…</article>`
    /// element (the article's text with its heading, date, lead, tags and
    /// source): the chrome plus the lists of related, newer and older stories.
    /// Elsewhere the same as `chrome`.
    pub outside_article: usize,
    /// gzip (level 9) of the whole file minus gzip of the `<main>` element
    /// alone: roughly what the chrome adds on the wire.
    pub chrome_gzip: usize,
    /// The same for `outside_article`.
    pub outside_article_gzip: usize,
}

/// The page kind from `<body class="kind-…">`, or "other" (redirect stubs).
pub fn kind(html: &str) -> &str {
    html.split_once("<body class=\"kind-")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map_or("other", |(k, _)| k)
}

/// Weighs a page. A page without a `<main>` is all chrome.
pub fn weigh(html: &str) -> Weight {
    let total = html.len();
    let main = element(html, "<main", "</main>", false).unwrap_or("");
    let own = match kind(html) {
        "article" => {
            element(main, "<article class=\"article\"", "</article>", true).unwrap_or(main)
        }
        _ => main,
    };
    let whole_gz = gzip_len(html.as_bytes());
    Weight {
        total,
        chrome: total - main.len(),
        outside_article: total - own.len(),
        chrome_gzip: whole_gz.saturating_sub(gzip_len(main.as_bytes())),
        outside_article_gzip: whole_gz.saturating_sub(gzip_len(own.as_bytes())),
    }
}

/// The text from `open` to the end of `close`: the first `close` after it, or
/// with `last` the last one (an article holds cards that are `<article>`s too).
fn element<'a>(html: &'a str, open: &str, close: &str, last: bool) -> Option<&'a str> {
    let start = html.find(open)?;
    let rest = &html[start..];
    let end = if last {
        rest.rfind(close)?
    } else {
        rest.find(close)?
    };
    Some(&rest[..end + close.len()])
}

/// Bytes of `data` compressed with gzip at level 9.
pub fn gzip_len(data: &[u8]) -> usize {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(data).expect("gzip into memory");
    gz.finish().expect("gzip into memory").len()
}
