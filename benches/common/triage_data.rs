//! The leak-like CSV of the triage bench (13 BPJS-dump-like columns, quoted addresses,
//! real district codes, ~5 % invalid NIKs, some duplicates), from a fixed seed; shared
//! by benches/triage.rs and examples/triage_profile.rs.

use super::rng::Rng;
use identitas::region;

fn district_codes() -> Vec<String> {
    let mut codes = Vec::new();
    for (p, _) in region::provinces() {
        for r in 1..100 {
            for d in 1..30 {
                let code = format!("{p:02}{r:02}{d:02}");
                if region::lookup(&code).and_then(|x| x.district()).is_some() {
                    codes.push(code);
                }
            }
        }
    }
    codes
}

const NAMES: [&str; 8] = ["Budi", "Siti", "Agus", "Dewi", "Rina", "Joko", "Ayu", "Eko"];

pub fn leak_csv(target_bytes: usize) -> Vec<u8> {
    let codes = district_codes();
    let mut rng = Rng(0x7121_0520);
    let mut out = String::with_capacity(target_bytes + 512);
    out.push_str("noka,nik,nama,tgl_lahir,jenis_kelamin,alamat,no_hp,email,kode_kantor,status_bayar,hubungan_keluarga,no_kk,npwp\n");
    let mut last = String::new();
    while out.len() < target_bytes {
        if rng.below(50) == 0 && !last.is_empty() {
            out.push_str(&last.clone());
            continue;
        }
        let code = &codes[rng.below(codes.len() as u64) as usize];
        let female = rng.below(2) == 1;
        let (y, m, d) = (1940 + rng.below(84), 1 + rng.below(12), 1 + rng.below(28));
        let day = if rng.below(20) == 0 {
            35
        } else {
            d + if female { 40 } else { 0 }
        };
        let nik = format!(
            "{code}{day:02}{m:02}{:02}{:04}",
            y % 100,
            1 + rng.below(999)
        );
        let kk = format!(
            "{code}{:02}{:02}{:02}{:04}",
            1 + rng.below(28),
            1 + rng.below(12),
            5 + rng.below(19),
            1 + rng.below(9999)
        );
        let name = NAMES[rng.below(8) as usize];
        let line = format!(
            "000{:010},{nik},{name} Santoso,{y}-{m:02}-{d:02},{},\"Jl. Melati No. {}, RT 00{}/RW 00{}\",0812{:08},{}.s{}@gmail.com,{:04},LUNAS,Anak,{kk},\n",
            rng.below(10_000_000_000),
            if female { "P" } else { "L" },
            rng.below(200),
            rng.below(9),
            rng.below(9),
            rng.below(100_000_000),
            name.to_lowercase(),
            rng.below(99),
            rng.below(2000),
        );
        out.push_str(&line);
        last = line;
    }
    out.into_bytes()
}
