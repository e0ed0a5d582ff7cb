import { reactive } from "vue";
import { commands, type AppStatus, type Profile } from "@/api/bindings";
import { errorMessage } from "@/api/errors";

/** What the whole UI knows: where the database is, in what state, and the township profile. */
export const app = reactive({
  loading: true,
  status: null as AppStatus | null,
  profile: null as Profile | null,
  /** Set when the core itself could not be reached. */
  failure: null as string | null,
});

export async function loadStatus(): Promise<void> {
  app.loading = true;
  try {
    const status = await commands.appStatus();
    app.status = status;
    app.profile = status.profile;
    app.failure = null;
  } catch (e) {
    app.failure = errorMessage(e);
  } finally {
    app.loading = false;
  }
}

/** Every mutation answers with the whole profile; it replaces what the screens show. */
export function setProfile(profile: Profile): void {
  app.profile = profile;
  if (app.status) app.status = { ...app.status, state: "ready", profile };
}
