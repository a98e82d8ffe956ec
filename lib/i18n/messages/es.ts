import type { Messages } from "./en";

export const es: Messages = {
  app: { name: "LiveStreamSell", tagline: "Vende en Facebook Live sin tomar pedidos a mano" },
  nav: { overview: "Resumen", live: "En vivo", inventory: "Inventario", orders: "Pedidos", settings: "Ajustes", admin: "Admin", apiDocs: "Documentación API", signOut: "Cerrar sesión", skip: "Saltar al contenido", menu: "Menú", language: "Idioma", store: "Tienda" },
  auth: {
    signIn: "Ingresar", signUp: "Crear cuenta", email: "Correo", password: "Contraseña", fullName: "Nombre completo",
    noAccount: "¿Eres nuevo?", haveAccount: "¿Ya tienes cuenta?", invalid: "Correo o contraseña incorrectos.",
    rateLimited: "Demasiados intentos. Espera unos minutos e inténtalo de nuevo.", passwordHint: "Mínimo 8 caracteres.",
    welcome: "Hola de nuevo", createTitle: "Empieza a vender en vivo", working: "Un momento…",
  },
  landing: {
    hero: "Tus clientes comentan. El bot toma el pedido.",
    sub: "Los comentarios en cualquier idioma se convierten en carritos reservados y un link de pago privado en segundos. Tú sigues transmitiendo.",
    cta: "Crea tu tienda", signIn: "Ingresar",
    f1: "Entiende “quiero 2 de la polera roja M”, “SOLD A12”, “eu quero a bolsa preta”",
    f2: "Reserva stock por 30 minutos y nunca sobrevende",
    f3: "PayPal, Mercado Pago, Flow o transferencia",
  },
  store: {
    createTitle: "Crea tu tienda", name: "Nombre de la tienda", country: "País", currency: "Moneda", locale: "Idioma",
    timezone: "Zona horaria", pageId: "ID de la página de Facebook (opcional)", create: "Crear tienda", created: "Tienda creada",
  },
  overview: { title: "Resumen", empty: "Aún no hay ventas. Importa tu catálogo y comienza un live.", revenue: "Ingresos", pending: "Pendientes", paid: "Pagados", expired: "Expirados", conversion: "Conversión", products: "Productos", lives: "Lives" },
  inventory: {
    title: "Inventario", import: "Importar CSV", importHelp: "Columnas: sku,name,description,price,stock,keywords — keywords separadas por ;",
    chooseFile: "Elige un archivo CSV", upload: "Importar", importing: "Importando…", imported: "Se importaron {created} nuevos y se actualizaron {updated} productos",
    errors: "No se importó nada. Corrige estas líneas e inténtalo de nuevo:", line: "Línea", sku: "SKU", name: "Nombre", price: "Precio",
    stock: "Stock", reserved: "Reservado", available: "Disponible", keywords: "Palabras clave", empty: "Aún no hay productos.", search: "Buscar productos",
    lowStock: "Stock bajo",
  },
  live: { title: "Lives", empty: "Aún no hay lives." },
  orders: { title: "Pedidos", empty: "Aún no hay pedidos." },
  settings: { title: "Ajustes" },
  admin: { title: "Administración de la plataforma", tenants: "Tiendas", users: "Usuarios", plans: "Planes", usage: "Uso", tickets: "Tickets de soporte", audit: "Auditoría", ai: "Registro IA" },
  common: { save: "Guardar", cancel: "Cancelar", loading: "Cargando…", error: "Algo salió mal", retry: "Reintentar", comingNext: "Esta sección llega en la próxima versión." },
};
