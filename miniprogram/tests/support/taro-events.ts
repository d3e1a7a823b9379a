import { act, waitFor } from '@testing-library/react';

/**
 * Types like a user: into the native <input> that Taro's <Input> web component renders
 * (asynchronously, hence the wait). The component turns that into its own
 * `input` event with { detail: { value } }, which is what the page's onInput receives.
 */
export async function typeInto(host: Element, value: string): Promise<void> {
  const input = await waitFor(() => {
    const native = host.querySelector('input');
    if (!native) throw new Error('Taro <Input> has not rendered its native input yet');
    return native;
  });
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Taro components listen for native click events on the custom element. */
export function tap(element: Element): void {
  act(() => {
    element.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  });
}
