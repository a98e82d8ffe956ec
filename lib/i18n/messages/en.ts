export const en = {
  app: { name: "LiveStreamSell", tagline: "Sell during Facebook Live without taking orders by hand" },
  nav: { overview: "Overview", live: "Live", inventory: "Inventory", orders: "Orders", settings: "Settings", admin: "Admin", apiDocs: "API docs", signOut: "Sign out", skip: "Skip to content", menu: "Menu", language: "Language", store: "Store" },
  auth: {
    signIn: "Sign in", signUp: "Create account", email: "Email", password: "Password", fullName: "Full name",
    noAccount: "New here?", haveAccount: "Already have an account?", invalid: "Email or password is incorrect.",
    rateLimited: "Too many attempts. Wait a few minutes and try again.", passwordHint: "At least 8 characters.",
    welcome: "Welcome back", createTitle: "Start selling live", working: "Please wait…",
  },
  landing: {
    hero: "Your buyers comment. The bot takes the order.",
    sub: "Comments in any language become reserved carts and a private checkout link in seconds. You keep streaming.",
    cta: "Create your store", signIn: "Sign in",
    f1: "Understands “quiero 2 de la polera roja M”, “SOLD A12”, “eu quero a bolsa preta”",
    f2: "Reserves stock for 30 minutes and never oversells",
    f3: "PayPal, Mercado Pago, Flow or bank transfer",
  },
  store: {
    createTitle: "Create your store", name: "Store name", country: "Country", currency: "Currency", locale: "Language",
    timezone: "Time zone", pageId: "Facebook Page ID (optional)", create: "Create store", created: "Store created",
  },
  overview: { title: "Overview", empty: "Nothing sold yet. Import your catalog and start a live.", revenue: "Revenue", pending: "Pending", paid: "Paid", expired: "Expired", conversion: "Conversion", products: "Products", lives: "Lives" },
  inventory: {
    title: "Inventory", import: "Import CSV", importHelp: "Columns: sku,name,description,price,stock,keywords — keywords separated by ;",
    chooseFile: "Choose a CSV file", upload: "Import", importing: "Importing…", imported: "Imported {created} new and updated {updated} products",
    errors: "Nothing was imported. Fix these lines and try again:", line: "Line", sku: "SKU", name: "Name", price: "Price",
    stock: "Stock", reserved: "Reserved", available: "Available", keywords: "Keywords", empty: "No products yet.", search: "Search products",
    lowStock: "Low stock",
  },
  live: { title: "Lives", empty: "No lives yet." },
  orders: { title: "Orders", empty: "No orders yet." },
  settings: { title: "Settings" },
  admin: { title: "Platform admin", tenants: "Tenants", users: "Users", plans: "Plans", usage: "Usage", tickets: "Support tickets", audit: "Audit log", ai: "AI log" },
  common: { save: "Save", cancel: "Cancel", loading: "Loading…", error: "Something went wrong", retry: "Retry", comingNext: "This section arrives in the next release." },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof en>;
