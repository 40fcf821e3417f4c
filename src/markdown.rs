//! Markdown → HTML pieces and the fenced `chart` / `stats` / `table` / `video` blocks between them.
//!
//! The blocks are not rendered here: they come back as [`Part::Block`] with their
//! YAML and line, and the model resolves them against the site's data. That keeps
//! this module free of datasets, charts and templates.

use pulldown_cmark::{html, CodeBlockKind, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::text::slug::slugify;

/// Which kind of fenced block an editor wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Chart,
    Stats,
    Table,
    Video,
    Gallery,
}

/// A piece of an article body, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Html(String),
    Block {
        kind: BlockKind,
        yaml: String,
        line: usize,
    },
    /// A paragraph that is one site photo and nothing else: shown as a figure,
    /// its title as the caption.
    Photo {
        src: String,
        alt: String,
        title: String,
        line: usize,
    },
}

/// A link or image reference, kept so `check` can verify internal targets.
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    pub url: String,
    pub line: usize,
    pub is_image: bool,
    /// For images: whether alt text was given.
    pub has_alt: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    pub parts: Vec<Part>,
    /// The first paragraph as plain text: the default lead.
    pub first_paragraph: Option<String>,
    /// All the text, for search and word counts.
    pub plain: String,
    pub references: Vec<Reference>,
    /// Ids given to headings, so `#anchor` links can be checked.
    pub anchors: Vec<String>,
}

impl Parsed {
    /// The Markdown parts' HTML joined, blocks left out: what a body shows
    /// around its figures.
    pub fn html(&self) -> String {
        self.parts
            .iter()
            .filter_map(|x| match x {
                Part::Html(h) => Some(h.as_str()),
                Part::Block { .. } | Part::Photo { .. } => None,
            })
            .collect()
    }
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Converts `source` (which starts on line `first_line` of its file). Relative and
/// root-relative links are prefixed with `base_path` so the site works under a
/// sub-path; `javascript:`-style links are dropped; raw HTML is sanitized.
pub fn parse(source: &str, first_line: usize, base_path: &str) -> Parsed {
    parse_with(source, first_line, base_path, &HtmlPolicy::default())
}

/// What raw HTML in Markdown may keep beyond the safe default: site.yaml's
/// `html:` section. Scripts, styles and event handlers are never allowed.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct HtmlPolicy {
    /// Extra elements to keep, e.g. `[iframe]` for an embedded video.
    #[serde(default)]
    pub allow_tags: Vec<String>,
    /// Extra attributes to keep on every element, e.g. `[title, lang]`.
    #[serde(default)]
    pub allow_attributes: Vec<String>,
}

/// Names that stay forbidden whatever site.yaml says.
pub const NEVER_ALLOWED: &[&str] = &[
    "script", "style", "object", "embed", "base", "meta", "link", "form",
];

impl HtmlPolicy {
    /// Entries site.yaml may not allow, for the config check.
    pub fn forbidden(&self) -> Vec<&str> {
        let bad_tag = |t: &&String| NEVER_ALLOWED.contains(&t.to_ascii_lowercase().as_str());
        let bad_attr = |a: &&String| {
            let a = a.to_ascii_lowercase();
            a.starts_with("on") || a == "style" || a == "srcdoc" || a == "formaction"
        };
        self.allow_tags
            .iter()
            .filter(bad_tag)
            .chain(self.allow_attributes.iter().filter(bad_attr))
            .map(String::as_str)
            .collect()
    }
}

