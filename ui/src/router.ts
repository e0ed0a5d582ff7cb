import type { Component } from "vue";
import { createRouter, createWebHashHistory, type RouteRecordRaw } from "vue-router";
import { areas } from "./areas";
import BoardsView from "./views/boards/BoardsView.vue";
import CatalogView from "./views/catalog/CatalogView.vue";
import DocumentsView from "./views/documents/DocumentsView.vue";
import TodoView from "./views/home/TodoView.vue";
import PayoutsView from "./views/PayoutsView.vue";
import PlanView from "./views/plan/PlanView.vue";
import RecordsView from "./views/records/RecordsView.vue";
import ReportView from "./views/report/ReportView.vue";
import RequestsView from "./views/requests/RequestsView.vue";
import SyncView from "./views/sync/SyncView.vue";
import SettingsView from "./views/settings/SettingsView.vue";

/** The screen of each area of the navigation. */
export const screens: Record<string, Component> = {
  catalog: CatalogView,
  records: RecordsView,
  plan: PlanView,
  documents: DocumentsView,
  payouts: PayoutsView,
  boards: BoardsView,
  requests: RequestsView,
  report: ReportView,
  sync: SyncView,
  settings: SettingsView,
};

const routes: RouteRecordRaw[] = [
  // 待办: the first screen after setup.
  { path: "/", component: TodoView },
  ...areas.map((area) => ({ path: area.path, component: screens[area.key] })),
];

export const router = createRouter({ history: createWebHashHistory(), routes });
