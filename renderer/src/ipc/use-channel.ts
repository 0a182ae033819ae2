// Reads one channel when a screen mounts (and again on `reload` or when the input changes).
// The value lives in the component's state only, so it disappears with the screen, e.g. on lock.
import { useCallback, useEffect, useState } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../electron/shared/contract';
import type { ErrorBody } from '../../../electron/shared/errors';
import { call } from './client';

export interface ChannelRead<T> {
  value: T | null;
  error: ErrorBody | null;
  loading: boolean;
  reload: () => void;
  /** Replaces the value after a write returned a fresher one. */
  setValue: (value: T) => void;
}

export function useChannel<C extends ChannelName>(channel: C, input: ChannelInput<C>): ChannelRead<ChannelOutput<C>> {
  const [value, setValue] = useState<ChannelOutput<C> | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(input);

  useEffect(() => {
    let current = true;
    setLoading(true);
    void call(channel, JSON.parse(key) as ChannelInput<C>).then((result) => {
      if (!current) return;
      setLoading(false);
      if (result.ok) {
        setValue(result.value);
        setError(null);
      } else setError(result.error);
    });
    return () => {
      current = false;
    };
  }, [channel, key, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { value, error, loading, reload, setValue };
}
