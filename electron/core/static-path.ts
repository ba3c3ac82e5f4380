import path from 'node:path';

/**
 * Maps a URL path to a file inside `root`, or undefined when the path would
 * leave it (`..`, encoded separators, NUL bytes). Used by the app:// protocol
 * and the loopback harness, which both serve the renderer's files.
 */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const resolved = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  const rootWithSep = path.resolve(root) + path.sep;
  return resolved.startsWith(rootWithSep) ? resolved : undefined;
}
