// 张贴与公示: postings by round with their stage (an early take-down flagged 须重新张贴), packs printed
// into a chosen folder, marked posted, taken down; the composer turns a table pasted from Excel into
// the sheet's table and adds the posting; 到期 opens the composer for a zone.
import { beforeEach, describe, expect, it } from "vitest";
import { mount } from "@vue/test-utils";
import ElementPlus from "element-plus";
import PostingsTab from "@/views/boards/PostingsTab.vue";
import ComposeSheetDialog from "@/views/boards/ComposeSheetDialog.vue";
import DueTab from "@/views/boards/DueTab.vue";
import { PostingStageLabels, type PostingAddArgs, type PostingSummary, type ZoneDue } from "@/api/bindings";
import { app } from "@/state/app";
import { flush, profile, serve } from "./fixtures";
import { unnamedControls } from "./a11y";
import { toWire } from "@/views/boards/wireInt";

function posting(id: string, stage: PostingSummary["stage"], extra: Partial<PostingSummary> = {}): PostingSummary {
  return {
    id,
    boardId: "b1",
    boardName: "东山村三务公开栏",
    village: "东山村",
    zoneId: "z2",
    zoneName: "村务公开",
    round: "2026年第四季度 村务公开",
    period: "2026-Q4",
    source: "composed",
    title: `公示单 ${id}`,
    registerNo: `GK-2026-000${id.length}`,
    noticeFrom: "2026-11-20",
    noticeTo: "2026-11-30",
    stage,
    stageLabel: PostingStageLabels[stage],
    printedAt: stage === "draft" ? null : "2026-11-19T08:00:00Z",
    postedOn: null,
    postedBy: null,
    takenDownOn: null,
    archivedAt: null,
    earlyTakeDown: null,
    mustRepost: false,
    reposts: null,
    repostedBy: null,
    photoCount: 0,
    objectionCount: 0,
    hasFile: stage !== "draft",
    ...extra,
  };
}

async function settle() {
  for (let i = 0; i < 4; i++) await flush();
}

