//! `diagnose dns` against DNS servers the tests start on 127.0.0.1: one fake
//! per behaviour (hickory-proto builds the answers), and a real dnsmasq serving
//! an MX set too big for 512 bytes. No traffic leaves 127.0.0.1.

mod common;

use std::net::{TcpListener, UdpSocket};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{bin, stderr_of, stdout_of};
use hickory_proto::op::{Message, MessageType};
use hickory_proto::rr::rdata::MX;
use hickory_proto::rr::{Name, RData, Record};
use serde::Deserialize;

#[derive(Clone, Copy)]
enum Udp {
    /// All records.
    Full(usize),
    /// TC set, only the first few records.
    Truncated(usize),
    /// Receives, never answers.
    Silent,
}

#[derive(Clone, Copy)]
enum Tcp {
    Full(usize),
    /// Nothing listens: connections are refused.
    Closed,
}

/// A fake DNS server on 127.0.0.1; stops when dropped (and after 30 s in any case).
struct Fake {
    port: u16,
    stop: Arc<AtomicBool>,
}

impl Drop for Fake {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

fn answer(query: &[u8], records: usize, truncated_to: Option<usize>) -> Option<Vec<u8>> {
    let q = Message::from_vec(query).ok()?;
    let mut r = Message::new(q.metadata.id, MessageType::Response, q.metadata.op_code);
    r.metadata.recursion_desired = q.metadata.recursion_desired;
    r.metadata.recursion_available = true;
    let name = q.queries.first()?.name().clone();
    r.add_queries(q.queries.iter().cloned());
    let n = truncated_to.map_or(records, |k| k.min(records));
    for i in 0..n {
        let exchange = Name::from_ascii(format!(
            "mail-exchanger-{i:02}.relay-cluster.{}",
            name.to_ascii()
        ))
        .unwrap();
        r.add_answer(Record::from_rdata(
            name.clone(),
            300,
            RData::MX(MX::new(10 * (i as u16 + 1), exchange)),
        ));
    }
    r.metadata.truncation = truncated_to.is_some();
    r.to_vec().ok()
}

fn start(udp: Udp, tcp: Tcp) -> Fake {
    // Find a port free for UDP (and TCP, when TCP must answer).
    let (sock, listener) = loop {
        let sock = UdpSocket::bind("127.0.0.1:0").unwrap();
        let port = sock.local_addr().unwrap().port();
        match tcp {
            Tcp::Closed => break (sock, None),
            Tcp::Full(_) => {
                if let Ok(l) = TcpListener::bind(("127.0.0.1", port)) {
                    break (sock, Some(l));
                }
            }
        }
    };
    let port = sock.local_addr().unwrap().port();
    let stop = Arc::new(AtomicBool::new(false));
    let deadline = Instant::now() + Duration::from_secs(30);
    let s = stop.clone();
    std::thread::spawn(move || {
        sock.set_read_timeout(Some(Duration::from_millis(50)))
            .unwrap();
        let mut buf = [0u8; 4096];
        while !s.load(Ordering::SeqCst) && Instant::now() < deadline {
            let Ok((n, from)) = sock.recv_from(&mut buf) else {
                continue;
            };
            let reply = match udp {
                Udp::Full(k) => answer(&buf[..n], k, None),
                Udp::Truncated(k) => answer(&buf[..n], 40, Some(k)),
                Udp::Silent => None,
            };
            if let Some(r) = reply {
                let _ = sock.send_to(&r, from);
            }
        }
    });
    if let (Some(l), Tcp::Full(k)) = (listener, tcp) {
        let s = stop.clone();
        std::thread::spawn(move || {
            use std::io::{Read, Write};
            l.set_nonblocking(true).unwrap();
            while !s.load(Ordering::SeqCst) && Instant::now() < deadline {
                let Ok((mut c, _)) = l.accept() else {
                    std::thread::sleep(Duration::from_millis(10));
                    continue;
                };
                c.set_nonblocking(false).unwrap();
                c.set_read_timeout(Some(Duration::from_secs(2))).unwrap();
                let mut len = [0u8; 2];
                if c.read_exact(&mut len).is_err() {
                    continue;
                }
                let mut q = vec![0u8; u16::from_be_bytes(len) as usize];
                if c.read_exact(&mut q).is_err() {
                    continue;
                }
                if let Some(r) = answer(&q, k, None) {
                    let mut framed = (r.len() as u16).to_be_bytes().to_vec();
                    framed.extend(r);
                    let _ = c.write_all(&framed);
                }
            }
        });
    }
    Fake { port, stop }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Report {
    domain: String,
    servers: Vec<ServerReport>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ServerReport {
    server: String,
    udp: TransportReport,
    tcp: TransportReport,
    agree: Option<bool>,
    verdict: String,
    recommended_mode: Option<u32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TransportReport {
    ok: bool,
    rcode: Option<String>,
    truncated: Option<bool>,
    answers: Option<usize>,
    rtt_ms: Option<f64>,
    error: Option<String>,
}

fn diagnose(port: u16, json: bool) -> std::process::Output {
    let mut c = bin();
    c.args([
        "diagnose",
        "dns",
        "contoso.example",
        "--server",
        &format!("127.0.0.1:{port}"),
        "--timeout-ms",
        "400",
    ]);
    if json {
        c.arg("--json");
    }
    c.output().unwrap()
}

fn json_report(port: u16) -> ServerReport {
    let out = diagnose(port, true);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let mut r: Report = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r.domain, "contoso.example");
    assert_eq!(r.servers.len(), 1);
    let s = r.servers.remove(0);
    assert_eq!(s.server, format!("127.0.0.1:{port}"));
    s
}

#[test]
fn healthy_server_needs_no_change() {
    let f = start(Udp::Full(3), Tcp::Full(3));
    let s = json_report(f.port);
    assert_eq!(
        (s.verdict.as_str(), s.recommended_mode, s.agree),
        ("no-change-needed", Some(0), Some(true))
    );
    assert_eq!(
        (
            s.udp.ok,
            s.udp.truncated,
            s.udp.answers,
            s.udp.rcode.as_deref()
        ),
        (true, Some(false), Some(3), Some("NOERROR"))
    );
    assert_eq!((s.tcp.ok, s.tcp.answers), (true, Some(3)));
    assert!(s.udp.rtt_ms.is_some() && s.udp.error.is_none());
    let human = stdout_of(&diagnose(f.port, false));
    assert!(
        human.contains("UDP (no EDNS, 512 bytes): answered NOERROR, TC clear, 3 MX"),
        "{human}"
    );
    assert!(human.contains("no change needed"));
    assert!(!human.contains("set-dns-mode 2"));
}

#[test]
fn truncated_udp_and_refused_tcp_is_kb_820284() {
    let f = start(Udp::Truncated(7), Tcp::Closed);
    let s = json_report(f.port);
    assert_eq!(
        (s.verdict.as_str(), s.recommended_mode, s.agree),
        ("kb-820284", Some(2), None)
    );
    assert_eq!((s.udp.truncated, s.udp.answers), (Some(true), Some(7)));
    assert_eq!(
        (s.tcp.ok, s.tcp.error.as_deref(), s.tcp.truncated),
        (false, Some("refused"), None)
    );
    let human = stdout_of(&diagnose(f.port, false));
    assert!(human.contains("TC set (truncated), 7 MX"), "{human}");
    assert!(
        human.contains("TCP:                      no answer: refused"),
        "{human}"
    );
    assert!(human.contains("KB 820284"));
    assert!(
        human.contains("Recommended: metabase-fix set-dns-mode 2\n"),
        "{human}"
    );
    assert!(human.contains("restart the SMTP service"));
}

#[test]
fn silent_udp_and_answering_tcp_is_kb_263237() {
    let f = start(Udp::Silent, Tcp::Full(5));
    let s = json_report(f.port);
    assert_eq!(
        (s.verdict.as_str(), s.recommended_mode, s.agree),
        ("kb-263237", Some(1), None)
    );
    assert_eq!((s.udp.ok, s.udp.error.as_deref()), (false, Some("timeout")));
    assert_eq!((s.tcp.ok, s.tcp.answers), (true, Some(5)));
    let human = stdout_of(&diagnose(f.port, false));
    assert!(human.contains("no answer: timeout"), "{human}");
    assert!(
        human.contains("Recommended: metabase-fix set-dns-mode 1\n"),
        "{human}"
    );
}

#[test]
fn both_down_means_no_value_helps() {
    let f = start(Udp::Silent, Tcp::Closed);
    let s = json_report(f.port);
    assert_eq!(
        (s.verdict.as_str(), s.recommended_mode),
        ("dns-unreachable", None)
    );
    assert!(!s.udp.ok && !s.tcp.ok);
    let out = diagnose(f.port, false);
    assert!(out.status.success(), "the diagnosis ran: exit 0");
    let human = stdout_of(&out);
    assert!(human.contains("no metabase value helps"), "{human}");
    assert!(!human.contains("set-dns-mode"), "{human}");
}

#[test]
fn truncation_with_tcp_answering_needs_no_change() {
    let f = start(Udp::Truncated(7), Tcp::Full(40));
    let s = json_report(f.port);
    assert_eq!(
        (s.verdict.as_str(), s.recommended_mode, s.agree),
        ("no-change-needed", Some(0), Some(true))
    );
    assert_eq!(
        (s.udp.truncated, s.udp.answers, s.tcp.answers),
        (Some(true), Some(7), Some(40))
    );
    let human = stdout_of(&diagnose(f.port, false));
    assert!(
        human.contains("TC set (truncated), 7 MX") && human.contains("TC clear, 40 MX"),
        "{human}"
    );
}

#[test]
fn bad_domain_or_server_cannot_run() {
    let out = bin()
        .args(["diagnose", "dns", "not a domain", "--server", "127.0.0.1:9"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_of(&out)
        .contains("is not a domain name: give the recipient's mail domain, e.g. contoso.com"));
    let out = bin()
        .args([
            "diagnose",
            "dns",
            "contoso.example",
            "--server",
            "dns.example",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_of(&out).contains("is not a DNS server address: give IP or IP:PORT"));
    let out = bin()
        .args(["--json", "diagnose", "dns", ""])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout_of(&out).contains("\"kind\": \"input\""));
}

/// A real DNS server from Debian: dnsmasq serving 40 MX records for big.test
/// (`--mx-host=big.test,<exchange>,<preference>` each; no upstream, no hosts
/// file, only 127.0.0.1 at a free port). 40 long exchange names are far more
/// than 512 bytes, so the UDP answer must come back truncated and TCP whole.
#[test]
fn real_dnsmasq_truncates_over_udp_and_answers_over_tcp() {
    let dnsmasq = ["/usr/sbin/dnsmasq", "/usr/bin/dnsmasq"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists());
    let Some(dnsmasq) = dnsmasq else {
        eprintln!("SKIP: dnsmasq is not installed (tests/dns/install-dns-server.sh installs it)");
        return;
    };
    let port = {
        let u = UdpSocket::bind("127.0.0.1:0").unwrap();
        u.local_addr().unwrap().port()
    };
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = std::process::Command::new(dnsmasq);
    cmd.args([
        "--keep-in-foreground",
        "--no-resolv",
        "--no-hosts",
        "--conf-file=/dev/null",
        "--listen-address=127.0.0.1",
        "--bind-interfaces",
    ])
    .arg(format!("--port={port}"))
    .arg(format!("--pid-file={}", dir.path().join("pid").display()))
    .arg(format!(
        "--log-facility={}",
        dir.path().join("log").display()
    ));
    for i in 1..=40 {
        cmd.arg(format!(
            "--mx-host=big.test,mail-exchanger-number-{i}.relay-cluster.big.test,{}",
            i * 10
        ));
    }
    let mut child = cmd.spawn().unwrap();
    // Wait until it answers (bounded).
    let start = Instant::now();
    let report = loop {
        let out = bin()
            .args([
                "--json",
                "diagnose",
                "dns",
                "big.test",
                "--server",
                &format!("127.0.0.1:{port}"),
                "--timeout-ms",
                "500",
            ])
            .output()
            .unwrap();
        let r: Report = serde_json::from_slice(&out.stdout).unwrap();
        if r.servers[0].udp.ok || start.elapsed() > Duration::from_secs(10) {
            break r;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let _ = child.kill();
    let _ = child.wait();
    let s = &report.servers[0];
    assert!(s.udp.ok && s.tcp.ok, "{s:?}");
    assert_eq!(
        s.udp.truncated,
        Some(true),
        "40 long MX records do not fit in 512 bytes"
    );
    assert!(s.udp.answers.unwrap() < 40);
    assert_eq!((s.tcp.truncated, s.tcp.answers), (Some(false), Some(40)));
    assert_eq!(
        (s.agree, s.verdict.as_str(), s.recommended_mode),
        (Some(true), "no-change-needed", Some(0))
    );
}
