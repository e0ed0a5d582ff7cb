//! ARCHITECTURE.md's structural invariants, checked over the workspace itself:
//!
//! - **No crate but `src-tauri` depends on `tauri`**: `cargo metadata` — no workspace package
//!   other than `gongkai-app` names `tauri` or a `tauri-*` crate among its dependencies (any
//!   kind), nor reaches one through the resolved graph (normal and build edges).
//! - **SQL lives in two places**: the township's in `gongkai-store`, the county portal's in
//!   `gongkai-portal`'s `db.rs` (schema, every write) and `pages.rs` (the reads behind its pages,
//!   `SELECT` only). A scan of every `.rs`, `.ts`, `.vue`, `.js`/`.mjs` and `.sql` file finds SQL
//!   text (a string literal that starts like a statement), SQLite calls (`.execute(`,
//!   `.query_row(`, `.prepare(`, `Connection::open`, …) and `rusqlite` anywhere else. Test and
//!   bench code of a crate (`crates/*/tests`, `crates/*/benches`, `#[cfg(test)]` modules) is
//!   exempt: it opens the files a run left to check them, and the portal's tests keep a
//!   stand-in township outbox. `rusqlite` is a normal dependency of those two crates only.
//!
//! Each check also runs against a broken input (an injected dependency, a stray statement), so it
//! is known to be able to fail. The workspace is found from `CARGO_MANIFEST_DIR` at run time: the
//! compiled test can be pointed at another checkout.

// Helpers outside #[test] functions are test code too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use serde_json::{Value, json};

fn workspace_root() -> PathBuf {
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from);
    manifest
        .join("../..")
        .canonicalize()
        .expect("workspace root")
}

// ---------------------------------------------------------------------------------------------
// Dependencies

const APP: &str = "gongkai-app";
/// The crates that may depend on rusqlite for their own code (dev-dependencies are test code).
const SQL_CRATES: [&str; 2] = ["gongkai-store", "gongkai-portal"];

fn metadata() -> &'static Value {
    static METADATA: OnceLock<Value> = OnceLock::new();
    METADATA.get_or_init(|| {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let out = Command::new(&cargo)
            .args(["metadata", "--format-version", "1"])
            .current_dir(workspace_root())
            .output()
            .unwrap_or_else(|e| panic!("{}: {e}", Path::new(&cargo).display()));
        assert!(
            out.status.success(),
            "cargo metadata failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("cargo metadata prints JSON")
    })
}

fn is_tauri(name: &str) -> bool {
    name == "tauri" || name.starts_with("tauri-") || name == APP
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} missing: {v}"))
}

/// Every way a workspace package other than `gongkai-app` depends on a tauri crate.
fn tauri_violations(meta: &Value) -> Vec<String> {
    let members: BTreeSet<&str> = meta["workspace_members"]
        .as_array()
        .expect("workspace_members")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let packages = meta["packages"].as_array().expect("packages");
    let name_of: BTreeMap<&str, &str> = packages
        .iter()
        .map(|p| (str_of(p, "id"), str_of(p, "name")))
        .collect();
    let nodes: BTreeMap<&str, &Value> = meta["resolve"]["nodes"]
        .as_array()
        .expect("resolve.nodes (cargo metadata without --no-deps)")
        .iter()
        .map(|n| (str_of(n, "id"), n))
        .collect();
    let mut problems = Vec::new();
    for package in packages {
        let (id, name) = (str_of(package, "id"), str_of(package, "name"));
        if !members.contains(id) || name == APP {
            continue;
        }
        // Declared: any kind, any target.
        for dep in package["dependencies"].as_array().expect("dependencies") {
            let dep_name = str_of(dep, "name");
            if is_tauri(dep_name) {
                let kind = dep["kind"].as_str().unwrap_or("normal");
                problems.push(format!("{name} declares {dep_name} ({kind} dependency)"));
            }
        }
        // Resolved: everything built for it, breadth first so the path shown is a shortest one.
        let Some(node) = nodes.get(id) else {
            problems.push(format!("{name} is missing from the resolved graph"));
            continue;
        };
        let mut came_from: BTreeMap<&str, &str> = BTreeMap::new();
        let mut queue = VecDeque::new();
        for dep in node["deps"].as_array().expect("deps") {
            let to = str_of(dep, "pkg");
            if came_from.insert(to, id).is_none() {
                queue.push_back(to);
            }
        }
        while let Some(at) = queue.pop_front() {
            let at_name = name_of.get(at).copied().unwrap_or(at);
            if is_tauri(at_name) {
                let mut path = vec![at_name];
                let mut step = at;
                while let Some(&prev) = came_from.get(step) {
                    if prev == id {
                        break;
                    }
                    path.push(name_of.get(prev).copied().unwrap_or(prev));
                    step = prev;
                }
                path.push(name);
                path.reverse();
                problems.push(format!("{name} reaches {at_name}: {}", path.join(" → ")));
                continue;
            }
            let Some(next) = nodes.get(at) else { continue };
            for dep in next["deps"].as_array().expect("deps") {
                let built = dep["dep_kinds"].as_array().is_some_and(|kinds| {
                    kinds
                        .iter()
                        .any(|k| matches!(k["kind"].as_str(), None | Some("build")))
                });
                let to = str_of(dep, "pkg");
                if built && !came_from.contains_key(to) {
                    came_from.insert(to, at);
                    queue.push_back(to);
                }
            }
        }
    }
    problems
}

