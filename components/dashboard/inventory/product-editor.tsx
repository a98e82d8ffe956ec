"use client";
import { useState } from "react";
import { ImagePlus, Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Label, Textarea } from "@/components/ui/input";
import { Field } from "@/components/ui/field";
import { Switch } from "@/components/ui/switch";
import { Alert } from "@/components/ui/alert";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { api, ApiError } from "@/components/dashboard/api-client";
import { format } from "@/lib/i18n";
import { joinKeywords, normaliseKeywords, splitKeywords } from "@/lib/inventory/keywords";
import { baseNameOf, variantNameForSave } from "@/lib/inventory/variant-name";
import type { Messages } from "@/lib/i18n/locales/en/dashboard";
import type { Product } from "./types";
import { isolate } from "./isolate";

type VariantRow = { key: string; id?: string; sku: string; color: string; size: string; stock: string; reserved: number };

let rowSeq = 0;

type ProductBody = Pick<Product, "description" | "keywords" | "image_url" | "low_stock_at" | "active" | "group_key" | "sku" | "name" | "color" | "size" | "stock"> & { price: string };

function changedFields(body: ProductBody, saved: Product): Partial<ProductBody> {
  const changed: Partial<ProductBody> = {};
  for (const key of Object.keys(body) as (keyof ProductBody)[]) {
    const before = key === "price" ? String(saved.price) : saved[key];
    if (JSON.stringify(body[key]) !== JSON.stringify(before)) Object.assign(changed, { [key]: body[key] });
  }
  return changed;
}
const newRow = (p?: Product): VariantRow => ({ key: `r${++rowSeq}`, id: p?.id, sku: p?.sku ?? "", color: p?.color ?? "", size: p?.size ?? "", stock: String(p?.stock ?? 0), reserved: p?.reserved ?? 0 });

/**
 * Creates or edits one article: name, price, keywords, photo and its variants. Each variant (colour /
 * size) is its own SKU with its own stock; variants share a group key, so the bot still reserves one
 * row with one conditional UPDATE.
 */
