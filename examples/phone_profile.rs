//! Profiling harness: validates typical written phone numbers in a loop (for
//! callgrind instructions per call). `cargo run --release --example phone_profile -- [form] [calls]`
//! where form is one of `local`, `wa`, `plus`, `dashed`, `area`, `mix` (default).
use std::hint::black_box;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let form = args.get(1).map_or("mix", String::as_str);
    let calls: usize = args
        .get(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let forms: &[&str] = match form {
        "local" => &["081234567890"],
        "wa" => &["6281234567890"],
        "plus" => &["+6281234567890"],
        "dashed" => &["0812-3456-7890"],
        "area" => &["(021) 5550123"],
        _ => &[
            "081234567890",
            "6281234567890",
            "+6281234567890",
            "0812-3456-7890",
            "(021) 5550123",
        ],
    };
    let mut valid = 0usize;
    for i in 0..calls {
        let s = forms[i % forms.len()];
        valid += usize::from(identitas::phone::is_valid(black_box(s.as_bytes())));
    }
    println!("{valid} of {calls} valid");
}
