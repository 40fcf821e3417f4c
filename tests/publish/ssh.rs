//! Publishing over SSH to a real sshd on loopback, with the system's rsync.

use std::collections::BTreeSet;
use std::fs;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::Stdio;

use crate::sshd::{self, Sshd};
use crate::support::*;

/// `trangtin publish` through the test server's ssh command.
fn publish(site: &Site, server: &Sshd, to: &str, more: &[&str]) -> String {
    site.publish_with(to, more, &[("TRANGTIN_SSH", &server.client())])
}

#[test]
fn ssh_publish_sends_only_changed_files_and_deletes_only_its_own() {
    if !sshd::available() {
        return;
    }
    let server = Sshd::start();
    let site = Site::minimal();
    let (url, remote) = (server.url("www/dang-bo"), server.disk("www/dang-bo"));
    let first = publish(&site, &server, &url, &[]);
    assert_eq!(counts(&first)[1..], [0, 0, 0], "{first}");
    assert_eq!(site_files(&remote), tree(&site.output()));
    let before = site_files(&remote);
    fs::write(remote.join("google1234.html"), "google-site-verification").unwrap();

    site.edit_article("Hội nghị đã thống nhất các chỉ tiêu cho năm 2024.");
    let second = publish(&site, &server, &url, &[]);
    let mut after = site_files(&remote);
    assert_eq!(
        after.remove("google1234.html").as_deref(),
        Some(&b"google-site-verification"[..])
    );
    assert_eq!(after, tree(&site.output()));
    let moved: BTreeSet<String> = listed(&second, "~")
        .union(&listed(&second, "+"))
        .cloned()
        .collect();
    assert_eq!(
        moved,
        differing(&before, &after),
        "the report lists exactly the files whose bytes changed:\n{second}"
    );
    assert_eq!(counts(&second)[3], before.len() - moved.len());
    eprintln!("measure: minimal fixture, one-article change, ssh: {} of {} files moved ({moved:?}), {:.0} bytes sent", moved.len(), after.len(), sent(&second));

    let nothing = publish(&site, &server, &url, &["--dry-run"]);
    assert_eq!(counts(&nothing)[..3], [0, 0, 0], "{nothing}");

    let old_build = tree(&site.output());
    fs::remove_file(site.root.join("content/articles/da-nang.md")).unwrap();
    publish(&site, &server, &url, &[]);
    let page = "tin-tuc/da-nang-to-chuc-hoi-nghi-chuyen-de-voi-hon-4-000-dai-bieu/index.html";
    assert!(
        remote.join(page).is_file(),
        "without --delete an old page stays"
    );
    let gone: BTreeSet<String> = old_build
        .keys()
        .filter(|k| !site.output().join(k).exists())
        .cloned()
        .collect();
    assert!(gone.contains(page));
    let third = publish(&site, &server, &url, &["--delete"]);
    assert_eq!(listed(&third, "-"), gone, "{third}");
    assert!(
        !remote.join(page).parent().unwrap().exists(),
        "the emptied folder is removed too"
    );
    assert!(
        remote.join("google1234.html").is_file(),
        "a file placed by hand survives --delete"
    );
    let mut now = site_files(&remote);
    now.remove("google1234.html");
    assert_eq!(now, tree(&site.output()));
}

#[test]
fn an_interrupted_ssh_publish_finishes_on_the_next_run() {
    if !sshd::available() {
        return;
    }
    let server = Sshd::start();
    let site = Site::minimal();
    let (url, remote) = (server.url("www/site"), server.disk("www/site"));
    publish(&site, &server, &url, &[]);
    let before = site_files(&remote);
    site.edit_article("Có tệp lớn.");
    site.write("content/media/lon.bin", &noise(64 << 20, 11));
    let mut child = site
        .command(&["publish", "--to", &url])
        .env("TRANGTIN_SSH", server.client())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .unwrap();
    while !uploading(&remote.join("media")) {
        assert!(
            child.try_wait().unwrap().is_none(),
            "publish ended before it could be interrupted"
        );
    }
    kill_group(child.id());
    child.wait().unwrap();
    for (path, bytes) in &before {
        assert_eq!(
            fs::read(remote.join(path)).ok().as_ref(),
            Some(bytes),
            "{path} changed by the interrupted publish"
        );
    }

    publish(&site, &server, &url, &[]);
    let clean = server.url("clean");
    publish(&site, &server, &clean, &[]);
    assert_eq!(
        tree(&remote),
        tree(&server.disk("clean")),
        "a resumed publish equals a clean one"
    );
}

/// rsync is writing the large file (a temp file or its partial folder exists).
fn uploading(dir: &Path) -> bool {
    fs::read_dir(dir).is_ok_and(|d| {
        d.flatten().any(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with(".lon.bin.") || name == ".trangtin-partial"
        })
    })
}

#[test]
fn a_missing_program_is_named_with_its_debian_package() {
    let site = Site::minimal();
    let bin = site.path("bin");
    fs::create_dir(&bin).unwrap();
    let run = |site: &Site| {
        site.command(&["publish", "--to", "ssh://u@127.0.0.1:1/x"])
            .env("PATH", &bin)
            .env_remove("TRANGTIN_SSH")
            .output()
            .unwrap()
    };
    let err = String::from_utf8(run(&site).stderr).unwrap();
    assert!(
        err.contains("`ssh` is missing; install it with `sudo apt-get install openssh-client`"),
        "{err}"
    );
    fs::write(bin.join("ssh"), "#!/bin/sh\nexit 1\n").unwrap();
    fs::set_permissions(
        bin.join("ssh"),
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .unwrap();
    let out = run(&site);
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err.contains("`rsync` is missing; install it with `sudo apt-get install rsync`"),
        "{err}"
    );
}

#[test]
fn a_server_that_does_not_answer_is_reported_in_ssh_words() {
    if !sshd::available() {
        return;
    }
    let site = Site::minimal();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let out = site
        .command(&["publish", "--to", &format!("ssh://u@127.0.0.1:{port}/x")])
        .env("TRANGTIN_SSH", "ssh -o BatchMode=yes")
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err.contains("Connection refused") && err.contains("the server did not answer"),
        "{err}"
    );
    assert!(
        !site.output().exists(),
        "the server is asked first, before a build"
    );
}
