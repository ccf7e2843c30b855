import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, InputField, SelectField, TextareaField, type Option } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import { Notice } from "~/components/ui";
import { listAgencyOptions } from "~/domain/agencies/agencies.server";
import {
  AGENDA_KIND_LABELS,
  AGENDA_KINDS,
  PERSON_ROLE_LABELS,
  PERSON_ROLES,
  agendaItemSchema,
  agendaPersonSchema,
} from "~/domain/agenda/agenda.schema";
import {
  addAgendaPerson,
  agendaEditorData,
  deleteAgendaItem,
  publishAgenda,
  removeAgendaPerson,
  saveAgendaItem,
  unpublishAgenda,
} from "~/domain/agenda/agenda.server";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { getMeetingForAdmin } from "~/domain/meetings/meetings.server";
import { formatDateTime, formatTime, offsetChanges, toLocalInput, zoneSpanLabel } from "~/utils/dates";
import { notFound, readForm } from "~/utils/http.server";
import { formReply } from "~/utils/forms.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, "meetings:manage");
  const meeting = await getMeetingForAdmin(params.id ?? "");
  if (!meeting) notFound("We could not find that meeting.");
  const [editor, agencies] = await Promise.all([agendaEditorData(meeting.id), listAgencyOptions()]);
  const zone = meeting.timeZone;
  return {
    meeting: { id: meeting.id, slug: meeting.slug, timeZone: zone, startsAt: meeting.startsAt, agendaPublishedAt: meeting.agendaPublishedAt, status: meeting.status },
    zoneLabel: zoneSpanLabel(zone, meeting.startsAt, meeting.endsAt),
    // Over a DST change every item time carries its own offset.
    offsetToo: offsetChanges(meeting.startsAt, meeting.endsAt, zone),
    items: editor.rows.map((r) => ({
      ...r,
      startsLocal: toLocalInput(r.startsAt, zone),
      endsLocal: toLocalInput(r.endsAt, zone),
      depth: depthOf(r.id, editor.rows),
    })),
    warnings: editor.warnings,
    changedSincePublication: editor.changedSincePublication,
    newDefaults: { kind: "SESSION", startsAt: toLocalInput(meeting.startsAt, zone), endsAt: toLocalInput(new Date(meeting.startsAt.getTime() + 3600_000), zone) },
    agencies,
  };
}

