//! Themes: their folders and interface words (i18n).

use strum::IntoStaticStr;

use crate::text::Lang;

#[derive(Debug, Clone, PartialEq, Eq, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Theme {
    NoSuchTheme { name: String },
    BadName { name: String },
    /// `file` is `i18n/vi.yaml` or `i18n/en.yaml`.
    MissingWord { key: String, file: String },
}

impl Theme {
    pub fn text(&self, l: Lang) -> String {
        match self {
            Theme::NoSuchTheme { name } => l.pick(
                format!("không có giao diện `{name}`; cần có thư mục themes/{name}/"),
                format!("the theme `{name}` does not exist; expected a folder themes/{name}/"),
            ),
            Theme::BadName { name } => l.pick(
                format!("theme: `{name}` không phải là tên giao diện; hãy viết tên một thư mục trong themes/, như `default`"),
                format!("theme: `{name}` is not a theme name; expected the name of a folder in themes/, such as `default`"),
            ),
            Theme::MissingWord { key, file } => l.pick(
                format!("từ giao diện `{key}` chưa có trong {file}; hãy thêm dòng `{key}: …` vào tệp đó"),
                format!("the interface word `{key}` is missing from {file}; add `{key}: …` there"),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variant_is_said_in_both_languages() {
        let s = || "x".to_string();
        crate::diagnostic::msg::says_both([
            Theme::NoSuchTheme { name: s() },
            Theme::BadName { name: s() },
            Theme::MissingWord { key: s(), file: "i18n/vi.yaml".into() },
        ]);
    }
}
