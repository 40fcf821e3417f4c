//! site.yaml, and the site folder as a whole.

use strum::IntoStaticStr;

use crate::text::Lang;

#[derive(Debug, Clone, PartialEq, Eq, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Site {
    UnknownLanguage { value: String },
    UnknownTimeZone { value: String },
    HtmlForbidden { tag: String },
    PageSizeZero,
    BadBaseUrl { url: String },
    RootIsDiskTop,
    NoContent,
    /// `size_mb` as written (`12.3`), `max_mb` the limit.
    FileTooLarge { size_mb: String, max_mb: u64 },
    FolderDenied,
    /// The system's own words, in English.
    FolderUnreadable { why: String },
}

impl Site {
    pub fn text(&self, l: Lang) -> String {
        match self {
            Site::UnknownLanguage { value } => l.pick(
                format!("không có ngôn ngữ `{value}`; hãy viết `vi` hoặc `en`"),
                format!("unknown language `{value}`; expected `vi` or `en`"),
            ),
            Site::UnknownTimeZone { value } => l.pick(
                format!("không nhận ra múi giờ `{value}`; hãy viết tên múi giờ theo IANA, như `Asia/Ho_Chi_Minh`"),
                format!("unknown time zone `{value}`; expected an IANA name such as Asia/Ho_Chi_Minh"),
            ),
            Site::HtmlForbidden { tag } => l.pick(
                format!("html: không bao giờ được cho phép `{tag}` (mã lệnh, kiểu trình bày, biểu mẫu và thuộc tính sự kiện có thể chạy mã trên trang); hãy xóa mục này"),
                format!("html: `{tag}` can never be allowed (scripts, styles, forms and event handlers would let a page run code); remove it"),
            ),
            Site::PageSizeZero => l.pick(
                "page_size phải từ 1 trở lên",
                "page_size must be at least 1",
            ).into(),
            Site::BadBaseUrl { url } => l.pick(
                format!("base_url `{url}` không phải là địa chỉ trang web; hãy viết như https://example.org/ hoặc https://example.org/dang-bo/"),
                format!("base_url `{url}` is not a web address; expected something like https://example.org/ or https://example.org/dang-bo/"),
            ),
            Site::RootIsDiskTop => l.pick(
                "thư mục trang không được là gốc của ổ đĩa (`/`): khi đó mọi tệp trên máy đều bị coi là nằm trong trang; hãy chỉ ra thư mục chứa content/",
                "the site folder cannot be the top of the disk (`/`): everything on the computer would count as inside the site; give the folder that holds content/",
            ).into(),
            Site::NoContent => l.pick(
                "ở đây không có thư mục content; hãy chạy trangtin trong thư mục trang, dùng --root THƯ_MỤC, hoặc tạo trang mới bằng `trangtin init THƯ_MỤC`",
                "no content folder here; run trangtin in a site folder, give --root DIR, or create one with `trangtin init DIR`",
            ).into(),
            Site::FileTooLarge { size_mb, max_mb } => l.pick(
                format!("tệp nặng {size_mb} MB; bài viết, trang và tệp số liệu chỉ được tối đa {max_mb} MB: hãy chia nhỏ tệp, hoặc đặt tệp lớn vào content/documents/ hay content/media/"),
                format!("the file is {size_mb} MB; articles, pages and data files can be at most {max_mb} MB: split it, or put large files in content/documents/ or content/media/"),
            ),
            Site::FolderDenied => l.pick(
                "không đọc được thư mục: không có quyền; hãy cấp quyền đọc để dựng được các tệp trong đó",
                "the folder cannot be read: permission denied; make it readable so the files in it can be built",
            ).into(),
            Site::FolderUnreadable { why } => l.pick(
                format!("không đọc được thư mục ({why})"),
                format!("the folder cannot be read: {why}"),
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
            Site::UnknownLanguage { value: s() },
            Site::UnknownTimeZone { value: s() },
            Site::HtmlForbidden { tag: s() },
            Site::PageSizeZero,
            Site::BadBaseUrl { url: s() },
            Site::RootIsDiskTop,
            Site::NoContent,
            Site::FileTooLarge { size_mb: "12.0".into(), max_mb: 10 },
            Site::FolderDenied,
            Site::FolderUnreadable { why: s() },
        ]);
    }
}
