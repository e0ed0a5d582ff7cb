// End-to-end tests of the real desktop app: the built Tauri binary, under Xvfb, driven through
// tauri-driver and Debian's WebKitWebDriver. Run by `./dev.sh test` (see tests/e2e/run.sh).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WebDriver } from "./webdriver.mjs";
import { app, artifacts, cli, input, targetDir, testid, startDriver } from "./harness.mjs";
import { chineseWithoutFallback, systemFamilyInstalled, webfontFetched } from "./fonts.mjs";

let driver;
before(async () => {
  driver = await startDriver();
});
after(() => driver?.stop());

let failures = 0;

async function withApp(db, body) {
  const wd = new WebDriver(driver.url);
  await wd.start(app, ["--db", db]);
  try {
    await body(wd);
  } catch (e) {
    // What the window showed when the test failed, and any message the app put up.
    failures += 1;
    const messages = await wd
      .execute(`return [...document.querySelectorAll(".el-message")].map((m) => m.innerText).join(" | ")`)
      .catch(() => "");
    await wd.screenshot().then((png) => writeFileSync(join(artifacts, `failed-${failures}.png`), png), () => {});
    if (messages) e.message += ` (the app showed: ${messages})`;
    throw e;
  } finally {
    await wd.quit();
  }
}

async function saveScreenshot(wd, name) {
  const png = await wd.screenshot();
  writeFileSync(join(artifacts, name), png);
  assert.ok(png.length > 10000, `screenshot ${name} looks empty`);
}

test("create a township, add a village, restart, the village is still there", async () => {
  const db = join(mkdtempSync(join(tmpdir(), "gongkai-e2e-")), "gongkai.sqlite3");

  await withApp(db, async (wd) => {
    await wd.type(input("setup-name"), "店下镇");
    await wd.type(input("setup-county"), "樟树市");
    await wd.type(input("setup-division-code"), "360982101");
    await wd.click(testid("setup-create-submit"));
    await wd.waitFor(testid("township-title"), { text: (t) => t.includes("店下镇") });

    await wd.click(testid("nav-settings"));
    await wd.click(testid("tab-villages"));
    await wd.click(testid("village-add"));
    await wd.type(input("village-name"), "樟溪村");
    await wd.type(input("village-code"), "360982101201");
    await wd.click(testid("village-save"));
    await wd.waitFor(testid("village-name-cell"), { text: (t) => t.includes("樟溪村") });
    await saveScreenshot(wd, "settings-villages.png");
  });

  // The village reached the real database file…
  const villages = JSON.parse(execFileSync(cli, ["village", "list", "--db", db, "--json"], { encoding: "utf8" }));
  assert.deepEqual(villages.map((v) => v.name), ["樟溪村"]);

  // …and the restarted app shows it.
  await withApp(db, async (wd) => {
    await wd.waitFor(testid("township-title"), { text: (t) => t.includes("店下镇") });
    await wd.click(testid("nav-settings"));
    await wd.click(testid("tab-villages"));
    await wd.waitFor(testid("village-name-cell"), { text: (t) => t.includes("樟溪村") });
  });
});

test("a core error reaches the clerk as a Chinese message", async () => {
  const db = join(mkdtempSync(join(tmpdir(), "gongkai-e2e-")), "gongkai.sqlite3");
  await withApp(db, async (wd) => {
    await wd.type(input("setup-name"), "店下镇");
    await wd.type(input("setup-county"), "樟树市");
    await wd.type(input("setup-credit-code"), "91350100M000100Y44");
    await wd.click(testid("setup-create-submit"));
    await wd.waitFor(".el-message", { text: (t) => t.includes("校验位不正确") });
  });
  assert.equal(existsSync(db), false, "a refused setup must not create the database");
});

