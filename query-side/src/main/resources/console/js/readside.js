// Read side (ops): every read model's generations, lag, segments and rebuilds; dead letters with retry and evict.

import {ops, problemView} from './api.js';
import {el, fill, table, time} from './dom.js';
import {lineChart} from './charts.js';

const REFRESH_MS = 2000;
const WINDOW_MS = 5 * 60 * 1000;

// Lag samples outlive the page, so the chart keeps its last minutes while the operator looks elsewhere.
const samples = new Map();

export function mount(root) {
    const rebuilds = new Map();
    let timer = null;
    let stopped = false;
    let latest = 0;

    const status = el('p', {id: 'readside-status', className: 'status'}, 'Loading…');
    const models = el('div', {id: 'models'});
    const confirm = el('div', {id: 'confirm'});
    const messages = el('div', {id: 'readside-messages'});
    const chart = el('div', {id: 'lag-chart'});
    const letters = el('div', {id: 'dead-letters'});
    const body = el('div', {id: 'readside-body'}, models,
        el('h3', {}, 'Lag (events behind the newest event)'), chart, el('h3', {}, 'Dead letters'), letters);
    fill(root, el('h2', {}, 'Read side'), status, confirm, messages, body);

    function say(text, kind = 'info') {
        fill(messages, el('p', {className: `message ${kind}`}, text));
    }

    function ask(question, action, run) {
        fill(confirm, el('div', {className: 'confirm'}, el('p', {}, question),
            el('button', {id: 'confirm-yes', type: 'button', className: 'danger', onclick: () => {
                fill(confirm);
                run();
            }}, action),
            el('button', {id: 'confirm-no', type: 'button', onclick: () => fill(confirm)}, 'Cancel')));
    }

    function rebuild(model, live) {
        ask(`Rebuild ${model}? A new generation is built from the whole event stream beside generation ${live}; `
            + 'queries keep reading generation ' + live + ' until the new one has caught up.', `Rebuild ${model}`, async () => {
            try {
                const started = await ops(`/ops/projections/${encodeURIComponent(model)}/rebuild`, {method: 'POST'});
                // A small read model may have caught up and switched before the answer was written.
                const target = started.rebuild ? started.rebuild.generation : started.live.generation;
                rebuilds.set(model, target);
                say(`Rebuild of ${model} started as generation ${target}.`);
                refresh();
            } catch (e) {
                fill(messages, problemView(e));
            }
        });
    }

    async function act(path, method, done) {
        try {
            done(await ops(path, {method}));
            refresh();
        } catch (e) {
            fill(messages, problemView(e));
        }
    }

    function segments(generation) {
        return el('ul', {className: 'segments'}, generation.segments.map(s => el('li', {},
            `#${s.segment} `, el('span', {className: 'owner'}, s.owner || 'unclaimed'), ` @${s.position}`,
            s.caughtUp ? ' ✓' : '', s.error ? el('span', {className: 'error'}, ` ${s.error}`) : null)));
    }

    function row(s) {
        const r = s.rebuild;
        return el('tr', {'data-model': s.model, className: `state-${s.state.toLowerCase()}`},
            el('td', {className: 'model'}, s.model),
            el('td', {className: 'state'}, s.state),
            el('td', {className: 'generation'}, String(s.live.generation)),
            el('td', {}, `${s.live.position} / ${s.head}`),
            el('td', {className: 'lag-events'}, String(s.live.lagEvents)),
            el('td', {}, s.live.lagSeconds == null ? '–' : `${s.live.lagSeconds.toFixed(1)} s`),
            el('td', {}, segments(s.live)),
            el('td', {className: 'rebuild'}, r ? [
                `generation ${r.generation}: `,
                el('progress', {max: 100, value: (r.progress || 0).toFixed(1)}),
                ` ${(r.progress || 0).toFixed(1)} %, ${r.lagEvents} events to go`,
                r.etaSeconds != null ? `, about ${r.etaSeconds} s left` : '', segments(r)
            ] : '–'),
            el('td', {className: 'dead-letter-count'}, String(s.deadLetters)),
            el('td', {}, el('button', {type: 'button', className: 'rebuild-button', 'data-model': s.model,
                disabled: !!r, onclick: () => rebuild(s.model, s.live.generation)}, 'Rebuild…')));
    }

    function letterTable(model, list) {
        return el('section', {className: 'letters', 'data-model': model},
            el('h4', {}, `${model}: ${list.length} parked`,
                el('button', {type: 'button', className: 'retry-all', onclick: () => act(
                    `/ops/projections/${model}/dead-letters/retry`, 'POST',
                    o => say(`${model}: ${o.sequencesHandled} sequences handled, ${o.remaining} events still parked.`))},
                'Retry all')),
            table(null, ['Sequence', 'Event', 'Aggregate sequence', 'Cause', 'Parked at', ''], list.map(l =>
                el('tr', {'data-sequence': l.sequence},
                    el('td', {}, l.sequence),
                    el('td', {}, l.eventType.split('.').pop()),
                    el('td', {}, String(l.aggregateSequence)),
                    el('td', {className: 'cause'}, el('strong', {}, l.causeType.split('.').pop()), ': ', l.causeMessage || ''),
                    el('td', {}, time(l.enqueuedAt)),
                    el('td', {},
                        el('button', {type: 'button', className: 'retry', onclick: () => act(
                            `/ops/projections/${model}/dead-letters/${encodeURIComponent(l.sequence)}/retry`, 'POST',
                            o => say(o.handled ? `${l.sequence} handled.` : `${l.sequence} failed again and stays parked.`,
                                o.handled ? 'info' : 'warning'))}, 'Retry'),
                        el('button', {type: 'button', className: 'evict danger', onclick: () => ask(
                            `Drop the parked events of ${l.sequence} from ${model} for good? The read model goes on as if `
                            + 'they never happened; rebuild it to apply them after a fix.', `Evict ${l.sequence}`,
                            () => act(`/ops/projections/${model}/dead-letters/${encodeURIComponent(l.sequence)}`, 'DELETE',
                                o => say(`${o.sequence}: ${o.evicted} parked ${o.evicted === 1 ? 'event' : 'events'} dropped.`)))}, 'Evict…'))))));
    }

    function finishedRebuilds(statuses) {
        for (const s of statuses) {
            const target = rebuilds.get(s.model);
            if (target !== undefined && !s.rebuild && s.live.generation >= target) {
                rebuilds.delete(s.model);
                say(`${s.model} rebuilt: generation ${s.live.generation} is live.`, 'success');
            }
        }
    }

    function record(statuses, now) {
        for (const s of statuses) {
            const points = samples.get(s.model) || [];
            points.push({t: now, v: s.live.lagEvents});
            while (points.length && now - points[0].t > WINDOW_MS) {
                points.shift();
            }
            samples.set(s.model, points);
        }
        fill(chart, lineChart({id: 'lag', windowMs: WINDOW_MS, now, unit: 'events',
            series: [...samples.entries()].map(([name, points]) => ({name, points}))}));
    }

    async function refresh() {
        clearTimeout(timer);
        const mine = ++latest;
        const current = () => !stopped && mine === latest;
        try {
            const statuses = await ops('/ops/projections');
            if (!current()) {
                return;
            }
            const now = Date.now();
            fill(models, table('models-table', ['Model', 'State', 'Live generation', 'Position / head', 'Lag (events)',
                'Lag (time)', 'Segments and owners', 'Rebuild', 'Dead letters', ''], statuses.map(row)));
            record(statuses, now);
            finishedRebuilds(statuses);
            const parked = statuses.filter(s => s.deadLetters > 0);
            const lists = await Promise.all(parked.map(s => ops(`/ops/projections/${s.model}/dead-letters`)));
            if (!current()) {
                return;
            }
            fill(letters, parked.length ? parked.map((s, i) => letterTable(s.model, lists[i]))
                : el('p', {id: 'no-dead-letters'}, 'No read model has parked events.'));
            fill(status, `Refreshed ${new Date(now).toLocaleTimeString(undefined, {hour12: false})}, every ${REFRESH_MS / 1000} s.`);
        } catch (e) {
            if (!current()) {
                return;
            }
            fill(status, problemView(e));
            if (e.status === 403 || e.status === 401) {
                fill(models);
                body.hidden = true;
                return;
            }
        }
        if (current()) {
            timer = setTimeout(refresh, REFRESH_MS);
        }
    }

    refresh();
    return () => {
        stopped = true;
        clearTimeout(timer);
    };
}
