import { env } from "@/lib/env";

/** PLATFORM_NAME; the default while `next build` prerenders without the runtime configuration. */
export function platformName() {
  try {
    return env().PLATFORM_NAME;
  } catch {
    return "LiveStreamSell";
  }
}
