//! `corroborate`: reconcile news articles from the command line (see `corroborate --help`).

use clap::{Args, Parser, Subcommand, ValueEnum};
use corroborate::input::{self, Inputs, ReadOptions};
use corroborate::render::{self, Extras};
use corroborate::{Config, Corpus, Error, Report};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Faster than the system allocator for this workload (see Cargo.toml).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const EXIT_CODES: &str = "\
Exit codes:
  0  every input was reconciled
  1  some inputs were refused (the report covers the others; they are listed on stderr)
  2  usage or configuration error (nothing was run)
  3  the report could not be written";

/// Which articles report the same event, which names are the same, which sentences state
/// the same claim, where the sources agree and contradict each other, and which articles
/// are garbled machine translations.
#[derive(Parser)]
#[command(name = "corroborate", version, after_help = EXIT_CODES)]
#[command(args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    run: RunArgs,
}

#[derive(Subcommand)]
enum Command {
    /// List every setting with its default, range and what it does.
    Settings(SettingsArgs),
    /// Print the JSON Schema of the `--format json` report.
    Schema,
}

#[derive(Args)]
struct ConfigArgs {
    /// Read settings from a TOML file (`corroborate settings --toml` prints one).
    #[arg(short, long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Change one setting (repeatable), after --config: `--set align.min_score=0.3`.
    #[arg(short, long = "set", value_name = "NAME=VALUE")]
    set: Vec<String>,
}

#[derive(Args)]
struct SettingsArgs {
    /// Print a TOML file with every setting instead of a table.
    #[arg(long)]
    toml: bool,
    #[command(flatten)]
    config: ConfigArgs,
}

#[derive(Args)]
struct RunArgs {
    /// Articles: files, directories (read recursively) or `-` for standard input (the
    /// default when it is not a terminal).
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Output format (default: from the --output file's extension, else text).
    #[arg(short, long, value_enum)]
    format: Option<OutputFormat>,
    /// Write the report to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// How to read inputs: `auto` reads .jsonl / .ndjson files as JSON lines of
    /// {id, text, published, url, source} and any other file as one article.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    input: InputFormat,
    /// File extensions read from directories, comma-separated.
    #[arg(long, value_name = "EXT,...", value_delimiter = ',')]
    ext: Option<Vec<String>>,
    /// No progress bar and no list of refused inputs on stderr.
    #[arg(short, long)]
    quiet: bool,
    #[command(flatten)]
    config: ConfigArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// A summary for a person: per event its articles and findings, most important first.
    Text,
    /// One JSON object (report format v1), as `reconcile --json` prints.
    Json,
    /// JSON lines: typed records (report, event, document, entity, alignment, finding,
    /// refused), event by event.
    Jsonl,
    /// One self-contained HTML page: each event's articles side by side.
    Html,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputFormat {
    /// By extension.
    Auto,
    /// One article per file.
    Text,
    /// JSON lines.
    Jsonl,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Settings(args)) => settings(&args),
        Some(Command::Schema) => {
            println!("{}", corroborate::report::json_schema());
            ExitCode::SUCCESS
        }
        None => run(&cli.run),
    }
}

/// A usage or configuration error: exit code 2.
fn usage_error(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("corroborate: {message}");
    ExitCode::from(2)
}

