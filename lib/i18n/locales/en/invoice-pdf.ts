// Labels of the PDF invoice. Latin languages use the standard Helvetica font; Arabic uses the bundled
// DejaVu Sans, drawn right to left (lib/billing/pdf-rtl.ts).
export const en = {
  invoice: "Invoice",
  number: "No.",
  period: "Period",
  issued: "Issued",
  status: "Status",
  paid: "Paid on {date}",
  open: "Open · collected automatically",
  from: "From",
  to: "Bill to",
  taxId: "Tax id",
  none: "not given",
  description: "Description",
  amount: "Amount",
  subscription: "{plan} plan subscription, {period}",
  commission: "Commission on paid orders ({currency})",
  planChange: "Plan change from {from} to {to} on {date} (rest of the month)",
  total: "Total {currency}",
  footer: "LiveStreamSell · invoice {number} · questions: Help & support in your dashboard",
};

export type InvoicePdfLabels = typeof en;
