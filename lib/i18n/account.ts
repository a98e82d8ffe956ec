import type { UiLocale } from "./languages";
import { ar } from "./locales/ar/account";
import { en, type AccountMessages } from "./locales/en/account";
import { es } from "./locales/es/account";
import { pt } from "./locales/pt/account";

// Strings of the account and security screens: forgot / reset password, two-step sign-in, Settings →
// Security and Audit, test payments, and the admin panel's mailbox.

export type { AccountMessages };

const ALL: Record<UiLocale, AccountMessages> = { en, es, pt, ar };

export function accountMessages(locale: UiLocale): AccountMessages {
  return ALL[locale];
}
