//! Secret keys: taken from a file or the environment only, refused with clear
//! messages when malformed (never echoing key bytes), and wiped from memory on drop.
#![cfg(feature = "std")]

use identitas::redact::{Key, KeyError, Keys, Operator, Policy, Redactor};

const HEX_KEY: &str = "4f1c2a9e0b7d35e8a1c4f9026b3d7e5a9c0e1f2a3b4c5d6e7f8091a2b3c4d5e6";

/// The bytes of `value`'s own storage right after it is dropped in place.
fn bytes_after_drop<T>(value: T) -> (Vec<u8>, Vec<u8>) {
    let mut slot = core::mem::MaybeUninit::new(value);
    let size = core::mem::size_of::<T>();
    // SAFETY: `slot` is initialised and `size` bytes long; bytes of any value are readable.
    let before = unsafe { core::slice::from_raw_parts(slot.as_ptr().cast::<u8>(), size) }.to_vec();
    // SAFETY: dropped exactly once; the storage stays ours (MaybeUninit never drops).
    unsafe { core::ptr::drop_in_place(slot.as_mut_ptr()) };
    // SAFETY: the storage is still allocated; we only read its bytes.
    let after = unsafe { core::slice::from_raw_parts(slot.as_ptr().cast::<u8>(), size) }.to_vec();
    (before, after)
}

#[test]
fn key_bytes_are_wiped_on_drop() {
    let key = Key::from_hex(HEX_KEY.as_bytes()).unwrap();
    let (before, after) = bytes_after_drop(key);
    assert!(before.iter().any(|&b| b != 0));
    assert!(
        after.iter().all(|&b| b == 0),
        "Key storage not zeroised: {after:?}"
    );
}

/// Watches deallocations of the AES key schedule's size on the current thread: whether
/// each such block was all zero when freed (the schedule is wiped before it is freed).
mod watch {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::Cell;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Size of the heap block holding an AES key schedule (15 round keys of 16 bytes).
    pub const SCHEDULE_BYTES: usize = 240;

    pub struct Watch;
    pub static WIPED: AtomicUsize = AtomicUsize::new(0);
    pub static NOT_WIPED: AtomicUsize = AtomicUsize::new(0);
    thread_local! {
        pub static ON: Cell<bool> = const { Cell::new(false) };
    }

    // SAFETY: forwards to the system allocator; only reads a block before freeing it.
    unsafe impl GlobalAlloc for Watch {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            // SAFETY: the caller's contract.
            unsafe { System.alloc(layout) }
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            if layout.size() == SCHEDULE_BYTES && ON.try_with(Cell::get).unwrap_or(false) {
                // SAFETY: the block is still allocated and `size` bytes long.
                let bytes = unsafe { core::slice::from_raw_parts(ptr, layout.size()) };
                let counter = if bytes.iter().all(|&b| b == 0) {
                    &WIPED
                } else {
                    &NOT_WIPED
                };
                counter.fetch_add(1, Ordering::SeqCst);
            }
            // SAFETY: the caller's contract.
            unsafe { System.dealloc(ptr, layout) }
        }
    }
}

#[global_allocator]
static ALLOC: watch::Watch = watch::Watch;

#[test]
fn derived_keys_are_wiped_on_drop() {
    use std::sync::atomic::Ordering;
    let keys = Keys::new(&Key::from_hex(HEX_KEY.as_bytes()).unwrap());
    // A clone is a second schedule: both are wiped.
    let copy = keys.clone();
    watch::ON.with(|on| on.set(true));
    let (before, after) = bytes_after_drop(keys);
    drop(copy);
    watch::ON.with(|on| on.set(false));
    // Inline: the token key (32 bytes) is zeroised; what stays is the pointer to the
    // schedule and two small integers, no key material.
    let secret_before = before.iter().filter(|&&b| b != 0).count();
    let left = after.iter().filter(|&&b| b != 0).count();
    assert!(secret_before >= 30, "{before:?}");
    assert!(left <= 16, "{left} non-zero bytes left inline: {after:?}");
    // On the heap: the AES-256 schedule (the only copy of the FF1 key) is all zero
    // when freed, for the value and its clone.
    assert!(watch::WIPED.load(Ordering::SeqCst) >= 2);
    assert_eq!(watch::NOT_WIPED.load(Ordering::SeqCst), 0);
}

#[test]
fn wrong_key_sizes_give_clear_errors_without_key_bytes() {
    let long = format!("{HEX_KEY}00");
    let cases: &[(&[u8], KeyError)] = &[
        (
            b"",
            KeyError::WrongLength {
                found: 0,
                unit: "hex digits",
            },
        ),
        (
            b"00112233",
            KeyError::WrongLength {
                found: 8,
                unit: "hex digits",
            },
        ),
        (
            &HEX_KEY.as_bytes()[..63],
            KeyError::WrongLength {
                found: 63,
                unit: "hex digits",
            },
        ),
        (
            long.as_bytes(),
            KeyError::WrongLength {
                found: 66,
                unit: "hex digits",
            },
        ),
        (
            b"4f1c2a9e0b7d35e8 a1c4",
            KeyError::InvalidHex { position: 16 },
        ),
        (&[0x01; 32], KeyError::Weak),
    ];
    for (input, want) in cases {
        let got = Key::from_file_contents(input).unwrap_err();
        assert_eq!(got, *want);
        let shown = got.to_string();
        assert!(!shown.contains("4f1c2a9e"), "{shown}");
    }
    assert_eq!(
        Key::from_bytes(&[7; 16]).unwrap_err().to_string(),
        "key must be 32 bytes or 64 hex digits, found 16 bytes"
    );
    assert_eq!(
        format!("{:?}", Key::from_hex(HEX_KEY.as_bytes()).unwrap()),
        "Key(<secret>)"
    );
}