describe("张贴与公示", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
    app.profile = profile();
  });

  it("lists a round's postings with their stage, flags an early take-down, prints the round's packs", async () => {
    const list = [
      posting("a", "draft"),
      posting("bb", "printed"),
      posting("ccc", "taken_down", { earlyTakeDown: "张贴 3 天即撤下，不足 10 天", mustRepost: true, postedOn: "2026-11-20", postedBy: "李明", takenDownOn: "2026-11-23" }),
      posting("dddd", "posted", { round: "2026年11月 财务公开", village: null, boardName: "便民服务中心政务公开栏" }),
    ];
    const calls = serve({
      postings_list: () => ({ postings: list, rounds: ["2026年第四季度 村务公开", "2026年11月 财务公开"] }),
      pick_folder: () => "/tmp/资料包",
      postings_print: () => ({ packs: [{ village: "东山村", path: "/tmp/资料包/东山村.pdf", sheets: 2, bytes: 52000 }] }),
    });
    const w = mount(PostingsTab, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await settle();
    const table = w.find('[data-testid="postings-table"]').text();
    expect(table).toContain("公示单 a");
    expect(table).not.toContain("公示单 dddd");
    expect(w.findAll('[data-testid="posting-stage"]').map((t) => t.text())).toEqual([PostingStageLabels.draft, PostingStageLabels.printed, PostingStageLabels.taken_down]);
    expect(w.findAll('[data-testid="posting-repost"]').map((t) => t.text())).toEqual(["须重新张贴"]);
    expect(w.findAll('[data-testid="mark-posted-open"]')).toHaveLength(1);
    expect(w.find('[data-testid="print-round"]').text()).toContain("1 张待打印");
    await w.find('[data-testid="print-one-file"] input').setValue(true);
    await w.find('[data-testid="print-round"]').trigger("click");
    await settle();
    expect(calls).toHaveBeenCalledWith("postings_print", { args: { round: "2026年第四季度 村务公开", outDir: "/tmp/资料包", oneFile: true } });
    expect(document.body.querySelector('[data-testid="printed-packs"]')?.textContent).toContain("东山村：东山村.pdf（2 张）");
    expect(unnamedControls()).toEqual([]);
    w.unmount();
  });

  it("marks a printed sheet posted with the day, who, and photos chosen in the dialog, then shows their thumbnails", async () => {
    const photo = { sha256: "ab".repeat(32), originalName: "IMG_0412.jpg", takenAt: "2026-11-20 09:14:03", place: null, width: 1600, height: 1200, size: 240000, thumbnailBase64: "/9j/AA==" };
    const picks = ["/home/clerk/照片/IMG_0412.jpg", "/home/clerk/照片/IMG_0413.jpg"];
    const calls = serve({
      postings_list: () => ({ postings: [posting("bb", "printed")], rounds: ["2026年第四季度 村务公开"] }),
      pick_file: () => picks.shift() ?? null,
      posting_mark_posted: () => ({ posting: posting("bb", "posted"), objections: [], sheet: null }),
      posting_photos: () => ({ photos: [photo] }),
    });
    const w = mount(PostingsTab, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await settle();
    await w.find('[data-testid="mark-posted-open"]').trigger("click");
    await settle();
    const by = w.findAllComponents({ name: "ElSelect" }).find((s) => s.props("ariaLabel") === "张贴人")!;
    by.vm.$emit("update:modelValue", "李明");
    for (let i = 0; i < 2; i++) {
      (document.body.querySelector('[data-testid="photo-add"]') as HTMLButtonElement).click();
      await settle();
    }
    // A path typed or pasted is added too.
    const typed = document.body.querySelector('input[data-testid="photo-path"]') as HTMLInputElement;
    typed.value = "/work/导入/IMG_0414.png";
    typed.dispatchEvent(new Event("input"));
    await settle();
    (document.body.querySelector('[data-testid="photo-path-add"]') as HTMLButtonElement).click();
    await settle();
    expect([...document.body.querySelectorAll('[data-testid="photo-chosen"]')].map((p) => p.textContent?.trim().split(/\s/)[0])).toEqual(["IMG_0412.jpg", "IMG_0413.jpg", "IMG_0414.png"]);
    expect(unnamedControls()).toEqual([]);
    (document.body.querySelector('[data-testid="posted-submit"]') as HTMLButtonElement).click();
    await settle();
    // One command: the posting and its photos in one transaction.
    expect(calls).toHaveBeenCalledWith("posting_mark_posted", {
      args: { id: "bb", on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), by: "李明", photos: ["/home/clerk/照片/IMG_0412.jpg", "/home/clerk/照片/IMG_0413.jpg", "/work/导入/IMG_0414.png"] },
    });
    expect(document.body.textContent).toContain("由 李明 张贴");
    const thumb = document.body.querySelector('[data-testid="photo-thumb"]') as HTMLImageElement;
    expect(thumb.getAttribute("src")).toBe("data:image/jpeg;base64,/9j/AA==");
    expect(thumb.getAttribute("alt")).toBe("现场照片 IMG_0412.jpg");
    expect(document.body.querySelector('[data-testid="photo-strip"]')?.textContent).toContain("拍摄于 2026-11-20 09:14:03");
    w.unmount();
  });
});

