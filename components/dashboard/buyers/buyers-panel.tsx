"use client";
import Link from "next/link";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { Download, Search, X } from "lucide-react";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { api } from "@/components/dashboard/api-client";
import { ListPager } from "@/components/dashboard/list-pager";
import { queryString, useListSearch } from "@/components/dashboard/use-list-search";
import { useStoreEvents } from "@/components/live/use-store-events";
import { format } from "@/lib/i18n";
import type { BuyersMessages } from "@/lib/i18n/buyers";
import type { BuyerListItem, BuyerSegment } from "@/lib/buyers/schemas";
import { orderDateTime } from "@/lib/orders/order-dates";
import { cn } from "@/lib/utils";
import { RiskBadge, SegmentBadge } from "./buyer-badges";

type Filter = "all" | BuyerSegment;
const FILTERS: Filter[] = ["all", "vip", "repeat", "new", "at_risk", "non_payer", "blocked"];
const PAGE_SIZE = 25;

/** The store's buyers: search, segment chips, pages; each row opens the buyer's profile. */
export function BuyersPanel({ storeId, currency, storeLocale, uiLocale, timezone, initialSegment, initialQuery, initialPage, t }: {
  storeId: string;
  currency: string;
  storeLocale: string;
  uiLocale: string;
  timezone: string;
  initialSegment: string;
  initialQuery: string;
  initialPage: number;
  t: BuyersMessages;
}) {
  const qc = useQueryClient();
  const { filter, chooseFilter, text, setText, q, page, setPage } = useListSearch({
    filters: FILTERS,
    initialFilter: initialSegment,
    fallback: "all",
    initialQuery,
    initialPage,
    urlParams: (s) => ({ segment: s.filter === "all" ? undefined : s.filter, q: s.q, page: s.page }),
  });

  const buyers = useQuery({
    queryKey: ["buyers", storeId, "list", filter, q, page],
    queryFn: () => api<{ items: BuyerListItem[]; total: number }>(`/api/v1/buyers?${queryString({ store_id: storeId, segment: filter === "all" ? undefined : filter, q, limit: PAGE_SIZE, offset: page * PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });
  useStoreEvents(storeId, (b) => {
    if (b.resync || b.events.some((e) => e.type === "buyer.updated" || e.type === "order.updated")) void qc.invalidateQueries({ queryKey: ["buyers", storeId] });
  });

  const number = new Intl.NumberFormat(uiLocale);
  const moneyFmt = new Intl.NumberFormat(storeLocale, { style: "currency", currency });
  const money = (minor: number) => moneyFmt.format(minor / 10 ** (moneyFmt.resolvedOptions().maximumFractionDigits ?? 2));
  const when = orderDateTime(uiLocale, timezone);
  const total = buyers.data?.total ?? null;
  const items = buyers.data?.items ?? [];
  const profile = (b: BuyerListItem) => `/dashboard/buyers/${b.id}`;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <div role="search" className="relative min-w-0 flex-1 basis-64">
          <Search className="pointer-events-none absolute start-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Input type="search" value={text} onChange={(e) => setText(e.target.value)} aria-label={t.search} placeholder={t.searchPlaceholder} className="ps-9" data-testid="buyers-search" />
        </div>
        <a href={`/api/v1/buyers/export?${queryString({ store_id: storeId, segment: filter === "all" ? undefined : filter, q, lang: uiLocale })}`} download className={buttonVariants({ variant: "outline" })} data-testid="buyers-export">
          <Download aria-hidden /> {t.export}
        </a>
      </div>
      <nav aria-label={t.filter} className="flex max-w-full gap-1 overflow-x-auto rounded-lg border border-border bg-card p-1">
        {FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            aria-pressed={filter === f}
            data-buyers-segment={f}
            onClick={() => chooseFilter(f)}
            className={cn("shrink-0 rounded-md px-3 py-1.5 text-sm font-medium text-muted-foreground hover:text-foreground", filter === f && "bg-primary text-primary-foreground hover:text-primary-foreground")}
          >
            {t.segments[f]}
          </button>
        ))}
      </nav>
      {buyers.isError && <p role="alert" className="text-rose-300">{format(t.unavailable, { reason: buyers.error.message })}</p>}
      {buyers.isSuccess && items.length === 0 && (
        <div className="flex flex-wrap items-center gap-3 text-muted-foreground" data-testid="buyers-empty">
          <p>{q ? format(t.noMatches, { q }) : t.empty}</p>
          {q && <Button type="button" variant="ghost" size="sm" onClick={() => setText("")}><X aria-hidden /> {t.clearSearch}</Button>}
        </div>
      )}
      {items.length > 0 && (
        <>
          <div className="hidden md:block">
            <Table data-testid="buyers-table">
              <THead>
                <TR>
                  <TH>{t.buyer}</TH><TH>{t.segment}</TH><TH>{t.risk}</TH><TH className="text-end">{t.paid}</TH><TH className="text-end">{t.unpaid}</TH><TH className="text-end">{t.spend}</TH><TH>{t.lastOrder}</TH>
                </TR>
              </THead>
              <TBody>
                {items.map((b) => (
                  <TR key={b.id} data-buyer={b.id}>
                    <TD>
                      <Link href={profile(b)} className="font-medium text-blue-300 hover:underline"><bdi>{b.name || "—"}</bdi></Link>
                      {b.tags.length > 0 && <span className="ms-2 text-xs text-muted-foreground"><bdi>{b.tags.join(", ")}</bdi></span>}
                    </TD>
                    <TD><SegmentBadge segment={b.segment} t={t} /></TD>
                    <TD><RiskBadge risk={b.risk} t={t} /></TD>
                    <TD className="text-end tabular-nums">{number.format(b.orders_paid)}</TD>
                    <TD className="text-end tabular-nums">{number.format(b.orders_unpaid)}</TD>
                    <TD className="text-end tabular-nums whitespace-nowrap">{money(b.spend_minor)}</TD>
                    <TD className="whitespace-nowrap text-muted-foreground">{b.last_order_at ? <time dateTime={b.last_order_at}>{when(b.last_order_at)}</time> : t.never}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          </div>
          <ul className="flex flex-col gap-3 md:hidden" data-testid="buyers-cards">
            {items.map((b) => (
              <li key={b.id} className="rounded-lg border border-border bg-card p-4" data-buyer={b.id}>
                <div className="flex items-start justify-between gap-2">
                  <Link href={profile(b)} className="min-w-0 truncate font-medium text-blue-300 hover:underline"><bdi>{b.name || "—"}</bdi></Link>
                  <span className="shrink-0 tabular-nums">{money(b.spend_minor)}</span>
                </div>
                <div className="mt-2 flex flex-wrap items-center gap-2"><SegmentBadge segment={b.segment} t={t} /><RiskBadge risk={b.risk} t={t} /></div>
                <dl className="mt-2 grid grid-cols-3 gap-2 text-sm">
                  <div><dt className="text-xs text-muted-foreground">{t.paid}</dt><dd className="tabular-nums">{number.format(b.orders_paid)}</dd></div>
                  <div><dt className="text-xs text-muted-foreground">{t.unpaid}</dt><dd className="tabular-nums">{number.format(b.orders_unpaid)}</dd></div>
                  <div><dt className="text-xs text-muted-foreground">{t.lastOrder}</dt><dd className="text-xs">{b.last_order_at ? <time dateTime={b.last_order_at}>{when(b.last_order_at)}</time> : t.never}</dd></div>
                </dl>
              </li>
            ))}
          </ul>
          <ListPager page={page} pageSize={PAGE_SIZE} total={total} locale={uiLocale} onPage={setPage} testId="buyers-range" t={t} />
        </>
      )}
    </div>
  );
}
