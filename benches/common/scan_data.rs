//! Synthetic data of the scan bench (leak-like CSV and prose), fixed seed; shared with
//! `examples/scan_profile.rs` so the profile scans exactly what the bench times.
#![allow(dead_code)]

use super::rng::Rng;

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
pub fn leak_csv(bytes: usize) -> (Vec<u8>, usize) {
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
pub fn prose(bytes: usize) -> (Vec<u8>, usize) {
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
