// The console's shell: log in, then one page per route (#/read-side, #/audit/<id>, #/business).

import * as api from './api.js';
import {el, fill} from './dom.js';
import * as readSide from './readside.js';
import * as audit from './audit.js';
import * as business from './business.js';

const PAGES = {'read-side': readSide, audit, business};
const HOME = {ops: 'read-side', auditor: 'audit', reporter: 'business'};

const page = document.getElementById('page');
let unmount = () => {};

function loginForm(config) {
    const form = document.getElementById('login-form');
    if (config.tokenUrl) {
        fill(form,
            el('label', {}, 'User ', el('input', {id: 'username', name: 'username', required: true, autofocus: true})),
            el('label', {}, 'Password ', el('input', {id: 'password', name: 'password', type: 'password', required: true})),
            el('button', {id: 'login-button', type: 'submit'}, 'Log in'),
            el('p', {className: 'hint'}, 'Local mode: the built-in users ops, auditor and reporter, password <name>-password.'));
    } else {
        fill(form,
            el('label', {}, 'Bearer token from your identity provider ',
                el('textarea', {id: 'token', name: 'token', rows: 4, cols: 60, required: true})),
            el('button', {id: 'login-button', type: 'submit'}, 'Use token'));
    }
    form.onsubmit = async e => {
        e.preventDefault();
        const problem = document.getElementById('login-problem');
        problem.hidden = true;
        try {
            if (config.tokenUrl) {
                await api.logIn(form.username.value, form.password.value);
            } else {
                api.useToken(form.token.value);
            }
            form.reset();
            const roles = api.caller().roles;
            const home = roles.map(r => HOME[r]).find(Boolean) || 'read-side';
            if (location.hash === `#/${home}`) {
                show();
            } else {
                location.hash = `#/${home}`;
            }
        } catch (err) {
            fill(problem, err.message);
            problem.hidden = false;
        }
    };
}

function show() {
    unmount();
    unmount = () => {};
    const loggedIn = api.loggedIn();
    document.getElementById('login').hidden = loggedIn;
    document.getElementById('nav').hidden = !loggedIn;
    document.getElementById('who').hidden = !loggedIn;
    if (!loggedIn) {
        fill(page);
        return;
    }
    const who = api.caller();
    fill(document.getElementById('who-name'), `${who.subject} (${who.roles.join(', ') || 'no roles'})`);
    const [name, ...rest] = location.hash.replace(/^#\//, '').split('/');
    const current = PAGES[name] ? name : 'read-side';
    for (const key of Object.keys(PAGES)) {
        document.getElementById(`nav-${key}`).classList.toggle('current', key === current);
    }
    const container = el('section', {id: `page-${current}`});
    fill(page, container);
    unmount = PAGES[current].mount(container, rest.join('/'));
}

async function start() {
    try {
        loginForm(await api.loadConfig());
    } catch (e) {
        fill(page, api.problemView(e));
        return;
    }
    document.getElementById('logout').onclick = () => {
        api.logout();
        show();
    };
    window.addEventListener('hashchange', show);
    window.addEventListener('console:unauthorized', () => {
        api.logout();
        show();
        const problem = document.getElementById('login-problem');
        fill(problem, 'Your token was refused or has expired; log in again.');
        problem.hidden = false;
    });
    show();
}

start();