/// [`parse`] with a site's HTML policy.
pub fn parse_with(source: &str, first_line: usize, base_path: &str, policy: &HtmlPolicy) -> Parsed {
    let lines = LineIndex::new(source, first_line);
    let mut out = Parsed::default();
    let mut events: Vec<Event> = Vec::new();
    let mut has_raw_html = false;
    let mut fence: Option<(BlockKind, String, usize)> = None;
    let mut depth = 0usize;
    let mut in_first_para: Option<String> = None;
    let mut in_image = false;
    let all: Vec<_> = Parser::new_ext(source, options())
        .into_offset_iter()
        .collect();
    let mut skip_to = 0;

    for (i, (event, range)) in all.iter().cloned().enumerate() {
        if i < skip_to {
            continue;
        }
        if fence.is_none() {
            if let Some((photo, end)) = lone_photo(&all, i, &lines) {
                flush(&mut events, &mut out.parts, has_raw_html, policy);
                has_raw_html = false;
                if let Part::Photo { src, alt, line, .. } = &photo {
                    out.references.push(Reference {
                        url: src.clone(),
                        line: *line,
                        is_image: true,
                        has_alt: !alt.trim().is_empty(),
                    });
                }
                out.parts.push(photo);
                skip_to = end + 1;
                continue;
            }
        }
        if let Some((kind, ref mut yaml, line)) = fence {
            match event {
                Event::Text(t) => yaml.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    flush(&mut events, &mut out.parts, has_raw_html, policy);
                    has_raw_html = false;
                    out.parts.push(Part::Block {
                        kind,
                        yaml: std::mem::take(yaml),
                        line,
                    });
                    fence = None;
                }
                _ => {}
            }
            continue;
        }
        match &event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                if let Some(kind) = block_kind(info) {
                    fence = Some((kind, String::new(), lines.line(range.start) + 1));
                    continue;
                }
            }
            Event::Start(Tag::Paragraph) if depth == 0 && out.first_paragraph.is_none() => {
                in_first_para = Some(String::new());
            }
            Event::End(TagEnd::Paragraph) if depth == 1 => {
                if let Some(p) = in_first_para.take() {
                    let p = p.trim().to_string();
                    if !p.is_empty() {
                        out.first_paragraph = Some(p);
                    }
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(p) = in_first_para.as_mut() {
                    p.push_str(t);
                }
                if !in_image {
                    out.plain.push_str(t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(p) = in_first_para.as_mut() {
                    p.push(' ');
                }
                out.plain.push(' ');
            }
            Event::Html(_) | Event::InlineHtml(_) => has_raw_html = true,
            _ => {}
        }
        match &event {
            Event::Start(Tag::Image { .. }) => in_image = true,
            Event::End(TagEnd::Image) => in_image = false,
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell,
            ) => out.plain.push(' '),
            _ => {}
        }
        match &event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        events.push(rewrite(
            event,
            lines.line(range.start),
            base_path,
            &mut out.references,
        ));
    }
    flush(&mut events, &mut out.parts, has_raw_html, policy);
    add_heading_ids(&mut out);
    out.plain = out.plain.split_whitespace().collect::<Vec<_>>().join(" ");
    out
}

/// A paragraph at `i` holding only an image of the site's own files (not
/// `https://…`): the photo part and the index of the paragraph's end.
fn lone_photo(
    all: &[(Event, std::ops::Range<usize>)],
    i: usize,
    lines: &LineIndex,
) -> Option<(Part, usize)> {
    let (Event::Start(Tag::Paragraph), _) = &all[i] else {
        return None;
    };
    let (
        Event::Start(Tag::Image {
            dest_url, title, ..
        }),
        range,
    ) = all.get(i + 1)?
    else {
        return None;
    };
    if dest_url.contains(':') || dest_url.starts_with('#') || dest_url.starts_with("//") {
        return None;
    }
    let mut alt = String::new();
    let mut j = i + 2;
    loop {
        match &all.get(j)?.0 {
            Event::End(TagEnd::Image) => break,
            Event::Text(t) | Event::Code(t) => alt.push_str(t),
            Event::SoftBreak | Event::HardBreak => alt.push(' '),
            _ => {}
        }
        j += 1;
    }
    let (Event::End(TagEnd::Paragraph), _) = &all.get(j + 1)? else {
        return None;
    };
    let photo = Part::Photo {
        src: dest_url.trim_start_matches('/').to_string(),
        alt: alt.trim().to_string(),
        title: title.trim().to_string(),
        line: lines.line(range.start),
    };
    Some((photo, j + 1))
}

