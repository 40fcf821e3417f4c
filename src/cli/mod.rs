//! The command line: parse arguments, run one command, print what happened,
//! return the exit status (0 ok, 1 content error, 2 bad usage).

mod help;
mod usage;

use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand};

use crate::build::{self, BuildOptions, Report};
use crate::diagnostic::show::{Format, Printer};
use crate::diagnostic::Diagnostics;
use crate::text::Lang;

#[derive(Parser)]
#[command(
    name = "trangtin",
    version,
    about = "Build the news and statistics website of a party committee from Markdown articles and YAML figures."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The language of messages: vi or en (default: the site's `language`; outside a site, LANG).
    #[arg(long, global = true, value_parser = parse_lang)]
    lang: Option<Lang>,
    /// How problems are printed: human (the line with a caret), short (one line each) or json (one object a line, on standard output).
    #[arg(long, global = true, value_enum, default_value_t = Format::Human)]
    message_format: Format,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder, redoing only what changed since the last build.
    Build(BuildArgs),
    /// Run every check of `build` plus internal links and files, writing nothing.
    Check(CheckArgs),
    /// Build, check, and put the site on the web server: a folder or ssh://user@host/path.
    Publish(PublishArgs),
    /// Build, serve the site on this computer, rebuild on change and reload the open pages.
    Serve(ServeArgs),
    /// Create a new site with sample articles, a dataset and a chart.
    Init(InitArgs),
    /// Create a new article file with its front matter filled in.
    New(NewArgs),
}

#[derive(Args)]
struct SiteArgs {
    /// The site folder (the one holding content/).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Where to write the site; default: output/ inside the site folder.
    #[arg(long)]
    output: Option<PathBuf>,
    /// Use this address instead of base_url from site.yaml.
    #[arg(long)]
    base_url: Option<String>,
    /// Include articles marked `draft: true`.
    #[arg(long)]
    drafts: bool,
    /// The moment treated as now, "YYYY-MM-DD HH:MM" in the site's time zone: articles dated later wait, and `expires` is compared with it (default: now).
    #[arg(long, value_parser = parse_clock)]
    clock: Option<jiff::civil::DateTime>,
    /// Print nothing but errors.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Args)]
struct BuildArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// Build everything anew: ignore the record of the last build in .trangtin-cache/.
    #[arg(long)]
    fresh: bool,
}

#[derive(Args)]
struct PublishArgs {
    /// The site folder (the one holding content/).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Where to publish: /var/www/site, file:///var/www/site or ssh://user@host:port/path; default: `publish:` in site.yaml.
    #[arg(long)]
    to: Option<String>,
    /// List what would be added, changed and deleted, and change nothing.
    #[arg(long)]
    dry_run: bool,
    /// Remove files of the previous publish that the new build no longer has (never files put there by hand).
    #[arg(long)]
    delete: bool,
    /// Point a folder target back at the release before the current one.
    #[arg(long, conflicts_with_all = ["dry_run", "delete", "no_build"])]
    rollback: bool,
    /// Publish output/ as it is (refused when it is older than content/ or themes/).
    #[arg(long)]
    no_build: bool,
    /// How many releases a folder target keeps.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u16).range(1..))]
    keep: u16,
    /// The moment treated as now, "YYYY-MM-DD HH:MM" in the site's time zone: articles dated later wait, and `expires` is compared with it (default: now).
    #[arg(long, value_parser = parse_clock)]
    clock: Option<jiff::civil::DateTime>,
}

impl PublishArgs {
    fn options(&self, out: &Printer) -> crate::publish::Options {
        crate::publish::Options {
            root: self.root.clone(),
            to: self.to.clone(),
            dry_run: self.dry_run,
            delete: self.delete,
            rollback: self.rollback,
            no_build: self.no_build,
            keep: usize::from(self.keep),
            clock: self.clock,
            out: out.clone(),
        }
    }
}

impl SiteArgs {
    fn options(&self) -> BuildOptions {
        BuildOptions {
            root: self.root.clone(),
            output: self
                .output
                .clone()
                .unwrap_or_else(|| self.root.join("output")),
            drafts: self.drafts,
            base_url: self.base_url.clone(),
            clock: self.clock,
        }
    }
}

