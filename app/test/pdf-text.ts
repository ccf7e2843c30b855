import zlib from "node:zlib";

// Reads the text back out of a PDF written by pdfkit with embedded fonts: its text is glyph ids in
// hex strings, turned back into characters through each font's ToUnicode map. Enough for pdfkit's
// own output (one content stream per page, TJ arrays of hex strings), not a general PDF parser.

type PdfObject = { dict: string; stream: string | null };

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString("latin1");
  const out = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const body = m[2];
    const s = /^([\s\S]*?)stream\r?\n([\s\S]*)$/.exec(body);
    if (!s) {
      out.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    // The stream is exactly /Length bytes (pdfkit writes it directly): cutting at "endstream" instead
    // would drop a compressed stream's last byte when that byte is a carriage return.
    const length = Number(/\/Length (\d+)(?!\d)(?! \d+ R)/.exec(s[1])?.[1] ?? NaN);
    const bytes = Number.isNaN(length) ? s[2].replace(/\r?\nendstream[\s\S]*$/, "") : s[2].slice(0, length);
    // latin1 maps bytes to characters one to one, so the stream's bytes come back unchanged.
    const raw = Buffer.from(bytes, "latin1");
    const stream = /\/FlateDecode/.test(s[1]) ? zlib.inflateSync(raw).toString("latin1") : raw.toString("latin1");
    out.set(Number(m[1]), { dict: s[1], stream });
  }
  return out;
}

function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hexText = (h: string) => String.fromCharCode(...(h.match(/[0-9a-f]{4}/gi) ?? []).map((x) => parseInt(x, 16)));
  for (const m of cmap.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
    const start = parseInt(m[1], 16);
    [...m[3].matchAll(/<([0-9a-f ]*)>/gi)].forEach((e, i) => map.set(start + i, hexText(e[1])));
  }
  return map;
}

/** The text of each page, one string per TJ/Tj operation joined by new lines. */
export function pdfPages(pdf: Buffer): string[] {
  const objs = objects(pdf);
  const fontMaps = new Map<number, Map<number, string>>();
  const mapOf = (ref: number) => {
    let map = fontMaps.get(ref);
    if (!map) {
      const cmapRef = /\/ToUnicode (\d+) 0 R/.exec(objs.get(ref)?.dict ?? "")?.[1];
      map = toUnicode(cmapRef ? (objs.get(Number(cmapRef))?.stream ?? "") : "");
      fontMaps.set(ref, map);
    }
    return map;
  };
  const pages: string[] = [];
  for (const obj of objs.values()) {
    if (!/\/Type \/Page\b/.test(obj.dict)) continue;
    const contentRef = /\/Contents (\d+) 0 R/.exec(obj.dict)?.[1];
    const resourcesRef = /\/Resources (\d+) 0 R/.exec(obj.dict)?.[1];
    const resources = resourcesRef ? (objs.get(Number(resourcesRef))?.dict ?? "") : obj.dict;
    const fontNames = new Map([...resources.matchAll(/\/(F\d+) (\d+) 0 R/g)].map((m) => [m[1], Number(m[2])]));
    const content = objs.get(Number(contentRef))?.stream ?? "";
    const lines: string[] = [];
    let font = new Map<number, string>();
    for (const op of content.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\] TJ|<([0-9a-f]*)> Tj/gi)) {
      if (op[1]) font = mapOf(fontNames.get(op[1]) ?? -1);
      else {
        const hex = op[2] !== undefined ? [...op[2].matchAll(/<([0-9a-f]*)>/gi)].map((h) => h[1]).join("") : op[3];
        lines.push((hex.match(/[0-9a-f]{4}/gi) ?? []).map((g) => font.get(parseInt(g, 16)) ?? "?").join(""));
      }
    }
    pages.push(lines.join("\n"));
  }
  return pages;
}
