import { createRouter, createWebHashHistory, type RouteRecordRaw, type RouteRecordSingleView } from "vue-router";
import { areas } from "./areas";
import TodoView from "./views/home/TodoView.vue";

/**
 * The screen of each area of the navigation, each loaded when the clerk first opens it: the
 * window starts with the 待办 screen's script and style only, not every area's (vite splits
 * each screen into its own chunk).
 */
export const screens: Record<string, RouteRecordSingleView["component"]> = {
  catalog: () => import("./views/catalog/CatalogView.vue"),
  records: () => import("./views/records/RecordsView.vue"),
  plan: () => import("./views/plan/PlanView.vue"),
  documents: () => import("./views/documents/DocumentsView.vue"),
  payouts: () => import("./views/PayoutsView.vue"),
  boards: () => import("./views/boards/BoardsView.vue"),
  requests: () => import("./views/requests/RequestsView.vue"),
  report: () => import("./views/report/ReportView.vue"),
  sync: () => import("./views/sync/SyncView.vue"),
  settings: () => import("./views/settings/SettingsView.vue"),
};

const routes: RouteRecordRaw[] = [
  // 待办: the first screen after setup.
  { path: "/", component: TodoView },
  ...areas.map((area) => ({ path: area.path, component: screens[area.key] })),
];

export const router = createRouter({ history: createWebHashHistory(), routes });
