// What a screen reader would announce for each control: the checks behind "every input has a name".

const CONTROLS =
  "input:not([type=hidden]), textarea, select, button, [role=button], [role=combobox], [role=checkbox], [role=radio], [role=switch], [role=tab], [role=slider], [role=spinbutton]";

function text(el: Element | null | undefined): string {
  return el?.textContent?.replace(/\s+/g, " ").trim() ?? "";
}

/** The accessible name of a control, as far as this app's markup needs: aria-label,
 *  aria-labelledby, a <label for>, a wrapping <label>, a button's own text, or a title. */
export function accessibleName(el: Element): string {
  const aria = el.getAttribute("aria-label")?.trim();
  if (aria) return aria;
  const by = el.getAttribute("aria-labelledby");
  if (by) {
    const named = by
      .split(/\s+/)
      .map((id) => text(document.getElementById(id)))
      .join(" ")
      .trim();
    if (named) return named;
  }
  if (el.id) {
    const label = [...document.querySelectorAll("label")].find((l) => l.htmlFor === el.id);
    if (text(label)) return text(label);
  }
  const wrapping = el.closest("label");
  if (text(wrapping)) return text(wrapping);
  if (el.tagName === "BUTTON" || el.getAttribute("role") === "button" || el.getAttribute("role") === "tab") {
    if (text(el)) return text(el);
  }
  return el.getAttribute("title")?.trim() ?? "";
}

function describe(el: Element): string {
  const testid = el.closest("[data-testid]")?.getAttribute("data-testid");
  const placeholder = el.getAttribute("placeholder");
  return `<${el.tagName.toLowerCase()}${el.getAttribute("type") ? ` type=${el.getAttribute("type")}` : ""}>${testid ? ` in [data-testid=${testid}]` : ""}${placeholder ? ` placeholder “${placeholder}”` : ""}`;
}

/** Every control under `root` that has no accessible name (a placeholder is not one). */
export function unnamedControls(root: ParentNode = document.body): string[] {
  return [...root.querySelectorAll(CONTROLS)]
    .filter((el) => !el.closest("[aria-hidden=true]"))
    .filter((el) => !accessibleName(el))
    .map(describe);
}
