import { useState, type FormEvent } from 'react';

export type FormActionState = { busy?: boolean; done?: string; failed?: unknown };

// A form whose submit runs one request: busy while it runs, then the action's message (cleared form) or
// what failed. The account page's forms, and its two-step login and passkeys sections.
export function useFormAction(): [FormActionState, (action: () => Promise<string | undefined>) => (event: FormEvent<HTMLFormElement>) => Promise<void>] {
  const [state, setState] = useState<FormActionState>({});
  const run = (action: () => Promise<string | undefined>) => async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setState({ busy: true });
    try {
      const done = await action();
      form.reset();
      setState({ done });
    } catch (failed) {
      setState({ failed });
    }
  };
  return [state, run];
}
