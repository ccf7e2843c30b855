import { createRequire } from "node:module";
import type { AgnosticRouteObject } from "@remix-run/router";
import { describe, expect, it } from "vitest";

// The server loads the CommonJS builds that patches/ changes (docs/decisions/063-read-path.md): matches kept
// per route array and per path, and react-router-dom's data routes derived once per array. Each caller must
// still get matches of its own, for the right path.
const require = createRequire(import.meta.url);
const router = require("@remix-run/router") as typeof import("@remix-run/router");
const server = require("react-router-dom/server") as typeof import("react-router-dom/server");

const routes: AgnosticRouteObject[] = [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      { id: "meetings", path: "meetings" },
      { id: "meeting", path: "meetings/:slug" },
      { id: "agenda", path: "meetings/:slug/agenda" },
      { id: "file", path: "files/*" },
    ],
  },
];

const ids = (matches: { route: { id?: string } }[] | null) => matches?.map((m) => m.route.id) ?? null;

describe("route matching as patched for the server", () => {
  it("answers each path with its own matches and parameters, however often it is asked", () => {
    for (let round = 0; round < 3; round++) {
      expect(ids(router.matchRoutes(routes, "/meetings/calais-7"))).toEqual(["root", "meeting"]);
      expect(router.matchRoutes(routes, "/meetings/calais-7")?.[1].params).toEqual({ slug: "calais-7" });
      expect(router.matchRoutes(routes, "/meetings/brussels-2")?.[1].params).toEqual({ slug: "brussels-2" });
      expect(ids(router.matchRoutes(routes, "/meetings/calais-7/agenda"))).toEqual(["root", "agenda"]);
      expect(router.matchRoutes(routes, "/files/a/b.pdf")?.[1].params).toEqual({ "*": "a/b.pdf" });
      expect(ids(router.matchRoutes(routes, "/"))).toEqual(["root", "home"]);
      expect(router.matchRoutes(routes, "/nowhere/at/all")).toBeNull();
    }
  });

  it("hands every caller a copy: changing one answer does not change the next", () => {
    const first = router.matchRoutes(routes, "/meetings/lisbon-3")!;
    (first[1].params as Record<string, string>).slug = "changed";
    first[1].pathname = "/changed";
    first.pop();
    const second = router.matchRoutes(routes, "/meetings/lisbon-3")!;
    expect(ids(second)).toEqual(["root", "meeting"]);
    expect(second[1].params).toEqual({ slug: "lisbon-3" });
    expect(second[1].pathname).toBe("/meetings/lisbon-3");
    // One parameter object per answer, shared by its matches, as the unpatched router gives.
    expect(second[0].params).toBe(second[1].params);
  });

  it("matches another route array on its own, even with the same paths", () => {
    const other: AgnosticRouteObject[] = [{ id: "other-root", path: "", children: [{ id: "other-meeting", path: "meetings/:id" }] }];
    expect(ids(router.matchRoutes(routes, "/meetings/x"))).toEqual(["root", "meeting"]);
    expect(ids(router.matchRoutes(other, "/meetings/x"))).toEqual(["other-root", "other-meeting"]);
    expect(router.matchRoutes(other, "/meetings/x")?.[1].params).toEqual({ id: "x" });
  });

  it("derives the static router's data routes once per route array", async () => {
    const handler = router.createStaticHandler(routes as never);
    const context = await handler.query(new Request("http://localhost/meetings/calais-7"));
    if (context instanceof Response) throw new Error("unexpected response");
    const a = server.createStaticRouter(routes as never, context);
    const b = server.createStaticRouter(routes as never, context);
    expect(a.routes).toBe(b.routes);
    expect(a.state.matches.map((m) => m.route.id)).toEqual(["root", "meeting"]);
    const copy = structuredClone(routes);
    expect(server.createStaticRouter(copy as never, context).routes).not.toBe(a.routes);
  });
});
