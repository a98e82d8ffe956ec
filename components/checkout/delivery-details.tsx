"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { format } from "@/lib/i18n";
import type { CheckoutDeliveryMessages } from "@/lib/i18n/checkout-delivery";
import { formatMoneyMinor } from "@/lib/messaging/texts/format";
import { brazilStateOfCep, type AddressShape } from "@/lib/fulfilment/countries";

type Method = { id: string; type: "pickup" | "delivery" | "shipping" | "chat"; name: string; fee_minor: number; free_over_minor: number | null; address: string | null; instructions: string | null };
type Address = { line1: string; line2: string; city: string; region: string; postal_code: string };
type Details = { name: string; phone: string; email: string | null; delivery_method_id: string | null; address: (Omit<Address, "line2" | "postal_code"> & { line2: string | null; postal_code: string | null; country: string }) | null };
type Totals = { subtotal_minor: number; shipping_minor: number; total_minor: number; shipping_covered_by: { number: number } | null; saved: boolean };
type Issue = { field: string; code: string; params?: Record<string, unknown> };

const NEEDS_ADDRESS = new Set(["delivery", "shipping"]);
// A phone number or postal code keeps its left-to-right order inside Arabic text (first-strong isolate).
const ltr = (s: string) => `\u2066${s}\u2069`;
const inputClass = "h-12 w-full rounded-md border border-input bg-background px-3 text-base focus-visible:outline-2 focus-visible:outline-ring aria-[invalid=true]:border-destructive";

/**
 * The buyer's details step: who she is, how she receives the order and where. Every change is kept on the
 * phone at once (a reload loses nothing) and saved to the store as soon as it is complete
 * (PUT /api/v1/checkout/{id}/details); the fee and total follow. Errors name the field, in her language.
 */
