// CSV in the browser: reading a roster file as the server does (comma or
// semicolon, quotes, a BOM), and writing files to download.
import { useEffect, useState } from "react";

/** One record of a CSV file with the line it starts on (the header is line 1). */
export type CsvRecord = { line: number; values: string[] };

/** The separator of text's first non-blank line: ';' when it has more semicolons than commas. */
export function detectSeparator(text: string): string {
  const first = text.split("\n").find((l) => l.trim() !== "") ?? "";
  const count = (c: string) => first.split(c).length - 1;
  return count(";") > count(",") ? ";" : ",";
}

/** The records of text (RFC 4180 quoting), skipping blank lines, values trimmed. */
export function parseCsv(text: string): CsvRecord[] {
  const sep = detectSeparator(text);
  const records: CsvRecord[] = [];
  let line = 1;
  let start = 1;
  let values: string[] = [];
  let value = "";
  let quoted = false;
  const endRecord = () => {
    values.push(value);
    if (values.some((v) => v.trim() !== "")) records.push({ line: start, values: values.map((v) => v.trim()) });
    values = [];
    value = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        value += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        value += c;
      }
    } else if (c === '"' && value.trim() === "") {
      quoted = true;
      value = "";
    } else if (c === sep) {
      values.push(value);
      value = "";
    } else if (c === "\n") {
      endRecord();
      line++;
      start = line;
    } else if (c !== "\r") value += c;
  }
  endRecord();
  return records;
}

/** The records of a roster keyed by line, each as column name → value. */
export function rosterByLine(text: string): Map<number, Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  const names = (header?.values ?? []).map((h) => h.toLowerCase());
  const out = new Map<number, Record<string, string>>();
  for (const r of rows) {
    const row: Record<string, string> = {};
    names.forEach((n, i) => (row[n] = r.values[i] ?? ""));
    out.set(r.line, row);
  }
  return out;
}

/**
 * value as a cell of a CSV file that a spreadsheet reads as text. Names and codes come from people, and a cell
 * starting with =, +, -, @, TAB or CR is run by Excel and its kin as a formula (CSV injection): such a cell gets a
 * single quote in front and is quoted, as OWASP advises. Other cells are quoted where CSV needs it. The one rule
 * for every CSV file the web app writes; the server applies the same one (domain.SpreadsheetText).
 */
export function spreadsheetCell(value: string): string {
  const formula = /^[=+\-@\t\r]/.test(value);
  const text = formula ? "'" + value : value;
  return formula || /[",;\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** rows as CSV text (comma-separated, cells by spreadsheetCell), with a BOM so Excel reads UTF-8. */
export function toCsv(rows: string[][]): string {
  return "\uFEFF" + rows.map((r) => r.map(spreadsheetCell).join(",")).join("\r\n") + "\r\n";
}

/** A blob: URL of text as a CSV file for a download link, revoked when no longer used. */
export function useCsvUrl(text: string | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (text === undefined) return;
    const u = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    setUrl(u);
    return () => {
      URL.revokeObjectURL(u);
      setUrl(undefined);
    };
  }, [text]);
  return url;
}
