"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input, Label } from "@/components/ui/input";
import type { PaymentMessages } from "@/lib/i18n/payments";
import type { PaymentConfigView } from "@/lib/payments/payment-config";

/**
 * One provider's settings. Secrets are never sent to the browser: their inputs start empty, show the
 * masked saved value as a hint, and an empty input keeps what is saved.
 */
export function PaymentProviderForm({ storeId, initial, t }: { storeId: string; initial: PaymentConfigView; t: PaymentMessages }) {
  const [view, setView] = useState(initial);
  const [state, setState] = useState<{ kind: "idle" | "saving" | "saved" } | { kind: "error"; message: string }>({ kind: "idle" });
  const id = (name: string) => `${view.provider}-${name}`;

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const credentials: Record<string, string> = {};
    for (const field of view.fields) credentials[field.name] = String(data.get(field.name) ?? "");
    setState({ kind: "saving" });
    const res = await fetch(`/api/v1/stores/${encodeURIComponent(storeId)}/payments/${view.provider}`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ enabled: data.get("enabled") === "on", credentials }),
    });
    const body = await res.json();
    if (!res.ok) {
      setState({ kind: "error", message: body.error?.message ?? res.statusText });
      return;
    }
    setView(body as PaymentConfigView);
    form.reset();
    setState({ kind: "saved" });
  }

  return (
    <Card data-testid={`payment-provider-${view.provider}`}>
      <CardHeader>
        <div className="flex items-center justify-between gap-2">
          <CardTitle>{t.providers[view.provider]}</CardTitle>
          <div className="flex gap-1">
            <Badge variant={view.enabled ? "success" : "outline"}>{view.enabled ? t.enabled : t.disabled}</Badge>
            <Badge variant={view.configured ? "default" : "outline"}>{view.configured ? t.configured : t.notConfigured}</Badge>
          </div>
        </div>
        {view.provider === "sandbox" && <CardDescription>{t.sandboxNote}</CardDescription>}
        {view.provider === "transfer" && <CardDescription>{t.transferNote}</CardDescription>}
      </CardHeader>
      <CardContent>
        <form
          className="flex flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            void submit(e.currentTarget);
          }}
        >
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="enabled" defaultChecked={view.enabled || !view.configured} key={`${view.enabled}:${view.configured}`} className="size-4 accent-primary" />
            {t.enable}
          </label>
          {view.fields.map((field) => {
            const saved = view.credentials[field.name];
            const label = (t.fields as Record<string, string>)[field.name] ?? field.name;
            return (
              <div key={field.name} className="flex flex-col gap-1.5">
                <Label htmlFor={id(field.name)}>{label}</Label>
                <Input
                  id={id(field.name)}
                  name={field.name}
                  type={field.secret ? "password" : "text"}
                  autoComplete="off"
                  defaultValue={field.secret ? "" : (saved ?? "")}
                  key={`${field.name}:${saved ?? ""}`}
                  placeholder={field.secret && saved ? saved : undefined}
                  aria-describedby={field.secret && saved ? `${id(field.name)}-hint` : undefined}
                />
                {field.secret && saved && <p id={`${id(field.name)}-hint`} className="text-xs text-muted-foreground">{t.keepSecret}</p>}
              </div>
            );
          })}
          {view.notify_url && (
            <div className="flex flex-col gap-1">
              <span className="text-xs text-muted-foreground">{t.webhookUrl}</span>
              <code className="break-all rounded bg-muted px-2 py-1 text-xs">{view.notify_url}</code>
            </div>
          )}
          {state.kind === "error" && <Alert tone="error">{state.message}</Alert>}
          {state.kind === "saved" && <Alert tone="success">{t.saved}</Alert>}
          <Button type="submit" disabled={state.kind === "saving"} className="self-start">
            {state.kind === "saving" ? t.saving : t.save}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
