// A small router on the History API: paths are real URLs (the server answers
// index.html for them), links change the path without a reload. On each
// change of page, focus moves to the new page's heading and a live region
// announces it, as a reload would for a screen reader.
import { useEffect, useRef, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from "react";

const listeners = new Set<() => void>();
/** The address shown, to return to when leaving by the back button is cancelled. */
let here = window.location.pathname + window.location.search + window.location.hash;
window.addEventListener("popstate", () => {
  const samePage = here.split("#")[0] === window.location.pathname + window.location.search;
  if (!samePage && !mayLeave()) {
    history.pushState(null, "", here);
    return;
  }
  here = window.location.pathname + window.location.search + window.location.hash;
  listeners.forEach((l) => l());
  followPageChange();
});

/** What screens ask before the page is left: each gives a question (unsaved work) or undefined. */
const leaveChecks = new Set<() => string | undefined>();

/** Whether the page may be left: every screen with unsaved work asks, and the person confirms. */
function mayLeave(): boolean {
  for (const check of leaveChecks) {
    const question = check();
    if (question && !window.confirm(question)) return false;
  }
  return true;
}

/**
 * Asks question before the page is left while question is set (unsaved
 * work): on links and the back button inside the app (a confirm), and on
 * reload, closing the tab or leaving the site (the browser's own warning).
 */
export function useLeaveGuard(question: string | undefined) {
  const current = useRef(question);
  current.current = question;
  useEffect(() => {
    const check = () => current.current;
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (!current.current) return;
      e.preventDefault();
      e.returnValue = current.current;
    };
    leaveChecks.add(check);
    window.addEventListener("beforeunload", beforeUnload);
    return () => {
      leaveChecks.delete(check);
      window.removeEventListener("beforeunload", beforeUnload);
    };
  }, []);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Goes to path (with its ?query), adding a history entry unless replace.
 * A new entry (a link followed) first asks the screens with unsaved work;
 * a replacement (a redirect) does not.
 */
export function navigate(path: string, replace = false) {
  if (replace) history.replaceState(null, "", path);
  else {
    if (!mayLeave()) return;
    history.pushState(null, "", path);
  }
  here = window.location.pathname + window.location.search + window.location.hash;
  window.scrollTo(0, 0);
  listeners.forEach((l) => l());
  followPageChange();
}

/** The polite live region that says which page has opened; outside #root, so React leaves it alone. */
const announcer = document.createElement("div");
announcer.className = "visually-hidden";
announcer.setAttribute("aria-live", "polite");
announcer.setAttribute("aria-atomic", "true");
document.body.append(announcer);

/** How long after a change of page its heading is still followed: screens load their data, then title. */
const followMs = 10_000;
/** How long the heading must stay the same before it is announced, so a loading title is not read too. */
const announceAfterMs = 300;

let stopFollowing: (() => void) | undefined;

/** The heading of the page shown: the first visible h1, in main if there is one there. */
function pageHeading(): HTMLElement | null {
  for (const h of document.querySelectorAll<HTMLElement>("main h1, h1")) {
    if (h.getClientRects().length > 0) return h;
  }
  return null;
}

/**
 * Moves focus to the new page's heading (made focusable with tabIndex -1)
 * and announces its text. The page may render its heading late (its code or
 * data loading) or replace it once loaded, so the heading is followed for a
 * while; focus is moved only while it is nowhere the person put it (on the
 * page, the link that was followed, or the heading focused before).
 */
function followPageChange() {
  stopFollowing?.();
  const from = document.activeElement;
  let focused: HTMLElement | null = null;
  let announced = "";
  let announceTimer: ReturnType<typeof setTimeout> | undefined;
  const settle = () => {
    const active = document.activeElement;
    const free = !active || active === document.body || active === from || active === focused || !active.isConnected || active.tagName === "MAIN";
    const heading = pageHeading();
    if (!heading || !free) return;
    if (heading !== focused) {
      if (!heading.hasAttribute("tabindex")) heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
      focused = heading;
    }
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => {
      const text = pageHeading()?.textContent?.trim() ?? "";
      if (text && text !== announced) {
        announced = text;
        announcer.textContent = text;
      }
    }, announceAfterMs);
  };
  const observer = new MutationObserver(settle);
  // React renders the new page after the listeners return: look once it has.
  const start = setTimeout(() => {
    settle();
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }, 0);
  const end = setTimeout(() => stopFollowing?.(), followMs);
  stopFollowing = () => {
    observer.disconnect();
    clearTimeout(start);
    clearTimeout(end);
    stopFollowing = undefined;
  };
}

/** The current path, re-rendering on navigation. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** The current query string parameters, re-rendering on navigation. */
export function useQuery(): URLSearchParams {
  const search = useSyncExternalStore(subscribe, () => window.location.search);
  return new URLSearchParams(search);
}

/** Replaces the query string (filters, sorts) without a history entry. */
export function setQuery(params: Record<string, string | undefined>) {
  const q = new URLSearchParams(window.location.search);
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === "") q.delete(k);
    else q.set(k, v);
  }
  const s = q.toString();
  history.replaceState(null, "", window.location.pathname + (s ? "?" + s : ""));
  here = window.location.pathname + window.location.search + window.location.hash;
  listeners.forEach((l) => l());
}

/**
 * The parameters of path matched against pattern ("/proyek/:projectId"), or
 * null when it does not match.
 */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/").filter(Boolean);
  const got = path.split("/").filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = decodeURIComponent(got[i]!);
    if (w.startsWith(":")) params[w.slice(1)] = g;
    else if (w !== g) return null;
  }
  return params;
}

/** A link inside the app. */
export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    props.onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(props.href);
  };
  return <a {...props} onClick={onClick} />;
}
