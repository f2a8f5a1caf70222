import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import { loadSession, saveSession, type Session } from "./lib/session";
import { loadConsoleConfig, type ConsoleConfig } from "./lib/api";
import { SignIn } from "./components/SignIn";
import { GraphPage } from "./components/GraphPage";
import { PoliciesPage } from "./components/PoliciesPage";
import { AccessLogPage } from "./components/AccessLogPage";
import { GrantsPage } from "./components/GrantsPage";

// GraphiQL brings Monaco (several MB): loaded only when the explorer is opened.
const Explorer = lazy(() => import("./components/Explorer").then((module) => ({ default: module.Explorer })));

const PAGES = [
  ["graph", "Link graph"],
  ["policies", "Policies"],
  ["access-log", "Access log"],
  ["grants", "Grants"],
  ["explorer", "GraphQL explorer"],
] as const;
type Page = (typeof PAGES)[number][0];

function pageFromHash(): Page {
  const name = window.location.hash.replace(/^#\/?/, "");
  return (PAGES.find(([page]) => page === name)?.[0] ?? "graph") as Page;
}

export function App() {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [config, setConfig] = useState<ConsoleConfig | null>(null);
  const [configError, setConfigError] = useState<string | null>(null);
  const [page, setPage] = useState<Page>(() => pageFromHash());

  useEffect(() => {
    loadConsoleConfig().then(setConfig, (error: unknown) => setConfigError(error instanceof Error ? error.message : String(error)));
    const onHash = () => setPage(pageFromHash());
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);

  const update = useCallback((next: Session | null) => {
    saveSession(next);
    setSession(next);
  }, []);

  if (!session) {
    return (
      <main className="signin-page">
        <h1>Liaison console</h1>
        {configError && <p role="alert" className="error">{configError}</p>}
        <SignIn config={config} onSignIn={update} />
      </main>
    );
  }

  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">Liaison</span>
        <nav aria-label="Console pages">
          {PAGES.map(([name, label]) => (
            <a key={name} href={`#/${name}`} aria-current={page === name ? "page" : undefined} data-testid={`nav-${name}`}>
              {label}
            </a>
          ))}
        </nav>
        <div className="identity" data-testid="signed-in-identity">
          <span title="signed-in identity">{session.who}</span>
          <label>
            Purpose
            <select data-testid="purpose-select" value={session.purpose} onChange={(event) => update({ ...session, purpose: event.target.value })}>
              {(config?.purposes ?? [session.purpose]).map((purpose) => (
                <option key={purpose} value={purpose}>{purpose}</option>
              ))}
            </select>
          </label>
          <label>
            Justification
            <input
              data-testid="justification-input"
              value={session.justification}
              maxLength={500}
              placeholder="case reference (optional)"
              onChange={(event) => update({ ...session, justification: event.target.value })}
            />
          </label>
          <button type="button" data-testid="sign-out" onClick={() => update(null)}>Sign out</button>
        </div>
      </header>
      <main className="page">
        {page === "graph" && <GraphPage session={session} />}
        {page === "policies" && <PoliciesPage session={session} purposes={config?.purposes ?? []} />}
        {page === "access-log" && <AccessLogPage session={session} />}
        {page === "grants" && <GrantsPage session={session} purposes={config?.purposes ?? []} />}
        {page === "explorer" && (
          <Suspense fallback={<p>Loading the explorer…</p>}>
            <Explorer session={session} />
          </Suspense>
        )}
      </main>
    </div>
  );
}
