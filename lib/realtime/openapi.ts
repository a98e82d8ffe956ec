import type { Operation } from "@/lib/http/openapi";

/** The store's live event stream: the API operations of this domain, documented with the schemas their routes validate with. */
export const realtimeOperations: Operation[] = [
  { method: "get", path: "/api/v1/stores/{id}/events", tag: "realtime", summary: "Server-sent events of the store (comments, orders, messages, alerts), fed by PostgreSQL LISTEN/NOTIFY", errors: [404] },
];
