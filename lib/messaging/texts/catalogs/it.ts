import type { Catalog } from "../types";

export const it: Catalog = {
  publicReply: {
    friendly: "Fatto[ @{name}]! Ti abbiamo mandato i dettagli in privato 📩",
    formal: "Grazie[, {name}]. Le abbiamo inviato i dettagli in un messaggio privato.",
    fun: "È tuo[ @{name}]! 🎉 Controlla i messaggi privati 📩",
  },
  publicReplyFallback: {
    friendly: "Grazie[ @{name}]! Scrivi a {store} su Messenger per completare l'acquisto 💬",
    formal: "Grazie[, {name}]. La preghiamo di scrivere a {store} su Messenger per completare l'acquisto.",
    fun: "Preso[ @{name}]! 🙌 Scrivi a {store} e chiudiamo il tuo ordine 💬",
  },
  checkoutIntro: {
    friendly: "Ciao[ {name}]! Ti abbiamo riservato questo da {store}:",
    formal: "Buongiorno[ {name}]. Abbiamo riservato per Lei da {store}:",
    fun: "È tuo[, {name}]! 🛍️ Ecco cosa ti teniamo da {store}:",
  },
  cartUpdatedIntro: {
    friendly: "Fatto[ {name}]! Abbiamo aggiunto il nuovo articolo al carrello:",
    formal: "Abbiamo aggiornato il Suo carrello[, {name}]:",
    fun: "Altre chicche[ per te, {name}]! 🛒 Il tuo carrello:",
  },
  cartLine: "• {qty} × {product} — {amount}",
  moreItems: "…e altri {count}",
  total: "Totale: {total}",
  holdUntil: {
    friendly: "Te lo teniamo fino alle {time} ⏰",
    formal: "La prenotazione è valida fino alle {time}.",
    fun: "Corri! Te lo teniamo fino alle {time} ⏰",
  },
  payButton: "Paga ora",
  transferHint: "Se il pagamento con carta non funziona, dallo stesso link puoi pagare con bonifico.",
  payLink: "Paga qui: {url}",
  confirmQuestion: {
    friendly: "Vuoi {qty} × {product}?",
    formal: "Desidera {qty} × {product}?",
    fun: "Prendi {qty} × {product}? 😍",
  },
  confirmYes: "Sì",
  confirmNo: "No",
  confirmOther: "Altro prodotto",
  outOfStock: {
    friendly: "Peccato[ {name}], {product} è esaurito 😢 Ti avvisiamo quando torna?",
    formal: "Ci dispiace[, {name}]: {product} è esaurito. Desidera essere avvisato quando torna disponibile?",
    fun: "Nooo! 😱 {product} è volato via. Ti avvisiamo appena torna?",
  },
  joinWaitlist: "Avvisami",
  noThanks: "No, grazie",
  cancelDone: {
    friendly: "Fatto[ {name}], abbiamo annullato il tuo ordine. Commenta di nuovo nella live quando vuoi!",
    formal: "Il Suo ordine è stato annullato[, {name}]. Può commentare di nuovo nella live quando desidera.",
    fun: "Fatto! ✌️ Ordine annullato. Se ci ripensi, commenta di nuovo 😉",
  },
  optOutDone: "Fatto, non ti invieremo più messaggi. Per acquistare di nuovo, commenta nella live.",
  dataErasedDone: "Abbiamo cancellato i tuoi dati personali e non ti invieremo più messaggi.",
  reminder: {
    friendly: "⏰[ {name},] la tua prenotazione scade tra {minutes} min (alle {time}). Sei ancora in tempo per pagare!",
    formal: "Le ricordiamo[, {name},] che la Sua prenotazione scade tra {minutes} minuti ({time}).",
    fun: "Tic tac[ {name}]! ⏳ La tua prenotazione scade tra {minutes} min ({time}). Non fartela scappare!",
  },
  expired: {
    friendly: "La tua prenotazione è scaduta e abbiamo liberato lo stock, ma abbiamo tenuto il carrello[, {name}]. Vuoi prenotare di nuovo?",
    formal: "La Sua prenotazione è scaduta e lo stock è stato liberato. Abbiamo conservato il carrello se desidera prenotare di nuovo.",
    fun: "Ops, tempo scaduto! ⌛ Ti abbiamo tenuto il carrello se vuoi riprovare 💪",
  },
  reserveAgain: "Prenota di nuovo",
  paymentReceived: {
    friendly: "Pagamento ricevuto[, {name}]! Il tuo ordine {order} è confermato 🎉",
    formal: "Abbiamo ricevuto il Suo pagamento[, {name}]. Il Suo ordine {order} è confermato.",
    fun: "Evviva, pagato! 🥳 Il tuo ordine {order} è ufficiale.",
  },
  paidTotal: "Totale pagato: {total}",
  viewOrder: "Vedi ordine",
  sellerMessagingBlocked:
    "Meta ha bloccato i messaggi privati della tua Pagina. La live è passata alle sole risposte pubbliche: gli acquirenti in attesa non riceveranno il link.",
  sellerOrderPaid: "💰 Ordine {order} pagato da {buyer}: {total}",
  sellerNeedsReview: "Commento da verificare di {buyer}: «{text}»",
  sellerRefundNeeded: "L'ordine {order} è stato pagato ({total}) ma lo stock è finito: serve un rimborso.",
  sellerTokenInvalid: "La connessione alla tua Pagina Facebook è scaduta. Ricollegala per continuare a vendere.",
  sellerRateLimited: "Meta sta limitando gli invii; i messaggi in sospeso verranno ritentati automaticamente.",
  sellerOutOfStock: "{product} è esaurito; {buyer} è in lista d'attesa.",
};
