//! An article's or page's front matter (between the two `---` lines).

use strum::IntoStaticStr;

use crate::text::Lang;

#[derive(Debug, Clone, PartialEq, Eq, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Front {
    NoFrontMatter,
    Unclosed,
    Empty,
    /// `source:` or `image:` written in none of its accepted forms.
    WrongShape { key: String },
}

impl Front {
    pub fn text(&self, l: Lang) -> String {
        match self {
            Front::NoFrontMatter => l.pick(
                "tệp không bắt đầu bằng phần đầu bài; dòng đầu tiên phải là `---`, tiếp theo là tiêu đề (`title:`) và ngày (`date:`), rồi một dòng `---`",
                "the file does not start with front matter; expected a first line `---`, then title and date, then `---`",
            ).into(),
            Front::Unclosed => l.pick(
                "phần đầu bài chưa được đóng; cần một dòng `---` sau tiêu đề, ngày và các mục khác",
                "the front matter is not closed; expected a line `---` after the title, date and other fields",
            ).into(),
            Front::Empty => l.pick(
                "phần đầu bài trống; cần ít nhất mục `title:` và mục `date:`",
                "the front matter is empty; expected at least `title:` and `date:`",
            ).into(),
            Front::WrongShape { key } => {
                let forms = match key.as_str() {
                    "source" => "`source: Báo Nghệ An` or `source: { name: Báo Nghệ An, url: \"https://…\" }`",
                    "image" => "`image: media/anh.jpg` or `image: { src: media/anh.jpg, caption: …, credit: …, alt: … }`",
                    _ => "",
                };
                l.pick(
                    format!("{key}: giá trị này viết chưa đúng dạng; hãy viết {}", forms.replace(" or ", " hoặc ")),
                    format!("{key}: this value has the wrong form; expected {forms}"),
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
        crate::diagnostic::msg::says_both([
            Front::NoFrontMatter,
            Front::Unclosed,
            Front::Empty,
            Front::WrongShape { key: "image".into() },
        ]);
    }
}
