import type { Operation } from "@/lib/http/openapi";
import { authOperations } from "@/lib/auth/openapi";
import { storeOperations } from "@/lib/stores/openapi";
import { inventoryOperations } from "@/lib/inventory/openapi";
import { liveOperations } from "@/lib/lives/openapi";
import { pipelineOperations } from "@/lib/pipeline/openapi";
import { orderOperations } from "@/lib/orders/openapi";
import { paymentOperations } from "@/lib/payments/openapi";
import { billingOperations } from "@/lib/billing/openapi";
import { realtimeOperations } from "@/lib/realtime/openapi";
import { teamOperations } from "@/lib/team/openapi";
import { liveControlOperations } from "@/lib/live-control/openapi";
import { uploadOperations } from "@/lib/uploads/openapi";
import { simulatorOperations } from "@/lib/simulator/openapi";
import { buyerOperations } from "@/lib/buyers/openapi";
import { adminOperations } from "@/lib/admin/openapi-admin";
import { accountOperations } from "@/lib/privacy/openapi";
import { fulfilmentOperations } from "@/lib/fulfilment/openapi";

/** Every documented API operation, as each domain declares its own: /api/v1/openapi.json and /docs/api show them in this order. */
export const apiOperations: readonly Operation[] = [
  ...authOperations,
  ...accountOperations,
  ...storeOperations,
  ...inventoryOperations,
  ...liveOperations,
  ...pipelineOperations,
  ...orderOperations,
  ...paymentOperations,
  ...adminOperations,
  ...fulfilmentOperations,
  ...billingOperations,
  ...realtimeOperations,
  ...teamOperations,
  ...liveControlOperations,
  ...buyerOperations,
  ...uploadOperations,
  ...simulatorOperations,
];
