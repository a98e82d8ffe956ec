import type { Catalog } from "../types";

export const pt: Catalog = {
  publicReply: {
    friendly: "Pronto[ @{name}]! Enviamos os detalhes por mensagem privada 📩",
    formal: "Obrigado[, {name}]. Enviamos os detalhes por mensagem privada.",
    fun: "É seu[ @{name}]! 🎉 Confira suas mensagens privadas 📩",
  },
  publicReplyFallback: {
    friendly: "Obrigado[ @{name}]! Mande uma mensagem para {store} no Messenger para finalizar sua compra 💬",
    formal: "Obrigado[, {name}]. Por favor, envie uma mensagem para {store} no Messenger para concluir sua compra.",
    fun: "Anotado[ @{name}]! 🙌 Chama {store} no Messenger e a gente fecha sua compra 💬",
  },
  checkoutIntro: {
    friendly: "Oi[ {name}]! Reservamos isto para você na {store}:",
    formal: "Olá[ {name}]. Reservamos para você na {store}:",
    fun: "É seu[, {name}]! 🛍️ Guardamos isto na {store}:",
  },
  cartUpdatedIntro: {
    friendly: "Pronto[ {name}]! Adicionamos o novo item ao seu carrinho:",
    formal: "Atualizamos o seu carrinho[, {name}]:",
    fun: "Mais coisinhas[ para você, {name}]! 🛒 Seu carrinho ficou assim:",
  },
  cartLine: "• {qty} × {product} — {amount}",
  moreItems: "…e mais {count}",
  total: "Total: {total}",
  holdUntil: {
    friendly: "Guardamos para você até as {time} ⏰",
    formal: "A reserva é válida até as {time}.",
    fun: "Corre! Guardamos até as {time} ⏰",
  },
  payButton: "Pagar agora",
  transferHint: "Se o pagamento com cartão não funcionar, no mesmo link você pode pagar por transferência.",
  payLink: "Pague aqui: {url}",
  confirmQuestion: {
    friendly: "Você quer {qty} × {product}?",
    formal: "Deseja {qty} × {product}?",
    fun: "Vai levar {qty} × {product}? 😍",
  },
  confirmYes: "Sim",
  confirmNo: "Não",
  confirmOther: "Outro produto",
  outOfStock: {
    friendly: "Poxa[ {name}], {product} esgotou 😢 Quer que a gente avise quando voltar?",
    formal: "Sentimos muito[, {name}]: {product} está esgotado. Deseja ser avisado quando voltar?",
    fun: "Nããão! 😱 {product} voou. Te avisamos assim que voltar?",
  },
  joinWaitlist: "Me avise",
  noThanks: "Não, obrigado",
  cancelDone: {
    friendly: "Pronto[ {name}], cancelamos seu pedido. Quando quiser, é só comentar de novo na live!",
    formal: "Seu pedido foi cancelado[, {name}]. Você pode comentar novamente na live quando desejar.",
    fun: "Feito! ✌️ Pedido cancelado. Se mudar de ideia, comenta de novo 😉",
  },
  optOutDone: "Pronto, não enviaremos mais mensagens. Se quiser comprar de novo, é só comentar na live.",
  dataErasedDone: "Apagamos seus dados pessoais e não enviaremos mais mensagens.",
  reminder: {
    friendly: "⏰[ {name},] sua reserva vence em {minutes} min (às {time}). Ainda dá tempo de pagar!",
    formal: "Lembramos[, {name},] que sua reserva vence em {minutes} minutos ({time}).",
    fun: "Tic-tac[ {name}]! ⏳ Sua reserva vence em {minutes} min ({time}). Não deixa escapar!",
  },
  expired: {
    friendly: "Sua reserva venceu e liberamos o estoque, mas guardamos seu carrinho[, {name}]. Quer reservar de novo?",
    formal: "Sua reserva expirou e o estoque foi liberado. Mantivemos seu carrinho caso deseje reservar novamente.",
    fun: "Ops, o tempo acabou! ⌛ Guardamos seu carrinho se quiser tentar de novo 💪",
  },
  reserveAgain: "Reservar de novo",
  paymentReceived: {
    friendly: "Pagamento recebido[, {name}]! Seu pedido {order} está confirmado 🎉",
    formal: "Recebemos seu pagamento[, {name}]. Seu pedido {order} está confirmado.",
    fun: "Eba, pago! 🥳 Seu pedido {order} é oficial.",
  },
  paidTotal: "Total pago: {total}",
  viewOrder: "Ver pedido",
  sellerMessagingBlocked:
    "A Meta bloqueou as mensagens privadas da sua página. A live passou a usar só respostas públicas: compradores pendentes não receberão o link.",
  sellerOrderPaid: "💰 Pedido {order} pago por {buyer}: {total}",
  sellerNeedsReview: "Comentário para revisar de {buyer}: “{text}”",
  sellerRefundNeeded: "O pedido {order} foi pago ({total}), mas não há mais estoque: precisa de reembolso.",
  sellerTokenInvalid: "A conexão com sua página do Facebook expirou. Conecte-a de novo para continuar vendendo.",
  sellerRateLimited: "A Meta está limitando os envios; as mensagens pendentes serão reenviadas automaticamente.",
  sellerOutOfStock: "{product} esgotou; {buyer} entrou na lista de espera.",
};
