/** `text` with every occurrence of `secret` replaced, so a key never reaches a message or log. */
export function redact(text: string, secret: string, placeholder = '[redacted]'): string {
  return secret === '' ? text : text.split(secret).join(placeholder)
}
