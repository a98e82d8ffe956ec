import type { UiLocale } from "@/lib/i18n";

// Every email the platform sends, in the four UI languages. `{link}`-style placeholders are filled by
// renderEmail; values are HTML-escaped there.
export type EmailTemplate = "password_reset" | "password_changed" | "invitation" | "billing_payment_failed" | "billing_payment_received" | "billing_read_only" | "billing_suspended" | "billing_trial_ended" | "live_report" | "operator_alert" | "operator_alert_recovered";

type Texts = Record<EmailTemplate, { subject: string; heading: string; body: string; action?: string; footer: string }>;

const en: Texts = {
  password_reset: {
    subject: "Reset your LiveStreamSell password",
    heading: "Reset your password",
    body: "Someone (hopefully you) asked to reset the password of {email}. The link works once, for 1 hour. If it wasn't you, ignore this email: your password stays the same.",
    action: "Choose a new password",
    footer: "LiveStreamSell · you receive this email because of a request on your account.",
  },
  password_changed: {
    subject: "Your LiveStreamSell password was changed",
    heading: "Your password was changed",
    body: "The password of {email} was just changed and every device was signed out. If it wasn't you, reset your password now and contact support.",
    action: "Sign in",
    footer: "LiveStreamSell · security notice.",
  },
  invitation: {
    subject: "{inviter} invited you to {store} on LiveStreamSell",
    heading: "You're invited to {store}",
    body: "{inviter} invited you to help run {store} on LiveStreamSell. The invitation is valid for 7 days.",
    action: "Accept the invitation",
    footer: "LiveStreamSell · if you don't know this store, ignore this email.",
  },
  billing_payment_failed: {
    subject: "We could not collect {amount} for {store}",
    heading: "Payment failed",
    body: "We tried to collect invoice {invoice} ({amount}) for {store} and it did not go through ({reason}). We will try again on {retry}. Update the payment method in Settings → Billing to avoid interruptions.",
    action: "Open billing",
    footer: "LiveStreamSell · billing notice.",
  },
  billing_payment_received: {
    subject: "Payment received for {store}",
    heading: "Thank you, we received your payment",
    body: "Invoice {invoice} ({amount}) for {store} is paid. Your plan is active.",
    action: "Open billing",
    footer: "LiveStreamSell · billing notice.",
  },
  billing_read_only: {
    subject: "{store} is now read-only: an invoice is unpaid",
    heading: "Your store is read-only",
    body: "Invoice {invoice} for {store} is still unpaid after the grace period. The dashboard keeps working, but new lives cannot start until it is paid. A live that is running is not cut.",
    action: "Pay now",
    footer: "LiveStreamSell · billing notice.",
  },
  billing_suspended: {
    subject: "{store} is suspended for an unpaid invoice",
    heading: "Your store is suspended",
    body: "Invoice {invoice} for {store} has been unpaid for {days} days, so the bot is stopped. Pay the invoice and the store is reactivated at once. Your data is kept.",
    action: "Pay now",
    footer: "LiveStreamSell · billing notice.",
  },
  billing_trial_ended: {
    subject: "The trial of {store} has ended",
    heading: "Your trial has ended",
    body: "The free trial of {store} ended. Add a payment method in Settings → Billing to keep the plan active; the store becomes read-only after the grace period.",
    action: "Add a payment method",
    footer: "LiveStreamSell · billing notice.",
  },
  live_report: {
    subject: "{store}: what your live “{title}” sold",
    heading: "Your live “{title}” ended",
    body: "{comments} comments, {buys} wanted to buy, {reserved} reserved, {opened} opened the checkout and {paid} paid: {revenue}. Lost along the way: {waitlisted} wanted a sold-out product and {expired} let their hold expire.",
    action: "Open the full report",
    footer: "LiveStreamSell · sent to the store's owners after every live.",
  },
  operator_alert: {
    subject: "LiveStreamSell alert: {kind}",
    heading: "Something needs an operator",
    body: "{summary}",
    action: "Open the alerts",
    footer: "LiveStreamSell · operator alert. You get one email when it fires and one when it recovers.",
  },
  operator_alert_recovered: {
    subject: "Recovered: {kind}",
    heading: "Recovered after {minutes} min",
    body: "{summary} — this is back to normal.",
    action: "Open the alerts",
    footer: "LiveStreamSell · operator alert.",
  },
};

