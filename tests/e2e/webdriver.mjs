// A small W3C WebDriver client over fetch: all the end-to-end suite needs, and no dependency
// tree to install. It talks to tauri-driver, which drives the real app through WebKitWebDriver.

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

/** A driver that stops answering fails the request, not hangs the test run forever. */
const REQUEST_TIMEOUT_MS = 120000;

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
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
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

  /**
   * Clicks where a clerk would: once the element is enabled and settled (see `settled`), and
   * checks that the click reached it. A click that lands elsewhere fails here, saying what was
   * pressed instead; it is sent again only when what took it was a toast.
   */
  async click(css, { timeout = 20000 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const id = await this.readyToClick(css);
      await this.execute(
        `const e = arguments[0];
         const name = (t) => t && t.nodeType === 1 ? t.tagName.toLowerCase() + (t.className && typeof t.className === "string" ? "." + t.className.trim().split(/\\s+/).join(".") : "") : String(t);
         window.__gkClick = { reached: false, pressed: "nothing", onToast: false };
         document.addEventListener("mousedown", (ev) => {
           window.__gkClick.pressed = name(ev.target) + " at " + ev.clientX + "," + ev.clientY;
           window.__gkClick.onToast = Boolean(ev.target.closest && ev.target.closest(".el-message"));
         }, { capture: true, once: true });
         e.addEventListener("click", () => { window.__gkClick.reached = true; }, { capture: true, once: true });`,
        [{ [ELEMENT]: id }],
      );
      await this.request("POST", this.session(`/element/${id}/click`), {});
      const receipt = await this.execute("return window.__gkClick ?? { reached: true }");
      if (receipt.reached) return;
      // A toast (ElMessage) that slid over the element between the check and the press took the
      // click. A toast does nothing when pressed, so this one press may be sent again once it
      // has gone; a press that landed on anything else might have done something, and fails.
      if (!receipt.onToast || Date.now() > deadline) {
        throw new Error(`the click on ${css} did not reach it (mouse pressed on ${receipt.pressed})`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /**
   * The element `css` matches, once enabled and settled. Vue may replace the element while it is
   * waited on (a list re-rendered with the core's answer): a stale element is looked up again,
   * since nothing has been pressed yet.
   */
  async readyToClick(css, { timeout = 20000 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      try {
        const id = await this.waitFor(css);
        await this.enabled(id, css);
        await this.settled(id, css);
        return id;
      } catch (e) {
        if (e.webdriverError !== "stale element reference" || Date.now() > deadline) throw e;
      }
    }
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
    // Keys sent while a drawer is still sliding in land before the box is where they go: wait
    // for it to settle, then type once and check what arrived.
    await this.settled(id, css);
    await this.execute(
      "const e = arguments[0]; e.value = ''; e.dispatchEvent(new Event('input', { bubbles: true }));",
      [{ [ELEMENT]: id }],
    );
    await this.request("POST", this.session(`/element/${id}/value`), { text });
    const typed = await this.execute("return arguments[0].value", [{ [ELEMENT]: id }]);
    if (typed !== text) throw new Error(`typing into ${css} gave “${typed}”, not “${text}”`);
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

  /**
   * Waits until the element is where a click or a key will land, and stays there: scrolled into
   * the window, its box the same over two animation frames, no transition or animation running
   * on it, on what contains it (a drawer sliding in) or on a popper, overlay or dialog (a
   * dropdown fading out after an option was picked), and nothing else over its centre (a
   * closing drawer's overlay). WebDriver computes the click point before it presses: an element
   * still moving, or a popper still on its way out, takes the click somewhere else.
   */
  async settled(id, css, { timeout = 5000 } = {}) {
    const deadline = Date.now() + timeout;
    let why = "";
    while (Date.now() < deadline) {
      // WebKitWebDriver now and then answers a script awaiting animation frames with "Could not
      // parse script result" (seen when the page re-renders meanwhile): that is asked again.
      why = await this.execute(
        `const e = arguments[0];
         return (async () => {
         const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
         const box = () => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.width, r.height].map(Math.round).join(","); };
         const name = (t) => t.tagName.toLowerCase() + (typeof t.className === "string" && t.className ? "." + t.className.trim().split(/\\s+/).slice(0, 2).join(".") : "");
         e.scrollIntoView({ block: "nearest", inline: "nearest" });
         const before = box();
         await frame();
         await frame();
         if (box() !== before) return "moving: " + before + " then " + box();
         const running = document.getAnimations().filter((a) => {
           const t = a.effect && a.effect.target;
           if (a.playState !== "running" || !t || a.effect.getComputedTiming().iterations === Infinity) return false;
           return t.contains(e) || t.matches(".el-popper, .el-overlay, .el-drawer, .el-dialog, .el-message-box, .el-message");
         });
         if (running.length) return "animating: " + running.map((a) => (a.animationName || a.transitionProperty) + " on " + name(a.effect.target)).join(", ");
         const r = e.getBoundingClientRect();
         const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
         if (!top) return "outside the window";
         if (!e.contains(top) && !top.contains(e)) return "covered by " + top.outerHTML.slice(0, 160);
         return "";
         })();`,
        [{ [ELEMENT]: id }],
      ).catch((e) => {
        if (String(e.message).includes("Could not parse script result")) return "script result lost";
        throw e;
      });
      if (!why) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`${css} never settled: ${why}`);
  }

  /**
   * Picks the option showing `label` in an Element Plus dropdown (options live in a popper at
   * the end of the body, not inside the select). With `open`, clicks that select first (once:
   * `click` waits until the select has settled and checks the click reached it).
   */
  async pickOption(label, { open, timeout = 10000 } = {}) {
    const deadline = Date.now() + timeout;
    if (open) await this.click(open);
    while (Date.now() < deadline) {
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
