// The REST API, as the dashboard uses it.

export class ApiError extends Error {}

function message(detail) {
  if (Array.isArray(detail)) {  // FastAPI's validation errors
    return detail.map((d) => `${(d.loc || []).slice(1).join(".")}: ${d.msg}`).join("; ");
  }
  return String(detail ?? "request failed");
}

/** GET /api/<path> with the non-empty `params`; resolves to the JSON body. */
export async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === "") continue;
    query.set(key, String(value));
  }
  const qs = query.toString();
  const response = await fetch(`/api/${path}${qs ? "?" + qs : ""}`, {headers: {Accept: "application/json"}});
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(message(body.detail) || response.statusText);
  return body;
}

export const documentPath = (id) => "documents/" + id.split("/").map(encodeURIComponent).join("/");