test("the demo township opens; its Chinese is drawn by the system's face, the bundled webfont kept as the fallback and never fetched", async () => {
  const db = join(mkdtempSync(join(tmpdir(), "gongkai-e2e-")), "demo.sqlite3");
  await withApp(db, async (wd) => {
    await wd.waitFor(testid("setup-open-demo"));
    assert.deepEqual(await chineseWithoutFallback(wd), [], "setup page");
    await saveScreenshot(wd, "setup.png");
    await wd.click(testid("setup-open-demo"));
    await wd.waitFor(testid("township-title"), { text: (t) => t.includes("示范镇") });
    for (const area of ["catalog", "records", "payouts", "boards", "plan", "documents", "requests", "report", "sync", "settings"]) {
      await wd.waitFor(testid(`nav-${area}`));
    }
    // This machine has Noto Sans CJK (./dev.sh installs it): the webfont's slices would only
    // cost the web process memory. fonts.test.mjs covers a machine without a Chinese face.
    assert.equal(await systemFamilyInstalled(wd, "Noto Sans CJK SC"), true, "the test machine has a system Chinese face");
    assert.equal(await webfontFetched(wd), false, "the bundled webfont was fetched although a system face draws the text");
    assert.deepEqual(await chineseWithoutFallback(wd), [], "main window");
    await saveScreenshot(wd, "main-window.png");
    await wd.click(testid("nav-settings"));
    await wd.click(testid("tab-people"));
    await wd.waitFor("td", { text: (t) => t.includes("张建国") });
    assert.deepEqual(await chineseWithoutFallback(wd), [], "settings page");
    await saveScreenshot(wd, "settings-people.png");
  });
});

