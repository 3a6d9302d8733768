import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api.ts';
import { useApp } from '../context.ts';
import { errorMessage } from '../messages.ts';

/**
 * What a screen reads from the API when it opens (and again when `keys` change or it calls
 * `reload`): the answer, or the reason it could not be had in the staff member's words.
 */
export function useLoad<T>(load: () => Promise<T>, keys: readonly unknown[] = []) {
  const { t } = useApp();
  const [data, setData] = useState<T | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    setError(undefined);
    load().then(
      (answer) => current && setData(answer),
      (caught: unknown) =>
        current &&
        setError(
          caught instanceof ApiError && caught.status === 401
            ? t('error.SESSION_ENDED')
            : errorMessage(t, caught instanceof ApiError ? caught.code : 'other'),
        ),
    );
    return () => {
      current = false;
    };
  }, [...keys, version]);
  return { data, error, setData, reload: () => setVersion((v) => v + 1) };
}
