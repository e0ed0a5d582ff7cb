// End-to-end: 依申请公开 in the real app on the demo township — an application registered, a
// 补正 notice sent and its letter printed, the correction received (the period restarts), the
// reply drafted as 部分公开 with its ground, its letter a draft until 三审 and 保密审查 pass, then
// final and printed to the 导出 folder (read back with pdftotext), 送达 recorded, and the year's
// 表三 counting it on the 年度报告 screen (the cell read from the table) as in the CLI.
// Run: xvfb-run -a -s "-screen 0 1280x800x24" node --test --test-reporter=tap tests/e2e/requests.test.mjs

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WebDriver } from "./webdriver.mjs";
import { app, artifacts, cli, input, testid, startDriver } from "./harness.mjs";

let driver;
before(async () => {
  driver = await startDriver();
});
after(() => driver?.stop());

async function saveScreenshot(wd, name) {
  const png = await wd.screenshot();
  writeFileSync(join(artifacts, name), png);
  assert.ok(png.length > 10000, `screenshot ${name} looks empty`);
}

/** pdftotext's reading of a PDF with the layout's spaces, line breaks and page numbers taken
 *  out, so a sentence running onto the next page reads whole. */
const pdfWords = (path) =>
  execFileSync("pdftotext", [path, "-"], { encoding: "utf8" })
    .replace(/\s+/g, "")
    .replace(/第\d+页共\d+页/g, "");

/** Prints the open letter dialog's letter as PDF to `path` and returns its words. */
async function printLetter(wd, path) {
  await wd.type(input("letter-target"), path);
  await wd.click(testid("letter-save"));
  await wd.waitFor(testid("letter-saved"), { text: (t) => t.includes(path) });
  assert.ok(existsSync(path), `${path} written`);
  return pdfWords(path);
}

/** This year's 表三 cell 部分公开 × 自然人 as `gongkai report build` computes it. */
function partialByPerson(db) {
  const year = String(new Date().getFullYear());
  const built = execFileSync(cli, ["report", "build", "--year", year, "--json", "--db", db], { encoding: "utf8" });
  // The year's own tables: the view also holds last year's (`lastYear.table3`) beside them.
  const table3 = JSON.parse(built).tables?.table3;
  assert.ok(table3, `no 表三 in ${built.slice(0, 300)}`);
  const column = table3.columns.findIndex((c) => c.key === "natural_person");
  return table3.rows.find((r) => r.key === "partial").cells[column];
}

/** The same cell as the 年度报告 screen shows it for this year (the count, without last year's
 *  figure printed beside it). */
