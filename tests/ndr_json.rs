//! The JSON documents of `explain` (a code, a bounce, the error document of a
//! message that is not a bounce), as structs that refuse unknown fields: a
//! schema change breaks the tests on purpose. Shared by `tests/explain.rs`
//! and `tests/ndr_fixtures.rs` (`#[path]`); as a test crate of its own it has
//! no tests.
#![allow(dead_code)]

use serde::Deserialize;

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Explanation {
    pub code: String,
    pub class: Option<u8>,
    pub class_text: Option<String>,
    pub subject_text: Option<String>,
    pub detail_text: Option<String>,
    pub basic_code: Option<u16>,
    pub basic_text: Option<String>,
    pub causes: Vec<String>,
    pub fixes: Vec<String>,
    pub next_steps: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    pub mta: String,
    pub reporting_mta: Option<String>,
    pub arrival_date: Option<String>,
    pub source: String,
    pub recipients: Vec<Recipient>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    pub recipient: String,
    pub original_recipient: Option<String>,
    pub action: Option<String>,
    pub status: Option<String>,
    pub status_source: Option<String>,
    pub reason: String,
    pub remote_mta: Option<String>,
    pub diagnostic_code: Option<String>,
    pub explanation: Option<Explanation>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorDoc {
    pub error: ErrorBody,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorBody {
    pub kind: String,
    pub message: String,
    pub file: Option<String>,
}
