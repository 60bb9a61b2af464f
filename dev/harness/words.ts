/** The words a node shows, as a reader takes them in: its text with each run of white space one space, trimmed. */
export function words(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
