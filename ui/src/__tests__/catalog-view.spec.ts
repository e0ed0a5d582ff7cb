import { beforeEach, describe, expect, it, vi } from "vitest";
import { mount } from "@vue/test-utils";
import ElementPlus from "element-plus";
import CatalogView from "@/views/catalog/CatalogView.vue";
import type { CatalogDomain, CatalogItem, CatalogItemHistory } from "@/api/bindings";
import { flush, profile, serve } from "./fixtures";
import { unnamedControls } from "./a11y";

vi.mock("@/api/files", () => ({ chooseExportTarget: vi.fn(async () => "/tmp/导出/目录.pdf") }));

function domain(overrides: Partial<CatalogDomain> = {}): CatalogDomain {
  return {
    name: "涉农补贴",
    order: 23,
    items: 2,
    source: "",
    sources: [{ title: "某县涉农补贴领域目录", url: "http://example.gov.cn/1", link: "http://example.gov.cn/1", note: "" }],
    kind: "pilot",
    coverage: "partial",
    coverageNote: "仅收录了国家模板的部分事项",
    guidelineIssuer: "财政部办公厅",
    guidelineDocument: "财办〔2019〕10号",
    guidelineDate: "2019-03-01",
    ...overrides,
  };
}

function item(overrides: Partial<CatalogItem> = {}): CatalogItem {
  return {
    key: "涉农补贴/农业生产发展资金/耕地地力保护",
    domain: "涉农补贴",
    level1: "农业生产发展资金",
    level2: "耕地地力保护",
    content: "补贴对象、补贴标准、发放结果",
    basis: "《政府信息公开条例》",
    timeLimit: "信息形成或者变更之日起20个工作日内",
    timeLimitWorkdays: 20,
    subject: "县农业农村局、乡镇人民政府",
    channels: ["政府网站", "其他"],
    channelsOther: "党群服务中心",
    audience: ["全社会"],
    mode: ["主动"],
    level: ["县级", "乡级"],
    source: "http://example.gov.cn/1",
    sourceLink: "http://example.gov.cn/1",
    sourceNote: "",
    provenance: null,
    state: "baseline",
    ...overrides,
  };
}

const dibao = item({
  key: "社会救助/最低生活保障/审批信息",
  domain: "社会救助",
  level1: "最低生活保障",
  level2: "审批信息",
  content: "低保对象名单",
  state: "townshipEdited",
});

function history(current: CatalogItem | null): CatalogItemHistory {
  return {
    key: dibao.key,
    current,
    entries: [
      { layer: "baseline", action: "load", on: "2026-01-01", recordedAt: "2026-01-01T00:00:00Z", note: "2026.1", by: null, item: dibao },
    ],
  };
}

const domains = [
  domain(),
  domain({ name: "社会救助", order: 20, items: 12, coverage: "complete", coverageNote: "" }),
  domain({ name: "统计", order: 28, items: 0, kind: "later", coverage: "not_found", coverageNote: "未找到国家指引的表格" }),
];

async function settle() {
  for (let i = 0; i < 4; i++) await flush();
}

function mountView() {
  return mount(CatalogView, { global: { plugins: [ElementPlus] }, attachTo: document.body });
}

