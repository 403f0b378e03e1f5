//! Deterministic synthetic metabases in IIS 6 layout, for tests and benchmarks.
//!
//! A hosting server's metabase: `/LM` (IIsComputer), then per site an
//! `IIsWebServer` key with multi-line ServerBindings and an `IIsWebVirtualDir`
//! ROOT key with multi-line ScriptMaps, and the SMTP service key in the middle
//! with Custom children (IDs 6000, 36931, [36997], 49875, 61537). CRLF, tabs,
//! `Location =` with a space: what IIS writes. The same inputs give the same bytes.

use std::fmt::Write as _;

/// How the SMTP service key holds SmtpUseTcpDns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpForm {
    /// Not set: set-dns-mode inserts a Custom element.
    Unset,
    /// A Custom element with Value="0": set-dns-mode updates its digit.
    Custom,
}

fn custom(out: &mut String, name: &str, id: u32, value: &str, kind: &str) {
    let _ = write!(
        out,
        "\t<Custom\r\n\t\tName=\"{name}\"\r\n\t\tID=\"{id}\"\r\n\t\tValue=\"{value}\"\r\n\t\tType=\"{kind}\"\r\n\t\tUserType=\"IIS_MD_UT_SERVER\"\r\n\t\tAttributes=\"INHERIT\"\r\n\t/>\r\n"
    );
}

fn smtp_key(out: &mut String, form: SmtpForm) {
    out.push_str("<IIsSmtpService\tLocation =\"/LM/SmtpSvc\"\r\n\t\tConnectionTimeout=\"600\"\r\n\t\tServerComment=\"Relay > outbound\"\r\n\t>\r\n");
    custom(
        out,
        "AuthFlags",
        6000,
        "AuthBasic | AuthAnonymous | AuthNTLM",
        "DWORD",
    );
    custom(out, "UnknownName_36931", 36931, "1", "DWORD");
    if form == SmtpForm::Custom {
        custom(out, "SmtpUseTcpDns", 36997, "0", "DWORD");
    }
    custom(out, "UnknownName_49875", 49875, "0", "DWORD");
    custom(out, "UnknownName_61537", 61537, "none/&gt;", "STRING");
    out.push_str("</IIsSmtpService>\r\n");
    out.push_str("<IIsSmtpServer\tLocation =\"/LM/SmtpSvc/1\"\r\n\t\tServerBindings=\":25:\"\r\n\t\tServerComment=\"[Default SMTP Virtual Server]\"\r\n\t>\r\n</IIsSmtpServer>\r\n");
}

fn site(out: &mut String, n: u32) {
    let _ = write!(
        out,
        "<IIsWebServer\tLocation =\"/LM/W3SVC/{n}\"\r\n\t\tAppPoolId=\"Pool{p}\"\r\n\t\tServerAutoStart=\"TRUE\"\r\n\t\tServerBindings=\"10.{a}.{b}.{c}:80:www.site{n}.example\r\n\t\t\t10.{a}.{b}.{c}:80:site{n}.example\r\n\t\t\t:443:\"\r\n\t\tServerComment=\"Customer site {n} &amp; shop\"\r\n\t\tServerSize=\"1\"\r\n\t>\r\n</IIsWebServer>\r\n\
<IIsWebVirtualDir\tLocation =\"/LM/W3SVC/{n}/ROOT\"\r\n\t\tAccessFlags=\"AccessRead | AccessScript\"\r\n\t\tAppFriendlyName=\"Default Application\"\r\n\t\tAppIsolated=\"2\"\r\n\t\tAppRoot=\"/LM/W3SVC/{n}/Root\"\r\n\t\tPath=\"D:\\Sites\\site{n}\\wwwroot\"\r\n\t\tScriptMaps=\".asp,C:\\WINDOWS\\system32\\inetsrv\\asp.dll,5,GET,HEAD,POST,TRACE\r\n\t\t\t.asa,C:\\WINDOWS\\system32\\inetsrv\\asp.dll,5,GET,HEAD,POST,TRACE\r\n\t\t\t.cer,C:\\WINDOWS\\system32\\inetsrv\\asp.dll,5,GET,HEAD,POST,TRACE\r\n\t\t\t.aspx,C:\\WINDOWS\\Microsoft.NET\\Framework\\v2.0.50727\\aspnet_isapi.dll,1,GET,HEAD,POST,DEBUG\"\r\n\t>\r\n</IIsWebVirtualDir>\r\n",
        p = n % 16,
        a = (n >> 16) & 255,
        b = (n >> 8) & 255,
        c = n & 255,
    );
}

/// A metabase of about `size` bytes (at least the fixed keys), the SMTP key in the middle.
pub fn metabase(size: usize, form: SmtpForm) -> Vec<u8> {
    let mut out = String::with_capacity(size + 4096);
    out.push_str("<?xml version =\"1.0\"?>\r\n<configuration xmlns=\"urn:microsoft-catalog:XML_Metabase_V64_0\">\r\n<MBProperty>\r\n");
    out.push_str("<IIsComputer\tLocation =\"/LM\"\r\n\t\tEnableEditWhileRunning=\"1\"\r\n\t\tEnableHistory=\"1\"\r\n\t>\r\n</IIsComputer>\r\n");
    let mut n = 1;
    let mut smtp_done = false;
    while out.len() < size || !smtp_done {
        if !smtp_done && out.len() >= size / 2 {
            smtp_key(&mut out, form);
            smtp_done = true;
            continue;
        }
        site(&mut out, n);
        n += 1;
    }
    out.push_str("</MBProperty>\r\n</configuration>\r\n");
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metabase::plan::{plan_set, Change, SMTP_USE_TCP_DNS};

    #[test]
    fn synthetic_metabases_scan_and_plan() {
        for (form, change) in [
            (SmtpForm::Unset, Change::Inserted),
            (SmtpForm::Custom, Change::Updated),
        ] {
            let bytes = metabase(200_000, form);
            assert!(bytes.len() >= 200_000);
            let text = std::str::from_utf8(&bytes).unwrap();
            let scan = crate::metabase::scan(text).unwrap();
            assert!(scan.keys.len() > 300);
            assert_eq!(
                plan_set(text, &scan, "/LM/SmtpSvc", &SMTP_USE_TCP_DNS, 2)
                    .unwrap()
                    .change,
                change
            );
        }
        assert_eq!(
            metabase(50_000, SmtpForm::Unset),
            metabase(50_000, SmtpForm::Unset)
        );
    }
}
