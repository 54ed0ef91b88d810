import { useCallback, useEffect, useRef, useState } from 'react';
import type { TypedDocumentString } from './generated/graphql';
import { ApiError, request } from './client';

export interface QueryState<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  refetch(): void;
}

/** Runs a query when its variables change; stale answers of earlier variables are dropped. */
export function useQuery<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables?: TVariables, skip = false): QueryState<TResult> {
  const [state, setState] = useState<{ data: TResult | null; error: ApiError | null; loading: boolean }>({ data: null, error: null, loading: !skip });
  const [version, setVersion] = useState(0);
  const key = JSON.stringify(variables ?? {});
  const latest = useRef(0);
  useEffect(() => {
    if (skip) return;
    const controller = new AbortController();
    const id = ++latest.current;
    setState((previous) => ({ ...previous, loading: true, error: null }));
    request(document, variables, controller.signal).then(
      (data) => id === latest.current && setState({ data, error: null, loading: false }),
      (error: unknown) => {
        if ((error as Error).name === 'AbortError' || id !== latest.current) return;
        setState({ data: null, error: error instanceof ApiError ? error : new ApiError('SERVER', String(error)), loading: false });
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the variables
  }, [document, key, version, skip]);
  const refetch = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, refetch };
}

/** A mutation with its pending state and the last error, for forms. */
export function useMutation<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(
    async (variables: TVariables): Promise<TResult | null> => {
      setPending(true);
      setError(null);
      try {
        return await request(document, variables);
      } catch (caught) {
        setError(caught instanceof ApiError ? caught : new ApiError('SERVER', String(caught)));
        return null;
      } finally {
        setPending(false);
      }
    },
    [document],
  );
  return { run, pending, error };
}
