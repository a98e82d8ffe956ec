import type { Operation } from "./openapi";

/** Operations of the later domains (lives, orders, AI, webhooks) register here with their own schemas. */
export const apiOperations: Operation[] = [];
