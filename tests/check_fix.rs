//! `trangtin check --fix`: a plain value holding `: ` is read as if quoted and
//! warned about; `--fix` quotes exactly that value, in place, keeping the
//! file's line ends, and the site builds the same.

mod common;

use common::Site;

const ARTICLE: &str = "---\r\ntitle: Hội nghị: tổng kết công tác năm\r\ndate: 2023-03-10\r\nsummary: Nguồn: Văn phòng \"Tỉnh ủy\"\r\n---\r\nNội dung: bài viết.\r\n";

const FIXED: &str = "---\r\ntitle: \"Hội nghị: tổng kết công tác năm\"\r\ndate: 2023-03-10\r\nsummary: \"Nguồn: Văn phòng \\\"Tỉnh ủy\\\"\"\r\n---\r\nNội dung: bài viết.\r\n";

#[test]
fn check_warns_and_fix_quotes_exactly_the_values() {
    let site = Site::new("minimal");
    site.write("content/articles/hai-cham.md", ARTICLE);
    let before = site.build(&[]).ok().files();

    let run = site.check(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for (line, col) in [(2, 8), (4, 10)] {
        let want = format!("warning: content/articles/hai-cham.md:{line}:{col}: this value holds a colon and was read as text; quote this value (`trangtin check --fix` does it)");
        assert!(run.stderr.contains(&want), "{want}\nnot in\n{}", run.stderr);
    }
    let vi = site.check(&["--lang", "vi", "--message-format", "short"]);
    assert!(
        vi.stderr.contains("đặt giá trị trong dấu ngoặc kép"),
        "{}",
        vi.stderr
    );

    let run = site.check(&["--fix"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("fixed content/articles/hai-cham.md: quoted 2 values"),
        "{}",
        run.stdout
    );
    assert_eq!(site.read("content/articles/hai-cham.md"), FIXED);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);

    let again = site.check(&["--fix", "--lang", "vi", "--message-format", "short"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(!again.stdout.contains("đã sửa"), "{}", again.stdout);
    assert!(!again.stderr.contains("ngoặc kép"), "{}", again.stderr);
    assert_eq!(site.read("content/articles/hai-cham.md"), FIXED);

    let after = site.build(&[]).ok().files();
    assert_eq!(after, before, "the fix changed what is built");
}

#[test]
fn fix_says_it_in_vietnamese_and_keeps_a_bom() {
    let site = Site::new("minimal");
    let with_bom = format!("\u{feff}{}", ARTICLE.replace("\r\n", "\n"));
    site.write("content/articles/hai-cham.md", &with_bom);
    let run = site.check(&["--fix", "--lang", "vi", "--message-format", "short"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("đã sửa content/articles/hai-cham.md: 2 giá trị được đặt trong ngoặc kép"),
        "{}",
        run.stdout
    );
    assert_eq!(
        site.read("content/articles/hai-cham.md"),
        format!("\u{feff}{}", FIXED.replace("\r\n", "\n"))
    );
}