fn block_kind(info: &str) -> Option<BlockKind> {
    match info.split_whitespace().next()? {
        "chart" => Some(BlockKind::Chart),
        "stats" => Some(BlockKind::Stats),
        "table" => Some(BlockKind::Table),
        "video" => Some(BlockKind::Video),
        "gallery" => Some(BlockKind::Gallery),
        _ => None,
    }
}

/// Renders the buffered events as one HTML part.
fn flush(events: &mut Vec<Event>, parts: &mut Vec<Part>, has_raw_html: bool, policy: &HtmlPolicy) {
    if events.is_empty() {
        return;
    }
    let mut html_out = String::new();
    html::push_html(&mut html_out, events.drain(..));
    if has_raw_html {
        html_out = sanitize_with(&html_out, policy);
    }
    parts.push(Part::Html(html_out));
}

/// Raw HTML in Markdown is allowed but cleaned: no scripts, no event handlers,
/// no `javascript:` URLs. Only parts that contain raw HTML pay for this.
pub fn sanitize(html_in: &str) -> String {
    sanitize_with(html_in, &HtmlPolicy::default())
}

/// [`sanitize`], keeping what the site's policy adds (minus what is never allowed).
pub fn sanitize_with(html_in: &str, policy: &HtmlPolicy) -> String {
    let forbidden = policy.forbidden();
    let tags: Vec<&str> = policy
        .allow_tags
        .iter()
        .map(String::as_str)
        .filter(|t| !forbidden.contains(t))
        .collect();
    let attrs: Vec<&str> = policy
        .allow_attributes
        .iter()
        .map(String::as_str)
        .filter(|a| !forbidden.contains(a))
        .collect();
    ammonia::Builder::default()
        .add_generic_attributes(["id", "class"])
        .add_tags(tags)
        .add_generic_attributes(attrs)
        .link_rel(None)
        .clean(html_in)
        .to_string()
}

/// Records links and images, refuses unsafe schemes, and prefixes site-relative URLs.
fn rewrite<'a>(
    mut event: Event<'a>,
    line: usize,
    base_path: &str,
    refs: &mut Vec<Reference>,
) -> Event<'a> {
    let is_image = matches!(event, Event::Start(Tag::Image { .. }));
    if let Event::Start(
        Tag::Link {
            link_type,
            dest_url,
            ..
        }
        | Tag::Image {
            link_type,
            dest_url,
            ..
        },
    ) = &mut event
    {
        refs.push(Reference {
            url: dest_url.to_string(),
            line,
            is_image,
            // An image's alt text is the text events that follow it.
            has_alt: !is_image,
        });
        let url = std::mem::replace(dest_url, CowStr::Borrowed(""));
        *dest_url = safe_url(url, base_path, *link_type);
        return event;
    }
    match event {
        // `## Title {#id .class key=value}`: the id and classes are kept, other
        // attributes (event handlers, styles) never reach the page.
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) if !attrs.is_empty() => Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs: Vec::new(),
        }),
        Event::Text(ref t) => {
            if let Some(last) = refs.last_mut() {
                if last.is_image && last.line == line && !t.trim().is_empty() {
                    last.has_alt = true;
                }
            }
            event
        }
        other => other,
    }
}

/// Whether a URL uses a scheme that runs code or is otherwise unsafe in a link.
pub fn is_unsafe_url(url: &str) -> bool {
    let lowered: String = url
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:text/html", "file:"]
        .iter()
        .any(|s| lowered.starts_with(s))
}

fn safe_url<'a>(url: CowStr<'a>, base_path: &str, link_type: LinkType) -> CowStr<'a> {
    if is_unsafe_url(&url) {
        return CowStr::Borrowed("#");
    }
    if matches!(link_type, LinkType::Email) {
        return url;
    }
    if let Some(rest) = url.strip_prefix('/') {
        if !rest.starts_with('/') {
            return CowStr::from(format!("{base_path}{rest}"));
        }
    }
    if url.starts_with("media/") || url.starts_with("documents/") {
        return CowStr::from(format!("{base_path}{url}"));
    }
    url
}

