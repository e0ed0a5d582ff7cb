// A small W3C WebDriver client over fetch: all the end-to-end suite needs, and no dependency
// tree to install. It talks to tauri-driver, which drives the real app through WebKitWebDriver.

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

export class WebDriver {
  constructor(base) {
    this.base = base;
    this.sessionId = null;
  }

  async request(method, path, body) {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload = await response.json().catch(() => ({}));
    if (!response.ok) {
      const v = payload.value ?? {};
      const error = new Error(`${method} ${path}: ${v.error ?? response.status} ${v.message ?? ""}`);
      error.webdriverError = v.error;
      throw error;
    }
    return payload.value;
  }

  session(path) {
    return `/session/${this.sessionId}${path}`;
  }

  /** Starts the app binary with the given command-line arguments. */
  async start(application, args = []) {
    const value = await this.request("POST", "/session", {
      capabilities: { alwaysMatch: { "tauri:options": { application, args } } },
    });
    this.sessionId = value.sessionId;
  }

  /** Ends the session, which closes the app. */
  async quit() {
    if (this.sessionId) {
      await this.request("DELETE", this.session(""));
      this.sessionId = null;
    }
  }

  async find(css) {
    const value = await this.request("POST", this.session("/element"), {
      using: "css selector",
      value: css,
    });
    return value[ELEMENT];
  }

  async findAll(css) {
    const value = await this.request("POST", this.session("/elements"), {
      using: "css selector",
      value: css,
    });
    return value.map((v) => v[ELEMENT]);
  }

  /** Waits until `css` matches an element (and, if given, `predicate(text)` holds). */
  async waitFor(css, { timeout = 20000, text } = {}) {
    const deadline = Date.now() + timeout;
    let last = "nothing matched";
    while (Date.now() < deadline) {
      try {
        const ids = await this.findAll(css);
        for (const id of ids) {
          const content = await this.text(id);
          if (!text || text(content)) return id;
          last = `text was “${content}”`;
        }
      } catch (e) {
        last = e.message;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`timed out waiting for ${css}: ${last}`);
  }

  async click(css) {
    const id = await this.waitFor(css);
    await this.enabled(id, css);
    await this.uncovered(id);
    await this.request("POST", this.session(`/element/${id}/click`), {});
  }

  /** Waits until a button is enabled: a click on a disabled one is silently dropped, and Vue
   *  enables it only on the render after the last input (a picked option, say) arrived. */
  async enabled(id, css, { timeout = 5000 } = {}) {
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      const disabled = await this.execute(
        `const e = arguments[0]; return e.disabled === true || e.classList.contains("is-disabled");`,
        [{ [ELEMENT]: id }],
      );
      if (!disabled) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${css} stays disabled`);
  }

  /** Replaces the input's content. WebDriver's "clear" does not fire the input event Vue's
   *  v-model listens to, so the old text would come back on the next keystroke. */
  async type(css, text) {
    const id = await this.waitFor(css);
    // Keys sent while a drawer is still opening can be lost; what arrived is checked and retyped.
    for (let attempt = 0; ; attempt++) {
      await this.execute(
        "const e = arguments[0]; e.value = ''; e.dispatchEvent(new Event('input', { bubbles: true }));",
        [{ [ELEMENT]: id }],
      );
      await this.request("POST", this.session(`/element/${id}/value`), { text });
      const typed = await this.execute("return arguments[0].value", [{ [ELEMENT]: id }]);
      if (typed === text) return;
      if (attempt === 2) throw new Error(`typing into ${css} gave “${typed}”, not “${text}”`);
      await new Promise((r) => setTimeout(r, 300));
    }
  }

  /**
   * The element's rendered text (innerText; "" while it is not displayed). WebKitWebDriver's own
   * "element text" answers "" for some visible table cells, so the page is asked directly.
   */
  async text(id) {
    return this.execute("const e = arguments[0]; return e.getClientRects().length ? e.innerText : ''", [
      { [ELEMENT]: id },
    ]);
  }

  /** Waits until nothing (a closing drawer's overlay, say) lies over the element's centre. */
  async uncovered(id, { timeout = 5000 } = {}) {
    const deadline = Date.now() + timeout;
    let cover = "";
    while (Date.now() < deadline) {
      cover = await this.execute(
        `const e = arguments[0]; const r = e.getBoundingClientRect();
         const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
         return !top || e.contains(top) || top.contains(e) ? "" : top.outerHTML.slice(0, 200);`,
        [{ [ELEMENT]: id }],
      );
      if (!cover) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`element stays covered by ${cover}`);
  }

  /**
   * Picks the option showing `label` in an Element Plus dropdown (options live in a popper at
   * the end of the body, not inside the select). With `open`, clicks that select first, and
   * again if no option shows: a click during the drawer's opening animation can be lost.
   */
  async pickOption(label, { open, timeout = 10000 } = {}) {
    const deadline = Date.now() + timeout;
    let clicked = 0;
    while (Date.now() < deadline) {
      if (open && Date.now() >= clicked + 2000) {
        await this.click(open);
        clicked = Date.now();
      }
      const picked = await this.execute(
        `const items = [...document.querySelectorAll(".el-select-dropdown__item")]
           .filter((e) => e.getClientRects().length && e.innerText.includes(arguments[0]));
         if (items.length) items[0].click();
         return items.length > 0;`,
        [label],
      );
      if (picked) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`no dropdown option “${label}”`);
  }

  async execute(script, args = []) {
    return this.request("POST", this.session("/execute/sync"), { script, args });
  }

  async screenshot() {
    return Buffer.from(await this.request("GET", this.session("/screenshot")), "base64");
  }
}
