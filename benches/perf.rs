//! The performance bench: `cargo bench --bench perf [-- --sizes 10,100,1000 --runs 5]`.
//!
//! For each size it generates a deterministic metabase (`metabase_fix::synth`),
//! then times, interleaved run by run so that disk noise hits every case alike:
//! a plain copy with a flush (read, write, fsync: the baseline), `set-dns-mode 2`
//! on the insert path and on the update path (backup, flush and rename included),
//! `--dry-run --diff` and `show`; and, when installed, xmlstarlet and Python's
//! ElementTree doing the same insert (once each; they rewrite every line).
//! Prints medians, ratios to the copy, and peak memory (ru_maxrss of the child).
#![cfg_attr(not(unix), allow(dead_code, unused_imports))]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use metabase_fix::synth::{metabase, SmtpForm};

const BIN: &str = env!("CARGO_BIN_EXE_metabase-fix");

/// Run a command; return wall time and the child's peak RSS in bytes.
#[cfg(unix)]
#[allow(clippy::zombie_processes)] // reaped by wait4 below, which also gives the peak RSS
fn timed(cmd: &mut Command) -> (Duration, u64) {
    use std::os::unix::process::ExitStatusExt;
    let start = Instant::now();
    let child = cmd
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: wait4 on our own child's pid with valid out-pointers.
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    let took = start.elapsed();
    assert!(pid > 0, "wait4 failed");
    let st = std::process::ExitStatus::from_raw(status);
    assert!(st.success(), "{cmd:?} failed: {st}");
    (took, usage.ru_maxrss as u64 * 1024)
}

/// The baseline, as `dd if=F of=G bs=4M conv=fsync` does it: 4 MiB blocks read
/// and written in turn, then one flush. (Reading the whole file into memory
/// first is ~60% slower at 100 MB and would flatter every ratio.)
fn copy_with_flush(from: &Path, to: &Path) -> Duration {
    use std::io::Read;
    let start = Instant::now();
    let mut src = std::fs::File::open(from).unwrap();
    let mut f = std::fs::File::create(to).unwrap();
    let mut buf = vec![0u8; 4 << 20];
    loop {
        let n = src.read(&mut buf).unwrap();
        if n == 0 {
            break;
        }
        f.write_all(&buf[..n]).unwrap();
    }
    f.sync_all().unwrap();
    start.elapsed()
}

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v[v.len() / 2]
}

struct Row {
    size_mb: usize,
    case: String,
    time: Duration,
    ratio: f64,
    rss: u64,
    note: String,
}

fn lines_changed(a: &Path, b: &Path) -> String {
    match Command::new("diff").arg(a).arg(b).output() {
        Ok(out) => {
            let n = out
                .stdout
                .split(|&c| c == b'\n')
                .filter(|l| l.first() == Some(&b'<'))
                .count();
            format!("rewrote {n} of the input's lines")
        }
        Err(_) => String::new(),
    }
}

