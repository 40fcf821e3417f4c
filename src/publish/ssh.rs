//! Publishing to a server with the system's rsync over ssh.
//!
//! rsync compares checksums (`--checksum`), so only changed files travel, and
//! sends each file's changed blocks only. Files go up in three rounds (assets,
//! pages, feeds: see [`Phase`]); within a round rsync puts every file in place at
//! the end (`--delay-updates`), keeping unfinished files in a hidden folder so a
//! re-run resumes them. The manifest is written last: an interrupted publish is
//! finished by running it again.

use std::path::Path;
use std::process::Command;

use crate::diagnostic::msg::publish::Publish;
use crate::diagnostic::Diagnostic;
use crate::publish::manifest::{self, Manifest};
use crate::publish::plan::{Change, Phase, Plan, PHASES};
use crate::publish::redirects::{self, Pages};
use crate::publish::remote::{self, quote, Ssh};
use crate::publish::target::Remote;
use crate::render::redirects::Redirector;

pub struct Done {
    /// Files of the site now (the build and the redirects kept).
    pub files: usize,
    /// Redirects new in this publish (old → new output path).
    pub redirects: Vec<(String, String)>,
    pub added: Vec<Change>,
    pub changed: Vec<Change>,
    pub deleted: Vec<Change>,
    /// Bytes rsync sent over the network, its protocol included.
    pub bytes_sent: u64,
}

/// A connection to the server, opened before the build so that a wrong address
/// or a refused login is reported at once, not after a long build.
pub struct Session<'a> {
    ssh: Ssh,
    remote: &'a Remote,
    shown: String,
    /// The manifest of the last publish there (empty the first time).
    old: Manifest,
}

impl Drop for Session<'_> {
    fn drop(&mut self) {
        self.ssh.close();
    }
}

