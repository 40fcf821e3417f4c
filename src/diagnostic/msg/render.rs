//! Making the pages: templates, redirects and output files.

use strum::IntoStaticStr;

use crate::text::Lang;

#[derive(Debug, Clone, PartialEq, Eq, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Render {
    /// `why`: the template engine's words (English).
    Template { why: String },
    /// `by`: the file and line (`content/a.md:3`) that has it already.
    AliasTaken { alias: String, by: String },
    /// `source`: the file that makes that page, when it is one.
    AliasIsPage { alias: String, source: Option<String> },
    SameOutput,
}

impl Render {
    pub fn text(&self, l: Lang) -> String {
        use Render::*;
        match self {
            Template { why } => l.pick(
                format!("lỗi mẫu giao diện (template): {why}"),
                format!("template error: {why}"),
            ),
            AliasTaken { alias, by } => l.pick(
                format!("địa chỉ cũ {alias} đã là địa chỉ của {by}; hãy xóa nó khỏi `aliases:` ở đây hoặc ở đó"),
                format!("the alias {alias} is already the address of {by}; remove it from `aliases:` here or there"),
            ),
            AliasIsPage { alias, source: Some(by) } => l.pick(
                format!("địa chỉ cũ {alias} đã là địa chỉ của {by}; hãy xóa nó khỏi `aliases:` ở đây hoặc ở đó"),
                format!("the alias {alias} is already the address of {by}; remove it from `aliases:` here or there"),
            ),
            AliasIsPage { alias, source: None } => l.pick(
                format!("địa chỉ cũ {alias} đã là địa chỉ của trang có sẵn {alias} của trang thông tin; hãy xóa nó khỏi `aliases:`"),
                format!("the alias {alias} is already the address of the site's own page {alias}; remove it from `aliases:` here or there"),
            ),
            SameOutput => l.pick(
                "hai phần của trang thông tin sẽ được ghi vào cùng tệp này; hãy đổi tên trang hoặc tệp media đang dùng địa chỉ này",
                "two parts of the site would be written to this same file; rename the page or media file that uses this address",
            ).into(),
        }
    }
}
