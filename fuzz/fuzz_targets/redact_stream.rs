#![no_main]
//! RedactStream over random chunkings gives exactly the one-shot redaction, for
//! every operator (numbered placeholders included: numbering follows the stream).
use identitas::redact::{RedactStream, Redactor};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (control, input) = identitas_fuzz::split_control(data);
    let op = identitas_fuzz::operator_for(control);
    let policy = identitas_fuzz::policy_with(op);
    let mut one = Redactor::new(policy.clone()).expect("policy");
    let mut want = Vec::new();
    one.redact_text(input, &mut want).expect("one-shot");
    let mut stream = RedactStream::new(Redactor::new(policy).expect("policy"));
    let mut got = Vec::new();
    for chunk in identitas_fuzz::chunks(input, control.rotate_left(3)) {
        stream.push(chunk, &mut got).expect("push");
        assert!(got.len() <= input.len() * 40 + 64, "output ran away");
    }
    stream.finish(&mut got).expect("finish");
    assert_eq!(got, want, "stream != one-shot");
});
