import { convertFileSrc } from "@tauri-apps/api/core";

// The bundled Chinese webfont is split into unicode-range slices that the webview downloads
// when text needs them. WebKit does not count placeholder text as needing them, so a
// placeholder whose characters appear nowhere else on the page falls back to a system font —
// boxes on a machine without CJK fonts. Ask for those slices explicitly.

const FAMILY = '14px "Noto Sans SC"';
const asked = new Set<string>();

function loadFor(text: string | null) {
  if (!text || asked.has(text) || !document.fonts) return;
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
