"use client";
import { useState } from "react";
import QRCode from "qrcode";
import { ShieldCheck, ShieldOff } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { api, ApiError } from "@/components/dashboard/api-client";
import type { AccountMessages } from "@/lib/i18n/account";

type Setup = { secret: string; otpauth_url: string; qr: string };

/** Enrol (QR code + a confirming code), see the backup codes once, or turn two-step verification off. */
export function SecurityPanel({ enabled: initial, t, enrolOnly = false, doneHref }: { enabled: boolean; t: AccountMessages["security"]; /** Only the enrolment (the MFA-required page); after the backup codes, go to `doneHref`. */ enrolOnly?: boolean; doneHref?: string }) {
  const [enabled, setEnabled] = useState(initial);
  const [setup, setSetup] = useState<Setup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [passwordErrors, setPasswordErrors] = useState<Record<string, string>>({});

  async function run(fn: () => Promise<void>) {
    setBusy(true);
    setPasswordErrors({});
    setError(null);
    setNotice(null);
    try {
      await fn();
    } catch (err) {
      setError(err instanceof ApiError ? (err.fieldErrors().code ?? err.message) : String(err));
    } finally {
      setBusy(false);
    }
  }

  const start = () => run(async () => {
    const res = await api<{ secret: string; otpauth_url: string }>("/api/v1/auth/mfa/setup", { method: "POST" });
    setSetup({ ...res, qr: await QRCode.toDataURL(res.otpauth_url, { margin: 1, width: 220 }) });
  });
  const confirm = (code: string) => run(async () => {
    const res = await api<{ backup_codes: string[] }>("/api/v1/auth/mfa/enable", { method: "POST", json: { code } });
    setCodes(res.backup_codes);
    setSetup(null);
    setEnabled(true);
  });
  const disable = (code: string) => run(async () => {
    await api("/api/v1/auth/mfa/disable", { method: "POST", json: { code } });
    setEnabled(false);
    setNotice(t.turnedOff);
  });
  const codeOf = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    return String(new FormData(e.currentTarget).get("code") ?? "").trim();
  };

  if (codes) {
    return (
      <div className="flex flex-col gap-3" data-testid="backup-codes">
        <h2 className="text-lg font-semibold">{t.backupTitle}</h2>
        <Alert tone="warning">{t.backupBody}</Alert>
        <ol className="grid grid-cols-2 gap-2 font-mono text-sm" dir="ltr">
          {codes.map((c) => <li key={c} className="rounded-md border border-border bg-muted px-3 py-1.5">{c}</li>)}
        </ol>
        <div className="flex flex-wrap gap-2">
          <Button variant="outline" onClick={async () => { await navigator.clipboard?.writeText(codes.join("\n")); setCopied(true); }}>{copied ? t.copied : t.copy}</Button>
          <Button onClick={() => (doneHref ? window.location.assign(doneHref) : setCodes(null))}>{t.savedThem}</Button>
        </div>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <p className="flex items-center gap-2 font-medium" data-testid="mfa-status">
        {enabled ? <ShieldCheck className="size-5 text-emerald-400" aria-hidden /> : <ShieldOff className="size-5 text-muted-foreground" aria-hidden />}
        {enabled ? t.statusOn : t.statusOff}
      </p>
      {error && <Alert tone="error">{error}</Alert>}
      {notice && <Alert tone="success">{notice}</Alert>}
      {!enabled && !setup && <Button className="self-start" onClick={start} disabled={busy}>{busy ? t.working : t.start}</Button>}
      {!enabled && setup && (
        <div className="flex flex-col gap-4 rounded-lg border border-border p-4">
          <p className="font-medium">{t.scan}</p>
          <img src={setup.qr} alt="QR" width={220} height={220} className="rounded-md bg-white p-2" data-testid="mfa-qr" />
          <div className="flex flex-col gap-1 text-sm">
            <span className="text-muted-foreground">{t.manual}</span>
            <code className="break-all rounded bg-muted px-2 py-1 font-mono" dir="ltr" data-testid="mfa-secret">{setup.secret}</code>
          </div>
          <form className="flex flex-col gap-2" onSubmit={(e) => confirm(codeOf(e))} noValidate>
            <Label htmlFor="mfa-code">{t.enterCode}</Label>
            <Input id="mfa-code" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} className="max-w-40 font-mono" dir="ltr" required />
            <div className="flex gap-2">
              <Button type="submit" disabled={busy}>{busy ? t.working : t.confirm}</Button>
              <Button type="button" variant="outline" onClick={() => setSetup(null)}>{t.cancel}</Button>
            </div>
          </form>
        </div>
      )}
      {!enrolOnly && <form
        className="flex flex-col gap-2 rounded-lg border border-border p-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          void run(async () => {
            try {
              await api("/api/v1/auth/password/change", { method: "POST", json: { current_password: String(form.get("current_password") ?? ""), new_password: String(form.get("new_password") ?? "") } });
            } catch (err) {
              if (err instanceof ApiError) setPasswordErrors(err.fieldErrors());
              throw err;
            }
            // Every session ended with the change, this one too.
            window.alert(t.changed);
            window.location.assign("/login");
          });
        }}
      >
        <h2 className="font-semibold">{t.changeTitle}</h2>
        <Label htmlFor="current_password">{t.currentPassword}</Label>
        <Input id="current_password" name="current_password" type="password" autoComplete="current-password" className="max-w-sm" aria-invalid={!!passwordErrors.current_password} />
        {passwordErrors.current_password && <p className="text-xs text-rose-300">{passwordErrors.current_password}</p>}
        <Label htmlFor="new_password">{t.newPassword}</Label>
        <Input id="new_password" name="new_password" type="password" autoComplete="new-password" minLength={8} className="max-w-sm" aria-invalid={!!passwordErrors.new_password} />
        {passwordErrors.new_password && <p className="text-xs text-rose-300">{passwordErrors.new_password}</p>}
        <Button type="submit" variant="outline" className="self-start" disabled={busy}>{busy ? t.working : t.changeSubmit}</Button>
      </form>}
      {!enrolOnly && <div className="flex flex-col gap-2 rounded-lg border border-border p-4">
        <h2 className="font-semibold">{t.signOutAll}</h2>
        <p className="text-sm text-muted-foreground">{t.signOutAllBody}</p>
        <Button type="button" variant="outline" className="self-start" disabled={busy} data-testid="sign-out-everywhere" onClick={() => run(async () => {
          await api("/api/v1/auth/sign-out-everywhere", { method: "POST" });
          window.location.assign("/login");
        })}>{t.signOutAll}</Button>
      </div>}
      {enabled && !enrolOnly && (
        <form className="flex flex-col gap-2 rounded-lg border border-border p-4" onSubmit={(e) => disable(codeOf(e))} noValidate>
          <h2 className="font-semibold">{t.disableTitle}</h2>
          <p className="text-sm text-muted-foreground">{t.disableBody}</p>
          <Label htmlFor="mfa-disable-code" className="sr-only">{t.disableTitle}</Label>
          <Input id="mfa-disable-code" name="code" autoComplete="one-time-code" maxLength={64} className="max-w-48 font-mono" dir="ltr" required />
          <Button type="submit" variant="outline" className="self-start" disabled={busy}>{busy ? t.working : t.disable}</Button>
        </form>
      )}
    </div>
  );
}
