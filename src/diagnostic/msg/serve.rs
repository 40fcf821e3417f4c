//! `serve`: starting the preview server and watching files.

use strum::IntoStaticStr;

use crate::text::Lang;

#[derive(Debug, Clone, PartialEq, Eq, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Serve {
    /// The site folder has no content/.
    NoContent,
    CannotListen { address: String, why: String },
    NoServerThread,
    CannotWatchFiles { why: String },
    CannotWatch { why: String },
}

impl Serve {
    pub fn text(&self, l: Lang) -> String {
        match self {
            Serve::NoContent => l.pick(
                "không có thư mục content ở đây; hãy chạy trangtin serve trong thư mục trang, ghi --root THƯ-MỤC, hoặc tạo trang mới bằng `trangtin init THƯ-MỤC`",
                "no content folder here; run trangtin serve in a site folder, give --root DIR, or create one with `trangtin init DIR`",
            ).into(),
            Serve::CannotListen { address, why } => l.pick(
                format!("không mở được cổng {address}: {why}; có máy chủ khác đang dùng cổng này chăng? Hãy chọn cổng khác bằng --port"),
                format!("cannot listen on {address}: {why}; is another server using this port? Choose another with --port"),
            ),
            Serve::NoServerThread => l.pick(
                "không khởi động được máy chủ web",
                "cannot start the web server thread",
            ).into(),
            Serve::CannotWatchFiles { why } => l.pick(
                format!("không theo dõi được thay đổi của tệp: {why}"),
                format!("cannot watch files: {why}"),
            ),
            Serve::CannotWatch { why } => l.pick(
                format!("không theo dõi được thư mục này: {why}"),
                format!("cannot watch this folder: {why}"),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        let s = || "x".to_string();
        crate::diagnostic::msg::says_both([
            Serve::NoContent,
            Serve::CannotListen { address: s(), why: s() },
            Serve::NoServerThread,
            Serve::CannotWatchFiles { why: s() },
            Serve::CannotWatch { why: s() },
        ]);
    }
}
