import { UserPlus } from "lucide-react";
import { format } from "@/lib/i18n";
import type { Messages } from "@/lib/i18n/locales/en/dashboard";
import type { InvitationPreview } from "@/lib/team/invitation-preview";

/** "Ana invited you to join Tienda Sol as Staff": shown on the invitation page and above sign-in/sign-up. */
export function InvitationCard({ invite, t, roles, note, children }: { invite: InvitationPreview; t: Messages["invite"]; roles: Messages["settings"]["roles"]; note?: string; children?: React.ReactNode }) {
  return (
    <section aria-labelledby="invitation-title" className="flex flex-col gap-2 rounded-lg border border-primary/40 bg-primary/10 p-4" data-testid="invitation">
      <h1 id="invitation-title" className="flex items-center gap-2 text-base font-semibold">
        <UserPlus className="size-4 shrink-0 text-blue-300" aria-hidden />
        <span>{t.title}: <bdi>{invite.storeName}</bdi></span>
      </h1>
      <p className="text-sm">{format(t.body, { inviter: invite.inviterName ?? "—", store: invite.storeName, role: roles[invite.role] })}</p>
      {note && <p className="text-sm text-muted-foreground">{note}</p>}
      {children}
    </section>
  );
}
