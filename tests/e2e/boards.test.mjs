// End-to-end: the bulletin boards (issue 11) in the real app on the lived-in demo township —
// the 三务 format applied to every village, a zone dragged in the designer, a 公示 composed with a
// table pasted from Excel, the demo's payout list put on the 村务 zones, the round's packs
// printed, one sheet marked posted with a photo, and 待办 then listing its notice period ending.
// Run: xvfb-run -a -s "-screen 0 1280x800x24" node --test --test-reporter=tap tests/e2e/boards.test.mjs

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, readdirSync } from "node:fs";
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

/** Confirms the open Element Plus message box. */
async function confirmBox(wd) {
  await wd.click(".el-message-box .el-button--primary");
}

/** Drags with the real pointer (WebDriver actions): from the element's centre by (dx, dy) px. */
async function drag(wd, css, dx, dy) {
  const id = await wd.waitFor(css);
  const element = { "element-6066-11e4-a52e-4f735466cecf": id };
  await wd.request("POST", wd.session("/actions"), {
    actions: [
      {
        type: "pointer",
        id: "mouse",
        parameters: { pointerType: "mouse" },
        actions: [
          { type: "pointerMove", origin: element, x: 0, y: 0 },
          { type: "pointerDown", button: 0 },
          { type: "pointerMove", origin: "pointer", x: Math.round(dx / 2), y: Math.round(dy / 2), duration: 100 },
          { type: "pointerMove", origin: "pointer", x: dx - Math.round(dx / 2), y: dy - Math.round(dy / 2), duration: 100 },
          { type: "pointerUp", button: 0 },
        ],
      },
    ],
  });
  await wd.request("DELETE", wd.session("/actions"));
}

const attr = (wd, css, name) => wd.execute(`return document.querySelector(arguments[0])?.getAttribute(arguments[1]) ?? null`, [css, name]);

