// Dates and numbers as Indonesian readers write them: 23 Nov 2026, 14.30.
import { locale } from "./i18n";

const day = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "Asia/Jakarta" });
const dayOnly = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const time = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Jakarta" });

/** A calendar date of the API (2026-11-23) as "23 Nov 2026". */
export function formatDate(date: string | undefined | null): string {
  if (!date) return "—";
  return date.length === 10 ? dayOnly.format(new Date(date + "T00:00:00Z")) : day.format(new Date(date));
}

/** An instant of the API as "23 Nov 2026 14.30" (WIB). */
export function formatDateTime(instant: string | undefined | null): string {
  if (!instant) return "—";
  const d = new Date(instant);
  return `${day.format(d)} ${time.format(d)}`;
}

/** A number with Indonesian separators, to at most digits decimals. */
export function formatNumber(n: number, digits = 0): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);
}

/** A byte count as "1,2 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 1)} KB`;
  return `${formatNumber(bytes / 1024 / 1024, 1)} MB`;
}

/** Today in Jakarta as an API date (2026-11-23). */
export function today(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date());
}

/**
 * Compares two people by the sort names the API gives with their names
 * (without titles and degrees, so that "Dr. Agus" sorts under A), in
 * Indonesian order.
 */
export function compareNames(a: string, b: string): number {
  return a.localeCompare(b, "id");
}
