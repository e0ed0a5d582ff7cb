// What every end-to-end test file shares: where the built programs are, how screens' fields are
// found, and a tauri-driver of the file's own on free ports — `node --test` runs the files at
// once on a machine with more cores, so fixed ports would collide.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";

export const root = resolve(import.meta.dirname, "../..");
export const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, "target");
export const app = join(targetDir, "debug", "gongkai-app");
export const cli = join(targetDir, "debug", "gongkai");
export const artifacts = join(root, "artifacts", "e2e");

/** A form field by its test id: the input or textarea itself, or the one inside the component. */
export const input = (id) =>
  `input[data-testid="${id}"], [data-testid="${id}"] input, textarea[data-testid="${id}"], [data-testid="${id}"] textarea`;
export const testid = (id) => `[data-testid="${id}"]`;

/** A port nothing listens on right now, as the system hands it out. */
function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

// tauri-driver, the WebKitWebDriver it starts and the app that one starts run in a process
// group of their own, killed as a whole: killing tauri-driver alone left the other two alive,
// and with them the test runner's output pipe, so `node --test` never ended after a failure.
// Their output comes through pipes of this process, never the runner's own.
const groups = new Set();

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function killAll() {
  for (const pid of groups) killGroup(pid, "SIGKILL");
  groups.clear();
}

// Whatever ends this process: its last test done, a failure, an uncaught error, a signal.
process.on("exit", killAll);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.once(signal, () => {
    killAll();
    process.kill(process.pid, signal);
  });
}

/**
 * Starts tauri-driver (and the WebKitWebDriver behind it); its URL once it answers, and `stop`.
 * `env` is added to the environment of the driver and so of every app it starts (WebDriver's
 * capabilities carry no environment of their own).
 */
export async function startDriver({ env = {} } = {}) {
  assert.ok(existsSync(app), `app binary missing: ${app}`);
  mkdirSync(artifacts, { recursive: true });
  const port = await freePort();
  const nativePort = await freePort();
  const driver = spawn("tauri-driver", ["--port", String(port), "--native-port", String(nativePort)], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  groups.add(driver.pid);
  driver.stdout.pipe(process.stderr, { end: false });
  driver.stderr.pipe(process.stderr, { end: false });
  // Nothing of the group keeps this process alive: when its tests are done it exits, and
  // takes the group with it.
  driver.unref();
  driver.stdout.unref();
  driver.stderr.unref();
  const exited = new Promise((done) => driver.once("exit", done));
  const stop = async () => {
    if (!groups.delete(driver.pid)) return;
    killGroup(driver.pid, "SIGTERM");
    const late = setTimeout(() => killGroup(driver.pid, "SIGKILL"), 3000);
    await exited;
    clearTimeout(late);
    // The app may outlive tauri-driver's own exit by a moment.
    killGroup(driver.pid, "SIGKILL");
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15000;
  for (;;) {
    try {
      await fetch(`${url}/status`);
      return { url, stop };
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error("tauri-driver did not start");
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
