import { AppError } from "@/lib/http/errors";
import type { StoreRole } from "./access";

/**
 * What a store member may do, in one place (README "Roles and permissions"). STAFF run the day to day:
 * read the catalog, change stock, run lives, take over buyers, ship and deliver orders. Everything that
 * moves money, changes prices, the catalog's shape or the store's setup needs OWNER.
 */
const STORE_ACTIONS = {
  "catalog.read": ["OWNER", "STAFF"],
  "stock.change": ["OWNER", "STAFF"],
  "lives.run": ["OWNER", "STAFF"],
  "buyers.takeover": ["OWNER", "STAFF"],
  "orders.read": ["OWNER", "STAFF"],
  "orders.fulfil": ["OWNER", "STAFF"],
  "orders.create": ["OWNER", "STAFF"],
  "price.change": ["OWNER"],
  "products.create": ["OWNER"],
  "products.delete": ["OWNER"],
  "catalog.import": ["OWNER"],
  "orders.cancel": ["OWNER"],
  "orders.confirm_transfer": ["OWNER"],
  "orders.refund": ["OWNER"],
  "payments.manage": ["OWNER"],
  "meta.manage": ["OWNER"],
  "team.manage": ["OWNER"],
  "billing.manage": ["OWNER"],
  "audit.read": ["OWNER"],
  "delivery.manage": ["OWNER"],
  "store.settings": ["OWNER"],
  "buyers.privacy": ["OWNER"],
} as const satisfies Record<string, readonly StoreRole[]>;

export type StoreAction = keyof typeof STORE_ACTIONS;

export function can(role: StoreRole, action: StoreAction) {
  return (STORE_ACTIONS[action] as readonly StoreRole[]).includes(role);
}

/** The one answer a member gets for an owner-only action: 403 `owner_required`. */
export function ownerRequired(action?: string) {
  return new AppError(403, "owner_required", `Only a store owner can do this${action ? ` (${action})` : ""}`);
}

export function assertCan(role: StoreRole, action: StoreAction) {
  if (!can(role, action)) throw ownerRequired(action);
}
