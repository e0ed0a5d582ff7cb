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

/** Starts tauri-driver (and the WebKitWebDriver behind it); its URL once it answers, and `stop`. */
export async function startDriver() {
  assert.ok(existsSync(app), `app binary missing: ${app}`);
  mkdirSync(artifacts, { recursive: true });
  const port = await freePort();
  const nativePort = await freePort();
  const driver = spawn("tauri-driver", ["--port", String(port), "--native-port", String(nativePort)], {
    stdio: "inherit",
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15000;
  for (;;) {
    try {
      await fetch(`${url}/status`);
      return { url, stop: () => driver.kill() };
    } catch {
      if (Date.now() > deadline) {
        driver.kill();
        throw new Error("tauri-driver did not start");
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