export function DeliveryDetails({
  orderId,
  token,
  t,
  fmt,
  currency,
  country,
  shape,
  regions,
  phoneExample,
  methods,
  initial,
  fromEarlierOrder,
  totals: initialTotals,
}: {
  orderId: string;
  token: string;
  t: CheckoutDeliveryMessages;
  fmt: string;
  currency: string;
  country: string;
  shape: AddressShape;
  regions: string[];
  phoneExample: string;
  methods: Method[];
  initial: Details | null;
  fromEarlierOrder: boolean;
  totals: Totals;
}) {
  const router = useRouter();
  const draftKey = `lss-checkout-details:${orderId}`;
  const [name, setName] = useState(initial?.name ?? "");
  const [phone, setPhone] = useState(initial?.phone ?? "");
  const [email, setEmail] = useState(initial?.email ?? "");
  const [methodId, setMethodId] = useState(initial?.delivery_method_id ?? (methods.length === 1 ? methods[0]!.id : ""));
  const [address, setAddress] = useState<Address>({
    line1: initial?.address?.line1 ?? "",
    line2: initial?.address?.line2 ?? "",
    city: initial?.address?.city ?? "",
    region: initial?.address?.region ?? "",
    postal_code: initial?.address?.postal_code ?? "",
  });
  const [issues, setIssues] = useState<Issue[]>([]);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [state, setState] = useState<"idle" | "saving" | "saved" | "error">(initialTotals.saved && !fromEarlierOrder ? "saved" : "idle");
  const [totals, setTotals] = useState(initialTotals);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const loaded = useRef(false);
  // Details already saved for this order need no save on arrival; a proposal (a returning buyer's last details) does.
  const skipFirstSave = useRef(initialTotals.saved && !fromEarlierOrder);
  const money = (minor: number) => formatMoneyMinor(minor, currency, fmt);
  const method = methods.find((m) => m.id === methodId) ?? null;
  const needsAddress = method ? NEEDS_ADDRESS.has(method.type) : false;

  // A draft typed before a reload (not yet complete enough to save) comes back.
  useEffect(() => {
    if (loaded.current) return;
    loaded.current = true;
    try {
      const raw = localStorage.getItem(draftKey);
      if (!raw) return;
      const d = JSON.parse(raw) as { name: string; phone: string; email: string; methodId: string; address: Address };
      setName(d.name ?? "");
      setPhone(d.phone ?? "");
      setEmail(d.email ?? "");
      if (methods.some((m) => m.id === d.methodId)) setMethodId(d.methodId);
      if (d.address) setAddress(d.address);
    } catch {
      // private mode or a broken draft: start from the server's details
    }
  }, [draftKey, methods]);

  const body = {
    name,
    phone,
    email: email || null,
    delivery_method_id: methodId,
    ...(needsAddress ? { address: { line1: address.line1, line2: address.line2 || null, city: address.city, region: address.region, postal_code: address.postal_code || null, country } } : {}),
  };
  const bodyKey = JSON.stringify(body);
  const draft = JSON.stringify({ name, phone, email, methodId, address });
  const complete = Boolean(name.trim() && phone.trim() && methodId && (!needsAddress || (address.line1.trim() && address.city.trim() && address.region.trim())));

  async function save(explicit: boolean) {
    setState("saving");
    try {
      const res = await fetch(`/api/v1/checkout/${encodeURIComponent(orderId)}/details?t=${encodeURIComponent(token)}`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: bodyKey,
      });
      const json = await res.json().catch(() => null);
      if (res.ok) {
        setIssues([]);
        setTotals({ subtotal_minor: json.subtotal_minor, shipping_minor: json.shipping_minor, total_minor: json.total_minor, shipping_covered_by: json.shipping_covered_by, saved: true });
        setState("saved");
        try {
          localStorage.removeItem(draftKey);
        } catch {
          /* ignore */
        }
        router.refresh();
        if (explicit) requestAnimationFrame(() => document.getElementById("pay-heading")?.scrollIntoView({ behavior: "smooth", block: "start" }));
        return;
      }
      setIssues(res.status === 422 ? ((json?.error?.details ?? []) as Issue[]) : [{ field: "(form)", code: "network" }]);
      setState("error");
    } catch {
      setIssues([{ field: "(form)", code: "network" }]);
      setState("error");
    }
  }

  // The effect below runs when what the buyer typed changes; it reads the rest through this ref.
  const latest = useRef({ save, complete, draft, state });
  latest.current = { save, complete, draft, state };

  // Keep every keystroke on the phone; save to the store a moment after the form is complete.
  useEffect(() => {
    if (!loaded.current || !bodyKey) return;
    const now = latest.current;
    try {
      localStorage.setItem(draftKey, now.draft);
    } catch {
      /* ignore */
    }
    if (timer.current) clearTimeout(timer.current);
    if (skipFirstSave.current) {
      skipFirstSave.current = false;
      return;
    }
    if (!now.complete) {
      if (now.state === "saved") setState("idle");
      return;
    }
    timer.current = setTimeout(() => void latest.current.save(false), 700);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [bodyKey, draftKey]);

  const errorOf = (field: string) => {
    if (!showAll && !touched.has(field)) return null;
    const issue = issues.find((i) => i.field === field);
    if (!issue) return null;
    const text = (t.errors as Record<string, string>)[issue.code] ?? t.errors.invalid;
    return format(text, { example: ltr(String(issue.params?.example ?? phoneExample)) });
  };
  const touch = (field: string) => setTouched((prev) => (prev.has(field) ? prev : new Set(prev).add(field)));
  const labels = shape === "generic" ? { city: t.city, region: t.region, postal: t.postalOptional } : t.shapes[shape];
  const postalFirst = shape === "BR";

  const field = (id: string, label: string, input: React.ReactNode, hint?: string) => {
    const error = errorOf(id);
    const domId = `dd-${id.replace(/\W/g, "-")}`;
    return (
      <div className="flex flex-col gap-1">
        <label htmlFor={domId} className="text-sm font-medium">{label}</label>
        {input}
        {hint && !error && <p id={`${domId}-hint`} className="text-xs text-muted-foreground">{hint}</p>}
        {error && <p id={`${domId}-error`} role="alert" className="text-sm text-destructive" data-testid={`error-${id}`}>{error}</p>}
      </div>
    );
  };
  const text = (id: string, value: string, onChange: (v: string) => void, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => {
    const domId = `dd-${id.replace(/\W/g, "-")}`;
    const error = errorOf(id);
    return (
      <input
        id={domId}
        name={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => touch(id)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${domId}-error` : undefined}
        className={inputClass}
        {...props}
      />
    );
  };
  const setAddr = (key: keyof Address) => (v: string) => setAddress((a) => ({ ...a, [key]: v }));
  const onCep = (v: string) => {
    setAddress((a) => {
      const uf = brazilStateOfCep(v);
      return { ...a, postal_code: v, region: uf && !a.region ? uf : a.region };
    });
  };
  const regionInput =
    regions.length > 0 ? (
      <select id="dd-address-region" name="address.region" value={address.region} onChange={(e) => setAddr("region")(e.target.value)} onBlur={() => touch("address.region")} className={inputClass} aria-invalid={errorOf("address.region") ? true : undefined}>
        <option value="">{t.choose}</option>
        {regions.map((r) => (
          <option key={r} value={r}>{r}</option>
        ))}
      </select>
    ) : (
      text("address.region", address.region, setAddr("region"), { autoComplete: "address-level1" })
    );
  const postal = field("address.postal_code", labels.postal, text("address.postal_code", address.postal_code, shape === "BR" ? onCep : setAddr("postal_code"), { autoComplete: "postal-code", inputMode: shape === "AR" ? "text" : "numeric" }));

  return (
    <section id="delivery-details" aria-labelledby="details-heading" className="flex flex-col gap-4 rounded-lg border border-border bg-card p-4" data-testid="delivery-details">
      <div className="flex flex-col gap-1">
        <h2 id="details-heading" className="text-base font-semibold">{t.detailsTitle}</h2>
        <p className="text-sm text-muted-foreground">{t.detailsIntro}</p>
      </div>
      <form
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          setShowAll(true);
          void save(true);
        }}
      >
        {field("name", t.name, text("name", name, setName, { autoComplete: "name", required: true }))}
        {field("phone", t.phone, text("phone", phone, setPhone, { type: "tel", autoComplete: "tel", inputMode: "tel", placeholder: phoneExample, dir: "ltr", required: true }), format(t.phoneHint, { example: ltr(phoneExample) }))}
        {field("email", t.email, text("email", email, setEmail, { type: "email", autoComplete: "email", inputMode: "email", dir: "ltr" }))}

        <fieldset className="flex flex-col gap-2" aria-describedby={errorOf("delivery_method_id") ? "dd-method-error" : undefined}>
          <legend className="mb-1 text-sm font-medium">{t.deliveryTitle}</legend>
          {methods.map((m) => (
            <label key={m.id} className="flex cursor-pointer items-start gap-3 rounded-md border border-border p-3 has-[:checked]:border-primary has-[:checked]:bg-primary/5">
              <input type="radio" name="delivery_method_id" value={m.id} checked={methodId === m.id} onChange={() => { setMethodId(m.id); touch("delivery_method_id"); }} className="mt-1 size-5 shrink-0 accent-primary" />
              <span className="flex min-w-0 flex-1 flex-col">
                <span className="font-medium">{m.name}</span>
                {m.type === "pickup" && m.address && <span className="text-sm text-muted-foreground">{format(t.pickupAt, { address: m.address })}</span>}
                {m.instructions && <span className="text-sm text-muted-foreground">{m.type === "pickup" ? format(t.hours, { hours: m.instructions }) : m.instructions}</span>}
                {m.type === "chat" && <span className="text-sm text-muted-foreground">{t.chatNote}</span>}
                {m.free_over_minor != null && m.fee_minor > 0 && <span className="text-sm text-muted-foreground">{format(t.freeOver, { amount: money(m.free_over_minor) })}</span>}
              </span>
              <span className="shrink-0 font-medium tabular-nums">{m.fee_minor === 0 ? t.free : money(m.fee_minor)}</span>
            </label>
          ))}
          {errorOf("delivery_method_id") && <p id="dd-method-error" role="alert" className="text-sm text-destructive" data-testid="error-delivery_method_id">{errorOf("delivery_method_id")}</p>}
        </fieldset>

        {needsAddress && (
          <fieldset className="flex flex-col gap-3">
            <legend className="mb-1 text-sm font-medium">{t.addressTitle}</legend>
            {errorOf("address") && <p role="alert" className="text-sm text-destructive">{errorOf("address")}</p>}
            {postalFirst && postal}
            {field("address.line1", t.line1, text("address.line1", address.line1, setAddr("line1"), { autoComplete: "address-line1" }))}
            {field("address.line2", t.line2, text("address.line2", address.line2, setAddr("line2"), { autoComplete: "address-line2" }))}
            {field("address.city", labels.city, text("address.city", address.city, setAddr("city"), { autoComplete: "address-level2" }))}
            {field("address.region", labels.region, regionInput)}
            {!postalFirst && postal}
          </fieldset>
        )}

        <dl className="flex flex-col gap-1 border-t border-border pt-3 text-sm" data-testid="details-totals">
          <div className="flex justify-between"><dt>{t.subtotal}</dt><dd className="tabular-nums">{money(totals.subtotal_minor)}</dd></div>
          <div className="flex justify-between">
            <dt>{totals.saved || method ? t.shipping : t.shippingPending}</dt>
            <dd className="tabular-nums" data-testid="shipping-amount">
              {totals.saved && state === "saved"
                ? totals.shipping_minor === 0 ? t.free : money(totals.shipping_minor)
                : method ? (method.fee_minor === 0 || (method.free_over_minor != null && totals.subtotal_minor >= method.free_over_minor) ? t.free : money(method.fee_minor)) : "—"}
            </dd>
          </div>
          {totals.shipping_covered_by && <p className="text-success" data-testid="shipping-covered">{format(t.coveredBy, { number: totals.shipping_covered_by.number })}</p>}
        </dl>

        {issues.some((i) => i.field === "(form)") && <p role="alert" className="text-sm text-destructive">{t.errors.network}</p>}
        <div className="flex items-center gap-3">
          <button type="submit" className="inline-flex h-12 flex-1 items-center justify-center rounded-md bg-primary px-4 text-base font-semibold text-primary-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring">
            {t.save}
          </button>
          <span role="status" aria-live="polite" className="min-w-16 text-sm text-muted-foreground" data-testid="details-state">
            {state === "saving" ? t.saving : state === "saved" ? `✓ ${t.saved}` : ""}
          </span>
        </div>
      </form>
    </section>
  );
}
