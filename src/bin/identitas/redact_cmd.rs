//! `identitas redact [--policy FILE] [--key-file F] [--format text|csv|jsonl|auto] FILE|-`
//!
//! Writes the redacted input to stdout, streaming in 64 KiB chunks with
//! constant memory. The default policy masks, keeps lengths and leaves every
//! byte outside findings as it was. Keys come from `--key-file` (32 raw bytes or
//! 64 hex digits) or the `IDENTITAS_KEY` environment variable (64 hex digits),
//! never from the command line. Malformed records are reported on stderr with
//! their line number (never their content).

use std::io::{Read, Write};

use identitas::record::{Format, RecordStream};
use identitas::redact::{Key, Policy, RedactStream, Redactor};

const USAGE: &str = "usage: identitas redact [--policy FILE] [--key-file FILE] [--format text|csv|jsonl|auto] FILE|-\n\
  keys: --key-file FILE (32 bytes or 64 hex digits) or IDENTITAS_KEY (64 hex digits)\n";

/// Environment variable holding a hex key when no `--key-file` is given.
pub const KEY_ENV: &str = "IDENTITAS_KEY";

const CHUNK: usize = 64 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Text,
    Records(Format),
    Auto,
}

struct Options {
    policy: Option<String>,
    key_file: Option<String>,
    mode: Mode,
    input: String,
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        policy: None,
        key_file: None,
        mode: Mode::Auto,
        input: String::new(),
    };
    let mut input = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match a.as_str() {
            "--policy" => o.policy = Some(value("--policy")?),
            "--key-file" => o.key_file = Some(value("--key-file")?),
            "--format" => {
                o.mode = match value("--format")?.as_str() {
                    "text" => Mode::Text,
                    "csv" => Mode::Records(Format::Csv),
                    "jsonl" => Mode::Records(Format::Jsonl),
                    "auto" => Mode::Auto,
                    _ => return Err("--format must be text, csv, jsonl or auto".into()),
                }
            }
            // `--key`, `--key=HEX`, `--key-hex`…: refused without echoing the value.
            s if s.starts_with("--key") && s != "--key-file" => {
                return Err(
                    "keys are never taken from the command line: use --key-file or IDENTITAS_KEY"
                        .into(),
                );
            }
            "-h" | "--help" => return Err(String::new()),
            // Only the option name is echoed: `--opt=value` may hold a secret.
            s if s.starts_with("--") => {
                let name = s.split('=').next().unwrap_or(s);
                return Err(format!("unknown option {name}"));
            }
            s => {
                if input.replace(s.to_string()).is_some() {
                    return Err("only one input file".into());
                }
            }
        }
    }
    o.input = input.ok_or("missing input file (use - for stdin)")?;
    Ok(o)
}

/// Picks a format from the file name, else from the first bytes.
fn sniff(name: &str, head: &[u8]) -> Mode {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".csv") || lower.ends_with(".tsv") {
        return Mode::Records(Format::Csv);
    }
    if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
        return Mode::Records(Format::Jsonl);
    }
    let first = head.iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'{') {
        return Mode::Records(Format::Jsonl);
    }
    let line_end = head.iter().position(|&b| b == b'\n').unwrap_or(head.len());
    let line = String::from_utf8_lossy(&head[..line_end]);
    for delim in [',', ';', '\t'] {
        if line.contains(delim)
            && line.split(delim).any(|c| {
                let c = c.trim().trim_matches('"');
                identitas::record::columns::classify(c) != identitas::redact::FieldClass::Other
            })
        {
            return Mode::Records(Format::Csv);
        }
    }
    Mode::Text
}

fn load_key(key_file: Option<&str>) -> Result<Option<Key>, String> {
    if let Some(path) = key_file {
        let bytes = zeroize::Zeroizing::new(
            std::fs::read(path).map_err(|e| format!("cannot read key file: {}", e.kind()))?,
        );
        return Key::from_file_contents(&bytes)
            .map(Some)
            .map_err(|e| format!("key file: {e}"));
    }
    match std::env::var(KEY_ENV) {
        Ok(v) => {
            let v = zeroize::Zeroizing::new(v);
            Key::from_hex(v.as_bytes())
                .map(Some)
                .map_err(|e| format!("{KEY_ENV}: {e}"))
        }
        Err(_) => Ok(None),
    }
}

enum Engine {
    Text(Box<RedactStream>),
    Records(Box<RecordStream>),
}

