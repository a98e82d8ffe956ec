import { format } from "@/lib/i18n/format";
import { dirOf, localeOf, UI_LOCALES, type UiLocale } from "@/lib/i18n/languages";
import { EMAIL_TEXTS, type EmailTemplate } from "@/lib/i18n/emails";

export type RenderedEmail = { subject: string; html: string; text: string; locale: UiLocale };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** One email in the user's language (es, en, pt, ar; anything else falls back to es), as HTML and plain text. */
export function renderEmail({ template, locale, vars, link, listItems }: { template: EmailTemplate; locale: string | null | undefined; vars: Record<string, string>; link?: string; listItems?: string[] }): RenderedEmail {
  const ui: UiLocale = localeOf(UI_LOCALES, (locale ?? "").slice(0, 2)) ?? "es";
  const t = EMAIL_TEXTS[ui][template];
  const plain = (s: string) => format(s, vars, { isolate: false });
  const html = (s: string) => format(escapeHtml(s), vars, { isolate: false, escape: escapeHtml });
  const subject = plain(t.subject);
  // An optional list under the body (e.g. the questions a live left unanswered); its texts are data, never templates.
  const items = t.list && listItems?.length ? listItems : [];
  const listText = items.length ? ["", plain(t.list!), ...items.map((i) => `- ${i}`)] : [];
  const listHtml = items.length ? `<p style="margin-bottom:4px"><strong>${html(t.list!)}</strong></p><ul style="line-height:1.5;margin-top:0">${items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>` : "";
  const text = [plain(t.heading), "", plain(t.body), ...listText, ...(link && t.action ? ["", `${plain(t.action)}: ${link}`] : []), "", plain(t.footer)].join("\n");
  const button = link && t.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(link)}" style="background:#111827;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;display:inline-block">${html(t.action)}</a></p><p style="font-size:12px;color:#6b7280;word-break:break-all">${escapeHtml(link)}</p>`
    : "";
  const body = `<!doctype html><html lang="${ui}" dir="${dirOf(ui)}"><head><meta charset="utf-8"><title>${html(t.subject)}</title></head>`
    + `<body style="font-family:system-ui,sans-serif;background:#f9fafb;padding:24px"><div style="max-width:520px;margin:auto;background:#fff;border-radius:12px;padding:24px">`
    + `<h1 style="font-size:20px">${html(t.heading)}</h1><p style="line-height:1.5">${html(t.body)}</p>${listHtml}${button}`
    + `<p style="font-size:12px;color:#6b7280;margin-top:24px">${html(t.footer)}</p></div></body></html>`;
  return { subject, html: body, text, locale: ui };
}
