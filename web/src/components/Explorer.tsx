import { useMemo } from "react";
import { GraphiQL } from "graphiql";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import { callHeaders, type Session } from "../lib/session";

const START = `# Calls go to this hub's /graphql as the signed-in identity, with its purpose (and justification).
{
  phone(e164: "+447700900101") {
    e164
    cases { id reference handling }
    seizures { id reference handling }
    fiuHit { hit contactPoint }
  }
}
`;

/** GraphiQL, bundled: no CDN, no telemetry; the headers come from the signed-in identity, not from an editor. */
export function Explorer({ session }: { session: Session }) {
  const fetcher = useMemo(() => createGraphiQLFetcher({ url: "/graphql", headers: callHeaders(session) }), [session]);
  return (
    <div className="explorer" data-testid="graphiql">
      <GraphiQL fetcher={fetcher} defaultQuery={START} isHeadersEditorEnabled={false} shouldPersistHeaders={false} />
    </div>
  );
}