/// Workspace packages with rusqlite as a normal or build dependency that may not have it.
fn rusqlite_violations(meta: &Value) -> Vec<String> {
    let members: BTreeSet<&str> = meta["workspace_members"]
        .as_array()
        .expect("workspace_members")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let mut problems = Vec::new();
    for package in meta["packages"].as_array().expect("packages") {
        let name = str_of(package, "name");
        if !members.contains(str_of(package, "id")) || SQL_CRATES.contains(&name) {
            continue;
        }
        for dep in package["dependencies"].as_array().expect("dependencies") {
            if str_of(dep, "name") == "rusqlite" && dep["kind"].as_str() != Some("dev") {
                problems.push(format!(
                    "{name} depends on rusqlite (SQL belongs in {})",
                    SQL_CRATES.join(" or ")
                ));
            }
        }
    }
    problems
}

#[test]
fn only_src_tauri_depends_on_tauri() {
    let meta = metadata();
    let members = meta["workspace_members"].as_array().unwrap();
    assert!(
        members.len() >= 12,
        "the workspace lists its crates: {members:?}"
    );
    let problems = tauri_violations(meta);
    assert!(
        problems.is_empty(),
        "only src-tauri (gongkai-app) may depend on tauri:\n  {}",
        problems.join("\n  ")
    );
}

#[test]
fn only_the_store_and_the_portal_depend_on_rusqlite() {
    let problems = rusqlite_violations(metadata());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn package_id(meta: &Value, name: &str) -> String {
    meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == name)
        .map(|p| str_of(p, "id").to_owned())
        .unwrap_or_else(|| panic!("no package {name}"))
}

/// The dependency checks fail on a graph that breaks the rules.
#[test]
fn the_dependency_checks_catch_a_violation() {
    let real = metadata();
    let tauri = package_id(real, "tauri");
    let sheets = package_id(real, "gongkai-sheets");

    // A declared dependency (what adding `tauri.workspace = true` to a core crate does).
    let mut declared = real.clone();
    for package in declared["packages"].as_array_mut().unwrap() {
        if package["name"] == "gongkai-domain" {
            package["dependencies"].as_array_mut().unwrap().push(json!({
                "name": "tauri-utils", "kind": "build", "req": "^2"
            }));
        }
        if package["name"] == "gongkai-api" {
            package["dependencies"]
                .as_array_mut()
                .unwrap()
                .push(json!({"name": "rusqlite", "kind": null, "req": "^0.37"}));
        }
    }
    assert_eq!(
        tauri_violations(&declared),
        ["gongkai-domain declares tauri-utils (build dependency)"]
    );
    assert_eq!(
        rusqlite_violations(&declared),
        ["gongkai-api depends on rusqlite (SQL belongs in gongkai-store or gongkai-portal)"]
    );

    // A resolved edge two steps down (a dependency of a core crate that starts needing tauri).
    let mut resolved = real.clone();
    for node in resolved["resolve"]["nodes"].as_array_mut().unwrap() {
        if node["id"] == sheets.as_str() {
            node["deps"].as_array_mut().unwrap().push(json!({
                "name": "tauri", "pkg": tauri, "dep_kinds": [{"kind": null, "target": null}]
            }));
        }
    }
    let problems = tauri_violations(&resolved);
    for expected in [
        "gongkai-sheets reaches tauri: gongkai-sheets → tauri",
        "gongkai-payouts reaches tauri: gongkai-payouts → gongkai-sheets → tauri",
    ] {
        assert!(
            problems.iter().any(|p| p == expected),
            "{expected} not in {problems:#?}"
        );
    }
    // gongkai-app itself is allowed everything.
    assert!(problems.iter().all(|p| !p.starts_with(APP)));
}

