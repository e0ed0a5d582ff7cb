// End-to-end: a township loads the catalog its county issued (issue 14, part 1) in the real app
// on the demo township — a county table as a Word document dropped in the 导入 folder, the
// preview showing what it adds, changes and leaves out, accepted as the county version, and an
// imported item then found by the catalog's search.
// Run: xvfb-run -a -s "-screen 0 1280x800x24" node --test --test-reporter=tap tests/e2e/catalog_import.test.mjs

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { WebDriver } from "./webdriver.mjs";
import { app, artifacts, cli, input, testid, startDriver } from "./harness.mjs";

let driver;
before(async () => {
  driver = await startDriver();
});
after(() => driver?.stop());

/** A zip of stored (uncompressed) entries: enough for a Word package. */
function zip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const nameBytes = Buffer.from(name, "utf8");
    const data = Buffer.from(text, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A Word document: a title paragraph and one table with a two-row header (gridSpan, vMerge). */
function countyDocx() {
  const cell = (text, props = "") =>
    `<w:tc><w:tcPr>${props}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
  const down = (text) => cell(text, `<w:vMerge w:val="restart"/>`);
  const under = () => `<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>`;
  const row = (cells) => `<w:tr>${cells.join("")}</w:tr>`;
  const table = [
    row([down("领域"), cell("公开事项", `<w:gridSpan w:val="2"/>`), down("公开内容（要素）"), down("公开时限"), cell("公开层级", `<w:gridSpan w:val="2"/>`)]),
    row([under(), cell("一级事项"), cell("二级事项"), under(), under(), cell("县级"), cell("乡级")]),
    row([cell("涉农补贴"), cell("本县特色产业"), cell("茶园管护补贴"), cell("补贴对象、面积、金额"), cell("20个工作日内"), cell(""), cell("√")]),
  ].join("");
  const document = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>示范县涉农补贴领域乡镇政务公开事项标准目录</w:t></w:r></w:p><w:tbl>${table}</w:tbl></w:body></w:document>`;
  return zip({
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    "word/document.xml": document,
  });
}

test("import the county's table: preview, accept as the county version, find the imported item by search", async () => {
  const dir = mkdtempSync(join(tmpdir(), "gongkai-e2e-"));
  const db = join(dir, "demo.sqlite3");
  execFileSync(cli, ["demo", "--db", db]);
  // A path typed from the window must be in the 导入 folder beside the database.
  const inbox = join(dir, "导入");
  mkdirSync(inbox, { recursive: true });
  const file = join(inbox, "县级目录.docx");
  writeFileSync(file, countyDocx());

  const wd = new WebDriver(driver.url);
  await wd.start(app, ["--db", db]);
  try {
    await wd.click(testid("nav-catalog"));
    await wd.waitFor(testid("catalog-domains"), { text: (t) => t.includes("涉农补贴") });
    await wd.click(testid("catalog-import"));
    await wd.type(input("catalog-import-file"), file);
    await wd.click(testid("catalog-import-preview"));
    await wd.waitFor(testid("catalog-import-summary"), { text: (t) => t.includes("共 1 项") && t.includes("新增 1") });
    await wd.waitFor(testid("catalog-import-domains"), { text: (t) => t.includes("涉农补贴") && t.includes("新增 1") });
    writeFileSync(join(artifacts, "catalog-import-preview.png"), await wd.screenshot());
    await wd.type(input("catalog-import-version"), "2025年版");
    await wd.click(testid("catalog-import-accept"));
    await wd.waitFor(".el-message", { text: (t) => t.includes("已导入为县级版本“2025年版”") });

    await wd.type(input("catalog-search"), "茶园管护");
    await wd.waitFor(testid("catalog-results"), { text: (t) => t.includes("茶园管护补贴") && t.includes("涉农补贴") });
    writeFileSync(join(artifacts, "catalog-imported-search.png"), await wd.screenshot());
  } finally {
    await wd.quit();
  }

  // The CLI sees the same county version.
  const found = JSON.parse(execFileSync(cli, ["catalog", "search", "茶园管护", "--db", db, "--json"], { encoding: "utf8" }));
  assert.deepEqual(found.map((i) => [i.key, i.state]), [["涉农补贴/本县特色产业/茶园管护补贴", "county"]]);
});
