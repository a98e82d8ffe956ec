// Labels of the PDF invoice. The PDF uses the standard Helvetica font (Latin only, nothing to ship), so
// an Arabic reader gets the English labels; amounts, dates and numbers are the same in every language.
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
  total: "Total {currency}",
  footer: "LiveStreamSell · invoice {number} · questions: Help & support in your dashboard",
};

export type InvoicePdfLabels = typeof en;
