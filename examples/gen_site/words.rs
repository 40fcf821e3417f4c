//! The vocabulary: real Vietnamese words and phrases about party-building work,
//! so that word lengths, letter and mark frequencies look like a real portal's.

/// Who does something: the subject of a sentence.
pub const SUBJECTS: &[&str] = &[
    "Ban Thường vụ Thành ủy",
    "Ban Chấp hành Đảng bộ",
    "Ban Thường vụ Tỉnh ủy",
    "Ban Tổ chức Thành ủy",
    "Ban Tuyên giáo Tỉnh ủy",
    "Ban Dân vận Huyện ủy",
    "Ủy ban Kiểm tra Thị ủy",
    "Đảng ủy phường",
    "Đảng ủy xã",
    "các chi bộ trực thuộc",
    "cấp ủy các cấp",
    "các tổ chức cơ sở đảng",
    "Thường trực Huyện ủy",
    "Mặt trận Tổ quốc và các đoàn thể",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
    "Hội Liên hiệp Phụ nữ",
    "Hội Cựu chiến binh",
    "Trung tâm Chính trị huyện",
    "đội ngũ cán bộ, đảng viên",
    "người đứng đầu cấp ủy",
    "Văn phòng Tỉnh ủy",
    "Đảng ủy Khối các cơ quan tỉnh",
    "chi ủy các chi bộ",
    "bí thư chi bộ",
];

/// What they do: the verb phrase.
pub const VERBS: &[&str] = &[
    "đã triển khai",
    "tập trung lãnh đạo",
    "chỉ đạo quyết liệt",
    "quán triệt và thực hiện nghiêm",
    "tổ chức thực hiện có hiệu quả",
    "thường xuyên rà soát",
    "đánh giá đúng thực chất",
    "tăng cường kiểm tra, giám sát",
    "không ngừng nâng cao",
    "đẩy mạnh",
    "chú trọng",
    "kịp thời tháo gỡ khó khăn trong",
    "ban hành kế hoạch về",
    "sơ kết, rút kinh nghiệm",
    "tổng kết",
    "đổi mới nội dung, phương thức",
    "phát huy vai trò nêu gương trong",
    "cụ thể hóa",
    "tiếp tục quan tâm",
    "xây dựng chương trình hành động về",
    "giao chỉ tiêu cụ thể cho",
    "đôn đốc, hướng dẫn",
    "lồng ghép",
    "tuyên truyền sâu rộng",
];

/// What about: the object.
pub const OBJECTS: &[&str] = &[
    "công tác phát triển đảng viên",
    "công tác tạo nguồn kết nạp đảng viên",
    "chất lượng sinh hoạt chi bộ",
    "việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "Nghị quyết Trung ương 4 khóa XII",
    "Kết luận số 21-KL/TW của Ban Chấp hành Trung ương",
    "Chỉ thị số 05-CT/TW của Bộ Chính trị",
    "công tác kiểm tra, giám sát và thi hành kỷ luật đảng",
    "công tác bảo vệ nền tảng tư tưởng của Đảng",
    "công tác dân vận của hệ thống chính trị",
    "việc bồi dưỡng lý luận chính trị cho quần chúng ưu tú",
    "công tác quy hoạch, đào tạo cán bộ",
    "phong trào thi đua yêu nước",
    "việc xây dựng tổ chức cơ sở đảng trong sạch, vững mạnh",
    "công tác quản lý đảng viên",
    "công tác phòng, chống tham nhũng, tiêu cực",
    "chương trình xây dựng nông thôn mới",
    "cải cách hành chính và chuyển đổi số",
    "công tác đảng viên đi làm ăn xa",
    "việc thành lập tổ chức đảng trong doanh nghiệp tư nhân",
    "nhiệm vụ phát triển kinh tế – xã hội",
    "công tác bảo đảm quốc phòng, an ninh",
    "việc lấy ý kiến nhận xét của nhân dân đối với đảng viên",
    "việc phân tích, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên",
    "việc thực hiện quy chế dân chủ ở cơ sở",
    "công tác thông tin, tuyên truyền",
    "công tác chuẩn bị đại hội đảng bộ các cấp",
    "đội ngũ bí thư chi bộ thôn, khối phố",
];

/// How, where, when: the adverbial that ends a sentence.
pub const ENDINGS: &[&str] = &[
    "theo đúng quy định của Điều lệ Đảng",
    "gắn với nhiệm vụ chính trị của địa phương",
    "một cách thiết thực, hiệu quả",
    "ngay từ đầu nhiệm kỳ",
    "trong những tháng cuối năm",
    "ở từng chi bộ, từng đơn vị",
    "với nhiều cách làm sáng tạo",
    "bảo đảm đúng nguyên tắc, thủ tục",
    "góp phần củng cố niềm tin của nhân dân",
    "trên địa bàn toàn tỉnh",
    "tại các thôn, khối phố chưa có chi bộ",
    "trong khối doanh nghiệp ngoài nhà nước",
    "trong đoàn viên, hội viên và người lao động",
    "theo tinh thần nghị quyết đại hội",
    "đáp ứng yêu cầu nhiệm vụ trong tình hình mới",
    "từ cơ sở",
];

