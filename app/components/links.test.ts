import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Link } from "@remix-run/react";
import { Link as RouterLink } from "react-router-dom";
import { StaticRouter } from "react-router-dom/server";
import { describe, expect, it } from "vitest";

// patches/@remix-run+react+2.17.5.patch (docs/decisions/094-document-writer.md): on the server, Remix's Link
// writes a link to a plain absolute path directly, without the hooks of its own and react-router-dom's Link.
// The browser renders the real Link over that markup, so the two must write the same bytes. What Remix's Link
// renders otherwise is react-router-dom's Link with `data-discover` (unless the link reloads the document).

const at = (path: string, element: ReactNode) => renderToStaticMarkup(createElement(StaticRouter, { location: path }, element));

const cases: [string, Record<string, unknown>][] = [
  ["/", {}],
  ["/meetings/brussels-2026", { className: "card-link", lang: "fr" }],
  ["/meetings?when=past&series=calais", { "aria-label": "Past meetings" }],
  ["/series/calais-group/", { style: { fontWeight: "bold" }, title: "Calais Group" }],
  ["/meetings/r\u00e9union \u00e9t\u00e9", {}],
  ["/a?b=c/./d", {}],
  // Not plain: the router resolves or drops parts of these, so the real Link runs.
  ["/admin/meetings/../agencies", {}],
  ["/admin/./meetings", {}],
  ["/meetings?", {}],
  ["/meetings#agenda", {}],
  ["/meetings?when=past#list", {}],
  ["//example.org/x", {}],
  ["/a//b", {}],
  ["https://example.org/x", {}],
  ["/meetings", { target: "_blank" }],
  ["/meetings", { reloadDocument: true }],
  ["/meetings", { replace: true, preventScrollReset: true }],
  ["relative/path", {}],
  ["?page=2", {}],
];

describe("Remix's Link on the server", () => {
  for (const from of ["/", "/meetings/brussels-2026/agenda"]) {
    it.each(cases)(`writes %s from ${from} as react-router-dom's Link does`, (to, props) => {
      const absolute = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(to);
      const discover = absolute || props.reloadDocument ? {} : { "data-discover": "true" };
      const expected = at(from, createElement(RouterLink, { ...props, to, ...discover }, "Text"));
      expect(at(from, createElement(Link, { ...props, to }, "Text"))).toBe(expected);
    });
  }
});
