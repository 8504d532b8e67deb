import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/admin-api';

/** Loads a GET endpoint; `reload` refetches without blanking what is on screen. */
export function useApiData<T>(path: string): { data: T | undefined; error: Error | undefined; loading: boolean; reload(): Promise<void> } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(true);
  const reload = useCallback(async () => {
    try {
      setData(await api<T>(path));
      setError(undefined);
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setLoading(false);
    }
  }, [path]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, loading, reload };
}
