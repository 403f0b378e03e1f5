//! The metabase as bytes: decode, scan, plan. Nothing in here touches the disk.

pub mod catalog;
pub mod check;
pub mod gate;
pub mod layout;
pub mod plan;
pub mod scan;
pub mod text;
pub mod validate;
pub mod value;

pub use plan::{Property, SMTP_USE_TCP_DNS};
pub use scan::{scan, Scan};
pub use text::Document;
