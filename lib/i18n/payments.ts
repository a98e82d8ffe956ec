import type { UiLocale } from "./index";

// Seller-facing strings of Settings → Payments and of the payment alerts shown in the dashboard.

const en = {
  title: "Payments",
  intro: "Choose how buyers can pay. Keys are stored encrypted and never shown again in full.",
  ownerOnly: "Only the store owner can see and change payment settings.",
  enabled: "Enabled",
  disabled: "Disabled",
  configured: "Configured",
  notConfigured: "Not configured",
  save: "Save",
  saving: "Saving…",
  saved: "Saved",
  keepSecret: "Leave empty to keep the saved value",
  enable: "Offer this method at checkout",
  sandboxNote: "Built-in test provider: buyers see a test payment page and no real money moves. Turn it off before selling for real.",
  transferNote: "Buyers see these bank details at checkout, upload their receipt, and you confirm the payment from the order.",
  webhookUrl: "Notification URL to register at the provider",
  providers: {
    paypal: "PayPal",
    mercadopago: "Mercado Pago",
    flow: "Flow",
    transfer: "Bank transfer",
    sandbox: "Sandbox (test payments)",
  },
  fields: {
    clientId: "Client ID",
    clientSecret: "Client secret",
    webhookId: "Webhook ID",
    accessToken: "Access token",
    webhookSecret: "Webhook secret signature",
    apiKey: "API key",
    secretKey: "Secret key",
    bankName: "Bank",
    accountHolder: "Account holder",
    accountNumber: "Account number",
    accountType: "Account type",
    taxId: "Tax ID (RUT/CPF/…)",
    email: "Email for receipts",
    instructions: "Extra instructions",
  },
  alerts: {
    paymentFlagged: "Payment for order {order} needs review: {reason}.",
    receiptUploaded: "The buyer of order {order} uploaded a transfer receipt. Check it and confirm the payment.",
    orderPaid: "Order {order} paid: {total}",
  },
};

export type PaymentMessages = typeof en;

const es: PaymentMessages = {
  title: "Pagos",
  intro: "Elige cómo pueden pagar tus compradores. Las claves se guardan cifradas y nunca se vuelven a mostrar completas.",
  ownerOnly: "Solo el dueño de la tienda puede ver y cambiar la configuración de pagos.",
  enabled: "Activo",
  disabled: "Inactivo",
  configured: "Configurado",
  notConfigured: "Sin configurar",
  save: "Guardar",
  saving: "Guardando…",
  saved: "Guardado",
  keepSecret: "Déjalo vacío para mantener el valor guardado",
  enable: "Ofrecer este medio en el checkout",
  sandboxNote: "Proveedor de prueba integrado: el comprador ve una página de pago de prueba y no se mueve dinero real. Desactívalo antes de vender de verdad.",
  transferNote: "El comprador ve estos datos bancarios en el checkout, sube su comprobante y tú confirmas el pago desde el pedido.",
  webhookUrl: "URL de notificación para registrar en el proveedor",
  providers: { paypal: "PayPal", mercadopago: "Mercado Pago", flow: "Flow", transfer: "Transferencia bancaria", sandbox: "Sandbox (pagos de prueba)" },
  fields: {
    clientId: "Client ID",
    clientSecret: "Client secret",
    webhookId: "Webhook ID",
    accessToken: "Access token",
    webhookSecret: "Clave secreta de webhooks",
    apiKey: "API key",
    secretKey: "Secret key",
    bankName: "Banco",
    accountHolder: "Titular",
    accountNumber: "Número de cuenta",
    accountType: "Tipo de cuenta",
    taxId: "RUT / identificación tributaria",
    email: "Correo para comprobantes",
    instructions: "Instrucciones adicionales",
  },
  alerts: {
    paymentFlagged: "El pago del pedido {order} requiere revisión: {reason}.",
    receiptUploaded: "El comprador del pedido {order} subió un comprobante de transferencia. Revísalo y confirma el pago.",
    orderPaid: "Pedido {order} pagado: {total}",
  },
};

