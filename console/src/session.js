// The signed-in user: a bearer token in this tab's session storage (the demo sign-in or the portal's SSO hand-off put
// it there) and the claims the hub scopes by. The console decides nothing from them but which pages to offer: every
// call goes to the same API as any docked system, and the hub decides what the token may see.
import { reactive } from 'vue';

const KEY = 'hub.token';

function decode(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(escape(atob(payload)));
    return JSON.parse(json);
  } catch (e) {
    return null;
  }
}

export const session = reactive({ token: null, claims: null, demo: false });

export function load() {
  const token = sessionStorage.getItem(KEY);
  const claims = token ? decode(token) : null;
  if (claims && claims.exp * 1000 > Date.now()) {
    session.token = token;
    session.claims = claims;
    session.demo = sessionStorage.getItem('hub.demo') === 'true';
  } else {
    signOut();
  }
}

export function signIn(token, demo) {
  sessionStorage.setItem(KEY, token);
  sessionStorage.setItem('hub.demo', demo ? 'true' : 'false');
  load();
}

export function signOut() {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem('hub.demo');
  session.token = null;
  session.claims = null;
  session.demo = false;
}

export function roles() {
  const claims = session.claims || {};
  return (claims.realm_access && claims.realm_access.roles) || claims.groups || [];
}

export function hasRole(...wanted) {
  return roles().some((role) => wanted.includes(role));
}
