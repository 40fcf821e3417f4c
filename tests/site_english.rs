//! The minimal site with `language: en`: English interface words, English
//! numbers (`4,000`) and dates (`20 October 2021`, `Tuesday, 21 February 2023`).

mod common;

use common::{text_of, Run, Site};

const THAI_HOA: &str = "/tin-tuc/thai-hoa-ket-nap-639-dang-vien-trong-nhiem-ky-2015-2020/";
const DA_NANG: &str = "/tin-tuc/da-nang-to-chuc-hoi-nghi-chuyen-de-voi-hon-4-000-dai-bieu/";

/// The site is returned too: dropping it removes the output.
fn english() -> (Site, Run) {
    let site = Site::new("minimal");
    site.edit("content/site.yaml", |s| {
        s.replace("language: vi", "language: en")
    });
    let run = site.build(&[]).ok();
    (site, run)
}

#[test]
fn interface_words_are_english() {
    let (_site, run) = english();
    let page = run.page(THAI_HOA);
    assert!(
        page.contains(r#"<html lang="en">"#),
        "{}",
        &page[..200.min(page.len())]
    );
    let text = text_of(&run.main(THAI_HOA));
    for words in [
        "Source: Báo Nghệ An",
        "Keywords: phát triển đảng viên, Thái Hòa",
        "Related news",
        "Newer stories",
        "Attached documents",
    ] {
        assert!(text.contains(words), "`{words}` missing from: {text}");
    }
    for vietnamese in ["Nguồn:", "Từ khóa:", "Tin liên quan"] {
        assert!(
            !text.contains(vietnamese),
            "Vietnamese interface word `{vietnamese}` on an English site: {text}"
        );
    }
    assert!(text_of(&run.main(DA_NANG)).contains("Older stories"));
}

#[test]
fn dates_are_english() {
    let (_site, run) = english();
    let main = run.main(THAI_HOA);
    assert!(
        main.contains(r#"<time datetime="2021-10-20">20 October 2021</time>"#),
        "{main}"
    );
    let event = text_of(&run.main(DA_NANG));
    assert!(event.contains("Date Tuesday, 21 February 2023"), "{event}");
    assert!(
        run.main(DA_NANG).contains(">21 February 2023 09:00</time>"),
        "time of publication"
    );
}

#[test]
fn numbers_are_english() {
    let (_site, run) = english();
    let event = text_of(&run.main(DA_NANG));
    assert!(event.contains("Delegates 4,000"), "{event}");
    let stats = text_of(&run.main(THAI_HOA));
    assert!(
        stats.contains("107% of target (597) · target met"),
        "{stats}"
    );
    assert!(
        run.main(THAI_HOA).contains("<td class=\"num\">38.7%</td>"),
        "shares with a decimal point"
    );
}

/// "1 result", not "1 results": the search page gives its script both forms
/// of the count.
#[test]
fn search_counts_one_result_in_the_singular() {
    let (_site, run) = english();
    let page = run.page("/tim-kiem/");
    for attr in [
        r#"data-found="Found {n} results for “{q}”.""#,
        r#"data-found-one="Found {n} result for “{q}”.""#,
    ] {
        assert!(page.contains(attr), "`{attr}` missing from the search page");
    }
}
