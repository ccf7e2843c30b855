// Helpers that fail throw a Response, so routes need no try/catch for the common cases;
// the root ErrorBoundary renders them as friendly pages.

export function notFound(message = "We could not find that page."): never {
  throw new Response(message, { status: 404, statusText: "Not Found" });
}

export function forbidden(message = "You do not have access to this page."): never {
  throw new Response(message, { status: 403, statusText: "Forbidden" });
}

export function badRequest(message = "The request could not be understood."): never {
  throw new Response(message, { status: 400, statusText: "Bad Request" });
}

/** Only same-site relative paths may be used as redirect targets. */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.includes("\\")) return fallback;
  return to;
}
