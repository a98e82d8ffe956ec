"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Input } from "@/components/ui/input";
import { Badge } from "@/components/ui/badge";
import { api } from "@/components/dashboard/api-client";
import { StockControl } from "@/components/dashboard/inventory/stock-control";
import type { Product } from "@/components/dashboard/inventory/types";
import type { LccText } from "./types";

/** Find a SKU and fix its stock without leaving the live. */
export function StockPanel({ storeId, t }: { storeId: string; t: LccText }) {
  const qc = useQueryClient();
  const [q, setQ] = useState("");
  const products = useQuery({ queryKey: ["products", storeId, q], queryFn: () => api<Product[]>(`/api/v1/inventory/products?store_id=${storeId}&limit=100${q ? `&q=${encodeURIComponent(q)}` : ""}`) });
  return (
    <div className="flex flex-col gap-3 p-3">
      <Input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t.live.searchProducts} aria-label={t.live.searchProducts} />
      <ul className="flex flex-col divide-y divide-border" data-testid="stock-list">
        {(products.data ?? []).map((p) => (
          <li key={p.id} className="flex items-center justify-between gap-2 py-2" data-sku={p.sku}>
            <div className="min-w-0">
              <div dir="auto" className="truncate text-start text-sm">{p.name}</div>
              <div className="flex items-center gap-2 text-xs text-muted-foreground">
                <span className="font-mono">{p.sku}</span>
                <span>{t.inventory.available}: {p.available <= p.low_stock_at ? <Badge variant={p.available === 0 ? "destructive" : "warning"}>{p.available}</Badge> : p.available}</span>
              </div>
            </div>
            <StockControl product={p} t={t.inventory} onChanged={() => void qc.invalidateQueries({ queryKey: ["products", storeId] })} />
          </li>
        ))}
      </ul>
    </div>
  );
}
