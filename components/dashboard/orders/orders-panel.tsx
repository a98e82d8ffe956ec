"use client";
import Link from "next/link";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Truck } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { api } from "@/components/dashboard/api-client";
import { useStoreEvents } from "@/components/live/use-store-events";
import { format } from "@/lib/i18n";
import type { Messages } from "@/lib/i18n/messages/en";
import { cn } from "@/lib/utils";
import { STATUS_VARIANT, upper, type OrderDto } from "./types";

type Filter = "all" | "toShip" | "paid" | "pending" | "cancelled" | "expired" | "refunds";
const QUERY: Record<Filter, string> = { all: "", toShip: "paid", paid: "paid", pending: "pending", cancelled: "cancelled", expired: "expired", refunds: "refund_needed" };
const FILTERS: Filter[] = ["toShip", "paid", "pending", "cancelled", "expired", "refunds", "all"];

export function OrdersPanel({ storeId, storeLocale, uiLocale, timezone, initialFilter, t }: {
  storeId: string;
  storeLocale: string;
  uiLocale: string;
  timezone: string;
  initialFilter: string;
  t: Pick<Messages, "orders" | "orderStatus" | "paymentStatus">;
}) {
  const qc = useQueryClient();
  const [filter, setFilter] = useState<Filter>((FILTERS as string[]).includes(initialFilter) ? (initialFilter as Filter) : "toShip");
  const orders = useQuery({
    queryKey: ["orders", storeId, filter],
    queryFn: async () => {
      const rows = await api<OrderDto[]>(`/api/v1/orders?store_id=${storeId}&limit=200${QUERY[filter] ? `&status=${QUERY[filter]}` : ""}`);
      return filter === "toShip" ? rows.filter((o) => o.fulfillment === "unfulfilled") : rows;
    },
  });
  useStoreEvents(storeId, (b) => {
    if (b.resync || b.events.some((e) => e.type === "order.updated")) void qc.invalidateQueries({ queryKey: ["orders", storeId] });
  });
  const money = (o: OrderDto) => new Intl.NumberFormat(storeLocale, { style: "currency", currency: o.currency }).format(o.total);
  const date = new Intl.DateTimeFormat(uiLocale, { dateStyle: "short", timeStyle: "short", timeZone: timezone });
  const status = (o: OrderDto) => (
    <span className="inline-flex flex-wrap items-center gap-1">
      <Badge variant={STATUS_VARIANT[o.status]}>{t.orderStatus[upper(o.status)]}</Badge>
      {o.status === "paid" && (o.fulfillment === "shipped" ? <Badge variant="outline"><Truck className="me-1 size-3" aria-hidden />{t.orders.shipped}</Badge> : <Badge variant="warning">{t.orders.unfulfilled}</Badge>)}
    </span>
  );

  return (
    <div className="flex flex-col gap-4">
      <nav aria-label={t.orders.filter} className="flex max-w-full gap-1 overflow-x-auto rounded-lg border border-border bg-card p-1">
        {FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            aria-pressed={filter === f}
            onClick={() => {
              setFilter(f);
              window.history.replaceState(null, "", `?status=${f}`);
            }}
            className={cn("shrink-0 rounded-md px-3 py-1.5 text-sm font-medium text-muted-foreground hover:text-foreground", filter === f && "bg-primary text-primary-foreground hover:text-primary-foreground")}
          >
            {t.orders.filters[f]}
          </button>
        ))}
      </nav>
      {orders.isError && <p role="alert" className="text-rose-300">{format(t.orders.unavailable, { reason: orders.error.message })}</p>}
      {orders.isSuccess && orders.data.length === 0 && <p className="text-muted-foreground">{t.orders.empty}</p>}
      {orders.isSuccess && orders.data.length > 0 && (
        <>
          <div className="hidden md:block">
            <Table data-testid="orders-table">
              <THead>
                <TR><TH>#</TH><TH>{t.orders.buyer}</TH><TH>{t.orders.items}</TH><TH className="text-end">{t.orders.total}</TH><TH>{t.orders.status}</TH><TH>{t.orders.created}</TH></TR>
              </THead>
              <TBody>
                {orders.data.map((o) => (
                  <TR key={o.id}>
                    <TD><Link href={`/dashboard/orders/${o.id}`} className="font-medium text-blue-300 hover:underline">{format(t.orders.number, { number: o.number })}</Link></TD>
                    <TD>{o.buyer?.name || "—"}</TD>
                    <TD className="max-w-64 truncate text-muted-foreground">{o.items.map((i) => `${i.sku} ×${i.quantity}`).join(", ")}</TD>
                    <TD className="text-end tabular-nums">{money(o)}</TD>
                    <TD>{status(o)}</TD>
                    <TD className="text-muted-foreground">{date.format(new Date(o.created_at))}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          </div>
          <ul className="flex flex-col gap-3 md:hidden" data-testid="orders-cards">
            {orders.data.map((o) => (
              <li key={o.id} className="rounded-lg border border-border bg-card p-4">
                <div className="flex items-start justify-between gap-2">
                  <Link href={`/dashboard/orders/${o.id}`} className="font-medium text-blue-300 hover:underline">{format(t.orders.number, { number: o.number })}</Link>
                  <span className="tabular-nums">{money(o)}</span>
                </div>
                <div className="mt-1 text-sm">{o.buyer?.name || "—"}</div>
                <div className="mt-1 truncate text-xs text-muted-foreground">{o.items.map((i) => `${i.sku} ×${i.quantity}`).join(", ")}</div>
                <div className="mt-2 flex items-center justify-between gap-2 text-xs text-muted-foreground">{status(o)}<span>{date.format(new Date(o.created_at))}</span></div>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