const es: Texts = {
  password_reset: {
    subject: "Restablece tu contraseña de LiveStreamSell",
    heading: "Restablece tu contraseña",
    body: "Alguien (esperamos que tú) pidió restablecer la contraseña de {email}. El enlace sirve una sola vez, durante 1 hora. Si no fuiste tú, ignora este correo: tu contraseña no cambia.",
    action: "Elegir una contraseña nueva",
    footer: "LiveStreamSell · recibes este correo por una solicitud en tu cuenta.",
  },
  password_changed: {
    subject: "Se cambió tu contraseña de LiveStreamSell",
    heading: "Tu contraseña cambió",
    body: "La contraseña de {email} se acaba de cambiar y se cerró la sesión en todos los dispositivos. Si no fuiste tú, restablécela ahora y escribe a soporte.",
    action: "Iniciar sesión",
    footer: "LiveStreamSell · aviso de seguridad.",
  },
  invitation: {
    subject: "{inviter} te invitó a {store} en LiveStreamSell",
    heading: "Te invitaron a {store}",
    body: "{inviter} te invitó a ayudar a gestionar {store} en LiveStreamSell. La invitación vale 7 días.",
    action: "Aceptar la invitación",
    footer: "LiveStreamSell · si no conoces esta tienda, ignora este correo.",
  },
  billing_payment_failed: {
    subject: "No pudimos cobrar {amount} de {store}",
    heading: "El pago falló",
    body: "Intentamos cobrar la factura {invoice} ({amount}) de {store} y no se pudo ({reason}). Lo intentaremos de nuevo el {retry}. Actualiza el medio de pago en Ajustes → Facturación para evitar interrupciones.",
    action: "Abrir facturación",
    footer: "LiveStreamSell · aviso de facturación.",
  },
  billing_payment_received: {
    subject: "Recibimos el pago de {store}",
    heading: "Gracias, recibimos tu pago",
    body: "La factura {invoice} ({amount}) de {store} está pagada. Tu plan está activo.",
    action: "Abrir facturación",
    footer: "LiveStreamSell · aviso de facturación.",
  },
  billing_read_only: {
    subject: "{store} quedó en solo lectura: hay una factura impaga",
    heading: "Tu tienda está en solo lectura",
    body: "La factura {invoice} de {store} sigue impaga tras el período de gracia. El panel sigue funcionando, pero no se pueden iniciar nuevos lives hasta pagarla. Un live en curso no se corta.",
    action: "Pagar ahora",
    footer: "LiveStreamSell · aviso de facturación.",
  },
  billing_suspended: {
    subject: "{store} está suspendida por una factura impaga",
    heading: "Tu tienda está suspendida",
    body: "La factura {invoice} de {store} lleva {days} días impaga, así que el bot está detenido. Paga la factura y la tienda se reactiva al instante. Tus datos se conservan.",
    action: "Pagar ahora",
    footer: "LiveStreamSell · aviso de facturación.",
  },
  billing_trial_ended: {
    subject: "Terminó la prueba de {store}",
    heading: "Tu prueba terminó",
    body: "La prueba gratuita de {store} terminó. Agrega un medio de pago en Ajustes → Facturación para mantener el plan activo; tras el período de gracia la tienda queda en solo lectura.",
    action: "Agregar medio de pago",
    footer: "LiveStreamSell · aviso de facturación.",
  },
  live_report: {
    subject: "{store}: lo que vendió tu live “{title}”",
    heading: "Terminó tu live “{title}”",
    body: "{comments} comentarios, {buys} quisieron comprar, {reserved} reservaron, {opened} abrieron el pago y {paid} pagaron: {revenue}. Se perdió en el camino: {waitlisted} pidieron un producto agotado y a {expired} se les venció la reserva.",
    action: "Ver el informe completo",
    footer: "LiveStreamSell · lo reciben los dueños de la tienda después de cada live.",
  },
  operator_alert: {
    subject: "Alerta de LiveStreamSell: {kind}",
    heading: "Algo necesita a un operador",
    body: "{summary}",
    action: "Ver las alertas",
    footer: "LiveStreamSell · alerta de operación. Recibes un correo cuando se activa y otro cuando se recupera.",
  },
  operator_alert_recovered: {
    subject: "Recuperado: {kind}",
    heading: "Recuperado después de {minutes} min",
    body: "{summary} — ya volvió a la normalidad.",
    action: "Ver las alertas",
    footer: "LiveStreamSell · alerta de operación.",
  },
};

