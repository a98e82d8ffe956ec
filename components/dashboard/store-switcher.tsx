"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { switchStore } from "@/app/dashboard/actions";

/** Shown when the user belongs to several stores; the server action checks the membership. */
export function StoreSwitcher({ stores, currentId, label }: { stores: { id: string; name: string }[]; currentId: string | null; label: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  if (stores.length < 2) return null;
  return (
    <select
      aria-label={label}
      value={currentId ?? ""}
      disabled={pending}
      className="mt-2 h-8 w-full rounded-md border border-input bg-background px-2 text-xs"
      onChange={(e) => {
        const storeId = e.target.value;
        start(async () => {
          const res = await switchStore({ storeId });
          if (res.ok) router.refresh();
        });
      }}
    >
      {stores.map((s) => (
        <option key={s.id} value={s.id}>{s.name}</option>
      ))}
    </select>
  );
}
