//! Links, images and document addresses on the built pages.

use strum::IntoStaticStr;

use crate::text::Lang;

/// What a broken reference was written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Link,
    Image,
    Document,
}

impl Target {
    fn en(self) -> &'static str {
        match self {
            Target::Link => "link",
            Target::Image => "image",
            Target::Document => "document",
        }
    }

    fn vi(self) -> &'static str {
        match self {
            Target::Link => "liên kết hỏng",
            Target::Image => "ảnh không tìm thấy",
            Target::Document => "văn bản không tìm thấy",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Link {
    LeavesSite { what: Target, url: String },
    /// `file` is the file expected under content/ (`media/a.jpg`), when known.
    NoTarget { what: Target, url: String, file: Option<String> },
    NoAnchor { url: String, anchor: String, headings: Vec<String> },
    /// Made by a template or site.yaml, on `others` more pages than the one named.
    ByTheme { url: String, others: usize },
}

impl Link {
    pub fn text(&self, l: Lang) -> String {
        match self {
            Link::LeavesSite { what, url } => l.pick(
                format!("{}: `{url}` dẫn ra ngoài trang thông tin; hãy liên kết đến một trang hoặc tệp của trang", what.vi()),
                format!("broken {}: `{url}` leads outside the site; link to a page or file of the site", what.en()),
            ),
            Link::NoTarget { what, url, file } => {
                let hint = file.as_ref().map_or(String::new(), |f| {
                    l.pick(format!("; cần có tệp content/{f}"), format!("; expected the file content/{f}"))
                });
                l.pick(
                    format!("{}: `{url}` không trỏ đến trang hay tệp nào của trang thông tin{hint}", what.vi()),
                    format!("broken {}: `{url}` points at no page or file of the site{hint}", what.en()),
                )
            }
            Link::NoAnchor { url, anchor, headings } => {
                let list = |none: &str| {
                    if headings.is_empty() {
                        none.to_string()
                    } else {
                        headings.iter().map(|a| format!("#{a}")).collect::<Vec<_>>().join(", ")
                    }
                };
                l.pick(
                    format!("liên kết hỏng: `{url}` trỏ đến `#{anchor}`, nhưng trang đó không có mục nào mang tên này (các đề mục của trang: {})", list("không có")),
                    format!("broken link: `{url}` points at `#{anchor}`, which is not an id on that page (its headings: {})", list("none")),
                )
            }
            Link::ByTheme { url, others } => {
                let en_others = match others {
                    0 => String::new(),
                    1 => " and 1 other page".to_string(),
                    n => format!(" and {n} other pages"),
                };
                let vi_others = match others {
                    0 => String::new(),
                    n => format!(" và {n} trang khác"),
                };
                l.pick(
                    format!("liên kết hỏng do giao diện hoặc site.yaml tạo ra (trình đơn, liên kết): `{url}` không trỏ đến trang hay tệp nào của trang thông tin (ở trang này{vi_others}); hãy sửa trình đơn hoặc liên kết trong content/site.yaml, hoặc mẫu giao diện (template)"),
                    format!("broken link made by the theme or site.yaml (menus, links): `{url}` points at no page or file of the site (on this page{en_others}); fix the menu or link in content/site.yaml, or the template"),
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variant_is_said_in_both_languages() {
        let u = || "/x/".to_string();
        crate::diagnostic::msg::says_both([
            Link::LeavesSite { what: Target::Image, url: u() },
            Link::NoTarget { what: Target::Document, url: u(), file: Some("documents/a.pdf".into()) },
            Link::NoAnchor { url: u(), anchor: "a".into(), headings: vec![] },
            Link::ByTheme { url: u(), others: 2 },
        ]);
    }
}
