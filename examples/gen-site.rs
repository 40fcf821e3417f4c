//! Writes a synthetic trangtin site for benchmarks (and its Hugo twin).
//!
//! `cargo run --release --example gen-site -- --articles 10000 --charts 1000 [--seed 1] [--hugo HUGO_OUT] OUT`
//!
//! The same seed gives the same bytes. OUT (and HUGO_OUT) are emptied first.

mod gen_site;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

#[derive(Parser)]
#[command(
    about = "Write a synthetic trangtin site (and optionally the same articles as a Hugo site)."
)]
struct Args {
    /// Number of articles.
    #[arg(long, default_value_t = 1000)]
    articles: usize,
    /// Number of named charts in content/charts/.
    #[arg(long, default_value_t = 100)]
    charts: usize,
    /// Number of datasets in content/data/.
    #[arg(long, default_value_t = 200)]
    datasets: usize,
    /// Number of documents in documents.yaml.
    #[arg(long, default_value_t = 300)]
    documents: usize,
    /// Seed of the random streams; the same seed writes the same site.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Also write the articles as a Hugo site into this folder.
    #[arg(long)]
    hugo: Option<PathBuf>,
    /// The folder to write the trangtin site into (content/ goes inside it).
    out: PathBuf,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let opts = gen_site::Options {
        articles: args.articles,
        charts: args.charts,
        datasets: args.datasets,
        documents: args.documents,
        seed: args.seed,
    };
    let start = Instant::now();
    let result = (|| {
        gen_site::clear(&args.out.join("content"))?;
        let mut site = gen_site::DirSink(args.out.clone());
        match &args.hugo {
            Some(dir) => {
                gen_site::clear(dir)?;
                let mut hugo = gen_site::DirSink(dir.clone());
                gen_site::generate(&opts, &mut site, Some(&mut hugo))
            }
            None => gen_site::generate(&opts, &mut site, None),
        }
    })();
    match result {
        Ok(s) => {
            println!(
                "wrote {} articles ({} words), {} charts, {} datasets, {} documents, {} organizations to {} in {:.2} s",
                s.articles,
                s.words,
                s.charts,
                s.datasets,
                s.documents,
                s.organizations,
                args.out.display(),
                start.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen-site: could not write the site: {e}");
            ExitCode::FAILURE
        }
    }
}
