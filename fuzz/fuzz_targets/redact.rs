#![no_main]
//! Redactor invariants on free text, for every operator:
//! * mask and pseudonym keep the length; bytes outside findings never change;
//! * in-place redaction equals redaction into a buffer (length-preserving ops);
//! * masking is idempotent and no finding of the input survives in clear
//!   (the output is re-scanned: no span the input had as a finding is found again
//!   with the same digits);
//! * pseudonyms decrypt back to the original value;
//! * placeholders and tokens leave no finding of the input in the output.
use identitas::redact::{self, Operator, Redactor};
use identitas::{Finding, Scanner};
use libfuzzer_sys::fuzz_target;

fn digits(b: &[u8]) -> Vec<u8> {
    b.iter()
        .copied()
        .filter(u8::is_ascii_alphanumeric)
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let (control, input) = identitas_fuzz::split_control(data);
    let op = identitas_fuzz::operator_for(control);
    let policy = identitas_fuzz::policy_with(op);
    let scanner = Scanner::new();
    let found: Vec<Finding> = scanner.scan(input);
    let mut r = match Redactor::new(policy.clone()) {
        Ok(r) => r,
        Err(e) => panic!("keyed policy refused: {e}"),
    };
    let mut out = Vec::new();
    r.redact_text(input, &mut out).expect("redact_text failed");

    let secrets: Vec<Vec<u8>> = found
        .iter()
        .map(|f| digits(&input[f.start..f.end]))
        .collect();
    let again = scanner.scan(&out);
    let length_preserving = op.is_length_preserving();
    if length_preserving {
        assert_eq!(out.len(), input.len(), "length changed");
        let mut pos = 0;
        for f in &found {
            assert_eq!(
                out[pos..f.start],
                input[pos..f.start],
                "bytes outside findings changed"
            );
            pos = f.end;
        }
        assert_eq!(
            out[pos..],
            input[pos..],
            "bytes after the last finding changed"
        );
        let mut in_place = input.to_vec();
        r.redact_text_in_place(&mut in_place)
            .expect("in place failed");
        assert_eq!(in_place, out, "in place != into buffer");
    }
    match op {
        Operator::Mask(_) => {
            for g in &again {
                let d = digits(&out[g.start..g.end]);
                assert!(!secrets.contains(&d), "a found value survives masking");
            }
            // Known gap: a value touching a finding (`1985… 200(021) 5550123`,
            // digits glued to a bracketed area code) may only be seen once its
            // neighbour is masked. Such cases are left out of the idempotence
            // check; everything else must be stable under a second pass.
            const NEAR: usize = 4;
            let overlapping = again.iter().any(|g| {
                found
                    .iter()
                    .any(|f| g.start < f.end + NEAR && f.start < g.end + NEAR)
            });
            if !overlapping {
                let mut twice = Vec::new();
                r.redact_text(&out, &mut twice).expect("second pass failed");
                assert_eq!(twice, out, "masking is not idempotent");
            }
        }
        Operator::Pseudonym => {
            let keys = policy.keys().expect("keyed");
            for f in &found {
                let mut v = out[f.start..f.end].to_vec();
                let orig = &input[f.start..f.end];
                if v.iter().any(|&b| b == b'*') {
                    continue; // no pseudonym for this value: masked instead
                }
                if redact::unpseudonymise(keys, f.kind, &mut v).is_ok() {
                    assert_eq!(v, orig, "pseudonym does not decrypt");
                }
            }
        }
        _ => {
            for g in &again {
                let d = digits(&out[g.start..g.end]);
                assert!(!secrets.contains(&d), "a found value survives {op:?}");
            }
        }
    }
});
