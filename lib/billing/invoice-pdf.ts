import PDFDocument from "pdfkit";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { notFound } from "@/lib/http/errors";
import { format, isUiLocale, type UiLocale } from "@/lib/i18n";
import { invoicePdfLabels } from "@/lib/i18n/invoice-pdf";
import { formatMoney } from "@/lib/money";
import { join } from "node:path";
import { drawRtlLine, wrapRtl } from "./pdf-rtl";

/** The fonts shipped with the app (DejaVu Sans: Latin and Arabic; licence beside them). */
const FONT_DIR = join(process.cwd(), "assets", "fonts");


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
  const lang = locale;
  const t = invoicePdfLabels(lang);
  const e = env();
  const day = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" });
  // No-break spaces and bidi marks have no glyph in the standard fonts.
  const money = (minor: number, currency: string) => formatMoney(minor, currency, lang).replace(/\u00a0|\u202f/g, " ").replace(/[\u200e\u200f\u061c]/g, "");
  const commission = (invoice.commission ?? {}) as Record<string, number>;
  const totals = (invoice.totals ?? {}) as Record<string, number>;
  const lines: { text: string; amount: string }[] = [];
  // Upgrades inside the month: each proration is its own line, the subscription line is the rest.
  const changes = await prisma.planChange.findMany({ where: { storeId: invoice.storeId, appliedAt: { not: null }, effectiveAt: { gte: invoice.periodStart, lt: invoice.periodEnd }, prorationMinor: { not: 0 }, toCurrency: invoice.currency, fromCurrency: invoice.currency }, orderBy: { effectiveAt: "asc" } });
  const prorated = changes.reduce((sum, c) => sum + c.prorationMinor, 0);
  const names = new Map((await prisma.plan.findMany({ where: { code: { in: changes.flatMap((c) => [c.fromPlanCode, c.toPlanCode]) } }, select: { code: true, name: true } })).map((p) => [p.code, p.name]));
  const nameOf = (code: string) => names.get(code) ?? code;
  // The month's base fee is the plan it began with; each upgrade adds its own line.
  lines.push({ text: fill(t.subscription, { plan: changes[0] ? nameOf(changes[0].fromPlanCode) : planName, period: invoice.period }), amount: money(invoice.subscriptionMinor - prorated, invoice.currency) });
  for (const c of changes) lines.push({ text: fill(t.planChange, { from: nameOf(c.fromPlanCode), to: nameOf(c.toPlanCode), date: day.format(c.effectiveAt) }), amount: money(c.prorationMinor, invoice.currency) });
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
  // Arabic: the bundled DejaVu Sans (Helvetica has no Arabic glyphs), every line laid out right to left
  // and the page mirrored (issuer on the right, amounts on the left).
  const rtl = lang === "ar";
  if (rtl) {
    doc.registerFont("Body", join(FONT_DIR, "DejaVuSans.ttf"));
    doc.registerFont("Body-Bold", join(FONT_DIR, "DejaVuSans-Bold.ttf"));
  }
  const regular = rtl ? "Body" : "Helvetica";
  const bold = rtl ? "Body-Bold" : "Helvetica-Bold";
  const left = 56;
  const right = doc.page.width - 56;
  const width = right - left;
  /** Writes `text` in the box [x, x + w] from y (wrapping), `align` in reading direction; returns the y below it. */
  const write = (text: string, x: number, y: number, w: number, align: "start" | "end" | "center" = "start") => {
    if (!rtl) {
      doc.text(text, x, y, { width: w, align: align === "start" ? "left" : align === "end" ? "right" : "center" });
      return doc.y;
    }
    const lineHeight = doc.currentLineHeight(true);
    let yy = y;
    for (const line of wrapRtl(doc, text, w)) {
      drawRtlLine(doc, line, { right: x + w, y: yy, width: w, align: align === "start" ? "right" : align === "end" ? "left" : "center" });
      yy += lineHeight;
    }
    doc.x = left;
    doc.y = yy;
    return yy;
  };
  /** The box of a column given in reading order: in Arabic the first column is on the right. */
  const box = (from: number, w: number) => (rtl ? right - from - w : left + from);

  let y = 56;
  doc.font(bold).fontSize(22);
  y = write(`${t.invoice} ${t.number} ${invoice.number}`, left, y, width);
  doc.font(regular).fontSize(10).fillColor("#4b5563");
  y = write(`${t.period}: ${invoice.period}    ${t.issued}: ${day.format(invoice.createdAt)}`, left, y, width);
  y = write(`${t.status}: ${invoice.status === "paid" && invoice.paidAt ? fill(t.paid, { date: day.format(invoice.paidAt) }) : t.open}`, left, y, width);
  y += 18;
  doc.fillColor("#111827");

  const col = width / 2 - 8;
  const fromX = box(0, col);
  const toX = box(col + 16, col);
  doc.font(bold).fontSize(11);
  let a = write(t.from, fromX, y, col);
  doc.font(regular).fontSize(10);
  a = write(e.BILLING_ISSUER_NAME, fromX, a, col);
  if (e.BILLING_ISSUER_ADDRESS) a = write(e.BILLING_ISSUER_ADDRESS, fromX, a, col);
  a = write(`${t.taxId}: ${e.BILLING_ISSUER_TAX_ID ?? t.none}`, fromX, a, col);
  doc.font(bold).fontSize(11);
  let b = write(t.to, toX, y, col);
  doc.font(regular).fontSize(10);
  b = write(store.name, toX, b, col);
  b = write(store.country, toX, b, col);
  const ownerEmail = store.memberships[0]?.user.email;
  if (ownerEmail) b = write(ownerEmail, toX, b, col);
  b = write(`${t.taxId}: ${t.none}`, toX, b, col);
  doc.y = Math.max(a, b) + 24;

  const amountWidth = 140;
  const textWidth = width - amountWidth - 8;
  const row = (text: string, amount: string, isBold = false) => {
    const top = doc.y;
    doc.font(isBold ? bold : regular).fontSize(10);
    const end = write(text, box(0, textWidth), top, textWidth);
    const endAmount = write(amount, box(width - amountWidth, amountWidth), top, amountWidth, "end");
    doc.y = Math.max(end, endAmount) + 6;
  };
  row(t.description, t.amount, true);
  doc.moveTo(left, doc.y).lineTo(right, doc.y).strokeColor("#d1d5db").stroke();
  doc.y += 6;
  for (const l of lines) row(l.text, l.amount);
  doc.moveTo(left, doc.y).lineTo(right, doc.y).stroke();
  doc.y += 6;
  const totalEntries = Object.entries(totals).sort(([x], [z]) => x.localeCompare(z));
  if (totalEntries.length === 0) row(fill(t.total, { currency: invoice.currency }), money(0, invoice.currency), true);
  for (const [currency, minor] of totalEntries) row(fill(t.total, { currency }), money(minor, currency), true);

  doc.font(regular).fontSize(8).fillColor("#6b7280");
  write(fill(t.footer, { number: invoice.number }), left, doc.page.height - 80, width, "center");
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
