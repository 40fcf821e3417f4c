//! Named things of the portal: categories, keywords, people, sources, kinds of
//! events, and what the datasets measure.

/// The 40 categories (chuyên mục).
pub const CATEGORIES: &[&str] = &[
    "Tin tức – Sự kiện",
    "Xây dựng Đảng",
    "Chỉ đạo – Điều hành",
    "Công tác tổ chức",
    "Công tác cán bộ",
    "Kiểm tra – Giám sát",
    "Tuyên giáo",
    "Dân vận",
    "Nội chính",
    "Phòng, chống tham nhũng",
    "Học tập và làm theo Bác",
    "Đại hội Đảng các cấp",
    "Phát triển đảng viên",
    "Tổ chức cơ sở đảng",
    "Sinh hoạt chi bộ",
    "Đào tạo – Bồi dưỡng",
    "Lý luận chính trị",
    "Bảo vệ nền tảng tư tưởng của Đảng",
    "Kinh tế – Xã hội",
    "Quốc phòng – An ninh",
    "Văn hóa – Xã hội",
    "Giáo dục – Đào tạo",
    "Y tế",
    "Nông nghiệp – Nông thôn mới",
    "Công nghiệp – Thương mại",
    "Du lịch",
    "Tài nguyên – Môi trường",
    "Chuyển đổi số",
    "Cải cách hành chính",
    "Mặt trận Tổ quốc và các đoàn thể",
    "Công tác thanh niên",
    "Công tác phụ nữ",
    "Cựu chiến binh",
    "Công đoàn",
    "Gương người tốt, việc tốt",
    "Đối ngoại",
    "Thông báo",
    "Văn bản chỉ đạo",
    "Hỏi – Đáp nghiệp vụ",
    "Tư liệu – Lịch sử Đảng bộ",
];

/// Keyword stems; with places and years they make the 500 keywords.
pub const KEYWORDS: &[&str] = &[
    "phát triển đảng viên",
    "tạo nguồn",
    "kết nạp đảng viên",
    "sinh hoạt chi bộ",
    "chi bộ bốn tốt",
    "đảng viên mới",
    "quần chúng ưu tú",
    "Nghị quyết 21-NQ/TW",
    "Chỉ thị 05-CT/TW",
    "Nghị quyết Trung ương 4",
    "Quy định 08-QĐi/TW",
    "kiểm tra, giám sát",
    "kỷ luật đảng",
    "dân vận khéo",
    "học tập và làm theo Bác",
    "hội nghị chuyên đề",
    "tọa đàm",
    "đại hội chi bộ",
    "đại hội đảng bộ",
    "lớp bồi dưỡng",
    "lý luận chính trị",
    "bí thư chi bộ",
    "cấp ủy cơ sở",
    "tổ chức cơ sở đảng",
    "đảng viên đi làm ăn xa",
    "doanh nghiệp tư nhân",
    "thanh niên",
    "học sinh",
    "sinh viên",
    "phụ nữ",
    "cựu chiến binh",
    "nông thôn mới",
    "chuyển đổi số",
    "cải cách hành chính",
    "phòng, chống tham nhũng",
    "quy chế dân chủ",
    "công tác cán bộ",
    "quy hoạch cán bộ",
    "Huy hiệu Đảng",
    "thi đua khen thưởng",
    "an sinh xã hội",
    "giảm nghèo bền vững",
    "bảo vệ nền tảng tư tưởng",
    "công tác tư tưởng",
    "báo cáo viên",
    "dư luận xã hội",
    "Mặt trận Tổ quốc",
    "Đoàn Thanh niên",
    "Hội Nông dân",
    "Công đoàn",
];

/// People who chair conferences and sign articles.
pub const NAMES: &[&str] = &[
    "Nguyễn Văn Hùng",
    "Trần Thị Thu Hà",
    "Lê Minh Tuấn",
    "Phạm Quốc Bảo",
    "Hoàng Thị Lan",
    "Võ Văn Dũng",
    "Đặng Thanh Sơn",
    "Bùi Thị Ngọc Ánh",
    "Huỳnh Đức Thắng",
    "Phan Thị Mỹ Hạnh",
    "Ngô Quang Vinh",
    "Đỗ Thị Hồng Nhung",
];

