import PDFDocument from "pdfkit";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { notFound } from "@/lib/http/errors";
import { format, isUiLocale, type UiLocale } from "@/lib/i18n";
import { invoicePdfLabels, pdfLocaleOf } from "@/lib/i18n/invoice-pdf";
import { formatMoney } from "@/lib/money";


const fill = (s: string, vars: Record<string, string | number>) => format(s, vars, { isolate: false });

/** An issued invoice of a store (another store's id, or a draft month, is not found). */
async function loadInvoice({ invoiceId, storeId }: { invoiceId: string; storeId?: string }) {
  const invoice = await prisma.invoice.findFirst({ where: { id: invoiceId, ...(storeId ? { storeId } : {}) } });
  if (!invoice) throw notFound("Invoice");
  const store = await prisma.store.findUniqueOrThrow({ where: { id: invoice.storeId }, select: { name: true, country: true, memberships: { where: { role: "OWNER" }, take: 1, orderBy: { createdAt: "asc" }, select: { user: { select: { email: true } } } } } });
  const plan = await prisma.plan.findUnique({ where: { code: invoice.planCode }, select: { name: true } });
  return { invoice, store, planName: plan?.name ?? invoice.planCode };
}

/**
 * The invoice as a PDF (A4): issuer and customer, the subscription line and one commission line per
 * currency, and a total per currency that equals the invoice's `totals` (what collection charges).
 */
export async function renderInvoicePdf({ invoiceId, storeId, locale }: { invoiceId: string; storeId?: string; locale: UiLocale }): Promise<{ pdf: Buffer; filename: string }> {
  const { invoice, store, planName } = await loadInvoice({ invoiceId, storeId });
  const lang = pdfLocaleOf(locale);
  const t = invoicePdfLabels(lang);
  const e = env();
  const day = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" });
  const money = (minor: number, currency: string) => formatMoney(minor, currency, lang).replace(/\u00a0/g, " ");
  const commission = (invoice.commission ?? {}) as Record<string, number>;
  const totals = (invoice.totals ?? {}) as Record<string, number>;
  const lines: { text: string; amount: string }[] = [];
  lines.push({ text: fill(t.subscription, { plan: planName, period: invoice.period }), amount: money(invoice.subscriptionMinor, invoice.currency) });
  for (const [currency, minor] of Object.entries(commission).sort(([a], [b]) => a.localeCompare(b))) {
    if (minor > 0) lines.push({ text: fill(t.commission, { currency }), amount: money(minor, currency) });
  }

  const doc = new PDFDocument({ size: "A4", margin: 56, info: { Title: `${t.invoice} ${invoice.number}`, Author: e.BILLING_ISSUER_NAME } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });
  const left = 56;
  const right = doc.page.width - 56;
  const width = right - left;

  doc.font("Helvetica-Bold").fontSize(22).text(`${t.invoice} ${t.number} ${invoice.number}`, left, 56);
  doc.font("Helvetica").fontSize(10).fillColor("#4b5563");
  doc.text(`${t.period}: ${invoice.period}    ${t.issued}: ${day.format(invoice.createdAt)}`);
  doc.text(`${t.status}: ${invoice.status === "paid" && invoice.paidAt ? fill(t.paid, { date: day.format(invoice.paidAt) }) : t.open}`);
  doc.moveDown(1.5).fillColor("#111827");

  const top = doc.y;
  const col = width / 2 - 8;
  doc.font("Helvetica-Bold").fontSize(11).text(t.from, left, top, { width: col });
  doc.font("Helvetica").fontSize(10).text(e.BILLING_ISSUER_NAME, { width: col });
  if (e.BILLING_ISSUER_ADDRESS) doc.text(e.BILLING_ISSUER_ADDRESS, { width: col });
  doc.text(`${t.taxId}: ${e.BILLING_ISSUER_TAX_ID ?? t.none}`, { width: col });
  const afterFrom = doc.y;
  doc.font("Helvetica-Bold").fontSize(11).text(t.to, left + col + 16, top, { width: col });
  doc.font("Helvetica").fontSize(10).text(store.name, { width: col });
  doc.text(store.country, { width: col });
  const ownerEmail = store.memberships[0]?.user.email;
  if (ownerEmail) doc.text(ownerEmail, { width: col });
  doc.text(`${t.taxId}: ${t.none}`, { width: col });
  doc.y = Math.max(afterFrom, doc.y) + 24;

  const amountWidth = 140;
  const row = (text: string, amount: string, bold = false) => {
    const y = doc.y;
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(10);
    doc.text(text, left, y, { width: width - amountWidth - 8 });
    const end = doc.y;
    doc.text(amount, right - amountWidth, y, { width: amountWidth, align: "right" });
    doc.y = Math.max(end, doc.y) + 6;
  };
  row(t.description, t.amount, true);
  doc.moveTo(left, doc.y).lineTo(right, doc.y).strokeColor("#d1d5db").stroke();
  doc.y += 6;
  for (const l of lines) row(l.text, l.amount);
  doc.moveTo(left, doc.y).lineTo(right, doc.y).stroke();
  doc.y += 6;
  const totalEntries = Object.entries(totals).sort(([a], [b]) => a.localeCompare(b));
  if (totalEntries.length === 0) row(fill(t.total, { currency: invoice.currency }), money(0, invoice.currency), true);
  for (const [currency, minor] of totalEntries) row(fill(t.total, { currency }), money(minor, currency), true);

  doc.font("Helvetica").fontSize(8).fillColor("#6b7280").text(fill(t.footer, { number: invoice.number }), left, doc.page.height - 80, { width, align: "center" });
  doc.end();
  await done;
  return { pdf: Buffer.concat(chunks), filename: `invoice-${invoice.number}-${invoice.period}.pdf` };
}

/** The language of a downloaded invoice: `?lang=` when it is one of ours, else the reader's own. */
export function invoiceLocale(url: string, userLocale: string): UiLocale {
  const lang = new URL(url).searchParams.get("lang") ?? userLocale.slice(0, 2);
  return isUiLocale(lang) ? lang : "es";
}

/** The HTTP answer of a PDF download (never cached: it carries a customer's details). */
export function pdfResponse({ pdf, filename }: { pdf: Buffer; filename: string }) {
  return new Response(new Uint8Array(pdf), { headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" } });
}
