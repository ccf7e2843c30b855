import { describe, expect, it } from "vitest";
import { createUser, formRequest, requestAs, routeArgs } from "~/test/factories";
import { action as newRecommendation } from "~/routes/recommendations.new";

describe("one shape for refusals", () => {
  it("answers an invalid form with 400, its errors and the person's input kept", async () => {
    const sec = await createUser("SECRETARIAT");
    const init = { ...formRequest({ code: "X-1", title: "Kept title", text: "" }), headers: { "Content-Type": "application/x-www-form-urlencoded" } };
    const answer = (await newRecommendation(routeArgs(await requestAs(sec.id, "/recommendations/new", init)))) as unknown as {
      init: { status: number };
      data: { result: { initialValue: Record<string, unknown>; error: Record<string, string[]> } };
    };
    expect(answer.init.status).toBe(400);
    expect(answer.data.result.initialValue).toMatchObject({ code: "X-1", title: "Kept title" });
    expect(Object.keys(answer.data.result.error)).toContain("text");
  });
});
