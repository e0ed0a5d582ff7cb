import { describe, expect, it } from "vitest";
import { areas } from "@/areas";
import { screens } from "@/router";

// The window starts on 待办; every other area's script and style is fetched when the clerk
// first opens it (idle memory of the web process, issue 10).
describe("screens load on demand", () => {
  it("gives each area a loader, not a component bundled into the start", async () => {
    for (const area of areas) {
      const screen = screens[area.key];
      expect(typeof screen, area.label).toBe("function");
      const loaded = (await (screen as () => Promise<{ default: unknown }>)()).default;
      expect(loaded, area.label).toBeTruthy();
    }
  });
});
