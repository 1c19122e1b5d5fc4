/**
 * Strict standard base64 (RFC 4648 §4, with `=` padding) to and from bytes, on every runtime.
 *
 * `atob` is forgiving (it skips whitespace and accepts missing padding); keys must be rejected when
 * they are not canonical base64, so decoding validates the text first.
 *
 * @module
 */

const CANONICAL = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Decodes standard, padded base64. Returns `undefined` when `text` is not canonical base64
 * (wrong alphabet, missing or misplaced padding, whitespace, non-zero trailing bits).
 */
export const decodeBase64 = (text: string): Uint8Array | undefined => {
  if (!CANONICAL.test(text)) return undefined;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  // Non-canonical trailing bits ("AB==" vs "AA==") decode to the same bytes; reject them.
  return encodeBase64(bytes) === text ? bytes : undefined;
};

/** Encodes bytes as standard, padded base64. */
export const encodeBase64 = (bytes: Uint8Array): string => {
  let binary = "";
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
  return btoa(binary);
};
