import { format, type UiLocale } from "./index";
import { paymentMessages } from "./payments";

// What the seller reads when the API says no: every error code and every field issue code of
// lib/http/errors.ts, in her language, saying what to do. Field names come from `fields` (never the
// schema path); a `field.code` entry in `fieldIssues` beats the generic sentence of `issues`.

const en = {
  fallback: "Something went wrong. Try again.",
  httpError: "The server answered with an error ({status}). Try again.",
  issues: {
    required: "Fill in this field.",
    invalid_type: "Enter a valid value.",
    not_integer: "Enter a whole number.",
    too_short: "Use at least {min} characters.",
    too_long: "Use at most {max} characters.",
    too_small: "Enter {min} or more.",
    too_small_exclusive: "Enter a number greater than {min}.",
    too_big: "Enter {max} or less.",
    too_big_exclusive: "Enter a number less than {max}.",
    too_few: "Add at least {min}.",
    too_many: "Add at most {max}.",
    invalid_email: "Enter a valid email address, like name@example.com.",
    invalid_url: "Enter a full web address starting with https://.",
    invalid_format: "Check the format of this value.",
    invalid_option: "Choose one of the options offered.",
    unknown_field: "This setting is not accepted here.",
    invalid: "Check this value.",
    taken: "This is already in use.",
    already_member: "This person is already a member of the store.",
    not_found: "Nothing matches this value.",
    not_enabled: "This option is not enabled for your store.",
    below_reserved: "Enter at least {reserved}: that many units are reserved in open carts.",
    invalid_amount: "Enter an amount of 0 or more, with the decimals {currency} allows.",
    empty: "The file is empty. Choose another one.",
    too_large: "The file is too large (at most {max_mb} MB).",
    invalid_file_type: "Choose a file of one of these types: {types}.",
    invalid_phone: "Enter a phone number with its country code, like {example}.",
    invalid_postal_code: "Enter a valid postal code, like {example}.",
    zone_not_served: "This delivery method does not reach this address.",
  },
  fieldIssues: {
    "email.taken": "An account with this email already exists. Sign in instead.",
    "password.too_short": "The password must have at least {min} characters.",
    "password.too_long": "The password can have at most {max} characters.",
    "fb_page_id.taken": "This Facebook Page is already connected to another store.",
    "fb_video_id.taken": "This live video is already registered. Open it from Lives.",
    "sku.invalid_format": "Use only letters, digits, “.”, “_” and “-”, without spaces.",
    "sku.not_found": "No product of this store has this SKU.",
    "role.invalid_option": "Choose Owner or Staff.",
  },
  fields: {
    fee_minor: "Fee", free_over_minor: "Free over", zones: "Zones", combine_window_hours: "Combine window", methods: "Delivery methods", type: "Type",
    delivery_method_id: "Delivery method", phone: "Phone", address: "Address", line1: "Street and number", city: "City", region: "Region", postal_code: "Postal code", tracking_url: "Tracking link", instructions: "Instructions",
    email: "Email", password: "Password", full_name: "Full name", name: "Name", sku: "SKU", price: "Price", stock: "Stock",
    stock_delta: "Stock", keywords: "Keywords", description: "Description", color: "Colour", size: "Size", group_key: "Group",
    image_url: "Photo", low_stock_at: "Low-stock alert", active: "Visible to the bot", role: "Role", title: "Title",
    fb_video_id: "Live video ID", fb_post_id: "Post ID", fb_page_id: "Facebook Page", page_id: "Page ID",
    page_access_token: "Page access token", country: "Country", currency: "Currency", locale: "Language", timezone: "Time zone",
    quantity: "Quantity", qty: "Quantity", items: "Products", text: "Message", author_name: "Buyer name",
    tracking_number: "Tracking number", carrier: "Carrier", reason: "Reason", file: "File", plan: "Plan", gateway: "Payment method",
    q: "Search", status: "Status", limit: "Page size", offset: "Page", store_id: "Store",
    reservation_minutes: "Reservation time", reservation_ttl_seconds: "Reservation time", tone: "Tone of the bot",
  },
  codes: {
    network_error: "Could not reach the server. Check your connection and try again.",
    unauthorized: "Your session has ended. Sign in again.",
    invalid_credentials: "Email or password is incorrect.",
    forbidden: "You don't have permission to do this. Ask a store owner.",
    not_found: "We couldn't find it: it may have been deleted or belong to another store.",
    rate_limited: "Too many attempts. Try again in {retry_after} seconds.",
    csrf_failed: "Reload the page and try again.",
    payload_too_large: "That is too large (at most {limit_kb} KB).",
    invalid_json: "The request could not be read. Reload the page and try again.",
    invalid_input: "Send either the new stock or a change to it, not both.",
    internal_error: "Something went wrong on our side. Try again in a moment.",
    already_exists: "That already exists.",
    email_taken: "An account with this email already exists. Sign in instead.",
    already_member: "This person is already a member of the store.",
    page_taken: "This Facebook Page is already connected to another store.",
    page_missing: "Connect a Facebook Page (or the simulator Page) first.",
    live_exists: "A live for this video already exists.",
    last_owner: "A store needs at least one owner: make someone else owner first.",
    live_ended: "This live has ended: its paused comments can no longer be processed.",
    bot_disabled: "Turn the bot on first: while it is off nothing is reserved or sent.",
    bot_not_acting: "Nothing was reserved: the bot is not acting for this buyer or live right now.",
    product_reserved: "This product has units reserved in open carts. Wait until they are paid or expire.",
    order_not_editable: "Only a pending cart whose reservation has not run out can be changed.",
    buyer_opted_out: "This buyer asked not to be messaged again.",
    invalid_state: "This order can't do that in its current status. Reload to see it.",
    nothing_to_refund: "This order has no payment to refund.",
    not_refundable: "This payment can't be refunded automatically. Refund it at the payment provider.",
    not_configured: "This payment method is not configured for the store any more.",
    provider_unavailable: "The payment provider is not answering. Try again in a few minutes.",
    refund_failed: "The payment provider refused the refund. Check it at the provider.",
    order_not_payable: "This order can no longer be paid.",
    method_unavailable: "This payment method is not available right now.",
    out_of_stock: "Not enough stock of {sku}: {available} left.",
    plan_limit_reached: "Your plan's limit is reached ({used} of {max}). Upgrade the plan to add more.",
    subscription_inactive: "The store's subscription is not active. Renew the plan or contact support.",
    invalid_encoding: "The file is not UTF-8. Save it as “CSV UTF-8” and try again.",
    invalid_content_type: "Choose a file to upload.",
    invalid_multipart: "The upload could not be read. Try again.",
    webhook_rejected: "The simulated comment was refused. Try again.",
    messaging_window_closed: "Meta only lets you message this buyer as the reply to one of their comments, and each already has its reply. Ask them to comment again or write to the Page.",
    mfa_required: "Enter the code from your authenticator app.",
    order_not_paid: "Only paid orders can be shipped or delivered.",
  },
};

