//! 依申请公开: the rules of a request for government information, from receipt to reply. No I/O:
//! the store keeps requests, the API applies these rules at its edge.
//!
//! - [`channel`]: how an application arrived and its date of receipt (条例第三十一条).
//! - [`applicant`]: who asked — the annual report's 表三 columns.
//! - [`outcome`]: how it ended (第三十六条至第三十九条) as 表三's rows name it, with the
//!   articles a reply letter cites.

pub mod applicant;
pub mod channel;
mod error;
pub mod outcome;

pub use applicant::ApplicantKind;
pub use channel::Channel;
pub use error::RequestError;
pub use outcome::{
    DenialGround, GrantBasis, NotProcessedKind, OtherKind, Outcome, ResultRow, UnableKind,
};