const pt: PaymentMessages = {
  title: "Pagamentos",
  intro: "Escolha como seus compradores podem pagar. As chaves são guardadas criptografadas e nunca mais aparecem completas.",
  ownerOnly: "Só o dono da loja pode ver e alterar as configurações de pagamento.",
  enabled: "Ativo",
  disabled: "Inativo",
  configured: "Configurado",
  notConfigured: "Não configurado",
  save: "Salvar",
  saving: "Salvando…",
  saved: "Salvo",
  keepSecret: "Deixe vazio para manter o valor salvo",
  enable: "Oferecer este meio no checkout",
  sandboxNote: "Provedor de teste integrado: o comprador vê uma página de pagamento de teste e nenhum dinheiro real é movimentado. Desative antes de vender de verdade.",
  transferNote: "O comprador vê estes dados bancários no checkout, envia o comprovante e você confirma o pagamento no pedido.",
  webhookUrl: "URL de notificação para cadastrar no provedor",
  providers: { paypal: "PayPal", mercadopago: "Mercado Pago", flow: "Flow", transfer: "Transferência bancária", sandbox: "Sandbox (pagamentos de teste)" },
  fields: {
    clientId: "Client ID",
    clientSecret: "Client secret",
    webhookId: "Webhook ID",
    accessToken: "Access token",
    webhookSecret: "Assinatura secreta do webhook",
    apiKey: "API key",
    secretKey: "Secret key",
    bankName: "Banco",
    accountHolder: "Titular",
    accountNumber: "Número da conta",
    accountType: "Tipo de conta",
    taxId: "CPF/CNPJ / identificação fiscal",
    email: "E-mail para comprovantes",
    instructions: "Instruções adicionais",
  },
  alerts: {
    paymentFlagged: "O pagamento do pedido {order} precisa de revisão: {reason}.",
    receiptUploaded: "O comprador do pedido {order} enviou um comprovante de transferência. Confira e confirme o pagamento.",
    orderPaid: "Pedido {order} pago: {total}",
  },
};

const ar: PaymentMessages = {
  title: "المدفوعات",
  intro: "اختر طرق الدفع المتاحة للمشترين. تُحفظ المفاتيح مشفّرة ولا تُعرض كاملة مرة أخرى.",
  ownerOnly: "مالك المتجر وحده يمكنه عرض إعدادات الدفع وتغييرها.",
  enabled: "مفعّل",
  disabled: "معطّل",
  configured: "مُعدّ",
  notConfigured: "غير مُعدّ",
  save: "حفظ",
  saving: "جارٍ الحفظ…",
  saved: "تم الحفظ",
  keepSecret: "اتركه فارغًا للإبقاء على القيمة المحفوظة",
  enable: "عرض هذه الطريقة عند الدفع",
  sandboxNote: "مزوّد اختبار مدمج: يرى المشتري صفحة دفع تجريبية ولا تُحوَّل أموال حقيقية. عطّله قبل البيع الفعلي.",
  transferNote: "يرى المشتري بيانات الحساب البنكي عند الدفع ويرفع الإيصال، وتؤكد أنت الدفع من صفحة الطلب.",
  webhookUrl: "رابط الإشعارات الذي يُسجَّل لدى المزوّد",
  providers: { paypal: "PayPal", mercadopago: "Mercado Pago", flow: "Flow", transfer: "تحويل بنكي", sandbox: "Sandbox (مدفوعات تجريبية)" },
  fields: {
    clientId: "Client ID",
    clientSecret: "Client secret",
    webhookId: "Webhook ID",
    accessToken: "Access token",
    webhookSecret: "التوقيع السري للإشعارات",
    apiKey: "API key",
    secretKey: "Secret key",
    bankName: "البنك",
    accountHolder: "صاحب الحساب",
    accountNumber: "رقم الحساب",
    accountType: "نوع الحساب",
    taxId: "الرقم الضريبي",
    email: "البريد الإلكتروني للإيصالات",
    instructions: "تعليمات إضافية",
  },
  alerts: {
    paymentFlagged: "دفعة الطلب {order} تحتاج إلى مراجعة: {reason}.",
    receiptUploaded: "رفع مشتري الطلب {order} إيصال تحويل. راجعه وأكّد الدفع.",
    orderPaid: "تم دفع الطلب {order}: {total}",
  },
};

const catalogs: Record<UiLocale, PaymentMessages> = { en, es, pt, ar };

export function paymentMessages(locale: UiLocale): PaymentMessages {
  return catalogs[locale];
}

/** A store locale such as "es-CL" or "pt_BR" → the dashboard catalog for it (Spanish when unknown). */
export function paymentMessagesForStoreLocale(storeLocale: string | null | undefined): PaymentMessages {
  const base = (storeLocale ?? "").slice(0, 2).toLowerCase();
  return base in catalogs ? catalogs[base as UiLocale] : es;
}