export type ApiErrorMessages = typeof en;

const es: ApiErrorMessages = {
  fallback: "Algo salió mal. Inténtalo de nuevo.",
  httpError: "El servidor respondió con un error ({status}). Inténtalo de nuevo.",
  issues: {
    required: "Completa este campo.",
    invalid_type: "Ingresa un valor válido.",
    not_integer: "Ingresa un número entero.",
    too_short: "Usa al menos {min} caracteres.",
    too_long: "Usa como máximo {max} caracteres.",
    too_small: "Ingresa {min} o más.",
    too_small_exclusive: "Ingresa un número mayor que {min}.",
    too_big: "Ingresa {max} o menos.",
    too_big_exclusive: "Ingresa un número menor que {max}.",
    too_few: "Agrega al menos {min}.",
    too_many: "Agrega como máximo {max}.",
    invalid_email: "Ingresa un correo válido, como nombre@ejemplo.com.",
    invalid_url: "Ingresa una dirección web completa que empiece con https://.",
    invalid_format: "Revisa el formato de este valor.",
    invalid_option: "Elige una de las opciones.",
    unknown_field: "Este ajuste no se acepta aquí.",
    invalid: "Revisa este valor.",
    taken: "Esto ya está en uso.",
    already_member: "Esta persona ya es miembro de la tienda.",
    not_found: "Nada coincide con este valor.",
    not_enabled: "Esta opción no está activada en tu tienda.",
    below_reserved: "Ingresa al menos {reserved}: esas unidades están reservadas en carritos abiertos.",
    invalid_amount: "Ingresa un monto de 0 o más, con los decimales que permite {currency}.",
    empty: "El archivo está vacío. Elige otro.",
    too_large: "El archivo es demasiado grande (máximo {max_mb} MB).",
    invalid_file_type: "Elige un archivo de uno de estos tipos: {types}.",
    invalid_phone: "Ingresa un teléfono con código de país, como {example}.",
    invalid_postal_code: "Ingresa un código postal válido, como {example}.",
    zone_not_served: "Este método de entrega no llega a esta dirección.",
  },
  fieldIssues: {
    "email.taken": "Ya existe una cuenta con este correo. Inicia sesión.",
    "password.too_short": "La contraseña debe tener al menos {min} caracteres.",
    "password.too_long": "La contraseña puede tener como máximo {max} caracteres.",
    "fb_page_id.taken": "Esta página de Facebook ya está conectada a otra tienda.",
    "fb_video_id.taken": "Este video en vivo ya está registrado. Ábrelo desde Lives.",
    "sku.invalid_format": "Usa solo letras, números, «.», «_» y «-», sin espacios.",
    "sku.not_found": "Ningún producto de esta tienda tiene este SKU.",
    "role.invalid_option": "Elige Dueño o Staff.",
  },
  fields: {
    fee_minor: "Costo", free_over_minor: "Gratis sobre", zones: "Zonas", combine_window_hours: "Ventana para combinar", methods: "Métodos de entrega", type: "Tipo",
    delivery_method_id: "Método de entrega", phone: "Teléfono", address: "Dirección", line1: "Calle y número", city: "Ciudad", region: "Región", postal_code: "Código postal", tracking_url: "Link de seguimiento", instructions: "Instrucciones",
    email: "Correo", password: "Contraseña", full_name: "Nombre completo", name: "Nombre", sku: "SKU", price: "Precio", stock: "Stock",
    stock_delta: "Stock", keywords: "Palabras clave", description: "Descripción", color: "Color", size: "Talla", group_key: "Grupo",
    image_url: "Foto", low_stock_at: "Alerta de stock bajo", active: "Visible para el bot", role: "Rol", title: "Título",
    fb_video_id: "ID del video en vivo", fb_post_id: "ID de la publicación", fb_page_id: "Página de Facebook", page_id: "ID de la página",
    page_access_token: "Token de acceso de la página", country: "País", currency: "Moneda", locale: "Idioma", timezone: "Zona horaria",
    quantity: "Cantidad", qty: "Cantidad", items: "Productos", text: "Mensaje", author_name: "Nombre del comprador",
    tracking_number: "Número de seguimiento", carrier: "Transportista", reason: "Motivo", file: "Archivo", plan: "Plan", gateway: "Medio de pago",
    q: "Búsqueda", status: "Estado", limit: "Tamaño de página", offset: "Página", store_id: "Tienda",
    reservation_minutes: "Tiempo de reserva", reservation_ttl_seconds: "Tiempo de reserva", tone: "Tono del bot",
  },
  codes: {
    network_error: "No se pudo conectar con el servidor. Revisa tu conexión e inténtalo de nuevo.",
    unauthorized: "Tu sesión terminó. Vuelve a iniciar sesión.",
    invalid_credentials: "El correo o la contraseña no son correctos.",
    forbidden: "No tienes permiso para hacer esto. Pídeselo a un dueño de la tienda.",
    not_found: "No lo encontramos: puede haberse eliminado o pertenecer a otra tienda.",
    rate_limited: "Demasiados intentos. Vuelve a intentarlo en {retry_after} segundos.",
    csrf_failed: "Recarga la página e inténtalo de nuevo.",
    payload_too_large: "Es demasiado grande (máximo {limit_kb} KB).",
    invalid_json: "No se pudo leer la solicitud. Recarga la página e inténtalo de nuevo.",
    invalid_input: "Envía el stock nuevo o un cambio, no ambos.",
    internal_error: "Algo salió mal de nuestro lado. Inténtalo de nuevo en un momento.",
    already_exists: "Eso ya existe.",
    email_taken: "Ya existe una cuenta con este correo. Inicia sesión.",
    already_member: "Esta persona ya es miembro de la tienda.",
    page_taken: "Esta página de Facebook ya está conectada a otra tienda.",
    page_missing: "Primero conecta una página de Facebook (o la página del simulador).",
    live_exists: "Ya existe un live para este video.",
    last_owner: "Una tienda necesita al menos un dueño: primero haz dueño a otra persona.",
    live_ended: "Este live terminó: sus comentarios en pausa ya no se pueden procesar.",
    bot_disabled: "Primero enciende el bot: mientras está apagado no se reserva ni se envía nada.",
    bot_not_acting: "No se reservó nada: el bot no está actuando para este comprador o live en este momento.",
    product_reserved: "Este producto tiene unidades reservadas en carritos abiertos. Espera a que se paguen o venzan.",
    order_not_editable: "Solo se puede cambiar un carrito pendiente cuya reserva no haya vencido.",
    buyer_opted_out: "Este comprador pidió no recibir más mensajes.",
    invalid_state: "Este pedido no permite eso en su estado actual. Recarga para verlo.",
    nothing_to_refund: "Este pedido no tiene pagos que reembolsar.",
    not_refundable: "Este pago no se puede reembolsar automáticamente. Reembólsalo en el proveedor de pagos.",
    not_configured: "Este medio de pago ya no está configurado en la tienda.",
    provider_unavailable: "El proveedor de pagos no responde. Inténtalo de nuevo en unos minutos.",
    refund_failed: "El proveedor de pagos rechazó el reembolso. Revísalo en el proveedor.",
    order_not_payable: "Este pedido ya no se puede pagar.",
    method_unavailable: "Este medio de pago no está disponible ahora.",
    out_of_stock: "No hay stock suficiente de {sku}: quedan {available}.",
    plan_limit_reached: "Llegaste al límite de tu plan ({used} de {max}). Mejora el plan para agregar más.",
    subscription_inactive: "La suscripción de la tienda no está activa. Renueva el plan o contacta a soporte.",
    invalid_encoding: "El archivo no está en UTF-8. Guárdalo como «CSV UTF-8» e inténtalo de nuevo.",
    invalid_content_type: "Elige un archivo para subir.",
    invalid_multipart: "No se pudo leer el archivo subido. Inténtalo de nuevo.",
    webhook_rejected: "El comentario simulado fue rechazado. Inténtalo de nuevo.",
    messaging_window_closed: "Meta solo permite escribirle a este comprador como respuesta a un comentario suyo, y todos ya tienen su respuesta. Pídele que comente de nuevo o que escriba a la página.",
    mfa_required: "Ingresa el código de tu app de autenticación.",
    order_not_paid: "Solo se pueden enviar o entregar pedidos pagados.",
  },
};

