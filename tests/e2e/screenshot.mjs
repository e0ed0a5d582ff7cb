// Not a test: the README's picture, the real app on the lived-in demo township.
// Run under a display after building: xvfb-run -a -s "-screen 0 1280x800x24" node tests/e2e/screenshot.mjs
// Writes docs/screenshot.png (the home screen, 待办: records due, notices ending, boards due, lists on the boards, county notices).

import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { WebDriver } from "./webdriver.mjs";

const root = resolve(import.meta.dirname, "../..");
const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, "target");
const app = join(targetDir, "debug", "gongkai-app");
const cli = join(targetDir, "debug", "gongkai");
const port = 4464;

const db = join(mkdtempSync(join(tmpdir(), "gongkai-screenshot-")), "示范镇.sqlite3");
execFileSync(cli, ["demo", "--db", db]);
const driver = spawn("tauri-driver", ["--port", String(port), "--native-port", String(port + 1)], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 1500));
const wd = new WebDriver(`http://127.0.0.1:${port}`);
try {
  await wd.start(app, ["--db", db]);
  await wd.waitFor('[data-testid="home-payouts"]', { text: (t) => t.includes("耕地地力保护补贴") });
  await wd.waitFor('[data-testid="home-notices"]', { text: (t) => t.includes("通知") });
  await wd.execute("return document.fonts.ready.then(() => true)");
  await new Promise((r) => setTimeout(r, 1000));
  const png = await wd.screenshot();
  writeFileSync(join(root, "docs", "screenshot.png"), png);
  console.log(`docs/screenshot.png: ${png.length} bytes`);
} finally {
  await wd.quit();
  driver.kill();
}
