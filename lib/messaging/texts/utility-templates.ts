import { UTILITY_TEMPLATE_TEXTS } from "@/lib/i18n/bot-templates";
import { utilityTemplateMessage, type MetaUtilityTemplateMessage } from "@/lib/meta/messages";
import { resolveMessageLocale } from "./locale";
import type { MessageLocale } from "./types";

// Outside the 24 h window (and after a private reply the buyer never answered, which does not open
// the window) Meta only delivers approved utility templates with messaging_type UTILITY. These are
// the product's templates: `utilityTemplateDefinition` is the body to register them once per page
// and language (POST /{page-id}/message_templates), `renderUtilityMessage` fills one in to send.

const UTILITY_TEMPLATE_KINDS = ["payment_received", "reservation_reminder", "reservation_expired", "transfer_under_review", "transfer_rejected", "order_shipped", "pickup_ready"] as const;
export type UtilityTemplateKind = (typeof UTILITY_TEMPLATE_KINDS)[number];

type ParamsFor = {
  payment_received: { customer_name: string; order_ref: string; total: string };
  reservation_reminder: { customer_name: string; expires_at: string };
  reservation_expired: { customer_name: string };
  transfer_under_review: { customer_name: string; order_ref: string; held_until: string };
  transfer_rejected: { customer_name: string; order_ref: string; reason: string };
  order_shipped: { customer_name: string; order_ref: string; carrier: string; tracking_number: string };
  pickup_ready: { customer_name: string; order_ref: string; address: string; hours: string };
};

// Meta's template language codes: Portuguese exists only as pt_BR / pt_PT.
const META_LANGUAGE: Record<MessageLocale, string> = { es: "es", pt: "pt_BR", en: "en", fr: "fr", it: "it", ar: "ar" };

const EXAMPLES: Record<string, string> = { customer_name: "Ana", order_ref: "A1B2C3", total: "$15.990", expires_at: "18:30", held_until: "7 dic, 18:30", reason: "el monto no coincide", carrier: "Starken", tracking_number: "ST123456789", address: "Av. Providencia 1234, Santiago", hours: "lun-vie 10:00-18:00" };

function utilityTemplateName(kind: UtilityTemplateKind): string {
  return `lss_${kind}`;
}

/** The create-template request body for one kind and language; URL buttons open `${appUrl}/{suffix}`. */
export function utilityTemplateDefinition({ kind, locale, appUrl }: { kind: UtilityTemplateKind; locale: MessageLocale; appUrl: string }) {
  const texts = UTILITY_TEMPLATE_TEXTS[locale];
  const body = texts.bodies[kind];
  const params = Array.from(body.matchAll(/\{\{(\w+)\}\}/g), (m) => m[1]!);
  const label = kind === "payment_received" || kind.startsWith("transfer_") || kind === "order_shipped" || kind === "pickup_ready" ? texts.buttons.order : texts.buttons.pay;
  return {
    name: utilityTemplateName(kind),
    language: META_LANGUAGE[locale],
    category: "UTILITY" as const,
    parameter_format: "NAMED" as const,
    components: [
      {
        type: "BODY" as const,
        text: body,
        example: { body_text_named_params: params.map((p) => ({ param_name: p, example: EXAMPLES[p] ?? p })) },
      },
      {
        type: "BUTTONS" as const,
        buttons: [
          {
            type: "URL" as const,
            text: label,
            url: `${appUrl.replace(/\/+$/, "")}/{{1}}`,
            example: { url_suffix_example: `${appUrl.replace(/\/+$/, "")}/checkout/ord_123?t=abc` },
          },
        ],
      },
    ],
  };
}

/**
 * A utility template ready for sendMessage({ messagingType: "UTILITY" }). `urlSuffix` is the path
 * after the app URL, e.g. "checkout/ord_123?t=abc".
 */
export function renderUtilityMessage<K extends UtilityTemplateKind>({
  kind,
  locale,
  storeLocale,
  params,
  urlSuffix,
}: {
  kind: K;
  locale?: string | null;
  storeLocale?: string | null;
  params: ParamsFor[K];
  urlSuffix: string;
}): MetaUtilityTemplateMessage {
  const language = resolveMessageLocale({ requested: locale, storeDefault: storeLocale });
  return utilityTemplateMessage({
    name: utilityTemplateName(kind),
    languageCode: META_LANGUAGE[language],
    bodyParameters: params as Record<string, string>,
    urlSuffix: urlSuffix.replace(/^\/+/, ""),
  });
}
