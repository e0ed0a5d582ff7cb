//! Shared by the scenario tests, the Chromium test and the benchmarks; not every binary uses
//! every helper.
#![allow(dead_code)]

pub mod portal;
pub mod proxy;
pub mod server;
pub mod township;
