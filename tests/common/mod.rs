//! The harness shared by the end-to-end tests of the `saylau` binary.

#![allow(dead_code)] // Each test binary uses its own subset.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What one run of the binary gave.
#[derive(Debug)]
pub struct Run {
    /// The exit code.
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

/// Runs `saylau ARGS` in the crate's root with `stdin` as standard input.
/// Every run is checked for panics and backtraces.
pub fn run_bytes(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_saylau"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the saylau binary starts");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    let data = stdin.to_vec();
    // The binary may exit before reading everything: ignore a closed pipe.
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&data);
    });
    let out = child.wait_with_output().expect("the saylau binary runs");
    writer.join().expect("the stdin writer finishes");
    let run = Run {
        code: out.status.code().expect("saylau was not killed by a signal"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    for text in [&run.stdout, &run.stderr] {
        assert!(!text.contains("panicked"), "panic in {args:?}: {run:?}");
        assert!(!text.contains("RUST_BACKTRACE"), "backtrace hint in {args:?}: {run:?}");
    }
    run
}

/// Runs `saylau ARGS` with text on standard input.
pub fn run(args: &[&str], stdin: &str) -> Run {
    run_bytes(args, stdin.as_bytes())
}

/// Asserts a failure with `code` whose message starts `saylau: error: ` and
/// contains every one of `needles`; stdout stays empty.
pub fn assert_fails(r: &Run, code: i32, needles: &[&str]) {
    assert_eq!(r.code, code, "{r:?}");
    assert!(r.stderr.starts_with("saylau: error: "), "{r:?}");
    for needle in needles {
        assert!(r.stderr.contains(needle), "stderr lacks {needle:?}: {}", r.stderr);
    }
    assert!(r.stdout.is_empty(), "{r:?}");
}

/// A fresh path in the test scratch directory, unique to this process and
/// to the calling test file: the modules of one test crate share a process,
/// so two of them asking for the same `name` still get different paths.
#[track_caller]
pub fn scratch(name: &str) -> PathBuf {
    let file = std::panic::Location::caller().file();
    let module = Path::new(file).file_stem().and_then(|s| s.to_str()).unwrap_or("test");
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("saylau-{}-{module}-{name}", std::process::id()))
}
