// Copies a link to the clipboard; where that is refused (no secure context, no permission) it selects the
// link in its field instead, for the device's own copy command. Says which of the two happened.
export async function copyLink(url: string, field: HTMLInputElement | null): Promise<'copied' | 'selected'> {
  try {
    await navigator.clipboard.writeText(url);
    return 'copied';
  } catch {
    field?.select();
    return 'selected';
  }
}
