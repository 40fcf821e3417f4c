//! Documents offered for download (documents.yaml and small files) and the few
//! SVG illustrations articles use as covers and in-body images.

use super::rng::Rng;
use super::text::{q, slug};
use super::words::OBJECTS;

/// Files to write: path and bytes.
pub type Files = Vec<(String, Vec<u8>)>;

pub struct Doc {
    /// Relative to content/: `documents/2021/12-nq-tu.txt`.
    pub file: String,
}

const KINDS: &[(&str, &str)] = &[
    ("nghị quyết", "NQ"),
    ("chỉ thị", "CT"),
    ("kế hoạch", "KH"),
    ("báo cáo", "BC"),
    ("kết luận", "KL"),
    ("công văn", "CV"),
    ("hướng dẫn", "HD"),
    ("tài liệu hội nghị", "TL"),
];

const ISSUERS: &[(&str, &str)] = &[
    ("Tỉnh ủy Quảng Nam", "TU"),
    ("Ban Thường vụ Tỉnh ủy", "TU"),
    ("Ban Tổ chức Tỉnh ủy", "BTCTU"),
    ("Ban Tuyên giáo Tỉnh ủy", "BTGTU"),
    ("Thành ủy Tam Kỳ", "ThU"),
    ("Huyện ủy Núi Thành", "HU"),
];

/// `n` documents: the list, documents.yaml and the files themselves.
pub fn documents(seed: u64, n: usize) -> (Vec<Doc>, String, Files) {
    let mut list = Vec::with_capacity(n);
    let mut files = Vec::with_capacity(n);
    let mut yaml =
        String::from("# Văn bản của trang thử nghiệm (sinh tự động); mỗi tệp chỉ là trích yếu.\n");
    for i in 0..n {
        let mut r = Rng::new(seed, 5, i as u64);
        let (kind, code) = *r.pick(KINDS);
        let (issuer, icode) = *r.pick(ISSUERS);
        let year = r.range(2016, 2024);
        let number = format!("{}-{code}/{icode}", i + 1);
        let title = format!("{} {}", super::text::capitalise(kind), r.pick(OBJECTS));
        let date = format!("{year}-{:02}-{:02}", r.range(1, 12), r.range(1, 28));
        let file = format!("documents/{year}/{}.txt", slug(&number));
        yaml.push_str(&format!("\n- number: {}\n  title: {}\n  issuer: {}\n  kind: {kind}\n  date: {date}\n  file: {file}\n", q(&number), q(&title), q(issuer)));
        if r.chance(50) {
            yaml.push_str(&format!(
                "  summary: {}\n",
                q(&super::text::sentence(&mut r))
            ));
        }
        let body = format!(
            "{issuer}\nSố: {number}\nNgày {date}\n\n{}\n\n{}\n",
            title.to_uppercase(),
            super::text::paragraph(&mut r, 4)
        );
        files.push((format!("content/{file}"), body.into_bytes()));
        list.push(Doc { file });
    }
    (list, yaml, files)
}

/// Illustrations: relative to content/.
pub fn media() -> Files {
    let mut out = vec![(
        "media/emblem.svg".to_string(),
        svg("#b00000", "★").into_bytes(),
    )];
    let colours = [
        "#b00000", "#8a1c1c", "#a05a00", "#1f4e79", "#2e6b30", "#5b2c6f", "#7a4b00", "#3d3d3d",
    ];
    for (i, c) in colours.iter().enumerate() {
        out.push((
            format!("media/minh-hoa/hinh-{:02}.svg", i + 1),
            svg(c, &format!("Ảnh minh họa {}", i + 1)).into_bytes(),
        ));
    }
    out
}

fn svg(fill: &str, label: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 360\" role=\"img\"><title>{label}</title>\
         <rect width=\"640\" height=\"360\" fill=\"{fill}\"/><text x=\"320\" y=\"190\" fill=\"#fff\" font-size=\"32\" text-anchor=\"middle\">{label}</text></svg>\n"
    )
}
