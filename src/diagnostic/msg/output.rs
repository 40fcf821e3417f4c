//! The output folder: which folder a build may replace, and writing it.

use strum::IntoStaticStr;

use crate::text::Lang;

/// Where a folder lies that no command may replace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TooClose {
    SiteItself,
    HoldsSite,
    /// content/, themes/ or output/ of the site.
    IsSiteDir(String),
    InsideSiteDir(String),
}

impl TooClose {
    fn text(&self, l: Lang) -> String {
        match self {
            TooClose::SiteItself => l.pick("là chính thư mục trang", "is the site folder itself").into(),
            TooClose::HoldsSite => l.pick("chứa thư mục trang", "holds the site folder").into(),
            TooClose::IsSiteDir(d) => l.pick(
                format!("là thư mục {d}/ của trang"),
                format!("is the site's {d}/ folder"),
            ),
            TooClose::InsideSiteDir(d) => l.pick(
                format!("nằm trong thư mục {d}/ của trang"),
                format!("is inside the site's {d}/ folder"),
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Output {
    /// `--output` names a folder of the site (or holding it).
    TooClose { folder: String, place: TooClose },
    WorkingFolder { folder: String },
    IsFile { folder: String },
    NotOurs { folder: String, marker: String },
    MountPoint { folder: String, inside: String },
    /// A publish target inside the site folder.
    PublishTooClose { place: TooClose },
    NeedsName,
    ExistsNotFolder,
    CannotSwap,
}

const CHOOSE_VI: &str = "mỗi lần dựng trang, thư mục kết quả được thay toàn bộ; hãy chọn một thư mục riêng, ví dụ `output`";
const CHOOSE_EN: &str =
    "a build replaces its output folder whole; choose a folder of its own, such as `output`";

impl Output {
    pub fn text(&self, l: Lang) -> String {
        let choose = l.pick(CHOOSE_VI, CHOOSE_EN);
        match self {
            Output::TooClose { folder, place } => l.pick(
                format!("thư mục `{folder}` {}; {choose}", place.text(l)),
                format!("the folder `{folder}` {}; {choose}", place.text(l)),
            ),
            Output::WorkingFolder { folder } => l.pick(
                format!("thư mục `{folder}` là thư mục đang làm việc; {choose}"),
                format!("the folder `{folder}` is the folder you are working in; {choose}"),
            ),
            Output::IsFile { folder } => l.pick(
                format!("`{folder}` là một tệp, không phải thư mục; {choose}"),
                format!("the folder `{folder}` is a file, not a folder; {choose}"),
            ),
            Output::NotOurs { folder, marker } => l.pick(
                format!("thư mục `{folder}` có những tệp không do trangtin ghi (không có tệp {marker} trong đó); hãy chọn một thư mục mới hoặc trống, ví dụ `output`, hoặc tự dọn trống thư mục này"),
                format!("the folder `{folder}` holds files that trangtin did not write (there is no {marker} file in it); choose a new or empty folder, such as `output`, or empty this one yourself"),
            ),
            Output::MountPoint { folder, inside } => l.pick(
                format!("thư mục `{folder}` là nơi gắn một ổ đĩa khác, mà mỗi lần dựng trang lại thay toàn bộ thư mục kết quả; hãy chọn một thư mục bên trong, ví dụ `{inside}`"),
                format!("the folder `{folder}` is where another disk is mounted, and a build replaces its output folder whole; give a folder inside it, such as `{inside}`"),
            ),
            Output::PublishTooClose { place } => l.pick(
                format!("thư mục này {}; thư mục của máy chủ web phải ở ngoài thư mục trang, ví dụ /var/www/dang-bo", place.text(l)),
                format!("this folder {}; the web server's folder must be outside the site folder, such as /var/www/dang-bo", place.text(l)),
            ),
            Output::NeedsName => l.pick(
                "thư mục kết quả cần có tên, ví dụ `output`",
                "the output folder needs a name, like `output`",
            ).into(),
            Output::ExistsNotFolder => l.pick(
                "đường dẫn kết quả đã có và không phải thư mục; hãy xóa nó hoặc chọn --output khác",
                "the output path exists and is not a folder; remove it or choose another --output",
            ).into(),
            Output::CannotSwap => l.pick(
                "không thay được thư mục này trong một bước (đây là nơi gắn ổ đĩa, hoặc đang dùng làm một ổ đĩa riêng); hãy chọn một thư mục bên trong nó làm --output",
                "this folder cannot be replaced in one step (it is a mount point, or in use as a disk of its own); give a folder inside it as --output",
            ).into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        let f = || "out".to_string();
        crate::diagnostic::msg::says_both([
            Output::TooClose { folder: f(), place: TooClose::SiteItself },
            Output::TooClose { folder: f(), place: TooClose::HoldsSite },
            Output::TooClose { folder: f(), place: TooClose::IsSiteDir("content".into()) },
            Output::TooClose { folder: f(), place: TooClose::InsideSiteDir("themes".into()) },
            Output::WorkingFolder { folder: f() },
            Output::IsFile { folder: f() },
            Output::NotOurs { folder: f(), marker: ".m".into() },
            Output::MountPoint { folder: f(), inside: "out/site".into() },
            Output::PublishTooClose { place: TooClose::HoldsSite },
            Output::NeedsName,
            Output::ExistsNotFolder,
            Output::CannotSwap,
        ]);
    }
}
