//! What the property tests feed the library: text with Vietnamese letters,
//! YAML-ish front matter, and Markdown with fenced blocks and script attacks.

use proptest::prelude::*;

/// Text with Vietnamese letters, punctuation, marks and odd characters.
pub fn vi_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđĐƯƠ–—.,;:!?()/%&<>\"'#*_`~|-]{0,30}",
        any::<String>(),
    ]
}

/// One line of YAML-ish front matter: known and unknown keys, every YAML
/// shape (flow lists and maps, block scalars, anchors, tags) and junk.
pub fn yaml_line() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("title"),
        Just("date"),
        Just("updated"),
        Just("slug"),
        Just("summary"),
        Just("category"),
        Just("tags"),
        Just("author"),
        Just("source"),
        Just("image"),
        Just("org"),
        Just("event"),
        Just("featured"),
        Just("draft"),
        Just("documents"),
        Just("colour"),
        Just("  name"),
        Just("  src"),
        Just("  - x"),
        Just("- "),
        Just(""),
    ];
    let value = prop_oneof![
        vi_text(),
        vi_text().prop_map(|t| format!("\"{t}\"")),
        Just("2023-03-10".to_string()),
        Just("\"2023-02-30 25:61\"".to_string()),
        (0u16..10000, 0u8..20, 0u8..40).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|n| n.to_string()),
        Just("[a, b, [c, {d: e}]]".to_string()),
        Just("{ name: Báo, url: \"javascript:alert(1)\" }".to_string()),
        Just("{ src: media/a.svg, alt: }".to_string()),
        Just("|".to_string()),
        Just(">-".to_string()),
        Just("&a [1, 2]".to_string()),
        Just("*a".to_string()),
        Just("!!binary aGVsbG8=".to_string()),
        Just("!custom x".to_string()),
        Just("~".to_string()),
        Just("true".to_string()),
        Just("{".to_string()),
        Just("'unterminated".to_string()),
    ];
    prop_oneof![
        4 => (key, value).prop_map(|(k, v)| format!("{k}: {v}")),
        1 => vi_text(),
        1 => any::<String>(),
    ]
}

/// A whole `.md` file: front matter fences around YAML-ish lines, then a body.
pub fn md_file() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(yaml_line(), 0..12),
        prop::bool::weighted(0.9),
        md_body(),
    )
        .prop_map(|(lines, closed, body)| {
            let fence = if closed { "---\n" } else { "" };
            format!("---\n{}\n{fence}{body}", lines.join("\n"))
        })
}

/// One Markdown block, with the fenced `chart` / `stats` / `table` blocks and
/// every way we know to sneak a script in.
pub fn md_block() -> impl Strategy<Value = String> {
    let fenced = (
        prop_oneof![
            Just("chart"),
            Just("stats"),
            Just("table"),
            Just("rust"),
            Just("chart extra")
        ],
        prop::collection::vec(yaml_line(), 0..5),
        any::<bool>(),
    )
        .prop_map(|(kind, lines, closed)| {
            format!(
                "```{kind}\n{}\n{}",
                lines.join("\n"),
                if closed { "```" } else { "" }
            )
        });
    let attack = prop_oneof![
        Just("<script>alert(1)</script>"),
        Just("<SCRIPT SRC=//x.js></SCRIPT>"),
        Just("<scr<script>ipt>alert(1)</script>"),
        Just("[a](javascript:alert(1))"),
        Just("[a](JaVaScRiPt:alert(1))"),
        Just("[a](  javascript:alert(1) \"t\")"),
        Just("[a](java\tscript:alert(1))"),
        Just("[a](&#106;avascript:alert(1))"),
        Just("[a](&#x6A;avascript&#58;alert(1))"),
        Just("[a](vbscript:x)"),
        Just("<javascript:alert(1)>"),
        Just("![i](javascript:alert(1))"),
        Just("[r]\n\n[r]: javascript:alert(1)"),
        Just("<a href=\"javascript:alert(1)\">x</a>"),
        Just("<a href=\"jav&#x09;ascript:alert(1)\">x</a>"),
        Just("<img src=x onerror=alert(1)>"),
        Just("<iframe src=\"javascript:alert(1)\"></iframe>"),
        Just("<svg><script>alert(1)</script></svg>"),
        Just("<h2 onclick=x>Tiêu đề</h2>"),
        Just("## Tiêu đề {onmouseover=alert(1) .lop}"),
        Just("<h2 id=\"x\">Trùng</h2>\n\n## Trùng {#x}"),
    ];
    prop_oneof![
        3 => vi_text(),
        1 => vi_text().prop_map(|t| format!("## {t}")),
        1 => (vi_text(), vi_text()).prop_map(|(t, id)| format!("### {t} {{#{id} .lop}}")),
        1 => vi_text().prop_map(|t| format!("- {t}\n- [ ] {t}\n  1. {t}")),
        1 => vi_text().prop_map(|t| format!("| a | {t} |\n|---|--:|\n| {t} | 1 |")),
        1 => (vi_text(), vi_text()).prop_map(|(t, u)| format!("[{t}]({u}) ![{t}](media/{u}) <{u}>")),
        1 => vi_text().prop_map(|t| format!("Chú thích[^1].\n\n[^1]: {t}")),
        1 => vi_text().prop_map(|t| format!("> {t}\n>\n> ```chart\n> use: {t}\n> ```")),
        2 => fenced,
        2 => attack.prop_map(str::to_string),
    ]
}

/// An article the loader accepts (title and date right), with odd values in
/// the other fields and a generated body, so the build goes all the way.
pub fn good_article() -> impl Strategy<Value = String> {
    let extra = prop_oneof![
        vi_text().prop_map(|t| format!("summary: \"{}\"", t.replace(['"', '\\'], ""))),
        vi_text().prop_map(|t| format!("category: \"{}\"", t.replace(['"', '\\'], ""))),
        prop::collection::vec("[a-zA-Z0-9 àáạđĐ<>&'-]{1,12}", 0..4).prop_map(|t| format!(
            "tags: [{}]",
            t.iter()
                .map(|x| format!("\"{x}\""))
                .collect::<Vec<_>>()
                .join(", ")
        )),
        vi_text().prop_map(|t| format!("author: \"{}\"", t.replace(['"', '\\'], ""))),
        vi_text().prop_map(|t| format!(
            "source: {{ name: \"{}\", url: \"javascript:alert(1)\" }}",
            t.replace(['"', '\\'], "")
        )),
        Just("featured: true".to_string()),
        Just("org: thai-hoa".to_string()),
        Just("updated: 2024-01-01".to_string()),
    ];
    (
        vi_text(),
        0u8..28,
        prop::collection::vec(extra, 0..5),
        md_body(),
    )
        .prop_map(|(title, day, extra, body)| {
            let title = title.replace(['"', '\\'], "");
            format!(
                "---\ntitle: \"T {title}\"\ndate: 2023-02-{:02}\n{}\n---\n{body}",
                day + 1,
                extra.join("\n")
            )
        })
}

pub fn md_body() -> impl Strategy<Value = String> {
    prop::collection::vec(md_block(), 0..10).prop_map(|b| b.join("\n\n"))
}
