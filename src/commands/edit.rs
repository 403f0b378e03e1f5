//! What every command that changes the metabase shares: open (resolve the
//! file, lock it, read it), show the diff, and commit through the one write
//! transaction (`apply::commit`). `set-dns-mode`, `set`, `unset` and
//! `restore` differ only in their plan and their words.

use std::path::PathBuf;
use std::sync::Arc;

use super::common;
use crate::apply::{self, Committed, Locked};
use crate::backup::{BackupJob, Store};
use crate::cli::GlobalArgs;
use crate::metabase::text::Document;
use crate::render::{self, Labels};
use crate::splice::Splice;
use crate::ui::Ui;

/// Up to this size the backup is written while the command scans and plans
/// ([`BackupJob`]); above it, beside the new file in the write transaction.
/// Measured on the bench machine (docs/performance.md): early, `set-dns-mode`
/// took 0.214 s instead of 0.240 s at 100 MB, but 3.93 s instead of 3.28 s at
/// 1 GB, where the backup's write beside the scan took 2.7 s, and the backup
/// and the new file written side by side after the scan take 1.8 s.
const EARLY_BACKUP_MAX: usize = 256 << 20;

/// A metabase opened for a change (or for a dry run: no lock, no store).
pub struct Editing {
    pub path: PathBuf,
    pub store: Option<Store>,
    pub locked: Option<Locked>,
    /// The backup of the bytes read, being written while the command plans.
    staging: Option<BackupJob>,
    /// The bytes read (the ones `staging` backs up).
    raw: Arc<Vec<u8>>,
}

impl Editing {
    /// Resolve the file; unless `dry_run`, find the backup store and take the
    /// lock (waiting up to --lock-timeout); then read the bytes (under the
    /// lock) and, up to `EARLY_BACKUP_MAX`, start writing their backup,
    /// which does not depend on the plan: its write and flush overlap the scan. [`Editing::commit`] lists
    /// it; a run that commits nothing (no change, an error) drops it, and the
    /// drop cancels it and deletes its file.
    pub fn open(g: &GlobalArgs, dry_run: bool) -> anyhow::Result<(Editing, Arc<Vec<u8>>)> {
        let path = common::resolve_file(g)?;
        let store = if dry_run {
            None
        } else {
            Some(common::store(g)?)
        };
        let mut locked = if dry_run {
            None
        } else {
            Some(apply::lock(&path, g.lock_timeout)?)
        };
        let raw = Arc::new(match locked.as_mut() {
            Some(l) => l.read()?,
            None => apply::read_unlocked(&path)?,
        });
        let staging = store
            .clone()
            .filter(|_| raw.len() <= EARLY_BACKUP_MAX)
            .map(|store| BackupJob::start(store, &path, Arc::clone(&raw)));
        Ok((
            Editing {
                path,
                store,
                locked,
                staging,
                raw: Arc::clone(&raw),
            },
            raw,
        ))
    }

    /// Print the unified diff of `splices` (over the text) on stdout.
    pub fn diff(&self, ui: &Ui, text: &str, splices: &[Splice]) -> anyhow::Result<()> {
        let (region, replacement) = render::splice_region(text, splices);
        let shown = self.path.display().to_string();
        let labels = Labels {
            old: &shown,
            new: &shown,
        };
        ui.raw(render::unified(&labels, text, region, &replacement, ui.color).as_bytes())?;
        Ok(())
    }

    /// Write the change: splices over the text of `raw` (the bytes `open`
    /// read), mapped to the file's bytes.
    pub fn commit(
        &mut self,
        raw: &[u8],
        doc: &Document<'_>,
        splices: &[Splice],
        operation: &str,
    ) -> anyhow::Result<Committed> {
        let (Some(store), Some(locked)) = (self.store.as_ref(), self.locked.as_mut()) else {
            unreachable!("a dry run commits nothing")
        };
        let splices = doc.to_file_splices(splices);
        // The staged backup holds the bytes `open` read; for any other bytes
        // it is dropped (cancelled) and the backup written here.
        let same_bytes = raw.as_ptr() == self.raw.as_ptr() && raw.len() == self.raw.len();
        let staging = self.staging.take().filter(|_| same_bytes);
        Ok(apply::commit(
            locked, store, raw, &splices, operation, staging,
        )?)
    }
}