/// Bylines.
pub const AUTHORS: &[&str] = &[
    "Ban Tuyên giáo Tỉnh ủy",
    "Ban Tổ chức Tỉnh ủy",
    "Văn phòng Tỉnh ủy",
    "Ban Biên tập",
    "Phòng Thông tin",
    "Minh Châu",
    "Thanh Tâm",
    "Quốc Việt",
];

/// Where the news came from.
pub const SOURCES: &[(&str, &str)] = &[
    ("Báo Quảng Nam", "https://baoquangnam.vn/"),
    ("Báo Nhân Dân", "https://nhandan.vn/"),
    ("Tạp chí Xây dựng Đảng", "https://xaydungdang.org.vn/"),
    ("Đài Phát thanh – Truyền hình tỉnh", ""),
    ("Cổng thông tin điện tử tỉnh", ""),
];

/// Conference kinds and forms.
pub const EVENT_KINDS: &[&str] = &[
    "hội nghị",
    "hội nghị chuyên đề",
    "tọa đàm",
    "đại hội",
    "lớp bồi dưỡng",
    "hội thảo",
];
pub const EVENT_FORMS: &[&str] = &["trực tiếp", "trực tuyến", "trực tiếp kết hợp trực tuyến"];

/// Datasets over time: title, unit, labels of three components that add up.
pub const SERIES_METRICS: &[(&str, &str, [&str; 3])] = &[
    (
        "Kết nạp đảng viên mới",
        "đảng viên",
        ["Khu vực hành chính", "Doanh nghiệp", "Xã, phường, thị trấn"],
    ),
    (
        "Quần chúng học lớp bồi dưỡng nhận thức về Đảng",
        "người",
        ["Đoàn viên", "Hội viên", "Người lao động"],
    ),
    (
        "Đảng viên được tặng Huy hiệu Đảng",
        "đảng viên",
        [
            "30 năm tuổi Đảng",
            "40 năm tuổi Đảng",
            "50 năm tuổi Đảng trở lên",
        ],
    ),
    (
        "Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ",
        "tổ chức",
        ["Đảng bộ cơ sở", "Chi bộ cơ sở", "Chi bộ trực thuộc"],
    ),
    (
        "Cuộc kiểm tra, giám sát",
        "cuộc",
        ["Kiểm tra", "Giám sát thường xuyên", "Giám sát chuyên đề"],
    ),
    (
        "Đảng viên bị xử lý kỷ luật",
        "đảng viên",
        ["Khiển trách", "Cảnh cáo", "Khai trừ"],
    ),
    (
        "Hộ thoát nghèo",
        "hộ",
        ["Thôn", "Khối phố", "Vùng đồng bào"],
    ),
    (
        "Lớp bồi dưỡng đảng viên mới",
        "lớp",
        ["Tại Trung tâm Chính trị", "Tại cơ sở", "Trực tuyến"],
    ),
];

/// Datasets that share out a whole: title, group labels.
pub const SHARE_METRICS: &[(&str, &[&str])] = &[
    (
        "Đảng viên mới theo độ tuổi",
        &[
            "Dưới 30 tuổi",
            "Từ 30 đến 40 tuổi",
            "Từ 41 đến 50 tuổi",
            "Trên 50 tuổi",
        ],
    ),
    (
        "Đảng viên theo trình độ chuyên môn",
        &[
            "Trung học phổ thông",
            "Trung cấp",
            "Cao đẳng, đại học",
            "Sau đại học",
        ],
    ),
    (
        "Đảng viên mới theo khu vực",
        &[
            "Cơ quan hành chính, sự nghiệp",
            "Thôn, khối phố",
            "Doanh nghiệp",
            "Học sinh, sinh viên",
            "Khác",
        ],
    ),
    ("Đảng viên theo giới tính", &["Nam", "Nữ"]),
    (
        "Tổ chức đảng theo loại hình",
        &[
            "Xã, phường, thị trấn",
            "Cơ quan",
            "Doanh nghiệp",
            "Lực lượng vũ trang",
            "Đơn vị sự nghiệp",
        ],
    ),
    (
        "Đảng viên theo trình độ lý luận chính trị",
        &[
            "Sơ cấp",
            "Trung cấp",
            "Cao cấp, cử nhân",
            "Chưa qua đào tạo",
        ],
    ),
];
