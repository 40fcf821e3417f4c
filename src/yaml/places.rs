//! Where each key and value of a YAML text was written, from one pass over the
//! parser's events (serde_yaml reports positions of errors only).
//!
//! A place is named by its path from the top: `org`, `image.src`, `rows[3].org`,
//! `[2].id` (an item of a top-level list), `y[1]`. The index is built only when a
//! message needs a place, so a build without mistakes never pays for it.

use crate::hash::FxHashMap;
use saphyr_parser::{Event, Parser, Span};

/// A 1-based line and column (columns count characters, as the caret line does).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At {
    pub line: usize,
    pub col: usize,
}

/// One value and, inside a mapping, its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub path: String,
    pub key: Option<At>,
    pub value: At,
    /// The text of a scalar value as the parser read it (no quotes); None for a
    /// list or mapping.
    pub scalar: Option<String>,
}

/// Every key and value of one YAML text, in the order written.
#[derive(Debug, Default)]
pub struct Places {
    nodes: Vec<Node>,
    /// Path → the first node written at it (a key written twice keeps the first).
    first: FxHashMap<String, usize>,
}

/// Where a YAML text sits in its file: the line it starts on and the column its
/// lines start at (a ```` ```chart ```` block inside a list item is indented).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Offset {
    pub first_line: usize,
    pub first_col: usize,
}

impl Offset {
    /// A whole file.
    pub const FILE: Offset = Offset {
        first_line: 1,
        first_col: 1,
    };

    /// Text starting at column 1 of `first_line`.
    pub fn line(first_line: usize) -> Offset {
        Offset {
            first_line: first_line.max(1),
            first_col: 1,
        }
    }
}

enum Frame {
    Map {
        path: String,
        /// The key just read, waiting for its value.
        key: Option<(String, At)>,
    },
    Seq {
        path: String,
        next: usize,
    },
}

impl Places {
    /// Reads `text` (which starts at `offset` of its file). A syntax error ends
    /// the index where it happened: what came before is still found.
    pub fn of(text: &str, offset: Offset) -> Places {
        let (places, complete) = Places::read(text, offset);
        if complete {
            return places;
        }
        // A plain value holding `: ` is read as if quoted (see `parse`); quoting
        // changes no line, nor the column where a key or that value starts.
        let mut fixed = text.to_string();
        for line in super::repairs(text) {
            if let Some((f, _)) = super::quote_value(&fixed, line) {
                fixed = f;
            }
        }
        Places::read(&fixed, offset).0
    }

