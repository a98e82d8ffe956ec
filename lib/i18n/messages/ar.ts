import type { Messages } from "./en";

export const ar: Messages = {
  app: { name: "LiveStreamSell", tagline: "بِع أثناء البث المباشر على فيسبوك دون تسجيل الطلبات يدويًا" },
  nav: { overview: "نظرة عامة", live: "البث المباشر", inventory: "المخزون", orders: "الطلبات", settings: "الإعدادات", admin: "الإدارة", apiDocs: "توثيق الواجهة البرمجية", signOut: "تسجيل الخروج", skip: "انتقل إلى المحتوى", menu: "القائمة", language: "اللغة", store: "المتجر" },
  auth: {
    signIn: "تسجيل الدخول", signUp: "إنشاء حساب", email: "البريد الإلكتروني", password: "كلمة المرور", fullName: "الاسم الكامل",
    noAccount: "جديد هنا؟", haveAccount: "لديك حساب بالفعل؟", invalid: "البريد الإلكتروني أو كلمة المرور غير صحيحة.",
    rateLimited: "محاولات كثيرة. انتظر بضع دقائق ثم حاول مجددًا.", passwordHint: "8 أحرف على الأقل.",
    welcome: "مرحبًا بعودتك", createTitle: "ابدأ البيع المباشر", working: "يرجى الانتظار…",
  },
  landing: {
    hero: "زبائنك يعلّقون. والبوت يسجّل الطلب.",
    sub: "تتحول التعليقات بأي لغة إلى سلال محجوزة ورابط دفع خاص خلال ثوانٍ. وأنت تواصل البث.",
    cta: "أنشئ متجرك", signIn: "تسجيل الدخول",
    f1: "يفهم “quiero 2 de la polera roja M” و“SOLD A12” و“أريد الحقيبة السوداء”",
    f2: "يحجز المخزون لمدة 30 دقيقة ولا يبيع أكثر من المتوفر أبدًا",
    f3: "PayPal أو Mercado Pago أو Flow أو التحويل البنكي",
  },
  store: {
    createTitle: "أنشئ متجرك", name: "اسم المتجر", country: "الدولة", currency: "العملة", locale: "اللغة",
    timezone: "المنطقة الزمنية", pageId: "معرّف صفحة فيسبوك (اختياري)", create: "إنشاء المتجر", created: "تم إنشاء المتجر",
  },
  overview: { title: "نظرة عامة", empty: "لا مبيعات بعد. استورد الكتالوج وابدأ بثًا مباشرًا.", revenue: "الإيرادات", pending: "قيد الانتظار", paid: "مدفوعة", expired: "منتهية", conversion: "التحويل", products: "المنتجات", lives: "البثوث" },
  inventory: {
    title: "المخزون", import: "استيراد CSV", importHelp: "الأعمدة: sku,name,description,price,stock,keywords — الكلمات المفتاحية مفصولة بـ ;",
    chooseFile: "اختر ملف CSV", upload: "استيراد", importing: "جارٍ الاستيراد…", imported: "تم استيراد {created} منتجًا جديدًا وتحديث {updated}",
    errors: "لم يُستورد أي شيء. صحّح هذه الأسطر ثم حاول مجددًا:", line: "السطر", sku: "الرمز", name: "الاسم", price: "السعر",
    stock: "المخزون", reserved: "محجوز", available: "متاح", keywords: "كلمات مفتاحية", empty: "لا توجد منتجات بعد.", search: "ابحث عن منتج",
    lowStock: "مخزون منخفض",
  },
  live: { title: "البثوث", empty: "لا توجد بثوث بعد." },
  orders: { title: "الطلبات", empty: "لا توجد طلبات بعد." },
  settings: { title: "الإعدادات" },
  admin: { title: "إدارة المنصة", tenants: "المتاجر", users: "المستخدمون", plans: "الخطط", usage: "الاستخدام", tickets: "تذاكر الدعم", audit: "سجل التدقيق", ai: "سجل الذكاء الاصطناعي" },
  common: { save: "حفظ", cancel: "إلغاء", loading: "جارٍ التحميل…", error: "حدث خطأ ما", retry: "أعد المحاولة", comingNext: "يصل هذا القسم في الإصدار القادم." },
};
