//! Profiling harness: scans the bench data once (for callgrind instruction counts).
//! `cargo run --release --example scan_profile -- csv|prose|rprose|pat:STRING [bytes]`
#[path = "../benches/common/rng.rs"]
mod rng;
use identitas::Scanner;
use rng::Rng;

fn luhn_digit(prefix: &str) -> u8 {
    // Check digit that makes prefix + digit pass Luhn.
    (0..10u8)
        .find(|c| identitas::digits::luhn_valid(format!("{prefix}{c}").as_bytes()))
        .unwrap()
}

fn nik(r: &mut Rng, female: bool) -> String {
    let prov = r.pick(&["31", "32", "33", "35", "36", "51", "64", "73", "91", "92"]);
    let day = 1 + r.below(28) + if female { 40 } else { 0 };
    format!(
        "{prov}{:02}{:02}{day:02}{:02}{:02}{:04}",
        1 + r.below(20),
        1 + r.below(20),
        1 + r.below(12),
        r.below(100),
        1 + r.below(9000)
    )
}

fn npwp(r: &mut Rng) -> String {
    let head = format!("{:02}{}", r.below(100), r.digits(6));
    let c = luhn_digit(&head);
    format!(
        "{}.{}.{}.{c}-{}.000",
        &head[..2],
        &head[2..5],
        &head[5..8],
        r.digits(3)
    )
}

const NAMES: &[&str] = &[
    "Budi Santoso",
    "Siti Aminah",
    "Agus Salim",
    "Dewi Lestari",
    "Rina Wati",
    "Joko Widodo",
    "Putri Ayu",
    "Bambang Susilo",
    "Nur Hidayah",
    "Eko Prasetyo",
];
const STREETS: &[&str] = &[
    "Jl. Merdeka",
    "Jl. Sudirman",
    "Jl. Diponegoro",
    "Jl. Gatot Subroto",
    "Gg. Mawar",
];

/// Leak-like CSV: every row full of identifiers.
fn leak_csv(bytes: usize) -> (Vec<u8>, usize) {
    let mut r = Rng(SEED);
    let mut out = String::from("noka,nik,nama,tgl_lahir,alamat,no_hp,email,no_kk,npwp\n");
    let mut rows = 0;
    while out.len() < bytes {
        let name = r.pick(NAMES);
        let user: String = name.to_lowercase().replace(' ', ".");
        let female = r.below(2) == 0;
        out.push_str(&format!(
            "00{},{},{name},{}-{:02}-{:02},\"{} No. {}, RT {:03}/RW {:03}\",08{}{},{user}{}@{},{},{}\n",
            r.digits(11),
            nik(&mut r, female),
            1950 + r.below(60),
            1 + r.below(12),
            1 + r.below(28),
            r.pick(STREETS),
            1 + r.below(200),
            1 + r.below(20),
            1 + r.below(20),
            r.pick(&["12", "13", "21", "52", "57", "77", "95"]),
            r.digits(8),
            r.below(1000),
            r.pick(&["gmail.com", "yahoo.co.id", "mail.go.id"]),
            nik(&mut r, false),
            npwp(&mut r),
        ));
        rows += 1;
    }
    (out.into_bytes(), rows)
}

/// The fixed seed.
const SEED: u64 = 0x5eed_1d3a_7e57_0001;

