export type Product = {
  id: string;
  sku: string;
  name: string;
  description: string;
  price: number;
  price_minor: number;
  currency: string;
  stock: number;
  reserved: number;
  available: number;
  keywords: string[];
  color: string | null;
  size: string | null;
  group_key: string | null;
  image_url: string | null;
  low_stock_at: number;
  active: boolean;
};

type ImportPreviewLine = { line: number; sku: string; name: string; price: number; stock: number; action: "create" | "update" };
type ImportGroup = { group: string; variants: string[] };
export type ImportResult = { created: number; updated: number; errors: { line: number; field?: string; code?: string; params?: Record<string, string | number>; message: string }[]; preview?: ImportPreviewLine[]; groups?: ImportGroup[] };
