//! Generates `ui/src/api/bindings.ts` from [`with_commands!`](crate::with_commands) and the
//! [`wire`](crate::wire) types.
//!
//! The file is committed. `cargo test -p gongkai-api` fails when it is stale; run it with
//! `UPDATE_BINDINGS=1` to rewrite it.

use std::collections::BTreeMap;

use ts_rs::{TS, TypeVisitor};

use crate::ApiError;
use crate::wire::{PROGRESS_EVENT, ProgressEvent, SYNC_EVENT, WIRE_VERSION};

/// Where the generated file lives, relative to the workspace root.
pub const BINDINGS_PATH: &str = "ui/src/api/bindings.ts";

/// Collects the declarations of every exportable type reachable from the visited ones.
#[derive(Default)]
struct Declarations(BTreeMap<String, String>);

impl TypeVisitor for Declarations {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        // Primitives and containers have no output path and no declaration of their own.
        if T::output_path().is_none() || self.0.contains_key(&T::ident()) {
            return;
        }
        self.0.insert(T::ident(), format!("export {}", T::decl()));
        T::visit_dependencies(self);
    }
}

struct Command {
    name: &'static str,
    args: String,
    output: String,
    takes_no_args: bool,
}

macro_rules! describe_commands {
    ($($name:ident($args:ty) -> $output:ty;)*) => {
        describe_commands!(@list commands $($name($args) -> $output;)*);
    };
    (@list $list:ident $($name:ident($args:ty) -> $output:ty;)*) => {
        fn $list(types: &mut Declarations) -> Vec<Command> {
            vec![$(
                {
                    types.visit::<$args>();
                    types.visit::<$output>();
                    Command {
                        name: stringify!($name),
                        args: <$args as TS>::name(),
                        output: <$output as TS>::name(),
                        takes_no_args: <$args as TS>::name() == "NoArgs",
                    }
                },
            )*]
        }
    };
}

crate::with_commands!(describe_commands);

macro_rules! describe_reading_commands {
    ($($name:ident($args:ty) -> $output:ty;)*) => {
        describe_commands!(@list reading_commands $($name($args) -> $output;)*);
    };
}

crate::with_reading_commands!(describe_reading_commands);

/// The complete text of `bindings.ts`.
pub fn bindings() -> String {
    let mut types = Declarations::default();
    let commands = commands(&mut types);
    let reading = reading_commands(&mut types);
    // The reading point's shell command (`reading_leave` in src-tauri) speaks these.
    types.visit::<crate::wire::ReadingLeaveArgs>();
    types.visit::<crate::wire::ReadingLeave>();
    types.visit::<ApiError>();
    types.visit::<ProgressEvent>();
    crate::wire::visit_labelled(&mut types);

    let mut out = String::from(
        "// 本文件由 crates/gongkai-api 生成，请勿手工修改。\n\
         // 更新：UPDATE_BINDINGS=1 cargo test -p gongkai-api bindings\n\n\
         import { invoke } from \"@tauri-apps/api/core\";\n\n",
    );
    out.push_str(&format!("export const WIRE_VERSION = {WIRE_VERSION};\n"));
    out.push_str(&format!(
        "/** 长时间命令（如导入清册）的进度事件名，载荷为 ProgressEvent。 */\nexport const PROGRESS_EVENT = \"{PROGRESS_EVENT}\";\n"
    ));
    out.push_str(&format!(
        "/** 后台同步每运行一次发出的事件名，无载荷（界面随后查询 syncStatus）。 */\nexport const SYNC_EVENT = \"{SYNC_EVENT}\";\n\n"
    ));
    for decl in types.0.values() {
        out.push_str(decl);
        out.push('\n');
    }
    out.push_str(
        "\n// 各状态、类别的中文名。唯一来源：crates/gongkai-api/src/wire/labels.rs；界面只用这里的名称。\n",
    );
    for table in crate::wire::label_tables() {
        out.push_str(&format!(
            "export const {name}Labels: Readonly<Record<{name}, string>> = {{ ",
            name = table.name
        ));
        for (key, label) in &table.entries {
            out.push_str(&format!("{}: {}, ", json_string(key), json_string(label)));
        }
        out.push_str("};\n");
    }
    out.push_str(
        "\n/** 工作台核心的全部命令；失败时以 ApiError 拒绝。 */\nexport const commands = {\n",
    );
    write_commands(&mut out, &commands);
    out.push_str("};\n");
    out.push_str(
        "\n/** 公开查阅点窗口唯一可用的命令（只读，面向公众的视图）。 */\nexport const readingCommands = {\n",
    );
    write_commands(&mut out, &reading);
    out.push_str("};\n");
    out
}

fn write_commands(out: &mut String, commands: &[Command]) {
    for c in commands {
        let function = camel_case(c.name);
        if c.takes_no_args {
            out.push_str(&format!(
                "  {function}: () => invoke<{}>(\"{}\", {{ args: {{}} }}),\n",
                c.output, c.name
            ));
        } else {
            out.push_str(&format!(
                "  {function}: (args: {}) => invoke<{}>(\"{}\", {{ args }}),\n",
                c.args, c.output, c.name
            ));
        }
    }
}

fn json_string(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

fn camel_case(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    #[test]
    fn camel_case_of_commands() {
        assert_eq!(camel_case("village_save"), "villageSave");
        assert_eq!(camel_case("db_check"), "dbCheck");
    }

    #[test]
    fn bindings_are_fresh() {
        let path = PathBuf::from(
            std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo test sets CARGO_MANIFEST_DIR"),
        )
        .join("../..")
        .join(BINDINGS_PATH);
        let expected = bindings();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &expected).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == expected,
            "{BINDINGS_PATH} is stale: run `UPDATE_BINDINGS=1 cargo test -p gongkai-api bindings` \
             and commit the result"
        );
    }
}
