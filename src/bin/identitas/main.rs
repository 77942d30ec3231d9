//! `identitas`: check, find and redact Indonesian identity numbers from the command line.

mod check;
mod lines;

use std::process::ExitCode;

const USAGE: &str = "\
identitas — Indonesian identity numbers: check, scan, redact

USAGE:
    identitas check [--json] [--kind KIND] [--reference-date YYYY-MM-DD] [FILE|-]
    identitas help
    identitas version

COMMANDS:
    check     validate and decode one value per line (stdin by default)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = args.split_first() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    let code = match command.as_str() {
        "check" => check::run(rest),
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
    ExitCode::from(code)
}