describe("重新张贴", () => {
  it("a composed sheet taken down too early goes up again on its zone and period, naming the one it replaces", async () => {
    document.body.innerHTML = "";
    app.profile = profile();
    const early = posting("ccc", "taken_down", { earlyTakeDown: "张贴 3 天即撤下，不足 10 天", mustRepost: true, postedOn: "2026-11-20", postedBy: "李明", takenDownOn: "2026-11-23" });
    const sheet = { kind: "gongshi", title: early.title, body: "", table: null, periodDays: 7, periodUnit: "calendar", objectionPhone: null, objectionAddress: null, issuer: "东山村村民委员会", issuedOn: "2026-11-19", paper: "A4", landscape: false };
    const calls = serve({
      postings_list: () => ({ postings: [early], rounds: [early.round] }),
      posting_get: () => ({ posting: early, objections: [], sheet }),
      posting_add: () => ({ posting: posting("dd", "draft", { reposts: "ccc" }), objections: [], sheet }),
    });
    calls.mockClear();
    const w = mount(PostingsTab, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await settle();
    await w.find('[data-testid="repost"]').trigger("click");
    await settle();
    expect(calls).toHaveBeenCalledWith("posting_add", {
      args: expect.objectContaining({ boardId: "b1", zoneId: "z2", period: "2026-Q4", round: early.round, sheet, reposts: "ccc" }),
    });
    w.unmount();
  });
});

describe("拟公示单", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
    app.profile = profile();
  });

  it("a table pasted from Excel becomes the sheet's table and goes with the posting", async () => {
    let added: PostingAddArgs | null = null;
    serve({
      posting_add: (args) => {
        added = args as PostingAddArgs;
        return { posting: posting("n", "draft", { round: "2026年第三季度 村务公开" }), objections: [], sheet: null };
      },
    });
    const w = mount(ComposeSheetDialog, {
      props: { target: { boardId: "b1", zoneId: "z2", where: "东山村 · 村务公开", period: "2026-Q3", issuer: "东山村村民委员会" } },
      global: { plugins: [ElementPlus] },
      attachTo: document.body,
    });
    await settle();
    const body = document.body.querySelector('textarea[data-testid="compose-body"]') as HTMLTextAreaElement;
    const paste = new Event("paste", { bubbles: true, cancelable: true }) as ClipboardEvent;
    Object.defineProperty(paste, "clipboardData", { value: { getData: (type: string) => (type === "text/plain" ? "序号\t项目\t金额（元）\r\n1\t村道硬化\t12500.00\r\n2\t路灯维修\t860.00\r\n" : "") } });
    body.dispatchEvent(paste);
    await settle();
    expect(paste.defaultPrevented).toBe(true);
    const table = document.body.querySelector('[data-testid="compose-table"]')!;
    expect(table.textContent).toContain("3 列 × 2 行");
    expect(table.textContent).toContain("村道硬化");
    const title = document.body.querySelector('input[data-testid="compose-title"]') as HTMLInputElement;
    title.value = "东山村关于2026年第四季度村级项目的公示";
    title.dispatchEvent(new Event("input"));
    await settle();
    expect(unnamedControls()).toEqual([]);
    (document.body.querySelector('[data-testid="compose-add"]') as HTMLButtonElement).click();
    await settle();
    expect(added).toMatchObject({
      boardId: "b1",
      zoneId: "z2",
      period: "2026-Q3",
      sheet: {
        kind: "gongshi",
        title: "东山村关于2026年第四季度村级项目的公示",
        table: { columns: ["序号", "项目", "金额（元）"], rows: [["1", "村道硬化", "12500.00"], ["2", "路灯维修", "860.00"]] },
        periodDays: 7,
        periodUnit: "calendar",
        issuer: "东山村村民委员会",
        paper: "A4",
      },
    });
    expect(w.emitted("added")).toHaveLength(1);
    expect(document.body.querySelector(".el-message")?.textContent).toContain("已加入“2026年第三季度 村务公开”待张贴：东山村 · 村务公开");
    w.unmount();
  });

  it("plain text pastes into the body and makes no table", async () => {
    serve({});
    const w = mount(ComposeSheetDialog, {
      props: { target: { boardId: "b1", zoneId: "z2", where: "东山村 · 村务公开", period: null, issuer: "东山村村民委员会" } },
      global: { plugins: [ElementPlus] },
      attachTo: document.body,
    });
    await settle();
    const paste = new Event("paste", { bubbles: true, cancelable: true }) as ClipboardEvent;
    Object.defineProperty(paste, "clipboardData", { value: { getData: () => "经村民代表会议讨论通过" } });
    document.body.querySelector('textarea[data-testid="compose-body"]')!.dispatchEvent(paste);
    await settle();
    expect(paste.defaultPrevented).toBe(false);
    expect(document.body.querySelector('[data-testid="compose-table"]')).toBeNull();
    w.unmount();
  });
});

describe("到期更新", () => {
  it("lists zones due, overdue first, and opens the composer for one", async () => {
    document.body.innerHTML = "";
    app.profile = profile();
    const due = (zoneName: string, state: ZoneDue["state"], days: number, postingId: string | null = null): ZoneDue => ({
      boardId: "b1",
      boardName: "东山村三务公开栏",
      village: "东山村",
      zoneId: `z-${zoneName}`,
      zoneName,
      period: "2026-10",
      dueOn: "2026-11-15",
      state,
      days: toWire(days),
      explanation: "2026年10月的财务公开应于次月 15 日前更新",
      postingId,
    });
    serve({ postings_due: () => ({ today: "2026-12-01", due: [due("财务公开", "overdue", 16), due("村务公开", "due_soon", 3, "p9")], expiring: [], reposts: [] }) });
    const w = mount(DueTab, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await settle();
    expect(w.find('[data-testid="due-table"]').text()).toContain("逾期 16 天");
    expect(w.findAll('[data-testid="due-compose"]')).toHaveLength(1);
    await w.find('[data-testid="due-compose"]').trigger("click");
    expect(w.emitted("compose")?.[0]?.[0]).toMatchObject({ zoneId: "z-财务公开" });
    expect(unnamedControls()).toEqual([]);
    w.unmount();
  });
});
