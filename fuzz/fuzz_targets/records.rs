#![no_main]
//! CSV and JSON-lines record streams: never panic, never error under the
//! default `on_malformed: text`, and give the same output for every chunking.
//! With a small `max_record_bytes` the over-long-record path is exercised too.
use identitas::record::{Format, RecordStream};
use identitas::redact::{OnMalformed, Redactor};
use libfuzzer_sys::fuzz_target;

fn run(policy: &identitas::redact::Policy, format: Format, parts: &[&[u8]]) -> (Vec<u8>, bool) {
    let mut s = RecordStream::new(Redactor::new(policy.clone()).expect("policy"), format);
    let mut out = Vec::new();
    for p in parts {
        if s.push(p, &mut out).is_err() {
            return (out, false);
        }
    }
    let ok = s.finish(&mut out).is_ok();
    (out, ok)
}

fuzz_target!(|data: &[u8]| {
    let (control, input) = identitas_fuzz::split_control(data);
    let format = if control & 1 == 0 {
        Format::Csv
    } else {
        Format::Jsonl
    };
    let mut policy = identitas_fuzz::policy_with(identitas_fuzz::operator_for(control >> 1));
    policy.on_malformed = match (control >> 4) % 3 {
        0 => OnMalformed::Text,
        1 => OnMalformed::Drop,
        _ => OnMalformed::Reject,
    };
    if control & 0x80 != 0 {
        policy.max_record_bytes = 64;
    }
    let (want, ok) = run(&policy, format, &[input]);
    if policy.on_malformed != OnMalformed::Reject {
        assert!(ok, "record stream failed without reject");
    }
    if ok {
        let (got, ok2) = run(&policy, format, &identitas_fuzz::chunks(input, control));
        assert!(ok2, "chunked run failed where the one-shot did not");
        assert_eq!(got, want, "chunked != one-shot");
    }
});
