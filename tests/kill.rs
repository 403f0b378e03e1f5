//! Kill -9 at random moments: afterwards the metabase is byte-equal to the old
//! or the new version, every listed backup is complete, and the next run removes
//! the leftover temporary file. Deterministic seed (printed on failure).
#![cfg(unix)]

mod common;

use std::time::{Duration, Instant};

use common::Work;
use metabase_fix::synth::{metabase, SmtpForm};
use sha2::{Digest, Sha256};

const TRIALS: u32 = 100;
const SIZE: usize = 4 << 20;

/// xorshift64*: enough randomness for kill delays, and reproducible.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

fn hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn kill_at_random_moments_leaves_old_or_new() {
    let seed = 820_284u64;
    let old = metabase(SIZE, SmtpForm::Unset);
    let w = Work::with_bytes(&old);
    // The new version, from one uninterrupted run (timed to spread the kills).
    let start = Instant::now();
    w.cmd().args(["set-dns-mode", "2"]).assert().success();
    let full_run = start.elapsed();
    let new = w.bytes();
    assert_ne!(new, old);

    let mut rng = Rng(seed);
    let (mut saw_old, mut saw_new, mut leftovers) = (0, 0, 0);
    let mut checked = std::collections::HashSet::new();
    for trial in 0..TRIALS {
        std::fs::write(&w.file, &old).unwrap();
        // Half the kills anywhere in the run, half in its last 40% (backup, temp write, rename).
        let span = full_run.as_micros() as u64;
        let delay = Duration::from_micros(if trial % 2 == 0 {
            rng.next() % (span * 5 / 4 + 1)
        } else {
            span * 6 / 10 + rng.next() % (span * 5 / 10 + 1)
        });
        let mut child = w.std_cmd().args(["set-dns-mode", "2"]).spawn().unwrap();
        std::thread::sleep(delay);
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let now = w.bytes();
        let what = if now == old {
            saw_old += 1;
            "old"
        } else if now == new {
            saw_new += 1;
            "new"
        } else {
            panic!(
                "seed {seed} trial {trial} (kill after {delay:?}): the file is neither old nor new"
            );
        };
        leftovers += w.folder_names().len() - 1;
        // Every backup that is listed is complete.
        let list = w.cmd().args(["--json", "backups"]).output().unwrap();
        let v: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
        for b in v.as_array().unwrap() {
            if !checked.insert(b["id"].as_str().unwrap().to_string()) {
                continue;
            }
            let bytes = std::fs::read(b["path"].as_str().unwrap()).unwrap();
            assert_eq!(
                hex(&bytes),
                b["sha256"].as_str().unwrap(),
                "seed {seed} trial {trial}: torn backup"
            );
        }
        eprintln!("trial {trial}: kill after {delay:?} -> {what}");
    }
    eprintln!(
        "{TRIALS} kills: {saw_old} old, {saw_new} new, {leftovers} leftover temporary files seen"
    );
    // The next run cleans what killed runs left beside the file.
    std::fs::write(&w.file, &old).unwrap();
    w.cmd().args(["set-dns-mode", "2"]).assert().success();
    assert_eq!(w.bytes(), new);
    assert_eq!(w.folder_names(), ["MetaBase.xml"]);
    assert!(
        saw_old > 0,
        "no kill landed before the rename: the test did not test"
    );
}
