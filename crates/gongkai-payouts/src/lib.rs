//! Subsidy payout lists (惠民惠农财政补贴发放清册): the rules for reading one, without I/O.
//!
//! - [`IdNumber`]: 18-digit 公民身份号码 (GB 11643) with its check digit and birth date.
//! - [`Fen`]: money as integer fen, parsed from text; never a float.
//! - [`MaskRules`]: how ID, bank and phone numbers are shown in public.
//! - [`columns`]: finding the header row and mapping its synonyms.
//! - [`validate`]: a whole workbook into payout lines, or every problem with its sheet, row and
//!   column.
//!
//! Invariant: the raw ID and bank numbers exist only inside [`PayoutLine`] on their way to being
//! hashed and masked; nothing in this crate prints or stores them.

pub mod columns;
mod id_number;
mod keyed_hash;
mod mask;
mod money;
mod scrub;
pub mod validate;

pub use id_number::{IdNumber, IdProblem};
pub use keyed_hash::{IdHash, InstallationKey};
pub use mask::MaskRules;
pub use money::{AmountProblem, Fen, Quantity};
pub use scrub::scrub;
pub use validate::{Issue, Outcome, PayoutLine, validate};
