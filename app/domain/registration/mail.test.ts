import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createAgency, createMeeting } from "~/test/factories";
import { registerPerson } from "~/test/factories.registration";
import { renderQueuedMail } from "~/test/factories.mail";
import { renderStatusMail } from "./mail.server";

const LINK = "https://meet.example.org/j/8461-2209-7718?pwd=aVeryLongPrivatePasswordThatWouldWidenAPhoneScreen";

/** The lines of a mail's text part. */
const lines = (text: string) => text.split("\n").map((l) => l.trim());

describe("registration status mail and the online link", () => {
  it("gives a confirmed participant of a hybrid meeting the link in the mail and in the invite", async () => {
    const meeting = await createMeeting({ capacity: 10 });
    await db.meeting.update({ where: { id: meeting.id }, data: { format: "HYBRID", onlineLink: LINK } });
    const reg = await registerPerson(meeting.id, (await createAgency()).id);
    expect(reg.status).toBe("CONFIRMED");
    await renderQueuedMail(meeting.id);
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { registrationId: reg.id, kind: "registration-confirmed" } });
    // the address alone on its line in the text part, the link in the HTML part, the invite's DESCRIPTION
    expect(lines(mail.text)).toContain(LINK);
    expect(mail.html).toContain(`href="${LINK}"`);
    expect(mail.icsContent!.replace(/\r\n /g, "")).toContain(`Join online: ${LINK}`);
  });

  it("keeps the link from anyone without a seat", async () => {
    const meeting = await createMeeting({ capacity: 10 });
    const m = await db.meeting.update({ where: { id: meeting.id }, data: { format: "ONLINE", onlineLink: LINK } });
    const person = { id: "reg-1", name: "Anna Test", email: "anna@example.org" };
    for (const kind of ["received", "waitlisted", "declined", "cancelled"] as const) {
      const mail = await renderStatusMail({ kind, withdrawInvite: kind === "cancelled" }, m, person);
      expect(mail.text + mail.html + (mail.ics?.content ?? "")).not.toContain("meet.example.org");
    }
    const awaiting = await renderStatusMail({ kind: "promoted", awaitingApproval: true }, m, person);
    expect(awaiting.text + awaiting.html).not.toContain("meet.example.org");
    const promoted = await renderStatusMail({ kind: "promoted" }, m, person);
    expect(lines(promoted.text)).toContain(LINK);
    expect(promoted.ics!.content.replace(/\r\n /g, "")).toContain(`LOCATION:${LINK.replace(/[,;]/g, "\\$&")}`);
  });
});
