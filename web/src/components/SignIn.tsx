import { useState, type FormEvent } from "react";
import { devToken, type ConsoleConfig } from "../lib/api";
import { readClaims, type Session } from "../lib/session";

const FALLBACK_PURPOSES = ["investigation", "risk-analysis", "intelligence", "audit"];

function sessionFor(token: string, purpose: string, justification: string): Session {
  const claims = readClaims(token);
  const roles = Array.isArray(claims?.roles) ? claims.roles : [];
  const who = claims ? `${claims.sub ?? "?"} (${claims.agency ?? "?"} ${roles.join(",")}, clearance ${claims.clearance ?? "?"})` : "token (claims unreadable)";
  return { token, purpose, justification, who, agency: claims?.agency ?? null, roles };
}

export function SignIn({ config, onSignIn }: { config: ConsoleConfig | null; onSignIn: (session: Session) => void }) {
  const purposes = config?.purposes.length ? config.purposes : FALLBACK_PURPOSES;
  const [token, setToken] = useState("");
  const [purpose, setPurpose] = useState(purposes[0] ?? "investigation");
  const [justification, setJustification] = useState("");
  const [agency, setAgency] = useState("POLICE");
  const [role, setRole] = useState("analyst");
  const [clearance, setClearance] = useState(2);
  const [operations, setOperations] = useState("");
  const [sub, setSub] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const pasted = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = token.trim().replace(/^Bearer\s+/i, "");
    if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(trimmed)) {
      setError("that is not a JWT (three dot-separated parts)");
      return;
    }
    onSignIn(sessionFor(trimmed, purpose, justification));
  };

  const demo = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const ops = operations.split(/[,\s]+/).map((op) => op.trim().toUpperCase()).filter(Boolean);
      const minted = await devToken({ agency, role, clearance, operations: ops, sub: sub.trim() || `${agency.toLowerCase()}-${role}-demo` });
      onSignIn(sessionFor(minted, purpose, justification));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  const purposeField = (id: string) => (
    <label>
      Purpose (X-Purpose)
      <select id={id} data-testid={`${id}`} value={purpose} onChange={(event) => setPurpose(event.target.value)}>
        {purposes.map((p) => <option key={p} value={p}>{p}</option>)}
      </select>
    </label>
  );

  return (
    <div className="signin">
      {error && <p role="alert" className="error" data-testid="signin-error">{error}</p>}
      {config?.devTokens && (
        <form className="panel" onSubmit={demo} data-testid="identity-picker" aria-labelledby="demo-heading">
          <h2 id="demo-heading">Demo identity (development only)</h2>
          <label>
            Agency
            <select data-testid="identity-agency" value={agency} onChange={(event) => setAgency(event.target.value)}>
              {config.agencies.map((a) => <option key={a} value={a}>{a}</option>)}
            </select>
          </label>
          <label>
            Role
            <select data-testid="identity-role" value={role} onChange={(event) => setRole(event.target.value)}>
              {config.roles.map((r) => <option key={r} value={r}>{r}</option>)}
            </select>
          </label>
          <label>
            Clearance
            <select data-testid="identity-clearance" value={clearance} onChange={(event) => setClearance(Number(event.target.value))}>
              {[0, 1, 2, 3, 4].map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          </label>
          <label>
            Name (sub; two administrators need two names)
            <input data-testid="identity-sub" value={sub} maxLength={64} placeholder={`${agency.toLowerCase()}-${role}-demo`} onChange={(event) => setSub(event.target.value)} />
          </label>
          <label>
            Joint operations (comma-separated, optional)
            <input data-testid="identity-operations" value={operations} placeholder="OP-LANTERN" onChange={(event) => setOperations(event.target.value)} />
          </label>
          {purposeField("identity-purpose")}
          <button type="submit" data-testid="identity-submit" disabled={busy}>Sign in as this identity</button>
        </form>
      )}
      <form className="panel" onSubmit={pasted} aria-labelledby="token-heading">
        <h2 id="token-heading">Paste a token</h2>
        <label>
          Bearer token
          <textarea data-testid="token-input" rows={4} value={token} autoComplete="off" spellCheck={false} onChange={(event) => setToken(event.target.value)} />
        </label>
        {purposeField("token-purpose")}
        <label>
          Justification (X-Justification, optional)
          <input data-testid="token-justification" value={justification} maxLength={500} onChange={(event) => setJustification(event.target.value)} />
        </label>
        <button type="submit" data-testid="token-submit">Sign in with this token</button>
      </form>
    </div>
  );
}
