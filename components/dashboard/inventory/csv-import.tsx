"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useId, useMemo, useRef, useState } from "react";
import { Download, FileCheck, Upload } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { format } from "@/lib/i18n";
import type { Messages } from "@/lib/i18n/locales/en/dashboard";
import { buildCsvTemplate, type CsvIssueCode } from "@/lib/inventory/csv";
import { currencyDigits } from "@/lib/money";
import type { ImportResult } from "./types";
import { isolate } from "./isolate";

type T = Messages["inventory"];
/** Failures of the upload itself (the route answers them before any line is read). */
type FileErrorCode = "invalid_encoding" | "too_large";
// Compile-time check: every reason a line can be refused has a sentence in the catalog.
type ErrorCatalog = Record<CsvIssueCode | FileErrorCode, string>;

class ImportFailed extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

async function postCsv(storeId: string, text: string, dryRun: boolean): Promise<ImportResult> {
  const res = await fetch(`/api/v1/inventory/import?store_id=${encodeURIComponent(storeId)}${dryRun ? "&dry_run=1" : ""}`, { method: "POST", headers: { "content-type": "text/csv" }, body: text });
  const body = await res.json().catch(() => null);
  if (!res.ok && !body?.errors) throw new ImportFailed(res.status === 413 ? "too_large" : (body?.error?.code ?? "http_error"), body?.error?.message ?? res.statusText);
  return body as ImportResult;
}

const exampleAmount = (currency: string) => (currencyDigits(currency) === 0 ? "15990" : "19.99");

/** The seller-facing sentence for one refused line: translated by code, the API's English text as a last resort. */
function describeImportError(t: T, e: ImportResult["errors"][number]) {
  const catalog: ErrorCatalog = t.csvErrors;
  const template = e.code && e.code in catalog ? catalog[e.code as keyof ErrorCatalog] : null;
  // Values from the file (a SKU, "abc", column names) are isolated so an Arabic sentence keeps its order.
  const params = Object.fromEntries(Object.entries(e.params ?? {}).map(([k, v]) => [k, typeof v === "string" ? isolate(v) : v]));
  return format(t.lineError, { line: e.line, message: template ? format(template, params) : e.message });
}

/**
 * CSV import. "Check file" previews every line (or its errors) without saving anything; the preview's
 * confirm button then imports. `direct` adds a one-step Import (the file is still all-or-nothing).
 * The guide and the downloadable template say the same rules the import applies.
 */
