import type { UtilityTemplateTexts } from "../en/bot-templates";

export const it: UtilityTemplateTexts = {
  bodies: {
    payment_received: "Ciao {{customer_name}}, abbiamo ricevuto il tuo pagamento di {{total}}. Il tuo ordine {{order_ref}} è confermato.",
    reservation_reminder: "Ciao {{customer_name}}, la tua prenotazione scade alle {{expires_at}}. Puoi completare il pagamento con il pulsante.",
    reservation_expired: "Ciao {{customer_name}}, la tua prenotazione è scaduta. Abbiamo tenuto il carrello se vuoi prenotare di nuovo.",
    transfer_under_review: "Ciao {{customer_name}}, abbiamo ricevuto la ricevuta dell'ordine {{order_ref}}. La prenotazione resta valida mentre il negozio verifica il bonifico (fino al {{held_until}}).",
    transfer_rejected: "Ciao {{customer_name}}, il negozio non ha potuto confermare il bonifico dell'ordine {{order_ref}}: {{reason}}. Puoi caricare una nuova ricevuta con il pulsante.",
    order_shipped: "Ciao {{customer_name}}, il tuo ordine {{order_ref}} è stato spedito con {{carrier}}. Numero di tracking: {{tracking_number}}.",
    pickup_ready: "Ciao {{customer_name}}, il tuo ordine {{order_ref}} è pronto per il ritiro in {{address}}. Orari: {{hours}}.",
  },
  buttons: { pay: "Paga ora", order: "Vedi ordine" },
};
