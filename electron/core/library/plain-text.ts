// Plain text from the portal's HTML, for list summaries: lists render text,
// never markup, so nothing here needs to be safe HTML, only readable.
import { htmlToText } from '../../../shared/text';

/**
 * The text of an HTML fragment for a summary: only valid character references
 * decoded, and a `</script >` ends its script. Summaries are made afresh on
 * every read, so they may read HTML more carefully than the stored index text.
 */
export function plainText(html: string): string {
  return htmlToText(html, { validReferencesOnly: true, blanksInEndTags: true });
}
