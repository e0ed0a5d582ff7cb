//! Owned by postings (see lib.rs).
