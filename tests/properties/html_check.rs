//! How the property tests look at HTML: start tags as a browser tokenizes
//! them, and whatever in them would run a script.

/// `&amp;`, `&#106;`, `&#x6A;` and friends decoded, as a browser reads an attribute.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e < 12);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let code =
                if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                    u32::from_str_radix(hex, 16).ok()
                } else if let Some(dec) = name.strip_prefix('#') {
                    dec.parse().ok()
                } else {
                    [
                        ("amp", '&'),
                        ("quot", '"'),
                        ("lt", '<'),
                        ("gt", '>'),
                        ("apos", '\''),
                        ("colon", ':'),
                        ("Tab", '\t'),
                        ("NewLine", '\n'),
                    ]
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, c)| *c as u32)
                };
            code.and_then(char::from_u32).map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// One start tag: its name and attributes (names lower-cased, values as written).
pub struct Tag {
    pub name: String,
    pub attrs: Vec<(String, String)>,
}

impl Tag {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The start tags of `html` as a browser tokenizes them: text between tags holds
/// no `<` but `&lt;`, so any other `<` followed by a letter opens a tag.
pub fn start_tags(html: &str) -> Vec<Tag> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let skip_past = |from: usize, pat: &str| {
        html[from..]
            .find(pat)
            .map_or(html.len(), |e| from + e + pat.len())
    };
    while let Some(off) = html[i..].find('<') {
        i += off + 1;
        if html[i..].starts_with("!--") {
            i = skip_past(i, "-->");
            continue;
        }
        if !b.get(i).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let name_end = (i..b.len())
            .find(|&j| !b[j].is_ascii_alphanumeric())
            .unwrap_or(b.len());
        let name = html[i..name_end].to_ascii_lowercase();
        i = name_end;
        let mut attrs = Vec::new();
        loop {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            if i >= b.len() || b[i] == b'>' {
                i += 1;
                break;
            }
            let n_end = (i + 1..b.len())
                .find(|&j| b[j].is_ascii_whitespace() || b"=>/".contains(&b[j]))
                .unwrap_or(b.len());
            let attr = html[i..n_end].to_ascii_lowercase();
            i = n_end;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = String::new();
            if b.get(i) == Some(&b'=') {
                i += 1;
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                let (from, to, next) = match b.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let to = (i + 1..b.len()).find(|&j| b[j] == q).unwrap_or(b.len());
                        (i + 1, to, to + 1)
                    }
                    _ => {
                        let to = (i..b.len())
                            .find(|&j| b[j].is_ascii_whitespace() || b[j] == b'>')
                            .unwrap_or(b.len());
                        (i, to, to)
                    }
                };
                value = html[from..to].to_string();
                i = next.min(b.len());
            }
            attrs.push((attr, value));
        }
        // The content of these is text, not tags.
        if ["script", "style", "textarea", "title"].contains(&name.as_str()) {
            let close = format!("</{name}");
            i = html[i.min(html.len())..]
                .to_ascii_lowercase()
                .find(&close)
                .map_or(html.len(), |e| i + e);
        }
        out.push(Tag { name, attrs });
        i = i.min(html.len());
    }
    out
}

/// What is wrong with `html` as part of a page: a script element that
/// `allowed_script` refuses, an event-handler attribute, or a link or source
/// that runs code.
pub fn script_problems(html: &str, allowed_script: &dyn Fn(&Tag) -> bool) -> Vec<String> {
    let mut problems = Vec::new();
    for tag in start_tags(html) {
        if tag.name == "script" && !allowed_script(&tag) {
            problems.push(format!("a <script> element {:?}", tag.attrs));
        }
        for (name, value) in &tag.attrs {
            if name.starts_with("on") {
                problems.push(format!("<{} {name}={value:?}>: an event handler", tag.name));
            }
            if [
                "href",
                "src",
                "action",
                "formaction",
                "xlink:href",
                "poster",
                "data",
                "srcset",
            ]
            .contains(&name.as_str())
            {
                let seen: String = decode_entities(value)
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if seen.starts_with("javascript:") || seen.starts_with("vbscript:") {
                    problems.push(format!(
                        "<{} {name}={value:?}>: a link that runs code",
                        tag.name
                    ));
                }
            }
        }
    }
    problems
}

/// No script at all.
pub fn none(_: &Tag) -> bool {
    false
}
