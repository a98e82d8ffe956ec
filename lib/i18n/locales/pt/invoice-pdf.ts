import type { InvoicePdfLabels } from "../en/invoice-pdf";

export const pt: InvoicePdfLabels = {
  invoice: "Fatura",
  number: "N.º",
  period: "Período",
  issued: "Emitida",
  status: "Status",
  paid: "Paga em {date}",
  open: "Em aberto · cobrada automaticamente",
  from: "Emissor",
  to: "Cliente",
  taxId: "Identificação fiscal",
  none: "não informada",
  description: "Descrição",
  amount: "Valor",
  subscription: "Assinatura do plano {plan}, {period}",
  commission: "Comissão sobre pedidos pagos ({currency})",
  planChange: "Mudança de plano de {from} para {to} em {date} (resto do mês)",
  total: "Total {currency}",
  footer: "LiveStreamSell · fatura {number} · dúvidas: Ajuda e suporte no seu painel",
};
