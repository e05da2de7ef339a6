//! No input may panic the score and response parsers: random bytes and mutated valid files, many times.

use prongsai_domain::Catalog;
use prongsai_import::{parse_responses, parse_score_file};

/// splitmix64: a tiny deterministic generator, so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap_or(0)
    }
}

const PIECES: &[&[u8]] = &[
    b"code",
    b"score",
    b",",
    b"\n",
    b"\r\n",
    b"\"",
    b"i1",
    b"e9",
    b"EP3",
    b"O12",
    b"ind10",
    b"\xE0\xB9\x91",
    "๙๙.๓๘".as_bytes(),
    "มี".as_bytes(),
    "ไม่มี".as_bytes(),
    b"100",
    b"-1",
    b"1e308",
    b"NaN",
    b"PK\x03\x04",
    b"\xEF\xBB\xBF",
    b"\xFF",
    b"\x00",
    b" ",
    b";",
    b"\t",
    "มากที่สุด".as_bytes(),
    b"4",
    b"respondent",
];

fn mutate(rng: &mut Rng, base: &[u8]) -> Vec<u8> {
    let mut v = base.to_vec();
    for _ in 0..=rng.below(6) {
        match rng.below(4) {
            0 if !v.is_empty() => {
                let at = rng.below(v.len());
                v.remove(at);
            }
            1 => {
                let at = rng.below(v.len() + 1);
                let piece = PIECES[rng.below(PIECES.len())];
                v.splice(at..at, piece.iter().copied());
            }
            2 if !v.is_empty() => {
                let at = rng.below(v.len());
                v[at] = u8::try_from(rng.next() & 0xFF).unwrap_or(0);
            }
            _ => {
                let cut = rng.below(v.len() + 1);
                v.truncate(cut);
            }
        }
    }
    v
}

#[test]
fn parsers_never_panic() {
    let catalog = Catalog::embedded().expect("catalog");
    let fw = catalog.framework(2568).expect("2568");
    let scores = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/seed001-2568.csv"
    ))
    .expect("example");
    let responses = "respondent,i1,i2,i3,e1\nr1,4,มาก,ใช่,1\nr2,,2,ไม่ใช่,4\n".as_bytes();
    let mut rng = Rng(0x0070_726F_6E67);
    let (mut ok, mut err) = (0, 0);
    for i in 0..3000 {
        let input = match i % 3 {
            0 => mutate(&mut rng, &scores),
            1 => mutate(&mut rng, responses),
            _ => (0..rng.below(200))
                .flat_map(|_| PIECES[rng.below(PIECES.len())].iter().copied())
                .collect(),
        };
        for result in [
            parse_score_file("fuzz.csv", &input, fw).map(|_| ()),
            parse_responses("fuzz.csv", &input, fw).map(|_| ()),
        ] {
            match result {
                Ok(()) => ok += 1,
                Err(e) => {
                    assert!(!e.0.is_empty(), "an error must say something");
                    assert!(
                        e.0.iter()
                            .all(|l| l.file == "fuzz.csv" && !l.message.is_empty())
                    );
                    err += 1;
                }
            }
        }
    }
    // Both outcomes occur, so the generator exercises real parsing, not only early rejection.
    assert!(ok > 50 && err > 50, "ok {ok}, err {err}");
}

#[test]
fn framework_loader_never_panics_on_mutated_files() {
    let text = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../catalog/2567.toml"
    ))
    .expect("catalog");
    let mut rng = Rng(42);
    for _ in 0..400 {
        let bytes = mutate(&mut rng, &text);
        let s = String::from_utf8_lossy(&bytes);
        if let Err(e) = prongsai_domain::framework::parse_framework("catalog/2567.toml", &s) {
            assert!(
                e.0.iter()
                    .all(|p| p.file == "catalog/2567.toml" && !p.message.is_empty())
            );
        }
    }
}
