import type { Metadata, Viewport } from "next";
import { GeistSans } from "geist/font/sans";
import { GeistMono } from "geist/font/mono";
import "./globals.css";
import { getMessages } from "@/lib/i18n/server";

export const metadata: Metadata = {
  title: { default: "LiveStreamSell", template: "%s · LiveStreamSell" },
  description: "Sell during Facebook Live without taking orders by hand.",
};

export const viewport: Viewport = { themeColor: "#09090b", width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const { locale, dir } = await getMessages();
  return (
    <html lang={locale} dir={dir} className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-dvh bg-background text-foreground">
        {children}
      </body>
    </html>
  );
}
