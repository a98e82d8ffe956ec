import type { InvoicePdfLabels } from "../en/invoice-pdf";

// Drawn right to left with the bundled DejaVu Sans (assets/fonts) by lib/billing/pdf-rtl.ts.
export const ar: InvoicePdfLabels = {
  invoice: "فاتورة",
  number: "رقم",
  period: "الفترة",
  issued: "تاريخ الإصدار",
  status: "الحالة",
  paid: "مدفوعة في {date}",
  open: "مفتوحة · تُحصَّل تلقائيًا",
  from: "من",
  to: "إلى",
  taxId: "الرقم الضريبي",
  none: "غير مذكور",
  description: "البيان",
  amount: "المبلغ",
  subscription: "اشتراك الخطة {plan}، {period}",
  commission: "عمولة الطلبات المدفوعة بـ {currency}",
  planChange: "تغيير الخطة من {from} إلى {to} في {date} لبقية الشهر",
  total: "الإجمالي بـ {currency}",
  footer: "LiveStreamSell · الفاتورة {number} · للاستفسار: المساعدة والدعم في لوحة التحكم",
};
