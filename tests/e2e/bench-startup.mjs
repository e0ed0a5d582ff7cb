// Benchmark, not a test: cold start and memory of the real app on the demo township.
// Run under a display: xvfb-run -a node tests/e2e/bench-startup.mjs [runs]
// Prints, per run, the time from launch to the township name on screen, and the resident memory
// (RSS) of the app process and every WebKit process it started.

import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { WebDriver } from "./webdriver.mjs";

const root = resolve(import.meta.dirname, "../..");
const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, "target");
const app = join(targetDir, process.env.PROFILE ?? "debug", "gongkai-app");
const cli = join(targetDir, "debug", "gongkai");
const runs = Number(process.argv[2] ?? 5);
const port = 4454;

function children() {
  const byParent = new Map();
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!byParent.has(ppid)) byParent.set(ppid, []);
      byParent.get(ppid).push(Number(pid));
    } catch {}
  }
  return byParent;
}

function rssOfTree(rootPid) {
  const byParent = children();
  const rows = [];
  const walk = (pid) => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const name = status.match(/^Name:\s+(.*)$/m)[1];
      const kb = Number((status.match(/^VmRSS:\s+(\d+)/m) ?? [0, 0])[1]);
      // PSS splits shared libraries between the processes that map them: the fair total.
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
      const pssKb = Number((rollup.match(/^Pss:\s+(\d+)/m) ?? [0, 0])[1]);
      rows.push({ pid, name, kb, pssKb });
    } catch {}
    for (const child of byParent.get(pid) ?? []) walk(child);
  };
  walk(rootPid);
  return rows;
}

const db = join(mkdtempSync(join(tmpdir(), "gongkai-bench-")), "demo.sqlite3");
execFileSync(cli, ["demo", "--db", db]);
const driver = spawn("tauri-driver", ["--port", String(port), "--native-port", String(port + 1)], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 1500));

const results = [];
for (let i = 0; i < runs; i++) {
  const wd = new WebDriver(`http://127.0.0.1:${port}`);
  const started = performance.now();
  await wd.start(app, ["--db", db]);
  await wd.waitFor('[data-testid="township-title"]', { text: (t) => t.includes("示范镇") });
  const readyMs = performance.now() - started;
  await new Promise((r) => setTimeout(r, 1000));
  const appPid = Number(execFileSync("pgrep", ["-n", "-f", app], { encoding: "utf8" }).trim());
  const tree = rssOfTree(appPid);
  const totalMb = tree.reduce((s, r) => s + r.kb, 0) / 1024;
  const pssMb = tree.reduce((s, r) => s + r.pssKb, 0) / 1024;
  results.push({ readyMs, totalMb, pssMb });
  console.log(`run ${i + 1}: ready in ${readyMs.toFixed(0)} ms; PSS ${pssMb.toFixed(1)} MB; RSS ${totalMb.toFixed(1)} MB =`,
    tree.map((r) => `${r.name} ${(r.kb / 1024).toFixed(1)}`).join(" + "));
  await wd.quit();
}
driver.kill();
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  `median: ready ${median(results.map((r) => r.readyMs)).toFixed(0)} ms, ` +
    `PSS ${median(results.map((r) => r.pssMb)).toFixed(1)} MB, RSS ${median(results.map((r) => r.totalMb)).toFixed(1)} MB`,
);
