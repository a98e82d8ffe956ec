import Link from "next/link";
import { format } from "@/lib/i18n";
import type { Messages } from "@/lib/i18n/messages/en";

/** Shown on every dashboard page while an invitation link opened in this browser waits to be accepted. */
export function InviteBanner({ storeName, t }: { storeName: string; t: Messages["invite"] }) {
  return (
    <div role="status" className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-primary/40 bg-primary/10 p-3 text-sm">
      <span>{format(t.banner, { store: storeName })}</span>
      <Link href="/dashboard/invite" className="font-medium text-blue-300 underline-offset-4 hover:underline">{t.review}</Link>
    </div>
  );
}
