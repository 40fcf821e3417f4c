//! Two builds of the same input write byte-identical files, wherever the site
//! and the output live and however many threads do the work.

mod common;

use common::{diff_trees, Site};

/// The minimal site plus articles that share dates, tags and categories, so
/// that any order left to threads or hash maps would show.
fn busy_site() -> Site {
    let site = Site::new("minimal");
    for i in 0..24 {
        let day = 1 + i % 3;
        let tags = ["Tam Kỳ", "phát triển đảng viên", "Đà Nẵng", "hội nghị"];
        site.write(
            &format!("content/articles/them/{i:02}.md"),
            format!(
                "---\ntitle: Tin cùng ngày số {i}\ndate: 2023-04-0{day}\ncategory: {}\ntags: [{}, {}]\n---\nĐoạn mở đầu số {i}.\n\n```chart\ntype: bar\ntitle: Biểu đồ số {i}\ndata:\n  - [Năm 2021, {i}]\n  - [Năm 2022, {}]\n```\n",
                if i % 2 == 0 { "Xây dựng Đảng" } else { "Tin tức" },
                tags[i % 4],
                tags[(i + 1) % 4],
                i * 7 + 1
            ),
        );
    }
    site
}

#[test]
fn two_copies_of_a_site_build_the_same_bytes() {
    let a = busy_site();
    let b = busy_site();
    let ra = a.build(&["--drafts"]).ok();
    let rb = b.build(&["--drafts"]).ok();
    let (fa, fb) = (ra.files(), rb.files());
    assert!(fa.len() > 60, "only {} files were written", fa.len());
    if let Some(d) = diff_trees(&fa, &fb) {
        panic!("two builds of the same content in two folders differ:\n{d}");
    }
}

#[test]
fn the_output_folder_does_not_change_the_bytes() {
    let site = busy_site();
    let first = site.run("build", &site.dir().join("one"), &[], &[]).ok();
    let second = site
        .run("build", &site.dir().join("nested/deeper/two"), &[], &[])
        .ok();
    if let Some(d) = diff_trees(&first.files(), &second.files()) {
        panic!("builds into two output folders differ:\n{d}");
    }
    // Building again over an existing output gives the same bytes too.
    let again = site.run("build", &site.dir().join("one"), &[], &[]).ok();
    assert!(
        diff_trees(&second.files(), &again.files()).is_none(),
        "a rebuild over the old output differs"
    );
}

#[test]
fn thread_count_does_not_change_the_bytes() {
    let site = busy_site();
    let one = site
        .run(
            "build",
            &site.dir().join("one-thread"),
            &[],
            &[("RAYON_NUM_THREADS", "1")],
        )
        .ok();
    let default = site
        .run("build", &site.dir().join("default"), &[], &[])
        .ok();
    let many = site
        .run(
            "build",
            &site.dir().join("many"),
            &[],
            &[("RAYON_NUM_THREADS", "16")],
        )
        .ok();
    let base = one.files();
    for (name, run) in [("default", &default), ("16 threads", &many)] {
        if let Some(d) = diff_trees(&base, &run.files()) {
            panic!("one thread and {name} differ:\n{d}");
        }
    }
}
