"use client";
import Link from "next/link";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { Download, Search, Truck, X } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { buttonVariants, Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { api } from "@/components/dashboard/api-client";
import { ListPager } from "@/components/dashboard/list-pager";
import { queryString, useListSearch } from "@/components/dashboard/use-list-search";
import { useStoreEvents } from "@/components/live/use-store-events";
import { format } from "@/lib/i18n";
import type { Messages } from "@/lib/i18n/locales/en/dashboard";
import { orderDateTime } from "@/lib/orders/order-dates";
import type { OrderCounts } from "@/lib/orders/order-schemas";
import { cn } from "@/lib/utils";
import { STATUS_VARIANT, upper, type OrderDto } from "./types";

type Filter = "toShip" | "paid" | "pending" | "cancelled" | "expired" | "refunds" | "all";
const FILTERS: Filter[] = ["toShip", "paid", "pending", "cancelled", "expired", "refunds", "all"];
/** Each tab as API filters, and its count out of GET /api/v1/orders/counts. */
const TABS: Record<Filter, { status?: string; fulfillment?: string; count: (c: OrderCounts) => number }> = {
  toShip: { status: "paid", fulfillment: "unfulfilled", count: (c) => c.to_ship },
  paid: { status: "paid", count: (c) => c.by_status.paid },
  pending: { status: "pending", count: (c) => c.by_status.pending },
  cancelled: { status: "cancelled", count: (c) => c.by_status.cancelled },
  expired: { status: "expired", count: (c) => c.by_status.expired },
  refunds: { status: "refund_needed,refunded", count: (c) => c.by_status.refund_needed + c.by_status.refunded },
  all: { count: (c) => c.total },
};
const PAGE_SIZE = 25;

export function OrdersPanel({ storeId, storeLocale, uiLocale, timezone, initialFilter, initialQuery, initialPage, t }: {
  storeId: string;
  storeLocale: string;
  uiLocale: string;
  timezone: string;
  initialFilter: string;
  initialQuery: string;
  initialPage: number;
  t: Pick<Messages, "orders" | "orderStatus" | "paymentStatus">;
}) {
  const qc = useQueryClient();
  const { filter, chooseFilter, text, setText, q, page, setPage } = useListSearch({
    filters: FILTERS,
    initialFilter,
    fallback: "toShip",
    initialQuery,
    initialPage,
    urlParams: (s) => ({ status: s.filter, q: s.q, page: s.page }),
  });

  // On a phone the tabs scroll sideways: keep the chosen one in view (it can be "All", the last).
  useEffect(() => {
    document.querySelector(`[data-orders-tab="${filter}"]`)?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [filter]);

  const tab = TABS[filter];
  const counts = useQuery({
    queryKey: ["orders", storeId, "counts", q],
    queryFn: () => api<OrderCounts>(`/api/v1/orders/counts?${queryString({ store_id: storeId, q })}`),
    placeholderData: keepPreviousData,
  });
  const orders = useQuery({
    queryKey: ["orders", storeId, "list", filter, q, page],
    queryFn: () => api<OrderDto[]>(`/api/v1/orders?${queryString({ store_id: storeId, status: tab.status, fulfillment: tab.fulfillment, q, limit: PAGE_SIZE, offset: page * PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });
  useStoreEvents(storeId, (b) => {
    if (b.resync || b.events.some((e) => e.type === "order.updated")) void qc.invalidateQueries({ queryKey: ["orders", storeId] });
  });

  const number = new Intl.NumberFormat(uiLocale);
  const money = (o: OrderDto) => new Intl.NumberFormat(storeLocale, { style: "currency", currency: o.currency }).format(o.total);
  const when = orderDateTime(uiLocale, timezone);
  const products = (o: OrderDto) => o.items.map((i) => `${i.name} ×${i.quantity}`).join(", ");
  const total = counts.data ? tab.count(counts.data) : null;
  const exportHref = `/api/v1/orders/export?${queryString({ store_id: storeId, status: tab.status, fulfillment: tab.fulfillment, q, lang: uiLocale })}`;
  const status = (o: OrderDto) => (
    <span className="inline-flex flex-wrap items-center gap-1">
      <Badge variant={STATUS_VARIANT[o.status]}>{t.orderStatus[upper(o.status)]}</Badge>
      {o.status === "paid" && (o.fulfillment === "shipped" ? <Badge variant="outline"><Truck className="me-1 size-3" aria-hidden />{t.orders.shipped}</Badge> : <Badge variant="warning">{t.orders.unfulfilled}</Badge>)}
    </span>
  );

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <div role="search" className="relative min-w-0 flex-1 basis-64">
          <Search className="pointer-events-none absolute start-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Input
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-label={t.orders.search}
            placeholder={t.orders.searchPlaceholder}
            className="ps-9"
            data-testid="orders-search"
          />
        </div>
        <a href={exportHref} download className={buttonVariants({ variant: "outline" })} data-testid="orders-export">
          <Download aria-hidden /> {t.orders.export}
        </a>
      </div>
      <nav aria-label={t.orders.filter} className="flex max-w-full gap-1 overflow-x-auto rounded-lg border border-border bg-card p-1">
        {FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            aria-pressed={filter === f}
            data-orders-tab={f}
            onClick={() => chooseFilter(f)}
            className={cn("inline-flex shrink-0 items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium text-muted-foreground hover:text-foreground", filter === f && "bg-primary text-primary-foreground hover:text-primary-foreground")}
          >
            {t.orders.filters[f]}
            {counts.data && (
              <span className={cn("rounded-full px-1.5 text-xs tabular-nums", filter === f ? "bg-primary-foreground/20" : "bg-muted")} data-testid={`orders-count-${f}`}>
                {number.format(TABS[f].count(counts.data))}
              </span>
            )}
          </button>
        ))}
      </nav>
      {orders.isError && <p role="alert" className="text-rose-300">{format(t.orders.unavailable, { reason: orders.error.message })}</p>}
      {orders.isSuccess && orders.data.length === 0 && (
        <div className="flex flex-wrap items-center gap-3 text-muted-foreground" data-testid="orders-empty">
          <p>{q ? format(t.orders.noMatches, { q }) : t.orders.empty}</p>
          {q && <Button type="button" variant="ghost" size="sm" onClick={() => setText("")}><X aria-hidden /> {t.orders.clearSearch}</Button>}
        </div>
      )}
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
                    <TD className="whitespace-nowrap"><Link href={`/dashboard/orders/${o.id}`} className="font-medium text-blue-300 hover:underline">{format(t.orders.number, { number: o.number })}</Link></TD>
                    <TD><bdi>{o.buyer?.name || "—"}</bdi></TD>
                    <TD className="max-w-72 truncate text-muted-foreground" title={products(o)}><bdi>{products(o)}</bdi></TD>
                    <TD className="text-end tabular-nums whitespace-nowrap">{money(o)}</TD>
                    <TD>{status(o)}</TD>
                    <TD className="whitespace-nowrap text-muted-foreground"><time dateTime={o.created_at}>{when(o.created_at)}</time></TD>
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
                <div className="mt-1 text-sm"><bdi>{o.buyer?.name || "—"}</bdi></div>
                <div className="mt-1 truncate text-xs text-muted-foreground"><bdi>{products(o)}</bdi></div>
                <div className="mt-2 flex flex-wrap items-center justify-between gap-2 text-xs text-muted-foreground">{status(o)}<time dateTime={o.created_at}>{when(o.created_at)}</time></div>
              </li>
            ))}
          </ul>
          <ListPager page={page} pageSize={PAGE_SIZE} total={total} locale={uiLocale} onPage={setPage} testId="orders-range" t={t.orders} />
        </>
      )}
    </div>
  );
}