/// Words that open a sentence and tie it to the previous one.
pub const LINKS: &[&str] = &[
    "Bên cạnh đó,",
    "Qua đó,",
    "Đồng thời,",
    "Nhờ vậy,",
    "Tuy nhiên,",
    "Trong thời gian tới,",
    "Thời gian qua,",
    "Theo báo cáo,",
    "Cùng với đó,",
    "Nhìn chung,",
    "Để khắc phục hạn chế,",
    "Ngoài ra,",
];

/// Sentences about difficulties and lessons, as conference reports put them.
pub const REMARKS: &[&str] = &[
    "Một số chi bộ chưa thực sự quan tâm đến công tác tạo nguồn, còn tâm lý trông chờ vào cấp trên",
    "Nguồn kết nạp đảng viên ở khu vực nông thôn ngày càng thu hẹp do thanh niên đi làm ăn xa",
    "Nội dung sinh hoạt chi bộ ở một số nơi còn đơn điệu, chưa thu hút đảng viên tham gia",
    "Việc quản lý đảng viên làm việc ngoài địa phương còn gặp nhiều khó khăn",
    "Nhiều quần chúng ưu tú chưa thật sự mặn mà với việc phấn đấu vào Đảng",
    "Công tác thẩm tra lý lịch có trường hợp kéo dài, ảnh hưởng đến tiến độ kết nạp",
    "Kinh nghiệm cho thấy nơi nào cấp ủy sâu sát, người đứng đầu gương mẫu thì nơi đó làm tốt",
    "Phải lấy chất lượng làm trọng, không chạy theo số lượng, không hạ thấp tiêu chuẩn",
    "Cần phát huy vai trò của Mặt trận và các đoàn thể trong việc giới thiệu quần chúng ưu tú",
    "Chi bộ phải phân công đảng viên chính thức giúp đỡ quần chúng ngay từ khi có cảm tình với Đảng",
];

/// Section headings inside an article.
pub const HEADINGS: &[&str] = &[
    "Kết quả nổi bật",
    "Những khó khăn, hạn chế",
    "Nguyên nhân và bài học kinh nghiệm",
    "Nhiệm vụ, giải pháp trong thời gian tới",
    "Ý kiến từ cơ sở",
    "Kết luận của hội nghị",
    "Cách làm hay ở cơ sở",
    "Chuyển biến rõ nét",
    "Quyết tâm hoàn thành chỉ tiêu",
    "Nâng cao chất lượng đội ngũ",
    "Đổi mới phương thức lãnh đạo",
    "Một số con số",
    "Sâu sát cơ sở",
    "Phát huy vai trò nêu gương",
];

/// How a headline starts; the organization's name follows.
pub const TITLE_VERBS: &[&str] = &[
    "tổ chức hội nghị chuyên đề về",
    "sơ kết 5 năm thực hiện",
    "tổng kết",
    "triển khai",
    "nâng cao hiệu quả",
    "đẩy mạnh",
    "ra mắt mô hình về",
    "tọa đàm về",
    "kiểm tra việc thực hiện",
    "khen thưởng tập thể, cá nhân tiêu biểu trong",
    "bàn giải pháp tháo gỡ vướng mắc trong",
    "giao ban quý về",
];

/// Headline topics.
pub const TITLE_TOPICS: &[&str] = &[
    "phát triển đảng viên",
    "tạo nguồn kết nạp đảng viên",
    "sinh hoạt chi bộ",
    "học tập và làm theo Bác",
    "công tác kiểm tra, giám sát",
    "công tác dân vận",
    "Nghị quyết Trung ương 4",
    "Chỉ thị 05-CT/TW",
    "Quy định 08-QĐi/TW",
    "công tác cán bộ",
    "xây dựng nông thôn mới",
    "chuyển đổi số",
    "cải cách hành chính",
    "công tác tư tưởng",
    "quy chế dân chủ ở cơ sở",
    "phòng, chống tham nhũng",
];

/// What a list item says.
pub const LIST_ITEMS: &[&str] = &[
    "nâng cao nhận thức của cấp ủy, tổ chức đảng về vị trí, vai trò của công tác phát triển đảng viên",
    "phân công đảng viên chính thức giúp đỡ quần chúng ưu tú",
    "mở lớp bồi dưỡng nhận thức về Đảng ngay tại cơ sở",
    "rút ngắn thời gian thẩm tra lý lịch",
    "định kỳ rà soát, lập danh sách đoàn viên, hội viên ưu tú",
    "gắn chỉ tiêu phát triển đảng viên với đánh giá, xếp loại tổ chức đảng",
    "khen thưởng kịp thời những tập thể, cá nhân làm tốt",
    "tăng cường kiểm tra, giám sát chất lượng đảng viên mới",
    "phối hợp với doanh nghiệp để thành lập tổ chức đảng",
    "đổi mới nội dung sinh hoạt chi bộ theo chuyên đề",
];
