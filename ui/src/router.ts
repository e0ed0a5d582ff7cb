import { createRouter, createWebHashHistory, type RouteRecordRaw } from "vue-router";
import { areas } from "./areas";
import OverviewView from "./views/OverviewView.vue";
import PlaceholderView from "./views/PlaceholderView.vue";
import SettingsView from "./views/settings/SettingsView.vue";

const routes: RouteRecordRaw[] = [
  { path: "/", component: OverviewView },
  ...areas.map((area) => ({
    path: area.path,
    component: area.purpose ? PlaceholderView : SettingsView,
    props: area.purpose ? { area } : undefined,
  })),
];

export const router = createRouter({ history: createWebHashHistory(), routes });
