import type { UtilityTemplateTexts } from "../en/bot-templates";

export const es: UtilityTemplateTexts = {
  bodies: {
    payment_received: "Hola {{customer_name}}, recibimos tu pago de {{total}}. Tu pedido {{order_ref}} está confirmado.",
    reservation_reminder: "Hola {{customer_name}}, tu reserva vence a las {{expires_at}}. Puedes completar el pago desde el botón.",
    reservation_expired: "Hola {{customer_name}}, tu reserva venció. Guardamos tu carrito por si quieres reservar de nuevo.",
    transfer_under_review: "Hola {{customer_name}}, recibimos tu comprobante del pedido {{order_ref}}. Tu reserva se mantiene mientras la tienda revisa la transferencia (hasta el {{held_until}}).",
    transfer_rejected: "Hola {{customer_name}}, la tienda no pudo confirmar tu transferencia del pedido {{order_ref}}: {{reason}}. Puedes subir un nuevo comprobante desde el botón.",
    order_shipped: "Hola {{customer_name}}, tu pedido {{order_ref}} fue enviado por {{carrier}}. Número de seguimiento: {{tracking_number}}.",
    pickup_ready: "Hola {{customer_name}}, tu pedido {{order_ref}} está listo para retirar en {{address}}. Horario: {{hours}}.",
  },
  buttons: { pay: "Pagar ahora", order: "Ver pedido" },
};
