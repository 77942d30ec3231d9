//! `identitas`: check, find and redact Indonesian identity numbers from the command line.

mod check;
mod lines;
mod redact_cmd;
mod scan_cmd;
mod triage_cmd;

use std::process::ExitCode;

const USAGE: &str = "\
identitas — Indonesian identity numbers: check, scan, redact

USAGE:
    identitas check [--json] [--kind KIND] [--reference-date YYYY-MM-DD] [FILE|-]
    identitas scan [--json] [FILE|-]
    identitas redact [--policy FILE] [--key-file FILE] [--format text|csv|jsonl|auto] [FILE|-]
    identitas triage [--json] [--html FILE] [--format csv|jsonl|text] [--reference-date YYYY-MM-DD] [FILE|-]
    identitas help
    identitas version

COMMANDS:
    check     validate and decode one value per line (stdin by default)
    scan      list the identifiers found: kind, byte offsets, confidence
    redact    write the input with every identifier redacted (masked by default)
    triage    profile a leaked file: what it holds, whether it looks genuine, whom to notify

Keys for tokens and pseudonyms come from --key-file or the IDENTITAS_KEY
environment variable, never from the command line.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = args.split_first() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    let code = match command.as_str() {
        "check" => check::run(rest),
        "scan" => scan_cmd::run(rest),
        "redact" => redact_cmd::run(rest),
        "triage" => triage_cmd::run(rest),
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            0
        }
        "version" | "--version" | "-V" => {
            println!("identitas {}", env!("CARGO_PKG_VERSION"));
            0
        }
        other => {
            eprintln!("identitas: unknown command '{other}'\n\n{USAGE}");
            2
        }
    };
    ExitCode::from(u8::try_from(code).unwrap_or(2))
}