export function ProductEditor({ open, onOpenChange, storeId, group, t, tc, onSaved, isOwner = true }: {
  /** STAFF change stock and descriptions; prices, new variants and deleting need an owner (the API says 403). */
  isOwner?: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  storeId: string;
  group: Product[];
  t: Messages["inventory"];
  tc: Messages["common"];
  onSaved: (message: string) => void;
}) {
  const first = group[0];
  const [name, setName] = useState(first ? baseNameOf(first) : "");
  const [description, setDescription] = useState(first?.description ?? "");
  const [price, setPrice] = useState(first ? String(first.price) : "");
  const [keywords, setKeywords] = useState(joinKeywords(first?.keywords ?? []));
  const [imageUrl, setImageUrl] = useState<string | null>(first?.image_url ?? null);
  const [lowStockAt, setLowStockAt] = useState(String(first?.low_stock_at ?? 3));
  const [active, setActive] = useState(first?.active ?? true);
  const [rows, setRows] = useState<VariantRow[]>(group.length ? group.map(newRow) : [newRow()]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState(false);

  const update = (key: string, patch: Partial<VariantRow>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  async function upload(file: File) {
    setUploading(true);
    setError(null);
    try {
      const form = new FormData();
      form.set("store_id", storeId);
      form.set("file", file);
      const stored = await api<{ url: string }>("/api/v1/uploads", { method: "POST", body: form });
      setImageUrl(stored.url);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setUploading(false);
    }
  }

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setErrors({});
    const multi = rows.length > 1;
    const groupKey = multi ? (first?.group_key ?? `g-${(rows[0]!.sku || "item").toLowerCase()}-${Date.now().toString(36)}`) : (first?.group_key ?? null);
    const shared = {
      description,
      price: price.trim(),
      keywords: normaliseKeywords(splitKeywords(keywords)),
      image_url: imageUrl,
      low_stock_at: Number(lowStockAt) || 0,
      active,
      group_key: groupKey,
    };
    try {
      for (const row of rows) {
        const saved = row.id ? group.find((p) => p.id === row.id) : undefined;
        const full = {
          ...shared,
          sku: row.sku.trim(),
          name: variantNameForSave({ saved, base: name, color: row.color, size: row.size }),
          color: row.color.trim() || null,
          size: row.size.trim() || null,
          stock: Number(row.stock),
        };
        // An existing variant gets only what the seller changed: a stale stock or price from when the
        // editor opened must not overwrite what a live sold meanwhile (or need a permission not used).
        const body = saved ? changedFields(full, saved) : full;
        // STAFF never send a price (each variant keeps its own).
        if (!isOwner) delete (body as Partial<ProductBody>).price;
        if (saved && Object.keys(body).length === 0) continue;
        try {
          if (row.id) await api(`/api/v1/inventory/products/${row.id}`, { method: "PATCH", json: body });
          else {
            const created = await api<Product>("/api/v1/inventory/products", { method: "POST", json: { store_id: storeId, ...body } });
            update(row.key, { id: created.id });
          }
        } catch (err) {
          if (err instanceof ApiError) setErrors(Object.fromEntries(Object.entries(err.fieldErrors()).map(([f, m]) => [`${row.key}.${f}`, m])));
          throw err;
        }
      }
      const kept = new Set(rows.map((r) => r.id).filter(Boolean));
      for (const p of group) if (!kept.has(p.id)) await api(`/api/v1/inventory/products/${p.id}`, { method: "DELETE" });
      onSaved(t.saved);
      onOpenChange(false);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!window.confirm(format(t.deleteConfirm, { sku: group.map((p) => p.sku).join(", ") }))) return;
    setBusy(true);
    setError(null);
    try {
      // A product with units in open carts refuses (409) and says so; the rest of the group stays.
      for (const p of group) await api(`/api/v1/inventory/products/${p.id}`, { method: "DELETE" });
      onSaved(t.deleted);
      onOpenChange(false);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const err = (key: string, field: string) => errors[`${key}.${field}`] ?? null;
  const sharedErr = (field: string) => rows.map((r) => errors[`${r.key}.${field}`]).find(Boolean) ?? null;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent wide closeLabel={tc.close} aria-describedby="product-editor-help">
        <DialogHeader>
          <DialogTitle>{first ? t.editTitle : t.newTitle}</DialogTitle>
          <DialogDescription id="product-editor-help">{t.variantsHelp}</DialogDescription>
        </DialogHeader>
        <form onSubmit={save} className="flex flex-col gap-4" noValidate>
          {error && <Alert tone="error">{error}</Alert>}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="p-name" label={t.name} hint={t.nameHelp} error={sharedErr("name")}>
              <Input value={name} onChange={(e) => setName(e.target.value)} required maxLength={180} />
            </Field>
            {isOwner && (
              <Field id="p-price" label={t.price} error={sharedErr("price")}>
                <Input value={price} onChange={(e) => setPrice(e.target.value)} inputMode="decimal" required />
              </Field>
            )}
          </div>
          <Field id="p-description" label={t.description}>
            <Textarea value={description} onChange={(e) => setDescription(e.target.value)} maxLength={5000} rows={2} />
          </Field>
          <Field id="p-keywords" label={t.keywords} hint={t.keywordsHelp} error={sharedErr("keywords")}>
            <Input value={keywords} onChange={(e) => setKeywords(e.target.value)} />
          </Field>
          <div className="grid gap-4 sm:grid-cols-[auto_1fr] sm:items-start">
            <div className="flex flex-col gap-2">
              <span className="text-sm font-medium">{t.image}</span>
              <div className="flex size-28 items-center justify-center overflow-hidden rounded-md border border-border bg-muted">
                {imageUrl ? (
                  // eslint-disable-next-line @next/next/no-img-element
                  <img src={imageUrl} alt={format(t.imageAlt, { name: name || "—" })} className="size-full object-cover" />
                ) : (
                  <ImagePlus className="size-6 text-muted-foreground" aria-hidden />
                )}
              </div>
            </div>
            <div className="flex flex-col gap-3">
              <Label htmlFor="p-image" className="sr-only">{t.uploadImage}</Label>
              <Input id="p-image" type="file" accept="image/png,image/jpeg,image/webp,image/gif" disabled={uploading} onChange={(e) => e.target.files?.[0] && upload(e.target.files[0])} aria-label={t.uploadImage} />
              {imageUrl && <Button type="button" variant="ghost" size="sm" className="self-start" onClick={() => setImageUrl(null)}>{t.removeImage}</Button>}
              <div className="grid grid-cols-2 gap-4">
                <Field id="p-low" label={t.lowStockAt}>
                  <Input type="number" min={0} value={lowStockAt} onChange={(e) => setLowStockAt(e.target.value)} />
                </Field>
                <div className="flex flex-col gap-2">
                  <Label htmlFor="p-active">{t.active}</Label>
                  <Switch id="p-active" checked={active} onCheckedChange={setActive} tone="primary" />
                </div>
              </div>
            </div>
          </div>

          <fieldset className="flex flex-col gap-2 rounded-lg border border-border p-3">
            <legend className="px-1 text-sm font-medium">{t.variants}</legend>
            <div className="hidden grid-cols-[1.2fr_1fr_0.8fr_0.8fr_auto] gap-2 text-xs text-muted-foreground sm:grid" aria-hidden>
              <span>{t.sku}</span><span>{t.color}</span><span>{t.size}</span><span>{t.stock}</span><span className="w-10" />
            </div>
            {rows.map((r, i) => (
              <div key={r.key} className="grid grid-cols-2 gap-2 border-b border-border pb-2 last:border-0 sm:grid-cols-[1.2fr_1fr_0.8fr_0.8fr_auto] sm:border-0 sm:pb-0" data-testid="variant-row">
                <Input aria-label={`${t.sku} ${i + 1}`} value={r.sku} onChange={(e) => update(r.key, { sku: e.target.value })} aria-invalid={!!err(r.key, "sku")} placeholder={t.sku} className="font-mono" />
                <Input aria-label={`${t.color} ${i + 1}`} value={r.color} onChange={(e) => update(r.key, { color: e.target.value })} placeholder={t.color} />
                <Input aria-label={`${t.size} ${i + 1}`} value={r.size} onChange={(e) => update(r.key, { size: e.target.value })} placeholder={t.size} />
                <Input aria-label={`${t.stock} ${i + 1}`} type="number" min={r.reserved} value={r.stock} onChange={(e) => update(r.key, { stock: e.target.value })} aria-invalid={!!err(r.key, "stock")} />
                <Button type="button" variant="ghost" size="icon" aria-label={format(t.removeVariant, { sku: r.sku || String(i + 1) })} disabled={rows.length === 1 || !isOwner} onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
                  <Trash2 aria-hidden />
                </Button>
                {(err(r.key, "sku") || err(r.key, "stock")) && <p className="col-span-full text-xs text-rose-300">{err(r.key, "sku") ?? err(r.key, "stock")}</p>}
                {(r.color.trim() || r.size.trim()) && name.trim() && (
                  <p className="col-span-full text-xs text-muted-foreground" data-testid="variant-name">
                    {format(t.variantNameHint, { name: isolate(variantNameForSave({ saved: group.find((p) => p.id === r.id), base: name, color: r.color, size: r.size })) })}
                  </p>
                )}
              </div>
            ))}
            {isOwner && (
              <Button type="button" variant="outline" size="sm" className="self-start" onClick={() => setRows((rs) => [...rs, newRow()])}>
                <Plus aria-hidden /> {t.addVariant}
              </Button>
            )}
          </fieldset>

          <DialogFooter>
            {group.length > 0 && isOwner && (
              <Button type="button" variant="ghost" className="text-rose-300 sm:me-auto" disabled={busy} onClick={remove}>
                <Trash2 aria-hidden /> {t.deleteProduct}
              </Button>
            )}
            <Button type="button" variant="ghost" onClick={() => onOpenChange(false)}>{tc.cancel}</Button>
            <Button type="submit" disabled={busy || uploading}>{busy ? tc.saving : t.saveProduct}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