const pt: ApiErrorMessages = {
  fallback: "Algo deu errado. Tente novamente.",
  httpError: "O servidor respondeu com um erro ({status}). Tente novamente.",
  issues: {
    required: "Preencha este campo.",
    invalid_type: "Digite um valor válido.",
    not_integer: "Digite um número inteiro.",
    too_short: "Use pelo menos {min} caracteres.",
    too_long: "Use no máximo {max} caracteres.",
    too_small: "Digite {min} ou mais.",
    too_small_exclusive: "Digite um número maior que {min}.",
    too_big: "Digite {max} ou menos.",
    too_big_exclusive: "Digite um número menor que {max}.",
    too_few: "Adicione pelo menos {min}.",
    too_many: "Adicione no máximo {max}.",
    invalid_email: "Digite um e-mail válido, como nome@exemplo.com.",
    invalid_url: "Digite um endereço web completo começando com https://.",
    invalid_format: "Confira o formato deste valor.",
    invalid_option: "Escolha uma das opções.",
    unknown_field: "Esta configuração não é aceita aqui.",
    invalid: "Confira este valor.",
    taken: "Isto já está em uso.",
    already_member: "Esta pessoa já é membro da loja.",
    not_found: "Nada corresponde a este valor.",
    not_enabled: "Esta opção não está ativada na sua loja.",
    below_reserved: "Digite pelo menos {reserved}: essas unidades estão reservadas em carrinhos abertos.",
    invalid_amount: "Digite um valor de 0 ou mais, com as casas decimais que {currency} permite.",
    empty: "O arquivo está vazio. Escolha outro.",
    too_large: "O arquivo é grande demais (no máximo {max_mb} MB).",
    invalid_file_type: "Escolha um arquivo de um destes tipos: {types}.",
    invalid_phone: "Digite um telefone com código do país, como {example}.",
    invalid_postal_code: "Digite um código postal válido, como {example}.",
    zone_not_served: "Este método de entrega não atende este endereço.",
  },
  fieldIssues: {
    "email.taken": "Já existe uma conta com este e-mail. Entre nela.",
    "password.too_short": "A senha deve ter pelo menos {min} caracteres.",
    "password.too_long": "A senha pode ter no máximo {max} caracteres.",
    "fb_page_id.taken": "Esta página do Facebook já está conectada a outra loja.",
    "fb_video_id.taken": "Esta live já está registrada. Abra-a em Lives.",
    "sku.invalid_format": "Use apenas letras, números, “.”, “_” e “-”, sem espaços.",
    "sku.not_found": "Nenhum produto desta loja tem este SKU.",
    "role.invalid_option": "Escolha Dono ou Equipe.",
  },
  fields: {
    fee_minor: "Taxa", free_over_minor: "Grátis acima de", zones: "Zonas", combine_window_hours: "Janela para combinar", methods: "Métodos de entrega", type: "Tipo",
    delivery_method_id: "Método de entrega", phone: "Telefone", address: "Endereço", line1: "Rua e número", city: "Cidade", region: "Estado", postal_code: "CEP / código postal", tracking_url: "Link de rastreio", instructions: "Instruções",
    email: "E-mail", password: "Senha", full_name: "Nome completo", name: "Nome", sku: "SKU", price: "Preço", stock: "Estoque",
    stock_delta: "Estoque", keywords: "Palavras-chave", description: "Descrição", color: "Cor", size: "Tamanho", group_key: "Grupo",
    image_url: "Foto", low_stock_at: "Alerta de estoque baixo", active: "Visível para o bot", role: "Função", title: "Título",
    fb_video_id: "ID da live", fb_post_id: "ID da publicação", fb_page_id: "Página do Facebook", page_id: "ID da página",
    page_access_token: "Token de acesso da página", country: "País", currency: "Moeda", locale: "Idioma", timezone: "Fuso horário",
    quantity: "Quantidade", qty: "Quantidade", items: "Produtos", text: "Mensagem", author_name: "Nome do comprador",
    tracking_number: "Código de rastreio", carrier: "Transportadora", reason: "Motivo", file: "Arquivo", plan: "Plano", gateway: "Forma de pagamento",
    q: "Busca", status: "Status", limit: "Tamanho da página", offset: "Página", store_id: "Loja",
    reservation_minutes: "Tempo de reserva", reservation_ttl_seconds: "Tempo de reserva", tone: "Tom do bot",
  },
  codes: {
    network_error: "Não foi possível falar com o servidor. Confira sua conexão e tente novamente.",
    unauthorized: "Sua sessão terminou. Entre novamente.",
    invalid_credentials: "E-mail ou senha incorretos.",
    forbidden: "Você não tem permissão para fazer isso. Peça a um dono da loja.",
    not_found: "Não encontramos: pode ter sido excluído ou pertencer a outra loja.",
    rate_limited: "Tentativas demais. Tente novamente em {retry_after} segundos.",
    csrf_failed: "Recarregue a página e tente novamente.",
    payload_too_large: "É grande demais (no máximo {limit_kb} KB).",
    invalid_json: "Não foi possível ler a solicitação. Recarregue a página e tente novamente.",
    invalid_input: "Envie o novo estoque ou uma alteração, não os dois.",
    internal_error: "Algo deu errado do nosso lado. Tente novamente em instantes.",
    already_exists: "Isso já existe.",
    email_taken: "Já existe uma conta com este e-mail. Entre nela.",
    already_member: "Esta pessoa já é membro da loja.",
    page_taken: "Esta página do Facebook já está conectada a outra loja.",
    page_missing: "Conecte primeiro uma página do Facebook (ou a página do simulador).",
    live_exists: "Já existe uma live para este vídeo.",
    last_owner: "Uma loja precisa de pelo menos um dono: torne outra pessoa dona primeiro.",
    live_ended: "Esta live terminou: os comentários em pausa não podem mais ser processados.",
    bot_disabled: "Ligue o bot primeiro: enquanto está desligado nada é reservado nem enviado.",
    bot_not_acting: "Nada foi reservado: o bot não está atuando para este comprador ou live agora.",
    product_reserved: "Este produto tem unidades reservadas em carrinhos abertos. Espere que sejam pagas ou expirem.",
    order_not_editable: "Só é possível alterar um carrinho pendente cuja reserva não expirou.",
    buyer_opted_out: "Este comprador pediu para não receber mais mensagens.",
    invalid_state: "Este pedido não permite isso no status atual. Recarregue para vê-lo.",
    nothing_to_refund: "Este pedido não tem pagamento para reembolsar.",
    not_refundable: "Este pagamento não pode ser reembolsado automaticamente. Reembolse no provedor de pagamento.",
    not_configured: "Esta forma de pagamento não está mais configurada na loja.",
    provider_unavailable: "O provedor de pagamento não responde. Tente novamente em alguns minutos.",
    refund_failed: "O provedor de pagamento recusou o reembolso. Confira no provedor.",
    order_not_payable: "Este pedido não pode mais ser pago.",
    method_unavailable: "Esta forma de pagamento não está disponível agora.",
    out_of_stock: "Estoque insuficiente de {sku}: restam {available}.",
    plan_limit_reached: "Você atingiu o limite do plano ({used} de {max}). Mude de plano para adicionar mais.",
    subscription_inactive: "A assinatura da loja não está ativa. Renove o plano ou fale com o suporte.",
    invalid_encoding: "O arquivo não está em UTF-8. Salve como “CSV UTF-8” e tente novamente.",
    invalid_content_type: "Escolha um arquivo para enviar.",
    invalid_multipart: "Não foi possível ler o envio. Tente novamente.",
    webhook_rejected: "O comentário simulado foi recusado. Tente novamente.",
    messaging_window_closed: "A Meta só permite escrever a este comprador como resposta a um comentário dele, e todos já têm resposta. Peça que comente de novo ou escreva para a página.",
    mfa_required: "Digite o código do seu app autenticador.",
    order_not_paid: "Só pedidos pagos podem ser enviados ou entregues.",
  },
};

