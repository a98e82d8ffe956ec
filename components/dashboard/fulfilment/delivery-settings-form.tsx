"use client";

import { useState } from "react";
import { Plus, Trash2 } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { api, ApiError } from "@/components/dashboard/api-client";
import { format } from "@/lib/i18n";
import type { FulfilmentMessages } from "@/lib/i18n/fulfilment";
import { currencyDigits } from "@/lib/money";

type MethodType = "pickup" | "delivery" | "shipping" | "chat";
type Method = { id?: string; type: MethodType; name: string; fee_minor: number; free_over_minor: number | null; zones: string[]; address: string | null; instructions: string | null; active: boolean };
type Row = { key: string; id?: string; type: MethodType; name: string; fee: string; freeOver: string; zones: string; address: string; instructions: string; active: boolean };
type Settings = { methods: Method[]; combine_window_hours: number; suggested_methods: Omit<Method, "id">[]; currency: string };

const TYPES: MethodType[] = ["pickup", "delivery", "shipping", "chat"];

/** Settings → Delivery: the methods buyers choose from at checkout, their fees and zones, and the combine window. */
export function DeliverySettingsForm({ storeId, initial, t, readOnly }: { storeId: string; initial: Settings; t: FulfilmentMessages; readOnly: boolean }) {
  const digits = currencyDigits(initial.currency);
  const major = (minor: number | null) => (minor == null ? "" : (minor / 10 ** digits).toFixed(digits));
  const minor = (text: string) => (text.trim() === "" ? null : Math.round(Number(text.replace(/\s/g, "").replace(",", ".")) * 10 ** digits));
  const toRow = (m: Method | Omit<Method, "id">, i: number): Row => ({
    key: ("id" in m && m.id) || `new-${i}-${Math.random().toString(36).slice(2)}`,
    id: "id" in m ? m.id : undefined,
    type: m.type,
    name: m.name,
    fee: major(m.fee_minor),
    freeOver: major(m.free_over_minor),
    zones: m.zones.join(", "),
    address: m.address ?? "",
    instructions: m.instructions ?? "",
    active: m.active,
  });
  const fromSuggestion = initial.methods.length === 0;
  const [rows, setRows] = useState<Row[]>((fromSuggestion ? initial.suggested_methods : initial.methods).map(toRow));
  const [windowHours, setWindowHours] = useState(String(initial.combine_window_hours || (fromSuggestion ? 24 : 0)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [suggested, setSuggested] = useState(fromSuggestion && initial.suggested_methods.length > 0);

  const update = (key: string, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setSaving(true);
    setErrors({});
    try {
      const body = {
        methods: rows.map((r) => ({
          ...(r.id ? { id: r.id } : {}),
          type: r.type,
          name: r.name,
          fee_minor: minor(r.fee) ?? 0,
          free_over_minor: minor(r.freeOver),
          zones: r.zones.split(",").map((z) => z.trim()).filter(Boolean),
          address: r.address || null,
          instructions: r.instructions || null,
          active: r.active,
        })),
        combine_window_hours: Number(windowHours) || 0,
      };
      const saved = await api<Settings>(`/api/v1/stores/${storeId}/delivery`, { method: "PUT", json: body });
      setRows(saved.methods.map(toRow));
      setSuggested(false);
      toast({ title: t.saved, tone: "success" });
    } catch (error) {
      if (error instanceof ApiError) {
        setErrors(error.fieldErrors());
        toast({ title: error.message, tone: "error" });
      } else throw error;
    } finally {
      setSaving(false);
    }
  }

  const err = (i: number, field: string) => errors[`methods.${i}.${field}`] ?? null;
  return (
    <form onSubmit={save} className="flex flex-col gap-4" data-testid="delivery-settings">
      {readOnly && <Alert tone="info">{t.ownerOnly}</Alert>}
      {suggested && <Alert tone="info" data-testid="delivery-suggested">{t.suggested}</Alert>}
      {rows.length === 0 && <p className="text-muted-foreground">{t.noMethods}</p>}
      <fieldset disabled={readOnly} className="flex flex-col gap-4">
        {rows.map((r, i) => (
          <Card key={r.key} data-testid="delivery-method">
            <CardContent className="grid gap-3 pt-6 sm:grid-cols-2">
              <Field id={`m-${r.key}-type`} label={t.type} hint={t.typeHelp[r.type]} error={err(i, "type")}>
                <Select value={r.type} onChange={(e) => update(r.key, { type: e.target.value as MethodType })}>
                  {TYPES.map((type) => <option key={type} value={type}>{t.types[type]}</option>)}
                </Select>
              </Field>
              <Field id={`m-${r.key}-name`} label={t.name} error={err(i, "name")}>
                <Input value={r.name} onChange={(e) => update(r.key, { name: e.target.value })} maxLength={80} />
              </Field>
              {r.type !== "chat" && (
                <Field id={`m-${r.key}-fee`} label={format(t.fee, { currency: initial.currency })} error={err(i, "fee_minor")}>
                  <Input value={r.fee} onChange={(e) => update(r.key, { fee: e.target.value })} inputMode="decimal" />
                </Field>
              )}
              {(r.type === "delivery" || r.type === "shipping") && (
                <Field id={`m-${r.key}-free`} label={format(t.freeOver, { currency: initial.currency })} error={err(i, "free_over_minor")}>
                  <Input value={r.freeOver} onChange={(e) => update(r.key, { freeOver: e.target.value })} inputMode="decimal" />
                </Field>
              )}
              {(r.type === "delivery" || r.type === "shipping") && (
                <Field id={`m-${r.key}-zones`} label={t.zones} error={err(i, "zones")} className="sm:col-span-2">
                  <Input value={r.zones} onChange={(e) => update(r.key, { zones: e.target.value })} />
                </Field>
              )}
              {r.type === "pickup" && (
                <Field id={`m-${r.key}-address`} label={t.address} error={err(i, "address")} className="sm:col-span-2">
                  <Input value={r.address} onChange={(e) => update(r.key, { address: e.target.value })} />
                </Field>
              )}
              <Field id={`m-${r.key}-instructions`} label={t.instructions} error={err(i, "instructions")} className="sm:col-span-2">
                <Textarea value={r.instructions} onChange={(e) => update(r.key, { instructions: e.target.value })} rows={2} />
              </Field>
              <div className="flex items-center justify-between sm:col-span-2">
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={r.active} onChange={(e) => update(r.key, { active: e.target.checked })} className="size-4 accent-primary" />
                  {t.active}
                </label>
                <Button type="button" variant="ghost" size="sm" onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
                  <Trash2 aria-hidden /> {t.remove}
                </Button>
              </div>
            </CardContent>
          </Card>
        ))}
        <Button type="button" variant="outline" className="self-start" onClick={() => setRows((rs) => [...rs, toRow({ type: "shipping", name: "", fee_minor: 0, free_over_minor: null, zones: [], address: null, instructions: null, active: true }, rs.length)])}>
          <Plus aria-hidden /> {t.addMethod}
        </Button>
        <Field id="combine-window" label={t.combineWindow} hint={t.combineHelp} error={errors.combine_window_hours ?? null} className="max-w-sm">
          <Input value={windowHours} onChange={(e) => setWindowHours(e.target.value)} inputMode="numeric" />
        </Field>
        {!readOnly && (
          <Button type="submit" disabled={saving} className="self-start" data-testid="delivery-save">
            {t.save}
          </Button>
        )}
      </fieldset>
    </form>
  );
}