const pt: Texts = {
  password_reset: {
    subject: "Redefina sua senha do LiveStreamSell",
    heading: "Redefina sua senha",
    body: "Alguém (esperamos que você) pediu para redefinir a senha de {email}. O link funciona uma vez, por 1 hora. Se não foi você, ignore este e-mail: sua senha continua a mesma.",
    action: "Escolher uma nova senha",
    footer: "LiveStreamSell · você recebe este e-mail por causa de um pedido na sua conta.",
  },
  password_changed: {
    subject: "Sua senha do LiveStreamSell foi alterada",
    heading: "Sua senha foi alterada",
    body: "A senha de {email} acabou de ser alterada e todos os dispositivos foram desconectados. Se não foi você, redefina a senha agora e fale com o suporte.",
    action: "Entrar",
    footer: "LiveStreamSell · aviso de segurança.",
  },
  invitation: {
    subject: "{inviter} convidou você para {store} no LiveStreamSell",
    heading: "Você foi convidado para {store}",
    body: "{inviter} convidou você para ajudar a gerenciar {store} no LiveStreamSell. O convite vale 7 dias.",
    action: "Aceitar o convite",
    footer: "LiveStreamSell · se você não conhece esta loja, ignore este e-mail.",
  },
  billing_payment_failed: {
    subject: "Não conseguimos cobrar {amount} de {store}",
    heading: "O pagamento falhou",
    body: "Tentamos cobrar a fatura {invoice} ({amount}) de {store} e não deu certo ({reason}). Tentaremos de novo em {retry}. Atualize a forma de pagamento em Configurações → Cobrança para evitar interrupções.",
    action: "Abrir cobrança",
    footer: "LiveStreamSell · aviso de cobrança.",
  },
  billing_payment_received: {
    subject: "Pagamento recebido de {store}",
    heading: "Obrigado, recebemos seu pagamento",
    body: "A fatura {invoice} ({amount}) de {store} está paga. Seu plano está ativo.",
    action: "Abrir cobrança",
    footer: "LiveStreamSell · aviso de cobrança.",
  },
  billing_read_only: {
    subject: "{store} agora está somente leitura: há uma fatura em aberto",
    heading: "Sua loja está somente leitura",
    body: "A fatura {invoice} de {store} continua em aberto após o período de carência. O painel continua funcionando, mas novas lives não podem começar até o pagamento. Uma live em andamento não é cortada.",
    action: "Pagar agora",
    footer: "LiveStreamSell · aviso de cobrança.",
  },
  billing_suspended: {
    subject: "{store} está suspensa por uma fatura em aberto",
    heading: "Sua loja está suspensa",
    body: "A fatura {invoice} de {store} está em aberto há {days} dias, então o bot está parado. Pague a fatura e a loja é reativada na hora. Seus dados são mantidos.",
    action: "Pagar agora",
    footer: "LiveStreamSell · aviso de cobrança.",
  },
  billing_trial_ended: {
    subject: "O teste de {store} terminou",
    heading: "Seu teste terminou",
    body: "O teste grátis de {store} terminou. Adicione uma forma de pagamento em Configurações → Cobrança para manter o plano ativo; após a carência a loja fica somente leitura.",
    action: "Adicionar forma de pagamento",
    footer: "LiveStreamSell · aviso de cobrança.",
  },
  live_report: {
    subject: "{store}: o que sua live “{title}” vendeu",
    heading: "Sua live “{title}” terminou",
    body: "{comments} comentários, {buys} quiseram comprar, {reserved} reservaram, {opened} abriram o pagamento e {paid} pagaram: {revenue}. Perdido no caminho: {waitlisted} pediram um produto esgotado e {expired} deixaram a reserva expirar.",
    action: "Abrir o relatório completo",
    footer: "LiveStreamSell · enviado aos donos da loja depois de cada live.",
  },
  operator_alert: {
    subject: "Alerta do LiveStreamSell: {kind}",
    heading: "Algo precisa de um operador",
    body: "{summary}",
    action: "Ver os alertas",
    footer: "LiveStreamSell · alerta de operação. Você recebe um e-mail quando dispara e outro quando se recupera.",
  },
  operator_alert_recovered: {
    subject: "Recuperado: {kind}",
    heading: "Recuperado após {minutes} min",
    body: "{summary} — voltou ao normal.",
    action: "Ver os alertas",
    footer: "LiveStreamSell · alerta de operação.",
  },
};