const ar: ApiErrorMessages = {
  fallback: "حدث خطأ ما. حاول مرة أخرى.",
  httpError: "ردّ الخادم بخطأ ({status}). حاول مرة أخرى.",
  issues: {
    required: "املأ هذا الحقل.",
    invalid_type: "أدخل قيمة صالحة.",
    not_integer: "أدخل عددًا صحيحًا.",
    too_short: "استخدم {min} أحرف على الأقل.",
    too_long: "استخدم {max} حرفًا على الأكثر.",
    too_small: "أدخل {min} أو أكثر.",
    too_small_exclusive: "أدخل رقمًا أكبر من {min}.",
    too_big: "أدخل {max} أو أقل.",
    too_big_exclusive: "أدخل رقمًا أصغر من {max}.",
    too_few: "أضف {min} على الأقل.",
    too_many: "أضف {max} على الأكثر.",
    invalid_email: "أدخل بريدًا إلكترونيًا صالحًا، مثل name@example.com.",
    invalid_url: "أدخل عنوان ويب كاملًا يبدأ بـ https://.",
    invalid_format: "تحقّق من صيغة هذه القيمة.",
    invalid_option: "اختر أحد الخيارات المتاحة.",
    unknown_field: "هذا الإعداد غير مقبول هنا.",
    invalid: "تحقّق من هذه القيمة.",
    taken: "هذا مستخدم بالفعل.",
    already_member: "هذا الشخص عضو في المتجر بالفعل.",
    not_found: "لا يوجد ما يطابق هذه القيمة.",
    not_enabled: "هذا الخيار غير مفعّل في متجرك.",
    below_reserved: "أدخل {reserved} على الأقل: هذا العدد من الوحدات محجوز في سلال مفتوحة.",
    invalid_amount: "أدخل مبلغًا يساوي 0 أو أكثر، بالخانات العشرية التي تسمح بها {currency}.",
    empty: "الملف فارغ. اختر ملفًا آخر.",
    too_large: "الملف كبير جدًا (الحد الأقصى {max_mb} ميغابايت).",
    invalid_file_type: "اختر ملفًا من أحد هذه الأنواع: {types}.",
    invalid_phone: "أدخل رقم هاتف مع رمز الدولة، مثل {example}.",
    invalid_postal_code: "أدخل رمزًا بريديًا صالحًا، مثل {example}.",
    zone_not_served: "طريقة التوصيل هذه لا تصل إلى هذا العنوان.",
  },
  fieldIssues: {
    "email.taken": "يوجد حساب بهذا البريد الإلكتروني بالفعل. سجّل الدخول بدلًا من ذلك.",
    "password.too_short": "يجب أن تتكوّن كلمة المرور من {min} أحرف على الأقل.",
    "password.too_long": "يمكن أن تتكوّن كلمة المرور من {max} حرفًا على الأكثر.",
    "fb_page_id.taken": "صفحة فيسبوك هذه مرتبطة بمتجر آخر بالفعل.",
    "fb_video_id.taken": "هذا البث المباشر مسجّل بالفعل. افتحه من قسم البث المباشر.",
    "sku.invalid_format": "استخدم الحروف والأرقام و«.» و«_» و«-» فقط، بدون مسافات.",
    "sku.not_found": "لا يوجد منتج في هذا المتجر بهذا الرمز.",
    "role.invalid_option": "اختر مالك أو موظف.",
  },
  fields: {
    fee_minor: "الرسوم", free_over_minor: "مجاني فوق", zones: "المناطق", combine_window_hours: "مهلة دمج الطلبات", methods: "طرق التوصيل", type: "النوع",
    delivery_method_id: "طريقة التوصيل", phone: "الهاتف", address: "العنوان", line1: "الشارع والرقم", city: "المدينة", region: "المنطقة", postal_code: "الرمز البريدي", tracking_url: "رابط التتبع", instructions: "التعليمات",
    email: "البريد الإلكتروني", password: "كلمة المرور", full_name: "الاسم الكامل", name: "الاسم", sku: "رمز المنتج (SKU)", price: "السعر", stock: "المخزون",
    stock_delta: "المخزون", keywords: "الكلمات المفتاحية", description: "الوصف", color: "اللون", size: "المقاس", group_key: "المجموعة",
    image_url: "الصورة", low_stock_at: "تنبيه انخفاض المخزون", active: "ظاهر للبوت", role: "الدور", title: "العنوان",
    fb_video_id: "معرّف فيديو البث", fb_post_id: "معرّف المنشور", fb_page_id: "صفحة فيسبوك", page_id: "معرّف الصفحة",
    page_access_token: "رمز وصول الصفحة", country: "الدولة", currency: "العملة", locale: "اللغة", timezone: "المنطقة الزمنية",
    quantity: "الكمية", qty: "الكمية", items: "المنتجات", text: "الرسالة", author_name: "اسم المشتري",
    tracking_number: "رقم التتبّع", carrier: "شركة الشحن", reason: "السبب", file: "الملف", plan: "الخطة", gateway: "طريقة الدفع",
    q: "البحث", status: "الحالة", limit: "حجم الصفحة", offset: "الصفحة", store_id: "المتجر",
    reservation_minutes: "مدة الحجز", reservation_ttl_seconds: "مدة الحجز", tone: "أسلوب البوت",
  },
  codes: {
    network_error: "تعذّر الوصول إلى الخادم. تحقّق من اتصالك وحاول مرة أخرى.",
    unauthorized: "انتهت جلستك. سجّل الدخول مرة أخرى.",
    invalid_credentials: "البريد الإلكتروني أو كلمة المرور غير صحيحة.",
    forbidden: "ليست لديك صلاحية للقيام بذلك. اطلب ذلك من مالك المتجر.",
    not_found: "لم نعثر عليه: ربما حُذف أو يتبع متجرًا آخر.",
    rate_limited: "محاولات كثيرة جدًا. حاول مرة أخرى بعد {retry_after} ثانية.",
    csrf_failed: "أعد تحميل الصفحة وحاول مرة أخرى.",
    payload_too_large: "الحجم كبير جدًا (الحد الأقصى {limit_kb} كيلوبايت).",
    invalid_json: "تعذّرت قراءة الطلب. أعد تحميل الصفحة وحاول مرة أخرى.",
    invalid_input: "أرسل المخزون الجديد أو التغيير عليه، وليس الاثنين معًا.",
    internal_error: "حدث خطأ من جهتنا. حاول مرة أخرى بعد قليل.",
    already_exists: "هذا موجود بالفعل.",
    email_taken: "يوجد حساب بهذا البريد الإلكتروني بالفعل. سجّل الدخول بدلًا من ذلك.",
    already_member: "هذا الشخص عضو في المتجر بالفعل.",
    page_taken: "صفحة فيسبوك هذه مرتبطة بمتجر آخر بالفعل.",
    page_missing: "اربط صفحة فيسبوك (أو صفحة المحاكي) أولًا.",
    live_exists: "يوجد بث مباشر لهذا الفيديو بالفعل.",
    last_owner: "يحتاج المتجر إلى مالك واحد على الأقل: اجعل شخصًا آخر مالكًا أولًا.",
    live_ended: "انتهى هذا البث: لم يعد بالإمكان معالجة تعليقاته المتوقفة.",
    bot_disabled: "شغّل الروبوت أولًا: أثناء إيقافه لا يُحجز شيء ولا يُرسل شيء.",
    bot_not_acting: "لم يُحجز شيء: الروبوت لا يعمل لهذا المشتري أو البث الآن.",
    product_reserved: "لهذا المنتج وحدات محجوزة في سلال مفتوحة. انتظر حتى تُدفع أو تنتهي مدتها.",
    order_not_editable: "لا يمكن تعديل إلا سلة معلّقة لم تنتهِ مدة حجزها.",
    buyer_opted_out: "طلب هذا المشتري عدم مراسلته مرة أخرى.",
    invalid_state: "لا يسمح هذا الطلب بذلك في حالته الحالية. أعد التحميل لرؤيتها.",
    nothing_to_refund: "لا توجد دفعة لاستردادها في هذا الطلب.",
    not_refundable: "لا يمكن استرداد هذه الدفعة تلقائيًا. استردّها لدى مزوّد الدفع.",
    not_configured: "طريقة الدفع هذه لم تعد مُعدّة في المتجر.",
    provider_unavailable: "مزوّد الدفع لا يستجيب. حاول مرة أخرى بعد بضع دقائق.",
    refund_failed: "رفض مزوّد الدفع الاسترداد. تحقّق من ذلك لدى المزوّد.",
    order_not_payable: "لم يعد بالإمكان دفع هذا الطلب.",
    method_unavailable: "طريقة الدفع هذه غير متاحة الآن.",
    out_of_stock: "لا يوجد مخزون كافٍ من {sku}: المتبقي {available}.",
    plan_limit_reached: "وصلت إلى حد خطتك ({used} من {max}). رقِّ الخطة لإضافة المزيد.",
    subscription_inactive: "اشتراك المتجر غير نشط. جدّد الخطة أو تواصل مع الدعم.",
    invalid_encoding: "الملف ليس بترميز UTF-8. احفظه بصيغة «CSV UTF-8» وحاول مرة أخرى.",
    invalid_content_type: "اختر ملفًا لرفعه.",
    invalid_multipart: "تعذّرت قراءة الملف المرفوع. حاول مرة أخرى.",
    webhook_rejected: "رُفض التعليق التجريبي. حاول مرة أخرى.",
    messaging_window_closed: "لا تسمح Meta بمراسلة هذا المشتري إلا ردًّا على أحد تعليقاته، وكل تعليقاته لها رد بالفعل. اطلب منه التعليق مرة أخرى أو مراسلة الصفحة.",
    mfa_required: "أدخل الرمز من تطبيق المصادقة.",
    order_not_paid: "لا يمكن شحن أو تسليم إلا الطلبات المدفوعة.",
  },
};

