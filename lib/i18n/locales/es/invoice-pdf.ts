import type { InvoicePdfLabels } from "../en/invoice-pdf";

export const es: InvoicePdfLabels = {
  invoice: "Factura",
  number: "N.º",
  period: "Período",
  issued: "Emitida",
  status: "Estado",
  paid: "Pagada el {date}",
  open: "Abierta · se cobra automáticamente",
  from: "Emisor",
  to: "Cliente",
  taxId: "Identificación tributaria",
  none: "no informada",
  description: "Detalle",
  amount: "Monto",
  subscription: "Suscripción al plan {plan}, {period}",
  commission: "Comisión sobre pedidos pagados ({currency})",
  planChange: "Cambio de plan de {from} a {to} el {date} (resto del mes)",
  total: "Total {currency}",
  footer: "LiveStreamSell · factura {number} · dudas: Ayuda y soporte en tu panel",
};
