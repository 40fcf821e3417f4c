//! The index as the browser reads it, and the JavaScript client's word rules
//! against ours.

use std::collections::BTreeMap;
use std::process::Command;

use super::docs::{Doc, Group};
use super::*;

/// A document with only a title and a body, for the word and list tests.
pub(super) fn plain(title: &str, body: &'static str) -> Doc<'static> {
    doc(title, "", body, None, None)
}

fn doc(
    title: &str,
    summary: &'static str,
    body: &'static str,
    group: Option<usize>,
    year: Option<i16>,
) -> Doc<'static> {
    Doc {
        title: title.to_string().into(),
        url: format!("/tin-tuc/{}/", crate::text::slug::slugify(title)).into(),
        date: None,
        year,
        group,
        keywords: vec![],
        summary,
        body,
    }
}

fn sample() -> (Vec<Doc<'static>>, Vec<Group>) {
    let docs = vec![
        doc(
            "Giới thiệu",
            "Đảng bộ tỉnh.",
            "Địa chỉ: 1 Lê Lợi.",
            Some(1),
            None,
        ),
        doc(
            "Đà Nẵng tổ chức hội nghị",
            "Hơn 4.000 đại biểu.",
            "Thành ủy Đà Nẵng phát triển đảng viên.",
            Some(0),
            Some(2023),
        ),
        doc(
            "Thái Hòa kết nạp đảng viên",
            "Kết nạp 7.314 đảng viên.",
            "Đang tiếp tục.",
            Some(0),
            Some(2021),
        ),
    ];
    let groups = vec![
        Group {
            name: "Xây dựng Đảng".into(),
            slug: "xay-dung-dang".into(),
        },
        Group {
            name: "Trang".into(),
            slug: "_trang".into(),
        },
    ];
    (docs, groups)
}

fn text(files: &[OutputFile], path: &str) -> String {
    let f = files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("{path} missing"));
    String::from_utf8(f.made().to_vec()).unwrap()
}

type Shard = BTreeMap<String, BTreeMap<String, String>>;

