//! The SMTP status code registries, complete:
//! * enhanced status codes (RFC 3463, the IANA registry of RFC 5248 and its
//!   later additions: RFC 3886, 4468, 4954, 6531, 6710, 7293, 7372, 7505, 8617, 8689);
//! * basic reply codes (RFC 5321, with RFC 4954 and 7504 additions).

/// Class digit -> (text, meaning).
pub const CLASSES: &[(u8, &str, &str)] = &[
    (2, "Success", "the action was completed"),
    (
        4,
        "Persistent transient failure",
        "the message may be delivered if sent again later; the sending server keeps retrying",
    ),
    (
        5,
        "Permanent failure",
        "the message will not be delivered as it is; sending it again will fail the same way",
    ),
];

/// Subject digit -> text.
pub const SUBJECTS: &[(u16, &str)] = &[
    (0, "Other or undefined status"),
    (1, "Addressing status"),
    (2, "Mailbox status"),
    (3, "Mail system status"),
    (4, "Network and routing status"),
    (5, "Mail delivery protocol status"),
    (6, "Message content or media status"),
    (7, "Security or policy status"),
];

/// (subject, detail, text, reference): every X.Y.Z in the IANA registry.
pub const DETAILS: &[(u16, u16, &str, &str)] = &[
    (0, 0, "Other undefined status", "RFC 3463"),
    (1, 0, "Other address status", "RFC 3463"),
    (1, 1, "Bad destination mailbox address", "RFC 3463"),
    (1, 2, "Bad destination system address", "RFC 3463"),
    (1, 3, "Bad destination mailbox address syntax", "RFC 3463"),
    (1, 4, "Destination mailbox address ambiguous", "RFC 3463"),
    (1, 5, "Destination address valid", "RFC 3463"),
    (1, 6, "Destination mailbox has moved, no forwarding address", "RFC 3463"),
    (1, 7, "Bad sender's mailbox address syntax", "RFC 3463"),
    (1, 8, "Bad sender's system address", "RFC 3463"),
    (1, 9, "Message relayed to non-compliant mailer", "RFC 3886"),
    (1, 10, "Recipient address has null MX", "RFC 7505"),
    (2, 0, "Other or undefined mailbox status", "RFC 3463"),
    (2, 1, "Mailbox disabled, not accepting messages", "RFC 3463"),
    (2, 2, "Mailbox full", "RFC 3463"),
    (2, 3, "Message length exceeds administrative limit", "RFC 3463"),
    (2, 4, "Mailing list expansion problem", "RFC 3463"),
    (3, 0, "Other or undefined mail system status", "RFC 3463"),
    (3, 1, "Mail system full", "RFC 3463"),
    (3, 2, "System not accepting network messages", "RFC 3463"),
    (3, 3, "System not capable of selected features", "RFC 3463"),
    (3, 4, "Message too big for system", "RFC 3463"),
    (3, 5, "System incorrectly configured", "RFC 3463"),
    (3, 6, "Requested priority was changed", "RFC 6710"),
    (4, 0, "Other or undefined network or routing status", "RFC 3463"),
    (4, 1, "No answer from host", "RFC 3463"),
    (4, 2, "Bad connection", "RFC 3463"),
    (4, 3, "Directory server failure", "RFC 3463"),
    (4, 4, "Unable to route", "RFC 3463"),
    (4, 5, "Mail system congestion", "RFC 3463"),
    (4, 6, "Routing loop detected", "RFC 3463"),
    (4, 7, "Delivery time expired", "RFC 3463"),
    (5, 0, "Other or undefined protocol status", "RFC 3463"),
    (5, 1, "Invalid command", "RFC 3463"),
    (5, 2, "Syntax error", "RFC 3463"),
    (5, 3, "Too many recipients", "RFC 3463"),
    (5, 4, "Invalid command arguments", "RFC 3463"),
    (5, 5, "Wrong protocol version", "RFC 3463"),
    (5, 6, "Authentication exchange line is too long", "RFC 4954"),
    (6, 0, "Other or undefined media error", "RFC 3463"),
    (6, 1, "Media not supported", "RFC 3463"),
    (6, 2, "Conversion required and prohibited", "RFC 3463"),
    (6, 3, "Conversion required but not supported", "RFC 3463"),
    (6, 4, "Conversion with loss performed", "RFC 3463"),
    (6, 5, "Conversion failed", "RFC 3463"),
    (6, 6, "Message content not available", "RFC 4468"),
    (6, 7, "Non-ASCII addresses not permitted for that sender/recipient", "RFC 6531"),
    (6, 8, "UTF-8 string reply is required, but not permitted by the SMTP client", "RFC 6531"),
    (6, 9, "UTF-8 header message cannot be transferred to one or more recipients, so the message must be rejected", "RFC 6531"),
    (6, 10, "UTF-8 string reply is required, but not permitted by the SMTP client", "RFC 6531"),
    (7, 0, "Other or undefined security status", "RFC 3463"),
    (7, 1, "Delivery not authorized, message refused", "RFC 3463"),
    (7, 2, "Mailing list expansion prohibited", "RFC 3463"),
    (7, 3, "Security conversion required but not possible", "RFC 3463"),
    (7, 4, "Security features not supported", "RFC 3463"),
    (7, 5, "Cryptographic failure", "RFC 3463"),
    (7, 6, "Cryptographic algorithm not supported", "RFC 3463"),
    (7, 7, "Message integrity failure", "RFC 3463"),
    (7, 8, "Authentication credentials invalid", "RFC 4954"),
    (7, 9, "Authentication mechanism is too weak", "RFC 4954"),
    (7, 10, "Encryption needed", "RFC 5248"),
    (7, 11, "Encryption required for requested authentication mechanism", "RFC 4954"),
    (7, 12, "A password transition is needed", "RFC 4954"),
    (7, 13, "User account disabled", "RFC 5248"),
    (7, 14, "Trust relationship required", "RFC 5248"),
    (7, 15, "Priority level is too low", "RFC 6710"),
    (7, 16, "Message is too big for the specified priority", "RFC 6710"),
    (7, 17, "Mailbox owner has changed", "RFC 7293"),
    (7, 18, "Domain owner has changed", "RFC 7293"),
    (7, 19, "RRVS test cannot be completed", "RFC 7293"),
    (7, 20, "No passing DKIM signature found", "RFC 7372"),
    (7, 21, "No acceptable DKIM signature found", "RFC 7372"),
    (7, 22, "No valid author-matched DKIM signature found", "RFC 7372"),
    (7, 23, "SPF validation failed", "RFC 7372"),
    (7, 24, "SPF validation error", "RFC 7372"),
    (7, 25, "Reverse DNS validation failed", "RFC 7372"),
    (7, 26, "Multiple authentication checks failed", "RFC 7372"),
    (7, 27, "Sender address has null MX", "RFC 7505"),
    (7, 28, "Mail flood detected", "IANA registry"),
    (7, 29, "ARC validation failure", "RFC 8617"),
    (7, 30, "REQUIRETLS support required", "RFC 8689"),
];

