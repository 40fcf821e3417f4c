//! `init` (a new site) and `new` (a new article).

use strum::IntoStaticStr;

use crate::text::Lang;

#[derive(Debug, Clone, PartialEq, Eq, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Scaffold {
    NotEmpty,
    IsFile,
    NoSlug { title: String },
    ArticleExists,
    UnknownOrg { id: String, known: Vec<String> },
}

impl Scaffold {
    pub fn text(&self, l: Lang) -> String {
        match self {
            Scaffold::NotEmpty => l.pick(
                "thư mục này không trống; hãy chọn một thư mục mới, hoặc thêm --force để đặt trang mẫu bên cạnh các tệp đang có (tệp nào đã có thì giữ nguyên)",
                "this folder is not empty; choose a new folder, or add --force to add the sample site beside the files in it (a file that is already there is kept as it is)",
            ).into(),
            Scaffold::IsFile => l.pick(
                "đây là một tệp, không phải thư mục; hãy chọn một thư mục cho trang mới",
                "this is a file, not a folder; choose a folder for the new site",
            ).into(),
            Scaffold::NoSlug { title } => l.pick(
                format!("không tạo được địa chỉ (slug) từ tiêu đề `{title}`; hãy viết tiêu đề có chữ hoặc số"),
                format!("cannot make a web address from the title `{title}`; give a title with letters or digits"),
            ),
            Scaffold::ArticleExists => l.pick(
                "đã có một bài viết với địa chỉ này; hãy mở bài đó, hoặc chọn tiêu đề khác",
                "an article with this web address already exists; open it, or choose another title",
            ).into(),
            Scaffold::UnknownOrg { id, known } => l.pick(
                format!("không có tổ chức nào mang mã `{id}`; cần một trong các mã: {}", super::list(known, l)),
                format!("no organization has the id `{id}`; expected one of: {}", known.join(", ")),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        crate::diagnostic::msg::says_both([
            Scaffold::NotEmpty,
            Scaffold::IsFile,
            Scaffold::NoSlug { title: "!".into() },
            Scaffold::ArticleExists,
            Scaffold::UnknownOrg { id: "x".into(), known: vec!["a".into()] },
        ]);
    }
}
