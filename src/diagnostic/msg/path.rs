//! Paths that would leave the site folder.

use std::fmt;

use strum::IntoStaticStr;

use crate::text::Lang;

#[derive(Debug, Clone, PartialEq, Eq, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Paths {
    /// A symbolic link to `to`, outside the site folder.
    LinkOutside { to: String },
    /// A path written with `..` that climbs out of content/.
    ClimbsOut { text: String },
}

impl Paths {
    pub fn text(&self, l: Lang) -> String {
        match self {
            Paths::LinkOutside { to } => l.pick(
                format!("đây là liên kết tắt (symlink) đến `{to}`, nằm ngoài thư mục trang; trangtin không đọc gì bên ngoài thư mục trang: hãy chép tệp (hoặc thư mục) vào trong trang thay vì tạo liên kết"),
                format!("this is a link to `{to}`, which is outside the site folder; trangtin reads nothing outside the site folder: copy the file (or folder) into the site instead of linking to it"),
            ),
            Paths::ClimbsOut { text } => l.pick(
                format!("`{text}` dùng `..` để đi ra ngoài content/; trangtin không đọc gì bên ngoài thư mục trang: hãy viết đường dẫn tính từ content/, như `media/anh.jpg`"),
                format!("`{text}` goes up out of content/ with `..`; trangtin reads nothing outside the site folder: write the path from content/, such as `media/anh.jpg`"),
            ),
        }
    }
}

/// English, for callers that still build their message with `format!`.
impl fmt::Display for Paths {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variant_is_said_in_both_languages() {
        crate::diagnostic::msg::says_both([
            Paths::LinkOutside { to: "/etc".into() },
            Paths::ClimbsOut { text: "../a".into() },
        ]);
    }
}
