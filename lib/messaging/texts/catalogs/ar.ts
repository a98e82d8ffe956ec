import type { Catalog } from "../types";

export const ar: Catalog = {
  publicReply: {
    friendly: "تم[ @{name}]! أرسلنا لك التفاصيل في رسالة خاصة 📩",
    formal: "شكرًا لك[ {name}]. أرسلنا إليك التفاصيل في رسالة خاصة.",
    fun: "صار لك[ @{name}]! 🎉 افتح رسائلك الخاصة 📩",
  },
  publicReplyFallback: {
    friendly: "شكرًا[ @{name}]! راسل {store} على ماسنجر لإكمال الشراء 💬",
    formal: "شكرًا لك[ {name}]. يُرجى مراسلة {store} على ماسنجر لإتمام عملية الشراء.",
    fun: "وصلنا[ @{name}]! 🙌 ابعث رسالة إلى {store} ونكمل طلبك 💬",
  },
  checkoutIntro: {
    friendly: "أهلًا[ {name}]! حجزنا لك هذا في {store}:",
    formal: "مرحبًا[ {name}]. تم حجز ما يلي لك في {store}:",
    fun: "صار لك[ يا {name}]! 🛍️ هذا ما احتفظنا به لك في {store}:",
  },
  cartUpdatedIntro: {
    friendly: "تم[ {name}]! أضفنا المنتج الجديد إلى سلتك:",
    formal: "تم تحديث سلتك[ {name}]:",
    fun: "المزيد من الأشياء الحلوة[ لك يا {name}]! 🛒 سلتك الآن:",
  },
  cartLine: "• {qty} × {product} — {amount}",
  moreItems: "…و{count} أخرى",
  total: "الإجمالي: {total}",
  holdUntil: {
    friendly: "سنحتفظ به لك حتى {time} ⏰",
    formal: "الحجز صالح حتى {time}.",
    fun: "أسرِع! نحتفظ به لك حتى {time} ⏰",
  },
  payButton: "ادفع الآن",
  transferHint: "إذا لم ينجح الدفع بالبطاقة، يمكنك الدفع بالتحويل البنكي من الرابط نفسه.",
  payLink: "ادفع هنا: {url}",
  confirmQuestion: {
    friendly: "هل تريد {qty} × {product}؟",
    formal: "هل ترغب في {qty} × {product}؟",
    fun: "ستأخذ {qty} × {product}؟ 😍",
  },
  confirmYes: "نعم",
  confirmNo: "لا",
  confirmOther: "منتج آخر",
  outOfStock: {
    friendly: "للأسف[ {name}]، نفد {product} 😢 هل نُعلمك عند توفره؟",
    formal: "نعتذر[ {name}]: {product} غير متوفر حاليًا. هل ترغب في إشعارك عند توفره؟",
    fun: "لااا! 😱 {product} طار من المخزون. نخبرك أول ما يرجع؟",
  },
  joinWaitlist: "أعلمني",
  noThanks: "لا، شكرًا",
  cancelDone: {
    friendly: "تم[ {name}]، ألغينا طلبك. علّق مجددًا في البث متى شئت!",
    formal: "تم إلغاء طلبك[ {name}]. يمكنك التعليق مجددًا في البث في أي وقت.",
    fun: "تمام! ✌️ ألغينا الطلب. غيّرت رأيك؟ علّق من جديد 😉",
  },
  optOutDone: "تم، لن نرسل لك رسائل بعد الآن. للشراء مجددًا، علّق في البث فقط.",
  dataErasedDone: "حذفنا بياناتك الشخصية ولن نرسل لك رسائل بعد الآن.",
  reminder: {
    friendly: "⏰[ {name}،] ينتهي حجزك خلال {minutes} دقيقة (عند {time}). ما زال لديك وقت للدفع!",
    formal: "نذكّرك[ {name}] بأن حجزك ينتهي خلال {minutes} دقيقة ({time}).",
    fun: "تيك توك[ {name}]! ⏳ حجزك ينتهي خلال {minutes} دقيقة ({time}). لا تفوّته!",
  },
  expired: {
    friendly: "انتهى حجزك وأعدنا المنتج إلى المخزون، لكننا احتفظنا بسلتك[ يا {name}]. هل تريد الحجز من جديد؟",
    formal: "انتهت صلاحية حجزك وأُعيد المخزون. احتفظنا بسلتك إن رغبت في الحجز مجددًا.",
    fun: "أوه، انتهى الوقت! ⌛ احتفظنا بسلتك إن أردت المحاولة مرة أخرى 💪",
  },
  reserveAgain: "احجز من جديد",
  paymentReceived: {
    friendly: "وصلنا الدفع[ يا {name}]! تم تأكيد طلبك {order} 🎉",
    formal: "استلمنا دفعتك[ {name}]. تم تأكيد طلبك {order}.",
    fun: "يااي، تم الدفع! 🥳 طلبك {order} صار رسميًا.",
  },
  paidTotal: "المبلغ المدفوع: {total}",
  viewOrder: "عرض الطلب",
  sellerMessagingBlocked:
    "حظرت Meta الرسائل الخاصة من صفحتك. تحوّل البث إلى الردود العامة فقط: لن يتلقى المشترون المنتظرون رابط الدفع.",
  sellerOrderPaid: "💰 الطلب {order} دفعه {buyer}: {total}",
  sellerNeedsReview: "تعليق يحتاج مراجعة من {buyer}: «{text}»",
  sellerRefundNeeded: "تم دفع الطلب {order} ({total}) لكن المخزون نفد: يلزم استرداد المبلغ.",
  sellerTokenInvalid: "انتهى اتصال صفحتك على فيسبوك. أعد ربطها لمواصلة البيع.",
  sellerRateLimited: "تقيّد Meta عمليات الإرسال؛ ستُعاد محاولة الرسائل المعلقة تلقائيًا.",
  sellerOutOfStock: "نفد {product}؛ انضم {buyer} إلى قائمة الانتظار.",
};
