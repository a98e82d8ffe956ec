import { expect, test, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { checkoutPathOf } from "./checkout-helpers";
import { comment, expectNoSeriousAxe, readySeller, sentFor, shot, signInToDashboard, startLive, type ApiSeller, type SentMessage } from "./dashboard-helpers";

// A Chilean store (es-CL, CLP) on a live with three buyers of its last two "Bolso negro": a Brazilian,
// an Arabic speaker and a Chilean who writes only "SOLD B07". Every browser here is a Chilean one
// (Accept-Language es-CL), so a Portuguese or Arabic checkout can only come from the language the
// buyer was answered in.
test.use({ locale: "es-CL" });

type Body = { message?: string | { text?: string; attachment?: { payload?: { text?: string; buttons?: { url?: string }[] } } } };
const textOf = (m: SentMessage | undefined) => {
  const body = m?.body as Body | undefined;
  return typeof body?.message === "string" ? body.message : (body?.message?.attachment?.payload?.text ?? body?.message?.text ?? "");
};
const linkOf = (m: SentMessage | undefined) => {
  const body = m?.body as Body | undefined;
  return typeof body?.message === "object" ? (body.message.attachment?.payload?.buttons?.[0]?.url ?? "") : "";
};

const answeredComments = new Set<string>();

/**
 * Posts the comment through the signed webhook and waits until the bot answered it publicly and
 * privately. Comments are posted one at a time, so the one comment with both replies sent that was
 * not seen before is this one.
 */
async function answered(request: APIRequestContext, seller: ApiSeller, liveId: string, author: string, text: string) {
  await comment(request, seller, liveId, author, text);
  let pair: SentMessage[] = [];
  await expect(async () => {
    const byComment = new Map<string, SentMessage[]>();
    for (const m of await sentFor(request, seller, liveId)) {
      if (m.comment_id && m.status === "SENT" && !answeredComments.has(m.comment_id)) byComment.set(m.comment_id, [...(byComment.get(m.comment_id) ?? []), m]);
    }
    pair = [...byComment.values()].find((ms) => ms.some((m) => m.kind === "PUBLIC_REPLY") && ms.some((m) => m.kind === "PRIVATE_REPLY")) ?? [];
    expect(pair).toHaveLength(2);
  }).toPass({ timeout: 15_000 });
  answeredComments.add(pair[0]!.comment_id!);
  const pub = pair.find((m) => m.kind === "PUBLIC_REPLY");
  const dm = pair.find((m) => m.kind === "PRIVATE_REPLY");
  return { publicText: textOf(pub), dmText: textOf(dm), link: linkOf(dm), purpose: dm?.purpose };
}

async function liveWithThreeBuyers(request: APIRequestContext) {
  const seller = await readySeller(request); // B07 "Bolso negro": 2 in stock
  const live = await startLive(request, seller, "Live del viernes");
  const ana = await answered(request, seller, live.id, "Ana Souza", "eu quero a bolsa preta");
  const omar = await answered(request, seller, live.id, "Omar Haddad", "أريد الشنطة السوداء");
  const carla = await answered(request, seller, live.id, "Carla Pérez", "SOLD B07");
  return { seller, live, ana, omar, carla };
}

async function checkoutIn(page: Page, link: string, lang: "pt" | "ar", name: string) {
  await page.goto(checkoutPathOf(link));
  // The checkout declares its own language on <main> (the document's is the dashboard's UI language).
  await expect(page.locator("main")).toHaveAttribute("lang", lang);
  await expect(page.locator("main")).toHaveAttribute("dir", lang === "ar" ? "rtl" : "ltr");
  await expect(page.getByRole("heading", { name: lang === "pt" ? "Reservado para você por" : "محجوز لك لمدة" })).toBeVisible();
  await expect(page.getByText("Bolso negro").first()).toBeVisible();
  // CLP has no decimals; the hold time is a 24-hour clock for pt, without a zone name.
  await expect(page.getByText(lang === "pt" ? /CLP\s39\.990/ : /39[,٬]990|٣٩٬٩٩٠/).first()).toBeVisible();
  await expect(page.getByText(/GMT/)).toHaveCount(0);
  await shot(page, name);
  await expectNoSeriousAxe(page, name);
}

async function feedIn(page: Page, context: BrowserContext, liveId: string, lang: "es" | "pt" | "ar", chip: string, name: string) {
  await context.addCookies([{ name: "lss_locale", value: lang, url: test.info().project.use.baseURL! }]);
  await page.goto(`/dashboard/live/${liveId}`);
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  const carla = page.getByTestId("feed-row").filter({ hasText: "SOLD B07" });
  await expect(carla).toHaveAttribute("data-outcome", "sold_out");
  await expect(carla.getByTestId("outcome-tag")).toHaveText(chip);
  // The buyers who got the units are ordinary processed comments with their carts.
  await expect(page.getByTestId("feed-row").filter({ hasText: "eu quero a bolsa preta" })).toHaveAttribute("data-outcome", "reserved");
  await expect(page.getByTestId("feed-row").filter({ hasText: "eu quero a bolsa preta" }).getByTestId("outcome-tag")).toHaveCount(0);
  await shot(page, name);
  await expectNoSeriousAxe(page, name);
}

const CHIPS = { es: "Agotado · lista de espera", pt: "Esgotado · lista de espera", ar: "نفدت الكمية · قائمة الانتظار" } as const;

function expectRepliesInTheirLanguages({ ana, omar, carla }: Awaited<ReturnType<typeof liveWithThreeBuyers>>) {
  expect(ana.publicText).toBe("Pronto @Ana! Enviamos os detalhes por mensagem privada 📩");
  expect(ana.dmText).toContain("Oi Ana! Reservamos isto para você");
  expect(omar.publicText).toContain("أرسلنا لك التفاصيل في رسالة خاصة");
  expect(omar.dmText).toContain("حجزنا لك هذا");
  // "SOLD B07" names no language: the store's Spanish, and it says what happened — sold out.
  expect(carla.purpose).toBe("waitlist_offer");
  expect(carla.publicText).toBe("Uy @Carla, se agotó 😢 Te escribimos por privado para anotarte en la lista de espera 📩");
  for (const dm of [ana.dmText, omar.dmText]) expect(dm).not.toMatch(/GMT|UTC/);
}

test("@phone buyers are answered in their language, the checkout follows it on a Spanish phone, and the feed shows the sold-out comment", async ({ page, context, request }) => {
  test.setTimeout(240_000); // three comments, two checkouts and the feed in three languages, each checked by axe
  const run = await liveWithThreeBuyers(request);
  expectRepliesInTheirLanguages(run);
  await checkoutIn(page, run.ana.link, "pt", "buyer-language-checkout-pt-phone");
  await checkoutIn(page, run.omar.link, "ar", "buyer-language-checkout-ar-phone");

  await signInToDashboard(page, run.seller);
  for (const lang of ["es", "pt", "ar"] as const) await feedIn(page, context, run.live.id, lang, CHIPS[lang], `live-feed-sold-out-${lang}-phone`);
});

test("buyers are answered in their language and the Live Control Center shows the sold-out comment (desktop)", async ({ page, context, request }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const run = await liveWithThreeBuyers(request);
  expectRepliesInTheirLanguages(run);
  await checkoutIn(page, run.ana.link, "pt", "buyer-language-checkout-pt-desktop");
  await checkoutIn(page, run.omar.link, "ar", "buyer-language-checkout-ar-desktop");

  await signInToDashboard(page, run.seller);
  for (const lang of ["es", "pt", "ar"] as const) await feedIn(page, context, run.live.id, lang, CHIPS[lang], `live-feed-sold-out-${lang}-desktop`);
});