/// Basic reply codes (RFC 5321 4.2.3, RFC 4954, RFC 7504).
pub const BASIC: &[(u16, &str)] = &[
    (211, "System status, or system help reply"),
    (214, "Help message"),
    (220, "Service ready"),
    (221, "Service closing transmission channel"),
    (235, "Authentication succeeded"),
    (250, "Requested mail action okay, completed"),
    (251, "User not local; will forward"),
    (252, "Cannot verify the user, but will accept the message and attempt delivery"),
    (334, "Server challenge (authentication in progress)"),
    (354, "Start mail input; end with <CRLF>.<CRLF>"),
    (421, "Service not available, closing transmission channel"),
    (432, "A password transition is needed"),
    (450, "Requested mail action not taken: mailbox unavailable (busy or temporarily blocked)"),
    (451, "Requested action aborted: local error in processing"),
    (452, "Requested action not taken: insufficient system storage"),
    (454, "Temporary authentication failure"),
    (455, "Server unable to accommodate parameters"),
    (500, "Syntax error, command unrecognized"),
    (501, "Syntax error in parameters or arguments"),
    (502, "Command not implemented"),
    (503, "Bad sequence of commands"),
    (504, "Command parameter not implemented"),
    (521, "Host does not accept mail"),
    (530, "Authentication required"),
    (534, "Authentication mechanism is too weak"),
    (535, "Authentication credentials invalid"),
    (538, "Encryption required for requested authentication mechanism"),
    (550, "Requested action not taken: mailbox unavailable (not found, no access, or refused by policy)"),
    (551, "User not local"),
    (552, "Requested mail action aborted: exceeded storage allocation"),
    (553, "Requested action not taken: mailbox name not allowed"),
    (554, "Transaction failed (or, at connection, no SMTP service here)"),
    (555, "MAIL FROM/RCPT TO parameters not recognized or not implemented"),
    (556, "Domain does not accept mail"),
];

