//! Which build this is: 设置 → 关于 in the window and `gongkai --version`.

use crate::wire::{self, WIRE_VERSION};
use crate::{Api, ApiError};

/// This build's versions; the same whatever database is open.
pub fn app_version() -> wire::AppVersion {
    wire::AppVersion {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        schema_version: gongkai_store::LATEST_VERSION,
        protocol_version: gongkai_sync::PROTOCOL_VERSION,
        wire_version: WIRE_VERSION,
    }
}

/// What `gongkai --version` prints after the program's name.
pub fn version_line() -> String {
    let v = app_version();
    format!(
        "{}（数据库结构版本 {}，同步协议版本 {}）",
        v.version, v.schema_version, v.protocol_version
    )
}

impl Api {
    pub fn app_version(&self, _: wire::NoArgs) -> Result<wire::AppVersion, ApiError> {
        Ok(app_version())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_line_names_release_schema_and_protocol() {
        let line = version_line();
        assert!(line.starts_with(env!("CARGO_PKG_VERSION")), "{line}");
        assert!(
            line.contains(&format!("数据库结构版本 {}", gongkai_store::LATEST_VERSION)),
            "{line}"
        );
        assert!(
            line.contains(&format!("同步协议版本 {}", gongkai_sync::PROTOCOL_VERSION)),
            "{line}"
        );
    }
}
