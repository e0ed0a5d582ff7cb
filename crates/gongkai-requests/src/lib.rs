//! 依申请公开: the rules of a request for government information, from receipt to reply. No I/O:
//! the store keeps requests, the API applies these rules at its edge.
//!
//! - [`channel`]: how an application arrived and its date of receipt (条例第三十一条).
//! - [`applicant`]: who asked — the annual report's 表三 columns.
//! - [`outcome`]: how it ended (第三十六条至第三十九条) as 表三's rows name it, with the
//!   articles a reply letter cites.
//! - [`clock`]: the reply period — 补正 restarting it, the extension, consultations and the
//!   fee holding it — counted on the official calendar and explained day by day.
//! - [`fee`]: the 信息处理费, 按件 or 按量 (国办函〔2020〕109号).

pub mod applicant;
pub mod channel;
pub mod clock;
mod error;
pub mod fee;
pub mod outcome;

pub use applicant::ApplicantKind;
pub use channel::Channel;
pub use clock::{
    ClockSettings, ConsultParty, Consultation, Correction, DueState, Extension, FeeNotice,
    Procedure, ReplyClock,
};
pub use error::RequestError;
pub use fee::{FeeMethod, FeeQuote};
pub use outcome::{
    DenialGround, GrantBasis, NotProcessedKind, OtherKind, Outcome, ResultRow, UnableKind,
};
