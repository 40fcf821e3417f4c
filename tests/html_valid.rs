//! Every page of the sample site, and of the portal-sections fixture (document
//! pages with a PDF, both kinds of video block, the site map), passes the W3C
//! Nu HTML validator with no error.
//!
//! Needs java and vnu.jar (`tests/run` installs them and sets TRANGTIN_VNU_JAR).
//! Without them the test prints a notice and passes, except under CI.

#[path = "browser/tools.rs"]
mod tools;

use std::path::Path;
use std::process::Command;

#[test]
fn every_page_of_the_sample_site_is_valid_html() {
    let (Some(java), Some(jar)) = (tools::java(), tools::vnu_jar()) else {
        return;
    };
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let out = tmp.path().join("site");
    let build = Command::new(env!("CARGO_BIN_EXE_trangtin"))
        .args([
            "build",
            "--quiet",
            "--root",
            env!("CARGO_MANIFEST_DIR"),
            "--output",
        ])
        .arg(&out)
        .output()
        .unwrap_or_else(|e| panic!("cannot run trangtin: {e}"));
    assert!(
        build.status.success(),
        "the sample site did not build:\n{}",
        String::from_utf8_lossy(&build.stderr)
    );
    let pages = count_html(&out);
    assert!(pages > 50, "only {pages} HTML pages were written");
    validate(&java, &jar, &out, pages);
}

#[test]
fn every_page_of_the_sections_fixture_is_valid_html() {
    let (Some(java), Some(jar)) = (tools::java(), tools::vnu_jar()) else {
        return;
    };
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let root = tmp.path().join("site");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    copy(&fixtures.join("minimal"), &root);
    copy(&fixtures.join("sections"), &root);
    let out = tmp.path().join("out");
    let build = Command::new(env!("CARGO_BIN_EXE_trangtin"))
        .args(["build", "--quiet", "--root"])
        .arg(&root)
        .arg("--output")
        .arg(&out)
        .output()
        .unwrap_or_else(|e| panic!("cannot run trangtin: {e}"));
    assert!(
        build.status.success(),
        "the fixture did not build:\n{}",
        String::from_utf8_lossy(&build.stderr)
    );
    validate(&java, &jar, &out, count_html(&out));
}

fn copy(from: &Path, to: &Path) {
    for e in std::fs::read_dir(from).expect("a fixture folder").flatten() {
        let (p, t) = (e.path(), to.join(e.file_name()));
        if p.is_dir() {
            copy(&p, &t);
        } else {
            std::fs::create_dir_all(to).expect("a folder");
            std::fs::copy(&p, &t).expect("a copy");
        }
    }
}

fn validate(java: &Path, jar: &Path, out: &Path, pages: usize) {
    let run = Command::new(java)
        .arg("-jar")
        .arg(jar)
        .args(["--errors-only", "--skip-non-html", "--format", "gnu"])
        .arg(out)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", java.display()));
    // gnu format: `"file:/tmp/…/site/a/index.html":12.3-12.9: error: …`, one a line.
    let prefix = format!("file:{}/", out.display());
    let messages = String::from_utf8_lossy(&run.stderr)
        .replace(&prefix, "/")
        .replace("\"/", "/")
        .replace("\":", ":");
    let messages = messages.trim();
    assert!(
        run.status.success() && messages.is_empty(),
        "the Nu validator found errors in the sample site's {pages} pages (exit {:?}):\n{messages}\n{}",
        run.status.code(),
        String::from_utf8_lossy(&run.stdout)
    );
}

fn count_html(dir: &Path) -> usize {
    let mut n = 0;
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            n += count_html(&p);
        } else if p.extension().is_some_and(|x| x == "html") {
            n += 1;
        }
    }
    n
}
