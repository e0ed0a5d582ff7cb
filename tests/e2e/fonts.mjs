// What the e2e tests check of the window's fonts. The UI's font stack (ui/src/style.css) names
// the system's Chinese faces first and the bundled webfont "Noto Sans SC" after them: where a
// system face exists the webfont is never fetched; where none does, the webfont draws every
// Chinese character, placeholders included, instead of boxes.

import { mkdtempSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** True once any slice of the bundled webfont has been loaded by the page. */
export async function webfontFetched(wd) {
  return wd.execute(
    `return document.fonts.ready.then(() =>
       [...document.fonts].some((f) => f.family.replace(/"/g, "") === "Noto Sans SC" && f.status === "loaded"))`,
  );
}

/**
 * Elements showing Chinese (text or placeholder) whose font stack lacks the bundled webfont: on
 * a machine without a system Chinese face each of these would render boxes.
 */
export async function chineseWithoutFallback(wd) {
  return wd.execute(`
    const han = /[\\u3400-\\u9fff]/;
    const bad = [];
    for (const el of document.querySelectorAll("body *")) {
      const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join("");
      const text = own + (el.getAttribute("placeholder") ?? "");
      if (!han.test(text)) continue;
      const families = getComputedStyle(el).fontFamily.split(",").map((f) => f.trim().replace(/["']/g, ""));
      if (!families.includes("Noto Sans SC")) bad.push(el.tagName + " “" + text.trim().slice(0, 12) + "” " + families.join(","));
    }
    return bad;`);
}

/**
 * Chinese placeholders whose webfont slices are not loaded: WebKit does not fetch a
 * unicode-range slice for placeholder text by itself, so without a system Chinese face these
 * would show boxes. Polled, since the app asks for the slices as elements appear.
 */
export async function placeholdersWithoutGlyphs(wd) {
  let missing = [];
  for (let i = 0; i < 30; i++) {
    missing = await wd.execute(`
      return [...document.querySelectorAll("[placeholder]")]
        .filter((e) => e.getClientRects().length)
        .map((e) => e.getAttribute("placeholder"))
        .filter((t) => /[\\u3400-\\u9fff]/.test(t) && !document.fonts.check('14px "Noto Sans SC"', t));`);
    if (missing.length === 0) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return missing;
}

/** Whether the page can draw with the system family `family` (the usual width test, as fonts.ts does). */
export async function systemFamilyInstalled(wd, family) {
  return wd.execute(
    `const context = document.createElement("canvas").getContext("2d");
     const sample = "mmmmmmmmmmlliWQ政务公开";
     return ["monospace", "serif"].some((generic) => {
       context.font = "72px " + generic;
       const alone = context.measureText(sample).width;
       context.font = '72px "' + arguments[0] + '", ' + generic;
       return context.measureText(sample).width !== alone;
     });`,
    [family],
  );
}

/**
 * The environment of a machine without any Chinese system font: a fontconfig configuration that
 * knows only the DejaVu faces every Debian fontconfig installs.
 */
export function withoutChineseSystemFonts() {
  const dir = mkdtempSync(join(tmpdir(), "gongkai-fonts-"));
  const dejavu = "/usr/share/fonts/truetype/dejavu";
  const config = join(dir, "fonts.conf");
  writeFileSync(
    config,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  ${existsSync(dejavu) ? `<dir>${dejavu}</dir>` : ""}
  <cachedir>${join(dir, "cache")}</cachedir>
</fontconfig>
`,
  );
  return { FONTCONFIG_FILE: config };
}
