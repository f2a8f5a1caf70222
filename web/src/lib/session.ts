/** The signed-in identity: kept in this tab's sessionStorage only, never in a URL or a cookie. */
export interface Session {
  readonly token: string;
  readonly purpose: string;
  readonly justification: string;
  /** What the console shows about who is signed in (from the token's claims). */
  readonly who: string;
  readonly agency: string | null;
  readonly roles: readonly string[];
}

const KEY = "liaison.console.session";

export function loadSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Session;
    return typeof parsed.token === "string" && typeof parsed.purpose === "string" ? parsed : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
}

/** The claims of a JWT, read without verifying (display only: the gateway verifies). */
export function readClaims(token: string): { sub?: string; agency?: string; roles?: string[]; clearance?: number; exp?: number } | null {
  const part = token.split(".")[1];
  if (!part) return null;
  try {
    const json = atob(part.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(part.length / 4) * 4, "="));
    const claims = JSON.parse(json) as unknown;
    return claims && typeof claims === "object" ? (claims as ReturnType<typeof readClaims>) : null;
  } catch {
    return null;
  }
}

/** The headers of every call: the token, the purpose, and the justification when given. */
export function callHeaders(session: Session): Record<string, string> {
  const headers: Record<string, string> = { authorization: `Bearer ${session.token}`, "x-purpose": session.purpose };
  const justification = session.justification.replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  if (justification) headers["x-justification"] = justification;
  return headers;
}