function depthOf(id: string, rows: { id: string; parentId: string | null }[]): number {
  const byId = new Map(rows.map((r) => [r.id, r.parentId]));
  let depth = 0;
  for (let p = byId.get(id); p && depth < 20; p = byId.get(p)) depth++;
  return depth;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCapability(request, "meetings:manage");
  const meetingId = params.id ?? "";
  const meeting = await getMeetingForAdmin(meetingId);
  if (!meeting) notFound("We could not find that meeting.");
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const back = `/admin/meetings/${meetingId}/agenda`;
  switch (intent) {
    case "save-item": {
      const formId = String(formData.get("itemId") || "new-item").slice(0, 60);
      const submission = parseWithZod(formData, { schema: agendaItemSchema });
      if (submission.status !== "success") return formReply(submission, undefined, { formId });
      const saved = await saveAgendaItem(user, meetingId, submission.value);
      if (!saved.ok) return formReply(submission, saved, { formId });
      return redirectWithToast(request, back, submission.value.itemId ? "Agenda item saved." : "Agenda item added.");
    }
    case "add-person": {
      const formId = `person-${String(formData.get("itemId") ?? "").slice(0, 40)}`;
      const submission = parseWithZod(formData, { schema: agendaPersonSchema });
      if (submission.status !== "success") return formReply(submission, undefined, { formId });
      const saved = await addAgendaPerson(user, meetingId, submission.value);
      if (!saved.ok) return formReply(submission, saved, { formId });
      return redirectWithToast(request, back, `${submission.value.name} added.`);
    }
    case "delete-item": {
      await deleteAgendaItem(user, meetingId, String(formData.get("itemId") ?? "").slice(0, 40));
      return redirectWithToast(request, back, "Agenda item deleted.");
    }
    case "remove-person": {
      await removeAgendaPerson(user, meetingId, String(formData.get("personId") ?? "").slice(0, 40));
      return redirectWithToast(request, back, "Person removed from the item.");
    }
    case "publish": {
      const { announced } = await publishAgenda(user, meetingId);
      return redirectWithToast(request, back, announced ? "Agenda published; confirmed participants will be told of the changes." : "Agenda published.");
    }
    case "unpublish": {
      await unpublishAgenda(user, meetingId);
      return redirectWithToast(request, back, "The agenda is a draft again and no longer public.");
    }
    default:
      return { formId: "", result: undefined };
  }
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Item = LoaderData["items"][number];

export default function AgendaEditor() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resultFor = (formId: string) => (actionData?.formId === formId ? actionData.result : undefined);
  const { meeting } = data;
  const parentOptions = (exceptId?: string): Option[] =>
    data.items.filter((i) => i.id !== exceptId).map((i) => ({ value: i.id, label: `${"— ".repeat(i.depth)}${formatTime(i.startsAt, meeting.timeZone)} ${i.title}` }));
  const warningsFor = (id: string) => data.warnings.filter((w) => w.itemId === id);
  return (
    <section aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">Agenda</h2>
      <p>
        Times are in {data.zoneLabel}. Items are ordered by their start time. <Link to={`/admin/meetings/${meeting.id}/history?entity=AgendaItem`}>Agenda change log</Link>
      </p>
      <Form method="post" className="page-actions" aria-label="Publication">
        {meeting.agendaPublishedAt ? (
          <>
            <p>
              Published {formatDateTime(meeting.agendaPublishedAt, meeting.timeZone)}.
              {data.changedSincePublication ? ` ${data.changedSincePublication} change(s) since then are already visible; publish them to tell participants.` : ""}
            </p>
            {data.changedSincePublication ? (
              <SubmitButton name="intent" value="publish">
                Publish the changes
              </SubmitButton>
            ) : null}
            <SubmitButton name="intent" value="unpublish" className="secondary">
              Make the agenda a draft again
            </SubmitButton>
          </>
        ) : (
          <>
            <p>Draft agenda: only organisers see it.</p>
            <SubmitButton name="intent" value="publish">
              Publish the agenda
            </SubmitButton>
          </>
        )}
      </Form>
      {data.warnings.length ? (
        <Notice kind="warning">
          <p>Please check the agenda ({data.warnings.length} warning{data.warnings.length === 1 ? "" : "s"}):</p>
          <ul>
            {data.warnings.map((w, i) => (
              <li key={i}>{w.message}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <h3>Items</h3>
      {data.items.length ? null : <p>No items yet. Add the first one below.</p>}
      {data.items.map((item) => (
        <ItemEditor
          key={item.id}
          meetingId={meeting.id}
          item={item}
          parentOptions={parentOptions(item.id)}
          agencies={data.agencies}
          timeZone={meeting.timeZone}
          offsetToo={data.offsetToo}
          itemResult={resultFor(item.id)}
          personResult={resultFor(`person-${item.id}`)}
          warnings={warningsFor(item.id).map((w) => w.message)}
        />
      ))}
      <h3 id="new-item-heading">Add an item</h3>
      {/* A new key after each added item mounts a fresh form, so "Part of" and room never carry over to the next item. */}
      <ItemForm key={`new-item-${data.items.length}`} formId="new-item" defaults={data.newDefaults} parentOptions={parentOptions()} lastResult={resultFor("new-item")} submitLabel="Add item" />
    </section>
  );
}

function ItemEditor({
  meetingId,
  item,
  parentOptions,
  agencies,
  timeZone,
  offsetToo,
  itemResult,
  personResult,
  warnings,
}: {
  meetingId: string;
  item: Item;
  parentOptions: Option[];
  agencies: Option[];
  timeZone: string;
  offsetToo: boolean;
  itemResult: SubmissionResult<string[]> | undefined;
  personResult: SubmissionResult<string[]> | undefined;
  warnings: string[];
}) {
  const open = !!itemResult || !!personResult;
  return (
    <article className="item-editor" style={{ marginLeft: `${item.depth * 1.5}rem` }} aria-label={item.title}>
      <h4>
        {formatTime(item.startsAt, timeZone, offsetToo)}–{formatTime(item.endsAt, timeZone, offsetToo)} {item.title}{" "}
        <span className="muted">({AGENDA_KIND_LABELS[item.kind as keyof typeof AGENDA_KIND_LABELS] ?? item.kind})</span>
      </h4>
      {warnings.length ? (
        <ul className="field-errors">
          {warnings.map((w) => (
            <li key={w}>Warning: {w}</li>
          ))}
        </ul>
      ) : null}
      {item.people.length ? (
        <ul>
          {item.people.map((p) => (
            <li key={p.id}>
              {PERSON_ROLE_LABELS[p.role as keyof typeof PERSON_ROLE_LABELS] ?? p.role}: {p.name}
              {p.agency ? ` (${p.agency.acronym})` : ""}{" "}
              <Form method="post" className="inline-form">
                <input type="hidden" name="personId" value={p.id} />
                <SubmitButton name="intent" value="remove-person" className="link-button" aria-label={`Remove ${p.name} from ${item.title}`}>
                  Remove
                </SubmitButton>
              </Form>
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <Link to={`/admin/meetings/${meetingId}/documents?item=${item.id}`}>Attach a document to “{item.title}”</Link>
      </p>
      <details open={open}>
        <summary>Edit “{item.title}”</summary>
        <ItemForm
          formId={item.id}
          itemId={item.id}
          defaults={{ kind: item.kind, title: item.title, description: item.description, room: item.room, startsAt: item.startsLocal, endsAt: item.endsLocal, parentId: item.parentId ?? "" }}
          parentOptions={parentOptions}
          lastResult={itemResult}
          submitLabel="Save item"
        />
        <PersonForm itemId={item.id} agencies={agencies} lastResult={personResult} />
        <Form method="post">
          <input type="hidden" name="itemId" value={item.id} />
          <SubmitButton name="intent" value="delete-item" className="danger">
            Delete “{item.title}”{item.depth === 0 ? " and its sub-items" : ""}
          </SubmitButton>
        </Form>
      </details>
    </article>
  );
}

function ItemForm({
  formId,
  itemId,
  defaults,
  parentOptions,
  lastResult,
  submitLabel,
}: {
  formId: string;
  itemId?: string;
  defaults: Record<string, string>;
  parentOptions: Option[];
  lastResult: SubmissionResult<string[]> | undefined;
  submitLabel: string;
}) {
  const [form, fields] = useForm({
    id: `item-form-${formId}`,
    lastResult,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: agendaItemSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      {itemId ? <input type="hidden" name="itemId" value={itemId} /> : null}
      <div className="grid-2">
        <SelectField field={fields.kind} label="Kind" options={AGENDA_KINDS.map((k) => ({ value: k, label: AGENDA_KIND_LABELS[k] }))} required />
        <InputField field={fields.title} label="Title" required />
        <InputField field={fields.startsAt} label="Starts" type="datetime-local" required />
        <InputField field={fields.endsAt} label="Ends" type="datetime-local" required />
        <InputField field={fields.room} label="Room" />
        <SelectField field={fields.parentId} label="Part of" options={parentOptions} placeholder="Top level" />
      </div>
      <TextareaField field={fields.description} label="Description" rows={2} />
      <SubmitButton name="intent" value="save-item">
        {submitLabel}
      </SubmitButton>
    </Form>
  );
}

function PersonForm({ itemId, agencies, lastResult }: { itemId: string; agencies: Option[]; lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useForm({
    id: `person-form-${itemId}`,
    lastResult,
    defaultValue: { role: "SPEAKER" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: agendaPersonSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <fieldset>
        <legend>Add a speaker or moderator</legend>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="itemId" value={itemId} />
        <div className="grid-2">
          <InputField field={fields.name} label="Name" required />
          <SelectField field={fields.agencyId} label="Agency" options={agencies} placeholder="No agency" />
          <SelectField field={fields.role} label="Role" options={PERSON_ROLES.map((r) => ({ value: r, label: PERSON_ROLE_LABELS[r] }))} required />
        </div>
        <SubmitButton name="intent" value="add-person">
          Add person
        </SubmitButton>
      </fieldset>
    </Form>
  );
}