#[test]
fn policies_and_redactors_never_show_keys() {
    let mut p = Policy::default();
    p.set_all(Operator::Token);
    assert!(
        Redactor::new(p.clone()).is_err(),
        "token without a key is refused"
    );
    p.set_key(&Key::from_hex(HEX_KEY.as_bytes()).unwrap());
    let shown = format!("{p:?} {:?}", Redactor::new(p.clone()).unwrap());
    assert!(!shown.to_lowercase().contains("4f1c2a9e"), "{shown}");
    assert!(
        shown.contains("<secret>") || !shown.contains("token:"),
        "{shown}"
    );
}

#[cfg(feature = "cli")]
mod cli {
    use std::io::Write;
    use std::process::{Command, Stdio};

    use super::HEX_KEY;

    fn redact(args: &[&str], env_key: Option<&str>, stdin: &[u8]) -> (i32, String, String) {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_identitas"));
        cmd.arg("redact").args(args);
        cmd.env_remove("IDENTITAS_KEY");
        if let Some(k) = env_key {
            cmd.env("IDENTITAS_KEY", k);
        }
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The child may refuse its arguments before reading: ignore a broken pipe.
        let _ = child.stdin.take().unwrap().write_all(stdin);
        let out = child.wait_with_output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into(),
            String::from_utf8_lossy(&out.stderr).into(),
        )
    }

    fn token_policy(dir: &std::path::Path) -> String {
        let p = dir.join("policy.json");
        std::fs::write(&p, r#"{"kinds": {"nik": "token"}}"#).unwrap();
        p.to_string_lossy().into()
    }

    fn tempdir(name: &str) -> std::path::PathBuf {
        let d =
            std::env::temp_dir().join(format!("identitas-secrets-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn keys_on_the_command_line_are_refused_without_echo() {
        let eq = format!("--key={HEX_KEY}");
        let hex = format!("--key-hex={HEX_KEY}");
        let other = format!("--secret={HEX_KEY}");
        for args in [
            vec!["--key", HEX_KEY, "-"],
            vec![eq.as_str(), "-"],
            vec![hex.as_str(), "-"],
            vec![other.as_str(), "-"],
        ] {
            let (code, out, err) = redact(&args, None, b"3171011708450001\n");
            assert_eq!(code, 2, "{args:?}");
            assert!(out.is_empty());
            assert!(!err.contains(&HEX_KEY[..16]), "key echoed: {err}");
        }
    }

    #[test]
    fn key_from_file_or_environment() {
        let dir = tempdir("ok");
        let policy = token_policy(&dir);
        let key_file = dir.join("key.hex");
        std::fs::write(&key_file, format!("{HEX_KEY}\n")).unwrap();
        let kf = key_file.to_string_lossy().to_string();
        let (code, from_file, err) = redact(
            &[
                "--policy",
                &policy,
                "--key-file",
                &kf,
                "--format",
                "text",
                "-",
            ],
            None,
            b"NIK 3171011708450001\n",
        );
        assert_eq!(code, 0, "{err}");
        assert!(from_file.starts_with("NIK [NIK:"), "{from_file}");
        let (code, from_env, err) = redact(
            &["--policy", &policy, "--format", "text", "-"],
            Some(HEX_KEY),
            b"NIK 3171011708450001\n",
        );
        assert_eq!(code, 0, "{err}");
        assert_eq!(from_env, from_file, "same key, same token");
        // Without a key the token policy is refused up front.
        let (code, out, err) = redact(&["--policy", &policy, "-"], None, b"NIK 3171011708450001\n");
        assert_eq!(code, 2);
        assert!(out.is_empty());
        assert!(err.contains("key"), "{err}");
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn malformed_keys_give_clear_errors() {
        let dir = tempdir("bad");
        let policy = token_policy(&dir);
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (HEX_KEY.as_bytes()[..62].to_vec(), "found 62 hex digits"),
            (vec![0u8; 32], "constant byte string"),
            (vec![b'a'; 31], "found 31 hex digits"),
            (b"zz".repeat(32), "invalid hex digit at byte 0"),
            (Vec::new(), "found 0 hex digits"),
        ];
        for (i, (content, want)) in cases.iter().enumerate() {
            let f = dir.join(format!("key{i}"));
            std::fs::write(&f, content).unwrap();
            let (code, out, err) = redact(
                &["--policy", &policy, "--key-file", &f.to_string_lossy(), "-"],
                None,
                b"x\n",
            );
            assert_eq!(code, 2, "{want}");
            assert!(out.is_empty());
            assert!(
                err.contains("key file") && err.contains(want),
                "{want}: {err}"
            );
        }
        let (code, _, err) = redact(
            &["--policy", &policy, "--key-file", "/nonexistent/key", "-"],
            None,
            b"x\n",
        );
        assert_eq!(code, 2);
        assert!(err.contains("cannot read key file"), "{err}");
        let (code, _, err) = redact(&["--policy", &policy, "-"], Some(&HEX_KEY[..40]), b"x\n");
        assert_eq!(code, 2);
        assert!(
            err.contains("IDENTITAS_KEY") && err.contains("found 40 hex digits"),
            "{err}"
        );
        assert!(!err.contains(&HEX_KEY[..16]), "{err}");
        let _ = std::fs::remove_dir_all(dir);
    }
}