const catalogs: Record<UiLocale, ApiErrorMessages> = { en, es, pt, ar };

export function apiErrorMessages(locale: UiLocale): ApiErrorMessages {
  return catalogs[locale];
}

export type ApiErrorShape = { status: number; code: string; message: string; details?: unknown };
type Detail = { field?: unknown; code?: unknown; params?: unknown; message?: unknown };

/** "items.0.qty" → "qty"; "credentials.clientId" → "clientId": the segment a label is keyed by. */
function leafOf(field: string) {
  const parts = field.split(".").filter((p) => p && !/^\d+$/.test(p));
  return parts[parts.length - 1] ?? field;
}

function vars(params: unknown): Record<string, string | number> {
  if (!params || typeof params !== "object") return {};
  return Object.fromEntries(
    Object.entries(params as Record<string, unknown>).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : typeof v === "number" ? v : String(v)]),
  );
}

/** The label of a field in the seller's language, or null when we have none (then no schema path is shown). */
export function fieldLabel(field: string, locale: UiLocale): string | null {
  const t = catalogs[locale];
  const labels: Record<string, string> = { ...(paymentMessages(locale).fields as Record<string, string>), ...t.fields };
  return labels[field] ?? labels[leafOf(field)] ?? null;
}

/** What to do about one field issue, without the field's name (forms show it under the input). */
export function describeFieldIssue(detail: Detail, locale: UiLocale): string {
  const t = catalogs[locale];
  const code = typeof detail.code === "string" ? detail.code : "invalid";
  const params = vars(detail.params);
  const leaf = leafOf(String(detail.field ?? ""));
  const exclusive = (code === "too_small" || code === "too_big") && (detail.params as { inclusive?: unknown } | undefined)?.inclusive === false;
  const key = exclusive ? (`${code}_exclusive` as const) : code;
  const template = (t.fieldIssues as Record<string, string>)[`${leaf}.${code}`] ?? (t.issues as Record<string, string>)[key] ?? t.issues.invalid;
  return format(template, params);
}

