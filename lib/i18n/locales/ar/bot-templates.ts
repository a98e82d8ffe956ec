import type { UtilityTemplateTexts } from "../en/bot-templates";

export const ar: UtilityTemplateTexts = {
  bodies: {
    payment_received: "مرحبًا {{customer_name}}، استلمنا دفعتك بقيمة {{total}}. تم تأكيد طلبك {{order_ref}}.",
    reservation_reminder: "مرحبًا {{customer_name}}، ينتهي حجزك عند {{expires_at}}. يمكنك إتمام الدفع من الزر.",
    reservation_expired: "مرحبًا {{customer_name}}، انتهى حجزك. احتفظنا بسلتك إن أردت الحجز مجددًا.",
    transfer_under_review: "مرحبًا {{customer_name}}، استلمنا إيصالك للطلب {{order_ref}}. يبقى حجزك قائمًا بينما يراجع المتجر التحويل (حتى {{held_until}}).",
    transfer_rejected: "مرحبًا {{customer_name}}، لم يتمكن المتجر من تأكيد تحويلك للطلب {{order_ref}}: {{reason}}. يمكنك رفع إيصال جديد من الزر.",
    order_shipped: "مرحبًا {{customer_name}}، تم شحن طلبك {{order_ref}} عبر {{carrier}}. رقم التتبع: {{tracking_number}}.",
    pickup_ready: "مرحبًا {{customer_name}}، طلبك {{order_ref}} جاهز للاستلام من {{address}}. ساعات العمل: {{hours}}.",
  },
  buttons: { pay: "ادفع الآن", order: "عرض الطلب" },
};
