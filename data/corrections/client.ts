import { ReviewStatus, SubmissionReceipt, type CorrectionSubmission } from '../schema/correction';

/** What one request to a corrections endpoint came to. */
export type Delivery =
  | { kind: 'delivered'; remoteId: string }
  | { kind: 'review'; status: ReviewStatus }
  /** Worth trying again later: offline, down, slow, 5xx, 429, or an answer we cannot read. */
  | { kind: 'retry'; error: string }
  /** The endpoint refused the request itself (4xx) or sent us elsewhere: retrying will not help. */
  | { kind: 'refused'; reason: string };

/** The slice of `fetch` the client needs, so tests can pass their own. */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** How long one request may take before it counts as "endpoint too slow". */
const REQUEST_TIMEOUT_MS = 15_000;
const MAX_BODY_CHARS = 20_000;

/** Posts one correction (protocol v1): JSON body, `Idempotency-Key` = the correction's id. */
export function postCorrection(endpoint: string, submission: CorrectionSubmission, fetcher: Fetch, timeoutMs = REQUEST_TIMEOUT_MS): Promise<Delivery> {
  return request(
    endpoint,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': submission.id },
      body: JSON.stringify(submission),
    },
    fetcher,
    timeoutMs,
    (json) => {
      const receipt = SubmissionReceipt.safeParse(json);
      return receipt.success ? { kind: 'delivered', remoteId: receipt.data.id } : null;
    },
  );
}

/** Asks the endpoint how the review of a sent correction stands: `GET {endpoint}/{remoteId}`. */
export function checkReview(endpoint: string, remoteId: string, fetcher: Fetch, timeoutMs = REQUEST_TIMEOUT_MS): Promise<Delivery> {
  const url = `${endpoint.replace(/\/+$/, '')}/${encodeURIComponent(remoteId)}`;
  return request(url, { method: 'GET', headers: { accept: 'application/json' } }, fetcher, timeoutMs, (json) => {
    const status = ReviewStatus.safeParse(json);
    return status.success ? { kind: 'review', status: status.data } : null;
  });
}

async function request(url: string, init: RequestInit, fetcher: Fetch, timeoutMs: number, read: (json: unknown) => Delivery | null): Promise<Delivery> {
  const host = hostOf(url);
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    // Redirects are not followed: a correction goes to the address its pack names, nowhere else.
    const response = await fetcher(url, { ...init, redirect: 'manual', credentials: 'omit', cache: 'no-store', signal: abort.signal });
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      return { kind: 'refused', reason: `The corrections endpoint at ${host} redirected elsewhere; Factmark only sends to the address the pack names.` };
    }
    const text = (await response.text()).slice(0, MAX_BODY_CHARS);
    if (response.status === 429) return { kind: 'retry', error: `The corrections endpoint at ${host} asked to slow down (429); will try again later.` };
    if (response.status >= 500) return { kind: 'retry', error: `The corrections endpoint at ${host} had a server error (${response.status}); will try again later.` };
    if (response.status >= 400) return { kind: 'refused', reason: `The endpoint refused it (${response.status}): ${reasonIn(text)}` };
    const json = parseJson(text);
    const outcome = json === undefined ? null : read(json);
    return outcome ?? { kind: 'retry', error: `The corrections endpoint at ${host} answered ${response.status} with something that is not a valid answer; will try again later.` };
  } catch (error) {
    if (abort.signal.aborted) return { kind: 'retry', error: `The corrections endpoint at ${host} did not answer within ${Math.round(timeoutMs / 1000)} s; will try again later.` };
    return { kind: 'retry', error: `Could not reach the corrections endpoint at ${host} (offline, or the server is down); will try again later.` };
  } finally {
    clearTimeout(timer);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The server's reason from an error body: `{"error": "..."}`, or its text, shortened. */
function reasonIn(text: string): string {
  const json = parseJson(text) as { error?: unknown; reason?: unknown } | undefined;
  const said = typeof json?.error === 'string' ? json.error : typeof json?.reason === 'string' ? json.reason : text;
  const clean = said.replace(/\s+/g, ' ').trim().slice(0, 300);
  return clean || 'no reason given';
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