// ---------------------------------------------------------------------------------------------
// Where SQL may be

#[derive(Clone, Copy, Debug, PartialEq)]
enum Lang {
    Rust,
    Script,
}

/// A source split into its code (comments and literals blanked, lines kept) and its string
/// literals with the line each starts on.
struct Lexed {
    code: String,
    strings: Vec<(usize, String)>,
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn lex(src: &str, lang: Lang) -> Lexed {
    let chars: Vec<char> = src.chars().collect();
    let mut code = String::with_capacity(src.len());
    let mut strings = Vec::new();
    let mut line = 1;
    let mut i = 0;
    // Copies chars[from..to] into the blanked code as newlines only.
    let blank = |code: &mut String, line: &mut usize, part: &[char]| {
        for &c in part {
            if c == '\n' {
                code.push('\n');
                *line += 1;
            }
        }
    };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        // comments
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '/' && next == Some('*') {
            let start = i;
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    i += 2;
                    depth -= 1;
                    if depth == 0 || lang == Lang::Script {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            blank(&mut code, &mut line, &chars[start..i.min(chars.len())]);
            continue;
        }
        let prev = i.checked_sub(1).map(|p| chars[p]);
        // Rust raw strings: r"…", r#"…"#, br"…", cr"…"
        if lang == Lang::Rust && c == 'r' {
            let prefix_ok = match prev {
                None => true,
                Some(p) if !is_ident(p) => true,
                Some('b' | 'c') => i < 2 || !is_ident(chars[i - 2]),
                _ => false,
            };
            let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
            if prefix_ok && chars.get(i + 1 + hashes) == Some(&'"') {
                let body = i + 2 + hashes;
                let mut j = body;
                let end = loop {
                    if j >= chars.len() {
                        break chars.len();
                    }
                    if chars[j] == '"'
                        && chars[j + 1..].iter().take_while(|&&h| h == '#').count() >= hashes
                    {
                        break j;
                    }
                    j += 1;
                };
                strings.push((line, chars[body..end].iter().collect()));
                code.push_str("\"\"");
                blank(&mut code, &mut line, &chars[i..end]);
                i = (end + 1 + hashes).min(chars.len());
                continue;
            }
        }
        // Rust char literals and lifetimes
        if lang == Lang::Rust && c == '\'' {
            if next == Some('\\') {
                let mut j = i + 3;
                while j < chars.len() && chars[j] != '\'' {
                    j += 1;
                }
                code.push_str("' '");
                i = j + 1;
                continue;
            }
            if chars.get(i + 2) == Some(&'\'') {
                code.push_str("' '");
                i += 3;
                continue;
            }
            code.push(c); // a lifetime or label
            i += 1;
            continue;
        }
        // Script regular expression literals (so their quotes start no string)
        if lang == Lang::Script && c == '/' {
            let before = code.trim_end().chars().last();
            if before.is_none_or(|b| "(,=:[!&|?{};+-*%<>~^".contains(b)) {
                let mut j = i + 1;
                let mut class = false;
                while j < chars.len() && chars[j] != '\n' {
                    match chars[j] {
                        '\\' => j += 1,
                        '[' => class = true,
                        ']' => class = false,
                        '/' if !class => break,
                        _ => {}
                    }
                    j += 1;
                }
                code.push_str("/re/");
                i = j + 1;
                continue;
            }
        }
        // strings
        let quote = match lang {
            Lang::Rust => c == '"',
            Lang::Script => matches!(c, '"' | '\'' | '`'),
        };
        if quote {
            let mut j = i + 1;
            let mut text = String::new();
            while j < chars.len() && chars[j] != c {
                if chars[j] == '\\' {
                    j += 1;
                }
                if let Some(&ch) = chars.get(j) {
                    text.push(ch);
                }
                j += 1;
            }
            strings.push((line, text));
            code.push_str("\"\"");
            blank(&mut code, &mut line, &chars[i..j.min(chars.len())]);
            i = j + 1;
            continue;
        }
        if c == '\n' {
            line += 1;
        }
        code.push(c);
        i += 1;
    }
    Lexed { code, strings }
}

/// The statement a string literal starts with, when it reads as SQL.
fn sql_statement(text: &str) -> Option<&'static str> {
    let words: Vec<String> = text
        .split_whitespace()
        .take(4)
        .map(|w| w.trim_end_matches(';').to_ascii_lowercase())
        .collect();
    let w = |i: usize| words.get(i).map_or("", String::as_str);
    let table_like = [
        "table", "index", "unique", "trigger", "view", "virtual", "temp",
    ];
    let lower = text.to_ascii_lowercase();
    let first = text
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .trim_end_matches(';');
    let statement = match w(0) {
        // "SELECT …" as written in this code base, or "select … from …"
        "select" if first == "SELECT" || lower.contains(" from ") => "SELECT",
        "insert" if matches!(w(1), "into" | "or") => "INSERT",
        "replace" if w(1) == "into" => "REPLACE",
        "update" if w(2) == "set" || w(1) == "or" => "UPDATE",
        "delete" if w(1) == "from" => "DELETE",
        "create" if table_like.contains(&w(1)) => "CREATE",
        "drop" if table_like.contains(&w(1)) => "DROP",
        "alter" if w(1) == "table" => "ALTER",
        "pragma" => "PRAGMA",
        "with" if w(1) == "recursive" || w(2) == "as" || w(2).starts_with("as(") => "WITH",
        "begin" if matches!(w(1), "immediate" | "exclusive" | "deferred" | "transaction") => {
            "BEGIN"
        }
        "vacuum" | "savepoint" | "reindex" => "maintenance",
        "attach" if w(1) == "database" => "maintenance",
        // transaction control, as written in this code base ("End" or "Commit" may be prose)
        "rollback" | "commit" | "release" | "end"
            if first.chars().all(|c| c.is_ascii_uppercase()) =>
        {
            "transaction"
        }
        _ => return None,
    };
    Some(statement)
}

