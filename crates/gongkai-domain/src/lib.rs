//! Domain types of the township disclosure workstation.
//!
//! Everything here is plain data with validation: no I/O, no SQL, no GUI. Values that reach this
//! crate's types have been checked once, so the rest of the program can trust them (a
//! [`CreditCode`] always has a correct check character, a [`Name`] is never blank).

mod codes;
pub mod demo;
mod error;
mod gb11643;
mod id;
mod names;
mod profile;
mod status;

pub use codes::{CreditCode, DivisionCode, VillageCode};
pub use error::DomainError;
pub use gb11643::{IdNumberProblem, check_character, check_id_number, fold_digit};
pub use id::RowId;
pub use names::{Name, Phone};
pub use profile::{Office, Person, Role, Roles, Township, Village, VillageKind};
pub use status::PayoutListStatus;
