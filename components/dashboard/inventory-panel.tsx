"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { AlertTriangle, Pencil, Plus } from "lucide-react";
import { StockControl } from "./inventory/stock-control";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { format } from "@/lib/i18n";
import { joinKeywords } from "@/lib/inventory/keywords";
import type { Messages } from "@/lib/i18n/locales/en/dashboard";
import { useStoreEvents } from "@/components/live/use-store-events";
import { api } from "./api-client";
import { CsvImport } from "./inventory/csv-import";
import { ProductEditor } from "./inventory/product-editor";
import type { Product } from "./inventory/types";

type Filter = "all" | "low" | "out" | "inactive";

const isLow = (p: Product) => p.active && p.available <= p.low_stock_at;

export function InventoryPanel({ storeId, currency, locale, t, tc, isOwner = true }: { storeId: string; currency: string; locale: string; t: Messages["inventory"]; tc: Messages["common"]; isOwner?: boolean }) {
  const qc = useQueryClient();
  const [q, setQ] = useState("");
  const [filter, setFilter] = useState<Filter>("all");
  const [editing, setEditing] = useState<Product[] | null>(null);
  const money = new Intl.NumberFormat(locale, { style: "currency", currency });
  const products = useQuery({
    queryKey: ["products", storeId, q],
    queryFn: () => api<Product[]>(`/api/v1/inventory/products?store_id=${storeId}&limit=500${q ? `&q=${encodeURIComponent(q)}` : ""}`),
  });
  // Reservations and sales change availability while a live runs: refresh on the store's events.
  useStoreEvents(storeId, (batch) => {
    if (batch.resync || batch.events.some((e) => e.type === "product.updated" || e.type === "order.updated")) void qc.invalidateQueries({ queryKey: ["products", storeId] });
  }, { flushMs: 1000 });

  const all = useMemo(() => products.data ?? [], [products.data]);
  const low = all.filter(isLow);
  const shown = all.filter((p) => (filter === "low" ? isLow(p) : filter === "out" ? p.available === 0 : filter === "inactive" ? !p.active : true));
  const refresh = () => qc.invalidateQueries({ queryKey: ["products", storeId] });
  const replace = (p: Product) => qc.setQueryData<Product[]>(["products", storeId, q], (rows) => rows?.map((r) => (r.id === p.id ? p : r)));
  const openEditor = (p: Product) => setEditing(p.group_key ? all.filter((x) => x.group_key === p.group_key) : [p]);
  const availability = (p: Product) => (isLow(p) ? <Badge variant={p.available === 0 ? "destructive" : "warning"}>{p.available}</Badge> : p.available);

  return (
    <>
      {isOwner && (
        <Card>
          <CardHeader>
            <CardTitle>{t.import}</CardTitle>
            <CardDescription>{t.importHelp}</CardDescription>
          </CardHeader>
          <CardContent>
            <CsvImport storeId={storeId} currency={currency} locale={locale} t={t} direct />
          </CardContent>
        </Card>
      )}

      {low.length > 0 && (
        <div role="status" className="flex flex-wrap items-center gap-3 rounded-lg border border-warning/40 bg-warning/10 p-3 text-sm text-amber-200" data-testid="low-stock-alert">
          <AlertTriangle className="size-4" aria-hidden />
          <span>{format(t.lowAlert, { count: low.length })}</span>
          <Button type="button" variant="link" size="sm" className="h-auto p-0 text-amber-200" onClick={() => setFilter("low")}>{t.showLow}</Button>
        </div>
      )}

      <div className="flex flex-wrap items-center gap-3">
        <Input type="search" placeholder={t.search} aria-label={t.search} value={q} onChange={(e) => setQ(e.target.value)} className="max-w-xs" />
        <Select aria-label={t.filter} value={filter} onChange={(e) => setFilter(e.target.value as Filter)} className="w-auto">
          <option value="all">{t.filters.all}</option>
          <option value="low">{t.filters.low}</option>
          <option value="out">{t.filters.out}</option>
          <option value="inactive">{t.filters.inactive}</option>
        </Select>
        {isOwner && (
          <Button type="button" className="ms-auto" onClick={() => setEditing([])}>
            <Plus aria-hidden /> {t.newProduct}
          </Button>
        )}
      </div>

      {products.isError && <p role="alert" className="text-rose-300">{products.error.message}</p>}
      {products.isSuccess && shown.length === 0 && <p className="text-muted-foreground">{t.empty}</p>}
      {products.isSuccess && shown.length > 0 && (
        <>
          <div className="hidden md:block">
            <Table data-testid="products-table">
              <THead>
                <TR>
                  <TH>{t.sku}</TH><TH>{t.name}</TH><TH className="text-end">{t.price}</TH><TH className="text-center">{t.stock}</TH><TH className="text-end">{t.reserved}</TH><TH className="text-end">{t.available}</TH><TH>{t.keywords}</TH><TH><span className="sr-only">{tc.actions}</span></TH>
                </TR>
              </THead>
              <TBody>
                {shown.map((p) => (
                  <TR key={p.id} data-sku={p.sku}>
                    <TD className="font-mono">{p.sku}</TD>
                    <TD>
                      <div className="flex items-center gap-2">
                        {/* eslint-disable-next-line @next/next/no-img-element */}
                        {p.image_url && <img src={p.image_url} alt="" className="size-8 rounded object-cover" />}
                        <bdi>{p.name}</bdi>
                        {!p.active && <Badge variant="outline">{t.inactive}</Badge>}
                      </div>
                    </TD>
                    <TD className="text-end tabular-nums">{money.format(p.price)}</TD>
                    <TD className="text-center"><StockControl product={p} t={t} onChanged={replace} /></TD>
                    <TD className="text-end tabular-nums">{p.reserved}</TD>
                    <TD className="text-end tabular-nums">{availability(p)}</TD>
                    <TD className="max-w-48 truncate text-muted-foreground">{joinKeywords(p.keywords)}</TD>
                    <TD className="text-end">
                      <Button type="button" variant="ghost" size="sm" onClick={() => openEditor(p)} aria-label={`${t.edit} ${p.sku}`}>
                        <Pencil aria-hidden /> {t.edit}
                      </Button>
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          </div>
          <ul className="flex flex-col gap-3 md:hidden" data-testid="products-cards">
            {shown.map((p) => (
              <li key={p.id} className="rounded-lg border border-border bg-card p-4" data-sku={p.sku}>
                <div className="flex items-start justify-between gap-2">
                  <div className="flex min-w-0 items-start gap-3">
                    {/* eslint-disable-next-line @next/next/no-img-element */}
                    {p.image_url && <img src={p.image_url} alt="" className="size-12 rounded object-cover" />}
                    <div className="min-w-0">
                      <div dir="auto" className="text-start font-medium">{p.name}</div>
                      <div className="font-mono text-xs text-muted-foreground">{p.sku}</div>
                    </div>
                  </div>
                  <div className="tabular-nums">{money.format(p.price)}</div>
                </div>
                <div className="mt-3 flex flex-wrap items-center justify-between gap-3 text-sm text-muted-foreground">
                  <span>{t.available}: {availability(p)}</span>
                  <StockControl product={p} t={t} onChanged={replace} />
                  <Button type="button" variant="ghost" size="sm" onClick={() => openEditor(p)} aria-label={`${t.edit} ${p.sku}`}>
                    <Pencil aria-hidden /> {t.edit}
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {editing && (
        <ProductEditor
          key={editing.map((p) => p.id).join(",") || "new"}
          open
          onOpenChange={(open) => !open && setEditing(null)}
          storeId={storeId}
          group={editing}
          isOwner={isOwner}
          t={t}
          tc={tc}
          onSaved={(message) => {
            void refresh();
            toast({ title: message, tone: "success" });
          }}
        />
      )}
    </>
  );
}
