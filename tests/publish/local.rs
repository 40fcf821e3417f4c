//! Publishing to a folder: releases, hard links, the atomic switch, rollback.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::Stdio;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::support::*;

#[test]
fn a_one_article_change_moves_exactly_the_changed_files() {
    let site = Site::minimal();
    let www = site.path("www/dang-bo");
    let to = www.to_str().unwrap();
    let first = site.publish(to, &[]);
    assert_eq!(counts(&first)[1..], [0, 0, 0]);
    assert_eq!(
        site_files(&www),
        tree(&site.output()),
        "the target holds exactly the build"
    );
    let (before, inodes_before) = (site_files(&www), inodes(&www));

    site.edit_article("Hội nghị đã thống nhất các chỉ tiêu cho năm 2024.");
    let second = site.publish(to, &[]);
    let after = site_files(&www);
    assert_eq!(after, tree(&site.output()));
    let moved: std::collections::BTreeSet<String> = listed(&second, "~")
        .union(&listed(&second, "+"))
        .cloned()
        .collect();
    assert_eq!(
        moved,
        differing(&before, &after),
        "the report lists exactly the files whose bytes changed:\n{second}"
    );
    assert!(moved
        .contains("tin-tuc/da-nang-to-chuc-hoi-nghi-chuyen-de-voi-hon-4-000-dai-bieu/index.html"));
    let [_, changed, _, unchanged] = counts(&second);
    assert_eq!(changed + unchanged, before.len());
    // Unchanged files are the previous release's files (hard links), changed ones are new.
    let inodes_after = inodes(&www);
    for (path, ino) in &inodes_after {
        let same = inodes_before.get(path) == Some(ino);
        assert_eq!(
            same,
            !moved.contains(path) && !path.starts_with(".trangtin-"),
            "{path}"
        );
    }
    eprintln!("measure: minimal fixture, one-article change, local: {} of {} files moved, {:.0} bytes copied", moved.len(), after.len(), sent(&second));
}

