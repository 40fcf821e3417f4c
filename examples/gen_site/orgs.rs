//! The committee tree (60 organizations under one provincial committee) and
//! site.yaml.

use super::text::{q, slug};

pub struct Org {
    pub id: String,
    pub name: String,
    pub short: String,
    pub kind: &'static str,
    pub parent: Option<String>,
}

/// Districts and towns under the province, with their own units.
const DISTRICTS: &[(&str, &str, &str, &[&str])] = &[
    (
        "thành ủy",
        "thành phố",
        "Tam Kỳ",
        &[
            "phường An Mỹ",
            "phường An Sơn",
            "phường Hòa Hương",
            "phường Hòa Thuận",
            "phường Tân Thạnh",
            "xã Tam Phú",
            "xã Tam Thăng",
        ],
    ),
    (
        "thành ủy",
        "thành phố",
        "Hội An",
        &[
            "phường Minh An",
            "phường Sơn Phong",
            "phường Cẩm Phô",
            "phường Cẩm An",
            "xã Tân Hiệp",
        ],
    ),
    (
        "thị ủy",
        "thị xã",
        "Điện Bàn",
        &[
            "phường Vĩnh Điện",
            "phường Điện An",
            "phường Điện Ngọc",
            "xã Điện Hòa",
        ],
    ),
    (
        "huyện ủy",
        "huyện",
        "Núi Thành",
        &["thị trấn Núi Thành", "xã Tam Hiệp", "xã Tam Nghĩa"],
    ),
    (
        "huyện ủy",
        "huyện",
        "Thăng Bình",
        &["thị trấn Hà Lam", "xã Bình Minh", "xã Bình Dương"],
    ),
    (
        "huyện ủy",
        "huyện",
        "Duy Xuyên",
        &["thị trấn Nam Phước", "xã Duy Hòa"],
    ),
    (
        "huyện ủy",
        "huyện",
        "Đại Lộc",
        &["thị trấn Ái Nghĩa", "xã Đại Hiệp", "xã Đại Đồng"],
    ),
    (
        "huyện ủy",
        "huyện",
        "Phú Ninh",
        &["thị trấn Phú Thịnh", "xã Tam Đàn"],
    ),
    ("huyện ủy", "huyện", "Quế Sơn", &["thị trấn Đông Phú"]),
    ("huyện ủy", "huyện", "Tiên Phước", &["thị trấn Tiên Kỳ"]),
    ("huyện ủy", "huyện", "Hiệp Đức", &[]),
    ("huyện ủy", "huyện", "Nông Sơn", &[]),
    ("huyện ủy", "huyện", "Bắc Trà My", &[]),
    ("huyện ủy", "huyện", "Nam Trà My", &[]),
    ("huyện ủy", "huyện", "Phước Sơn", &[]),
    ("huyện ủy", "huyện", "Nam Giang", &[]),
    ("huyện ủy", "huyện", "Đông Giang", &[]),
    ("huyện ủy", "huyện", "Tây Giang", &[]),
];

/// Party committees of agencies and enterprises directly under the province.
const BLOCKS: &[(&str, &[&str])] = &[
    (
        "Khối các cơ quan tỉnh",
        &["Sở Nội vụ", "Sở Giáo dục và Đào tạo", "Sở Y tế"],
    ),
    (
        "Khối doanh nghiệp tỉnh",
        &[
            "Công ty Điện lực Quảng Nam",
            "Viễn thông Quảng Nam",
            "Công ty Cấp thoát nước Quảng Nam",
        ],
    ),
    ("Quân sự tỉnh", &[]),
    ("Công an tỉnh", &[]),
];