/** A valid 18-digit ID number (GB 11643 check character) for the fictional 99 region. */
function idNumber(seq) {
  const body = `99990119800101${String(seq).padStart(3, "0")}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return body + "10X98765432"[sum % 11];
}

/** Walks the import wizard: file → 核对列 → 校验并导入. */
async function importThroughWizard(wd, file) {
  await wd.type(input("payout-file"), file);
  await wd.click(testid("payout-survey-submit"));
  await wd.waitFor(testid("payout-mapping"));
  await wd.click(testid("payout-import-submit"));
}

test("import a payout list: a path typed outside the app's folders refused, mapping step, refused with located errors, then imported, found by ID and previewed", async () => {
  const dir = mkdtempSync(join(tmpdir(), "gongkai-e2e-"));
  const db = join(dir, "demo.sqlite3");
  execFileSync(cli, ["demo", "--db", db]);
  // WebDriver cannot drive the system's file dialog: the lists go where a clerk may drop files
  // to import, the 导入 folder beside the database. A path typed to anywhere else is refused.
  const inbox = join(dir, "导入");
  mkdirSync(inbox, { recursive: true });
  const outside = join(dir, "别处的清册.csv");
  writeFileSync(outside, `村名,姓名,身份证号,金额\n东山村,刘䶮,${idNumber(1)},100.50\n`);
  const bad = join(inbox, "有错的清册.csv");
  writeFileSync(bad, `村名,姓名,身份证号,金额\n东山村,王五,3.60982E+17,100\n东三村,李四,${idNumber(2)},50\n`);
  const good = join(inbox, "2025年示范镇高龄津贴发放清册.csv");
  writeFileSync(good, `村名,姓名,身份证号,金额\n东山村,刘䶮,${idNumber(1)},100.50\n西河村,李四,${idNumber(2)},20\n`);

  await withApp(db, async (wd) => {
    await wd.click(testid("nav-payouts"));
    await wd.type(input("payout-file"), outside);
    await wd.click(testid("payout-survey-submit"));
    await wd.waitFor(".el-message", { text: (t) => t.includes("不能读取") && t.includes("导入") });
    await importThroughWizard(wd, bad);
    await wd.waitFor(testid("import-errors"), { text: (t) => t.includes("设为“文本”格式") && t.includes("是否为“东山村”") });
    await saveScreenshot(wd, "payouts-refused.png");

    await wd.click(testid("import-another"));
    await wd.type(input("payout-file"), good);
    await wd.click(testid("payout-survey-submit"));
    // The mapping step shows the columns as read, the ID sample masked.
    await wd.waitFor(testid("payout-mapping"), { text: (t) => t.includes("表头在第 1 行，下面有 2 行") && t.includes("99*************") });
    const mappingText = await wd.execute(`return document.querySelector('[data-testid="payout-mapping"]').innerText`);
    assert.ok(!mappingText.includes(idNumber(1)), "the mapping step shows no full ID");
    await saveScreenshot(wd, "payouts-mapping.png");
    await wd.click(testid("payout-import-submit"));
    await wd.waitFor(testid("import-summary"), { text: (t) => t.includes("已导入 2 人，合计 120.50 元") });
    // Every row of the file is accounted for on screen.
    await wd.waitFor(testid("import-row-counts"), { text: (t) => t.includes("共读取 3 行：名单 2 人，表头 1 行") });
    await wd.waitFor(testid("payout-lists"), { text: (t) => t.includes("高龄津贴") });

    await wd.type(input("payout-lookup-id"), idNumber(1));
    await wd.click(testid("payout-lookup-submit"));
    await wd.waitFor(testid("payout-lookup-result"), { text: (t) => t.includes("刘䶮") && t.includes("99*************") });
    assert.deepEqual(await chineseWithoutFallback(wd), [], "payouts page");
    // Rare characters the UI webfont lacks come from the notices' own faces, which the shell
    // serves from the binary (gkfont:); a blocked scheme or policy would leave boxes on screen.
    const rare = await wd.execute(
      `return document.fonts.load('14px "Gongkai Rare"', "䶮𠀀").then((faces) => faces.map((f) => f.status), (e) => ["failed: " + e]);`,
    );
    assert.deepEqual(rare, ["loaded", "loaded"], "both rare-character faces load in the window");
    await saveScreenshot(wd, "payouts-imported.png");

    // Print preview: pdf.js draws the notice the core rendered, in the app itself.
    await wd.click(testid("preview-open"));
    await wd.waitFor(testid("preview-info"), { text: (t) => t.includes("东山村 1 人，共 1 页") });
    const inked = await wd.execute(`
      const canvas = document.querySelector('[data-testid="preview-pages"] canvas');
      if (!canvas) return 0;
      const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 128 && data[i + 3] > 0) dark++;
      return dark;`);
    assert.ok(inked > 2000, `the preview canvas shows the notice (dark pixels: ${inked})`);
    // The loading mask fades out after the render; the screenshot is for a person to look at.
    for (let i = 0; i < 25; i++) {
      const masked = await wd.execute(`return [...document.querySelectorAll(".el-dialog .el-loading-mask")].some((m) => m.getClientRects().length);`);
      if (!masked) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await saveScreenshot(wd, "payouts-preview.png");
  });
});

test("a disclosure record cannot be published before 三审 and 保密审查; then it is, and the register shows it", async () => {
  const dir = mkdtempSync(join(tmpdir(), "gongkai-e2e-"));
  const db = join(dir, "demo.sqlite3");
  execFileSync(cli, ["demo", "--db", db]);

  await withApp(db, async (wd) => {
    await wd.click(testid("nav-records"));
    await wd.click(testid("record-new"));
    await wd.click(testid("record-item"));
    await wd.type(`${testid("record-item")} input`, "耕地地力");
    await wd.pickOption("耕地地力保护");
    await wd.type(input("record-title"), "2026年耕地地力保护补贴发放结果");
    await wd.click(testid("record-save"));

    // The record opens with everything that still blocks publication.
    await wd.waitFor(testid("record-blockers"), { text: (t) => t.includes("尚未完成“拟稿”") && t.includes("尚未进行保密审查") });
    const blocked = await wd.execute(`return document.querySelector('[data-testid="publish-submit"]').disabled`);
    assert.equal(blocked, true, "publishing is not offered before the controls");
    await saveScreenshot(wd, "record-blocked.png");

    for (const person of ["李明", "王芳", "张建国"]) {
      await wd.pickOption(person, { open: testid("review-person") });
      await wd.click(testid("review-pass"));
      await wd.waitFor(testid("record-detail"), { text: (t) => t.includes(`${person}，同意`) });
    }
    await wd.waitFor(testid("record-blockers"), { text: (t) => t.includes("尚未进行保密审查") && !t.includes("拟稿") });
    assert.equal(await wd.execute(`return document.querySelector('[data-testid="publish-submit"]').disabled`), true);

    await wd.pickOption("王芳", { open: testid("secrecy-reviewer") });
    await wd.click(testid("secrecy-submit"));
    await wd.waitFor(testid("secrecy-result"), { text: (t) => t.includes("通过") });

    await wd.type(input("publish-by"), "李明");
    await wd.click(testid("publish-submit"));
    await wd.waitFor(testid("record-publications"), { text: (t) => t.includes("政府网站") && t.includes("李明") });
    await saveScreenshot(wd, "record-published.png");

    // In the register, and the record's status in the database through the CLI.
    await wd.click(".el-drawer__close-btn");
    await wd.click(testid("tab-register"));
    await wd.waitFor(testid("register-table"), { text: (t) => t.includes("2026年耕地地力保护补贴发放结果") });
  });
  // The demo's own records are there too: this one is found by its title.
  const due = JSON.parse(execFileSync(cli, ["records", "due", "--db", db, "--json"]).toString());
  const record = due.find((r) => r.title === "2026年耕地地力保护补贴发放结果");
  assert.equal(record?.status, "published");
  assert.equal(record.blockers.length, 0);
});

/** Keys of the catalog items whose rows in the search results belong to `domain`. */
async function catalogResultKeys(wd, domain) {
  return wd.execute(
    `return [...document.querySelectorAll('[data-testid="catalog-results"] tr')]
       .filter((r) => [...r.querySelectorAll('[data-testid="catalog-result-domain"]')].some((c) => c.innerText.trim() === arguments[0]))
       .map((r) => r.querySelector('[data-testid="catalog-item-open"]').getAttribute("data-key"));`,
    [domain],
  );
}

test("the catalog: domains with counts, 低保 found across domains, an item hidden with a reason and restored", async () => {
  const dir = mkdtempSync(join(tmpdir(), "gongkai-e2e-"));
  const db = join(dir, "demo.sqlite3");
  execFileSync(cli, ["demo", "--db", db]);
  let key;

  await withApp(db, async (wd) => {
    await wd.click(testid("nav-catalog"));
    await wd.waitFor(testid("catalog-domains"), { text: (t) => t.includes("涉农补贴") && t.includes("基线部分") });
    const domains = await wd.execute(
      `return [...document.querySelectorAll('[data-testid="catalog-domain"]')].map((d) => d.getAttribute("data-domain"));`,
    );
    assert.ok(domains.length >= 26, `26 pilot domains and more are listed (${domains.length})`);
    for (const name of ["城乡规划", "社会救助", "涉农补贴", "市政服务"]) assert.ok(domains.includes(name), name);

    await wd.click(`${testid("catalog-domain")}[data-domain="涉农补贴"]`);
    await wd.waitFor(testid("catalog-domain-head"), { text: (t) => t.includes("涉农补贴") && t.includes("标准指引") });
    await wd.waitFor(testid("catalog-items"), { text: (t) => t.includes("耕地地力保护") && t.includes("农机购置补贴") });
    assert.deepEqual(await chineseWithoutFallback(wd), [], "catalog page");
    await saveScreenshot(wd, "catalog.png");

    // Two characters search every column of the whole catalog. The table is waited on until it
    // shows the core's own answer to “低保”: the characters arrive one by one, and for a moment
    // it shows the answer to “低”, whose items may be gone by the time one is clicked.
    const wanted = JSON.parse(
      execFileSync(cli, ["catalog", "search", "低保", "--limit", "200", "--db", db, "--json"], { encoding: "utf8" }),
    )
      .map((item) => item.key)
      .sort();
    await wd.type(input("catalog-search"), "低保");
    const shownKeys = () =>
      wd.execute(
        `return [...document.querySelectorAll('[data-testid="catalog-results"] [data-testid="catalog-item-open"]')].map((b) => b.getAttribute("data-key"));`,
      );
    let shown = [];
    for (let i = 0; i < 100 && JSON.stringify(shown) !== JSON.stringify(wanted); i++) {
      await new Promise((r) => setTimeout(r, 100));
      shown = (await shownKeys()).sort();
    }
    assert.deepEqual(shown, wanted, "the results are the core's answer to “低保”");
    [key] = await catalogResultKeys(wd, "社会救助");
    assert.ok(key?.startsWith("社会救助/"), `a 社会救助 result (${key})`);
    await saveScreenshot(wd, "catalog-search.png");

    await wd.click(`${testid("catalog-item-open")}[data-key="${key}"]`);
    await wd.waitFor(testid("catalog-detail"), { text: (t) => t.includes("全国基线 · 载入") });
    await wd.type(input("catalog-reason"), "本镇不承担此项审批，由县民政局公开");
    await wd.pickOption("李明", { open: testid("catalog-by") });
    await wd.waitFor(testid("catalog-by"), { text: (t) => t.includes("李明") });
    // Right after the 经办人 pick, the dropdown is still fading out: `click` waits for it to be
    // gone and checks the click reached 隐藏 (it used to be sent again when it seemed lost).
    await wd.click(testid("catalog-hide"));
    await wd.waitFor(testid("catalog-hidden"));
    await wd.waitFor(testid("catalog-history"), { text: (t) => t.includes("本镇 · 隐藏") && t.includes("本镇不承担此项审批") && t.includes("李明") });
    // Gone from the search behind the drawer.
    for (let i = 0; i < 50 && (await catalogResultKeys(wd, "社会救助")).includes(key); i++) await new Promise((r) => setTimeout(r, 200));
    assert.ok(!(await catalogResultKeys(wd, "社会救助")).includes(key), "a hidden item is not found any more");
    await saveScreenshot(wd, "catalog-hidden.png");

    await wd.type(input("catalog-reason"), "县民政局通知乡镇仍须公开");
    await wd.click(testid("catalog-restore"));
    await wd.waitFor(testid("catalog-history"), { text: (t) => t.includes("本镇 · 恢复") });
    for (let i = 0; i < 50 && !(await catalogResultKeys(wd, "社会救助")).includes(key); i++) await new Promise((r) => setTimeout(r, 200));
    assert.ok((await catalogResultKeys(wd, "社会救助")).includes(key), "the restored item is found again");
    assert.deepEqual(await chineseWithoutFallback(wd), [], "catalog item drawer");
    await wd.execute(`document.querySelector('[data-testid="catalog-history"] .el-timeline-item:last-child').scrollIntoView();`);
    await new Promise((r) => setTimeout(r, 500)); // let the webview paint the scrolled drawer
    await saveScreenshot(wd, "catalog-item.png");
  });

  // The core kept both adjustments with their reasons.
  const history = JSON.parse(execFileSync(cli, ["catalog", "history", key, "--db", db, "--json"], { encoding: "utf8" }));
  assert.deepEqual(history.entries.filter((e) => e.layer === "township").map((e) => [e.action, e.by]), [["hide", "李明"], ["restore", "李明"]]);
});

/** Waits until a row of the sync runs table, read as { column header: cell text }, satisfies `wanted`. */
async function waitForSyncRun(wd, wanted, { timeout = 20000 } = {}) {
  const deadline = Date.now() + timeout;
  let runs = [];
  while (Date.now() < deadline) {
    runs = await wd.execute(
      `const table = document.querySelector('[data-testid="sync-runs"]');
       if (!table) return [];
       const heads = [...table.querySelectorAll(".el-table__header th")].map((th) => th.innerText.trim());
       return [...table.querySelectorAll(".el-table__body tr")].map((tr) =>
         Object.fromEntries([...tr.cells].map((td, i) => [heads[i], td.innerText.trim()])));`,
    );
    if (runs.some(wanted)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no sync run as wanted; the runs were ${JSON.stringify(runs)}`);
}

