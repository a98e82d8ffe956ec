import type { z } from "zod";
import type { Prisma, TicketStatus } from "@/generated/prisma/client";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { SLA_MINUTES, type adminTicketListQuery, type ticketCreateInput, type TICKET_STATUSES } from "./schemas";

type ApiStatus = (typeof TICKET_STATUSES)[number];
const toDbStatus: Record<ApiStatus, TicketStatus> = { open: "OPEN", pending: "PENDING", solved: "RESOLVED" };
const toApiStatus = (s: TicketStatus): ApiStatus => (s === "OPEN" ? "open" : s === "PENDING" ? "pending" : "solved");

const ticketInclude = {
  messages: { orderBy: { createdAt: "asc" } },
  user: { select: { email: true, fullName: true } },
} satisfies Prisma.SupportTicketInclude;
type TicketRow = Prisma.SupportTicketGetPayload<{ include: typeof ticketInclude }>;

function sla(t: TicketRow, now: Date) {
  const severity = (t.severity in SLA_MINUTES ? t.severity : "S3") as keyof typeof SLA_MINUTES;
  const due = new Date(t.createdAt.getTime() + SLA_MINUTES[severity] * 60_000);
  const firstResponse = t.messages.find((m) => m.fromStaff)?.createdAt ?? null;
  return { sla_due_at: due.toISOString(), first_response_at: firstResponse?.toISOString() ?? null, overdue: toApiStatus(t.status) !== "solved" && (firstResponse ? firstResponse > due : now > due) };
}

function toTicketDto(t: TicketRow, { withThread, now }: { withThread: boolean; now: Date }) {
  return {
    id: t.id,
    store_id: t.storeId,
    subject: t.subject,
    severity: t.severity,
    status: toApiStatus(t.status),
    opened_by: { name: t.user.fullName, email: t.user.email },
    created_at: t.createdAt.toISOString(),
    updated_at: t.updatedAt.toISOString(),
    ...sla(t, now),
    ...(withThread && {
      body: t.body,
      messages: [
        { id: `${t.id}:0`, from: "seller" as const, body: t.body, at: t.createdAt.toISOString() },
        ...t.messages.map((m) => ({ id: m.id, from: m.fromStaff ? ("support" as const) : ("seller" as const), body: m.body, at: m.createdAt.toISOString() })),
      ],
    }),
  };
}

/** A seller opens a ticket for one of her stores (membership checked by the route). */
export async function openTicket({ input, userId, now = new Date() }: { input: z.output<typeof ticketCreateInput>; userId: string; now?: Date }) {
  const ticket = await prisma.$transaction(async (tx) => {
    const t = await tx.supportTicket.create({ data: { storeId: input.store_id, userId, subject: input.subject, body: input.body, severity: input.severity, priority: input.severity }, include: ticketInclude });
    await recordAudit(tx, { storeId: input.store_id, actorType: "USER", actorId: userId, action: "ticket.opened", entityType: "support_ticket", entityId: t.id, data: { severity: input.severity } });
    return t;
  });
  return toTicketDto(ticket, { withThread: true, now });
}

/** Tickets of the given stores (the caller's memberships), newest first. */
export async function listTicketsForStores({ storeIds, status, now = new Date() }: { storeIds: string[]; status?: ApiStatus; now?: Date }) {
  const tickets = await prisma.supportTicket.findMany({ where: { storeId: { in: storeIds }, ...(status && { status: status === "solved" ? { in: ["RESOLVED", "CLOSED"] } : toDbStatus[status] }) }, orderBy: { createdAt: "desc" }, take: 200, include: ticketInclude });
  return { items: tickets.map((t) => toTicketDto(t, { withThread: false, now })) };
}

/** One ticket, when it belongs to one of `storeIds` (else 404, like any other tenant's id); all of them for admins. */
export async function getTicket({ ticketId, storeIds, now = new Date() }: { ticketId: string; storeIds: string[] | "all"; now?: Date }) {
  const t = await prisma.supportTicket.findUnique({ where: { id: ticketId }, include: ticketInclude });
  if (!t || (storeIds !== "all" && (!t.storeId || !storeIds.includes(t.storeId)))) throw notFound("Ticket");
  return toTicketDto(t, { withThread: true, now });
}

/**
 * Adds a message to a ticket's thread. A seller's message reopens it (support owes an answer); the
 * support's message leaves it pending (waiting for the seller) unless it was solved.
 */
export async function addTicketMessage({ ticketId, storeIds, authorId, body, fromStaff, now = new Date() }: { ticketId: string; storeIds: string[] | "all"; authorId: string; body: string; fromStaff: boolean; now?: Date }) {
  const t = await prisma.supportTicket.findUnique({ where: { id: ticketId }, select: { id: true, storeId: true, status: true } });
  if (!t || (storeIds !== "all" && (!t.storeId || !storeIds.includes(t.storeId)))) throw notFound("Ticket");
  await prisma.$transaction(async (tx) => {
    await tx.supportMessage.create({ data: { ticketId, authorId, body, fromStaff, createdAt: now } });
    const status: TicketStatus = fromStaff ? (t.status === "RESOLVED" || t.status === "CLOSED" ? t.status : "PENDING") : "OPEN";
    await tx.supportTicket.update({ where: { id: ticketId }, data: { status } });
  });
  return getTicket({ ticketId, storeIds, now });
}

export async function setTicketStatus({ ticketId, status, actorId, now = new Date() }: { ticketId: string; status: ApiStatus; actorId: string; now?: Date }) {
  const t = await prisma.supportTicket.findUnique({ where: { id: ticketId }, select: { id: true, storeId: true, status: true } });
  if (!t) throw notFound("Ticket");
  await prisma.$transaction(async (tx) => {
    await tx.supportTicket.update({ where: { id: ticketId }, data: { status: toDbStatus[status] } });
    await recordAudit(tx, { storeId: t.storeId, actorType: "USER", actorId, action: "ticket.status_changed", entityType: "support_ticket", entityId: ticketId, data: { before: toApiStatus(t.status), after: status } });
  });
  return getTicket({ ticketId, storeIds: "all", now });
}

/** The superadmin inbox: filters, oldest-due first among unsolved, with SLA timers and overdue flags. */
export async function listTicketsForAdmin({ status, store_id, limit, offset, now = new Date() }: z.output<typeof adminTicketListQuery> & { now?: Date }) {
  const where: Prisma.SupportTicketWhereInput = { ...(store_id && { storeId: store_id }), ...(status && { status: status === "solved" ? { in: ["RESOLVED", "CLOSED"] } : toDbStatus[status] }) };
  const [total, tickets] = await Promise.all([
    prisma.supportTicket.count({ where }),
    prisma.supportTicket.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: limit, skip: offset, include: ticketInclude }),
  ]);
  const names = new Map((await prisma.store.findMany({ where: { id: { in: tickets.map((t) => t.storeId).filter((s): s is string => Boolean(s)) } }, select: { id: true, name: true } })).map((s) => [s.id, s.name]));
  return { items: tickets.map((t) => ({ ...toTicketDto(t, { withThread: false, now }), store_name: t.storeId ? (names.get(t.storeId) ?? null) : null })), total, limit, offset };
}