/// The 60 organizations, parents before children.
pub fn tree() -> Vec<Org> {
    let root = "quang-nam".to_string();
    let mut out = vec![Org {
        id: root.clone(),
        name: "Đảng bộ tỉnh Quảng Nam".into(),
        short: "Tỉnh ủy Quảng Nam".into(),
        kind: "tỉnh ủy",
        parent: None,
    }];
    for &(kind, level, place, units) in DISTRICTS {
        let id = slug(place);
        out.push(Org {
            id: id.clone(),
            name: format!("Đảng bộ {level} {place}"),
            short: format!("{} {place}", capital(kind)),
            kind,
            parent: Some(root.clone()),
        });
        for unit in units {
            let uid = format!("{id}-{}", slug(unit));
            let kind = if unit.starts_with("xã") {
                "đảng bộ xã"
            } else if unit.starts_with("phường") {
                "đảng bộ phường"
            } else {
                "đảng bộ thị trấn"
            };
            out.push(Org {
                id: uid,
                name: format!("Đảng bộ {unit}"),
                short: super::text::capitalise(unit),
                kind,
                parent: Some(id.clone()),
            });
        }
    }
    for &(block, units) in BLOCKS {
        let id = slug(block);
        out.push(Org {
            id: id.clone(),
            name: format!("Đảng bộ {block}"),
            short: format!("Đảng ủy {block}"),
            kind: "đảng bộ khối",
            parent: Some(root.clone()),
        });
        for unit in units {
            out.push(Org {
                id: format!("{id}-{}", slug(unit)),
                name: format!("Đảng bộ {unit}"),
                short: unit.to_string(),
                kind: "đảng bộ cơ sở",
                parent: Some(id.clone()),
            });
        }
    }
    out
}

fn capital(kind: &str) -> String {
    super::text::capitalise(kind)
}

pub fn yaml(orgs: &[Org]) -> String {
    let mut s = String::from("# Cây tổ chức đảng của trang thử nghiệm (sinh tự động).\n");
    for o in orgs {
        s.push_str(&format!(
            "\n- id: {}\n  name: {}\n  short_name: {}\n  kind: {}\n",
            o.id,
            q(&o.name),
            q(&o.short),
            o.kind
        ));
        if let Some(p) = &o.parent {
            s.push_str(&format!("  parent: {p}\n"));
        }
    }
    s
}

pub const TITLE: &str = "Trang thông tin điện tử Đảng bộ tỉnh Quảng Nam (thử nghiệm)";
pub const BASE_URL: &str = "https://dangbo.example.vn/";

/// site.yaml: menus name the busiest categories; headline figures name orgs.
pub fn site_yaml(categories: &[&str], orgs: &[Org]) -> String {
    let mut s = format!(
        "title: {}\nbanner:\n  - Đảng bộ tỉnh Quảng Nam\n  - Trang thông tin điện tử (bản thử nghiệm sinh tự động)\n\
         description: Trang thử nghiệm tốc độ của trangtin với tin bài, số liệu và biểu đồ sinh tự động.\n\
         base_url: {BASE_URL}\nlanguage: vi\ntime_zone: Asia/Ho_Chi_Minh\nemblem: media/emblem.svg\npage_size: 10\nmenus:\n  main:\n    - {{ name: Trang chủ, url: / }}\n",
        q(TITLE)
    );
    for c in categories.iter().take(5) {
        s.push_str(&format!(
            "    - {{ name: {}, url: /chuyen-muc/{}/ }}\n",
            q(c),
            slug(c)
        ));
    }
    s.push_str("    - { name: Số liệu – Thống kê, url: /so-lieu/ }\n    - { name: Hội nghị, url: /hoi-nghi/ }\n    - { name: Văn kiện – Tài liệu, url: /van-kien/ }\n");
    s.push_str(
        "footer:\n  owner: Tỉnh ủy Quảng Nam (trang thử nghiệm)\n  responsible: Ban Biên tập\n  address: Địa chỉ minh họa\n  phone: 0000 000 000\n  email: bientap@dangbo.example.vn\n  note: Ghi rõ nguồn khi phát hành lại thông tin từ website này.\n\
         links:\n  - { name: Báo Quảng Nam, url: \"https://baoquangnam.vn/\" }\n  - { name: Báo Nhân Dân, url: \"https://nhandan.vn/\" }\nhome:\n  stats:\n",
    );
    for (i, o) in orgs.iter().take(5).enumerate() {
        let value = 1200 + i * 4321;
        s.push_str(&format!(
            "    - {{ label: {}, value: {value}, unit: đảng viên, target: {}, org: {} }}\n",
            q(&format!("{}: kết nạp từ đầu nhiệm kỳ", o.short)),
            value * 95 / 100,
            o.id
        ));
    }
    s
}
