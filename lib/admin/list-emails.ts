import { z } from "zod";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/http/errors";

export const emailListQuery = z.object({
  to: z.string().trim().toLowerCase().max(254).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const listSelect = { id: true, to: true, template: true, locale: true, subject: true, status: true, transport: true, attempts: true, error: true, createdAt: true, sentAt: true } as const;

/** The platform's sent emails, newest first (the local mailbox when SMTP_URL is not set). Superadmin only. */
export async function listEmails(query: z.output<typeof emailListQuery>) {
  const where = query.to ? { to: { contains: query.to, mode: "insensitive" as const } } : {};
  const [items, total] = await Promise.all([
    prisma.email.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: query.limit, skip: query.offset, select: listSelect }),
    prisma.email.count({ where }),
  ]);
  return { items, total };
}

export async function getEmail({ id }: { id: string }) {
  const email = id.length <= 64 ? await prisma.email.findUnique({ where: { id } }) : null;
  if (!email) throw notFound("Email");
  return email;
}