/// What the browser does: the longest prefix's shard, then the key in it.
fn lookup(files: &[OutputFile], key: &str) -> BTreeMap<String, Vec<(u32, u8)>> {
    let m: serde_json::Value =
        serde_json::from_str(&text(files, "static/search/manifest.json")).unwrap();
    let prefixes: Vec<&str> = m["shards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    let best = prefixes
        .iter()
        .enumerate()
        .filter(|(_, p)| key.starts_with(**p))
        .max_by_key(|(_, p)| p.len())
        .map(|(i, _)| i)
        .unwrap();
    let shard: Shard =
        serde_json::from_str(&text(files, &format!("static/search/t/{best}.json"))).unwrap();
    shard
        .get(key)
        .map(|vs| {
            vs.iter()
                .map(|(v, p)| {
                    (
                        v.clone(),
                        encode::decode_postings(p).unwrap().into_iter().collect(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn folded_key_holds_every_spelling_with_its_documents() {
    let (docs, groups) = sample();
    let files = build(&docs, &groups);
    let dang = lookup(&files, "dang");
    let ids = |v: &str| {
        dang.get(v)
            .map(|p| p.iter().map(|x| x.0).collect::<Vec<_>>())
            .unwrap_or_default()
    };
    assert_eq!(ids("đảng"), [0, 1, 2]);
    assert_eq!(ids("đang"), [2]);
    let nang = lookup(&files, "da nang");
    assert_eq!(nang.keys().collect::<Vec<_>>(), ["đà nẵng"]);
    // Title and body: the weight has the title bit and a body count of 1.
    assert_eq!(nang["đà nẵng"], [(1, postings::TITLE | 8)]);
    assert_eq!(lookup(&files, "7314").keys().collect::<Vec<_>>(), ["7.314"]);
    assert!(lookup(&files, "4000").contains_key("4.000"));
}

#[test]
fn weights_count_body_words_and_mark_fields() {
    let docs = vec![doc(
        "Đảng bộ",
        "Lời đảng.",
        "Đảng, đảng và ĐẢNG; đảng.",
        None,
        None,
    )];
    let files = build(&docs, &[]);
    let dang = lookup(&files, "dang");
    assert_eq!(
        dang["đảng"],
        [(0, postings::TITLE | postings::SUMMARY | (4 << 3))]
    );
    let many = "x ".repeat(20);
    let docs = vec![doc("y", "", Box::leak(many.into_boxed_str()), None, None)];
    assert_eq!(
        lookup(&build(&docs, &[]), "x")["x"],
        [(0, 7 << 3)],
        "body counts stop at 7"
    );
}

#[test]
fn manifest_has_filters_and_every_result_file() {
    let (docs, groups) = sample();
    let files = build(&docs, &groups);
    let m: serde_json::Value =
        serde_json::from_str(&text(&files, "static/search/manifest.json")).unwrap();
    assert_eq!(m["n"], 3);
    assert_eq!(m["g"], "211");
    assert_eq!(m["y"], serde_json::json!([[0, 1], [2023, 1], [2021, 1]]));
    assert_eq!(m["groups"][0]["name"], "Xây dựng Đảng");
    assert_eq!(m["f"], RESULTS_PER_FILE);
    // Document 1 is the second of the first result file.
    let d: serde_json::Value =
        serde_json::from_str(&text(&files, "static/search/d/0.json")).unwrap();
    assert_eq!(d.as_array().map(Vec::len), Some(3));
    assert_eq!(d[1]["t"], "Đà Nẵng tổ chức hội nghị");
    assert_eq!(d[1]["s"], "Hơn 4.000 đại biểu.");
}

#[test]
fn same_input_same_bytes() {
    let (docs, groups) = sample();
    let a = build(&docs, &groups);
    let b = build(&docs, &groups);
    assert_eq!(a, b);
    let (mut docs2, _) = sample();
    docs2[2].title.to_mut().push_str(" mới");
    let c = build(&docs2, &groups);
    assert_ne!(
        text(&a, "static/search/manifest.json"),
        text(&c, "static/search/manifest.json"),
        "the version must change"
    );
}

/// Chunks are sized by the number of threads; the files must not be.
#[test]
fn chunk_size_never_changes_the_bytes() {
    const TEXTS: [&str; 5] = [
        "Đảng viên mới",
        "đang học tập, 7.314 đảng viên",
        "Hội nghị Ban Chấp hành",
        "ĐẢNG VIÊN hội nghị",
        "x",
    ];
    let docs: Vec<Doc> = (0..103)
        .map(|i| {
            doc(
                TEXTS[i % 5],
                TEXTS[(i / 5) % 5],
                TEXTS[(i * 7) % 5],
                Some(i % 2),
                (i % 3 != 0).then_some(2020 + (i % 4) as i16),
            )
        })
        .collect();
    let groups = sample().1;
    let in_memory = |chunk| {
        let made = Memory::default();
        build_in(&docs, &groups, chunk, &made).unwrap();
        made.into_files()
    };
    let whole = in_memory(1024);
    for chunk in [4, 8, 12, 100] {
        assert!(in_memory(chunk) == whole, "chunks of {chunk}");
    }
    assert_eq!(chunk_size(10_450, 2), 1308);
    assert_eq!(chunk_size(10, 2), 256);
}

#[test]
fn cuts_long_bodies_at_a_space_or_letter() {
    assert_eq!(cut("một hai ba", 5), "một");
    assert_eq!(cut("một hai", 50), "một hai");
    assert_eq!(cut("đảng viên", 3), "đ", "never inside a letter");
}

/// Texts that exercise every rule, including scripts and cases far from
/// Vietnamese, where two Unicode implementations could disagree.
const CASES: &[&str] = &[
    "Đà Nẵng",
    "DA NANG",
    "da nang",
    "Đảng viên ĐẢNG VIÊN đang",
    "Thanh Hoá Thanh Hóa thuỷ thủy",
    "kết nạp 7.314 đảng viên, đạt 98,5%. Năm 2023.",
    "1.234.567 a.b 3. 4,x ,5 6,",
    "Hà Nội, (2015–2020): “đảng viên”/chi-bộ!",
    "Ð ð Đ đ",
    "İstanbul Straße ΣΟΦΟΣ ǅungla ﬁn",
    "日本語 テキスト 한국어",
    "Ⅻ ½ ١٢٣ ５",
    "👍🏽 tốt\ttab\nnew",
    "Ω Å K ǈ",
    "e\u{308}x a\u{301}\u{323}",
    "x_y-z’s o'clock",
    "\u{feff}đầu\u{200b}câu",
    "COVID-19 H5N1 3G",
];

#[test]
fn same_as_javascript() {
    let script = "const s = require(process.argv[1]); const cases = JSON.parse(process.argv[2]);
        console.log(JSON.stringify(cases.map(c => s.words(c).map(w => [w.word, s.key(w.word), s.variant(w.word)]))));";
    let nfd: Vec<String> = CASES.iter().map(|c| c.nfd_string()).collect();
    let cases: Vec<&str> = CASES
        .iter()
        .copied()
        .chain(nfd.iter().map(String::as_str))
        .collect();
    let Some(out) = with_search_js(script, &serde_json::to_string(&cases).unwrap()) else {
        return;
    };
    let theirs: Vec<Vec<(String, String, String)>> = serde_json::from_slice(&out).unwrap();
    let ours: Vec<Vec<(String, String, String)>> = cases
        .iter()
        .map(|c| {
            fold::words(c)
                .map(|w| (w.to_string(), fold::key(w), fold::variant(w)))
                .collect()
        })
        .collect();
    for ((case, o), t) in cases.iter().zip(&ours).zip(&theirs) {
        assert_eq!(o, t, "Rust and search.js disagree on {case:?}");
    }
}

/// The count's sentence, singular for one result in English only.
#[test]
fn one_result_is_singular_in_english() {
    let script = "const s = require(process.argv[1]);
        const texts = { found: 'many', foundOne: 'one', none: 'none' };
        console.log(JSON.stringify([[0, 'en'], [1, 'en'], [2, 'en'], [21, 'en'], [1, 'vi'], [2, 'vi']]
            .map(([n, lang]) => s.countText(texts, n, lang))));";
    let Some(out) = with_search_js(script, "") else {
        return;
    };
    let got: Vec<String> = serde_json::from_slice(&out).unwrap();
    assert_eq!(got, ["none", "one", "many", "many", "many", "many"]);
}

/// What `script` prints when node runs it with search.js's path and `arg` as
/// its arguments; None without node (see [`tool`]).
fn with_search_js(script: &str, arg: &str) -> Option<Vec<u8>> {
    let node = tool("node")?;
    let js = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/themes/default/static/search.js"
    );
    let out = Command::new(node)
        .args(["-e", script, js, arg])
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(out.stdout)
}

trait Nfd {
    fn nfd_string(&self) -> String;
}

impl Nfd for str {
    fn nfd_string(&self) -> String {
        unicode_normalization::UnicodeNormalization::nfd(self).collect()
    }
}

/// A program the test needs. Without it the test fails under CI and is
/// skipped with a notice elsewhere.
fn tool(name: &str) -> Option<&str> {
    let found = Command::new(name)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none_or(|v| v.is_empty()),
            "{name} is needed for this test under CI; install it (apt-get install nodejs)"
        );
        eprintln!("notice: {name} is missing; the JavaScript comparison was not run");
        return None;
    }
    Some(name)
}