/// SQLite calls in Rust code (comments and strings already blanked).
const RUST_SQL_CALLS: [&str; 12] = [
    ".execute(",
    ".execute_batch(",
    ".query_row(",
    ".query_map(",
    ".query_and_then(",
    ".prepare(",
    ".prepare_cached(",
    ".pragma_update(",
    ".pragma_query(",
    ".pragma_query_value(",
    "Connection::open",
    "transaction_with_behavior(",
];
/// Front-end SQLite packages (named in import strings).
const SCRIPT_SQL_PACKAGES: [&str; 5] = [
    "@tauri-apps/plugin-sql",
    "sql.js",
    "better-sqlite3",
    "sqlite3",
    "wa-sqlite",
];

/// What a file may hold.
#[derive(Debug, PartialEq)]
enum Zone {
    /// gongkai-store, the portal's db.rs and migrations: any SQL.
    Sql,
    /// The portal's pages.rs: reads only.
    Reads,
    /// The portal's other modules: they pass its connection around (`rusqlite` types), no SQL.
    PortalPlumbing,
    /// Test and bench code of a crate: exempt.
    Exempt,
    /// Everything else: none.
    None,
}

fn zone(rel: &str) -> Zone {
    let parts: Vec<&str> = rel.split('/').collect();
    match parts.as_slice() {
        ["crates", "gongkai-store", ..] => Zone::Sql,
        ["crates", "gongkai-portal", "src", "db.rs"]
        | ["crates", "gongkai-portal", "src", "migrations", ..] => Zone::Sql,
        ["crates", "gongkai-portal", "src", "pages.rs"] => Zone::Reads,
        ["crates", "gongkai-portal", "src", ..] => Zone::PortalPlumbing,
        ["crates", _, "tests" | "benches", ..] => Zone::Exempt,
        // `#[cfg(test)] mod tests;` in its own file
        ["crates", _, "src", .., "tests.rs"] => Zone::Exempt,
        _ => Zone::None,
    }
}

