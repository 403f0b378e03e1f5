//! Several processes set different modes on one file at once. Afterwards the
//! file is one valid outcome, every run exited 0 or failed with the lock
//! message, and nothing is left beside the file. Repeated for several rounds.

mod common;

use common::{read_fixture, stderr_of, Work};

const ROUNDS: usize = 12;
const WRITERS: usize = 6;

fn expected_with(mode: u8) -> Vec<u8> {
    let two = String::from_utf8(read_fixture("exchange2003.expected.xml")).unwrap();
    two.replace("\t\tValue=\"2\"", &format!("\t\tValue=\"{mode}\""))
        .into_bytes()
}

#[test]
fn concurrent_writers_serialise() {
    let outcomes: Vec<Vec<u8>> = (0..3).map(expected_with).collect();
    let (mut ok, mut locked) = (0, 0);
    for round in 0..ROUNDS {
        let w = Work::new("exchange2003.xml");
        let children: Vec<_> = (0..WRITERS)
            .map(|i| {
                let mode = (i % 3).to_string();
                // Odd writers give up at once or after 50 ms; even ones wait.
                let timeout = match i % 4 {
                    1 => "0",
                    3 => "0.05",
                    _ => "30",
                };
                // Issue 12: half the writers use `set`, the same code path.
                let mut c = w.std_cmd();
                c.args(["--lock-timeout", timeout]);
                if i % 2 == 0 {
                    c.args(["set-dns-mode", &mode]);
                } else {
                    c.args(["set", "/LM/SmtpSvc", "SmtpUseTcpDns", &mode]);
                }
                c.stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for (i, c) in children.into_iter().enumerate() {
            let out = c.wait_with_output().unwrap();
            match out.status.code() {
                Some(0) => ok += 1,
                Some(1)
                    if i % 2 == 1
                        && stderr_of(&out).contains("the file is locked by another run") =>
                {
                    locked += 1
                }
                other => panic!("round {round}: exit {other:?}: {}", stderr_of(&out)),
            }
        }
        let now = w.bytes();
        assert!(
            outcomes.contains(&now),
            "round {round}: the file is not one valid outcome"
        );
        assert_eq!(w.folder_names(), ["MetaBase.xml"], "round {round}");
        w.cmd().arg("show").assert().success();
        // Every backup is complete, and no temporary file is left in the store.
        let list = w.cmd().args(["--json", "backups"]).output().unwrap();
        let v: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
        for b in v.as_array().unwrap() {
            let bytes = std::fs::read(b["path"].as_str().unwrap()).unwrap();
            assert_eq!(
                metabase_fix::backup::sha256_hex(&bytes),
                b["sha256"].as_str().unwrap(),
                "round {round}"
            );
        }
        if let Ok(rd) = std::fs::read_dir(&w.backups) {
            for e in rd {
                let n = e.unwrap().file_name().to_string_lossy().into_owned();
                assert!(!n.starts_with('.'), "round {round}: {n} left in the store");
            }
        }
    }
    eprintln!("{ROUNDS} rounds x {WRITERS} writers: {ok} succeeded, {locked} refused with the lock message");
    assert!(
        ok >= ROUNDS * WRITERS / 2,
        "every waiting writer must succeed"
    );
}
