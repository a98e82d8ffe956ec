import type { UiLocale } from "./languages";
import { ar } from "./locales/ar/emails";
import { en, type EmailTexts } from "./locales/en/emails";
import { es } from "./locales/es/emails";
import { pt } from "./locales/pt/emails";

// Every email the platform sends, in the dashboard's languages; rendered by lib/email/render-email.ts.

export type { EmailTemplate } from "./locales/en/emails";

export const EMAIL_TEXTS: Record<UiLocale, EmailTexts> = { en, es, pt, ar };
