import { z } from "zod";
import type { Operation } from "@/lib/http/openapi";

/** The development simulator: the API operations of this domain, documented with the schemas their routes validate with. */
export const simulatorOperations: Operation[] = [
  { method: "post", path: "/api/dev/simulator/comment", tag: "simulator", summary: "Embedded default only: post a comment as a fake buyer through the real signed Meta webhook", body: z.object({ live_id: z.string(), author_name: z.string(), text: z.string() }), status: 201, errors: [404, 409, 422] },
  { method: "post", path: "/api/dev/simulator/live-video", tag: "simulator", summary: "Embedded default only: put a live video (on air or scheduled) on the store's simulator Page, listed by GET /api/v1/lives/facebook-videos", body: z.object({ store_id: z.string(), title: z.string(), status: z.enum(["live", "scheduled"]).optional() }), status: 201, errors: [404, 409, 422] },
];
