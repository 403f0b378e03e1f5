//! DNS diagnosis for KB 820284 / KB 263237: query a domain's MX records over
//! UDP without EDNS (so answers are capped at 512 bytes, as the IIS 6 SMTP
//! service sends them) and over TCP, and say which SmtpUseTcpDns value fits.
//!
//! The wire format is hickory-proto's; the transport is plain blocking std
//! sockets with timeouts (one query at a time: no async runtime needed).
//! `verdict` is pure and unit-tested; `probe` does the I/O.

use std::io::{Read, Write};
use std::net::{IpAddr, SocketAddr, TcpStream, UdpSocket};
use std::time::{Duration, Instant};

use hickory_proto::op::{Message, MessageType, OpCode, Query};
use hickory_proto::rr::{Name, RData, RecordType};
use serde::Serialize;

/// What one transport gave.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Transport {
    /// A well-formed response with our query id arrived.
    pub ok: bool,
    /// The response code (NOERROR, NXDOMAIN, SERVFAIL, REFUSED, ...).
    pub rcode: Option<String>,
    /// The TC (truncation) bit.
    pub truncated: Option<bool>,
    /// The number of MX records in the answer section.
    pub answers: Option<usize>,
    pub rtt_ms: Option<f64>,
    /// Why there is no answer (timeout, connection refused, ...).
    pub error: Option<String>,
    /// The MX records, "preference exchange" (not in the JSON).
    #[serde(skip)]
    pub records: Vec<String>,
}

impl Transport {
    fn failed(error: String, rtt: Option<Duration>) -> Transport {
        Transport {
            ok: false,
            rcode: None,
            truncated: None,
            answers: None,
            rtt_ms: rtt.map(ms),
            error: Some(error),
            records: vec![],
        }
    }
}

fn ms(d: Duration) -> f64 {
    (d.as_secs_f64() * 10_000.0).round() / 10.0
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// UDP truncated and TCP fails: KB 820284, set 2.
    #[serde(rename = "kb-820284")]
    Kb820284,
    /// UDP fails and TCP answers: KB 263237, set 1.
    #[serde(rename = "kb-263237")]
    Kb263237,
    /// Both answer: the default (0) works.
    NoChangeNeeded,
    /// UDP answers in full but TCP fails: fine for this domain, fragile for bigger ones.
    UdpOnlyServer,
    /// Neither answers: no metabase value helps.
    DnsUnreachable,
}

impl Verdict {
    /// What the verdict means and what to do, in the current language (one
    /// or more sentences, ending with a full stop).
    pub fn explain(self) -> String {
        crate::i18n::tr(self.message_id(), &[])
    }

    /// The message id of [`Verdict::explain`].
    pub fn message_id(self) -> &'static str {
        match self {
            Verdict::Kb820284 => "verdict-kb-820284",
            Verdict::Kb263237 => "verdict-kb-263237",
            Verdict::NoChangeNeeded => "verdict-no-change-needed",
            Verdict::UdpOnlyServer => "verdict-udp-only-server",
            Verdict::DnsUnreachable => "verdict-dns-unreachable",
        }
    }
}

/// A transport's `error` (kept in English in JSON: it is an identifier there)
/// as people read it.
pub fn error_text(error: &str) -> String {
    let id = match error {
        "timeout" => "dns-error-timeout",
        "refused" => "dns-error-refused",
        "reset" => "dns-error-reset",
        "closed without an answer" => "dns-error-closed",
        "an answer that does not match the query" => "dns-error-mismatch",
        other => return other.to_string(),
    };
    crate::i18n::tr(id, &[])
}

/// The verdict and recommended SmtpUseTcpDns value for two transport results.
pub fn verdict(udp: &Transport, tcp: &Transport) -> (Verdict, Option<u32>) {
    match (udp.ok, tcp.ok) {
        (true, false) if udp.truncated == Some(true) => (Verdict::Kb820284, Some(2)),
        (true, false) => (Verdict::UdpOnlyServer, Some(0)),
        (false, true) => (Verdict::Kb263237, Some(1)),
        (true, true) => (Verdict::NoChangeNeeded, Some(0)),
        (false, false) => (Verdict::DnsUnreachable, None),
    }
}

/// Whether the two answers agree: same rcode, and the UDP records (possibly
/// truncated) are all in the TCP answer. None when either is missing.
pub fn agree(udp: &Transport, tcp: &Transport) -> Option<bool> {
    if !(udp.ok && tcp.ok) {
        return None;
    }
    Some(udp.rcode == tcp.rcode && udp.records.iter().all(|r| tcp.records.contains(r)))
}

/// A checked domain name, or what a valid one looks like.
pub fn parse_domain(domain: &str) -> Result<Name, String> {
    let d = domain.trim().trim_end_matches('.');
    let valid_chars = d
        .chars()
        .all(|c| c.is_alphanumeric() || c == '-' || c == '.' || c == '_');
    if d.is_empty() || !valid_chars || d.starts_with('.') || d.contains("..") || d.len() > 253 {
        return Err(crate::t!("dns-bad-domain", domain = domain));
    }
    let mut name = Name::from_utf8(d).map_err(|e| {
        crate::t!(
            "dns-bad-domain-because",
            domain = domain,
            cause = e.to_string()
        )
    })?;
    name.set_fqdn(true);
    Ok(name)
}

