//! Reading and writing files.

use strum::IntoStaticStr;

use crate::text::Lang;

#[derive(Debug, Clone, PartialEq, Eq, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Io {
    NotFound,
    PermissionDenied,
    NotUtf8,
    /// Anything else the system said, in its own words.
    Other(String),
}

impl Io {
    pub fn from_io(err: &std::io::Error) -> Io {
        use std::io::ErrorKind::*;
        match err.kind() {
            NotFound => Io::NotFound,
            PermissionDenied => Io::PermissionDenied,
            InvalidData => Io::NotUtf8,
            _ => Io::Other(err.to_string()),
        }
    }

    pub fn text(&self, l: Lang) -> String {
        match self {
            Io::NotFound => l.pick(
                "tệp không tồn tại (hoặc vừa bị xóa trong lúc dựng trang)",
                "the file does not exist (or was removed during the build)",
            ).into(),
            Io::PermissionDenied => l.pick(
                "không đọc được tệp: không có quyền; hãy kiểm tra quyền đọc của tệp",
                "the file cannot be read: permission denied",
            ).into(),
            Io::NotUtf8 => l.pick(
                "tệp không phải văn bản UTF-8; hãy lưu lại tệp với mã UTF-8",
                "the file is not valid UTF-8 text; save it as UTF-8",
            ).into(),
            Io::Other(why) => l.pick(
                format!("không đọc hoặc ghi được tệp: {why}"),
                why.clone(),
            ),
        }
    }
}
