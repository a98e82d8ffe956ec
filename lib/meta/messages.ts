// Send API message bodies. Limits from the Messenger Platform reference: text ≤ 2000 chars,
// ≤ 13 quick replies with titles ≤ 20 chars and payloads ≤ 1000 chars, button template text ≤ 640
// chars with 1–3 buttons whose titles are ≤ 20 chars. Builders clamp translated strings instead of
// throwing, because a long translation must never stop a sale; structural mistakes do throw.

export const LIMITS = {
  text: 2000,
  quickReplies: 13,
  quickReplyTitle: 20,
  payload: 1000,
  buttonTemplateText: 640,
  buttons: 3,
  buttonTitle: 20,
} as const;

export type QuickReply = { content_type: "text"; title: string; payload: string };
export type UrlButton = { type: "web_url"; url: string; title: string; webview_height_ratio?: "compact" | "tall" | "full" };
export type PostbackButton = { type: "postback"; title: string; payload: string };
export type MetaButton = UrlButton | PostbackButton;

export type MetaTextMessage = { text: string; quick_replies?: QuickReply[] };
export type MetaButtonTemplateMessage = {
  attachment: { type: "template"; payload: { template_type: "button"; text: string; buttons: MetaButton[] } };
  quick_replies?: QuickReply[];
};
type UtilityParameter = { type: "text"; text: string; parameter_name?: string };
type UtilityComponent =
  | { type: "header" | "body"; parameters: UtilityParameter[] }
  | { type: "buttons"; parameters: Array<{ type: "URL"; url: string } | { type: "POSTBACK"; payload: string }> };
/** An approved utility template: the only thing Meta delivers outside the 24 h window (messaging_type UTILITY). */
export type MetaUtilityTemplateMessage = {
  template: { name: string; language: { code: string }; components: UtilityComponent[] };
};
export type MetaMessage = MetaTextMessage | MetaButtonTemplateMessage | MetaUtilityTemplateMessage;

export class MetaMessageBuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MetaMessageBuildError";
  }
}

/** Cuts by code points so an emoji or an Arabic letter is never split in half. */
export function clampText(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return chars.slice(0, Math.max(0, max - 1)).join("").trimEnd() + "…";
}

function assertPayload(payload: string) {
  if (payload.length === 0 || payload.length > LIMITS.payload) {
    throw new MetaMessageBuildError(`payload must be 1..${LIMITS.payload} characters`);
  }
}

export function quickReply(title: string, payload: string): QuickReply {
  assertPayload(payload);
  return { content_type: "text", title: clampText(title, LIMITS.quickReplyTitle), payload };
}

function checkQuickReplies(quickReplies: QuickReply[] | undefined): QuickReply[] | undefined {
  if (!quickReplies || quickReplies.length === 0) return undefined;
  if (quickReplies.length > LIMITS.quickReplies) {
    throw new MetaMessageBuildError(`at most ${LIMITS.quickReplies} quick replies are allowed`);
  }
  return quickReplies;
}

export function textMessage(text: string, options: { quickReplies?: QuickReply[] } = {}): MetaTextMessage {
  if (text.trim() === "") throw new MetaMessageBuildError("text must not be empty");
  const quick = checkQuickReplies(options.quickReplies);
  return { text: clampText(text, LIMITS.text), ...(quick ? { quick_replies: quick } : {}) };
}

export function urlButton(title: string, url: string): UrlButton {
  if (!/^https?:\/\//i.test(url)) throw new MetaMessageBuildError("URL buttons need an http(s) URL");
  return { type: "web_url", url, title: clampText(title, LIMITS.buttonTitle), webview_height_ratio: "full" };
}

export function postbackButton(title: string, payload: string): PostbackButton {
  assertPayload(payload);
  return { type: "postback", title: clampText(title, LIMITS.buttonTitle), payload };
}

export function buttonTemplateMessage({
  text,
  buttons,
  quickReplies,
}: {
  text: string;
  buttons: MetaButton[];
  quickReplies?: QuickReply[];
}): MetaButtonTemplateMessage {
  if (buttons.length < 1 || buttons.length > LIMITS.buttons) {
    throw new MetaMessageBuildError(`a button template needs 1..${LIMITS.buttons} buttons`);
  }
  if (text.trim() === "") throw new MetaMessageBuildError("text must not be empty");
  const quick = checkQuickReplies(quickReplies);
  return {
    attachment: {
      type: "template",
      payload: { template_type: "button", text: clampText(text, LIMITS.buttonTemplateText), buttons },
    },
    ...(quick ? { quick_replies: quick } : {}),
  };
}

/**
 * A utility template message. Named parameters (an object) match templates created with
 * `parameter_format: "NAMED"`; an array fills positional `{{1}}`, `{{2}}`, ... placeholders.
 * `urlSuffix` fills the dynamic part of the template's URL button.
 */
export function utilityTemplateMessage({
  name,
  languageCode,
  bodyParameters,
  urlSuffix,
}: {
  name: string;
  languageCode: string;
  bodyParameters: Record<string, string> | string[];
  urlSuffix?: string;
}): MetaUtilityTemplateMessage {
  if (!/^[a-z0-9_]+$/.test(name)) throw new MetaMessageBuildError("template names are lowercase letters, digits and _");
  const parameters: UtilityParameter[] = Array.isArray(bodyParameters)
    ? bodyParameters.map((text) => ({ type: "text", text }))
    : Object.entries(bodyParameters).map(([parameter_name, text]) => ({ type: "text", parameter_name, text }));
  const components: UtilityComponent[] = [];
  if (parameters.length > 0) components.push({ type: "body", parameters });
  if (urlSuffix !== undefined) components.push({ type: "buttons", parameters: [{ type: "URL", url: urlSuffix }] });
  return { template: { name, language: { code: languageCode }, components } };
}

/** One readable line per message, for logs, the simulator and the Live Control Center. */
export function describeMetaMessage(message: MetaMessage): string {
  if ("text" in message) {
    const quick = message.quick_replies?.map((q) => `[${q.title}]`).join(" ");
    return quick ? `${message.text}\n${quick}` : message.text;
  }
  if ("attachment" in message) {
    const { text, buttons } = message.attachment.payload;
    const rendered = buttons.map((b) => (b.type === "web_url" ? `[${b.title} → ${b.url}]` : `[${b.title}]`)).join(" ");
    const quick = message.quick_replies?.map((q) => `[${q.title}]`).join(" ");
    return [text, rendered, quick].filter(Boolean).join("\n");
  }
  const params = message.template.components
    .flatMap((c): string[] =>
      c.type === "buttons" ? c.parameters.map((p) => (p.type === "URL" ? p.url : p.payload)) : c.parameters.map((p) => p.text),
    )
    .join(", ");
  return `template ${message.template.name} (${message.template.language.code}): ${params}`;
}