/// `IP`, `IP:PORT` or `[IPv6]:PORT`; the port defaults to 53.
pub fn parse_server(s: &str) -> Result<SocketAddr, String> {
    if let Ok(sa) = s.parse::<SocketAddr>() {
        return Ok(sa);
    }
    if let Ok(ip) = s
        .trim_start_matches('[')
        .trim_end_matches(']')
        .parse::<IpAddr>()
    {
        return Ok(SocketAddr::new(ip, 53));
    }
    Err(crate::t!("dns-bad-server", server = s))
}

/// The resolvers the system is configured with (`nameserver` lines of /etc/resolv.conf).
pub fn system_resolvers() -> Vec<SocketAddr> {
    if cfg!(windows) {
        return vec![];
    }
    std::fs::read_to_string("/etc/resolv.conf")
        .map(|t| resolv_conf_servers(&t))
        .unwrap_or_default()
}

pub fn resolv_conf_servers(text: &str) -> Vec<SocketAddr> {
    text.lines()
        .filter_map(|l| {
            let mut words = l.split_whitespace();
            (words.next()? == "nameserver")
                .then(|| words.next())
                .flatten()
        })
        .filter_map(|ip| ip.split('%').next()?.parse::<IpAddr>().ok())
        .map(|ip| SocketAddr::new(ip, 53))
        .collect()
}

fn query_bytes(domain: &Name, id: u16) -> Vec<u8> {
    let mut m = Message::new(id, MessageType::Query, OpCode::Query);
    m.metadata.recursion_desired = true;
    m.add_query(Query::query(domain.clone(), RecordType::MX));
    // No EDNS: the IIS 6 SMTP service does not send an OPT record.
    m.to_vec().expect("a query encodes")
}

fn read_answer(bytes: &[u8], id: u16, rtt: Duration) -> Option<Transport> {
    let m = Message::from_vec(bytes).ok()?;
    if m.metadata.id != id || m.metadata.message_type != MessageType::Response {
        return None;
    }
    let records: Vec<String> = m
        .answers
        .iter()
        .filter_map(|r| match &r.data {
            RData::MX(mx) => Some(format!("{} {}", mx.preference, mx.exchange.to_ascii())),
            _ => None,
        })
        .collect();
    Some(Transport {
        ok: true,
        rcode: Some(rcode_name(m.metadata.response_code)),
        truncated: Some(m.metadata.truncation),
        answers: Some(records.len()),
        rtt_ms: Some(ms(rtt)),
        error: None,
        records,
    })
}

/// The mnemonic administrators see in dig and nslookup.
fn rcode_name(code: hickory_proto::op::ResponseCode) -> String {
    match u16::from(code) {
        0 => "NOERROR".into(),
        1 => "FORMERR".into(),
        2 => "SERVFAIL".into(),
        3 => "NXDOMAIN".into(),
        4 => "NOTIMP".into(),
        5 => "REFUSED".into(),
        _ => code.to_str().to_string(),
    }
}

fn io_error_text(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut => "timeout".into(),
        std::io::ErrorKind::ConnectionRefused => "refused".into(),
        std::io::ErrorKind::ConnectionReset => "reset".into(),
        _ => e.to_string(),
    }
}

/// One MX query over UDP, no EDNS.
pub fn query_udp(server: SocketAddr, domain: &Name, timeout: Duration) -> Transport {
    let id: u16 = rand_id();
    let bind: SocketAddr = if server.is_ipv4() {
        "0.0.0.0:0".parse().unwrap()
    } else {
        "[::]:0".parse().unwrap()
    };
    let start = Instant::now();
    let sock = match UdpSocket::bind(bind).and_then(|s| s.connect(server).map(|_| s)) {
        Ok(s) => s,
        Err(e) => return Transport::failed(io_error_text(&e), None),
    };
    if let Err(e) = sock.send(&query_bytes(domain, id)) {
        return Transport::failed(io_error_text(&e), None);
    }
    let mut buf = vec![0u8; 65535];
    loop {
        let left = timeout.saturating_sub(start.elapsed());
        if left.is_zero() {
            return Transport::failed("timeout".into(), Some(start.elapsed()));
        }
        let _ = sock.set_read_timeout(Some(left));
        match sock.recv(&mut buf) {
            Ok(n) => {
                if let Some(t) = read_answer(&buf[..n], id, start.elapsed()) {
                    return t;
                }
            }
            Err(e) => return Transport::failed(io_error_text(&e), Some(start.elapsed())),
        }
    }
}

