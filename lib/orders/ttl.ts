import { env } from "@/lib/env";

/** How long a reservation holds: the store's own setting, else RESERVATION_TTL_SECONDS. */
export function reservationTtlSeconds(store: { reservationTtlSeconds: number | null }) {
  return store.reservationTtlSeconds ?? env().RESERVATION_TTL_SECONDS;
}
