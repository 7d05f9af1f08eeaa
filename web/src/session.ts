// The signed-in session: the token from login, kept in localStorage until it
// expires or the user signs out, so a reload or a second tab stays signed in.
import { useSyncExternalStore } from "react";

const storageKey = "proper.session";

type Stored = { token: string; expiresAt: string };

let current: Stored | null = read();
let expiredNotice = false;
const listeners = new Set<() => void>();

function read(): Stored | null {
  try {
    const value = JSON.parse(localStorage.getItem(storageKey) ?? "null") as Stored | null;
    if (value && Date.parse(value.expiresAt) > Date.now()) return value;
  } catch {
    // a broken entry is the same as none
  }
  return null;
}

function set(value: Stored | null) {
  current = value;
  if (value) localStorage.setItem(storageKey, JSON.stringify(value));
  else localStorage.removeItem(storageKey);
  listeners.forEach((l) => l());
}

window.addEventListener("storage", (e) => {
  if (e.key === storageKey) {
    current = read();
    listeners.forEach((l) => l());
  }
});

/** The session store. */
export const session = {
  /** The bearer token, or undefined when signed out. */
  token: () => current?.token,
  /** Remembers a new session from login or activation. */
  start(token: string, expiresAt: string) {
    expiredNotice = false;
    set({ token, expiresAt });
  },
  /** Forgets the session (sign-out). */
  end() {
    set(null);
  },
  /** Forgets a session the server no longer accepts, and says so on the sign-in screen. */
  expire() {
    if (!current) return;
    expiredNotice = true;
    set(null);
  },
  /** Whether the last session ended because it expired (not by signing out). */
  expired: () => expiredNotice,
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** The current token in a component; it re-renders on sign-in and sign-out. */
export function useToken(): string | undefined {
  return useSyncExternalStore(session.subscribe, session.token);
}
