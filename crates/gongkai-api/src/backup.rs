//! The backup passphrase: backups carry the installation's secrets only sealed under it.

use gongkai_store::{Passphrase, Store};

use crate::commands::non_blank;
use crate::session::OpenMode;
use crate::{Api, ApiError, wire};

impl Api {
    pub fn backup_status(&self, _: wire::NoArgs) -> Result<wire::BackupStatus, ApiError> {
        self.with_store(OpenMode::Existing, status_of)
    }

    /// Sets the passphrase (refused when weak), or changes it given the current one.
    pub fn backup_passphrase_set(
        &self,
        args: wire::BackupPassphraseArgs,
    ) -> Result<wire::BackupStatus, ApiError> {
        let new = Passphrase::choose(&args.new).map_err(gongkai_store::StoreError::from)?;
        let current = non_blank(args.current.as_deref()).map(Passphrase::given);
        self.with_store(OpenMode::Existing, |store| {
            store.set_backup_passphrase(current.as_ref(), &new)?;
            status_of(store)
        })
    }
}

fn status_of(store: &mut Store) -> Result<wire::BackupStatus, ApiError> {
    let status = store.backup_status()?;
    Ok(wire::BackupStatus {
        passphrase_set_at: status.passphrase_set_at,
        key_storage: status.key_storage,
    })
}