test("sync page: the township's identity is registered at the real county portal and 立即同步 succeeds", async () => {
  const portalBin = join(targetDir, "debug", "gongkai-portal");
  assert.ok(existsSync(portalBin), `portal binary missing: ${portalBin}`);
  const dir = mkdtempSync(join(tmpdir(), "gongkai-e2e-"));
  const db = join(dir, "demo.sqlite3");
  const portalDb = join(dir, "county.sqlite3");
  execFileSync(cli, ["demo", "--db", db]);
  const identity = JSON.parse(execFileSync(cli, ["sync", "identity", "--db", db, "--json"]).toString());
  execFileSync(portalBin, ["township", "add", "--db", portalDb, "--code", identity.township_code, "--name", "示范镇", "--public-key", identity.public_key]);
  const port = 47000 + Math.floor(Math.random() * 2000);
  const portal = spawn(portalBin, ["serve", "--db", portalDb, "--listen", `127.0.0.1:${port}`], { stdio: "inherit" });
  try {
    for (let i = 0; ; i++) {
      try {
        await fetch(`http://127.0.0.1:${port}/`);
        break;
      } catch {
        if (i > 50) throw new Error("portal did not start");
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    await withApp(db, async (wd) => {
      await wd.click(testid("nav-sync"));
      await wd.waitFor(testid("sync-identity"), { text: (t) => t.includes(identity.township_code) });
      await wd.type(input("sync-portal"), `http://127.0.0.1:${port}`);
      await wd.click(testid("sync-now"));
      // One row says both: triggered by the button, and successful (words found anywhere in the
      // table could come from two runs, a failed 立即同步 beside a successful 启动时).
      await waitForSyncRun(wd, (run) => run.触发 === "立即同步" && run.结果 === "成功");
      await wd.waitFor(testid("sync-summary"), { text: (t) => !t.includes("从未成功") });
      assert.deepEqual(await chineseWithoutFallback(wd), [], "sync page");
      await saveScreenshot(wd, "sync.png");
    });
    const stats = JSON.parse(execFileSync(portalBin, ["stats", "--db", portalDb, "--json"]).toString());
    assert.equal(stats.townships[0].code, identity.township_code);
    assert.notEqual(stats.townships[0].last_sync, "", "the county saw the township sync");
  } finally {
    portal.kill();
  }
});
