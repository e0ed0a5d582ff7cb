import { convertFileSrc } from "@tauri-apps/api/core";

/**
 * The system's Chinese UI faces, in the order style.css prefers them: Windows, macOS, then the
 * Noto/Source Han and WenQuanYi faces of Debian, UOS and Kylin. The bundled webfont ("Noto Sans
 * SC", split into unicode-range slices) comes after them, for a machine that has none: a slice
 * the webview decodes costs memory in its web process (16 MB on the 待办 screen when the
 * webfont came first), and a system face is already mapped for fallback anyway.
 */
export const SYSTEM_CJK_FAMILIES = [
  "Microsoft YaHei",
  "PingFang SC",
  "Noto Sans CJK SC",
  "Source Han Sans SC",
  "Source Han Sans CN",
  "WenQuanYi Micro Hei",
];

// WebKit does not count placeholder text as needing the webfont's slices, so on a machine
// without a system Chinese face a placeholder whose characters appear nowhere else on the page
// shows boxes. Ask for those slices explicitly — only there.

const FAMILY = '14px "Noto Sans SC"';
const asked = new Set<string>();

/**
 * Whether a font family is installed, told the usual way: a Latin sample is as wide in
 * `family, monospace` as in `monospace` alone (and likewise with serif) only when the family
 * is missing and the generic face stands in. Unknown (no canvas, as in unit tests) counts as
 * missing, so the webfont is still asked for.
 */
export function installed(family: string, context = document.createElement("canvas").getContext("2d")): boolean {
  if (!context) return false;
  const sample = "mmmmmmmmmmlliWQ政务公开";
  return ["monospace", "serif"].some((generic) => {
    context.font = `72px ${generic}`;
    const alone = context.measureText(sample).width;
    context.font = `72px "${family}", ${generic}`;
    return context.measureText(sample).width !== alone;
  });
}

let needsWebfont: boolean | undefined;

function loadFor(text: string | null) {
  needsWebfont ??= !SYSTEM_CJK_FAMILIES.some((family) => installed(family));
  if (!needsWebfont || !text || asked.has(text) || !document.fonts) return;
  asked.add(text);
  void document.fonts.load(FAMILY, text);
}

function scan(root: ParentNode) {
  for (const el of root.querySelectorAll("[placeholder]")) loadFor(el.getAttribute("placeholder"));
}

/** Loads the font slices for every placeholder now on the page and any added later. */
export function loadPlaceholderGlyphs() {
  scan(document);
  new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === "attributes") loadFor((change.target as Element).getAttribute("placeholder"));
      for (const node of change.addedNodes) if (node instanceof Element) scan(node.parentNode ?? node);
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["placeholder"] });
}

/**
 * The family that draws what the UI webfont lacks: CJK Extension A (䶮) from the notices' own
 * Song face, Extension B and beyond (𠀀) from HanaMin B. The desktop shell serves both from the
 * binary (`gkfont:`); the webview fetches one only when text on screen needs it.
 */
export const RARE_FAMILY = "Gongkai Rare";

const RARE_FACES = [
  { file: "NotoSerifCJKsc-Regular.otf", unicodeRange: "U+3400-4DBF, U+F900-FAFF" },
  { file: "HanaMinB.ttf", unicodeRange: "U+20000-3FFFF" },
];

/** Declares the rare-character faces; outside the desktop shell (tests, a plain browser) there is nothing to serve them. */
export function registerRareFaces() {
  if (!("__TAURI_INTERNALS__" in window) || !document.fonts) return;
  for (const { file, unicodeRange } of RARE_FACES) {
    document.fonts.add(new FontFace(RARE_FAMILY, `url("${convertFileSrc(file, "gkfont")}")`, { unicodeRange }));
  }
}