/// The registry's texts in the current language (message ids `status-class-<c>`,
/// `status-subject-<s>`, `status-detail-<s>-<d>`, `status-basic-<code>`; the
/// English file holds the same texts as these tables, a test keeps them equal).
pub fn class_text_tr(class: u8) -> Option<String> {
    class_text(class).map(|_| crate::i18n::tr(&format!("status-class-{class}"), &[]))
}

pub fn subject_text_tr(subject: u16) -> Option<String> {
    subject_text(subject).map(|_| crate::i18n::tr(&format!("status-subject-{subject}"), &[]))
}

pub fn detail_text_tr(subject: u16, detail: u16) -> Option<String> {
    self::detail(subject, detail)
        .map(|_| crate::i18n::tr(&format!("status-detail-{subject}-{detail}"), &[]))
}

pub fn basic_text_tr(code: u16) -> Option<String> {
    basic_text(code).map(|_| crate::i18n::tr(&format!("status-basic-{code}"), &[]))
}

pub fn class_text(class: u8) -> Option<&'static str> {
    CLASSES.iter().find(|c| c.0 == class).map(|c| c.1)
}

pub fn subject_text(subject: u16) -> Option<&'static str> {
    SUBJECTS.iter().find(|s| s.0 == subject).map(|s| s.1)
}

pub fn detail(subject: u16, detail: u16) -> Option<(&'static str, &'static str)> {
    DETAILS
        .iter()
        .find(|d| d.0 == subject && d.1 == detail)
        .map(|d| (d.2, d.3))
}

pub fn basic_text(code: u16) -> Option<&'static str> {
    BASIC.iter().find(|b| b.0 == code).map(|b| b.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_registry_is_complete() {
        // Per subject, the details 0..=max with no gap, as IANA lists them.
        let max = [
            (0, 0),
            (1, 10),
            (2, 4),
            (3, 6),
            (4, 7),
            (5, 6),
            (6, 10),
            (7, 30),
        ];
        for (subject, last) in max {
            for d in 0..=last {
                assert!(detail(subject, d).is_some(), "X.{subject}.{d} missing");
            }
            assert!(
                detail(subject, last + 1).is_none(),
                "X.{subject}.{} unexpected",
                last + 1
            );
        }
        assert_eq!(DETAILS.len(), 81);
        assert_eq!(detail(4, 4).unwrap().0, "Unable to route");
        assert_eq!(detail(4, 7).unwrap().0, "Delivery time expired");
        assert_eq!(
            detail(7, 26).unwrap().0,
            "Multiple authentication checks failed"
        );
        assert_eq!(subject_text(7), Some("Security or policy status"));
        assert_eq!(class_text(4), Some("Persistent transient failure"));
        assert_eq!(class_text(3), None);
        assert_eq!(
            basic_text(550).map(|t| t.starts_with("Requested action not taken")),
            Some(true)
        );
        assert!(BASIC.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