const ar: Texts = {
  password_reset: {
    subject: "أعد تعيين كلمة مرور LiveStreamSell",
    heading: "أعد تعيين كلمة المرور",
    body: "طلب أحدهم (نأمل أن تكون أنت) إعادة تعيين كلمة مرور {email}. يعمل الرابط مرة واحدة لمدة ساعة. إن لم تكن أنت، فتجاهل هذه الرسالة: تبقى كلمة المرور كما هي.",
    action: "اختر كلمة مرور جديدة",
    footer: "LiveStreamSell · تصلك هذه الرسالة بسبب طلب على حسابك.",
  },
  password_changed: {
    subject: "تم تغيير كلمة مرور LiveStreamSell",
    heading: "تم تغيير كلمة المرور",
    body: "تم للتو تغيير كلمة مرور {email} وتسجيل الخروج من جميع الأجهزة. إن لم تكن أنت، فأعد تعيين كلمة المرور الآن وتواصل مع الدعم.",
    action: "تسجيل الدخول",
    footer: "LiveStreamSell · تنبيه أمني.",
  },
  invitation: {
    subject: "دعاك {inviter} إلى {store} على LiveStreamSell",
    heading: "أنت مدعو إلى {store}",
    body: "دعاك {inviter} للمساعدة في إدارة {store} على LiveStreamSell. الدعوة صالحة لمدة 7 أيام.",
    action: "اقبل الدعوة",
    footer: "LiveStreamSell · إن كنت لا تعرف هذا المتجر، فتجاهل هذه الرسالة.",
  },
  billing_payment_failed: {
    subject: "تعذّر تحصيل {amount} من {store}",
    heading: "فشل الدفع",
    body: "حاولنا تحصيل الفاتورة {invoice} ({amount}) من {store} ولم تنجح العملية ({reason}). سنحاول مجددًا في {retry}. حدّث وسيلة الدفع في الإعدادات ← الفوترة لتجنّب التوقف.",
    action: "افتح الفوترة",
    footer: "LiveStreamSell · إشعار فوترة.",
  },
  billing_payment_received: {
    subject: "تم استلام دفعة {store}",
    heading: "شكرًا، استلمنا دفعتك",
    body: "الفاتورة {invoice} ({amount}) الخاصة بـ {store} مدفوعة. خطتك نشطة.",
    action: "افتح الفوترة",
    footer: "LiveStreamSell · إشعار فوترة.",
  },
  billing_read_only: {
    subject: "أصبح {store} للقراءة فقط: توجد فاتورة غير مدفوعة",
    heading: "متجرك للقراءة فقط",
    body: "الفاتورة {invoice} الخاصة بـ {store} ما زالت غير مدفوعة بعد فترة السماح. تعمل لوحة التحكم، لكن لا يمكن بدء بث جديد حتى الدفع. البث الجاري لا يُقطع.",
    action: "ادفع الآن",
    footer: "LiveStreamSell · إشعار فوترة.",
  },
  billing_suspended: {
    subject: "تم إيقاف {store} بسبب فاتورة غير مدفوعة",
    heading: "تم إيقاف متجرك",
    body: "الفاتورة {invoice} الخاصة بـ {store} غير مدفوعة منذ {days} يومًا، لذلك توقّف الروبوت. ادفع الفاتورة ويُعاد تفعيل المتجر فورًا. بياناتك محفوظة.",
    action: "ادفع الآن",
    footer: "LiveStreamSell · إشعار فوترة.",
  },
  billing_trial_ended: {
    subject: "انتهت الفترة التجريبية لـ {store}",
    heading: "انتهت فترتك التجريبية",
    body: "انتهت الفترة التجريبية المجانية لـ {store}. أضف وسيلة دفع في الإعدادات ← الفوترة لإبقاء الخطة نشطة؛ بعد فترة السماح يصبح المتجر للقراءة فقط.",
    action: "أضف وسيلة دفع",
    footer: "LiveStreamSell · إشعار فوترة.",
  },
  live_report: {
    subject: "{store}: ما باعه بثك المباشر “{title}”",
    heading: "انتهى بثك المباشر “{title}”",
    body: "{comments} تعليقًا، {buys} أرادوا الشراء، {reserved} حجزوا، {opened} فتحوا صفحة الدفع و{paid} دفعوا: {revenue}. ما ضاع في الطريق: {waitlisted} طلبوا منتجًا نفدت كميته و{expired} انتهت مدة حجزهم.",
    action: "افتح التقرير الكامل",
    footer: "LiveStreamSell · يُرسل إلى مالكي المتجر بعد كل بث مباشر.",
  },
  operator_alert: {
    subject: "تنبيه LiveStreamSell: {kind}",
    heading: "أمر يحتاج إلى مشغّل",
    body: "{summary}",
    action: "عرض التنبيهات",
    footer: "LiveStreamSell · تنبيه تشغيلي. تصلك رسالة عند إطلاقه وأخرى عند التعافي.",
  },
  operator_alert_recovered: {
    subject: "تم التعافي: {kind}",
    heading: "تم التعافي بعد {minutes} دقيقة",
    body: "{summary} — عاد الوضع إلى طبيعته.",
    action: "عرض التنبيهات",
    footer: "LiveStreamSell · تنبيه تشغيلي.",
  },
};

export const EMAIL_TEXTS: Record<UiLocale, Texts> = { en, es, pt, ar };
