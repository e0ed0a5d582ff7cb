//! Owned by boards-core (see lib.rs).
