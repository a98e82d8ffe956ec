"use client";
import { useState } from "react";
import { Copy } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input, Label, Select } from "@/components/ui/input";
import { format } from "@/lib/i18n";
import type { PaymentMessages } from "@/lib/i18n/payments";
import { ACCOUNT_TYPES } from "@/lib/payments/gateways/credentials";
import type { PaymentConfigView } from "@/lib/payments/payment-config";
import type { SettingsIssueCode } from "@/lib/payments/payment-config-issues";

type Issue = { field: string; code?: SettingsIssueCode; message?: string };

/**
 * One provider's settings. Secrets are never sent to the browser: their inputs start empty, show the
 * masked saved value as a hint, and an empty input keeps what is saved. "Offer at checkout" can only be
 * switched on once every required setting is there (the API refuses it too). Errors come back per
 * setting with a code and are shown translated next to the setting they concern.
 */
export function PaymentProviderForm({ storeId, initial, t, extra }: { storeId: string; initial: PaymentConfigView; t: PaymentMessages; extra?: React.ReactNode }) {
  const [view, setView] = useState(initial);
  const [values, setValues] = useState<Record<string, string>>(() => initialValues(initial));
  // null until the owner touches the box: a provider being set up for the first time is offered once complete.
  const [enabledChoice, setEnabled] = useState<boolean | null>(null);
  const [state, setState] = useState<{ kind: "idle" | "saving" | "saved" } | { kind: "error"; issues: Record<string, string>; summary: string[] }>({ kind: "idle" });
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  const id = (name: string) => `${view.provider}-${name}`;
  const label = (name: string) => (t.fields as Record<string, string>)[name] ?? name;
  const complete = view.fields.every((f) => f.optional || (values[f.name] ?? "").trim() !== "" || (f.secret && view.credentials[f.name]));
  const canEnable = view.configured || complete;
  const enabled = canEnable && (enabledChoice ?? (view.configured ? view.enabled : complete));
  const issues = state.kind === "error" ? state.issues : {};

  async function submit() {
    const credentials: Record<string, string> = {};
    for (const field of view.fields) credentials[field.name] = values[field.name] ?? "";
    setState({ kind: "saving" });
    const res = await fetch(`/api/v1/stores/${encodeURIComponent(storeId)}/payments/${view.provider}`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ enabled, credentials }),
    });
    const body = await res.json().catch(() => null);
    if (!res.ok) {
      const details: Issue[] = Array.isArray(body?.error?.details) ? body.error.details : [];
      const byField: Record<string, string> = {};
      for (const d of details) {
        const name = d.field.replace(/^credentials\./, "");
        byField[name] ??= format(t.errors[d.code ?? "invalid"] ?? t.errors.invalid, { field: label(name) });
      }
      setState({ kind: "error", issues: byField, summary: details.length ? Object.values(byField) : [String(body?.error?.message ?? res.statusText)] });
      return;
    }
    const saved = body as PaymentConfigView;
    setView(saved);
    setValues(initialValues(saved));
    setEnabled(null);
    setState({ kind: "saved" });
  }

  async function copyWebhook() {
    try {
      await navigator.clipboard.writeText(view.notify_url ?? "");
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  }

  const describedBy = (name: string, hint?: boolean) => [hint ? `${id(name)}-hint` : null, issues[name] ? `${id(name)}-error` : null].filter(Boolean).join(" ") || undefined;

  return (
    <Card data-testid={`payment-provider-${view.provider}`}>
      <CardHeader>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <CardTitle>{t.providers[view.provider]}</CardTitle>
          <div className="flex gap-1">
            <Badge variant={view.enabled ? "success" : "outline"}>{view.enabled ? t.enabled : t.disabled}</Badge>
            <Badge variant={view.configured ? "default" : "outline"}>{view.configured ? t.configured : t.notConfigured}</Badge>
          </div>
        </div>
        {view.provider === "sandbox" && <CardDescription>{t.sandboxNote}</CardDescription>}
        {view.provider === "transfer" && <CardDescription>{t.transferNote}</CardDescription>}
      </CardHeader>
      <CardContent className="flex flex-col gap-6">
        <form
          className="flex flex-col gap-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {view.fields.map((field) => {
            const saved = view.credentials[field.name];
            const hint = field.secret && saved ? t.keepSecret : null;
            const common = {
              id: id(field.name),
              name: field.name,
              "aria-invalid": issues[field.name] ? true : undefined,
              "aria-describedby": describedBy(field.name, Boolean(hint)),
              "aria-required": field.optional ? undefined : true,
            };
            const set = (value: string) => setValues((v) => ({ ...v, [field.name]: value }));
            return (
              <div key={field.name} className="flex flex-col gap-1.5">
                <Label htmlFor={id(field.name)}>
                  {label(field.name)}
                  {field.optional && <span className="ms-1 font-normal text-muted-foreground">({t.optional})</span>}
                </Label>
                {view.provider === "transfer" && field.name === "accountType" ? (
                  <Select {...common} value={values[field.name] ?? ""} onChange={(e) => set(e.target.value)} className="aria-[invalid=true]:border-destructive">
                    <option value="">{t.chooseAccountType}</option>
                    {ACCOUNT_TYPES.map((type) => <option key={type} value={type}>{t.accountTypes[type]}</option>)}
                    {saved && !(ACCOUNT_TYPES as readonly string[]).includes(saved) && <option value={saved}>{saved}</option>}
                  </Select>
                ) : (
                  <Input
                    {...common}
                    type={field.secret ? "password" : field.name === "email" ? "email" : "text"}
                    autoComplete="off"
                    value={values[field.name] ?? ""}
                    onChange={(e) => set(e.target.value)}
                    placeholder={field.secret && saved ? saved : undefined}
                  />
                )}
                {hint && <p id={`${id(field.name)}-hint`} className="text-xs text-muted-foreground">{hint}</p>}
                {issues[field.name] && <p id={`${id(field.name)}-error`} className="text-xs text-rose-300">{issues[field.name]}</p>}
              </div>
            );
          })}
          <div className="flex flex-col gap-1">
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="enabled"
                checked={enabled}
                disabled={!canEnable}
                onChange={(e) => setEnabled(e.target.checked)}
                aria-describedby={!canEnable || issues.enabled ? `${id("enabled")}-hint` : undefined}
                className="size-4 accent-primary disabled:opacity-50"
              />
              {t.enable}
            </label>
            {(!canEnable || issues.enabled) && <p id={`${id("enabled")}-hint`} className="text-xs text-muted-foreground">{issues.enabled ?? t.enableNeedsConfig}</p>}
          </div>
          {state.kind === "error" && (
            <Alert tone="error">
              <p className="font-medium">{t.errorSummary}</p>
              <ul className="mt-1 list-disc ps-5">{state.summary.map((m) => <li key={m}>{m}</li>)}</ul>
            </Alert>
          )}
          {state.kind === "saved" && <Alert tone="success">{t.saved}</Alert>}
          <Button type="submit" disabled={state.kind === "saving"} className="self-start">
            {state.kind === "saving" ? t.saving : t.save}
          </Button>
        </form>
        {view.notify_url && (view.provider === "paypal" || view.provider === "mercadopago") && (
          <div className="flex flex-col gap-2 border-t border-border pt-4">
            <p className="text-sm text-muted-foreground">{t.webhookHelp[view.provider]}</p>
            <Button type="button" variant="outline" className="self-start" onClick={() => void copyWebhook()} data-testid={`copy-webhook-${view.provider}`}>
              <Copy aria-hidden /> {t.copyWebhook}
            </Button>
            <p aria-live="polite" className="text-xs text-muted-foreground">{copy === "copied" ? t.webhookCopied : copy === "failed" ? t.webhookCopyFailed : ""}</p>
          </div>
        )}
        {extra}
      </CardContent>
    </Card>
  );
}

/** Public settings start with their saved value; secrets start empty (the saved one is kept unless replaced). */
function initialValues(view: PaymentConfigView): Record<string, string> {
  return Object.fromEntries(view.fields.map((f) => [f.name, f.secret ? "" : (view.credentials[f.name] ?? "")]));
}