/// One MX query over TCP (2-byte length prefix, RFC 1035 4.2.2).
pub fn query_tcp(server: SocketAddr, domain: &Name, timeout: Duration) -> Transport {
    let id = rand_id();
    let start = Instant::now();
    let mut stream = match TcpStream::connect_timeout(&server, timeout) {
        Ok(s) => s,
        Err(e) => return Transport::failed(io_error_text(&e), Some(start.elapsed())),
    };
    let left = timeout
        .saturating_sub(start.elapsed())
        .max(Duration::from_millis(1));
    let _ = stream.set_read_timeout(Some(left));
    let _ = stream.set_write_timeout(Some(left));
    let q = query_bytes(domain, id);
    let mut framed = (q.len() as u16).to_be_bytes().to_vec();
    framed.extend(q);
    if let Err(e) = stream.write_all(&framed) {
        return Transport::failed(io_error_text(&e), Some(start.elapsed()));
    }
    let mut len = [0u8; 2];
    if let Err(e) = stream.read_exact(&mut len) {
        let text = if e.kind() == std::io::ErrorKind::UnexpectedEof {
            "closed without an answer".into()
        } else {
            io_error_text(&e)
        };
        return Transport::failed(text, Some(start.elapsed()));
    }
    let mut buf = vec![0u8; u16::from_be_bytes(len) as usize];
    if let Err(e) = stream.read_exact(&mut buf) {
        return Transport::failed(io_error_text(&e), Some(start.elapsed()));
    }
    read_answer(&buf, id, start.elapsed()).unwrap_or_else(|| {
        Transport::failed(
            "an answer that does not match the query".into(),
            Some(start.elapsed()),
        )
    })
}

fn rand_id() -> u16 {
    // Enough for matching our own answer; not a security boundary.
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    (t.subsec_nanos() ^ std::process::id()) as u16
}

/// The diagnosis of one server.
#[derive(Debug, Clone, Serialize)]
pub struct ServerReport {
    pub server: String,
    pub udp: Transport,
    pub tcp: Transport,
    pub agree: Option<bool>,
    pub verdict: Verdict,
    pub recommended_mode: Option<u32>,
}

pub fn probe(server: SocketAddr, domain: &Name, timeout: Duration) -> ServerReport {
    let udp = query_udp(server, domain, timeout);
    let tcp = query_tcp(server, domain, timeout);
    let (verdict, recommended_mode) = verdict(&udp, &tcp);
    ServerReport {
        server: server.to_string(),
        agree: agree(&udp, &tcp),
        udp,
        tcp,
        verdict,
        recommended_mode,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(ok: bool, truncated: bool) -> Transport {
        Transport {
            ok,
            rcode: ok.then(|| "No Error".into()),
            truncated: ok.then_some(truncated),
            answers: ok.then_some(1),
            rtt_ms: Some(1.0),
            error: (!ok).then(|| "timeout".into()),
            records: if ok { vec!["10 mx.a.".into()] } else { vec![] },
        }
    }

    #[test]
    fn verdicts() {
        assert_eq!(
            verdict(&t(true, true), &t(false, false)),
            (Verdict::Kb820284, Some(2))
        );
        assert_eq!(
            verdict(&t(false, false), &t(true, false)),
            (Verdict::Kb263237, Some(1))
        );
        assert_eq!(
            verdict(&t(true, true), &t(true, false)),
            (Verdict::NoChangeNeeded, Some(0))
        );
        assert_eq!(
            verdict(&t(true, false), &t(true, false)),
            (Verdict::NoChangeNeeded, Some(0))
        );
        assert_eq!(
            verdict(&t(true, false), &t(false, false)),
            (Verdict::UdpOnlyServer, Some(0))
        );
        assert_eq!(
            verdict(&t(false, false), &t(false, false)),
            (Verdict::DnsUnreachable, None)
        );
    }

    #[test]
    fn agreement() {
        assert_eq!(agree(&t(true, true), &t(true, false)), Some(true));
        let mut other = t(true, false);
        other.records = vec!["20 mx.b.".into()];
        assert_eq!(agree(&t(true, true), &other), Some(false));
        assert_eq!(agree(&t(true, true), &t(false, false)), None);
    }

    #[test]
    fn parsing() {
        assert_eq!(parse_server("127.0.0.1").unwrap().port(), 53);
        assert_eq!(parse_server("127.0.0.1:5353").unwrap().port(), 5353);
        assert_eq!(parse_server("[::1]:54").unwrap().port(), 54);
        assert_eq!(parse_server("::1").unwrap().port(), 53);
        assert!(parse_server("dns.example").is_err());
        assert!(parse_domain("contoso.com").is_ok());
        assert!(parse_domain("contoso.com.").is_ok());
        for bad in ["", "a b", "..", "-", "a..b", ".a"] {
            assert!(parse_domain(bad).is_err() || bad == "-", "{bad}");
        }
        let conf = "# x\nnameserver 10.0.0.1\nnameserver fe80::1%eth0\nsearch x\nnameserver bad\n";
        assert_eq!(resolv_conf_servers(conf).len(), 2);
    }
}
