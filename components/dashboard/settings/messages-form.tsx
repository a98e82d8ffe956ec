"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Label, Select, Textarea } from "@/components/ui/input";
import { Alert } from "@/components/ui/alert";
import { toast } from "@/components/ui/toast";
import { api } from "@/components/dashboard/api-client";
import { localeLabel } from "@/components/dashboard/onboarding/countries";
import { placeholdersOf } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/locales/en/dashboard";
import type { EditableTextKey, MessageTextDefaults } from "@/lib/settings/message-texts";

/** The bot's tone and the seller's own wording per language; an empty box means the built-in text. */
export function MessagesForm({ storeId, storeLocale, tone: initialTone, texts, defaults, uiLocale, disabled, t, tc }: {
  storeId: string;
  storeLocale: string;
  tone: string;
  texts: Record<string, Record<string, string>>;
  defaults: MessageTextDefaults;
  uiLocale: string;
  disabled: boolean;
  t: Messages["settings"];
  tc: Messages["common"];
}) {
  const router = useRouter();
  const [tone, setTone] = useState(initialTone);
  const [locale, setLocale] = useState<string>((defaults.locales as readonly string[]).includes(uiLocale) ? uiLocale : "es");
  const [values, setValues] = useState(texts);
  const [busy, setBusy] = useState(false);
  const keys = Object.keys(defaults.allowed) as EditableTextKey[];
  const problems = keys
    .map((k) => ({ k, bad: [...placeholdersOf(values[locale]?.[k] ?? "")].filter((p) => !defaults.allowed[k].includes(p)) }))
    .filter((p) => p.bad.length);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const cleaned = Object.fromEntries(
        Object.entries(values)
          .map(([l, v]) => [l, Object.fromEntries(Object.entries(v).filter(([, s]) => s.trim() !== "").map(([k, s]) => [k, s.trim()]))] as const)
          .filter(([, v]) => Object.keys(v).length > 0),
      );
      await api(`/api/v1/stores/${storeId}`, { method: "PATCH", json: { bot_tone: tone, message_texts: cleaned, locale: storeLocale } });
      toast({ title: t.saved, tone: "success" });
      router.refresh();
    } catch (err) {
      toast({ title: (err as Error).message, tone: "error" });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save} className="flex flex-col gap-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-2">
          <Label htmlFor="bot_tone">{t.tone}</Label>
          <Select id="bot_tone" value={tone} onChange={(e) => setTone(e.target.value)} disabled={disabled}>
            {defaults.tones.map((x) => <option key={x} value={x}>{t.tones[x as "friendly"]}</option>)}
          </Select>
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor="msg_locale">{t.messageLanguage}</Label>
          <Select id="msg_locale" value={locale} onChange={(e) => setLocale(e.target.value)}>
            {defaults.locales.map((l) => <option key={l} value={l}>{localeLabel(l)}</option>)}
          </Select>
        </div>
      </div>
      <p className="text-sm text-muted-foreground">{t.messagesHelp}</p>
      {problems.length > 0 && (
        <Alert tone="error">{problems.map((p) => `${t.textKeys[p.k]}: {${p.bad.join("}, {")}}`).join(" · ")}</Alert>
      )}
      <div className="grid gap-4 lg:grid-cols-2" dir={locale === "ar" ? "rtl" : undefined}>
        {keys.map((k) => (
          <div key={k} className="flex flex-col gap-1.5">
            <Label htmlFor={`text-${k}`}>{t.textKeys[k]}</Label>
            <Textarea
              id={`text-${k}`}
              rows={2}
              lang={locale}
              value={values[locale]?.[k] ?? ""}
              placeholder={defaults.defaults[locale]?.[tone]?.[k] ?? ""}
              disabled={disabled}
              aria-describedby={`text-${k}-vars`}
              onChange={(e) => setValues((v) => ({ ...v, [locale]: { ...v[locale], [k]: e.target.value } }))}
            />
            <span id={`text-${k}-vars`} className="font-mono text-xs text-muted-foreground" dir="ltr">{defaults.allowed[k].map((p) => `{${p}}`).join(" ")}</span>
          </div>
        ))}
      </div>
      {!disabled && <Button type="submit" disabled={busy || problems.length > 0} className="self-start">{busy ? tc.saving : tc.save}</Button>}
    </form>
  );
}
