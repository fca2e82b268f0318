import { useEffect, useMemo } from 'react';

/** How long a URL handed to another window (a new tab, a print frame) stays valid. */
const ONE_SHOT_MS = 60_000;

/** Bytes the core sent (base64) as a URL the browser can show, print or save. Revoke it when done. */
export function base64Url(base64: string, mediaType: string): string {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: mediaType }));
}

/** The PDF bytes the core sent (base64) as a URL. Revoke it when done. */
export function pdfUrl(base64: string): string {
  return base64Url(base64, 'application/pdf');
}

/** A URL for bytes shown on screen (a link, a frame): one per content, revoked when it changes or unmounts. */
export function useObjectUrl(base64: string, mediaType: string): string {
  const url = useMemo(() => base64Url(base64, mediaType), [base64, mediaType]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return url;
}

/** Opens the bytes in a new tab; the URL is revoked once the tab has had time to load it. */
export function openBase64(base64: string, mediaType: string): void {
  const url = base64Url(base64, mediaType);
  window.open(url, '_blank');
  setTimeout(() => URL.revokeObjectURL(url), ONE_SHOT_MS);
}

/** Prints bytes that are not kept on screen: a URL of their own, revoked after the print. */
export function printBase64Pdf(base64: string): void {
  const url = pdfUrl(base64);
  printPdf(url);
  setTimeout(() => URL.revokeObjectURL(url), ONE_SHOT_MS);
}

/** Opens the PDF in a hidden frame and asks the browser to print it. The caller owns the URL. */
export function printPdf(url: string): void {
  const frame = document.createElement('iframe');
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  frame.src = url;
  frame.onload = () => {
    try {
      frame.contentWindow?.print();
    } catch {
      window.open(url, '_blank');
    }
  };
  document.body.appendChild(frame);
  setTimeout(() => frame.remove(), ONE_SHOT_MS);
}
