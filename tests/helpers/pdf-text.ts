import { inflateSync } from "node:zlib";

/**
 * The text a PDF shows, one string per text-showing operator (TJ/Tj), read from its content streams
 * (inflated when compressed). Enough for PDFs written with the standard fonts (WinAnsi bytes), as
 * pdfkit writes them; not a general PDF parser.
 */
export function pdfText(pdf: Buffer): string[] {
  const raw = pdf.toString("latin1");
  const out: string[] = [];
  // pdfkit ends a stream with "\nendstream": a compressed stream whose last byte is a carriage return
  // (it depends on the content, e.g. the invoice number) must keep it, so both readings are tried.
  const streams = /stream\r?\n([\s\S]*?)(\r?)\nendstream/g;
  for (let m; (m = streams.exec(raw)); ) {
    let content = m[1]!;
    for (const candidate of [m[1]! + m[2]!, m[1]!]) {
      try {
        content = inflateSync(Buffer.from(candidate, "latin1")).toString("latin1");
        break;
      } catch {
        /* not this reading */
      }
    }
    const ops = /\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g;
    for (let o; (o = ops.exec(content)); ) {
      const hexes = o[1] !== undefined ? [...o[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]!) : [o[2]!];
      out.push(hexes.map((h) => new TextDecoder("windows-1252").decode(Buffer.from(h, "hex"))).join(""));
    }
  }
  return out;
}
