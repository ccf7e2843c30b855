import type { ReactNode } from "react";
import { Link } from "@remix-run/react";

export function PageHeader({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <header className="page-header">
      <h1>{title}</h1>
      {children ? <div className="page-actions">{children}</div> : null}
    </header>
  );
}

/** A status word with its colour; the text carries the meaning, colour only helps. */
export function StatusBadge({ status, label }: { status: string; label?: string }) {
  return <span className={`badge badge-${status.toLowerCase().replace(/_/g, "-")}`}>{label ?? status.replace(/_/g, " ").toLowerCase()}</span>;
}

export function Notice({ kind = "info", children }: { kind?: "info" | "success" | "warning" | "error"; children: ReactNode }) {
  return (
    <div className={`notice notice-${kind}`} role={kind === "error" || kind === "warning" ? "alert" : "status"}>
      {children}
    </div>
  );
}

/** Previous/next links keeping the other query parameters; works without JavaScript. */
export function Pagination({ page, pageCount, search }: { page: number; pageCount: number; search: string }) {
  if (pageCount <= 1) return null;
  const href = (p: number) => {
    const params = new URLSearchParams(search);
    params.set("page", String(p));
    return `?${params.toString()}`;
  };
  return (
    <nav aria-label="Pagination" className="pagination">
      {page > 1 ? <Link to={href(page - 1)}>Previous page</Link> : null}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? <Link to={href(page + 1)}>Next page</Link> : null}
    </nav>
  );
}

/** A select in a GET filter form: the empty first option means "no filter". */
export function FilterSelect({
  name,
  label,
  value,
  anyLabel = "All",
  options,
}: {
  name: string;
  label: string;
  value: string | null | undefined;
  anyLabel?: string;
  options: { value: string; label: string }[];
}) {
  const id = `f-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