async function partialByPersonOnScreen(wd) {
  const year = new Date().getFullYear();
  // The request's drawer closes first: it covers the navigation.
  await wd.click(".el-drawer__close-btn");
  const closed = Date.now() + 5000;
  while (await wd.execute(`return [...document.querySelectorAll(".el-drawer")].some((e) => e.getClientRects().length > 0);`)) {
    if (Date.now() > closed) throw new Error("the request's drawer did not close");
    await new Promise((r) => setTimeout(r, 100));
  }
  await wd.click(testid("nav-report"));
  await wd.waitFor(testid("report-table3"));
  await wd.pickOption(`${year} 年度`, { open: testid("report-year") });
  const cell = '[data-cell="partial/natural_person"]';
  const deadline = Date.now() + 10000;
  for (;;) {
    const shown = await wd.execute(
      `const c = document.querySelector(arguments[0]);
       const title = document.querySelector(".report-title");
       return c && title ? [title.innerText, c.firstChild ? c.firstChild.textContent.trim() : ""] : null;`,
      [cell],
    );
    // The title is the loaded view's: once it names the year, the table is that year's.
    if (shown && shown[0].includes(`${year}年`) && shown[1] !== "") return Number(shown[1]);
    if (Date.now() > deadline) throw new Error(`表三 of ${year} not shown: ${JSON.stringify(shown)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Closes the letter dialog and waits until it is gone, so clicks reach the drawer again. */
async function closeDialog(wd) {
  await wd.click(testid("letter-close"));
  const deadline = Date.now() + 5000;
  while (await wd.execute(`return [...document.querySelectorAll('[data-testid="letter-pages"]')].some((e) => e.getClientRects().length > 0);`)) {
    if (Date.now() > deadline) throw new Error("the letter dialog did not close");
    await new Promise((r) => setTimeout(r, 100));
  }
}

test("requests: register, 补正 and its letter, correction received, 部分公开 through 三审 and 保密审查, the letter printed final, 送达, 表三", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "gongkai-e2e-requests-"));
  const db = join(dir, "demo.sqlite3");
  execFileSync(cli, ["demo", "--db", db]);
  // WebDriver cannot reach the system's save dialog: the letter's path is typed into the 导出
  // folder beside the database, which the gate lets a typed path use.
  const exportDir = join(dir, "导出");
  mkdirSync(exportDir, { recursive: true });

  const before = partialByPerson(db);

  const wd = new WebDriver(driver.url);
  await wd.start(app, ["--db", db]);
  let failed = true;
  try {
    await wd.click(testid("nav-requests"));
    await wd.waitFor(testid("requests-table"));

    // Registered as handed in today; the new request opens.
    await wd.click(testid("request-new"));
    await wd.type(input("register-name"), "赵敏");
    await wd.type(input("register-contact"), "13800000000");
    await wd.type(input("register-subject"), "2026年东山村道路硬化项目的招标文件和中标结果");
    await wd.click(testid("register-save"));
    await wd.waitFor(testid("request-detail"), { text: (t) => t.includes("赵敏") });
    await wd.waitFor(testid("request-state"), { text: (t) => t.includes("办理中") || t.includes("即将到期") });

    // 补正: the notice, and its letter (final: notices go out before there is a reply).
    await wd.type(input("correction-items"), "未写明所需招标文件的标段");
    await wd.click(testid("correction-send"));
    await wd.waitFor(testid("correction-entry"), { text: (t) => t.includes("未写明所需招标文件的标段") });
    await wd.waitFor(testid("request-state"), { text: (t) => t.includes("中止计时") });
    await wd.click(testid("letter-open-correction"));
    await wd.waitFor(testid("letter-pages") + " canvas");
    const correction = await printLetter(wd, join(exportDir, "补正告知书.pdf"));
    assert.ok(correction.includes("政府信息公开申请补正告知书"), correction);
    assert.ok(correction.includes("《中华人民共和国政府信息公开条例》第三十条"), correction);
    assert.ok(!correction.includes("草稿"), correction);
    await closeDialog(wd);

    // The correction arrives: the period runs again from today.
    await wd.click(testid("correction-received"));
    await wd.waitFor(testid("correction-entry"), { text: (t) => t.includes("收到补正") });
    await wd.click(testid("request-explain"));
    await wd.waitFor(testid("request-explanation"), { text: (t) => t.includes("补正") });

    // The reply: 部分公开, the withheld part for a third party's rights.
    await wd.pickOption("部分公开", { open: testid("reply-outcome") });
    await wd.pickOption("保护第三方合法权益", { open: testid("reply-ground") });
    await wd.type(input("reply-note"), "其中投标单位的报价明细涉及商业秘密，已作区分处理");
    await wd.click(testid("reply-save"));
    await wd.waitFor(testid("reply-entry"), { text: (t) => t.includes("第三十七条") });
    await wd.waitFor(testid("request-blockers"), { text: (t) => t.includes("保密审查") });

    // Before review the letter is a draft.
    await wd.click(testid("letter-open-reply"));
    await wd.waitFor(testid("letter-draft"), { text: (t) => t.includes("草稿") });
    await closeDialog(wd);

    // 三审 by the demo's three people, then 保密审查, then 定稿.
    for (const who of ["李明", "王芳", "张建国"]) {
      await wd.pickOption(who, { open: testid("request-review-person") });
      await wd.click(testid("request-review-pass"));
      await wd.waitFor(".el-message", { text: (t) => t.includes("已签署") });
    }
    await wd.pickOption("王芳", { open: testid("request-secrecy-reviewer") });
    await wd.click(testid("request-secrecy-submit"));
    await wd.waitFor(testid("request-secrecy-result"), { text: (t) => t.includes("通过") });
    await wd.click(testid("request-finalize"));
    await wd.waitFor(testid("reply-entry"), { text: (t) => t.includes("已定稿") });

    // The final letter, printed.
    await wd.click(testid("letter-open-reply"));
    await wd.waitFor(testid("letter-final"));
    await wd.waitFor(testid("letter-pages") + " canvas");
    // pdf.js paints the page after the canvas is in place: wait for the loading mask to go.
    const painted = Date.now() + 15000;
    while (await wd.execute(`const m = document.querySelector('[data-testid="letter-pages"]')?.parentElement?.querySelector(".el-loading-mask"); return Boolean(m && m.getClientRects().length);`)) {
      if (Date.now() > painted) throw new Error("the letter's preview never finished");
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 600)); // the dialog's zoom-in transition
    await saveScreenshot(wd, "requests-letter.png");
    const letter = await printLetter(wd, join(exportDir, "答复书.pdf"));
    assert.ok(letter.includes("政府信息公开申请答复书"), letter);
    assert.ok(!letter.includes("草稿"), "the final letter is no draft");
    assert.ok(letter.includes("第三十七条、第十五条"), letter);
    assert.ok(letter.includes("申请行政复议") && letter.includes("提起行政诉讼"), letter);
    assert.ok(letter.includes("赵敏："), letter);
    await closeDialog(wd);

    // 送达.
    await wd.click(testid("delivery-save"));
    await wd.waitFor(testid("delivery-entry"), { text: (t) => t.includes("直接送达") });
    await saveScreenshot(wd, "requests-detail.png");

    // The year's 表三 counts it: one more 部分公开 of a 自然人 than before (the demo's own year
    // has some already) — on the 年度报告 screen, and as the CLI builds it.
    const after = partialByPerson(db);
    assert.equal(after, before + 1, "表三 counts the 部分公开 reply of a 自然人");
    assert.equal(await partialByPersonOnScreen(wd), after, "the 年度报告 screen shows the same count");
    await saveScreenshot(wd, "requests-report-table3.png");
    failed = false;
  } finally {
    if (failed) await saveScreenshot(wd, "requests-failure.png").catch(() => {});
    await wd.quit();
  }
});
