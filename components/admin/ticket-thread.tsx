import { cn } from "@/lib/utils";

type Message = { id: string; from: "seller" | "support"; body: string; at: string };

/** A ticket's conversation, both sides; the viewer's own side on the end edge. */
export function TicketThread({ messages, mine, labels, locale }: { messages: Message[]; mine: "seller" | "support"; labels: { seller: string; support: string }; locale: string }) {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short" });
  return (
    <ol className="flex flex-col gap-3" data-testid="ticket-thread">
      {messages.map((m) => (
        <li key={m.id} className={cn("max-w-[85%] rounded-lg border border-border p-3 text-sm", m.from === mine ? "self-end bg-primary/10" : "self-start bg-card")}>
          <p className="mb-1 text-xs text-muted-foreground">{labels[m.from]} · {date.format(new Date(m.at))}</p>
          <p className="whitespace-pre-wrap"><bdi>{m.body}</bdi></p>
        </li>
      ))}
    </ol>
  );
}
