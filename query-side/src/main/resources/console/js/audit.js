// Audit (auditor): an aggregate's history as a timeline, its state as of a version or a time,
// the correlation view of a request, the hash-chain check, and NDJSON exports.

import {problemView, query} from './api.js';
import {el, fill, json, time} from './dom.js';

const path = id => `/api/audit/streams/${encodeURIComponent(id)}`;

export function mount(root, route) {
    const id = el('input', {id: 'aggregate-id', name: 'aggregate', placeholder: 'order id, payment id or SKU', size: 40,
        required: true});
    const history = el('section', {id: 'history'});
    const state = el('section', {id: 'state'});
    const integrity = el('section', {id: 'integrity'});
    const correlation = el('section', {id: 'correlation'});
    const exported = el('section', {id: 'export'});
    const found = el('div', {id: 'aggregate'});

    const find = el('form', {id: 'audit-find', onsubmit: e => {
        e.preventDefault();
        location.hash = `#/audit/${encodeURIComponent(id.value.trim())}`;
    }}, el('label', {}, 'Aggregate ', id), el('button', {type: 'submit', id: 'find'}, 'Find'));

    fill(root, el('h2', {}, 'Audit'), find, found, correlation, exportForm(exported), exported);

    const aggregate = route ? decodeURIComponent(route) : '';
    if (aggregate) {
        id.value = aggregate;
        fill(found, history, stateForm(aggregate, state), state, integrityForm(aggregate, integrity), integrity);
        showHistory(aggregate, history, correlation);
    }
    return () => {};
}

async function showHistory(aggregate, target, correlation) {
    fill(target, el('p', {}, 'Loading…'));
    try {
        const h = await query(path(aggregate));
        fill(target, el('h3', {}, `${h.aggregateType} ${h.aggregateId}: ${h.events.length} events`),
            el('ol', {id: 'timeline', className: 'timeline'}, h.events.map(e => event(e, correlation))));
    } catch (e) {
        fill(target, problemView(e));
    }
}

function event(e, correlation) {
    const meta = e.metadata || {};
    return el('li', {className: 'event', 'data-sequence': e.sequence, 'data-type': e.type},
        el('div', {className: 'event-head'},
            el('span', {className: 'sequence'}, `#${e.sequence}`), ' ',
            el('strong', {className: 'type'}, e.type), ' ',
            el('time', {datetime: e.timestamp}, time(e.timestamp)), ' ',
            el('span', {className: 'principal'}, `by ${meta.principal || meta.subject || 'unknown'}`), ' ',
            meta.correlationId ? el('button', {type: 'button', className: 'link correlation-link',
                onclick: () => showCorrelation(meta.correlationId, correlation)}, `request ${meta.correlationId}`) : null,
            el('span', {className: 'position'}, ` position ${e.position}`)),
        el('details', {}, el('summary', {}, 'payload and metadata'), json(e.payload), json(meta)));
}

async function showCorrelation(correlationId, target) {
    fill(target, el('p', {}, 'Loading…'));
    try {
        const c = await query(`/api/audit/correlations/${encodeURIComponent(correlationId)}`);
        fill(target, el('h3', {}, `Request ${c.correlationId}: ${c.events.length} events`),
            el('ol', {id: 'correlation-events', className: 'timeline'}, c.events.map(e => el('li', {className: 'event'},
                el('strong', {}, e.type), ` on ${e.aggregateType} `,
                el('a', {href: `#/audit/${encodeURIComponent(e.aggregateId)}`}, e.aggregateId),
                ` #${e.sequence}, ${time(e.timestamp)}, by ${(e.metadata || {}).principal || 'unknown'}`))));
        target.scrollIntoView();
    } catch (e) {
        fill(target, problemView(e));
    }
}

function stateForm(aggregate, target) {
    const version = el('input', {id: 'state-version', type: 'number', min: 0, size: 6});
    const at = el('input', {id: 'state-at', placeholder: '2026-11-20T12:00:00Z or 2026-11-20', size: 26});
    return el('form', {id: 'state-form', onsubmit: async e => {
        e.preventDefault();
        const params = new URLSearchParams();
        if (version.value !== '') {
            params.set('version', version.value);
        }
        if (at.value.trim() !== '') {
            params.set('at', at.value.trim());
        }
        try {
            const s = await query(`${path(aggregate)}/state${params.toString() ? '?' + params : ''}`);
            fill(target, el('h3', {}, `State at version ${s.version}, as of ${time(s.asOf)}`),
                el('div', {id: 'state-json'}, json(s.state)));
        } catch (err) {
            fill(target, problemView(err));
        }
    }}, el('h3', {}, 'State as of'), el('label', {}, 'version ', version), ' or ', el('label', {}, 'time ', at), ' ',
        el('button', {type: 'submit', id: 'show-state'}, 'Show state'), ' (both empty: now)');
}

function integrityForm(aggregate, target) {
    return el('div', {}, el('h3', {}, 'Integrity'),
        el('button', {type: 'button', id: 'verify', onclick: async () => {
            fill(target, el('p', {}, 'Checking…'));
            try {
                const c = await query(`${path(aggregate)}/verify`);
                const f = c.firstFailure;
                fill(target, c.valid
                    ? el('p', {id: 'integrity-result', className: 'message success'},
                        `Hash chain intact: ${c.eventsChecked} events checked.`)
                    : el('p', {id: 'integrity-result', className: 'message error'},
                        `Hash chain broken after ${c.eventsChecked} events checked. First broken event: sequence ${f.sequence}`
                        + ` (position ${f.position}, event ${f.eventId}): ${f.problem}`));
            } catch (e) {
                fill(target, problemView(e));
            }
        }}, 'Check the hash chain'));
}

function exportForm(target) {
    const from = el('input', {id: 'export-from', type: 'number', min: 0, size: 8});
    const to = el('input', {id: 'export-to', type: 'number', min: 0, size: 8});
    return el('form', {id: 'export-form', onsubmit: async e => {
        e.preventDefault();
        const params = new URLSearchParams();
        if (from.value !== '') {
            params.set('fromPosition', from.value);
        }
        if (to.value !== '') {
            params.set('toPosition', to.value);
        }
        await download(`/api/audit/export${params.toString() ? '?' + params : ''}`, `events-${from.value || 0}.ndjson`, target);
    }}, el('h3', {}, 'Export and check everything (NDJSON)'),
        el('label', {}, 'from position ', from), ' ', el('label', {}, 'to position ', to), ' ',
        el('button', {type: 'submit', id: 'export-button'}, 'Export'), ' ',
        el('button', {type: 'button', id: 'verify-all', onclick: () => download('/api/audit/verify',
            'verification.ndjson', target)}, 'Check every hash chain'));
}

/** Fetches NDJSON with the token (a plain link could not send it), shows its summary line and offers the file. */
async function download(url, name, target) {
    fill(target, el('p', {}, 'Reading…'));
    try {
        const text = await query(url, {accept: 'application/x-ndjson'});
        const lines = text.trim().split('\n');
        const summary = JSON.parse(lines[lines.length - 1]).summary || {};
        const href = URL.createObjectURL(new Blob([text], {type: 'application/x-ndjson'}));
        fill(target, el('p', {id: 'export-summary', className: summary.valid === false ? 'message error' : 'message success'},
            Object.entries(summary).map(([k, v]) => `${k}: ${v}`).join(', ')),
            el('a', {id: 'export-link', href, download: name}, `Save ${name} (${lines.length} lines)`));
    } catch (e) {
        fill(target, problemView(e));
    }
}
