//! `identitas triage`: what a leaked file holds, whether it looks genuine, whom to notify.
//!
//! Reads the file once in constant memory; prints counts only, never an identifier.

use std::io::{self, BufRead, IsTerminal, Write};
use std::time::Instant;

use identitas::Date;
use identitas::triage::{InputFormat, Triage, TriageConfig, render};

const USAGE: &str = "\
usage: identitas triage [OPTIONS] FILE|-

Reads a CSV, JSON-lines or text file once (format auto-detected) and reports the
identifiers it holds, the NIK validity rate, consistency checks, duplicates, regions,
birth years, children, UU PDP categories and a summary for the 3 x 24 h notification.

OPTIONS:
    --format csv|jsonl|text    force the input format
    --json                     print the report as JSON instead of text
    --html FILE                also write a self-contained HTML report to FILE
    --reference-date YYYY-MM-DD  date for ages and NIK centuries (default: today, UTC)
    --progress / --no-progress   progress on stderr (default: only when stderr is a terminal)
    --dedup-memory MIB         cap of each exact duplicate set (default 32)
";

struct Options {
    path: Option<String>,
    json: bool,
    html: Option<String>,
    progress: Option<bool>,
    config: TriageConfig,
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        path: None,
        json: false,
        html: None,
        progress: None,
        config: TriageConfig::default(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match a.as_str() {
            "--json" => o.json = true,
            "--progress" => o.progress = Some(true),
            "--no-progress" => o.progress = Some(false),
            "--format" => {
                let v = value("--format")?;
                o.config.format = Some(
                    InputFormat::from_name(&v).ok_or_else(|| format!("unknown format '{v}'"))?,
                );
            }
            "--html" => o.html = Some(value("--html")?),
            "--reference-date" => {
                let v = value("--reference-date")?;
                o.config.reference =
                    Date::parse_iso(&v).ok_or("--reference-date must be a date YYYY-MM-DD")?;
            }
            "--dedup-memory" => {
                let v = value("--dedup-memory")?;
                let mib: usize = v
                    .parse()
                    .ok()
                    .filter(|&m| (1..=4096).contains(&m))
                    .ok_or("--dedup-memory must be 1-4096 (MiB)")?;
                o.config.dedup_max_slots = mib * (1 << 20) / 8;
            }
            "-h" | "--help" => return Err(String::new()),
            p if !p.starts_with('-') || p == "-" => {
                if o.path.replace(p.to_owned()).is_some() {
                    return Err("only one input file".into());
                }
            }
            other => return Err(format!("unknown option '{other}'")),
        }
    }
    if o.path.is_none() {
        return Err("missing input (a FILE, or - for stdin)".into());
    }
    Ok(o)
}

/// Runs the command; returns the process exit code (0 ok, 2 usage or I/O error).
pub fn run(args: &[String]) -> i32 {
    let opts = match parse_args(args) {
        Ok(o) => o,
        Err(msg) if msg.is_empty() => {
            print!("{USAGE}");
            return 0;
        }
        Err(msg) => {
            eprintln!("identitas triage: {msg}\n\n{USAGE}");
            return 2;
        }
    };
    match triage(&opts) {
        Ok(()) => 0,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("identitas triage: {e}");
            2
        }
    }
}

fn triage(opts: &Options) -> io::Result<()> {
    let (mut reader, total): (Box<dyn BufRead>, Option<u64>) = match opts.path.as_deref() {
        None | Some("-") => (
            Box::new(io::BufReader::with_capacity(1 << 20, io::stdin())),
            None,
        ),
        Some(p) => {
            let f = std::fs::File::open(p)
                .map_err(|e| io::Error::new(e.kind(), format!("{p}: {e}")))?;
            let len = f.metadata().ok().map(|m| m.len());
            (Box::new(io::BufReader::with_capacity(1 << 20, f)), len)
        }
    };
    let show = opts.progress.unwrap_or_else(|| io::stderr().is_terminal());
    let started = Instant::now();
    let mut config = opts.config.clone();
    config.progress_every = 64 << 20;
    let mut progress = |bytes: u64| {
        if !show {
            return;
        }
        let secs = started.elapsed().as_secs_f64().max(1e-9);
        let mb = bytes as f64 / 1e6;
        let mut err = io::stderr().lock();
        let _ = match total {
            Some(t) if t > 0 => write!(
                err,
                "\ridentitas triage: {mb:.0} MB of {:.0} MB ({:.0}%), {:.0} MB/s   ",
                t as f64 / 1e6,
                bytes as f64 * 100.0 / t as f64,
                mb / secs
            ),
            _ => write!(
                err,
                "\ridentitas triage: {mb:.0} MB, {:.0} MB/s   ",
                mb / secs
            ),
        };
    };
    let report = Triage::new(config).run(&mut *reader, &mut progress)?;
    if show {
        eprintln!();
    }
    if let Some(path) = &opts.html {
        std::fs::write(path, render::html(&report))
            .map_err(|e| io::Error::new(e.kind(), format!("{path}: {e}")))?;
    }
    let out = if opts.json {
        render::json(&report)
    } else {
        render::text(&report)
    };
    let mut stdout = io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    stdout.flush()
}