/**
 * An API error as the seller should read it: `message` (a toast or alert: what went wrong and what to
 * do, naming fields by their label) and `fields` (field → sentence, for forms). Unknown error codes
 * keep the server's message: better an English hint than nothing.
 */
export function localizeApiError(error: ApiErrorShape, locale: UiLocale): { message: string; fields: Record<string, string> } {
  const t = catalogs[locale];
  const details = Array.isArray(error.details) ? (error.details as Detail[]).filter((d) => d && typeof d.field === "string") : [];
  const fields: Record<string, string> = {};
  const lines: string[] = [];
  for (const d of details) {
    const field = d.field as string;
    const text = describeFieldIssue(d, locale);
    fields[field] ??= text;
    const label = fieldLabel(field, locale);
    lines.push(label ? `${label}: ${text}` : text);
  }
  const codes = t.codes as Record<string, string>;
  if (error.code === "validation_error" || (!codes[error.code] && lines.length)) {
    return { message: [...new Set(lines)].slice(0, 3).join(" ") || t.issues.invalid, fields };
  }
  const objectDetails = !Array.isArray(error.details) && error.details && typeof error.details === "object" ? vars(error.details) : {};
  if (codes[error.code]) return { message: format(codes[error.code]!, objectDetails), fields };
  if (error.code === "http_error") return { message: format(t.httpError, { status: error.status }), fields };
  return { message: error.message || t.fallback, fields };
}
