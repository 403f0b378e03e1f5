//! The performance bench: `cargo bench --bench perf [-- --sizes 10,100,1000 --runs 5]`.
//!
//! For each size it generates two deterministic metabases (`metabase_fix::synth`:
//! SmtpUseTcpDns unset, and set as a Custom element), then times every case of
//! [`CASES`] and a plain copy with a flush (the baseline, as `dd bs=4M
//! conv=fsync` does it), interleaved run by run so that disk noise hits every
//! case alike. A second reference row is the floor of a change: two copies
//! to new files at once, each flushed ([`floor_two_new_copies`]). A writing case runs on a fresh copy of its input with its own
//! backup folder (backup, flushes and rename included). When installed,
//! xmlstarlet and Python's ElementTree do the same insert (once each; they
//! rewrite every line). Prints medians, ratios to the copy against the targets
//! of issue 15, peak memory (ru_maxrss of the child), time per MB across sizes,
//! the machine and the load average before and after.
//!
//! Options: `--sizes 10,100`, `--runs 5`, `--dir DIR` (default target/bench-data),
//! `--no-peers`, `--only SUBSTRING` (run only the cases whose name holds it);
//! `--before PATH` times an older build too, in the same runs (the two take
//! turns), its median in the note; `METABASE_FIX_BENCH_BIN=PATH` times
//! another build instead of this one.
#![cfg_attr(not(unix), allow(dead_code, unused_imports))]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use metabase_fix::synth::{metabase, SmtpForm};

const BIN: &str = env!("CARGO_BIN_EXE_metabase-fix");

/// The binary timed: this build's, or `METABASE_FIX_BENCH_BIN` (to time an
/// older build with the same cases, for a before/after table).
fn bin() -> String {
    std::env::var("METABASE_FIX_BENCH_BIN").unwrap_or_else(|_| BIN.to_string())
}

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

/// The floor of a safe edit, as issue 15 puts it: the file written twice
/// (backup and new file), each to a new file and flushed, the two at once.
/// Unlike the baseline, whose target is rewritten in place run after run,
/// both files are new, as a backup and a temporary file are: on a VM whose
/// host takes back free memory, new pages cost more than reused ones.
fn floor_two_new_copies(from: &Path, dir: &Path) -> Duration {
    let (a, b) = (dir.join("floor-a.xml"), dir.join("floor-b.xml"));
    let _ = std::fs::remove_file(&a);
    let _ = std::fs::remove_file(&b);
    let start = Instant::now();
    std::thread::scope(|s| {
        let other = s.spawn(|| copy_with_flush(from, &a));
        copy_with_flush(from, &b);
        other.join().unwrap();
    });
    let took = start.elapsed();
    let _ = std::fs::remove_file(&a);
    let _ = std::fs::remove_file(&b);
    took
}

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Which generated metabase a case reads.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Input {
    /// SmtpUseTcpDns not set at /LM/SmtpSvc (a set inserts a Custom element).
    Unset,
    /// SmtpUseTcpDns = 0 as a Custom element (a set updates one digit).
    Custom,
}

/// One command to time: its row name, its input, the arguments after
/// `--file FILE`, and whether it writes (then it runs on a fresh copy of the
/// input, with `--backup-dir`, and its target is the write target).
struct Case {
    name: &'static str,
    input: Input,
    args: &'static [&'static str],
    writes: bool,
}

