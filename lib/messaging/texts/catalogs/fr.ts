import type { Catalog } from "../types";

export const fr: Catalog = {
  publicReply: {
    friendly: "C'est noté[ @{name}] ! On t'a envoyé le détail en message privé 📩",
    formal: "Merci[, {name}]. Nous vous avons envoyé le détail en message privé.",
    fun: "C'est à toi[ @{name}] ! 🎉 Regarde tes messages privés 📩",
  },
  publicReplyFallback: {
    friendly: "Merci[ @{name}] ! Écris à {store} sur Messenger pour finaliser ton achat 💬",
    formal: "Merci[, {name}]. Veuillez écrire à {store} sur Messenger pour finaliser votre achat.",
    fun: "Bien reçu[ @{name}] ! 🙌 Envoie un message à {store} et on boucle ta commande 💬",
  },
  checkoutIntro: {
    friendly: "Salut[ {name}] ! On t'a réservé ceci chez {store} :",
    formal: "Bonjour[ {name}]. Nous avons réservé pour vous chez {store} :",
    fun: "C'est à toi[, {name}] ! 🛍️ Voici ce qu'on t'a gardé chez {store} :",
  },
  cartUpdatedIntro: {
    friendly: "C'est fait[ {name}] ! On a ajouté le nouvel article à ton panier :",
    formal: "Nous avons mis à jour votre panier[, {name}] :",
    fun: "Encore des trouvailles[ pour toi, {name}] ! 🛒 Ton panier :",
  },
  cartLine: "• {qty} × {product} — {amount}",
  moreItems: "…et {count} de plus",
  total: "Total : {total}",
  holdUntil: {
    friendly: "On te le garde jusqu'à {time} ⏰",
    formal: "Votre réservation est valable jusqu'à {time}.",
    fun: "Vite ! On te le garde jusqu'à {time} ⏰",
  },
  payButton: "Payer",
  transferHint: "Si le paiement par carte échoue, vous pouvez payer par virement depuis le même lien.",
  payLink: "Paie ici : {url}",
  confirmQuestion: {
    friendly: "Tu veux {qty} × {product} ?",
    formal: "Souhaitez-vous {qty} × {product} ?",
    fun: "Tu craques pour {qty} × {product} ? 😍",
  },
  confirmYes: "Oui",
  confirmNo: "Non",
  confirmOther: "Autre produit",
  outOfStock: {
    friendly: "Oups[ {name}], {product} est épuisé 😢 On te prévient quand il revient ?",
    formal: "Nous sommes désolés[, {name}] : {product} est épuisé. Souhaitez-vous être prévenu de son retour ?",
    fun: "Nooon ! 😱 {product} s'est envolé. On te prévient dès son retour ?",
  },
  joinWaitlist: "Me prévenir",
  noThanks: "Non merci",
  cancelDone: {
    friendly: "C'est fait[ {name}], ta commande est annulée. Recommente sur le live quand tu veux !",
    formal: "Votre commande a été annulée[, {name}]. Vous pouvez commenter à nouveau sur le live à tout moment.",
    fun: "Hop ! ✌️ Commande annulée. Si tu changes d'avis, recommente 😉",
  },
  optOutDone: "C'est noté, nous ne t'enverrons plus de messages. Pour racheter, commente simplement sur le live.",
  dataErasedDone: "Nous avons supprimé tes données personnelles et ne t'enverrons plus de messages.",
  reminder: {
    friendly: "⏰[ {name},] ta réservation expire dans {minutes} min (à {time}). Il est encore temps de payer !",
    formal: "Nous vous rappelons[, {name},] que votre réservation expire dans {minutes} minutes ({time}).",
    fun: "Tic-tac[ {name}] ! ⏳ Ta réservation se termine dans {minutes} min ({time}). Ne la laisse pas filer !",
  },
  expired: {
    friendly: "Ta réservation a expiré et le stock a été libéré, mais on a gardé ton panier[, {name}]. Tu veux réserver à nouveau ?",
    formal: "Votre réservation a expiré et le stock a été libéré. Nous avons conservé votre panier si vous souhaitez réserver à nouveau.",
    fun: "Oups, temps écoulé ! ⌛ On a gardé ton panier si tu veux retenter ta chance 💪",
  },
  reserveAgain: "Réserver à nouveau",
  paymentReceived: {
    friendly: "Paiement reçu[, {name}] ! Ta commande {order} est confirmée 🎉",
    formal: "Nous avons bien reçu votre paiement[, {name}]. Votre commande {order} est confirmée.",
    fun: "Youpi, c'est payé ! 🥳 Ta commande {order} est officielle.",
  },
  paidTotal: "Total payé : {total}",
  viewOrder: "Voir la commande",
  sellerMessagingBlocked:
    "Meta a bloqué les messages privés de votre Page. Le live est passé en réponses publiques uniquement : les acheteurs en attente ne recevront pas leur lien.",
  sellerOrderPaid: "💰 Commande {order} payée par {buyer} : {total}",
  sellerNeedsReview: "Commentaire à vérifier de {buyer} : « {text} »",
  sellerRefundNeeded: "La commande {order} a été payée ({total}) mais le stock est épuisé : remboursement nécessaire.",
  sellerTokenInvalid: "La connexion à votre Page Facebook a expiré. Reconnectez-la pour continuer à vendre.",
  sellerRateLimited: "Meta limite les envois ; les messages en attente seront renvoyés automatiquement.",
  sellerOutOfStock: "{product} est épuisé ; {buyer} est sur la liste d'attente.",
};