impl<'a> Session<'a> {
    pub fn open(remote: &'a Remote, shown: &str, dry_run: bool) -> Result<Session<'a>, Diagnostic> {
        let ssh = Ssh::find(remote).map_err(|m| Diagnostic::in_target(shown, m))?;
        let dir = quote(&remote.path);
        let mkdir = if dry_run {
            String::new()
        } else {
            format!("mkdir -p -- {dir} && ")
        };
        let read = format!(
            "{mkdir}if [ -f {dir}/{m} ]; then cat -- {dir}/{m}; fi",
            m = manifest::NAME
        );
        let mut session = Session {
            ssh,
            remote,
            shown: shown.to_string(),
            old: Manifest::default(),
        };
        let text = session.ssh.run(&read, b"").map_err(|m| session.fail(m))?;
        session.old = Manifest::parse(
            &String::from_utf8_lossy(&text),
            &format!("{shown}/{}", manifest::NAME),
        )?;
        Ok(session)
    }

    fn fail(&self, msg: Publish) -> Diagnostic {
        Diagnostic::in_target(&self.shown, msg)
    }

    pub fn publish(
        &self,
        output: &Path,
        build: &Manifest,
        delete: bool,
        dry_run: bool,
        redirector: &Redirector,
    ) -> Result<Done, Diagnostic> {
        let (build, pages) = redirects::add(&self.old, build, redirector)?;
        let plan = Plan::new(&self.old, &build, delete, |p| {
            self.old.get(p).map(|e| e.size)
        });
        let mut done = Done {
            files: build.len(),
            redirects: pages.news.clone(),
            added: Vec::new(),
            changed: Vec::new(),
            deleted: plan.deleted.clone(),
            bytes_sent: 0,
        };
        if dry_run {
            let all: Vec<&str> = build.0.keys().map(String::as_str).collect();
            self.rsync_from(output, &pages, &all, true, &mut done)
                .map_err(|m| self.fail(m))?;
            return Ok(done);
        }
        for phase in PHASES {
            let files: Vec<&str> = build
                .0
                .keys()
                .map(String::as_str)
                .filter(|p| Phase::of(p) == phase)
                .collect();
            self.rsync_from(output, &pages, &files, false, &mut done)
                .map_err(|e| {
                    self.fail(Publish::UploadStopped {
                        part: phase.part(),
                        why: Box::new(e),
                    })
                })?;
        }
        let dir = quote(&self.remote.path);
        if !plan.deleted.is_empty() {
            remove(&self.ssh, &dir, &plan)
                .map_err(|e| self.fail(Publish::RemoveStopped { why: Box::new(e) }))?;
        }
        let write = format!(
            "cat > {dir}/{m}.new && mv -f -- {dir}/{m}.new {dir}/{m}",
            m = manifest::NAME
        );
        for (name, text) in &pages.snippets {
            let put = format!("cat > {dir}/{name}.new && mv -f -- {dir}/{name}.new {dir}/{name}");
            self.ssh.run(&put, text.as_bytes()).map_err(|e| {
                self.fail(Publish::WriteStopped {
                    name: name.to_string(),
                    why: Box::new(e),
                })
            })?;
        }
        self.ssh
            .run(&write, plan.manifest.to_text().as_bytes())
            .map_err(|e| self.fail(Publish::ManifestStopped { why: Box::new(e) }))?;
        Ok(done)
    }

    /// [`Session::rsync`] of the build's files from `output`, then of the
    /// redirect pages from their own folder.
    fn rsync_from(
        &self,
        output: &Path,
        pages: &Pages,
        files: &[&str],
        dry_run: bool,
        done: &mut Done,
    ) -> Result<(), Publish> {
        let (moved, built): (Vec<&str>, Vec<&str>) =
            files.iter().partition(|f| pages.paths.contains(**f));
        self.rsync(output, &built, dry_run, done)?;
        match &pages.dir {
            Some(dir) => self.rsync(dir, &moved, dry_run, done),
            None => Ok(()),
        }
    }

    /// One rsync run over `files` (paths under `output`).
    fn rsync(
        &self,
        output: &Path,
        files: &[&str],
        dry_run: bool,
        done: &mut Done,
    ) -> Result<(), Publish> {
        if files.is_empty() {
            return Ok(());
        }
        let mut cmd = Command::new("rsync");
        cmd.args([
            "--files-from=-",
            "--from0",
            "--checksum",
            "--perms",
            "--chmod=D755,F644",
            "--stats",
            "--no-human-readable",
            "--8-bit-output",
        ])
        .arg(format!("--partial-dir={}", manifest::PARTIAL_DIR))
        .arg("--delay-updates")
        .arg("--out-format=TRANGTIN %i %l %n")
        .arg("-e")
        .arg(self.ssh.rsync_shell());
        if dry_run {
            cmd.arg("--dry-run");
        }
        let mut src = output.as_os_str().to_owned();
        src.push("/");
        cmd.arg(src)
            .arg(format!("{}:{}/", self.ssh.login(), self.remote.path));
        let list: Vec<u8> = files.iter().flat_map(|f| f.bytes().chain([0])).collect();
        let out = remote::run(cmd, &list)?;
        if !out.status.success() {
            return Err(remote::failure("rsync", &out));
        }
        read_report(&String::from_utf8_lossy(&out.stdout), done);
        Ok(())
    }
}

/// Picks the files rsync sent, and its byte count, out of its output.
fn read_report(stdout: &str, done: &mut Done) {
    for line in stdout.lines() {
        if let Some(item) = line.strip_prefix("TRANGTIN ") {
            let mut parts = item.splitn(3, ' ');
            let (Some(flags), Some(size), Some(path)) = (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            if !flags.starts_with("<f") {
                continue;
            }
            let change = Change {
                path: path.to_string(),
                size: size.parse().unwrap_or(0),
            };
            if flags[2..].chars().all(|c| c == '+') {
                done.added.push(change);
            } else {
                done.changed.push(change);
            }
        } else if let Some(n) = line.strip_prefix("Total bytes sent:") {
            done.bytes_sent += n.trim().replace(',', "").parse::<u64>().unwrap_or(0);
        }
    }
}

/// Deletes the files of the last publish that the new build no longer has,
/// then the folders that this left empty (`rmdir` never removes a folder that
/// still holds anything).
fn remove(ssh: &Ssh, dir: &str, plan: &Plan) -> Result<(), Publish> {
    let files: Vec<u8> = plan
        .deleted
        .iter()
        .flat_map(|c| c.path.bytes().chain([0]))
        .collect();
    ssh.run(&format!("cd -- {dir} && xargs -0 rm -f --"), &files)?;
    let mut dirs: Vec<&str> = plan
        .deleted
        .iter()
        .flat_map(|c| ancestors(&c.path))
        .collect();
    dirs.sort_by(|a, b| {
        b.matches('/')
            .count()
            .cmp(&a.matches('/').count())
            .then(b.cmp(a))
    });
    dirs.dedup();
    if dirs.is_empty() {
        return Ok(());
    }
    let list: Vec<u8> = dirs.iter().flat_map(|d| d.bytes().chain([0])).collect();
    ssh.run(
        &format!("cd -- {dir} && xargs -0 rmdir -- 2>/dev/null; exit 0"),
        &list,
    )?;
    Ok(())
}

/// `a/b/c.html` → `a/b`, `a`.
fn ancestors(path: &str) -> impl Iterator<Item = &str> {
    path.match_indices('/')
        .map(move |(i, _)| &path[..i])
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rsync_output() {
        let out = "TRANGTIN cd+++++++++ 4096 a/\nTRANGTIN <f+++++++++ 12 a/new file.html\nTRANGTIN <fcs....... 30 b.css\nTRANGTIN .f...p..... 5 c.txt\nTotal bytes sent: 1,234\n";
        let mut done = Done {
            files: 0,
            redirects: vec![],
            added: vec![],
            changed: vec![],
            deleted: vec![],
            bytes_sent: 0,
        };
        read_report(out, &mut done);
        assert_eq!(
            done.added,
            [Change {
                path: "a/new file.html".into(),
                size: 12
            }]
        );
        assert_eq!(
            done.changed,
            [Change {
                path: "b.css".into(),
                size: 30
            }]
        );
        assert_eq!(done.bytes_sent, 1234);
    }

    #[test]
    fn ancestors_deepest_first() {
        assert_eq!(ancestors("a/b/c.html").collect::<Vec<_>>(), ["a/b", "a"]);
        assert_eq!(ancestors("c.html").count(), 0);
    }
}
