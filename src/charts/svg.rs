//! From plotters' SVG to one fit for a page: responsive (viewBox, no fixed size),
//! accessible (`role="img"`, `<title>` and `<desc>` named by `aria-labelledby`),
//! and typeset in the page's font (no `font-family` on the text; a sans-serif
//! when the file is opened on its own).
//!
//! plotters escapes `< > & " '` in every text and attribute it writes, so labels
//! go to it raw; only the title and description added here are escaped here.

use super::data::ChartData;
use super::describe::describe;
use crate::text::Lang;

/// Wraps plotters' drawing `raw` of `data` (canvas `w`×`h`) in the root we want.
pub(crate) fn finish(raw: &str, data: &ChartData, lang: Lang, (w, h): (u32, u32)) -> String {
    let body = match raw
        .find("<svg")
        .and_then(|i| raw[i..].find('>').map(|j| i + j + 1))
    {
        Some(end) => &raw[end..],
        None => raw,
    };
    let (title_id, desc_id) = ids(&data.id);
    let mut out = String::with_capacity(body.len() + 512);
    out.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"100%\" role=\"img\" aria-labelledby=\"{title_id} {desc_id}\" font-family=\"inherit\" class=\"chart chart-{}\">\n",
        data.kind.name()
    ));
    out.push_str(&format!(
        "<title id=\"{title_id}\">{}</title>\n",
        escape(&data.title)
    ));
    out.push_str(&format!(
        "<desc id=\"{desc_id}\">{}</desc>\n",
        escape(&describe(data, lang))
    ));
    // Inline, text takes the page's font (font-family="inherit" above). Opened on
    // its own (the .svg download) the SVG is the document root, and this rule
    // gives it a sans-serif instead of the browser's default serif.
    out.push_str("<style>svg.chart:root{font-family:sans-serif}</style>");
    out.push_str(&clean_attributes(body));
    out
}

/// `chart-{id}-title` and `chart-{id}-desc`, with the id reduced to characters
/// that are safe in an id and in a CSS selector.
pub fn ids(chart_id: &str) -> (String, String) {
    let mut safe: String = chart_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if safe.is_empty() {
        safe.push('x');
    }
    (format!("chart-{safe}-title"), format!("chart-{safe}-desc"))
}

/// Text for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Drops `font-family` (the page's font applies) and `opacity="1"` (the
/// default), and rounds plotters' `font-size="13.000000000000002"`.
///
/// Scanning for `="` is safe: plotters escapes `"` in text, so the pair only
/// occurs between an attribute name and its value.
fn clean_attributes(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(eq) = rest.find("=\"") {
        let Some(len) = rest[eq + 2..].find('"') else {
            break;
        };
        let value_end = eq + 2 + len;
        let name_start = rest[..eq].rfind(' ').unwrap_or(0);
        let (name, value) = (&rest[name_start + 1..eq], &rest[eq + 2..value_end]);
        out.push_str(&rest[..name_start]);
        match name {
            "font-family" => {}
            "opacity" if value == "1" => {}
            "font-size" => out.push_str(&format!(" font-size=\"{}\"", round(value))),
            _ => out.push_str(&rest[name_start..=value_end]),
        }
        rest = &rest[value_end + 1..];
    }
    out.push_str(rest);
    out
}

fn round(value: &str) -> String {
    match value.parse::<f64>() {
        Ok(v) => {
            let s = format!("{v:.2}");
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        }
        Err(_) => value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_are_cleaned() {
        let body = "<text x=\"1\" font-family=\"sans-serif\" font-size=\"13.000000000000002\" opacity=\"1\" fill=\"#222222\">\nA &amp; B=&quot;x&quot;\n</text>";
        assert_eq!(
            clean_attributes(body),
            "<text x=\"1\" font-size=\"13\" fill=\"#222222\">\nA &amp; B=&quot;x&quot;\n</text>"
        );
    }

    #[test]
    fn ids_are_safe() {
        assert_eq!(ids("ket-nap").0, "chart-ket-nap-title");
        assert_eq!(ids("a b\"<").1, "chart-a-b---desc");
        assert_eq!(
            escape("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;"
        );
    }
}
