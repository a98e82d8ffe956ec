import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { InviteActions } from "@/components/dashboard/invite-actions";
import { getMessages } from "@/lib/i18n/server";
import { format } from "@/lib/i18n";
import { pendingInviteFromCookie } from "@/lib/team/pending-invite";

export const metadata = { title: "Invitation" };

export default async function InvitePage() {
  const { t } = await getMessages();
  const invite = await pendingInviteFromCookie();
  return (
    <div className="mx-auto flex max-w-lg flex-col gap-4">
      <h1 className="text-2xl font-bold">{t.invite.title}</h1>
      {invite ? (
        <Card>
          <CardHeader><CardTitle>{invite.storeName}</CardTitle></CardHeader>
          <CardContent className="flex flex-col gap-4">
            <p>{format(t.invite.body, { store: invite.storeName, role: t.settings.roles[invite.role] })}</p>
            <InviteActions storeId={invite.storeId} t={t.invite} />
          </CardContent>
        </Card>
      ) : (
        <Alert tone="warning">{t.invite.invalid}</Alert>
      )}
    </div>
  );
}
