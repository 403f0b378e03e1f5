//! SIGKILL at random moments of `set-dns-mode` on a large metabase. After each
//! kill: the file is byte-equal to the old or the new version and keeps its
//! permission bits; the folder holds nothing but the file and temporary files
//! named `.<name>.<random>.metabase-fix.tmp`; every listed backup matches its
//! SHA-256, and when the new version is in place, the backup of the old one is
//! listed and complete. After a kill that left a temporary file, the next
//! (uninterrupted) run removes it and makes the change.
//!
//! Deterministic: the seed is printed with every failure. Defaults: 40 kills
//! on a 20 MB metabase; longer: `KILL_TRIALS=500 KILL_MB=50 KILL_SEED=7 cargo
//! test --features failpoints --test kill -- --nocapture`.
#![cfg(unix)]

mod common;

use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, Instant};

use common::Work;
use metabase_fix::synth::{metabase, SmtpForm};
use sha2::{Digest, Sha256};

fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

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

fn is_temp_name(n: &str) -> bool {
    n.strip_prefix(".MetaBase.xml.")
        .and_then(|r| r.strip_suffix(".metabase-fix.tmp"))
        .is_some_and(|r| !r.is_empty() && r.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[test]
fn kill_at_random_moments_leaves_old_or_new() {
    let trials = env_or("KILL_TRIALS", 40);
    let size = env_or("KILL_MB", 20) as usize * 1024 * 1024;
    let seed = env_or("KILL_SEED", 820_284).max(1);
    let ctx = |trial: u64, delay: Duration| {
        format!("seed {seed} (KILL_SEED={seed} KILL_TRIALS={trials}) trial {trial}, kill after {delay:?}")
    };
    let old = metabase(size, SmtpForm::Unset);
    let old_sha = hex(&old);
    let w = Work::with_bytes(&old);
    let perm = 0o640;
    std::fs::set_permissions(&w.file, std::fs::Permissions::from_mode(perm)).unwrap();
    let reset = || {
        std::fs::write(&w.file, &old).unwrap();
        std::fs::set_permissions(&w.file, std::fs::Permissions::from_mode(perm)).unwrap();
        // Checked backups are removed (they are as big as the file).
        if let Ok(rd) = std::fs::read_dir(&w.backups) {
            for e in rd {
                std::fs::remove_file(e.unwrap().path()).unwrap();
            }
        }
    };
    // The new version, from one uninterrupted run (timed to spread the kills).
    let start = Instant::now();
    w.cmd().args(["set-dns-mode", "2"]).assert().success();
    let full_run = start.elapsed();
    let new = w.bytes();
    assert_ne!(new, old);

    let mut rng = Rng(seed);
    let (mut saw_old, mut saw_new, mut leftovers, mut torn_backup_temps) = (0, 0, 0, 0);
    for trial in 0..trials {
        reset();
        // Half the kills anywhere in the run, half in its last 40% (backup,
        // temporary file, read-back, rename).
        let span = full_run.as_micros() as u64;
        let delay = Duration::from_micros(if trial % 2 == 0 {
            rng.next() % (span * 5 / 4 + 1)
        } else {
            span * 6 / 10 + rng.next() % (span * 5 / 10 + 1)
        });
        // Issue 12: every other trial kills `set` of the same property.
        let args: &[&str] = if trial % 4 < 2 {
            &["set-dns-mode", "2"]
        } else {
            &["set", "/LM/SmtpSvc", "SmtpUseTcpDns", "2"]
        };
        let mut child = w
            .std_cmd()
            .args(args)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let at = ctx(trial, delay);

        let now = w.bytes();
        let what = if now == old {
            saw_old += 1;
            "old"
        } else if now == new {
            saw_new += 1;
            "new"
        } else {
            panic!("{at}: the file is neither the old nor the new version");
        };
        let mode = std::fs::metadata(&w.file).unwrap().permissions().mode() & 0o7777;
        assert_eq!(mode, perm, "{at}: permission bits changed");
        let names = w.folder_names();
        let temps: Vec<&String> = names.iter().filter(|n| is_temp_name(n)).collect();
        assert_eq!(
            names.len(),
            1 + temps.len(),
            "{at}: unexpected files: {names:?}"
        );
        leftovers += temps.len();

        // Every listed backup is complete; the new version is never in place
        // without a complete backup of the old one.
        let list = w.cmd().args(["--json", "backups"]).output().unwrap();
        let v: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
        let mut old_backed_up = false;
        for b in v.as_array().unwrap() {
            let bytes = std::fs::read(b["path"].as_str().unwrap()).unwrap();
            assert_eq!(
                hex(&bytes),
                b["sha256"].as_str().unwrap(),
                "{at}: torn backup"
            );
            old_backed_up |= b["sha256"] == old_sha.as_str();
        }
        if what == "new" {
            assert!(
                old_backed_up,
                "{at}: new file in place, no backup of the old"
            );
        }
        let backup_temps = w.backup_temps().len();
        torn_backup_temps += backup_temps;

        // The next run removes the leftovers (beside the file and in the
        // backup folder: they are this metabase's) and makes the change.
        if !temps.is_empty() || backup_temps > 0 {
            let out = w.cmd().args(["set-dns-mode", "2"]).output().unwrap();
            assert!(
                out.status.success(),
                "{at}: the next run failed: {}",
                common::stderr_of(&out)
            );
            assert!(w.bytes() == new, "{at}: the next run");
            assert_eq!(w.folder_names(), ["MetaBase.xml"], "{at}: not cleaned");
            assert_eq!(
                w.backup_temps(),
                Vec::<String>::new(),
                "{at}: the backup folder not cleaned"
            );
        }
        eprintln!(
            "trial {trial}: kill after {delay:?} -> {what}, {} temporary file(s)",
            temps.len()
        );
    }
    eprintln!(
        "seed {seed}: {trials} kills on a {} MB metabase (uninterrupted run {full_run:?}): {saw_old} old, {saw_new} new; {leftovers} leftover temporary files, each removed by the next run; {torn_backup_temps} unfinished backup temporaries in the backup folder, each removed by the next run",
        size >> 20
    );
    assert!(
        saw_old > 0 && saw_new > 0,
        "seed {seed}: the kills did not land on both sides of the rename: the test did not test"
    );
    assert!(
        leftovers > 0,
        "seed {seed}: no kill landed while the temporary file existed"
    );
}
