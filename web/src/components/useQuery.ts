import { useCallback, useEffect, useState } from "react";
import { graphql, describeErrors, type GraphQLResult } from "../lib/api";
import type { Session } from "../lib/session";

/** Runs a read as the signed-in identity; `reload()` runs it again. */
export function useQuery<T>(session: Session, query: string | null, variables: Record<string, unknown> = {}) {
  const [result, setResult] = useState<GraphQLResult<T> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const key = JSON.stringify(variables);
  const reload = useCallback(async () => {
    if (!query) return;
    setLoading(true);
    try {
      const answer = await graphql<T>(session, query, JSON.parse(key) as Record<string, unknown>);
      setResult(answer);
      setError(answer.errors.length ? describeErrors(answer.errors) : null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setLoading(false);
    }
  }, [session, query, key]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data: result?.data ?? null, error, loading, reload };
}

/** Runs a mutation (or an on-demand read) and reports its outcome in one line. */
export async function perform<T>(session: Session, query: string, variables: Record<string, unknown>): Promise<{ data: T | null; message: string | null; problems: string[] }> {
  const answer = await graphql<T>(session, query, variables);
  const problems = answer.errors.flatMap((error) => (Array.isArray(error.extensions?.problems) ? (error.extensions.problems as unknown[]).map(String) : []));
  return { data: answer.data, message: answer.errors.length ? describeErrors(answer.errors) : null, problems };
}