impl Engine {
    fn push(&mut self, chunk: &[u8], out: &mut Vec<u8>) -> Result<(), String> {
        match self {
            Engine::Text(s) => s.push(chunk, out).map_err(|e| e.to_string()),
            Engine::Records(s) => s.push(chunk, out).map_err(|e| e.to_string()),
        }
    }

    fn finish(&mut self, out: &mut Vec<u8>) -> Result<(), String> {
        match self {
            Engine::Text(s) => s.finish(out).map_err(|e| e.to_string()),
            Engine::Records(s) => s.finish(out).map_err(|e| e.to_string()),
        }
    }
}

/// Runs `identitas redact` with the arguments after `redact`; returns the exit code
/// (0 done, 1 failed while running, 2 usage or configuration error).
pub fn run(args: &[String]) -> i32 {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    run_with(
        args,
        &mut stdin.lock(),
        &mut stdout.lock(),
        &mut stderr.lock(),
    )
}

/// [`run`] with explicit streams (`-` reads `stdin`), for tests and embedding.
pub fn run_with(
    args: &[String],
    stdin: &mut dyn Read,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> i32 {
    let opts = match parse_args(args) {
        Ok(o) => o,
        Err(msg) => {
            if !msg.is_empty() {
                let _ = writeln!(stderr, "identitas redact: {msg}");
            }
            let _ = stderr.write_all(USAGE.as_bytes());
            return 2;
        }
    };
    let fail = |stderr: &mut dyn Write, msg: &str, code: i32| {
        let _ = writeln!(stderr, "identitas redact: {msg}");
        code
    };
    let mut policy = match &opts.policy {
        None => Policy::default(),
        Some(path) => match std::fs::read_to_string(path) {
            Err(e) => return fail(stderr, &format!("cannot read policy: {}", e.kind()), 2),
            Ok(text) => match Policy::from_json(&text) {
                Ok(p) => p,
                Err(e) => return fail(stderr, &e.to_string(), 2),
            },
        },
    };
    match load_key(opts.key_file.as_deref()) {
        Ok(Some(key)) => policy.set_key(&key),
        Ok(None) => {}
        Err(msg) => return fail(stderr, &msg, 2),
    }
    let redactor = match Redactor::new(policy) {
        Ok(r) => r,
        Err(e) => {
            return fail(stderr, &format!("{e}: use --key-file or {KEY_ENV}"), 2);
        }
    };
    let mut file;
    let input: &mut dyn Read = if opts.input == "-" {
        stdin
    } else {
        file = match std::fs::File::open(&opts.input) {
            Ok(f) => f,
            Err(e) => return fail(stderr, &format!("cannot open input: {}", e.kind()), 2),
        };
        &mut file
    };
    let mut buf = vec![0u8; CHUNK];
    let mut first = true;
    let mut engine: Option<Engine> = None;
    let mut redactor = Some(redactor);
    let mut out = Vec::with_capacity(CHUNK + 4096);
    loop {
        let n = match input.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return fail(stderr, &format!("read error: {}", e.kind()), 1),
        };
        if first {
            first = false;
            let mode = match opts.mode {
                Mode::Auto => sniff(&opts.input, &buf[..n]),
                m => m,
            };
            engine = redactor.take().map(|r| match mode {
                Mode::Records(f) => Engine::Records(Box::new(RecordStream::new(r, f))),
                _ => Engine::Text(Box::new(RedactStream::new(r))),
            });
        }
        let Some(e) = engine.as_mut() else { break };
        if let Err(msg) = e.push(&buf[..n], &mut out) {
            report(&engine, stderr);
            return fail(stderr, &msg, 1);
        }
        if stdout.write_all(&out).is_err() {
            return 1;
        }
        out.clear();
    }
    if let Some(e) = engine.as_mut() {
        if let Err(msg) = e.finish(&mut out) {
            report(&engine, stderr);
            return fail(stderr, &msg, 1);
        }
    }
    if stdout.write_all(&out).and_then(|_| stdout.flush()).is_err() {
        return 1;
    }
    report(&engine, stderr);
    0
}

fn report(engine: &Option<Engine>, stderr: &mut dyn Write) {
    if let Some(Engine::Records(s)) = engine {
        for m in s.malformed() {
            let _ = writeln!(
                stderr,
                "identitas redact: line {}: malformed record: {}",
                m.line, m.reason
            );
        }
        let more = s.malformed_count() - s.malformed().len() as u64;
        if more > 0 {
            let _ = writeln!(stderr, "identitas redact: {more} more malformed records");
        }
    }
}