/// Gives every heading without an explicit `{#id}` an id from its text.
fn add_heading_ids(out: &mut Parsed) {
    let mut seen = std::collections::HashSet::new();
    for part in &mut out.parts {
        let Part::Html(h) = part else { continue };
        let mut result = String::with_capacity(h.len() + 64);
        let mut rest = h.as_str();
        while let Some(i) = find_heading(rest) {
            let (before, from) = rest.split_at(i);
            result.push_str(before);
            let tag_end = from.find('>').unwrap_or(from.len() - 1);
            let open = &from[..=tag_end];
            let close = from.find("</h").unwrap_or(from.len());
            if open.contains(" id=\"") {
                if let Some(id) = open
                    .split(" id=\"")
                    .nth(1)
                    .and_then(|s| s.split('"').next())
                {
                    seen.insert(id.to_string());
                    out.anchors.push(id.to_string());
                }
                result.push_str(open);
            } else {
                let inner = &from[tag_end + 1..close.max(tag_end + 1)];
                let mut id = slugify(&strip_tags(inner));
                if id.is_empty() {
                    id = "muc".to_string();
                }
                let base = id.clone();
                let mut n = 1;
                while !seen.insert(id.clone()) {
                    n += 1;
                    id = format!("{base}-{n}");
                }
                out.anchors.push(id.clone());
                result.push_str(&open[..open.len() - 1]);
                result.push_str(&format!(" id=\"{id}\">"));
            }
            rest = &from[tag_end + 1..];
        }
        result.push_str(rest);
        *h = result;
    }
}