/// Everything in one file that breaks the rule, as `path:line: what`.
fn sql_violations(rel: &str, src: &str) -> Vec<String> {
    let zone = zone(rel);
    if matches!(zone, Zone::Sql | Zone::Exempt) {
        return Vec::new();
    }
    let ext = rel.rsplit('.').next().unwrap_or_default();
    let mut found = Vec::new();
    if ext == "sql" {
        found.push(format!(
            "{rel}: an SQL file outside gongkai-store and the portal's migrations"
        ));
        return found;
    }
    let (lang, text) = match ext {
        "rs" => (Lang::Rust, src.to_owned()),
        "vue" => (Lang::Script, vue_scripts(src)),
        _ => (Lang::Script, src.to_owned()),
    };
    let lexed = lex(&text, lang);
    let tests = test_module_lines(&lexed.code);
    for (line, string) in lexed.strings.iter().filter(|(l, _)| !tests.contains(l)) {
        if let Some(statement) = sql_statement(string)
            && !(zone == Zone::Reads && matches!(statement, "SELECT" | "WITH"))
        {
            let shown: String = string.split_whitespace().collect::<Vec<_>>().join(" ");
            let shown: String = shown.chars().take(60).collect();
            found.push(format!("{rel}:{line}: {statement} statement \"{shown}\""));
        }
        if lang == Lang::Script && SCRIPT_SQL_PACKAGES.contains(&string.as_str()) {
            found.push(format!("{rel}:{line}: imports {string}"));
        }
    }
    if lang == Lang::Rust {
        for (index, code_line) in lexed.code.lines().enumerate() {
            let line = index + 1;
            if tests.contains(&line) {
                continue;
            }
            for call in RUST_SQL_CALLS {
                let reads = matches!(
                    call,
                    ".query_row(" | ".query_map(" | ".query_and_then(" | ".prepare("
                );
                if code_line.contains(call) && !(zone == Zone::Reads && reads) {
                    found.push(format!("{rel}:{line}: SQLite call {call}"));
                }
            }
            let mentions_rusqlite = code_line.match_indices("rusqlite").any(|(at, _)| {
                let before = code_line[..at].chars().next_back();
                let after = code_line[at + "rusqlite".len()..].chars().next();
                !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
            });
            if mentions_rusqlite && zone == Zone::None {
                found.push(format!("{rel}:{line}: uses rusqlite"));
            }
        }
    }
    found
}

/// The lines of `#[cfg(test)] mod … { … }` blocks (unit tests: test code, exempt like
/// `tests/`), found in code whose comments and literals are blanked, so braces balance.
fn test_module_lines(code: &str) -> BTreeSet<usize> {
    let mut lines = BTreeSet::new();
    let line_at = |at: usize| code[..at].matches('\n').count() + 1;
    for (at, _) in code.match_indices("#[cfg(test)]") {
        let rest = code[at + "#[cfg(test)]".len()..].trim_start();
        let Some(after_mod) = rest.strip_prefix("mod ") else {
            continue;
        };
        let Some(open) = after_mod.find(['{', ';']) else {
            continue;
        };
        if after_mod.as_bytes()[open] == b';' {
            continue; // `mod tests;`: its own file, named below
        }
        let start = code.len() - after_mod.len() + open;
        let mut depth = 0;
        let mut end = code.len();
        for (i, c) in code[start..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = start + i;
                        break;
                    }
                }
                _ => {}
            }
        }
        lines.extend(line_at(at)..=line_at(end));
    }
    lines
}