#[cfg(unix)]
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str, default: &str| -> String {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
            .unwrap_or_else(|| default.to_string())
    };
    let sizes: Vec<usize> = arg("--sizes", "10,100")
        .split(',')
        .map(|s| s.trim().parse().expect("--sizes 10,100"))
        .collect();
    let runs: usize = arg("--runs", "5").parse().expect("--runs N");
    let dir = PathBuf::from(arg(
        "--dir",
        concat!(env!("CARGO_MANIFEST_DIR"), "/target/bench-data"),
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let peers = !args.iter().any(|a| a == "--no-peers");
    let mut rows = Vec::new();

    for &mb in &sizes {
        let insert = dir.join(format!("insert-{mb}.xml"));
        let update = dir.join(format!("update-{mb}.xml"));
        std::fs::write(&insert, metabase(mb << 20, SmtpForm::Unset)).unwrap();
        std::fs::write(&update, metabase(mb << 20, SmtpForm::Custom)).unwrap();
        let size = std::fs::metadata(&insert).unwrap().len();
        let work = dir.join("work.xml");
        let copy = dir.join("copy.xml");
        let backups = dir.join("backups");
        let _ = std::fs::read(&insert); // warm the page cache once; every case reads a warm file
        let mut t: [Vec<Duration>; 5] = Default::default();
        let mut rss = [0u64; 5];
        let fresh = |from: &Path| {
            let _ = std::fs::remove_dir_all(&backups);
            std::fs::copy(from, &work).unwrap();
        };
        for _ in 0..runs {
            t[0].push(copy_with_flush(&insert, &copy));
            for (i, from) in [(1, &insert), (2, &update)] {
                fresh(from);
                let (d, m) = timed(
                    Command::new(BIN)
                        .arg("--file")
                        .arg(&work)
                        .arg("--backup-dir")
                        .arg(&backups)
                        .args(["-q", "set-dns-mode", "2"]),
                );
                t[i].push(d);
                rss[i] = rss[i].max(m);
            }
            let (d, m) = timed(Command::new(BIN).arg("--file").arg(&insert).args([
                "set-dns-mode",
                "2",
                "--dry-run",
                "--diff",
            ]));
            t[3].push(d);
            rss[3] = rss[3].max(m);
            let (d, m) = timed(Command::new(BIN).arg("--file").arg(&insert).arg("show"));
            t[4].push(d);
            rss[4] = rss[4].max(m);
        }
        let base = median(&mut t[0]);
        let names = [
            "copy + fsync (baseline)",
            "set-dns-mode 2 (insert)",
            "set-dns-mode 2 (update)",
            "--dry-run --diff",
            "show",
        ];
        for (i, name) in names.iter().enumerate() {
            let m = median(&mut t[i]);
            rows.push(Row {
                size_mb: mb,
                case: name.to_string(),
                time: m,
                ratio: m.as_secs_f64() / base.as_secs_f64(),
                rss: rss[i],
                note: if i == 0 {
                    format!("{size} bytes")
                } else {
                    String::new()
                },
            });
        }
        if peers && mb <= 100 {
            let out = dir.join("peer-out.xml");
            if Command::new("xmlstarlet").arg("--version").output().is_ok() {
                let ns = "m=urn:microsoft-catalog:XML_Metabase_V64_0";
                let at = "/m:configuration/m:MBProperty/*[@Location='/LM/SmtpSvc']/m:Custom[@ID='49875']";
                let mut c = Command::new("sh");
                c.arg("-c").arg(format!(
                    "xmlstarlet ed -N {ns} -i \"{at}\" -t elem -n Custom -v '' -s '$prev' -t attr -n Name -v SmtpUseTcpDns \
                     -s '$prev/..' -t attr -n ID -v 36997 -s '$prev/..' -t attr -n Value -v 2 -s '$prev/..' -t attr -n Type -v DWORD \
                     -s '$prev/..' -t attr -n UserType -v IIS_MD_UT_SERVER -s '$prev/..' -t attr -n Attributes -v INHERIT '{}' > '{}' && sync '{}'",
                    insert.display(), out.display(), out.display()
                ));
                let (d, m) = timed(&mut c);
                rows.push(Row {
                    size_mb: mb,
                    case: "xmlstarlet ed (peer)".into(),
                    time: d,
                    ratio: d.as_secs_f64() / base.as_secs_f64(),
                    rss: m,
                    note: lines_changed(&insert, &out),
                });
            }
            let script = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/peer_elementtree.py");
            if Command::new("python3").arg("--version").output().is_ok() {
                let (d, m) = timed(Command::new("python3").arg(script).arg(&insert).arg(&out));
                rows.push(Row {
                    size_mb: mb,
                    case: "Python ElementTree (peer)".into(),
                    time: d,
                    ratio: d.as_secs_f64() / base.as_secs_f64(),
                    rss: m,
                    note: lines_changed(&insert, &out),
                });
            }
            let _ = std::fs::remove_file(&out);
        }
        for p in [&insert, &update, &work, &copy] {
            let _ = std::fs::remove_file(p);
        }
        let _ = std::fs::remove_dir_all(&backups);
    }

    println!("| size | case | median time | × copy | peak RSS | RSS ÷ file | note |");
    println!("|---:|---|---:|---:|---:|---:|---|");
    for r in &rows {
        let rss = if r.rss == 0 {
            "-".to_string()
        } else {
            format!("{:.0} MB", r.rss as f64 / 1048576.0)
        };
        let per = if r.rss == 0 {
            "-".to_string()
        } else {
            format!("{:.2}", r.rss as f64 / (r.size_mb as f64 * 1048576.0))
        };
        println!(
            "| {} MB | {} | {:.3} s | {:.2} | {} | {} | {} |",
            r.size_mb,
            r.case,
            r.time.as_secs_f64(),
            r.ratio,
            rss,
            per,
            r.note
        );
    }
    if sizes.len() > 1 {
        println!("\nTime per MB relative to the largest size (linearity):");
        let last = *sizes.last().unwrap();
        for case in [
            "set-dns-mode 2 (insert)",
            "set-dns-mode 2 (update)",
            "--dry-run --diff",
            "show",
        ] {
            let per_mb = |mb: usize| {
                rows.iter()
                    .find(|r| r.size_mb == mb && r.case == case)
                    .map(|r| r.time.as_secs_f64() / mb as f64)
            };
            let reference = per_mb(last).unwrap();
            let cells: Vec<String> = sizes
                .iter()
                .map(|&mb| format!("{mb} MB: {:.2}", per_mb(mb).unwrap() / reference))
                .collect();
            println!("- {case}: {}", cells.join(", "));
        }
    }
    println!(
        "\nruns per case: {runs} (peers: 1); runs interleaved; the input is in the page cache."
    );
}

#[cfg(not(unix))]
fn main() {
    eprintln!("the bench measures child processes with wait4: run it on Linux");
}
