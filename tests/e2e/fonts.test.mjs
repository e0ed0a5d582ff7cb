// The window on a machine without any Chinese system font (Debian without fonts-noto-cjk, say):
// the bundled webfont must draw every Chinese character, placeholders included. The app is
// started under a fontconfig that knows only DejaVu; app.test.mjs covers the usual machine,
// where a system face draws the text and the webfont is never fetched.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WebDriver } from "./webdriver.mjs";
import { app, artifacts, cli, testid, startDriver } from "./harness.mjs";
import {
  chineseWithoutFallback,
  placeholdersWithoutGlyphs,
  systemFamilyInstalled,
  webfontFetched,
  withoutChineseSystemFonts,
} from "./fonts.mjs";

let driver;
before(async () => {
  driver = await startDriver({ env: withoutChineseSystemFonts() });
});
after(() => driver?.stop());

test("without a system Chinese face the bundled webfont draws the text and every placeholder", async () => {
  const dir = mkdtempSync(join(tmpdir(), "gongkai-e2e-"));
  const db = join(dir, "demo.sqlite3");
  execFileSync(cli, ["demo", "--db", db]);
  const wd = new WebDriver(driver.url);
  await wd.start(app, ["--db", db]);
  try {
    await wd.waitFor(testid("township-title"), { text: (t) => t.includes("示范镇") });
    for (const family of ["Noto Sans CJK SC", "Microsoft YaHei", "WenQuanYi Micro Hei"]) {
      assert.equal(await systemFamilyInstalled(wd, family), false, `${family} is out of this window's reach`);
    }
    assert.equal(await webfontFetched(wd), true, "the bundled webfont draws the home screen");
    assert.deepEqual(await chineseWithoutFallback(wd), [], "home screen");

    await wd.click(testid("nav-catalog"));
    await wd.click(`${testid("catalog-domain")}[data-domain="涉农补贴"]`);
    await wd.waitFor(testid("catalog-items"), { text: (t) => t.includes("耕地地力保护") });
    assert.deepEqual(await placeholdersWithoutGlyphs(wd), [], "catalog placeholders");
    writeFileSync(join(artifacts, "catalog-webfont-only.png"), await wd.screenshot());

    await wd.click(testid("nav-requests"));
    await wd.waitFor(testid("requests-table"));
    assert.deepEqual(await placeholdersWithoutGlyphs(wd), [], "requests placeholders");
    assert.deepEqual(await chineseWithoutFallback(wd), [], "requests page");

    await wd.click(testid("nav-records"));
    await wd.click(testid("record-open"));
    await wd.waitFor(testid("record-detail"));
    assert.deepEqual(await placeholdersWithoutGlyphs(wd), [], "record detail placeholders");
  } finally {
    await wd.quit();
  }
});
