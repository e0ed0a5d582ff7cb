// End-to-end: the public reading point (issue 14, part 3). The real app started with
// `--reading-point` on the lived-in demo shows the catalog, the notices in their 公示期 masked
// as printed, and search as you type; and from its window no command but the reading ones is
// reachable — every workstation command in bindings.ts and every shell command is refused by
// Tauri, and the database file is byte for byte what it was.
// Run: xvfb-run -a -s "-screen 0 1280x800x24" node --test --test-reporter=tap tests/e2e/reading_point.test.mjs

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WebDriver } from "./webdriver.mjs";
import { app, artifacts, cli, root, testid, startDriver } from "./harness.mjs";

let driver;
before(async () => {
  driver = await startDriver();
});
after(() => driver?.stop());

/** The names of the commands a block of bindings.ts (`export const <name> = { … };`) invokes. */
function invoked(block) {
  const bindings = readFileSync(join(root, "ui/src/api/bindings.ts"), "utf8");
  const start = bindings.indexOf(`export const ${block} = {`);
  assert.ok(start >= 0, `bindings.ts has no ${block}`);
  const body = bindings.slice(start, bindings.indexOf("\n};", start));
  return [...body.matchAll(/invoke<[^>]*>\("([a-z_]+)"/g)].map((m) => m[1]);
}

const sha256 = (path) => createHash("sha256").update(readFileSync(path)).digest("hex");

test("the reading point shows the public's views, searches as you type, and reaches no write", async () => {
  const dir = mkdtempSync(join(tmpdir(), "gongkai-e2e-reading-"));
  const db = join(dir, "示范镇.sqlite3");
  execFileSync(cli, ["demo", "--db", db]);
  const before = sha256(db);

  const workstation = invoked("commands");
  const reading = invoked("readingCommands");
  assert.ok(workstation.length > 100 && reading.length >= 5, "both lists read from bindings.ts");
  const shell = ["pick_file", "pick_save_target", "pick_folder", "open_pdf"];
  const forbidden = [...workstation, ...shell, "plugin:dialog|open", "plugin:opener|open_path"];

  const wd = new WebDriver(driver.url);
  await wd.start(app, ["--reading-point", "--db", db]);
  try {
    await wd.waitFor(testid("reading-domains"), { text: (t) => t.includes("社会救助") && t.includes("项") });
    await wd.waitFor(testid("reading-notices"), { text: (t) => t.includes("耕地地力保护补贴") });
    await wd.execute("return document.fonts.ready.then(() => true)");
    writeFileSync(join(artifacts, "reading-point.png"), await wd.screenshot());

    // A notice in its 公示期, masked as printed.
    await wd.click(`${testid("reading-notice")}`);
    const sheet = await wd.waitFor(testid("reading-notice-sheet"), { text: (t) => t.includes("身份证号") && t.includes("公示期：") });
    assert.ok(sheet);
    const ids = await wd.execute(
      `const table = document.querySelector('[data-testid="reading-notice-sheet"] table');
       const column = [...table.querySelectorAll("th")].findIndex((th) => th.textContent === "身份证号");
       return [...table.querySelectorAll("tbody tr")].map((tr) => tr.children[column].textContent);`,
    );
    assert.ok(ids.length > 0 && ids.every((id) => id.includes("*")), `ID numbers masked: ${ids.slice(0, 3)}`);
    writeFileSync(join(artifacts, "reading-point-notice.png"), await wd.screenshot());
    await wd.click(testid("reading-back"));

    // Search as you type.
    await wd.execute(
      `const box = document.querySelector('[data-testid="reading-search"]');
       box.value = "低保"; box.dispatchEvent(new Event("input"));`,
    );
    await wd.waitFor(testid("reading-results"), { text: (t) => t.includes("低保") });

    // No PIN set at the workstation: the screen says so and cannot be left from here.
    await wd.click(testid("reading-leave"));
    await wd.waitFor(testid("reading-no-pin"), { text: (t) => t.includes("未设置退出密码") });

    // The reading commands answer from this window…
    const start = await wd.execute(
      `return window.__TAURI_INTERNALS__.invoke("reading_start", { args: {} })
         .then((s) => ({ ok: true, township: s.township }), (e) => ({ ok: false, e: String(e?.message ?? e) }));`,
    );
    assert.deepEqual(start, { ok: true, township: "示范镇" });
    // …and nothing else does.
    const answers = await wd.execute(
      `const names = arguments[0];
       return Promise.all(names.map((name) =>
         window.__TAURI_INTERNALS__.invoke(name, { args: {} }).then(
           () => [name, "answered"],
           (e) => [name, String(typeof e === "string" ? e : e?.message ?? JSON.stringify(e))])));`,
      [forbidden],
    );
    const reached = answers.filter(([, outcome]) => outcome === "answered" || !/not allowed|not found|denied/i.test(outcome));
    assert.deepEqual(reached, [], `commands the reading window reached: ${JSON.stringify(reached.slice(0, 5))}`);
    assert.equal(answers.length, forbidden.length);
  } finally {
    await wd.quit();
  }

  assert.equal(sha256(db), before, "the database file is unchanged");
  // And the workstation still opens it whole.
  const villages = JSON.parse(execFileSync(cli, ["village", "list", "--db", db, "--json"], { encoding: "utf8" }));
  assert.ok(villages.length > 0);
});
