import type { UtilityTemplateTexts } from "../en/bot-templates";

export const pt: UtilityTemplateTexts = {
  bodies: {
    payment_received: "Olá {{customer_name}}, recebemos seu pagamento de {{total}}. Seu pedido {{order_ref}} está confirmado.",
    reservation_reminder: "Olá {{customer_name}}, sua reserva vence às {{expires_at}}. Você pode concluir o pagamento pelo botão.",
    reservation_expired: "Olá {{customer_name}}, sua reserva venceu. Guardamos seu carrinho caso queira reservar de novo.",
    transfer_under_review: "Olá {{customer_name}}, recebemos seu comprovante do pedido {{order_ref}}. Sua reserva continua enquanto a loja confere a transferência (até {{held_until}}).",
    transfer_rejected: "Olá {{customer_name}}, a loja não conseguiu confirmar sua transferência do pedido {{order_ref}}: {{reason}}. Você pode enviar um novo comprovante pelo botão.",
    order_shipped: "Olá {{customer_name}}, seu pedido {{order_ref}} foi enviado por {{carrier}}. Código de rastreio: {{tracking_number}}.",
    pickup_ready: "Olá {{customer_name}}, seu pedido {{order_ref}} está pronto para retirada em {{address}}. Horário: {{hours}}.",
  },
  buttons: { pay: "Pagar agora", order: "Ver pedido" },
};
