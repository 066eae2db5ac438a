// Calls the existing APIs with the caller's bearer token; the APIs decide what the caller may do.

const TOKEN = 'ledgerline.console.token';

let config = null;
let token = sessionStorage.getItem(TOKEN);

/** An answer other than 2xx, with the problem detail the APIs send. */
export class Problem extends Error {
    constructor(status, problem) {
        super(problem.detail || problem.title || `HTTP ${status}`);
        this.status = status;
        this.type = problem.type || '';
        this.title = problem.title || '';
    }

    get denied() {
        return this.status === 403;
    }
}

export async function loadConfig() {
    const response = await fetch('config.json', {headers: {Accept: 'application/json'}});
    if (!response.ok) {
        throw await problemOf(response, 'config.json');
    }
    config = await response.json();
    return config;
}

export function settings() {
    return config;
}

/** What the token says about its holder; only for display, the APIs check the token themselves. */
export function caller() {
    if (!token) {
        return null;
    }
    try {
        const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
        const claims = JSON.parse(atob(part.padEnd(part.length + (4 - part.length % 4) % 4, '=')));
        const roles = Array.isArray(claims.roles) ? claims.roles : [];
        return {subject: String(claims.sub || '?'), roles, expires: claims.exp ? new Date(claims.exp * 1000) : null};
    } catch (e) {
        return {subject: '?', roles: [], expires: null};
    }
}

export function useToken(value) {
    token = value.trim().replace(/^Bearer\s+/i, '');
    sessionStorage.setItem(TOKEN, token);
}

export function loggedIn() {
    return !!token;
}

export function logout() {
    token = null;
    sessionStorage.removeItem(TOKEN);
}

/** Local mode: the issuer of this app exchanges a built-in user's name and password for a token. */
export async function logIn(username, password) {
    const response = await send(config.tokenUrl, {
        method: 'POST',
        headers: {'Content-Type': 'application/json', Accept: 'application/json'},
        body: JSON.stringify({username, password})
    });
    if (!response.ok) {
        throw await problemOf(response, config.tokenUrl);
    }
    useToken((await response.json()).access_token);
}

/** The query side: this app. */
export function query(path, options) {
    return call('', path, options);
}

/** The projections' ops API, on its own origin. */
export function ops(path, options) {
    return call(config.opsUrl, path, options);
}

async function call(base, path, {method = 'GET', accept = 'application/json'} = {}) {
    const response = await send(base + path, {method, headers: {Authorization: `Bearer ${token}`, Accept: accept}});
    if (!response.ok) {
        const problem = await problemOf(response, base + path);
        if (problem.status === 401) {
            window.dispatchEvent(new CustomEvent('console:unauthorized', {detail: problem}));
        }
        throw problem;
    }
    return accept === 'application/json' ? response.json() : response.text();
}

async function send(url, init) {
    try {
        return await fetch(url, {...init, credentials: 'omit', cache: 'no-store'});
    } catch (e) {
        throw new Problem(0, {title: 'Unreachable', detail: `Could not reach ${url || location.origin}: ${e.message}`});
    }
}

async function problemOf(response, url) {
    let body = {};
    try {
        body = await response.json();
    } catch (e) {
        body = {detail: `${url} answered ${response.status}`};
    }
    return new Problem(response.status, body);
}

/** How a refused or failed call is shown: an access denied says so in words. */
export function problemView(error) {
    const status = error instanceof Problem ? error.status : 0;
    const message = error instanceof Error ? error.message : String(error);
    const p = document.createElement('p');
    p.className = status === 403 ? 'problem denied' : 'problem';
    p.dataset.status = String(status);
    p.textContent = status === 403 ? `Access denied: ${message}`
        : status ? `${status} ${error.title}: ${message}` : message;
    return p;
}
