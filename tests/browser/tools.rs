//! Finding the outside tools the browser and validator tests need.
//!
//! `tests/run` installs them; a plain `cargo test` on a machine without them
//! prints a notice and skips, but with `CI` set a missing tool fails the run, so
//! a CI machine can never pass by skipping.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// Whether we run under CI (any non-empty `CI`).
pub fn in_ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty())
}

/// `found`, or — when it is missing — a failure under CI and a notice otherwise.
/// `what` names the tool; `how` says how to get it.
pub fn need<T>(what: &str, how: &str, found: Option<T>) -> Option<T> {
    if found.is_some() {
        return found;
    }
    let msg = format!("{what} is missing: {how}. Run the suite with tests/run, which installs it.");
    if in_ci() {
        panic!("CI is set and {msg}");
    }
    eprintln!("notice: test skipped, {msg}");
    None
}

/// An executable on PATH.
pub fn program(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| is_executable(p))
}

fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    p.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// A file named by the environment variable `var` (as `tests/run` exports it),
/// else the same file where `npm install` in tests/ puts it.
pub fn npm_file(var: &str, default_rel: &str) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(var).filter(|v| !v.is_empty()) {
        let p = PathBuf::from(p);
        return p.is_file().then_some(p);
    }
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/node_modules")
        .join(default_rel);
    p.is_file().then_some(p)
}

/// `TRANGTIN_AXE_JS`: axe-core's browser script.
pub fn axe_js() -> Option<PathBuf> {
    need(
        "axe-core (TRANGTIN_AXE_JS)",
        "set TRANGTIN_AXE_JS to axe.min.js, or `npm install` in tests/",
        npm_file("TRANGTIN_AXE_JS", "axe-core/axe.min.js"),
    )
}

/// `TRANGTIN_VNU_JAR`: the W3C Nu HTML validator.
pub fn vnu_jar() -> Option<PathBuf> {
    need(
        "the Nu HTML validator (TRANGTIN_VNU_JAR)",
        "set TRANGTIN_VNU_JAR to vnu.jar, or `npm install` in tests/",
        npm_file("TRANGTIN_VNU_JAR", "vnu-jar/build/dist/vnu.jar"),
    )
}

/// `java`, to run the validator.
pub fn java() -> Option<PathBuf> {
    need(
        "java",
        "install the Debian package default-jre-headless",
        program("java"),
    )
}

/// `chromium` and `chromedriver`.
pub fn chromium() -> Option<(PathBuf, PathBuf)> {
    let browser = need(
        "chromium",
        "install the Debian package chromium",
        program("chromium"),
    )?;
    let driver = need(
        "chromedriver",
        "install the Debian package chromium-driver",
        program("chromedriver"),
    )?;
    Some((browser, driver))
}
