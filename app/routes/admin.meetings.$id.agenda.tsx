import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, InputField, SelectField, TextareaField, type Option } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import { Notice } from "~/components/ui";
import { listAgencyOptions } from "~/domain/agencies/agencies.server";
import { AGENDA_KINDS, PERSON_ROLES, agendaItemSchema, agendaPersonSchema } from "~/domain/agenda/agenda.schema";
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
import { fixedT, languageOf } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";

export const handle = { i18n: ["admin"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, "meetings:manage");
  const language = await languageOf(request);
  const t = await fixedT(language);
  const meeting = await getMeetingForAdmin(params.id ?? "");
  if (!meeting) notFound(t("admin:meeting.notFound"));
  const [editor, agencies] = await Promise.all([agendaEditorData(meeting.id, t), listAgencyOptions()]);
  const zone = meeting.timeZone;
  return {
    meeting: { id: meeting.id, slug: meeting.slug, timeZone: zone, startsAt: meeting.startsAt, agendaPublishedAt: meeting.agendaPublishedAt, status: meeting.status },
    zoneLabel: zoneSpanLabel(zone, meeting.startsAt, meeting.endsAt, language),
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
  const t = await fixedT(request);
  const meeting = await getMeetingForAdmin(meetingId);
  if (!meeting) notFound(t("admin:meeting.notFound"));
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
      return redirectWithToast(request, back, submission.value.itemId ? t("admin:agenda.toast.saved") : t("admin:agenda.toast.added"));
    }
    case "add-person": {
      const formId = `person-${String(formData.get("itemId") ?? "").slice(0, 40)}`;
      const submission = parseWithZod(formData, { schema: agendaPersonSchema });
      if (submission.status !== "success") return formReply(submission, undefined, { formId });
      const saved = await addAgendaPerson(user, meetingId, submission.value);
      if (!saved.ok) return formReply(submission, saved, { formId });
      return redirectWithToast(request, back, t("admin:agenda.toast.personAdded", { name: submission.value.name }));
    }
    case "delete-item": {
      await deleteAgendaItem(user, meetingId, String(formData.get("itemId") ?? "").slice(0, 40));
      return redirectWithToast(request, back, t("admin:agenda.toast.deleted"));
    }
    case "remove-person": {
      await removeAgendaPerson(user, meetingId, String(formData.get("personId") ?? "").slice(0, 40));
      return redirectWithToast(request, back, t("admin:agenda.toast.personRemoved"));
    }
    case "publish": {
      const { announced } = await publishAgenda(user, meetingId);
      return redirectWithToast(request, back, announced ? t("admin:agenda.toast.publishedAnnounced") : t("admin:agenda.toast.published"));
    }
    case "unpublish": {
      await unpublishAgenda(user, meetingId);
      return redirectWithToast(request, back, t("admin:agenda.toast.unpublished"));
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
  const { t, language } = useTranslation(["admin"]);
  const parentOptions = (exceptId?: string): Option[] =>
    data.items.filter((i) => i.id !== exceptId).map((i) => ({ value: i.id, label: `${"— ".repeat(i.depth)}${formatTime(i.startsAt, meeting.timeZone)} ${i.title}` }));
  const warningsFor = (id: string) => data.warnings.filter((w) => w.itemId === id);
  return (
    <section aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{t("admin:tab.agenda")}</h2>
      <p>
        {t("admin:agenda.intro", { zone: data.zoneLabel })} <Link to={`/admin/meetings/${meeting.id}/history?entity=AgendaItem`}>{t("admin:history.agendaLog")}</Link>
      </p>
      <Form method="post" className="page-actions" aria-label={t("admin:agenda.publication")}>
        {meeting.agendaPublishedAt ? (
          <>
            <p>
              {t("admin:agenda.publishedAt", { at: formatDateTime(meeting.agendaPublishedAt, meeting.timeZone, false, language) })}
              {data.changedSincePublication ? ` ${t("admin:agenda.changedSince", { count: data.changedSincePublication })}` : ""}
            </p>
            {data.changedSincePublication ? (
              <SubmitButton name="intent" value="publish">
                {t("admin:agenda.publishChanges")}
              </SubmitButton>
            ) : null}
            <SubmitButton name="intent" value="unpublish" className="secondary">
              {t("admin:agenda.unpublish")}
            </SubmitButton>
          </>
        ) : (
          <>
            <p>{t("admin:agenda.draft")}</p>
            <SubmitButton name="intent" value="publish">
              {t("admin:agenda.publish")}
            </SubmitButton>
          </>
        )}
      </Form>
      {data.warnings.length ? (
        <Notice kind="warning">
          <p>{t("admin:agenda.checkWarnings", { count: data.warnings.length })}</p>
          <ul>
            {data.warnings.map((w, i) => (
              <li key={i}>{w.message}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <h3>{t("admin:agenda.items")}</h3>
      {data.items.length ? null : <p>{t("admin:agenda.noItems")}</p>}
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
      <h3 id="new-item-heading">{t("admin:agenda.addItem")}</h3>
      {/* A new key after each added item mounts a fresh form, so "Part of" and room never carry over to the next item. */}
      <ItemForm key={`new-item-${data.items.length}`} formId="new-item" defaults={data.newDefaults} parentOptions={parentOptions()} lastResult={resultFor("new-item")} submitLabel={t("admin:agenda.addItemSubmit")} />
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
  const { t } = useTranslation(["admin"]);
  return (
    <article className="item-editor" style={{ marginLeft: `${item.depth * 1.5}rem` }} aria-label={item.title}>
      <h4>
        {formatTime(item.startsAt, timeZone, offsetToo)}–{formatTime(item.endsAt, timeZone, offsetToo)} {item.title}{" "}
        <span className="muted">({t(`common:agendaKind.${item.kind}`)})</span>
      </h4>
      {warnings.length ? (
        <ul className="field-errors">
          {warnings.map((w) => (
            <li key={w}>{t("admin:agenda.warning.label")} {w}</li>
          ))}
        </ul>
      ) : null}
      {item.people.length ? (
        <ul>
          {item.people.map((p) => (
            <li key={p.id}>
              {t("admin:agenda.personLine", { role: t(`common:personRole.${p.role}`), name: p.name })}
              {p.agency ? ` (${p.agency.acronym})` : ""}{" "}
              <Form method="post" className="inline-form">
                <input type="hidden" name="personId" value={p.id} />
                <SubmitButton name="intent" value="remove-person" className="link-button" aria-label={t("admin:agenda.removePerson", { name: p.name, title: item.title })}>
                  {t("admin:agenda.remove")}
                </SubmitButton>
              </Form>
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <Link to={`/admin/meetings/${meetingId}/documents?item=${item.id}`}>{t("admin:agenda.attach", { title: item.title })}</Link>
      </p>
      <details open={open}>
        <summary>{t("admin:agenda.editItem", { title: item.title })}</summary>
        <ItemForm
          formId={item.id}
          itemId={item.id}
          defaults={{ kind: item.kind, title: item.title, description: item.description, room: item.room, startsAt: item.startsLocal, endsAt: item.endsLocal, parentId: item.parentId ?? "" }}
          parentOptions={parentOptions}
          lastResult={itemResult}
          submitLabel={t("admin:agenda.saveItem")}
        />
        <PersonForm itemId={item.id} agencies={agencies} lastResult={personResult} />
        <Form method="post">
          <input type="hidden" name="itemId" value={item.id} />
          <SubmitButton name="intent" value="delete-item" className="danger">
            {item.depth === 0 ? t("admin:agenda.deleteWithSubItems", { title: item.title }) : t("admin:agenda.delete", { title: item.title })}
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
  const { t } = useTranslation(["admin"]);
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      {itemId ? <input type="hidden" name="itemId" value={itemId} /> : null}
      <div className="grid-2">
        <SelectField field={fields.kind} label={t("admin:agenda.kind")} options={AGENDA_KINDS.map((k) => ({ value: k, label: t(`common:agendaKind.${k}`) }))} required />
        <InputField field={fields.title} label={t("admin:meetingForm.title")} required />
        <InputField field={fields.startsAt} label={t("admin:meetingForm.starts")} type="datetime-local" required />
        <InputField field={fields.endsAt} label={t("admin:meetingForm.ends")} type="datetime-local" required />
        <InputField field={fields.room} label={t("admin:meetingForm.room")} />
        <SelectField field={fields.parentId} label={t("admin:agenda.partOf")} options={parentOptions} placeholder={t("admin:agenda.topLevel")} />
      </div>
      <TextareaField field={fields.description} label={t("admin:meetingForm.description")} rows={2} />
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
  const { t } = useTranslation(["admin"]);
  return (
    <Form method="post" {...getFormProps(form)}>
      <fieldset>
        <legend>{t("admin:agenda.addPerson")}</legend>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="itemId" value={itemId} />
        <div className="grid-2">
          <InputField field={fields.name} label={t("admin:agenda.name")} required />
          <SelectField field={fields.agencyId} label={t("admin:agenda.agency")} options={agencies} placeholder={t("admin:agenda.noAgency")} />
          <SelectField field={fields.role} label={t("admin:agenda.role")} options={PERSON_ROLES.map((r) => ({ value: r, label: t(`common:personRole.${r}`) }))} required />
        </div>
        <SubmitButton name="intent" value="add-person">
          {t("admin:agenda.addPersonSubmit")}
        </SubmitButton>
      </fieldset>
    </Form>
  );
}