#[test]
fn rollback_restores_the_previous_release_byte_for_byte() {
    let site = Site::minimal();
    let www = site.path("www/site");
    let to = www.to_str().unwrap();
    site.publish(to, &[]);
    let first = tree(&www);
    site.edit_article("Bổ sung.");
    site.write(
        "content/media/moi.svg",
        b"<svg xmlns='http://www.w3.org/2000/svg'/>",
    );
    site.publish(to, &[]);
    assert_ne!(tree(&www), first);
    let out = site.publish(to, &["--rollback"]);
    assert!(out.contains("rolled back"), "{out}");
    assert_eq!(tree(&www), first);
    let again = site.run(&["publish", "--to", to, "--rollback"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("no earlier release"));
}

#[test]
fn files_placed_by_hand_survive_delete_and_old_pages_go_only_with_delete() {
    let site = Site::minimal();
    let www = site.path("www/site");
    let to = www.to_str().unwrap();
    site.publish(to, &[]);
    fs::write(www.join("google1234.html"), "google-site-verification").unwrap();
    fs::create_dir_all(www.join("rieng")).unwrap();
    fs::write(www.join("rieng/bao-cao.pdf"), "%PDF by hand").unwrap();
    let page = "tin-tuc/da-nang-to-chuc-hoi-nghi-chuyen-de-voi-hon-4-000-dai-bieu/index.html";
    let old_build = tree(&site.output());
    fs::remove_file(site.root.join("content/articles/da-nang.md")).unwrap();

    site.publish(to, &[]);
    assert!(
        www.join(page).is_file(),
        "without --delete an old page stays"
    );
    let gone: BTreeSet<String> = old_build
        .keys()
        .filter(|k| !site.output().join(k).exists())
        .cloned()
        .collect();
    assert!(gone.contains(page));
    let report = site.publish(to, &["--delete"]);
    assert_eq!(listed(&report, "-"), gone, "{report}");
    assert!(
        !www.join(page).exists() && !www.join(page).parent().unwrap().exists(),
        "the page and its emptied folder are gone"
    );
    let mut now = site_files(&www);
    assert!(now.remove("google1234.html").is_some() && now.remove("rieng/bao-cao.pdf").is_some());
    assert_eq!(now, tree(&site.output()));
    assert_eq!(
        fs::read_to_string(www.join("google1234.html")).unwrap(),
        "google-site-verification"
    );
    assert_eq!(
        fs::read_to_string(www.join("rieng/bao-cao.pdf")).unwrap(),
        "%PDF by hand"
    );
}

#[test]
fn the_target_always_resolves_to_a_complete_release() {
    let site = Site::minimal();
    let www = site.path("www/site");
    let to = www.to_str().unwrap().to_string();
    site.publish(&to, &[]);
    let done = AtomicBool::new(false);
    let checks = std::thread::scope(|s| {
        let reader = s.spawn(|| {
            let mut checks = 0;
            while !done.load(Ordering::Relaxed) {
                assert_complete(&www);
                checks += 1;
            }
            checks
        });
        for i in 0..4 {
            site.edit_article(&format!("Lần sửa {i}."));
            site.publish(&to, &["--keep", "2"]);
        }
        done.store(true, Ordering::Relaxed);
        reader.join().unwrap()
    });
    assert!(checks > 0);
    let kept = fs::read_dir(site.path("www/site.releases"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_type().unwrap().is_dir())
        .count();
    assert_eq!(kept, 2, "--keep 2 keeps two releases");
}

/// The target resolves to a release, and every file its manifest lists is
/// there with its size.
fn assert_complete(www: &Path) {
    let dir = fs::canonicalize(www).expect("the target resolves");
    let manifest =
        fs::read_to_string(dir.join(MANIFEST)).expect("the target is a release with its manifest");
    for line in manifest.lines() {
        let mut parts = line.split('\t');
        let (path, size) = (parts.next().unwrap(), parts.next().unwrap());
        match fs::metadata(dir.join(path)) {
            Ok(meta) => assert_eq!(meta.len().to_string(), size, "{path}"),
            // Two publishes ran while this check read and pruned this old release.
            Err(_) if !dir.exists() => return,
            Err(e) => panic!("{path}: {e}"),
        }
    }
}

#[test]
fn dry_run_lists_changes_with_sizes_and_changes_nothing() {
    let site = Site::minimal();
    let www = site.path("www/site");
    let to = www.to_str().unwrap();
    site.publish(to, &[]);
    let before = tree(&www);
    let releases = fs::read_dir(site.path("www/site.releases"))
        .unwrap()
        .count();
    site.edit_article("Thêm một câu.");
    let report = site.publish(to, &["--dry-run", "--delete"]);
    assert!(report.contains("would change"), "{report}");
    assert!(
        report
            .lines()
            .any(|l| l.starts_with("  ~ tin-tuc/da-nang") && l.ends_with(" kB)")),
        "{report}"
    );
    assert!(report.contains("dry run, nothing changed at"), "{report}");
    assert_eq!(tree(&www), before);
    assert_eq!(
        fs::read_dir(site.path("www/site.releases"))
            .unwrap()
            .count(),
        releases
    );
}

#[test]
fn an_interrupted_publish_leaves_the_site_as_it_was() {
    let site = Site::minimal();
    let www = site.path("www/site");
    let to = www.to_str().unwrap();
    site.publish(to, &[]);
    let before = tree(&www);
    site.edit_article("Có ảnh lớn.");
    site.write("content/media/lon.bin", &noise(100 << 20, 7));
    let mut child = site
        .command(&["publish", "--to", to])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let releases = site.path("www/site.releases");
    let staging = || {
        fs::read_dir(&releases)
            .unwrap()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with(".incomplete-"))
    };
    while !staging() {
        assert!(
            child.try_wait().unwrap().is_none(),
            "publish ended before it could be interrupted"
        );
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(
        tree(&www),
        before,
        "the killed publish changed the public site"
    );
    site.publish(to, &[]);
    assert_eq!(site_files(&www), tree(&site.output()));
    assert!(
        !staging(),
        "the leftover of the killed publish is cleaned up"
    );
}

#[test]
fn no_build_refuses_stale_output_and_drafts() {
    let site = Site::minimal();
    let to = site.path("www/site");
    let to = to.to_str().unwrap();
    assert!(site.run(&["build", "--drafts"]).status.success());
    let out = site.run(&["publish", "--to", to, "--no-build"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("built with --drafts"), "{err}");

    assert!(site.run(&["build"]).status.success());
    std::thread::sleep(std::time::Duration::from_millis(20));
    site.edit_article("Sửa sau khi build.");
    let out = site.run(&["publish", "--to", to, "--no-build"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("output/ is older than content/articles/da-nang.md"),
        "{err}"
    );
    assert!(!site.path("www").exists(), "nothing was published");

    assert!(site.run(&["build"]).status.success());
    site.publish(to, &["--no-build"]);
    assert!(!site_files(&site.path("www/site"))
        .keys()
        .any(|k| k.contains("ban-nhap")));
}

#[test]
fn a_site_with_errors_is_not_published() {
    let site = Site::minimal();
    site.write(
        "content/articles/hong.md",
        "---\ndate: 2023-01-01\n---\nKhông có tiêu đề.\n".as_bytes(),
    );
    let to = site.path("www/site");
    let out = site.run(&["publish", "--to", to.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("content/articles/hong.md"), "{err}");
    assert!(err.contains("publish stopped"), "{err}");
    assert!(!site.path("www").exists());
}

#[test]
fn the_target_comes_from_site_yaml_and_bad_targets_are_explained() {
    let site = Site::minimal();
    let out = site.run(&["publish"]);
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("content/site.yaml: there is no place to publish to"));
    let yaml = fs::read_to_string(site.root.join("content/site.yaml")).unwrap();
    fs::write(
        site.root.join("content/site.yaml"),
        format!("{yaml}publish: ../www/tu-site-yaml\n"),
    )
    .unwrap();
    let out = site.run(&["publish"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        site.path("www/tu-site-yaml/index.html").is_file(),
        "a relative `publish:` is taken from the site folder"
    );

    let out = site.run(&["publish", "--to", "deploy@example.org:/var/www"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("write it as ssh://deploy@example.org/var/www"));
    let out = site.run(&["publish", "--to", "ssh://u@127.0.0.1:1/x", "--rollback"]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--rollback works only for a folder target")
    );
}

#[test]
fn a_folder_made_by_hand_becomes_release_zero_and_its_extra_files_stay() {
    let site = Site::minimal();
    let www = site.path("www/site");
    fs::create_dir_all(&www).unwrap();
    fs::write(www.join("index.html"), "the old portal").unwrap();
    fs::write(www.join("lien-he.html"), "contact page made by hand").unwrap();
    let original = tree(&www);
    site.publish(www.to_str().unwrap(), &[]);
    assert!(fs::symlink_metadata(&www).unwrap().is_symlink());
    let mut now = site_files(&www);
    assert_eq!(
        now.remove("lien-he.html").as_deref(),
        Some(&b"contact page made by hand"[..])
    );
    assert_eq!(
        now,
        tree(&site.output()),
        "the build replaced the old index.html"
    );
    site.publish(www.to_str().unwrap(), &["--rollback"]);
    assert_eq!(
        tree(&www),
        original,
        "rolling back returns the folder as it was"
    );
}
