import type { UtilityTemplateTexts } from "../en/bot-templates";

export const fr: UtilityTemplateTexts = {
  bodies: {
    payment_received: "Bonjour {{customer_name}}, nous avons reçu votre paiement de {{total}}. Votre commande {{order_ref}} est confirmée.",
    reservation_reminder: "Bonjour {{customer_name}}, votre réservation expire à {{expires_at}}. Vous pouvez finaliser le paiement avec le bouton.",
    reservation_expired: "Bonjour {{customer_name}}, votre réservation a expiré. Nous avons gardé votre panier si vous souhaitez réserver à nouveau.",
    transfer_under_review: "Bonjour {{customer_name}}, nous avons reçu votre justificatif pour la commande {{order_ref}}. Votre réservation est maintenue pendant que la boutique vérifie le virement (jusqu'au {{held_until}}).",
    transfer_rejected: "Bonjour {{customer_name}}, la boutique n'a pas pu confirmer votre virement pour la commande {{order_ref}} : {{reason}}. Vous pouvez envoyer un nouveau justificatif avec le bouton.",
    order_shipped: "Bonjour {{customer_name}}, votre commande {{order_ref}} a été expédiée par {{carrier}}. Numéro de suivi : {{tracking_number}}.",
    pickup_ready: "Bonjour {{customer_name}}, votre commande {{order_ref}} est prête à être retirée à {{address}}. Horaires : {{hours}}.",
  },
  buttons: { pay: "Payer", order: "Voir la commande" },
};
