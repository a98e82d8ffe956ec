"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";

const LANGS = [
  { code: "es", label: "Español" },
  { code: "en", label: "English" },
  { code: "pt", label: "Português" },
  { code: "ar", label: "العربية" },
];

/** Stores the choice in a cookie (read on the server, so pages render in it with no flash). */
export function LanguageSwitcher({ label = "Language", current }: { label?: string; current: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <select
      aria-label={label}
      defaultValue={current}
      disabled={pending}
      className="h-9 rounded-md border border-input bg-background px-2 text-sm"
      onChange={(e) => {
        document.cookie = `lss_locale=${e.target.value}; path=/; max-age=31536000; samesite=lax`;
        start(() => router.refresh());
      }}
    >
      {LANGS.map((l) => (
        <option key={l.code} value={l.code}>{l.label}</option>
      ))}
    </select>
  );
}
