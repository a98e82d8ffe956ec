// POST /{page-id}/messages: the Send API (to a PSID, with a messaging_type) and private replies (to a
// comment, Meta's one per comment), validated like Meta, after blocked Pages and the (#613) ceiling.

import { LIMITS, type MetaMessage } from "@/lib/meta/messages";
import { withinSendRate } from "./rate-limit";
import { defaultMessageFor, fail, type Handled } from "./replies";
import { asRecord } from "./request";
import type { FakeGraphState } from "./state";
import type { FakeGraphCall } from "./types";

/** Mirrors the Send API's validation of `message` closely enough to catch our own bugs. */
function validateMessage(message: Record<string, unknown>): string | null {
  const text = message.text;
  const attachment = asRecord(message.attachment);
  const template = asRecord(message.template);
  if (text === undefined && !attachment && !template) return "(#100) Message cannot be empty, must provide valid attachment or text";
  if (text !== undefined && (typeof text !== "string" || text.trim() === "")) return "(#100) Message cannot be empty, must provide valid attachment or text";
  if (typeof text === "string" && text.length > LIMITS.text) return "(#100) Length of param message[text] must be less than or equal to 2000";
  const quick = message.quick_replies;
  if (quick !== undefined) {
    if (!Array.isArray(quick) || quick.length === 0) return "(#100) param message[quick_replies] must be a non-empty array";
    if (quick.length > LIMITS.quickReplies) return "(#105) param message[quick_replies] has too many elements";
    for (const q of quick) {
      const r = asRecord(q);
      if (!r || typeof r.title !== "string" || Array.from(r.title).length > LIMITS.quickReplyTitle) return "(#100) param title must be at most 20 characters";
      if (typeof r.payload !== "string" || r.payload.length > LIMITS.payload) return "(#100) param payload must be a string of at most 1000 characters";
    }
  }
  if (attachment) {
    const payload = asRecord(attachment.payload);
    if (payload?.template_type === "button") {
      const buttons = payload.buttons;
      if (typeof payload.text !== "string" || Array.from(payload.text).length > LIMITS.buttonTemplateText) return "(#100) param message[attachment][payload][text] must be at most 640 characters";
      if (!Array.isArray(buttons) || buttons.length < 1 || buttons.length > LIMITS.buttons) return "(#105) param message[attachment][payload][buttons] must have 1 to 3 elements";
      for (const b of buttons) {
        const r = asRecord(b);
        if (!r || typeof r.title !== "string" || Array.from(r.title).length > LIMITS.buttonTitle) return "(#100) button title must be at most 20 characters";
        if (r.type === "web_url" && (typeof r.url !== "string" || !/^https?:\/\//.test(r.url))) return "(#100) param url must be a valid URL";
      }
    }
  }
  if (template && (typeof template.name !== "string" || !asRecord(template.language))) return "(#100) template requires name and language";
  return null;
}

export function handleMessages(state: FakeGraphState, pageId: string, body: Record<string, unknown>, facts: Partial<FakeGraphCall>): Handled {
  const message = asRecord(body.message);
  const { commentId, psid } = facts;
  if (!commentId && !psid) return fail(state, { status: 400, code: 100, message: "(#100) The parameter recipient is required" }, facts);
  if (!message) return fail(state, { status: 400, code: 100, message: "(#100) Must send either message or state" }, facts);
  const invalid = validateMessage(message);
  if (invalid) return fail(state, { status: 400, code: invalid.startsWith("(#105)") ? 105 : 100, message: invalid }, facts);
  if (!commentId) {
    const type = body.messaging_type;
    if (type !== "RESPONSE" && type !== "UPDATE" && type !== "MESSAGE_TAG" && type !== "UTILITY") {
      return fail(state, { status: 400, code: 100, message: "(#100) The parameter messaging_type is required" }, facts);
    }
    if (type === "MESSAGE_TAG" && typeof body.tag !== "string") return fail(state, { status: 400, code: 100, message: "(#100) Param tag is required for MESSAGE_TAG" }, facts);
  }
  const blocked = state.blockedPages.get(pageId);
  if (blocked) return fail(state, { status: 400, ...blocked }, facts);

  const now = Date.now();
  if (!withinSendRate(state, pageId, now)) return fail(state, { status: 400, code: 613, message: defaultMessageFor(613) }, facts);
  const messageId = `m_${state.instance}_${(state.seq + 1).toString(36)}`;
  if (commentId) {
    if (state.privateRepliesByComment.has(commentId)) {
      return fail(state, { status: 400, code: 10900, message: "(#10900) Activity already replied to" }, facts);
    }
    const recipientId = state.commentAuthors.get(commentId) ?? `psid_${commentId}`;
    state.privateRepliesByComment.set(commentId, { pageId, commentId, recipientId, messageId, message: message as MetaMessage, time: now });
    return { status: 200, response: { recipient_id: recipientId, message_id: messageId }, facts: { ...facts, psid: recipientId } };
  }
  return { status: 200, response: { recipient_id: psid, message_id: messageId }, facts };
}