pub fn main() -> i32 {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // `--help` and usage errors come before any site is read: LANG decides
    // unless `--lang` is on the command line.
    let early = lang_flag(&args).unwrap_or_else(Lang::from_env);
    let format = format_flag(&args).unwrap_or_default();
    let cli = match parse(args, &Printer::new(early, format, Path::new("."))) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let root = cli.command.root();
    let lang = cli
        .lang
        .or_else(|| root.and_then(crate::load::language_of))
        .unwrap_or(early);
    let out = Printer::new(lang, cli.message_format, root.unwrap_or(Path::new(".")));
    match cli.command {
        Command::Build(args) => finish(
            crate::progress::with_progress(args.site.quiet, out.lang, |step| {
                build::build_cached(&args.site.options(), args.fresh, step)
            }),
            args.site.quiet,
            Verb::Built,
            &out,
        ),
        Command::Check(args) => {
            let opts = args.site.options();
            let fix_failed = args.fix && !crate::fix::run(&opts.root, &out);
            let mut result = build::check(&opts);
            if let Ok(report) = &mut result {
                let moved = crate::publish::moved_warnings(&opts.root, &report.sources);
                report.warnings.extend(moved);
                crate::links::print_external(&report.external, args.verbose, args.site.quiet);
            }
            finish(result, args.site.quiet, Verb::Checked, &out).max(fix_failed as i32)
        }
        Command::Publish(args) => crate::publish::run(&args.options(&out)),
        Command::Serve(args) => crate::serve::run(&args.options(&out)),
        Command::Init(args) => crate::scaffold::run_init(&args.dir, args.force, &out),
        Command::New(args) => crate::scaffold::run_new(
            &args.root,
            &crate::scaffold::NewArticle {
                title: &args.title,
                category: args.category.as_deref(),
                org: args.org.as_deref(),
            },
            &out,
        ),
    }
}

/// Parses the command line with help in `lang`; on `--help`, `--version` or a
/// usage error prints it and gives the exit code.
fn parse(args: Vec<std::ffi::OsString>, out: &Printer) -> Result<Cli, i32> {
    use clap::error::ErrorKind;
    use clap::{CommandFactory, FromArgMatches};
    let command = help::localize(Cli::command(), out.lang);
    let matches = command
        .try_get_matches_from(args)
        .map_err(|e| match e.kind() {
            ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                let _ = e.print();
                0
            }
            // clap prints the (already translated) help here.
            ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                let _ = e.print();
                2
            }
            _ => {
                usage::print(&e, out);
                2
            }
        })?;
    Cli::from_arg_matches(&matches).map_err(|e| {
        usage::print(&e, out);
        2
    })
}

/// `--message-format json` anywhere on the command line, before clap runs.
fn format_flag(args: &[std::ffi::OsString]) -> Option<Format> {
    use clap::ValueEnum;
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    args.iter().enumerate().find_map(|(i, a)| {
        let value = match a.strip_prefix("--message-format") {
            Some("") => args.get(i + 1)?.as_str(),
            Some(rest) => rest.strip_prefix('=')?,
            None => return None,
        };
        Format::from_str(value, true).ok()
    })
}

/// `--lang vi` / `--lang=en` anywhere on the command line, before clap runs.
fn lang_flag(args: &[std::ffi::OsString]) -> Option<Lang> {
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    args.iter()
        .enumerate()
        .find_map(|(i, a)| match a.strip_prefix("--lang") {
            Some("") => args.get(i + 1).and_then(|v| Lang::from_code(v)),
            Some(rest) => rest.strip_prefix('=').and_then(Lang::from_code),
            None => None,
        })
}

fn parse_lang(text: &str) -> Result<Lang, crate::diagnostic::msg::usage::Usage> {
    Lang::from_code(text).ok_or_else(|| crate::diagnostic::msg::usage::Usage::BadLang {
        value: text.to_string(),
    })
}

impl Command {
    /// The site folder the command works on; None outside a site (`init`).
    fn root(&self) -> Option<&Path> {
        match self {
            Command::Build(a) => Some(&a.site.root),
            Command::Check(a) => Some(&a.site.root),
            Command::Publish(a) => Some(&a.root),
            Command::Serve(a) => Some(&a.root),
            Command::New(a) => Some(&a.root),
            Command::Init(_) => None,
        }
    }
}

/// What a finished build or check says it did.
#[derive(Clone, Copy)]
enum Verb {
    Built,
    Checked,
}

/// `built: 12 pages, 3 charts, 40 files in 0.52 s`, in `lang`.
fn done_line(report: &Report, verb: Verb, lang: Lang) -> String {
    let (p, c, f) = (report.pages, report.charts, report.files);
    let s = report.elapsed.as_secs_f64();
    match (lang, verb) {
        (Lang::Vi, Verb::Built) => {
            format!("đã dựng trang: {p} trang, {c} biểu đồ, {f} tệp trong {s:.2} giây")
        }
        (Lang::Vi, Verb::Checked) => {
            format!("đã kiểm tra: {p} trang, {c} biểu đồ, {f} tệp trong {s:.2} giây")
        }
        (Lang::En, Verb::Built) => format!("built: {p} pages, {c} charts, {f} files in {s:.2} s"),
        (Lang::En, Verb::Checked) => {
            format!("checked: {p} pages, {c} charts, {f} files in {s:.2} s")
        }
    }
}

