import type { OrderDetailDto, OrderDto } from "@/lib/orders/order-schemas";

export type { OrderDetailDto, OrderDto };

export const upper = (s: string) => s.toUpperCase() as "PENDING" | "PAID" | "EXPIRED" | "CANCELLED" | "REFUND_NEEDED" | "REFUNDED";

export const STATUS_VARIANT = { pending: "warning", paid: "success", expired: "outline", cancelled: "outline", refund_needed: "destructive", refunded: "outline" } as const;
