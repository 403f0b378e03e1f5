//! metabase-fix: apply KB 820284 (SmtpUseTcpDns, ID 36997) to an IIS 6 MetaBase.xml.
//!
//! The data's path through the crate:
//!
//! * [`metabase::text`]   bytes -> UTF-8 text (BOM, UTF-16LE) and back, line/column
//! * [`metabase::scan`]   text -> keys with byte spans (pure, never touches the disk)
//! * [`metabase::plan`]   scan -> a list of byte-range splices + warnings (pure)
//! * [`metabase::layout`] how an inserted element is laid out, copied from its neighbours
//! * [`splice`]           the one place where bytes are changed: splices applied to bytes
//! * [`apply`]            the one write transaction: lock, verify, back up, temp, flush, replace
//! * [`backup`]           the backup store: records, checksums, listing
//! * [`render`]           diff and human text
//! * [`commands`]         one file per subcommand, each a short script over the above

pub mod apply;
pub mod backup;
pub mod cli;
pub mod commands;
pub mod dns;
pub mod error;
pub mod explain;
pub mod history;
pub mod i18n;
pub mod metabase;
pub mod platform;
pub mod render;
pub mod splice;
pub mod synth;
pub mod ui;
#[cfg(windows)]
pub mod win32;

pub use error::Error;
