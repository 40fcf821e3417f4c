//! The `<main>` of one page of each kind the sample site (content/ at the crate
//! root) has, compared with a stored snapshot in tests/snapshots/, so that a
//! change to a template, a view or the Markdown rendering shows as a diff.
//!
//! The site is built once, with a fixed `--clock` (the schedule's current week
//! and the held-back articles depend on it), into a temporary folder.
//!
//! After a deliberate change, review and accept the new snapshots with one command:
//!
//! ```text
//! cargo insta test --test snapshots --review      # with cargo-insta installed
//! INSTA_UPDATE=always cargo test --test snapshots  # without: rewrites them, then `git diff tests/snapshots`
//! ```
//!
//! A failing run also leaves `tests/snapshots/*.snap.new` beside the old ones
//! (ignored by git) for `cargo insta review`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The moment the sample site is built at: its schedule has a week that holds
/// this day, and one article is dated after it.
const CLOCK: &str = "2026-12-02 08:00";

/// The output folder of the one build, kept until the test binary ends.
fn built() -> &'static Path {
    static OUT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, out) = OUT.get_or_init(|| {
        let tmp = tempfile::tempdir().expect("a temporary folder");
        let out = tmp.path().join("site");
        let run = Command::new(env!("CARGO_BIN_EXE_trangtin"))
            .args(["build", "--quiet", "--clock", CLOCK, "--root"])
            .arg(env!("CARGO_MANIFEST_DIR"))
            .arg("--output")
            .arg(&out)
            .output()
            .unwrap_or_else(|e| panic!("cannot run trangtin: {e}"));
        assert!(
            run.status.success(),
            "the sample site did not build:\n{}",
            String::from_utf8_lossy(&run.stderr)
        );
        (tmp, out)
    });
    out
}

/// The `<main>…</main>` of the page at a site path (`/tin-moi/`, `/404.html`).
fn main_at(url: &str) -> String {
    let file = built().join(common::page_file(url));
    let html = std::fs::read_to_string(&file)
        .unwrap_or_else(|e| panic!("the page {url} ({}): {e}", file.display()));
    common::main_of(&html).to_string()
}

/// One test per page kind: its name is the snapshot's name
/// (`tests/snapshots/snapshots__<name>.snap`), its site path is in the snapshot.
macro_rules! snapshot_of_main {
    ($($name:ident: $url:expr,)*) => {$(
        #[test]
        fn $name() {
            insta::with_settings!({ description => $url, omit_expression => true }, {
                insta::assert_snapshot!(stringify!($name), main_at($url));
            });
        }
    )*};
}

snapshot_of_main! {
    home: "/",
    // Charts drawn at build time, a table, a figure from a dataset.
    article_with_charts: "/tin-tuc/tinh-co-cau-dang-vien-moi/",
    // Photos, a gallery and a video block.
    article_with_media: "/tin-tuc/thanh-uy-tam-ky-hoi-nghi-chuyen-de-phat-trien-dang-vien-2023/",
    page: "/gioi-thieu/",
    news: "/tin-moi/",
    news_page_2: "/tin-moi/trang/2/",
    categories: "/chuyen-muc/",
    category: "/chuyen-muc/xay-dung-dang/",
    keywords: "/tu-khoa/",
    keyword: "/tu-khoa/tam-ky/",
    organization: "/to-chuc/tam-ky/",
    organization_leaders: "/to-chuc/tam-ky/lanh-dao/",
    organization_contacts: "/to-chuc/tam-ky/lien-he/",
    statistics: "/so-lieu/",
    dataset: "/so-lieu/ket-nap-dang-vien/",
    documents: "/van-kien/",
    document: "/van-kien/21-nq-tw/",
    leaders: "/lanh-dao/",
    person: "/lanh-dao/nguyen-duy-an/",
    contacts: "/danh-ba/",
    schedule: "/lich-cong-tac/",
    schedule_week: "/lich-cong-tac/2026-W49/",
    conferences: "/hoi-nghi/",
    site_map: "/so-do-cong-thong-tin/",
    search: "/tim-kiem/",
    not_found: "/404.html",
    // An article's old address (`aliases:`), and a section's folder (`/bieu-do/`).
    redirect_alias: "/tin-tuc/da-nang-2-nam-chi-thi-04/",
    redirect_section: "/bieu-do/",
}