/// The `<script>` blocks of a single-file component, other lines blanked (line numbers kept).
fn vue_scripts(src: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for line in src.lines() {
        let trimmed = line.trim_start();
        if !inside && trimmed.starts_with("<script") {
            inside = true;
        } else if inside && trimmed.starts_with("</script") {
            inside = false;
        } else if inside {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

const SCANNED: [&str; 6] = ["rs", "ts", "vue", "js", "mjs", "sql"];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy();
        if name.starts_with('.') || matches!(&*name, "target" | "node_modules" | "dist") {
            continue;
        }
        if path.is_dir() {
            sources(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| SCANNED.contains(&&*e.to_string_lossy()))
        {
            out.push(path);
        }
    }
}

#[test]
fn sql_only_in_the_store_and_the_portal_db() {
    let root = workspace_root();
    let mut files = Vec::new();
    sources(&root, &mut files);
    let mut problems = Vec::new();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for path in &files {
        let rel = path
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let src = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{rel}: {e}"));
        *counts.entry(format!("{:?}", zone(&rel))).or_default() += 1;
        problems.extend(sql_violations(&rel, &src));
    }
    // The scan saw the code it is about (a wrong root would pass vacuously).
    for (what, at_least) in [
        ("Sql", 10),
        ("Reads", 1),
        ("PortalPlumbing", 3),
        ("None", 100),
    ] {
        let n = counts.get(what).copied().unwrap_or(0);
        assert!(n >= at_least, "only {n} files of zone {what}: {counts:?}");
    }
    assert!(
        files.iter().any(|p| p.ends_with("ui/src/App.vue")),
        "the UI was not scanned"
    );
    assert!(
        problems.is_empty(),
        "SQL belongs in gongkai-store (the township's) or gongkai-portal's db.rs / pages.rs \
         (the county portal's; see ARCHITECTURE.md):\n  {}",
        problems.join("\n  ")
    );
}

/// The scan finds what it looks for, and leaves alone what only looks like it.
#[test]
fn the_sql_check_catches_a_stray_statement() {
    let api = "crates/gongkai-api/src/commands.rs";
    let stray = r##"
fn count(conn: &Conn) -> i64 {
    // SELECT in a comment is no statement; nor is 'a lifetime, '"' or "Select a village"
    let _ = ('"', '\'', "Select a village", "更新 UPDATE", b"x");
    let sql = "SELECT count(*) FROM village";
    let raw = r#"
        insert into village (id) values (?1)"#;
    conn.query_row(sql, [], |r| r.get(0))
}
"##;
    assert_eq!(
        sql_violations(api, stray),
        [
            "crates/gongkai-api/src/commands.rs:5: SELECT statement \"SELECT count(*) FROM village\"",
            "crates/gongkai-api/src/commands.rs:6: INSERT statement \"insert into village (id) values (?1)\"",
            "crates/gongkai-api/src/commands.rs:8: SQLite call .query_row(",
        ]
    );
    assert_eq!(
        sql_violations("src-tauri/src/main.rs", "use rusqlite::Connection;\n"),
        ["src-tauri/src/main.rs:1: uses rusqlite"]
    );
    // The same code where SQL belongs, or in test code.
    assert!(sql_violations("crates/gongkai-store/src/profile.rs", stray).is_empty());
    assert!(sql_violations("crates/gongkai-portal/src/db.rs", stray).is_empty());
    assert!(sql_violations("crates/gongkai-cli/tests/cli.rs", stray).is_empty());
    // The portal's pages read; they do not write.
    assert_eq!(
        sql_violations("crates/gongkai-portal/src/pages.rs", stray),
        [
            "crates/gongkai-portal/src/pages.rs:6: INSERT statement \"insert into village (id) values (?1)\""
        ]
    );
    assert_eq!(
        sql_violations(
            "crates/gongkai-portal/src/pages.rs",
            "fn f(c: &C) { c.execute(\"DELETE FROM entry\", []); }"
        ),
        [
            "crates/gongkai-portal/src/pages.rs:1: DELETE statement \"DELETE FROM entry\"",
            "crates/gongkai-portal/src/pages.rs:1: SQLite call .execute(",
        ]
    );
    assert_eq!(
        sql_violations(
            "crates/gongkai-portal/src/server.rs",
            "use rusqlite::Connection;\nfn f(c: &Connection) { c.execute_batch(\"ROLLBACK\"); }"
        ),
        [
            "crates/gongkai-portal/src/server.rs:2: transaction statement \"ROLLBACK\"",
            "crates/gongkai-portal/src/server.rs:2: SQLite call .execute_batch(",
        ]
    );
    // Unit tests in a `#[cfg(test)]` module are test code; what follows the module is not.
    let unit = "fn a() {}\n#[cfg(test)]\nmod tests {\n    fn t(c: &C) {\n        \
                c.execute(\"DELETE FROM x\", []);\n    }\n}\nfn b(c: &C) { c.prepare(\"SELECT 1\"); }\n";
    assert_eq!(
        sql_violations("crates/gongkai-portal/src/server.rs", unit),
        [
            "crates/gongkai-portal/src/server.rs:8: SELECT statement \"SELECT 1\"",
            "crates/gongkai-portal/src/server.rs:8: SQLite call .prepare(",
        ]
    );
    // The front end: none at all.
    let vue = "<template>\n  <p>Don't SELECT * FROM here</p>\n</template>\n<script setup lang=\"ts\">\n\
               const re = /[\"']/g;\nimport Database from \"@tauri-apps/plugin-sql\";\n\
               const q = `UPDATE record SET title = ${t} WHERE id = 1`;\n</script>\n";
    assert_eq!(
        sql_violations("ui/src/views/Records.vue", vue),
        [
            "ui/src/views/Records.vue:6: imports @tauri-apps/plugin-sql",
            "ui/src/views/Records.vue:7: UPDATE statement \"UPDATE record SET title = ${t} WHERE id = 1\"",
        ]
    );
    assert_eq!(
        sql_violations("crates/gongkai-api/src/stray.sql", "SELECT 1;"),
        [
            "crates/gongkai-api/src/stray.sql: an SQL file outside gongkai-store and the portal's migrations"
        ]
    );
}