/// The default config, then the --config file, then each --set.
fn load_config(args: &ConfigArgs) -> Result<Config, String> {
    let mut config = Config::default();
    if let Some(path) = &args.config {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read config '{}': {e}", path.display()))?;
        config
            .apply_toml(&text)
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    for pair in &args.set {
        config
            .set_pair(pair)
            .map_err(|e| format!("--set {pair}: {e}"))?;
    }
    Ok(config)
}

fn settings(args: &SettingsArgs) -> ExitCode {
    let config = match load_config(&args.config) {
        Ok(c) => c,
        Err(e) => return usage_error(e),
    };
    let text = if args.toml {
        config.to_toml()
    } else {
        settings_table(&config)
    };
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    ExitCode::SUCCESS
}

/// One line per setting: name, value (with the default when changed), range, doc.
fn settings_table(config: &Config) -> String {
    let width = corroborate::settings::SETTINGS
        .iter()
        .map(|s| s.name.len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for s in corroborate::settings::SETTINGS {
        let (value, default) = (s.get(config), s.default_value());
        let shown = if value == default {
            value.to_string()
        } else {
            format!("{value} (default {default})")
        };
        out.push_str(&format!(
            "{:width$}  {shown:<10}  {:<10}  {}\n",
            s.name,
            s.range.to_string(),
            s.doc
        ));
    }
    out
}

fn run(args: &RunArgs) -> ExitCode {
    let config = match load_config(&args.config) {
        Ok(c) => c,
        Err(e) => return usage_error(e),
    };
    let mut paths = args.paths.clone();
    if paths.is_empty() {
        if std::io::stdin().is_terminal() {
            return usage_error("no input: give files, directories or '-' (try --help)");
        }
        paths.push(PathBuf::from("-"));
    }
    let format = args
        .format
        .unwrap_or_else(|| format_of(args.output.as_deref()));
    let options = ReadOptions {
        format: match args.input {
            InputFormat::Auto => input::Format::Auto,
            InputFormat::Text => input::Format::Text,
            InputFormat::Jsonl => input::Format::Jsonl,
        },
        extensions: args
            .ext
            .clone()
            .unwrap_or_else(|| ReadOptions::default().extensions),
    };
    let bar = Progress::new(!args.quiet && std::io::stderr().is_terminal());
    bar.stage(0.0, "reading");
    let inputs = input::read_paths(&paths, &options);
    let report = match reconcile(config, &inputs, &bar) {
        Ok(r) => r,
        Err(e) => return usage_error(e),
    };
    bar.finish();
    if !args.quiet {
        for r in &report.refused {
            eprintln!("corroborate: refused {}: {}", r.id, r.error);
        }
    }
    let extras = Extras::from_inputs(&inputs);
    if let Err(e) = write_report(&report, &extras, format, args.output.as_deref()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("corroborate: cannot write the report: {e}");
            return ExitCode::from(3);
        }
    }
    if report.refused.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn format_of(output: Option<&Path>) -> OutputFormat {
    let ext = output
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("json") => OutputFormat::Json,
        Some("jsonl" | "ndjson") => OutputFormat::Jsonl,
        Some("html" | "htm") => OutputFormat::Html,
        _ => OutputFormat::Text,
    }
}

/// Ingests the inputs read and reconciles them; every input that could not be read or that
/// the corpus refused is in the report's `refused` list.
fn reconcile(config: Config, inputs: &Inputs, bar: &Progress) -> Result<Report, Error> {
    let mut corpus = Corpus::with_config(config)?;
    input::refuse_unread(&mut corpus, inputs);
    bar.stage(0.1, "ingesting");
    input::add_to(&mut corpus, &inputs.inputs);
    Ok(corpus.reconcile_with_progress(|p| {
        let stage = format!("{:?}", p.stage).to_lowercase();
        bar.stage(0.2 + 0.8 * p.stage.fraction(), &stage);
    }))
}

fn write_report(
    report: &Report,
    extras: &Extras,
    format: OutputFormat,
    output: Option<&Path>,
) -> std::io::Result<()> {
    let sink: Box<dyn Write> = match output {
        Some(path) => Box::new(std::fs::File::create(path)?),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = std::io::BufWriter::new(sink);
    match format {
        OutputFormat::Json => {
            report.write_json(&mut out)?;
            out.write_all(b"\n")?;
        }
        OutputFormat::Jsonl => render::jsonl::write(report, extras, &mut out)?,
        OutputFormat::Text => out.write_all(render::text::render(report, extras).as_bytes())?,
        OutputFormat::Html => out.write_all(render::html::render(report, extras).as_bytes())?,
    }
    out.flush()
}

/// A progress bar on stderr, drawn only when a person is watching.
struct Progress(indicatif::ProgressBar);

impl Progress {
    fn new(visible: bool) -> Progress {
        if !visible {
            return Progress(indicatif::ProgressBar::hidden());
        }
        let bar = indicatif::ProgressBar::new(1000);
        let style = indicatif::ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] [{bar:30}] {percent:>3}% {msg}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
        .progress_chars("=> ");
        bar.set_style(style);
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        Progress(bar)
    }

    fn stage(&self, fraction: f64, what: &str) {
        self.0
            .set_position((fraction.clamp(0.0, 1.0) * 1000.0) as u64);
        self.0.set_message(what.to_string());
    }

    fn finish(&self) {
        self.0.finish_and_clear();
    }
}
