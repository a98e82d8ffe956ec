import type { UiLocale } from "@/lib/i18n";

// Every email the platform sends, in the four UI languages. `{link}`-style placeholders are filled by
// renderEmail; values are HTML-escaped there.
export type EmailTemplate = "password_reset" | "password_changed" | "invitation";

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
};

export const EMAIL_TEXTS: Record<UiLocale, Texts> = { en, es, pt, ar };
