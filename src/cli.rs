//! The command line: parse arguments, run one command, print what happened,
//! return the exit status (0 ok, 1 content error, 2 bad usage).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::build::{self, BuildOptions, Report};
use crate::error::Errors;

#[derive(Parser)]
#[command(name = "trangtin", version, about = "Build the news and statistics website of a party committee from Markdown articles and YAML figures.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the whole site into the output folder.
    Build(SiteArgs),
    /// Run every check of `build` plus internal links and files, writing nothing.
    Check(SiteArgs),
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
    /// Print nothing but errors.
    #[arg(long, short)]
    quiet: bool,
}

impl SiteArgs {
    fn options(&self) -> BuildOptions {
        BuildOptions {
            root: self.root.clone(),
            output: self.output.clone().unwrap_or_else(|| self.root.join("output")),
            drafts: self.drafts,
            base_url: self.base_url.clone(),
        }
    }
}

pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => 0,
                _ => 2,
            };
        }
    };
    match cli.command {
        Command::Build(args) => finish(build::build(&args.options()), args.quiet, "built"),
        Command::Check(args) => finish(build::check(&args.options()), args.quiet, "checked"),
    }
}

fn finish(result: Result<Report, Errors>, quiet: bool, verb: &str) -> i32 {
    match result {
        Ok(report) => {
            for w in &report.warnings {
                eprintln!("warning: {w}");
            }
            if !quiet {
                println!("{verb}: {} pages, {} charts, {} files in {:.2} s", report.pages, report.charts, report.files, report.elapsed.as_secs_f64());
            }
            0
        }
        Err(errors) => {
            eprint!("{errors}");
            eprintln!("{} error{} found; nothing was written.", errors.len(), if errors.len() == 1 { "" } else { "s" });
            1
        }
    }
}
