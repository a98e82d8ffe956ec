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

const BODIES: Record<UtilityTemplateKind, Record<MessageLocale, string>> = {
  payment_received: {
    es: "Hola {{customer_name}}, recibimos tu pago de {{total}}. Tu pedido {{order_ref}} está confirmado.",
    pt: "Olá {{customer_name}}, recebemos seu pagamento de {{total}}. Seu pedido {{order_ref}} está confirmado.",
    en: "Hi {{customer_name}}, we received your payment of {{total}}. Your order {{order_ref}} is confirmed.",
    fr: "Bonjour {{customer_name}}, nous avons reçu votre paiement de {{total}}. Votre commande {{order_ref}} est confirmée.",
    it: "Ciao {{customer_name}}, abbiamo ricevuto il tuo pagamento di {{total}}. Il tuo ordine {{order_ref}} è confermato.",
    ar: "مرحبًا {{customer_name}}، استلمنا دفعتك بقيمة {{total}}. تم تأكيد طلبك {{order_ref}}.",
  },
  reservation_reminder: {
    es: "Hola {{customer_name}}, tu reserva vence a las {{expires_at}}. Puedes completar el pago desde el botón.",
    pt: "Olá {{customer_name}}, sua reserva vence às {{expires_at}}. Você pode concluir o pagamento pelo botão.",
    en: "Hi {{customer_name}}, your reservation expires at {{expires_at}}. You can complete the payment with the button.",
    fr: "Bonjour {{customer_name}}, votre réservation expire à {{expires_at}}. Vous pouvez finaliser le paiement avec le bouton.",
    it: "Ciao {{customer_name}}, la tua prenotazione scade alle {{expires_at}}. Puoi completare il pagamento con il pulsante.",
    ar: "مرحبًا {{customer_name}}، ينتهي حجزك عند {{expires_at}}. يمكنك إتمام الدفع من الزر.",
  },
  reservation_expired: {
    es: "Hola {{customer_name}}, tu reserva venció. Guardamos tu carrito por si quieres reservar de nuevo.",
    pt: "Olá {{customer_name}}, sua reserva venceu. Guardamos seu carrinho caso queira reservar de novo.",
    en: "Hi {{customer_name}}, your reservation expired. We kept your cart in case you want to reserve again.",
    fr: "Bonjour {{customer_name}}, votre réservation a expiré. Nous avons gardé votre panier si vous souhaitez réserver à nouveau.",
    it: "Ciao {{customer_name}}, la tua prenotazione è scaduta. Abbiamo tenuto il carrello se vuoi prenotare di nuovo.",
    ar: "مرحبًا {{customer_name}}، انتهى حجزك. احتفظنا بسلتك إن أردت الحجز مجددًا.",
  },
  transfer_under_review: {
    es: "Hola {{customer_name}}, recibimos tu comprobante del pedido {{order_ref}}. Tu reserva se mantiene mientras la tienda revisa la transferencia (hasta el {{held_until}}).",
    pt: "Olá {{customer_name}}, recebemos seu comprovante do pedido {{order_ref}}. Sua reserva continua enquanto a loja confere a transferência (até {{held_until}}).",
    en: "Hi {{customer_name}}, we received your receipt for order {{order_ref}}. Your reservation is kept while the store checks the transfer (until {{held_until}}).",
    fr: "Bonjour {{customer_name}}, nous avons reçu votre justificatif pour la commande {{order_ref}}. Votre réservation est maintenue pendant que la boutique vérifie le virement (jusqu'au {{held_until}}).",
    it: "Ciao {{customer_name}}, abbiamo ricevuto la ricevuta dell'ordine {{order_ref}}. La prenotazione resta valida mentre il negozio verifica il bonifico (fino al {{held_until}}).",
    ar: "مرحبًا {{customer_name}}، استلمنا إيصالك للطلب {{order_ref}}. يبقى حجزك قائمًا بينما يراجع المتجر التحويل (حتى {{held_until}}).",
  },
  transfer_rejected: {
    es: "Hola {{customer_name}}, la tienda no pudo confirmar tu transferencia del pedido {{order_ref}}: {{reason}}. Puedes subir un nuevo comprobante desde el botón.",
    pt: "Olá {{customer_name}}, a loja não conseguiu confirmar sua transferência do pedido {{order_ref}}: {{reason}}. Você pode enviar um novo comprovante pelo botão.",
    en: "Hi {{customer_name}}, the store could not confirm your transfer for order {{order_ref}}: {{reason}}. You can upload a new receipt with the button.",
    fr: "Bonjour {{customer_name}}, la boutique n'a pas pu confirmer votre virement pour la commande {{order_ref}} : {{reason}}. Vous pouvez envoyer un nouveau justificatif avec le bouton.",
    it: "Ciao {{customer_name}}, il negozio non ha potuto confermare il bonifico dell'ordine {{order_ref}}: {{reason}}. Puoi caricare una nuova ricevuta con il pulsante.",
    ar: "مرحبًا {{customer_name}}، لم يتمكن المتجر من تأكيد تحويلك للطلب {{order_ref}}: {{reason}}. يمكنك رفع إيصال جديد من الزر.",
  },
  order_shipped: {
    es: "Hola {{customer_name}}, tu pedido {{order_ref}} fue enviado por {{carrier}}. Número de seguimiento: {{tracking_number}}.",
    pt: "Olá {{customer_name}}, seu pedido {{order_ref}} foi enviado por {{carrier}}. Código de rastreio: {{tracking_number}}.",
    en: "Hi {{customer_name}}, your order {{order_ref}} was shipped with {{carrier}}. Tracking number: {{tracking_number}}.",
    fr: "Bonjour {{customer_name}}, votre commande {{order_ref}} a été expédiée par {{carrier}}. Numéro de suivi : {{tracking_number}}.",
    it: "Ciao {{customer_name}}, il tuo ordine {{order_ref}} è stato spedito con {{carrier}}. Numero di tracking: {{tracking_number}}.",
    ar: "مرحبًا {{customer_name}}، تم شحن طلبك {{order_ref}} عبر {{carrier}}. رقم التتبع: {{tracking_number}}.",
  },
  pickup_ready: {
    es: "Hola {{customer_name}}, tu pedido {{order_ref}} está listo para retirar en {{address}}. Horario: {{hours}}.",
    pt: "Olá {{customer_name}}, seu pedido {{order_ref}} está pronto para retirada em {{address}}. Horário: {{hours}}.",
    en: "Hi {{customer_name}}, your order {{order_ref}} is ready for pickup at {{address}}. Hours: {{hours}}.",
    fr: "Bonjour {{customer_name}}, votre commande {{order_ref}} est prête à être retirée à {{address}}. Horaires : {{hours}}.",
    it: "Ciao {{customer_name}}, il tuo ordine {{order_ref}} è pronto per il ritiro in {{address}}. Orari: {{hours}}.",
    ar: "مرحبًا {{customer_name}}، طلبك {{order_ref}} جاهز للاستلام من {{address}}. ساعات العمل: {{hours}}.",
  },
};