test("boards: 统一格式 to every village, a zone dragged, a 公示 with a pasted table, payout notices on the 村务 zones, packs printed, one posted with a photo, 待办 changed", async () => {
  const dir = mkdtempSync(join(tmpdir(), "gongkai-e2e-boards-"));
  const db = join(dir, "demo.sqlite3");
  execFileSync(cli, ["demo", "--db", db]);
  // WebDriver cannot reach the system's file dialogs: folders are typed, as a clerk may, and the
  // app's own folders beside the database are the ones the gate lets a typed path use.
  const exportDir = join(dir, "导出");
  const photos = join(dir, "导入");
  mkdirSync(exportDir, { recursive: true });
  mkdirSync(photos, { recursive: true });

  const wd = new WebDriver(driver.url);
  await wd.start(app, ["--db", db]);
  let failed = true;
  try {
    // 待办 is the first screen.
    await wd.waitFor(testid("todo-records"), { text: (t) => t.includes("去处理") });
    await new Promise((r) => setTimeout(r, 500)); // the tags' zoom-in transition
    const noticesBefore = await wd.text(await wd.find(testid("todo-notices")));
    assert.ok(!noticesBefore.includes("关于村集体经济项目收益分配的公示"));
    await saveScreenshot(wd, "boards-todo-before.png");

    // 统一格式: the 三务 template to every village, boards already made from it restored.
    await wd.click(testid("nav-boards"));
    await wd.click(testid("tab-boards"));
    await wd.waitFor(testid("boards-table"), { text: (t) => t.includes("三务") });
    await wd.pickOption("三务公开栏", { open: testid("template-select") });
    await wd.click(`${testid("template-replace")}`);
    await wd.click(testid("template-apply-all"));
    await wd.waitFor(".el-message-box", { text: (t) => t.includes("应用到全部") });
    await confirmBox(wd);
    await wd.waitFor(".el-message", { text: (t) => t.includes("恢复统一版面") });

    // The designer: 财务公开 dragged up; the new place is saved with the reason for departing.
    // A village's board (the township's comes first).
    const village = /^设计(.+村)/.exec(await wd.execute(
      `const button = [...document.querySelectorAll('[data-testid="board-open"]')].find((b) => /^设计.+村/.test(b.getAttribute("aria-label")));
       button.setAttribute("data-e2e", "village-board");
       return button.getAttribute("aria-label");`,
    ))[1];
    await wd.click('[data-e2e="village-board"]');
    const zone = `${testid("zone-财务公开")} rect`;
    await wd.waitFor(testid("zone-财务公开"));
    const before = await attr(wd, testid("zone-财务公开"), "aria-label");
    assert.match(before, /距上 120 毫米/);
    await drag(wd, zone, 0, -14);
    const after = await attr(wd, testid("zone-财务公开"), "aria-label");
    assert.notEqual(after, before, "the drag moved the zone");
    assert.doesNotMatch(after, /距上 120 毫米/);
    await wd.type(input("deviation-reason"), "村部墙面上方装有灯箱，财务公开栏上移");
    await saveScreenshot(wd, "boards-designer.png");
    await wd.click(testid("board-layout-save"));
    await wd.waitFor(".el-message", { text: (t) => t.includes("版面已保存") || t.includes("另存为第") });
    await wd.click(testid("board-editor-close"));
    await wd.waitFor(testid("boards-table"), { text: (t) => t.includes("已调整") });

    // A 公示 on a village's 财务公开 zone, chosen in the picker, with a table pasted from Excel and a
    // two-day notice period (so it ends within 待办's horizon once posted).
    await wd.click(`${testid("compose-zone")} input`);
    for (const label of [village, "财务公开"]) {
      const deadline = Date.now() + 10000;
      while (!(await wd.execute(
        `const node = [...document.querySelectorAll(".el-cascader-node")].find((n) => n.getClientRects().length && n.innerText.includes(arguments[0]));
         if (node) node.click();
         return Boolean(node);`,
        [label],
      ))) {
        if (Date.now() > deadline) throw new Error(`no cascader option ${label}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    await wd.type(input("compose-title"), "关于村集体经济项目收益分配的公示");
    const pasted = await wd.execute(
      `const body = document.querySelector('textarea[data-testid="compose-body"]');
       const text = "序号\\t项目\\t金额（元）\\r\\n1\\t光伏电站收益\\t18600.00\\r\\n2\\t厂房租金\\t24000.00\\r\\n";
       let event;
       try {
         const data = new DataTransfer();
         data.setData("text/plain", text);
         event = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
       } catch {
         event = null;
       }
       if (!event || !event.clipboardData) {
         event = new Event("paste", { bubbles: true, cancelable: true });
         Object.defineProperty(event, "clipboardData", { value: { getData: (t) => (t === "text/plain" ? text : "") } });
       }
       body.dispatchEvent(event);
       return event.defaultPrevented;`,
    );
    assert.equal(pasted, true, "the pasted table was taken as a table");
    await wd.waitFor(testid("compose-table"), { text: (t) => t.includes("3 列 × 2 行") && t.includes("光伏电站收益") });
    await wd.type(input("compose-days"), "2");
    await wd.click(input("compose-title"));
    await saveScreenshot(wd, "boards-compose.png");
    await wd.click(testid("compose-add"));
    const added = await wd.waitFor(".el-message", { text: (t) => t.includes("已加入") });
    const round = /已加入“([^”]+)”/.exec(await wd.text(added))[1];

    // The demo's payout list on each village's 村务 zone.
    await wd.click(testid("payout-post-open"));
    await wd.waitFor(testid("payout-post-plan"), { text: (t) => t.includes("村务公开") });
    await wd.click(testid("payout-post-submit"));
    await wd.waitFor(testid("payout-post-plan"), { text: (t) => t.includes("登记号") });
    await saveScreenshot(wd, "boards-payout-notices.png");
    await wd.click(testid("payout-post-close"));

    // Print the round of the composed 公示: packs into the 导出 folder.
    await wd.click(testid("tab-postings"));
    await wd.pickOption(round, { open: testid("postings-round") });
    await wd.waitFor(testid("postings-table"), { text: (t) => t.includes("关于村集体经济项目收益分配的公示") });
    await wd.type(input("print-folder"), exportDir);
    await wd.click(testid("print-round"));
    await wd.waitFor(testid("printed-packs"), { text: (t) => t.includes(".pdf") });
    await saveScreenshot(wd, "boards-packs.png");
    const packs = readdirSync(exportDir, { recursive: true }).filter((f) => String(f).endsWith(".pdf"));
    assert.ok(packs.length > 0, "packs were written");
    const text = execFileSync("pdftotext", [join(exportDir, String(packs[0])), "-"], { encoding: "utf8" });
    assert.ok(text.includes("张贴回执"), "a pack carries its 张贴回执");
    await wd.click(testid("printed-close"));

    // Marked posted with a photo of the board (a page of the pack, as a JPEG).
    execFileSync("pdftoppm", ["-jpeg", "-r", "40", "-f", "2", "-singlefile", join(exportDir, String(packs[0])), join(photos, "board")]);
    // The composed sheet's row: its 标记已张贴.
    await wd.execute(
      `const row = [...document.querySelectorAll('[data-testid="postings-table"] .el-table__body tr')].find((r) => r.innerText.includes("关于村集体经济项目收益分配的公示"));
       row.querySelector('[data-testid="mark-posted-open"]').setAttribute("data-e2e", "composed");`,
    );
    await wd.click('[data-e2e="composed"]');
    await wd.click(input("posted-by"));
    await wd.pickOption("李明");
    await wd.type(input("photo-path"), join(photos, "board.jpg"));
    await wd.click(testid("photo-path-add"));
    await wd.waitFor(testid("photo-chosen"), { text: (t) => t.includes("board.jpg") });
    await wd.click(testid("posted-submit"));
    await wd.waitFor(testid("photo-thumb"));
    const loaded = await wd.execute(
      `const img = document.querySelector('[data-testid="photo-thumb"]');
       return img.decode().then(() => img.naturalWidth, () => 0);`,
    );
    assert.ok(loaded > 0, "the thumbnail the core made is shown");
    await saveScreenshot(wd, "boards-posted.png");
    await wd.click(testid("posted-done"));

    // 待办 is different now.
    await wd.click(".app-name");
    // The posted 公示 ends within days: 待办 lists it to be taken down in time.
    await wd.waitFor(testid("todo-notices"), { text: (t) => t.includes("关于村集体经济项目收益分配的公示") && t.includes("公示期将满") });
    await new Promise((r) => setTimeout(r, 500));
    await saveScreenshot(wd, "boards-todo-after.png");
    failed = false;
  } finally {
    if (failed) await saveScreenshot(wd, "boards-failed.png").catch(() => {});
    await wd.quit();
  }
});
