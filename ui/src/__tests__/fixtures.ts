import { vi } from "vitest";
import { invoke } from "@tauri-apps/api/core";
import type { AppStatus, PayoutList, Profile } from "@/api/bindings";

export function profile(overrides: Partial<Profile> = {}): Profile {
  return {
    township: {
      id: "t1",
      name: "示范镇",
      divisionCode: "999901101",
      creditCode: null,
      county: "示范县",
      updatedAt: "2026-11-24T00:00:00Z",
    },
    villages: [{ id: "v1", name: "东山村", code: "999901101201", kind: "village" }],
    offices: [{ id: "o1", name: "党政综合办公室", phone: "0799-5550101" }],
    people: [{ id: "p1", name: "李明", officeId: "o1", officeName: "党政综合办公室", roles: ["draft"] }],
    ...overrides,
  };
}

export function status(state: AppStatus["state"], extra: Partial<AppStatus> = {}): AppStatus {
  return {
    wireVersion: 1,
    dbPath: "/tmp/测试/gongkai.sqlite3",
    state,
    schemaVersion: state === "missing" ? null : 1,
    profile: state === "ready" ? profile() : null,
    problem: null,
    ...extra,
  };
}

/** Answers each command name with the given handler; unknown commands reject like the core. */
export function serve(handlers: Record<string, (args: unknown) => unknown>) {
  const mock = vi.mocked(invoke);
  mock.mockImplementation(async (command: string, payload?: unknown) => {
    const handler = handlers[command];
    if (!handler) throw { code: "test", message: `未模拟的命令：${command}` };
    return handler((payload as { args: unknown } | undefined)?.args);
  });
  return mock;
}

export const flush = () => new Promise((r) => setTimeout(r, 0));

/** A 高龄津贴 list of two people in 东山村, in the given state. */
export function payoutList(status: PayoutList["status"]): PayoutList {
  return {
    id: "l1",
    project: "高龄津贴",
    year: 2025,
    sourceFile: "清册.csv",
    status,
    rows: 2,
    totalFen: 30000,
    importedAt: "2026-11-24T03:00:00.000Z",
    villages: [{ name: "东山村", rows: 2, total_fen: 30000 }],
    postings: [],
  };
}