const BUTTON_LABELS: Record<MessageLocale, { pay: string; order: string }> = {
  es: { pay: "Pagar ahora", order: "Ver pedido" },
  pt: { pay: "Pagar agora", order: "Ver pedido" },
  en: { pay: "Pay now", order: "View order" },
  fr: { pay: "Payer", order: "Voir la commande" },
  it: { pay: "Paga ora", order: "Vedi ordine" },
  ar: { pay: "ادفع الآن", order: "عرض الطلب" },
};

// Meta's template language codes: Portuguese exists only as pt_BR / pt_PT.
const META_LANGUAGE: Record<MessageLocale, string> = { es: "es", pt: "pt_BR", en: "en", fr: "fr", it: "it", ar: "ar" };

const EXAMPLES: Record<string, string> = { customer_name: "Ana", order_ref: "A1B2C3", total: "$15.990", expires_at: "18:30", held_until: "7 dic, 18:30", reason: "el monto no coincide", carrier: "Starken", tracking_number: "ST123456789", address: "Av. Providencia 1234, Santiago", hours: "lun-vie 10:00-18:00" };

function utilityTemplateName(kind: UtilityTemplateKind): string {
  return `lss_${kind}`;
}

/** The create-template request body for one kind and language; URL buttons open `${appUrl}/{suffix}`. */
export function utilityTemplateDefinition({ kind, locale, appUrl }: { kind: UtilityTemplateKind; locale: MessageLocale; appUrl: string }) {
  const body = BODIES[kind][locale];
  const params = Array.from(body.matchAll(/\{\{(\w+)\}\}/g), (m) => m[1]!);
  const label = kind === "payment_received" || kind.startsWith("transfer_") || kind === "order_shipped" || kind === "pickup_ready" ? BUTTON_LABELS[locale].order : BUTTON_LABELS[locale].pay;
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
