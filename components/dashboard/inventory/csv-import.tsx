"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { FileCheck, Upload } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { format } from "@/lib/i18n";
import type { Messages } from "@/lib/i18n/messages/en";
import type { ImportResult } from "./types";

async function postCsv(storeId: string, text: string, dryRun: boolean): Promise<ImportResult> {
  const res = await fetch(`/api/v1/inventory/import?store_id=${encodeURIComponent(storeId)}${dryRun ? "&dry_run=1" : ""}`, { method: "POST", headers: { "content-type": "text/csv" }, body: text });
  const body = await res.json().catch(() => null);
  if (!res.ok && !body?.errors) throw new Error(body?.error?.message ?? res.statusText);
  return body as ImportResult;
}

/**
 * CSV import. "Check file" previews every line (or its errors) without saving anything; the preview's
 * confirm button then imports. `direct` adds a one-step Import (the file is still all-or-nothing).
 */
export function CsvImport({ storeId, t, direct = false, onImported }: { storeId: string; t: Messages["inventory"]; direct?: boolean; onImported?: (r: ImportResult) => void }) {
  const qc = useQueryClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"check" | "import" | null>(null);

  async function readFile() {
    const file = fileRef.current?.files?.[0];
    return file ? file.text() : null;
  }

  async function run(kind: "check" | "import", csv: string | null) {
    if (!csv) return;
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
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  const errors = (preview ?? result)?.errors ?? [];
  const lines = preview?.preview ?? [];
  const creates = lines.filter((l) => l.action === "create").length;
  return (
    <div className="flex flex-col gap-3">
      <form
        className="flex flex-col gap-3 sm:flex-row sm:items-center"
        onSubmit={async (e) => {
          e.preventDefault();
          const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
          await run(submitter?.value === "import" ? "import" : "check", await readFile());
        }}
      >
        <Input ref={fileRef} type="file" accept=".csv,text/csv" aria-label={t.chooseFile} name="csv" className="sm:max-w-sm" onChange={() => { setPreview(null); setResult(null); }} />
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
      {error && <Alert tone="error">{error}</Alert>}
      {result && result.errors.length === 0 && <Alert tone="success">{format(t.imported, { created: result.created, updated: result.updated })}</Alert>}
      {errors.length > 0 && (
        <Alert tone="error" data-testid="import-errors">
          <p className="mb-2 font-medium">{t.errors}</p>
          <ul className="list-inside list-disc">
            {errors.map((e) => (
              <li key={`${e.line}-${e.message}`}>{t.line} {e.line}: {e.message}</li>
            ))}
          </ul>
        </Alert>
      )}
      {preview && preview.errors.length === 0 && (
        <div className="flex flex-col gap-3 rounded-lg border border-border p-3" data-testid="import-preview">
          <p className="text-sm font-medium">{t.previewTitle}</p>
          <p className="text-sm text-muted-foreground">{format(t.previewOk, { total: lines.length, create: creates, update: lines.length - creates })}</p>
          <Table>
            <THead>
              <TR><TH>{t.line}</TH><TH>{t.sku}</TH><TH>{t.name}</TH><TH className="text-end">{t.price}</TH><TH className="text-end">{t.stock}</TH><TH>{t.action}</TH></TR>
            </THead>
            <TBody>
              {lines.slice(0, 200).map((l) => (
                <TR key={l.line}>
                  <TD className="tabular-nums text-muted-foreground">{l.line}</TD>
                  <TD className="font-mono">{l.sku}</TD>
                  <TD>{l.name}</TD>
                  <TD className="text-end tabular-nums">{l.price}</TD>
                  <TD className="text-end tabular-nums">{l.stock}</TD>
                  <TD><Badge variant={l.action === "create" ? "success" : "outline"}>{t.actions[l.action]}</Badge></TD>
                </TR>
              ))}
            </TBody>
          </Table>
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
