import { Link } from "@remix-run/react";
import { StatusBadge } from "~/components/ui";
import { STATUS_LABELS, type RegistrationStatus } from "~/domain/registration/labels";

export type RegistrationPanelData = {
  mine: { status: RegistrationStatus; attended: boolean } | null;
  delegationLink: string | null;
  participantsLink: string | null;
} | null;

/** On the meeting page: the signed-in person's registration status and their next steps. */
export function RegistrationPanel({ panel }: { panel: RegistrationPanelData }) {
  if (!panel || (!panel.mine && !panel.delegationLink)) return null;
  return (
    <section aria-labelledby="my-registration-heading" className="card">
      <h2 id="my-registration-heading">Your registration</h2>
      {panel.mine ? (
        <p>
          <StatusBadge status={panel.mine.status} label={STATUS_LABELS[panel.mine.status]} />
          {panel.mine.attended ? " · attended" : null} · <Link to="/me">Manage my registrations</Link>
          {panel.participantsLink ? (
            <>
              {" "}
              · <Link to={panel.participantsLink}>Who else takes part</Link>
            </>
          ) : null}
        </p>
      ) : (
        <p>You are not registered for this meeting.</p>
      )}
      {panel.delegationLink ? (
        <p>
          <Link to={panel.delegationLink}>Register your agency&apos;s delegation</Link>
        </p>
      ) : null}
    </section>
  );
}
