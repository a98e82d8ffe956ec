"use client";
import { useState } from "react";
import { Minus, Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { api } from "@/components/dashboard/api-client";
import { format } from "@/lib/i18n";
import type { Messages } from "@/lib/i18n/locales/en/dashboard";
import type { Product } from "./types";

/** Stock of one SKU: −/+ one unit, or type a number (Enter or leaving the field saves it). */
export function StockControl({ product, t, onChanged }: { product: Product; t: Messages["inventory"]; onChanged: (p: Product) => void }) {
  const [value, setValue] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function patch(body: { stock?: number; stock_delta?: number }) {
    setBusy(true);
    try {
      const p = await api<Product>(`/api/v1/inventory/products/${product.id}`, { method: "PATCH", json: body });
      onChanged(p);
      toast({ title: format(t.stockSaved, { sku: p.sku, stock: p.stock }), tone: "success" });
    } catch (e) {
      toast({ title: (e as Error).message, tone: "error" });
    } finally {
      setBusy(false);
      setValue(null);
    }
  }
  return (
    <div className="inline-flex items-center gap-1">
      <Button type="button" variant="outline" size="icon" className="size-8" aria-label={format(t.decrease, { sku: product.sku })} disabled={busy || product.stock <= product.reserved} onClick={() => patch({ stock_delta: -1 })}>
        <Minus aria-hidden />
      </Button>
      <Input
        type="number"
        min={product.reserved}
        className="h-8 w-16 text-center tabular-nums"
        aria-label={format(t.stockOf, { sku: product.sku })}
        value={value ?? String(product.stock)}
        disabled={busy}
        onChange={(e) => setValue(e.target.value)}
        onBlur={() => value !== null && Number(value) !== product.stock && value !== "" && patch({ stock: Number(value) })}
        onKeyDown={(e) => e.key === "Enter" && (e.currentTarget as HTMLInputElement).blur()}
      />
      <Button type="button" variant="outline" size="icon" className="size-8" aria-label={format(t.increase, { sku: product.sku })} disabled={busy} onClick={() => patch({ stock_delta: 1 })}>
        <Plus aria-hidden />
      </Button>
    </div>
  );
}

