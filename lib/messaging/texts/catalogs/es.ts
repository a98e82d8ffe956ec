import type { Catalog } from "../types";

export const es: Catalog = {
  publicReply: {
    friendly: "¡Listo[ @{name}]! Te enviamos el detalle por mensaje privado 📩",
    formal: "Gracias[, {name}]. Le enviamos el detalle por mensaje privado.",
    fun: "¡Tuyo[ @{name}]! 🎉 Revisa tus mensajes privados 📩",
  },
  publicReplyFallback: {
    friendly: "¡Gracias[ @{name}]! Escríbenos por Messenger a {store} para terminar tu compra 💬",
    formal: "Gracias[, {name}]. Por favor escríbanos por Messenger a {store} para completar su compra.",
    fun: "¡Anotado[ @{name}]! 🙌 Mándale un mensaje a {store} y cerramos tu compra 💬",
  },
  checkoutIntro: {
    friendly: "¡Hola[ {name}]! Te reservamos esto en {store}:",
    formal: "Hola[ {name}]. Reservamos para usted en {store}:",
    fun: "¡Es tuyo[, {name}]! 🛍️ Esto te guardamos en {store}:",
  },
  cartUpdatedIntro: {
    friendly: "¡Listo[ {name}]! Sumamos lo nuevo a tu carrito:",
    formal: "Actualizamos su carrito[, {name}]:",
    fun: "¡Más cositas[ para ti, {name}]! 🛒 Tu carrito quedó así:",
  },
  cartLine: "• {qty} × {product} — {amount}",
  moreItems: "…y {count} más",
  total: "Total: {total}",
  holdUntil: {
    friendly: "Te lo guardamos hasta las {time} ⏰",
    formal: "La reserva es válida hasta las {time}.",
    fun: "¡Corre! Te lo guardamos hasta las {time} ⏰",
  },
  payButton: "Pagar ahora",
  transferHint: "Si el pago con tarjeta no funciona, en el mismo link puedes pagar por transferencia.",
  payLink: "Paga aquí: {url}",
  confirmQuestion: {
    friendly: "¿Quieres {qty} × {product}?",
    formal: "¿Desea {qty} × {product}?",
    fun: "¿Te llevas {qty} × {product}? 😍",
  },
  confirmYes: "Sí",
  confirmNo: "No",
  confirmOther: "Otro producto",
  outOfStock: {
    friendly: "Uy[ {name}], {product} se agotó 😢 ¿Te avisamos si vuelve?",
    formal: "Lo sentimos[, {name}]: {product} está agotado. ¿Desea que le avisemos cuando vuelva?",
    fun: "¡Noo! 😱 {product} voló. ¿Te avisamos apenas vuelva?",
  },
  joinWaitlist: "Avísame",
  noThanks: "No, gracias",
  cancelDone: {
    friendly: "Listo[ {name}], cancelamos tu pedido. ¡Cuando quieras, comenta de nuevo en el live!",
    formal: "Su pedido fue cancelado[, {name}]. Puede volver a comentar en el live cuando lo desee.",
    fun: "¡Hecho! ✌️ Cancelamos tu pedido. Si te arrepientes, comenta otra vez 😉",
  },
  optOutDone: "Listo, no te enviaremos más mensajes. Si quieres volver a comprar, solo comenta en el live.",
  dataErasedDone: "Borramos tus datos personales y no te enviaremos más mensajes.",
  reminder: {
    friendly: "⏰[ {name},] tu reserva vence en {minutes} min (a las {time}). ¡Aún estás a tiempo de pagar!",
    formal: "Le recordamos[, {name},] que su reserva vence en {minutes} minutos ({time}).",
    fun: "¡Tic tac[ {name}]! ⏳ Tu reserva vence en {minutes} min ({time}). ¡Que no se te escape!",
  },
  expired: {
    friendly: "Tu reserva venció y liberamos el stock, pero guardamos tu carrito[, {name}]. ¿Quieres reservar de nuevo?",
    formal: "Su reserva expiró y el stock fue liberado. Conservamos su carrito por si desea reservar nuevamente.",
    fun: "¡Ups, se acabó el tiempo! ⌛ Guardamos tu carrito por si quieres intentarlo otra vez 💪",
  },
  reserveAgain: "Reservar de nuevo",
  paymentReceived: {
    friendly: "¡Pago recibido[, {name}]! Tu pedido {order} está confirmado 🎉",
    formal: "Hemos recibido su pago[, {name}]. Su pedido {order} está confirmado.",
    fun: "¡Yay, pagado! 🥳 Tu pedido {order} ya es oficial.",
  },
  paidTotal: "Total pagado: {total}",
  viewOrder: "Ver pedido",
  sellerMessagingBlocked:
    "Meta bloqueó los mensajes privados de tu página. El live pasó a solo respuestas públicas: los compradores pendientes no recibirán su link.",
  sellerOrderPaid: "💰 Pedido {order} pagado por {buyer}: {total}",
  sellerNeedsReview: "Comentario por revisar de {buyer}: “{text}”",
  sellerRefundNeeded: "El pedido {order} se pagó ({total}) pero ya no hay stock: requiere reembolso.",
  sellerTokenInvalid: "La conexión con tu página de Facebook expiró. Vuelve a conectarla para seguir vendiendo.",
  sellerRateLimited: "Meta está limitando los envíos; los mensajes pendientes se reintentarán automáticamente.",
  sellerOutOfStock: "{product} se agotó; {buyer} quedó en la lista de espera.",
};