fn find_heading(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(i) = s[from..].find("<h") {
        let at = from + i;
        if matches!(bytes.get(at + 2), Some(b'1'..=b'6'))
            && matches!(bytes.get(at + 3), Some(b'>' | b' '))
        {
            return Some(at);
        }
        from = at + 2;
    }
    None
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

/// Byte offset → 1-based line of the file.
struct LineIndex {
    starts: Vec<usize>,
    first_line: usize,
}

impl LineIndex {
    fn new(s: &str, first_line: usize) -> Self {
        let mut starts = vec![0];
        starts.extend(s.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts, first_line }
    }

    fn line(&self, offset: usize) -> usize {
        let i = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        i + self.first_line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html_of(p: &Parsed) -> String {
        p.html()
    }

    #[test]
    fn blocks_are_cut_out_with_their_lines() {
        let src = "Mở đầu.\n\n```chart\nuse: ket-nap\n```\n\nSau.\n";
        let p = parse(src, 5, "/");
        assert_eq!(p.parts.len(), 3);
        assert_eq!(
            p.parts[1],
            Part::Block {
                kind: BlockKind::Chart,
                yaml: "use: ket-nap\n".into(),
                line: 8
            }
        );
        assert_eq!(p.first_paragraph.as_deref(), Some("Mở đầu."));
    }

    #[test]
    fn a_photo_alone_in_its_paragraph_is_a_figure() {
        let src = "Mở đầu.\n\n![Quang cảnh](media/a.jpg \"Chú thích\")\n\nTrong câu ![x](media/b.jpg) thì không.\n\n![Ảnh ngoài](https://x.vn/c.jpg)\n";
        let p = parse(src, 5, "/");
        let photos: Vec<_> = p
            .parts
            .iter()
            .filter(|x| matches!(x, Part::Photo { .. }))
            .collect();
        assert_eq!(
            photos,
            [&Part::Photo {
                src: "media/a.jpg".into(),
                alt: "Quang cảnh".into(),
                title: "Chú thích".into(),
                line: 7
            }]
        );
        let html = p.html();
        assert!(
            html.contains("<img src=\"/media/b.jpg\"") && html.contains("https://x.vn/c.jpg"),
            "{html}"
        );
        assert!(p
            .references
            .iter()
            .any(|r| r.url == "media/a.jpg" && r.is_image && r.has_alt));
    }

    #[test]
    fn ordinary_code_stays_code() {
        let p = parse("```rust\nfn main() {}\n```\n", 1, "/");
        assert!(html_of(&p).contains("<pre><code class=\"language-rust\">"));
    }

    #[test]
    fn headings_get_ascii_ids() {
        let p = parse("## Kết quả nổi bật\n\n## Kết quả nổi bật\n", 1, "/");
        let h = html_of(&p);
        assert!(h.contains("<h2 id=\"ket-qua-noi-bat\">"), "{h}");
        assert!(h.contains("<h2 id=\"ket-qua-noi-bat-2\">"), "{h}");
        assert_eq!(p.anchors, ["ket-qua-noi-bat", "ket-qua-noi-bat-2"]);
    }

    #[test]
    fn extensions_are_on() {
        let p = parse(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~x~~ \"q\"[^1]\n\n- [x] done\n\n[^1]: note\n",
            1,
            "/",
        );
        let h = html_of(&p);
        assert!(h.contains("<table>"));
        assert!(h.contains("<del>x</del>"));
        assert!(h.contains("“q”"));
        assert!(h.contains("footnote"));
        assert!(h.contains("checkbox"));
    }

    #[test]
    fn unsafe_links_and_raw_html_are_cleaned() {
        let p = parse(
            "[x](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n<script>alert(1)</script>\n",
            1,
            "/",
        );
        let h = html_of(&p);
        assert!(!h.contains("javascript:"), "{h}");
        assert!(!h.contains("onerror"), "{h}");
        assert!(!h.contains("<script"), "{h}");
    }

    #[test]
    fn heading_attributes_cannot_add_handlers() {
        let p = parse("## Bấm {#muc .lon onmouseover=alert(1) style=x}\n", 1, "/");
        let h = html_of(&p);
        assert!(h.contains("<h2 id=\"muc\" class=\"lon\">"), "{h}");
        assert!(!h.contains("onmouseover") && !h.contains("style"), "{h}");
    }

    #[test]
    fn the_site_policy_can_allow_more_but_never_scripts() {
        let src = "<iframe src=\"https://video.example/1\"></iframe> <abbr title=\"x\">UBND</abbr> <script>alert(1)</script>\n";
        let default = html_of(&parse(src, 1, "/"));
        assert!(!default.contains("<iframe"), "{default}");
        let policy = HtmlPolicy {
            allow_tags: vec!["iframe".into(), "script".into()],
            allow_attributes: vec!["src".into(), "onclick".into()],
        };
        assert_eq!(policy.forbidden(), ["script", "onclick"]);
        let h = html_of(&parse_with(src, 1, "/", &policy));
        assert!(
            h.contains("<iframe src=\"https://video.example/1\">"),
            "{h}"
        );
        assert!(!h.contains("<script") && !h.contains("alert"), "{h}");
    }

    #[test]
    fn site_links_follow_the_base_path() {
        let p = parse(
            "[a](/tin-moi/) ![b](media/x.jpg) [c](https://x.org/)\n",
            1,
            "/dang-bo/",
        );
        let h = html_of(&p);
        assert!(h.contains("href=\"/dang-bo/tin-moi/\""), "{h}");
        assert!(h.contains("src=\"/dang-bo/media/x.jpg\""), "{h}");
        assert!(h.contains("href=\"https://x.org/\""), "{h}");
        assert_eq!(p.references.len(), 3);
        assert!(p.references[1].is_image && p.references[1].has_alt);
    }

    #[test]
    fn plain_text_skips_markup() {
        let p = parse("# Tiêu đề\n\nĐảng **viên** mới.\n", 1, "/");
        assert_eq!(p.plain, "Tiêu đề Đảng viên mới.");
    }
}
