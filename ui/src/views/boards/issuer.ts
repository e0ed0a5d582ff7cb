// Who signs a sheet by default (落款): the village's committee, or the township's government.
import type { Profile } from "@/api/bindings";

/** “东山村村民委员会”, “城南社区居民委员会”, “示范镇人民政府”. */
export function issuerOf(village: string | null, profile: Profile | null): string {
  if (!village) return profile ? `${profile.township.name}人民政府` : "";
  const kind = profile?.villages.find((v) => v.name === village)?.kind;
  return `${village}${kind === "community" ? "居民委员会" : "村民委员会"}`;
}
