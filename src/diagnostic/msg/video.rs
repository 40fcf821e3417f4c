//! ```video blocks in articles and pages.

use strum::IntoStaticStr;

use crate::text::Lang;

/// What a `src:`, `poster:` or `captions:` file must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VideoFile {
    Video,
    Poster,
    Captions,
}

impl VideoFile {
    fn text(self, l: Lang) -> &'static str {
        match self {
            VideoFile::Video => l.pick(
                "một tệp video MP4 hoặc WebM (.mp4, .webm)",
                "an MP4 or WebM video (.mp4, .webm)",
            ),
            VideoFile::Poster => l.pick(
                "một tệp ảnh (.jpg, .png, .webp, .svg)",
                "an image (.jpg, .png, .webp, .svg)",
            ),
            VideoFile::Captions => l.pick("một tệp WebVTT (.vtt)", "a WebVTT file (.vtt)"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Video {
    NoSource,
    Both,
    NoTitle,
    CaptionsOnYoutube,
    NoCaptions,
    Outside { key: String, value: String },
    Missing { key: String, rel: String },
    WrongKind { key: String, rel: String, expected: VideoFile },
    BadYoutube { id: String },
}

impl Video {
    pub fn text(&self, l: Lang) -> String {
        use Video::*;
        match self {
            NoSource => l.pick(
                "khối video cần `src: media/video/….mp4` (một tệp video của trang) hoặc `youtube: MÃ_VIDEO`",
                "a video block needs `src: media/video/….mp4` (a video file of the site) or `youtube: VIDEO_ID`",
            ).into(),
            Both => l.pick(
                "khối video chỉ nhận `src:` hoặc `youtube:`, không nhận cả hai; hãy tách thành hai khối",
                "a video block takes `src:` or `youtube:`, not both; make two blocks",
            ).into(),
            NoTitle => l.pick(
                "khối video cần mục `title:`; tên này giới thiệu video cho trình đọc màn hình và cho người đọc không bật JavaScript",
                "a video block needs a `title:`; it names the video for screen readers and for readers without JavaScript",
            ).into(),
            CaptionsOnYoutube => l.pick(
                "`captions:` chỉ dùng được với `src:`; video YouTube đã có phụ đề riêng",
                "`captions:` works only with `src:`; a YouTube video carries its own captions",
            ).into(),
            NoCaptions => l.pick(
                "video chưa có `captions:`; hãy thêm tệp phụ đề WebVTT (media/video/….vtt) để người không nghe được vẫn đọc được lời trong video",
                "the video has no `captions:`; add a WebVTT file (media/video/….vtt) so that readers who cannot hear it can read what is said",
            ).into(),
            Outside { key, value } => l.pick(
                format!("`{key}: {value}` không nằm trong thư mục content/media/; hãy viết đường dẫn như media/video/hoi-nghi.mp4"),
                format!("`{key}: {value}` is not inside content/media/; write a path such as media/video/hoi-nghi.mp4"),
            ),
            Missing { key, rel } => l.pick(
                format!("không có tệp `content/{rel}`; hãy đặt tệp vào content/media/ hoặc sửa mục `{key}:`"),
                format!("the file `content/{rel}` does not exist; put it in content/media/ or fix `{key}:`"),
            ),
            WrongKind { key, rel, expected } => l.pick(
                format!("`{key}: {rel}` không phải {}", expected.text(l)),
                format!("`{key}: {rel}` is not {}", expected.text(l)),
            ),
            BadYoutube { id } => l.pick(
                format!("`youtube: {id}` không phải mã video YouTube; chỉ viết 11 ký tự (chữ, số, `-` hoặc `_`) đứng sau `v=` trong địa chỉ video (youtube.com/watch?v=…)"),
                format!("`youtube: {id}` is not a YouTube video id; write only the 11 letters, digits, `-` or `_` after `v=` in the video's address (youtube.com/watch?v=…)"),
            ),
        }
    }
}