export function CsvImport({ storeId, currency, locale, t, direct = false, onImported }: {
  storeId: string;
  currency: string;
  locale: string;
  t: T;
  direct?: boolean;
  onImported?: (r: ImportResult) => void;
}) {
  const qc = useQueryClient();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [noFile, setNoFile] = useState(false);
  const [busy, setBusy] = useState<"check" | "import" | null>(null);
  const money = useMemo(() => new Intl.NumberFormat(locale, { style: "currency", currency }), [locale, currency]);
  const example = exampleAmount(currency);
  const template = useMemo(() => {
    const prices = currencyDigits(currency) === 0 ? ["15990", "24990"] : ["19.99", "34.50"];
    const csv = buildCsvTemplate(t.templateRows.map((r, i) => ({ ...r, price: prices[i % 2]!, stock: i === 0 ? "10" : "3" })));
    return `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
  }, [t.templateRows, currency]);

  async function run(kind: "check" | "import", csv: string | null) {
    if (csv === null) {
      setNoFile(true);
      setPreview(null);
      setResult(null);
      fileRef.current?.focus();
      return;
    }
    setBusy(kind);
    setError(null);
    try {
      const r = await postCsv(storeId, csv, kind === "check");
      if (kind === "check") {
        setPreview(r);
        setResult(null);
        setText(csv);
      } else {
        setResult(r);
        setPreview(null);
        if (r.errors.length === 0) {
          setText(null);
          if (fileRef.current) fileRef.current.value = "";
          await qc.invalidateQueries({ queryKey: ["products", storeId] });
          onImported?.(r);
        }
      }
    } catch (e) {
      const catalog: ErrorCatalog = t.csvErrors;
      const code = e instanceof ImportFailed ? e.code : "";
      setError(code in catalog ? catalog[code as keyof ErrorCatalog] : (e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  const errors = (preview ?? result)?.errors ?? [];
  const lines = preview?.preview ?? [];
  const creates = lines.filter((l) => l.action === "create").length;
  const shown = lines.slice(0, 200);
  const noFileId = `${id}-nofile`;
  return (
    <div className="flex flex-col gap-3">
      <details className="rounded-lg border border-border p-3 text-sm" data-testid="csv-guide">
        <summary className="cursor-pointer font-medium">{t.guideTitle}</summary>
        <ul className="mt-2 flex list-disc flex-col gap-1 ps-5 text-muted-foreground wrap-anywhere">
          <li>{t.guideColumns}</li>
          <li>{t.guideKeywords}</li>
          <li>{format(t.guidePrice, { currency, example })}</li>
          <li>{t.guideQuotes}</li>
          <li>{t.guideUpdate}</li>
        </ul>
      </details>
      <div>
        <Button asChild variant="outline" size="sm">
          <a href={template} download={t.templateFile} data-testid="csv-template">
            <Download aria-hidden /> {t.downloadTemplate}
          </a>
        </Button>
      </div>
      <form
        className="flex flex-col gap-3 sm:flex-row sm:items-center"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
          const file = fileRef.current?.files?.[0];
          await run(submitter?.value === "import" ? "import" : "check", file ? await file.text() : null);
        }}
      >
        <Input
          ref={fileRef}
          type="file"
          accept=".csv,text/csv"
          aria-label={t.chooseFile}
          name="csv"
          className="sm:max-w-sm"
          aria-invalid={noFile || undefined}
          aria-describedby={noFile ? noFileId : undefined}
          onChange={() => {
            setPreview(null);
            setResult(null);
            setError(null);
            setNoFile(false);
          }}
        />
        <div className="flex gap-2">
          <Button type="submit" value="check" variant={direct ? "outline" : "default"} disabled={busy !== null}>
            <FileCheck aria-hidden /> {busy === "check" ? t.checking : t.check}
          </Button>
          {direct && (
            <Button type="submit" value="import" disabled={busy !== null}>
              <Upload aria-hidden /> {busy === "import" ? t.importing : t.upload}
            </Button>
          )}
        </div>
      </form>
      {noFile && <Alert tone="error" id={noFileId} data-testid="csv-no-file">{t.noFile}</Alert>}
      {error && <Alert tone="error">{error}</Alert>}
      {result && result.errors.length === 0 && <Alert tone="success">{format(t.imported, { created: result.created, updated: result.updated })}</Alert>}
      {errors.length > 0 && (
        <Alert tone="error" data-testid="import-errors">
          <p className="mb-2 font-medium">{t.errors}</p>
          <ul className="flex list-disc flex-col gap-1 ps-5 wrap-anywhere">
            {errors.map((e) => (
              <li key={`${e.line}-${e.code ?? ""}-${e.message}`}>{describeImportError(t, e)}</li>
            ))}
          </ul>
        </Alert>
      )}
      {preview && preview.errors.length === 0 && (
        <div className="flex flex-col gap-3 rounded-lg border border-border p-3" data-testid="import-preview">
          <p className="text-sm font-medium">{t.previewTitle}</p>
          <p className="text-sm text-muted-foreground">{format(t.previewOk, { total: lines.length, create: creates, update: lines.length - creates })}</p>
          {(preview.groups?.length ?? 0) > 0 && (
            <div className="flex flex-col gap-1 text-sm" data-testid="import-groups">
              <p>{t.previewGroups}</p>
              <ul className="list-inside list-disc">
                {preview.groups!.map((g) => (
                  <li key={g.group}><span className="font-medium">{g.group}</span>: {g.variants.join(" · ")}</li>
                ))}
              </ul>
              <p className="text-muted-foreground">{t.previewGroupsHint}</p>
            </div>
          )}
          <div className="hidden md:block">
            <Table>
              <THead>
                <TR><TH>{t.line}</TH><TH>{t.sku}</TH><TH>{t.name}</TH><TH className="text-end">{t.price}</TH><TH className="text-end">{t.stock}</TH><TH>{t.action}</TH></TR>
              </THead>
              <TBody>
                {shown.map((l) => (
                  <TR key={l.line}>
                    <TD className="tabular-nums text-muted-foreground">{l.line}</TD>
                    <TD className="font-mono">{l.sku}</TD>
                    <TD>{l.name}</TD>
                    <TD className="text-end tabular-nums whitespace-nowrap">{money.format(l.price)}</TD>
                    <TD className="text-end tabular-nums">{l.stock}</TD>
                    <TD><Badge variant={l.action === "create" ? "success" : "outline"}>{t.actions[l.action]}</Badge></TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          </div>
          {/* On a phone the six columns would scroll sideways: one card per line instead. */}
          <ul className="flex flex-col gap-2 md:hidden" data-testid="import-preview-cards">
            {shown.map((l) => (
              <li key={l.line} className="rounded-md border border-border p-3 text-sm">
                <div className="flex items-start justify-between gap-2">
                  <span className="min-w-0 font-medium wrap-anywhere">{l.name}</span>
                  <span className="tabular-nums whitespace-nowrap">{money.format(l.price)}</span>
                </div>
                <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
                  <span className="font-mono">{l.sku}</span>
                  <span>{t.line} {l.line}</span>
                  <span>{t.stock}: {l.stock}</span>
                  <Badge variant={l.action === "create" ? "success" : "outline"}>{t.actions[l.action]}</Badge>
                </div>
              </li>
            ))}
          </ul>
          <div>
            <Button type="button" onClick={() => run("import", text)} disabled={busy !== null || lines.length === 0}>
              <Upload aria-hidden /> {busy === "import" ? t.importing : format(t.confirmImport, { total: lines.length })}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
