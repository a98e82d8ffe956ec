import type { Messages } from "./en";

export const pt: Messages = {
  app: { name: "LiveStreamSell", tagline: "Venda no Facebook Live sem anotar pedidos à mão" },
  nav: { overview: "Visão geral", live: "Ao vivo", inventory: "Estoque", orders: "Pedidos", settings: "Configurações", admin: "Admin", apiDocs: "Documentação da API", signOut: "Sair", skip: "Pular para o conteúdo", menu: "Menu", language: "Idioma", store: "Loja" },
  auth: {
    signIn: "Entrar", signUp: "Criar conta", email: "E-mail", password: "Senha", fullName: "Nome completo",
    noAccount: "Novo por aqui?", haveAccount: "Já tem conta?", invalid: "E-mail ou senha incorretos.",
    rateLimited: "Muitas tentativas. Aguarde alguns minutos e tente novamente.", passwordHint: "Pelo menos 8 caracteres.",
    welcome: "Bem-vindo de volta", createTitle: "Comece a vender ao vivo", working: "Aguarde…",
  },
  landing: {
    hero: "Seus clientes comentam. O bot anota o pedido.",
    sub: "Comentários em qualquer idioma viram carrinhos reservados e um link de pagamento privado em segundos. Você continua a live.",
    cta: "Crie sua loja", signIn: "Entrar",
    f1: "Entende “quiero 2 de la polera roja M”, “SOLD A12”, “eu quero a bolsa preta”",
    f2: "Reserva o estoque por 30 minutos e nunca vende além do disponível",
    f3: "PayPal, Mercado Pago, Flow ou transferência",
  },
  store: {
    createTitle: "Crie sua loja", name: "Nome da loja", country: "País", currency: "Moeda", locale: "Idioma",
    timezone: "Fuso horário", pageId: "ID da página do Facebook (opcional)", create: "Criar loja", created: "Loja criada",
  },
  overview: { title: "Visão geral", empty: "Nenhuma venda ainda. Importe seu catálogo e comece uma live.", revenue: "Receita", pending: "Pendentes", paid: "Pagos", expired: "Expirados", conversion: "Conversão", products: "Produtos", lives: "Lives" },
  inventory: {
    title: "Estoque", import: "Importar CSV", importHelp: "Colunas: sku,name,description,price,stock,keywords — keywords separadas por ;",
    chooseFile: "Escolha um arquivo CSV", upload: "Importar", importing: "Importando…", imported: "{created} produtos novos importados e {updated} atualizados",
    errors: "Nada foi importado. Corrija estas linhas e tente novamente:", line: "Linha", sku: "SKU", name: "Nome", price: "Preço",
    stock: "Estoque", reserved: "Reservado", available: "Disponível", keywords: "Palavras-chave", empty: "Nenhum produto ainda.", search: "Buscar produtos",
    lowStock: "Estoque baixo",
  },
  live: { title: "Lives", empty: "Nenhuma live ainda." },
  orders: { title: "Pedidos", empty: "Nenhum pedido ainda." },
  settings: { title: "Configurações" },
  admin: { title: "Administração da plataforma", tenants: "Lojas", users: "Usuários", plans: "Planos", usage: "Uso", tickets: "Chamados de suporte", audit: "Auditoria", ai: "Registro de IA" },
  common: { save: "Salvar", cancel: "Cancelar", loading: "Carregando…", error: "Algo deu errado", retry: "Tentar novamente", comingNext: "Esta seção chega na próxima versão." },
};