    /// The index, and whether the text was read to its end without a mistake.
    fn read(text: &str, offset: Offset) -> (Places, bool) {
        let mut places = Places::default();
        let mut stack: Vec<Frame> = Vec::new();
        let mut parser = Parser::new_from_str(text);
        let at = |span: &Span| At {
            line: span.start.line() + offset.first_line - 1,
            col: span.start.col() + offset.first_col,
        };
        let mut complete = true;
        while let Some(next) = parser.next_event() {
            let Ok((event, span)) = next else {
                complete = false;
                break;
            };
            let value = match event {
                Event::Scalar(ref s, ..) => Some(Some(s.to_string())),
                Event::MappingStart(..) | Event::SequenceStart(..) | Event::Alias(..) => Some(None),
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                    None
                }
                _ => None,
            };
            let Some(scalar) = value else { continue };
            // A scalar where a key is expected is the key.
            if let Some(Frame::Map { key: k @ None, .. }) = stack.last_mut() {
                if let Some(name) = &scalar {
                    *k = Some((name.clone(), at(&span)));
                    continue;
                }
            }
            let (path, key) = match stack.last_mut() {
                None => (String::new(), None),
                Some(Frame::Map { path, key }) => {
                    let (name, key_at) = key.take().unwrap_or_else(|| ("?".into(), at(&span)));
                    (join(path, &name), Some(key_at))
                }
                Some(Frame::Seq { path, next }) => {
                    *next += 1;
                    (format!("{path}[{}]", *next - 1), None)
                }
            };
            let child = match event {
                Event::MappingStart(..) => Some(Frame::Map {
                    path: path.clone(),
                    key: None,
                }),
                Event::SequenceStart(..) => Some(Frame::Seq {
                    path: path.clone(),
                    next: 0,
                }),
                _ => None,
            };
            places.push(Node {
                path,
                key,
                value: at(&span),
                scalar,
            });
            stack.extend(child);
        }
        (places, complete)
    }

    fn push(&mut self, node: Node) {
        let i = self.nodes.len();
        self.first.entry(node.path.clone()).or_insert(i);
        self.nodes.push(node);
    }

    /// The value written at `path`.
    pub fn get(&self, path: &str) -> Option<&Node> {
        self.first.get(path).map(|&i| &self.nodes[i])
    }

    /// Where the key of `path` is written (where its value is, for a list item).
    pub fn key(&self, path: &str) -> Option<At> {
        self.get(path).map(|n| n.key.unwrap_or(n.value))
    }

    /// Where the value of `path` starts.
    pub fn value(&self, path: &str) -> Option<At> {
        self.get(path).map(|n| n.value)
    }

    /// The first scalar equal to `text` at `path` or inside it (`y` finds the
    /// `nam` of `y: [value, nam]`): where a name an editor wrote is used.
    pub fn scalar_in(&self, path: &str, text: &str) -> Option<At> {
        self.scalar_where(path, |s| s == text)
    }

    /// The first scalar at `path` or inside it that `wanted` accepts.
    pub fn scalar_where(&self, path: &str, wanted: impl Fn(&str) -> bool) -> Option<At> {
        let start = *self.first.get(path)?;
        self.nodes[start..]
            .iter()
            .take_while(|n| n.path == path || is_inside(&n.path, path))
            .find(|n| n.scalar.as_deref().is_some_and(&wanted))
            .map(|n| n.value)
    }

    /// The first node inside `under` (anywhere when empty) whose key is `name`
    /// and, when given, whose scalar is `scalar`: for a caller that knows a
    /// column's name but not the row it sits in.
    pub fn find(&self, under: &str, name: &str, scalar: Option<&str>) -> Option<&Node> {
        self.nodes.iter().find(|n| {
            is_inside(&n.path, under)
                && n.key.is_some()
                && n.path.rsplit('.').next() == Some(name)
                && scalar.is_none_or(|s| n.scalar.as_deref() == Some(s))
        })
    }

    /// Every node in the order written.
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }
}

/// A text's [`Places`], read the first time a message asks for one.
pub struct OnDemand<'a> {
    text: &'a str,
    offset: Offset,
    places: std::cell::OnceCell<Places>,
}

impl<'a> OnDemand<'a> {
    pub fn new(text: &'a str, offset: Offset) -> Self {
        OnDemand {
            text,
            offset,
            places: std::cell::OnceCell::new(),
        }
    }

    pub fn get(&self) -> &Places {
        self.places
            .get_or_init(|| Places::of(self.text, self.offset))
    }

    /// The line of `path`'s key, or `default` when it is not written.
    pub fn line(&self, path: &str, default: usize) -> usize {
        self.get().key(path).map_or(default, |a| a.line)
    }
}

fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

