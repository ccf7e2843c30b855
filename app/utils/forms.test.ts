import { describe, expect, it } from "vitest";
import { createAgency, createUser, formAnswer, formRequest, requestAs, responseStatus, routeArgs } from "~/test/factories";
import { action as newAgency } from "~/routes/admin.agencies.new";
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

  it("answers a domain refusal in the same shape: 400, the refusal's field errors, the input kept", async () => {
    const organiser = await createUser("ORGANISER");
    const taken = await createAgency();
    const post = async () =>
      newAgency(routeArgs(await requestAs(organiser.id, "/admin/agencies/new", formRequest({ name: taken.name, acronym: "DUP", kind: "NGO", country: "BE" }))));
    expect(await responseStatus(post())).toBe(400);
    const answer = await formAnswer(post());
    expect(answer.result.error).toEqual({ name: ["admin:agencies.error.nameTaken"] });
    expect(answer.result.initialValue).toMatchObject({ name: taken.name, acronym: "DUP" });
  });
});
