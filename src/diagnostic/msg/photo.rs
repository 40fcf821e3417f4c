//! Photos: the files in content/media and the addresses articles give them.

use strum::IntoStaticStr;

use crate::text::Lang;

#[derive(Debug, Clone, PartialEq, Eq, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Photo {
    /// The content is not JPEG, PNG or WebP, whatever the name says.
    NotAPhoto { file: String },
    Heic { file: String },
    /// `why` is the decoder's own words.
    Damaged { file: String, why: String },
    TooManyPixels {
        file: String,
        width: u32,
        height: u32,
        limit_mp: u64,
    },
    TooLarge { file: String, mb: u64, limit_mb: u64 },
    /// An unusable photo, reported where an article uses it.
    UsedHere(Box<Photo>),
    Missing { field: String, src: String },
    Outside { field: String, src: String },
    ClimbsOut { field: String, src: String },
    LinkOutside { field: String, src: String },
    /// `image:` with a `javascript:` or other refused address.
    Refused { field: String },
    EmptyGallery,
    Unused { file: String },
    NoAlt { url: String },
    CoverNoAlt,
    /// site.yaml `images:` settings out of range.
    BadWidths,
    BadOgWidth,
    BadQuality,
}

impl Photo {
    pub fn text(&self, l: Lang) -> String {
        use Photo::*;
        match self {
            BadWidths => l.pick(
                "images: mục `widths` phải liệt kê một hoặc nhiều độ rộng từ 16 đến 8192 điểm ảnh, ví dụ [480, 960, 1600]",
                "images: `widths` must list one or more widths between 16 and 8192 pixels, such as [480, 960, 1600]",
            ).into(),
            BadOgWidth => l.pick(
                "images: mục `og_width` phải từ 16 đến 8192 điểm ảnh",
                "images: `og_width` must be between 16 and 8192 pixels",
            ).into(),
            BadQuality => l.pick(
                "images: mục `quality` phải từ 1 đến 100 (80 là vừa)",
                "images: `quality` must be between 1 and 100 (80 is a good choice)",
            ).into(),
            NotAPhoto { file: f } => l.pick(
                format!("`{f}` không phải ảnh JPEG, PNG hay WebP (nội dung tệp là loại khác, dù tên tệp ghi gì); hãy xuất lại ảnh dưới dạng JPEG"),
                format!("`{f}` is not a JPEG, PNG or WebP photo (its content is something else, whatever its name says); export it again as JPEG"),
            ),
            Heic { file: f } => l.pick(
                format!("`{f}` là ảnh HEIC (kiểu iPhone lưu), trình duyệt web không hiển thị được; hãy chuyển sang JPEG (trên iPhone: Cài đặt › Camera › Định dạng › Tương thích nhất; hoặc mở ảnh rồi xuất hay lưu thành JPEG)"),
                format!("`{f}` is a HEIC photo (as iPhones save them), which web browsers cannot show; convert it to JPEG (on the iPhone: Settings › Camera › Formats › Most Compatible; or open it and export or save as JPEG)"),
            ),
            Damaged { file: f, why } => l.pick(
                format!("`{f}` bị hỏng hoặc bị cắt dở ({why}); hãy chép lại từ máy ảnh hay điện thoại, hoặc mở rồi lưu lại thành JPEG"),
                format!("`{f}` is damaged or cut short ({why}); copy it again from the camera or phone, or open and save it again as JPEG"),
            ),
            TooManyPixels { file: f, width, height, limit_mp } => l.pick(
                format!("`{f}` có {width}×{height} điểm ảnh, vượt giới hạn {limit_mp} megapixel; hãy thu nhỏ ảnh (ví dụ rộng 4000 điểm ảnh) trước khi đưa vào"),
                format!("`{f}` is {width}×{height} pixels, over the limit of {limit_mp} megapixels; make it smaller (for example 4000 pixels wide) before adding it"),
            ),
            TooLarge { file: f, mb, limit_mb } => l.pick(
                format!("`{f}` nặng {mb} MB, vượt giới hạn {limit_mb} MB cho một ảnh; hãy xuất lại ảnh JPEG với kích thước nhỏ hơn"),
                format!("`{f}` is {mb} MB, over the limit of {limit_mb} MB for a photo; export it again as JPEG at a smaller size"),
            ),
            UsedHere(p) => l.pick(
                format!("ảnh được dùng ở đây; {}", p.text(l)),
                format!("the photo is used here; {}", p.text(l)),
            ),
            Missing { field, src } => l.pick(
                format!("{field}: không có ảnh `content/{src}`; hãy kiểm tra tên tệp (chữ hoa, chữ thường khác nhau) và tệp có nằm trong thư mục content/media/ không"),
                format!("{field}: the photo `content/{src}` does not exist; check the name (upper and lower case count) and that the file is in content/media/"),
            ),
            Outside { field, src } => l.pick(
                format!("{field}: không được dùng `{src}`; hãy viết vị trí của ảnh tính từ content/, ví dụ media/2023/anh.jpg (không có `..`, không bắt đầu bằng `/` hay tên ổ đĩa)"),
                format!("{field}: `{src}` is not allowed; write the photo's place under content/, such as media/2023/anh.jpg (no `..`, no leading `/` or drive)"),
            ),
            ClimbsOut { field, src } => l.pick(
                format!("{field}: `{src}` đi ra ngoài thư mục content/ bằng `..`; trangtin không đọc gì ngoài thư mục trang: hãy viết đường dẫn tính từ content/, ví dụ `media/anh.jpg`"),
                format!("{field}: `{src}` goes up out of content/ with `..`; trangtin reads nothing outside the site folder: write the path from content/, such as `media/anh.jpg`"),
            ),
            LinkOutside { field, src } => l.pick(
                format!("{field}: `{src}` là liên kết tới một tệp nằm ngoài thư mục trang; trangtin không đọc gì ngoài thư mục trang: hãy chép tệp vào trong thư mục trang thay vì tạo liên kết"),
                format!("{field}: `{src}` is a link to a file outside the site folder; trangtin reads nothing outside the site folder: copy the file into the site instead of linking to it"),
            ),
            Refused { field } => l.pick(
                format!("{field}: không được dùng địa chỉ này; cần một tệp trong media/ hoặc một địa chỉ https://"),
                format!("{field}: this address is not allowed; expected a file under media/ or an https:// address"),
            ),
            EmptyGallery => l.pick(
                "gallery: mỗi dòng ghi một ảnh, ví dụ `- { src: media/2023/a.jpg, caption: Quang cảnh hội nghị }`".into(),
                "gallery: list one photo a line, such as `- { src: media/2023/a.jpg, caption: Quang cảnh hội nghị }`".into(),
            ),
            Unused { file: f } => l.pick(
                format!("không bài viết hay trang nào dùng ảnh `{f}`; hãy đưa ảnh vào bài (`image:`, `![…](…)` hoặc một gallery) hoặc xóa ảnh đi"),
                format!("no article or page uses the photo `{f}`; show it (`image:`, `![…](…)` or a gallery) or remove it"),
            ),
            NoAlt { url } => l.pick(
                format!("ảnh `{url}` chưa có lời mô tả (alt); hãy viết mô tả giữa hai dấu ngoặc vuông: ![ảnh chụp gì]({url})"),
                format!("the image `{url}` has no alt text; write it between the brackets: ![what it shows]({url})"),
            ),
            CoverNoAlt => l.pick(
                "ảnh đại diện chưa có `alt` hay `caption`; người đọc dùng trình đọc màn hình sẽ không biết ảnh chụp gì".into(),
                "the cover image has no `alt` or `caption`; readers using screen readers will not know what it shows".into(),
            ),
        }
    }
}
