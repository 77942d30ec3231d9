#![no_main]
//! StreamScanner over random chunkings gives exactly the one-shot findings,
//! with `safe_offset` never passing a finding that is emitted later.
use identitas::scan::{Scanner, StreamScanner};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (seed, input) = identitas_fuzz::split_control(data);
    let scanner = Scanner::new();
    let whole = scanner.scan(input);
    let mut stream = StreamScanner::new(scanner);
    let mut got = Vec::new();
    let mut safe = 0;
    for chunk in identitas_fuzz::chunks(input, seed) {
        stream.push(chunk, &mut |f| {
            assert!(f.start >= safe, "finding before the safe offset");
            got.push(f);
        });
        assert!(stream.safe_offset() >= safe, "safe offset went back");
        safe = stream.safe_offset();
        assert!(safe <= stream.offset());
    }
    stream.finish(&mut |f| got.push(f));
    assert_eq!(got, whole, "stream != one-shot");
});
