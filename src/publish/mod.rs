//! `trangtin publish`: build, check, and put the site on the web server.
//!
//! Two kinds of target ([`target`]): a folder on this computer, switched
//! atomically between complete releases ([`local`]), or a server reached with
//! rsync over ssh ([`ssh`]). Both keep `.trangtin-manifest` at the target
//! ([`manifest`]) so that `--delete` removes only files a publish put there.

mod local;
mod manifest;
mod moved;
mod plan;
mod prepare;
mod redirects;
mod releases;
mod remote;
mod report;
mod snippets;
mod ssh;
mod target;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::diagnostic::msg::publish::Publish;
use crate::diagnostic::show::Printer;
use crate::diagnostic::{Diagnostic, Diagnostics};
pub use moved::warnings as moved_warnings;
use plan::Change;
pub use target::Target;

/// What `trangtin publish` was asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    /// `--to`; else `publish:` in site.yaml.
    pub to: Option<String>,
    pub dry_run: bool,
    pub delete: bool,
    pub rollback: bool,
    pub no_build: bool,
    /// Releases kept at a local target.
    pub keep: usize,
    /// `--clock`: the build's "now"; None is now (what cron wants).
    pub clock: Option<jiff::civil::DateTime>,
    /// How problems and the report are printed, and in which language.
    pub out: Printer,
}

/// What a publish did (or, on a dry run, would do).
#[derive(Debug, Default)]
pub struct Outcome {
    pub target: String,
    pub local: bool,
    pub dry_run: bool,
    pub added: Vec<Change>,
    pub changed: Vec<Change>,
    pub deleted: Vec<Change>,
    pub unchanged: usize,
    pub bytes_sent: u64,
    pub release: Option<String>,
    pub pruned: Vec<String>,
    /// `--rollback`: from which release to which.
    pub rolled_back: Option<(String, String)>,
    /// Old addresses kept as redirects in this publish (old → new output path).
    pub redirects: Vec<(String, String)>,
    pub warnings: Vec<Diagnostic>,
    pub elapsed: Duration,
}

/// Runs the command and prints what happened; returns the exit status.
pub fn run(opts: &Options) -> i32 {
    let start = Instant::now();
    match publish(opts) {
        Ok(mut outcome) => {
            outcome.elapsed = start.elapsed();
            report::print(&outcome, &opts.out);
            0
        }
        Err(errors) => {
            report::print_failure(&errors, &opts.out);
            1
        }
    }
}

/// The whole command, without printing.
pub fn publish(opts: &Options) -> Result<Outcome, Diagnostics> {
    let target = resolve(opts)?;
    if let Target::Local(dir) = &target {
        crate::output_rules::check_publish_target(&opts.root, dir)?;
    }
    let shown = target.to_string();
    let mut outcome = Outcome {
        target: shown.clone(),
        local: matches!(target, Target::Local(_)),
        dry_run: opts.dry_run,
        ..Outcome::default()
    };
    if opts.rollback {
        let Target::Local(dir) = &target else {
            return Err(Diagnostic::in_target(&shown, Publish::RollbackNeedsFolder).into());
        };
        outcome.rolled_back = Some(local::rollback(dir)?);
        return Ok(outcome);
    }
    // Reach the server before spending time on a build.
    let session = match &target {
        Target::Ssh(remote) => Some(ssh::Session::open(remote, &shown, opts.dry_run)?),
        Target::Local(_) => None,
    };
    let (output, build_report) = prepare::prepare(&opts.root, opts.no_build, opts.clock)?;
    outcome.warnings = build_report.warnings;
    let mut build = manifest::scan(&output)?;
    build.set_sources(&build_report.sources);
    let redirector = &build_report.redirector;
    if let Some(session) = session {
        let done = session.publish(&output, &build, opts.delete, opts.dry_run, redirector)?;
        outcome.redirects = done.redirects;
        outcome.unchanged = done
            .files
            .saturating_sub(done.added.len() + done.changed.len());
        (
            outcome.added,
            outcome.changed,
            outcome.deleted,
            outcome.bytes_sent,
        ) = (done.added, done.changed, done.deleted, done.bytes_sent);
    } else if let Target::Local(dir) = &target {
        let flags = local::Flags {
            delete: opts.delete,
            dry_run: opts.dry_run,
            keep: opts.keep,
        };
        let done = local::publish(dir, &output, &build, &flags, redirector)?;
        outcome.redirects = done.redirects;
        outcome.bytes_sent = done.plan.bytes_to_send();
        outcome.unchanged = done.plan.unchanged;
        (outcome.added, outcome.changed, outcome.deleted) =
            (done.plan.added, done.plan.changed, done.plan.deleted);
        (outcome.release, outcome.pruned) = (done.release, done.removed);
    }
    Ok(outcome)
}

/// A folder walk that failed, said as a file error.
pub(crate) fn walk_error(e: &walkdir::Error, dir: &Path) -> Diagnostic {
    let path = e.path().unwrap_or(dir);
    match e.io_error() {
        Some(io) => Diagnostic::io(path, io),
        None => Diagnostic::new(path, crate::diagnostic::msg::Io::Other(e.to_string())),
    }
}

/// `--to`, else `publish:` from site.yaml.
fn resolve(opts: &Options) -> Result<Target, Diagnostic> {
    if let Some(to) = &opts.to {
        let here = std::env::current_dir().map_err(|e| Diagnostic::io(Path::new("."), &e))?;
        return target::parse(to, &here)
            .map_err(|m| Diagnostic::in_flag("--to", Publish::BadTarget(m)));
    }
    let shown = Path::new("content/site.yaml");
    crate::load::inside::check(&opts.root, shown)?;
    let settings = crate::config::load(&opts.root.join(shown), shown, None)?;
    match settings.site.publish.as_deref() {
        Some(to) => target::parse(to, &opts.root)
            .map_err(|m| Diagnostic::new(shown, Publish::BadTargetInSite(m))),
        None => Err(Diagnostic::new(shown, Publish::NoTarget)),
    }
}
