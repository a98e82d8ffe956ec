"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Copy, UserPlus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { Field } from "@/components/ui/field";
import { Badge } from "@/components/ui/badge";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/alert";
import { toast } from "@/components/ui/toast";
import { api, ApiError } from "@/components/dashboard/api-client";
import { format } from "@/lib/i18n";
import type { Messages } from "@/lib/i18n/locales/en/dashboard";
import type { InvitationDto, MemberDto } from "@/lib/team/members";

type Role = "OWNER" | "STAFF";

/**
 * Members and roles; owners invite (the answer is a link to share), change roles, remove and revoke.
 * Removing and leaving are confirmed in a dialog; the only owner is not offered to leave (the API refuses too).
 */
export function TeamPanel({ storeId, storeName, isOwner, t, tc }: { storeId: string; storeName: string; isOwner: boolean; t: Messages["settings"]; tc: Messages["common"] }) {
  const qc = useQueryClient();
  const key = ["members", storeId];
  const team = useQuery({ queryKey: key, queryFn: () => api<{ members: MemberDto[]; invitations: InvitationDto[] }>(`/api/v1/stores/${storeId}/members`) });
  const [link, setLink] = useState<{ email: string; url: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const refresh = () => qc.invalidateQueries({ queryKey: key });
  const fail = (e: Error) => toast({ title: e instanceof ApiError && e.code === "last_owner" ? t.lastOwner : e.message, tone: "error" });
  const [leaving, setLeaving] = useState<MemberDto | null>(null);
  const owners = (team.data?.members ?? []).filter((m) => m.role === "OWNER").length;

  const invite = useMutation({
    mutationFn: (body: { email: string; role: Role }) => api<{ email: string; invite_url: string }>(`/api/v1/stores/${storeId}/members`, { method: "POST", json: body }),
    onSuccess: (r) => {
      setLink({ email: r.email, url: r.invite_url });
      setErrors({});
      void refresh();
    },
    onError: (e) => {
      if (e instanceof ApiError) setErrors(e.fieldErrors());
      fail(e);
    },
  });
  const role = useMutation({ mutationFn: ({ id, role }: { id: string; role: Role }) => api(`/api/v1/stores/${storeId}/members/${id}`, { method: "PATCH", json: { role } }), onSuccess: refresh, onError: fail });
  const remove = useMutation({
    mutationFn: (m: MemberDto) => api(`/api/v1/stores/${storeId}/members/${m.id}`, { method: "DELETE" }),
    onSuccess: (_, m) => {
      setLeaving(null);
      // Whoever leaves no longer belongs here: start again from the dashboard (another store or a new one).
      if (m.is_you) window.location.assign("/dashboard");
      else void refresh();
    },
    onError: (e) => {
      setLeaving(null);
      fail(e);
    },
  });
  const revoke = useMutation({ mutationFn: (id: string) => api(`/api/v1/stores/${storeId}/members/invitations/${id}`, { method: "DELETE" }), onSuccess: refresh, onError: fail });

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-muted-foreground">{t.roleHelp}</p>
      <ul className="flex flex-col divide-y divide-border rounded-lg border border-border" data-testid="members">
        {(team.data?.members ?? []).map((m) => (
          <li key={m.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
            <div className="min-w-0">
              <div className="truncate font-medium"><bdi>{m.full_name}</bdi> {m.is_you && <span className="text-xs text-muted-foreground">({t.you})</span>}</div>
              <div className="truncate text-xs text-muted-foreground"><bdi>{m.email}</bdi></div>
            </div>
            <div className="flex items-center gap-2">
              {isOwner ? (
                <Select aria-label={format(t.roleOf, { name: m.full_name })} value={m.role} className="h-8 w-auto" onChange={(e) => role.mutate({ id: m.id, role: e.target.value as Role })}>
                  <option value="OWNER">{t.roles.OWNER}</option>
                  <option value="STAFF" disabled={m.role === "OWNER" && owners <= 1}>{t.roles.STAFF}</option>
                </Select>
              ) : (
                <Badge variant={m.role === "OWNER" ? "default" : "outline"}>{t.roles[m.role]}</Badge>
              )}
              {(isOwner || m.is_you) && !(m.role === "OWNER" && owners <= 1) && (
                <Button type="button" size="sm" variant="ghost" onClick={() => setLeaving(m)}>
                  {m.is_you ? t.leave : t.remove}
                </Button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {isOwner && (
        <>
          <form
            className="flex flex-col gap-3 sm:flex-row sm:items-end"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const f = new FormData(e.currentTarget);
              invite.mutate({ email: String(f.get("invite_email") ?? ""), role: String(f.get("invite_role") ?? "STAFF") as Role });
            }}
          >
            <Field id="invite_email" label={t.inviteEmail} error={errors.email} className="flex-1">
              <Input name="invite_email" type="email" autoComplete="off" />
            </Field>
            <Field id="invite_role" label={t.inviteRole}>
              <Select name="invite_role" defaultValue="STAFF" className="w-auto">
                <option value="STAFF">{t.roles.STAFF}</option>
                <option value="OWNER">{t.roles.OWNER}</option>
              </Select>
            </Field>
            <Button type="submit" disabled={invite.isPending}><UserPlus aria-hidden /> {t.invite}</Button>
          </form>
          {link && (
            <Alert tone="success" data-testid="invite-link">
              <p className="mb-2">{format(t.inviteLink, { email: link.email })}</p>
              <div className="flex flex-col gap-2 sm:flex-row">
                <Input readOnly value={link.url} aria-label={t.copy} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
                <Button type="button" variant="outline" onClick={() => navigator.clipboard?.writeText(link.url).then(() => toast({ title: t.copied, tone: "success" }))}>
                  <Copy aria-hidden /> {t.copy}
                </Button>
              </div>
            </Alert>
          )}
          {(team.data?.invitations ?? []).length > 0 && (
            <div className="flex flex-col gap-2">
              <h3 className="text-sm font-medium">{t.pending}</h3>
              <ul className="flex flex-col divide-y divide-border rounded-lg border border-border">
                {team.data!.invitations.map((i) => (
                  <li key={i.id} className="flex items-center justify-between gap-3 p-3 text-sm">
                    <span className="min-w-0 truncate"><bdi>{i.email}</bdi> · {t.roles[i.role]} {i.expired && <Badge variant="outline">{t.expired}</Badge>}</span>
                    <Button type="button" size="sm" variant="ghost" onClick={() => revoke.mutate(i.id)}>{t.revoke}</Button>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
      {team.isError && <p role="alert" className="text-rose-300">{team.error.message || tc.error}</p>}
      <Dialog open={leaving !== null} onOpenChange={(open) => !open && setLeaving(null)}>
        <DialogContent closeLabel={tc.close} data-testid="leave-dialog">
          <DialogHeader>
            <DialogTitle>{leaving?.is_you ? format(t.leaveTitle, { store: storeName }) : format(t.removeConfirm, { name: leaving?.full_name ?? "" })}</DialogTitle>
            <DialogDescription>{leaving?.is_you ? t.leaveBody : t.removeBody}</DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <DialogClose asChild><Button type="button" variant="ghost">{tc.cancel}</Button></DialogClose>
            <Button type="button" disabled={remove.isPending} onClick={() => leaving && remove.mutate(leaving)}>
              {leaving?.is_you ? t.leave : t.remove}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