/// What the build cache spared, under the summary: nothing when the build
/// was made in full.
fn cache_line(c: build::CacheUse, lang: Lang) -> Option<String> {
    let (w, r) = (c.written, c.removed);
    if c.unchanged {
        return Some(lang.pick(
            "không có gì thay đổi từ lần dựng trước: không ghi tệp nào".into(),
            "nothing changed since the last build: no file written".into(),
        ));
    }
    Some(lang.pick(
        format!("đã ghi {w} tệp mới hoặc đã đổi, xóa {r} tệp; các tệp khác giữ nguyên (.trangtin-cache/)"),
        format!("{w} files written (new or changed), {r} removed; the rest kept as they were (.trangtin-cache/)"),
    ))
}

fn finish(result: Result<Report, Diagnostics>, quiet: bool, verb: Verb, out: &Printer) -> i32 {
    let lang = out.lang;
    match result {
        Ok(report) => {
            for w in &report.warnings {
                out.print_one(w);
            }
            if !quiet {
                println!("{}", done_line(&report, verb, lang));
                if let Some(line) = report.cache.and_then(|c| cache_line(c, lang)) {
                    println!("{line}");
                }
                if let Some(line) = report.pending.held_back() {
                    println!("{line}");
                }
                if report.photos > 0 {
                    let (n, made) = (report.photos, report.photos_made);
                    println!(
                        "{}",
                        lang.pick(
                            format!("ảnh: {n} ({made} ảnh làm lần này, còn lại lấy từ .trangtin-cache/)"),
                            format!("photos: {n} ({made} made now, the rest from .trangtin-cache/)"),
                        )
                    );
                }
            }
            0
        }
        Err(errors) => {
            out.print(&errors);
            out.print_summary(
                errors.len(),
                out.lang.pick("chưa ghi gì.", "nothing was written."),
            );
            1
        }
    }
}

#[derive(Args)]
struct CheckArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// List every external link (they are counted, never fetched).
    #[arg(long, short)]
    verbose: bool,
    /// First fix what can be fixed by itself (quote values holding `: `).
    #[arg(long)]
    fix: bool,
}

#[derive(Args)]
struct ServeArgs {
    /// The site folder (the one holding content/).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Where to write the served files; default: a folder in the system's temporary folder.
    #[arg(long)]
    output: Option<PathBuf>,
    #[arg(long, default_value_t = 1111)]
    port: u16,
    /// The address to listen on; anything but 127.0.0.1 or ::1 lets other computers see the preview.
    #[arg(long, default_value = "127.0.0.1")]
    bind: std::net::IpAddr,
    /// Include articles marked `draft: true` (they show a draft mark).
    #[arg(long)]
    drafts: bool,
    /// Open the site in the browser.
    #[arg(long)]
    open: bool,
    /// The moment treated as now, "YYYY-MM-DD HH:MM" in the site's time zone: articles dated later wait, and `expires` is compared with it (default: now).
    #[arg(long, value_parser = parse_clock)]
    clock: Option<jiff::civil::DateTime>,
    /// Print nothing but errors.
    #[arg(long, short)]
    quiet: bool,
}

impl ServeArgs {
    fn options(&self, out: &Printer) -> crate::serve::ServeOptions {
        crate::serve::ServeOptions {
            root: self.root.clone(),
            output: self.output.clone(),
            bind: self.bind,
            port: self.port,
            drafts: self.drafts,
            open: self.open,
            quiet: self.quiet,
            clock: self.clock,
            out: out.clone(),
        }
    }
}

#[derive(Args)]
struct InitArgs {
    /// The folder to create the site in.
    dir: PathBuf,
    /// Add the sample site to a folder that is not empty (files already there are kept).
    #[arg(long)]
    force: bool,
}

#[derive(Args)]
struct NewArgs {
    /// The article's headline; its web address is made from it.
    title: String,
    /// The site folder (the one holding content/).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The article's category (chuyên mục).
    #[arg(long)]
    category: Option<String>,
    /// The organization id (from organizations.yaml) the article belongs to.
    #[arg(long)]
    org: Option<String>,
}

/// `--clock`: a moment as editors write dates.
fn parse_clock(text: &str) -> Result<jiff::civil::DateTime, crate::diagnostic::msg::usage::Usage> {
    crate::text::clock::parse(text).map_err(|why| crate::diagnostic::msg::usage::Usage::BadClock {
        value: text.to_string(),
        why,
    })
}
