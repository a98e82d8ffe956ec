"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { Upload } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { format } from "@/lib/i18n";
import type { Messages } from "@/lib/i18n/messages/en";

type Product = { id: string; sku: string; name: string; price: number; stock: number; reserved: number; available: number; keywords: string[]; low_stock_at: number };
type ImportResponse = { created: number; updated: number; errors: { line: number; message: string }[] };

export function InventoryPanel({ storeId, currency, locale, t }: { storeId: string; currency: string; locale: string; t: Messages["inventory"] }) {
  const qc = useQueryClient();
  const [q, setQ] = useState("");
  const fileRef = useRef<HTMLInputElement>(null);
  const money = new Intl.NumberFormat(locale, { style: "currency", currency });
  const products = useQuery({
    queryKey: ["products", storeId, q],
    queryFn: async (): Promise<Product[]> => {
      const res = await fetch(`/api/v1/inventory/products?store_id=${storeId}&limit=500${q ? `&q=${encodeURIComponent(q)}` : ""}`);
      if (!res.ok) throw new Error((await res.json()).error?.message ?? res.statusText);
      return res.json();
    },
  });
  const importCsv = useMutation({
    mutationFn: async (file: File): Promise<ImportResponse> => {
      const res = await fetch(`/api/v1/inventory/import?store_id=${storeId}`, { method: "POST", headers: { "content-type": "text/csv" }, body: await file.text() });
      const body = await res.json();
      if (!res.ok && !body.errors) throw new Error(body.error?.message ?? res.statusText);
      return body;
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ["products", storeId] }),
  });
  const result = importCsv.data;

  return (
    <>
      <Card>
        <CardHeader>
          <CardTitle>{t.import}</CardTitle>
          <CardDescription>{t.importHelp}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-3">
          <form
            className="flex flex-col gap-3 sm:flex-row sm:items-center"
            onSubmit={(e) => {
              e.preventDefault();
              const file = fileRef.current?.files?.[0];
              if (file) importCsv.mutate(file);
            }}
          >
            <Input ref={fileRef} type="file" accept=".csv,text/csv" aria-label={t.chooseFile} name="csv" className="sm:max-w-sm" />
            <Button type="submit" disabled={importCsv.isPending}>
              <Upload aria-hidden /> {importCsv.isPending ? t.importing : t.upload}
            </Button>
          </form>
          {importCsv.error && <Alert tone="error">{importCsv.error.message}</Alert>}
          {result && result.errors.length === 0 && <Alert tone="success">{format(t.imported, { created: result.created, updated: result.updated })}</Alert>}
          {result && result.errors.length > 0 && (
            <Alert tone="error" data-testid="import-errors">
              <p className="mb-2 font-medium">{t.errors}</p>
              <ul className="list-inside list-disc">
                {result.errors.map((e) => (
                  <li key={`${e.line}-${e.message}`}>{t.line} {e.line}: {e.message}</li>
                ))}
              </ul>
            </Alert>
          )}
        </CardContent>
      </Card>

      <div className="flex items-center gap-3">
        <Input type="search" placeholder={t.search} aria-label={t.search} value={q} onChange={(e) => setQ(e.target.value)} className="max-w-xs" />
      </div>

      {products.isSuccess && products.data.length === 0 && <p className="text-muted-foreground">{t.empty}</p>}
      {products.isSuccess && products.data.length > 0 && (
        <>
          <div className="hidden md:block">
            <Table data-testid="products-table">
              <THead>
                <TR>
                  <TH>{t.sku}</TH><TH>{t.name}</TH><TH className="text-end">{t.price}</TH><TH className="text-end">{t.stock}</TH><TH className="text-end">{t.reserved}</TH><TH className="text-end">{t.available}</TH><TH>{t.keywords}</TH>
                </TR>
              </THead>
              <TBody>
                {products.data.map((p) => (
                  <TR key={p.id}>
                    <TD className="font-mono">{p.sku}</TD>
                    <TD>{p.name}</TD>
                    <TD className="text-end tabular-nums">{money.format(p.price)}</TD>
                    <TD className="text-end tabular-nums">{p.stock}</TD>
                    <TD className="text-end tabular-nums">{p.reserved}</TD>
                    <TD className="text-end tabular-nums">
                      {p.available <= p.low_stock_at ? <Badge variant="warning">{p.available}</Badge> : p.available}
                    </TD>
                    <TD className="text-muted-foreground">{p.keywords.join(", ")}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          </div>
          <ul className="flex flex-col gap-3 md:hidden" data-testid="products-cards">
            {products.data.map((p) => (
              <li key={p.id} className="rounded-lg border border-border bg-card p-4">
                <div className="flex items-start justify-between gap-2">
                  <div>
                    <div className="font-medium">{p.name}</div>
                    <div className="font-mono text-xs text-muted-foreground">{p.sku}</div>
                  </div>
                  <div className="tabular-nums">{money.format(p.price)}</div>
                </div>
                <div className="mt-2 flex gap-4 text-sm text-muted-foreground">
                  <span>{t.stock}: {p.stock}</span>
                  <span>{t.available}: {p.available <= p.low_stock_at ? <Badge variant="warning">{p.available}</Badge> : p.available}</span>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