describe("事项目录", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
    vi.clearAllMocks();
  });

  it("lists the domains with their counts and coverage, and shows the first domain's items", async () => {
    const mock = serve({
      catalog_domains: () => ({ domains }),
      catalog_hidden: () => ({ items: [] }),
      catalog_items: () => ({ items: [item(), item({ key: "涉农补贴/涉农资金/资金明细", level1: "涉农资金", level2: "资金明细", state: "townshipAdded" })] }),
      profile_get: () => profile(),
    });
    const w = mountView();
    await settle();
    const list = w.find('[data-testid="catalog-domains"]').text();
    expect(list).toContain("试点领域（2）");
    expect(list).toContain("23. 涉农补贴");
    expect(list).toContain("12 项");
    expect(list).toContain("基线部分");
    expect(list).toContain("基线完整");
    expect(list).toContain("基线未找到");
    expect(mock).toHaveBeenCalledWith("catalog_items", { args: { domain: "涉农补贴" } });
    const table = w.find('[data-testid="catalog-items"]').text();
    for (const header of ["一级事项", "二级事项", "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体", "公开对象", "公开方式", "公开层级"]) {
      expect(table).toContain(header);
    }
    expect(table).toContain("耕地地力保护");
    expect(table).toContain("其他（党群服务中心）");
    expect(table).toContain("全国基线");
    expect(table).toContain("本镇增加");
    expect(w.find('[data-testid="catalog-domain-head"]').text()).toContain("财办〔2019〕10号");

    const buttons = w.findAll('[data-testid="catalog-domain"]');
    await buttons[1].trigger("click");
    await settle();
    expect(mock).toHaveBeenCalledWith("catalog_items", { args: { domain: "社会救助" } });
    w.unmount();
  });

  it("searches the whole catalog as the clerk types, debounced, and shows each result's domain", async () => {
    vi.useFakeTimers();
    try {
      const mock = serve({
        catalog_domains: () => ({ domains }),
        catalog_hidden: () => ({ items: [] }),
        catalog_items: () => ({ items: [item()] }),
        catalog_search: () => ({ items: [dibao] }),
        profile_get: () => profile(),
      });
      const w = mountView();
      await vi.runAllTimersAsync();
      const search = w.find('input[data-testid="catalog-search"]');
      await search.setValue("低");
      await search.setValue("低保");
      await vi.advanceTimersByTimeAsync(100);
      expect(mock).not.toHaveBeenCalledWith("catalog_search", expect.anything());
      await vi.advanceTimersByTimeAsync(100);
      await vi.runAllTimersAsync();
      expect(mock.mock.calls.filter(([c]) => c === "catalog_search")).toEqual([["catalog_search", { args: { query: "低保", limit: 200 } }]]);
      const results = w.find('[data-testid="catalog-results"]').text();
      expect(results).toContain("社会救助");
      expect(results).toContain("审批信息");
      expect(w.find('[data-testid="catalog-search-caption"]').text()).toContain("找到 1 项");
      w.unmount();
    } finally {
      vi.useRealTimers();
    }
  });

  it("hides an item only with a reason and who, and shows its history", async () => {
    const mock = serve({
      catalog_domains: () => ({ domains }),
      catalog_hidden: () => ({ items: [] }),
      catalog_items: () => ({ items: [dibao] }),
      catalog_item_history: () => history(dibao),
      catalog_adjust: () => history(null),
      profile_get: () => profile(),
    });
    const w = mountView();
    await settle();
    await w.find('[data-testid="catalog-item-open"]').trigger("click");
    await settle();
    const detail = document.body.querySelector('[data-testid="catalog-detail"]');
    expect(detail?.textContent).toContain("低保对象名单");
    expect(detail?.textContent).toContain("全国基线 · 载入");
    expect(unnamedControls()).toEqual([]);
    const hide = () => document.body.querySelector('[data-testid="catalog-hide"]') as HTMLButtonElement;
    expect(hide().disabled).toBe(true);

    const reason = document.body.querySelector('input[data-testid="catalog-reason"]') as HTMLInputElement;
    reason.value = "本镇无此项审批权";
    reason.dispatchEvent(new Event("input"));
    await settle();
    expect(hide().disabled).toBe(true); // still no 经办人

    (document.body.querySelector('[data-testid="catalog-by"]') as HTMLElement).click();
    await settle();
    const option = [...document.body.querySelectorAll(".el-select-dropdown__item")].find((o) => o.textContent?.includes("李明")) as HTMLElement;
    option.click();
    await settle();
    expect(hide().disabled).toBe(false);
    hide().click();
    await settle();
    expect(mock).toHaveBeenCalledWith("catalog_adjust", {
      args: { action: "hide", key: dibao.key, item: null, reason: "本镇无此项审批权", by: "李明", on: null },
    });
    // Hidden: the drawer says so and offers 恢复; the list and counts are reloaded.
    expect(document.body.querySelector('[data-testid="catalog-hidden"]')).not.toBeNull();
    expect(document.body.querySelector('[data-testid="catalog-restore"]')).not.toBeNull();
    expect(mock.mock.calls.filter(([c]) => c === "catalog_domains").length).toBe(2);
    w.unmount();
  });

  it("marks inferred and borrowed ticks instead of showing them as facts, and links only government pages", async () => {
    const known = (source: "column" | "inferred" | "borrowed", label: string) => ({ source, label, fact: source === "column" });
    const dazhu = item({
      key: "社会救助/综合业务/政策法规文件",
      domain: "社会救助",
      level1: "综合业务",
      level2: "政策法规文件",
      audience: ["全社会"],
      mode: ["主动"],
      level: ["县级", "乡级"],
      subject: "县民政局、各乡（镇）人民政府",
      source: "http://hqbet6270.com/doc/1.shtml",
      sourceLink: null,
      sourceNote: "未核实转载",
      provenance: {
        audience: known("column", "按列位置读出"),
        mode: known("inferred", "推断"),
        level: known("borrowed", "借用（借自天津市北辰区）"),
        borrowedFrom: "天津市北辰区",
        versionOf: "大竹县",
        note: "",
      },
    });
    serve({
      catalog_domains: () => ({
        domains: [domain({ sources: [{ title: "某镇目录（镜像）", url: "http://hqbet6270.com/doc/1.shtml", link: null, note: "未核实转载" }] })],
      }),
      catalog_hidden: () => ({ items: [] }),
      catalog_items: () => ({ items: [dazhu, item({ key: "涉农补贴/x/县级事项", level2: "县级事项" })] }),
      catalog_item_history: () => ({ key: dazhu.key, current: dazhu, entries: [] }),
      profile_get: () => profile(),
    });
    const w = mountView();
    await settle();
    // Row 1: 公开对象 read from a column is plain; 公开方式 (inferred) and 公开层级 (borrowed) are marked.
    const marked = w.findAll('[data-testid="catalog-tick-unconfirmed"]');
    expect(marked.map((m) => m.text())).toEqual(["主动推断", "县级乡级借用"]);
    expect(marked[1].attributes("aria-label")).toContain("借自天津市北辰区");
    // Row 2 has no provenance (county or township text): nothing marked there.
    const rows = w.findAll('[data-testid="catalog-items"] tbody tr');
    expect(rows[1].find('[data-testid="catalog-tick-unconfirmed"]').exists()).toBe(false);
    expect(rows[1].text()).toContain("县级");
    // The domain header names the mirror as unverified and never links it.
    const head = w.find('[data-testid="catalog-domain-head"]');
    expect(head.text()).toContain("某镇目录（镜像）（未核实转载）");
    expect(head.find("a").exists()).toBe(false);

    await w.find('[data-testid="catalog-item-open"]').trigger("click");
    await settle();
    const detail = document.body.querySelector('[data-testid="catalog-detail"]') as HTMLElement;
    expect(detail.querySelectorAll('[data-testid="catalog-detail-tick-unconfirmed"]').length).toBe(2);
    expect(detail.textContent).toContain("非来源原文所示");
    expect(detail.textContent).toContain("为大竹县版本");
    expect(detail.querySelector('[data-testid="catalog-source-unverified"]')?.textContent).toBe("未核实转载");
    // Every link the catalog screen renders goes to a government portal.
    const links = [...document.body.querySelectorAll("a")].map((a) => new URL(a.href).hostname);
    expect(links.every((host) => host.endsWith(".gov.cn"))).toBe(true);
    expect(links).not.toContain("hqbet6270.com");
    w.unmount();
  });

  it("links a government source in the detail", async () => {
    serve({
      catalog_domains: () => ({ domains }),
      catalog_hidden: () => ({ items: [] }),
      catalog_items: () => ({ items: [item()] }),
      catalog_item_history: () => ({ key: item().key, current: item(), entries: [] }),
      profile_get: () => profile(),
    });
    const w = mountView();
    await settle();
    await w.find('[data-testid="catalog-item-open"]').trigger("click");
    await settle();
    const link = document.body.querySelector('[data-testid="catalog-source-link"]') as HTMLAnchorElement;
    expect(link.href).toBe("http://example.gov.cn/1");
    expect(link.rel).toContain("noopener");
    w.unmount();
  });

  it("shows the core's refusal in Chinese", async () => {
    serve({
      catalog_domains: () => ({ domains }),
      catalog_hidden: () => ({ items: [] }),
      catalog_items: () => ({ items: [dibao] }),
      catalog_item_history: () => history(dibao),
      catalog_adjust: () => {
        throw { code: "invalid", message: "事项“社会救助/最低生活保障/审批信息”已被隐藏，请先恢复" };
      },
      profile_get: () => profile(),
    });
    const w = mountView();
    await settle();
    await w.find('[data-testid="catalog-item-open"]').trigger("click");
    await settle();
    const reason = document.body.querySelector('input[data-testid="catalog-reason"]') as HTMLInputElement;
    reason.value = "不适用";
    reason.dispatchEvent(new Event("input"));
    (document.body.querySelector('[data-testid="catalog-by"]') as HTMLElement).click();
    await settle();
    ([...document.body.querySelectorAll(".el-select-dropdown__item")].find((o) => o.textContent?.includes("李明")) as HTMLElement).click();
    await settle();
    (document.body.querySelector('[data-testid="catalog-hide"]') as HTMLButtonElement).click();
    await settle();
    expect(document.body.querySelector(".el-message")?.textContent).toContain("已被隐藏，请先恢复");
    w.unmount();
  });

  it("edits an item sending only the changed columns, with reason and who", async () => {
    const mock = serve({
      catalog_domains: () => ({ domains }),
      catalog_hidden: () => ({ items: [] }),
      catalog_items: () => ({ items: [dibao] }),
      catalog_item_history: () => history(dibao),
      catalog_adjust: () => history({ ...dibao, content: "低保对象名单（按村）" }),
      record_options: () => ({ attributes: [], grounds: [], stages: [], secrecyQuestions: [], channels: [{ key: "政府网站", label: "政府网站" }] }),
      profile_get: () => profile(),
    });
    const w = mountView();
    await settle();
    await w.find('[data-testid="catalog-item-open"]').trigger("click");
    await settle();
    (document.body.querySelector('[data-testid="catalog-edit"]') as HTMLButtonElement).click();
    await settle();
    const form = document.body.querySelector('[data-testid="catalog-form"]') as HTMLFormElement;
    expect(unnamedControls()).toEqual([]);
    const content = form.querySelector('textarea[data-testid="catalog-form-content"]') as HTMLTextAreaElement;
    content.value = "低保对象名单（按村）";
    content.dispatchEvent(new Event("input"));
    const reason = form.querySelector('input[data-testid="catalog-reason"]') as HTMLInputElement;
    reason.value = "按县民政局要求分村公开";
    reason.dispatchEvent(new Event("input"));
    (form.querySelector('[data-testid="catalog-by"]') as HTMLElement).click();
    await settle();
    ([...document.body.querySelectorAll(".el-select-dropdown__item")].find((o) => o.textContent?.includes("李明")) as HTMLElement).click();
    await settle();
    form.dispatchEvent(new Event("submit"));
    await settle();
    const call = mock.mock.calls.find(([c]) => c === "catalog_adjust");
    expect(call?.[1]).toEqual({
      args: {
        action: "edit",
        key: dibao.key,
        item: {
          domain: null, level1: null, level2: null, content: "低保对象名单（按村）", basis: null, timeLimit: null, timeLimitWorkdays: null,
          subject: null, channels: null, channelsOther: null, audience: null, mode: null, level: null, source: null,
        },
        reason: "按县民政局要求分村公开",
        by: "李明",
        on: null,
      },
    });
    w.unmount();
  });

  it("exports the chosen domain as an A3 landscape PDF to the path the clerk picked", async () => {
    const mock = serve({
      catalog_domains: () => ({ domains }),
      catalog_hidden: () => ({ items: [] }),
      catalog_items: () => ({ items: [item()] }),
      catalog_export: () => ({ path: "/tmp/导出/目录.pdf", domains: 1, items: 2, bytes: 1000 }),
      profile_get: () => profile(),
    });
    const w = mountView();
    await settle();
    await w.find('[data-testid="catalog-export-a3"]').trigger("click");
    await settle();
    expect(mock).toHaveBeenCalledWith("catalog_export", { args: { format: "pdf", out: "/tmp/导出/目录.pdf", paper: "a3", domain: "涉农补贴" } });
    await w.find('[data-testid="catalog-export-xlsx"]').trigger("click");
    await settle();
    expect(mock).toHaveBeenCalledWith("catalog_export", { args: { format: "xlsx", out: "/tmp/导出/目录.pdf", paper: "a3", domain: "涉农补贴" } });
    w.unmount();
  });

  it("opens an item from the keyboard: its name is a button reached with Tab", async () => {
    serve({
      catalog_domains: () => ({ domains }),
      catalog_hidden: () => ({ items: [] }),
      catalog_items: () => ({ items: [dibao] }),
      catalog_item_history: () => history(dibao),
      profile_get: () => profile(),
    });
    const w = mountView();
    await settle();
    expect(unnamedControls()).toEqual([]);
    const opener = document.body.querySelector<HTMLElement>('[data-testid="catalog-item-open"]')!;
    // A native button: in the tab order, and Enter or Space press it (a bare <a> without href is neither).
    expect(opener.tagName).toBe("BUTTON");
    expect(opener.getAttribute("type")).toBe("button");
    expect(opener.tabIndex).toBe(0);
    expect(opener.textContent?.trim()).toBe(dibao.level2);
    opener.focus();
    expect(document.activeElement).toBe(opener);
    opener.click();
    await settle();
    expect(document.body.querySelector('[data-testid="catalog-detail"]')?.textContent).toContain("低保对象名单");
    w.unmount();
  });
});
