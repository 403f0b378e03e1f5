//! Amazon SES notifications: JSON in the body (straight, or wrapped by SNS in
//! a `"Message"` string). Format: AWS SES developer guide, "Contents of
//! notifications" (bounce, complaint and delivery objects).

use serde_json::Value;

use super::super::codes::{address_of, find_enhanced, strip_type};
use super::super::Found;

/// What the notification is.
pub enum Notification {
    Bounce {
        reporting_mta: Option<String>,
        recipients: Vec<Found>,
    },
    Complaint,
    Delivery,
}

fn first_json(text: &str) -> Option<Value> {
    let at = text.find('{')?;
    let mut it = serde_json::Deserializer::from_str(&text[at..]).into_iter::<Value>();
    it.next()?.ok()
}

pub fn read(text: &str) -> Option<Notification> {
    let mut v = first_json(text)?;
    if let Some(inner) = v.get("Message").and_then(Value::as_str) {
        v = serde_json::from_str(inner).ok()?;
    }
    let kind = v
        .get("notificationType")
        .or_else(|| v.get("eventType"))?
        .as_str()?;
    match kind {
        "Complaint" => return Some(Notification::Complaint),
        "Delivery" => return Some(Notification::Delivery),
        "Bounce" => {}
        _ => return None,
    }
    let b = v.get("bounce")?;
    let s = |o: &Value, k: &str| o.get(k).and_then(Value::as_str).map(str::to_string);
    let hint = match s(b, "bounceSubType").as_deref() {
        Some("MailboxFull") => Some("mailboxfull"),
        Some("MessageTooLarge") => Some("mesgtoobig"),
        Some("ContentRejected" | "AttachmentRejected") => Some("policyviolation"),
        _ => None,
    };
    let recipients = b
        .get("bouncedRecipients")
        .and_then(Value::as_array)
        .map(|rs| {
            rs.iter()
                .filter_map(|r| {
                    let addr = address_of(&s(r, "emailAddress")?);
                    let diag = s(r, "diagnosticCode").map(|d| strip_type(&d));
                    Some(Found {
                        recipient: addr,
                        action: s(r, "action").map(|a| a.to_ascii_lowercase()),
                        field_status: s(r, "status").and_then(|x| find_enhanced(&x)),
                        context: diag.clone().unwrap_or_default(),
                        diagnostic: diag,
                        remote_mta: s(b, "remoteMtaIp"),
                        reason_hint: hint,
                        ..Found::default()
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    Some(Notification::Bounce {
        reporting_mta: s(b, "reportingMTA").map(|m| strip_type(&m)),
        recipients,
    })
}