/// Whether `path` lies under `parent` (`y[1]` and `y.a` under `y`, not `yy`).
fn is_inside(path: &str, parent: &str) -> bool {
    parent.is_empty()
        || path
            .strip_prefix(parent)
            .is_some_and(|rest| rest.starts_with(['.', '[']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, col: usize) -> Option<At> {
        Some(At { line, col })
    }

    #[test]
    fn nested_keys_and_lists() {
        let text = "title: T\nimage:\n  src: a.jpg\n  alt: Ảnh\nblocks:\n  - type: chart\n    y: [nam, nu]\n  - type: text\n    y:\n      - value\n      - nữ\n";
        let p = Places::of(text, Offset::FILE);
        assert_eq!(p.key("title"), at(1, 1));
        assert_eq!(p.value("title"), at(1, 8));
        assert_eq!(p.key("image.src"), at(3, 3));
        assert_eq!(p.value("image.alt"), at(4, 8));
        assert_eq!(p.value("blocks[0]"), at(6, 5));
        assert_eq!(p.value("blocks[0].y[1]"), at(7, 14));
        assert_eq!(p.value("blocks[1].y[1]"), at(11, 9));
        assert_eq!(p.scalar_in("blocks[1].y", "nữ"), at(11, 9));
        assert_eq!(p.scalar_in("blocks[1]", "nam"), None);
        assert_eq!(
            p.get("blocks[1].y[0]").unwrap().scalar.as_deref(),
            Some("value")
        );
        assert_eq!(p.get("blocks").unwrap().scalar, None);
    }

    #[test]
    fn flow_mappings_and_top_level_lists() {
        let text = "- { src: a.jpg, caption: \"Lễ: kết nạp\" }\n- {id: b, org: tinh}\n";
        let p = Places::of(text, Offset::FILE);
        assert_eq!(p.key("[0].caption"), at(1, 17));
        assert_eq!(p.value("[0].caption"), at(1, 26));
        assert_eq!(
            p.get("[0].caption").unwrap().scalar.as_deref(),
            Some("Lễ: kết nạp")
        );
        assert_eq!(p.value("[1].org"), at(2, 16));
        assert_eq!(p.scalar_in("[1]", "tinh"), at(2, 16));
    }

    #[test]
    fn quoted_and_block_scalars() {
        let text = "a: 'x y'\nb: |\n  dòng một\n  dòng hai\nc: >-\n  gấp\nd: \"q\"\n";
        let p = Places::of(text, Offset::FILE);
        assert_eq!(p.value("a"), at(1, 4));
        assert_eq!(p.key("b"), at(2, 1));
        assert_eq!(
            p.get("b").unwrap().scalar.as_deref(),
            Some("dòng một\ndòng hai\n")
        );
        assert_eq!(p.key("c"), at(5, 1));
        assert_eq!(p.key("d"), at(7, 1));
        assert_eq!(p.value("d"), at(7, 4));
    }

    #[test]
    fn crlf_and_bom() {
        let p = Places::of("a: 1\r\nb:\r\n  c: x\r\n", Offset::FILE);
        assert_eq!(p.key("b.c"), at(3, 3));
        assert_eq!(p.value("b.c"), at(3, 6));
        let p = Places::of("\u{feff}a: 1\nb: 2\n", Offset::FILE);
        assert_eq!(p.key("b"), at(2, 1));
        assert!(p.key("a").is_some());
    }

    #[test]
    fn offsets_of_front_matter_and_chart_fences() {
        // Front matter starts on line 2, after `---`.
        let p = Places::of("title: T\norg: tinh\n", Offset::line(2));
        assert_eq!(p.value("org"), at(3, 6));
        // A chart block indented by a list item, its YAML starting on line 10.
        let fence = Offset {
            first_line: 10,
            first_col: 4,
        };
        let p = Places::of("type: bar\ndata: ds\n", fence);
        assert_eq!(p.value("data"), at(11, 10));
    }

    #[test]
    fn a_key_written_twice_and_a_value_on_the_next_line() {
        let text = "org: a\norg: b\nnote:\n  văn bản\n";
        let p = Places::of(text, Offset::FILE);
        assert_eq!(p.value("org"), at(1, 6));
        assert_eq!(p.nodes().iter().filter(|n| n.path == "org").count(), 2);
        assert_eq!(p.key("note"), at(3, 1));
        assert_eq!(p.value("note"), at(4, 3));
    }

    #[test]
    fn a_colon_in_a_plain_value_is_read_as_text() {
        let p = Places::of("note: Nguồn: Văn phòng\norg: tinh\n", Offset::line(2));
        assert_eq!(p.value("note"), at(2, 7));
        assert_eq!(
            p.get("note").unwrap().scalar.as_deref(),
            Some("Nguồn: Văn phòng")
        );
        assert_eq!(p.value("org"), at(3, 6));
    }

    #[test]
    fn finds_a_key_by_name_under_a_path() {
        let text = "title: T\nrows:\n  - { nam: 2021, so: 3 }\n  - { nam: 2022, so: x }\nso: 1\n";
        let p = Places::of(text, Offset::FILE);
        assert_eq!(p.find("rows", "so", Some("x")).map(|n| n.value), at(4, 22));
        assert_eq!(p.find("rows", "so", None).map(|n| n.value), at(3, 22));
        assert_eq!(p.find("", "so", Some("1")).map(|n| n.value), at(5, 5));
        assert_eq!(p.find("rows", "title", None), None);
    }

    #[test]
    fn a_syntax_error_keeps_what_came_before() {
        let p = Places::of("a: 1\nb: [\n", Offset::FILE);
        assert_eq!(p.value("a"), at(1, 4));
        assert_eq!(p.key("zzz"), None);
    }
}