const fn write(name: &'static str, input: Input, args: &'static [&'static str]) -> Case {
    Case {
        name,
        input,
        args,
        writes: true,
    }
}

const fn read(name: &'static str, input: Input, args: &'static [&'static str]) -> Case {
    Case {
        name,
        input,
        args,
        writes: false,
    }
}

/// Every command the bench times: adding one is one line.
const CASES: &[Case] = &[
    write(
        "set-dns-mode 2 (insert)",
        Input::Unset,
        &["set-dns-mode", "2"],
    ),
    write(
        "set-dns-mode 2 (update)",
        Input::Custom,
        &["set-dns-mode", "2"],
    ),
    write(
        "set (insert)",
        Input::Unset,
        &["set", "/LM/SmtpSvc", "SmtpUseTcpDns", "2"],
    ),
    write(
        "set (update)",
        Input::Custom,
        &["set", "/LM/SmtpSvc", "SmtpUseTcpDns", "2"],
    ),
    read(
        "--dry-run --diff",
        Input::Unset,
        &["set-dns-mode", "2", "--dry-run", "--diff"],
    ),
    read("show", Input::Unset, &["show"]),
    read("check", Input::Unset, &["check"]),
    read(
        "get",
        Input::Custom,
        &["get", "/LM/SmtpSvc", "SmtpUseTcpDns"],
    ),
    read("list", Input::Unset, &["list", "/LM/SmtpSvc"]),
];

/// Issue 15's targets: time ÷ copy for writing and reading commands, and peak memory ÷ file.
const WRITE_TARGET: f64 = 3.0;
const READ_TARGET: f64 = 2.0;
const RSS_TARGET: f64 = 1.5;

struct Row {
    size_mb: usize,
    case: String,
    time: Duration,
    ratio: f64,
    rss: u64,
    /// The time target (× copy), for the cases of [`CASES`].
    target: Option<f64>,
    note: String,
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "?".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!("{cores} cores, {cpu}")
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
    let only = arg("--only", "");
    let cases: Vec<&Case> = CASES.iter().filter(|c| c.name.contains(&only)).collect();
    std::fs::create_dir_all(&dir).unwrap();
    let peers = !args.iter().any(|a| a == "--no-peers");
    let mut bins = vec![bin()];
    if args.iter().any(|a| a == "--before") {
        bins.push(arg("--before", ""));
    }
    let load_before = load_average();
    let mut rows = Vec::new();

    for &mb in &sizes {
        let unset = dir.join(format!("unset-{mb}.xml"));
        let custom = dir.join(format!("custom-{mb}.xml"));
        std::fs::write(&unset, metabase(mb << 20, SmtpForm::Unset)).unwrap();
        std::fs::write(&custom, metabase(mb << 20, SmtpForm::Custom)).unwrap();
        let input = |i: Input| match i {
            Input::Unset => &unset,
            Input::Custom => &custom,
        };
        let size = std::fs::metadata(&unset).unwrap().len();
        let work = dir.join("work.xml");
        let copy = dir.join("copy.xml");
        let backups = dir.join("backups");
        // Warm the page cache once: every case reads a warm file.
        let _ = std::fs::read(&unset);
        let _ = std::fs::read(&custom);
        let mut base_times = Vec::new();
        let mut floor_times = Vec::new();
        // [binary][case]: this build, then the --before build if any.
        let mut t = vec![vec![Vec::<Duration>::new(); cases.len()]; bins.len()];
        let mut rss = vec![vec![0u64; cases.len()]; bins.len()];
        for run in 0..runs {
            base_times.push(copy_with_flush(&unset, &copy));
            floor_times.push(floor_two_new_copies(&unset, &dir));
            for ((i, case), b) in cases
                .iter()
                .enumerate()
                .flat_map(|c| (0..bins.len()).map(move |b| (c, b)))
            {
                // The two builds take turns going first.
                let b = (b + run) % bins.len();
                let mut cmd = Command::new(&bins[b]);
                if case.writes {
                    let _ = std::fs::remove_dir_all(&backups);
                    std::fs::copy(input(case.input), &work).unwrap();
                    cmd.arg("--file")
                        .arg(&work)
                        .arg("--backup-dir")
                        .arg(&backups)
                        .arg("-q");
                } else {
                    cmd.arg("--file").arg(input(case.input));
                }
                let (d, m) = timed(cmd.args(case.args));
                t[b][i].push(d);
                rss[b][i] = rss[b][i].max(m);
            }
        }
        let base = median(&mut base_times);
        rows.push(Row {
            size_mb: mb,
            case: "copy + fsync (baseline)".into(),
            time: base,
            ratio: 1.0,
            rss: 0,
            target: None,
            note: format!("{size} bytes"),
        });
        let floor = median(&mut floor_times);
        rows.push(Row {
            size_mb: mb,
            case: "floor: 2 copies to new files, at once".into(),
            time: floor,
            ratio: floor.as_secs_f64() / base.as_secs_f64(),
            rss: 0,
            target: None,
            note: "what a change must write, with nothing else".into(),
        });
        for (i, case) in cases.iter().enumerate() {
            let m = median(&mut t[0][i]);
            let note = match t.get_mut(1) {
                Some(before) => {
                    let b = median(&mut before[i]);
                    format!(
                        "before: {:.3} s, {:.2}×, {:.0} MB",
                        b.as_secs_f64(),
                        b.as_secs_f64() / base.as_secs_f64(),
                        rss[1][i] as f64 / 1048576.0
                    )
                }
                None => String::new(),
            };
            rows.push(Row {
                size_mb: mb,
                case: case.name.to_string(),
                time: m,
                ratio: m.as_secs_f64() / base.as_secs_f64(),
                rss: rss[0][i],
                target: Some(if case.writes {
                    WRITE_TARGET
                } else {
                    READ_TARGET
                }),
                note,
            });
        }
        if peers && mb <= 100 {
            rows.extend(run_peers(mb, &unset, &dir, base));
        }
        for p in [&unset, &custom, &work, &copy] {
            let _ = std::fs::remove_file(p);
        }
        let _ = std::fs::remove_dir_all(&backups);
    }

    println!("machine: {}", machine());
    println!("binary: {}", bin());
    if let Some(before) = bins.get(1) {
        println!(
            "before: {before} (timed in the same runs, taking turns; its figures in the note)"
        );
    }
    println!(
        "load average (1, 5, 15 min): before {load_before}, after {}",
        load_average()
    );
    println!(
        "targets: writing commands ≤ {WRITE_TARGET}× the copy, reading commands ≤ {READ_TARGET}×, peak memory ≤ {RSS_TARGET}× the file\n"
    );
    println!("| size | case | median time | × copy | target | peak RSS | RSS ÷ file | note |");
    println!("|---:|---|---:|---:|---|---:|---:|---|");
    for r in &rows {
        let (rss, per) = if r.rss == 0 {
            ("-".to_string(), "-".to_string())
        } else {
            let per = r.rss as f64 / (r.size_mb as f64 * 1048576.0);
            (
                format!("{:.0} MB", r.rss as f64 / 1048576.0),
                format!("{per:.2}{}", if per > RSS_TARGET { " (over)" } else { "" }),
            )
        };
        let target = match r.target {
            Some(t) if r.ratio <= t => format!("≤ {t}: met"),
            Some(t) => format!("≤ {t}: **not met**"),
            None => "-".into(),
        };
        println!(
            "| {} MB | {} | {:.3} s | {:.2} | {target} | {rss} | {per} | {} |",
            r.size_mb,
            r.case,
            r.time.as_secs_f64(),
            r.ratio,
            r.note
        );
    }
    if sizes.len() > 1 {
        println!("\nTime per MB relative to the largest size (linearity; target: within 25%):");
        let last = *sizes.last().unwrap();
        for case in &cases {
            let per_mb = |mb: usize| {
                rows.iter()
                    .find(|r| r.size_mb == mb && r.case == case.name)
                    .map(|r| r.time.as_secs_f64() / mb as f64)
            };
            let reference = per_mb(last).unwrap();
            let cells: Vec<String> = sizes
                .iter()
                .map(|&mb| format!("{mb} MB: {:.2}", per_mb(mb).unwrap() / reference))
                .collect();
            println!("- {}: {}", case.name, cells.join(", "));
        }
    }
    println!(
        "\nruns per case: {runs} (peers: 1); runs interleaved; the inputs are in the page cache."
    );
}

/// xmlstarlet and Python's ElementTree doing the insert, once each, when installed.
#[cfg(unix)]
fn run_peers(mb: usize, insert: &Path, dir: &Path, base: Duration) -> Vec<Row> {
    let mut rows = Vec::new();
    let out = dir.join("peer-out.xml");
    let row = |case: &str, (d, m): (Duration, u64)| Row {
        size_mb: mb,
        case: case.into(),
        time: d,
        ratio: d.as_secs_f64() / base.as_secs_f64(),
        rss: m,
        target: None,
        note: lines_changed(insert, &out),
    };
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
        let timing = timed(&mut c);
        rows.push(row("xmlstarlet ed (peer)", timing));
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/peer_elementtree.py");
    if Command::new("python3").arg("--version").output().is_ok() {
        let timing = timed(Command::new("python3").arg(script).arg(insert).arg(&out));
        rows.push(row("Python ElementTree (peer)", timing));
    }
    let _ = std::fs::remove_file(&out);
    rows
}

#[cfg(not(unix))]
fn main() {
    eprintln!("the bench measures child processes with wait4: run it on Linux");
}