/// Indonesian prose with few digits and the odd identifier.
fn prose(bytes: usize) -> (Vec<u8>, usize) {
    const WORDS: &[&str] = &[
        "yang",
        "dan",
        "di",
        "ini",
        "itu",
        "dengan",
        "untuk",
        "tidak",
        "dari",
        "dalam",
        "akan",
        "pada",
        "juga",
        "saya",
        "ke",
        "karena",
        "tersebut",
        "bisa",
        "ada",
        "mereka",
        "lebih",
        "pemerintah",
        "kesehatan",
        "pelayanan",
        "masyarakat",
        "rumah",
        "sakit",
        "pasien",
        "peserta",
        "program",
        "daerah",
        "kabupaten",
        "provinsi",
        "menurut",
        "kepala",
        "dinas",
        "data",
        "pribadi",
        "perlindungan",
        "undang-undang",
        "tahun",
        "bulan",
        "hari",
        "sudah",
    ];
    let mut r = Rng(SEED ^ 0xabcdef);
    let mut out = String::new();
    let mut ids = 0;
    let mut sentence = 0;
    while out.len() < bytes {
        let n = 8 + r.below(14);
        for i in 0..n {
            let w = r.pick(WORDS);
            if i == 0 {
                let mut c = w.chars();
                let first = c.next().unwrap().to_uppercase().collect::<String>();
                out.push_str(&first);
                out.push_str(c.as_str());
            } else {
                out.push(' ');
                out.push_str(w);
            }
        }
        sentence += 1;
        match sentence % 40 {
            7 => out.push_str(&format!(" pada tahun {}", 1990 + r.below(35))),
            19 => out.push_str(&format!(
                " sebesar Rp {}.{:03}.000",
                1 + r.below(99),
                r.below(1000)
            )),
            31 => {
                out.push_str(&format!(", NIK {}", nik(&mut r, true)));
                ids += 1;
            }
            _ => {}
        }
        out.push_str(if r.below(5) == 0 { ".\n" } else { ". " });
    }
    (out.into_bytes(), ids)
}

// The redact bench's prose (dense: one word in twenty an identifier).
const REGIONS: [&str; 6] = ["317101", "327305", "910901", "657101", "927101", "351501"];
const WORDS: [&str; 12] = [
    "pasien", "dirujuk", "ke", "poli", "dalam", "dengan", "keluhan", "demam", "batuk", "sejak",
    "hari", "kontrol",
];

fn rnik(r: &mut Rng) -> String {
    let day = 1 + r.below(28) + if r.below(2) == 0 { 40 } else { 0 };
    format!(
        "{}{:02}{:02}{:02}{:04}",
        REGIONS[r.below(6) as usize],
        day,
        1 + r.below(12),
        r.below(100),
        1 + r.below(9999)
    )
}

fn phone(r: &mut Rng) -> String {
    format!("0812-{:04}-{:04}", r.below(10000), r.below(10000))
}

fn redact_prose(size: usize) -> Vec<u8> {
    let mut r = Rng(42);
    let mut s = String::new();
    while s.len() < size {
        match r.below(20) {
            0 => s.push_str(&rnik(&mut r)),
            1 => s.push_str(&phone(&mut r)),
            2 => s.push_str(&format!("user{}@contoh.co.id", r.below(1000))),
            _ => s.push_str(WORDS[r.below(12) as usize]),
        }
        s.push(if r.below(15) == 0 { '\n' } else { ' ' });
    }
    s.into_bytes()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let which = args.get(1).map(String::as_str).unwrap_or("csv");
    let bytes: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1 << 20);
    let data = if which == "csv" {
        leak_csv(bytes).0
    } else if which == "rprose" {
        redact_prose(bytes)
    } else if which == "prose" {
        prose(bytes).0
    } else if let Some(p) = which.strip_prefix("pat:") {
        p.bytes().cycle().take(bytes).collect()
    } else {
        panic!("csv|prose|pat:X");
    };
    let s = Scanner::new();
    if args.get(3).map(String::as_str) == Some("time") {
        // Wall clock: the scan alone, and the scan after a separate memchr3 pass.
        for round in 0..3 {
            let t = std::time::Instant::now();
            for _ in 0..20 {
                let mut n = 0usize;
                s.scan_with(std::hint::black_box(&data), None, &mut |_| n += 1);
                std::hint::black_box(n);
            }
            let a = t.elapsed();
            let t = std::time::Instant::now();
            for _ in 0..20 {
                let mut n = 0usize;
                let hit = memchr::memchr3(0xEF, 0xD9, 0xDB, std::hint::black_box(&data));
                s.scan_with(std::hint::black_box(&data), None, &mut |_| n += 1);
                std::hint::black_box((n, hit));
            }
            let b = t.elapsed();
            let gbs = |d: std::time::Duration| 20.0 * data.len() as f64 / d.as_secs_f64() / 1e9;
            println!(
                "round {round}: fused {:.2} GB/s, with extra pass {:.2} GB/s",
                gbs(a),
                gbs(b)
            );
        }
        return;
    }
    let mut n = 0usize;
    s.scan_with(std::hint::black_box(&data), None, &mut |_| n += 1);
    println!("{} bytes, {n} findings", data.len());
}
