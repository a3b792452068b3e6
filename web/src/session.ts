/** Who is signed in and which workspace scenario the pages show; sign-in and sign-out. */
import { api, setCsrf, type User } from './api.js';

interface SessionState {
  user: User | null;
  scenarioId: string;
}

/** The one session of the page (read by every view; changed only here). */
export const session: SessionState = { user: null, scenarioId: '' };

/**
 * Restores the session from the cookie (GET /api/session) and picks the scenario. Returns false when
 * nobody is signed in (the caller shows the sign-in page).
 */
export async function restoreSession(): Promise<boolean> {
  if (session.user === null) {
    try {
      const s = await api<{ user: User; csrfToken: string | null }>('GET', '/api/session');
      session.user = s.user;
      setCsrf(s.csrfToken);
    } catch {
      return false;
    }
  }
  if (session.scenarioId === '')
    session.scenarioId = (await api<{ id: string }[]>('GET', '/api/scenarios'))[0]?.id ?? '';
  return true;
}

export async function signIn(username: string, password: string): Promise<void> {
  const r = await api<{ user: User; csrfToken: string }>('POST', '/api/session', { username, password });
  session.user = r.user;
  setCsrf(r.csrfToken);
}

export async function signOut(): Promise<void> {
  await api('DELETE', '/api/session').catch(() => undefined);
  forget();
}

/** Drops the local session (after sign-out, or when the server says it has ended). */
export function forget(): void {
  session.user = null;
  setCsrf(null);
}

/** May the signed-in user edit this nation's data and pledges? */
export const mayEdit = (nation: string): boolean => {
  const u = session.user;
  return u?.role === 'coordinator' || (u?.role === 'liaison' && u.nation === nation);
};

export const isCoordinator = (): boolean => session.user?.role === 'coordinator';

/** Viewers read; everyone else may start runs. */
export const mayRun = (): boolean => session.user !== null && session.user.role !== 'viewer';

/** The URL prefix of the scenario's API: `/api/scenarios/<id>`. */
export const scenarioUrl = (): string => `/api/scenarios/${encodeURIComponent(session.scenarioId)}`;
