// Business at a glance (reporter): orders by status, daily sales, stock levels with the low ones.

import {problemView, query} from './api.js';
import {el, fill, table} from './dom.js';
import {barChart} from './charts.js';

const DAYS = 14;

export function mount(root) {
    const statuses = el('section', {id: 'order-status'});
    const sales = el('section', {id: 'daily-sales'});
    const stock = el('section', {id: 'stock'});
    const threshold = el('input', {id: 'low-threshold', type: 'number', min: 0, value: 5, size: 4});
    const prefix = el('input', {id: 'sku-prefix', placeholder: 'all', size: 12});
    fill(root, el('h2', {}, 'Business at a glance'),
        el('h3', {}, 'Orders by status'), statuses,
        el('h3', {}, `Daily sales, last ${DAYS} days (UTC)`), sales,
        el('h3', {}, 'Stock levels'),
        el('form', {id: 'stock-form', onsubmit: e => {
            e.preventDefault();
            showStock(stock, Number(threshold.value), prefix.value.trim());
        }}, el('label', {}, 'SKUs starting with ', prefix), el('label', {}, 'low at or below ', threshold, ' available'), ' ',
            el('button', {type: 'submit', id: 'show-stock'}, 'Show')),
        stock);
    showStatuses(statuses);
    showSales(sales);
    showStock(stock, Number(threshold.value), '');
    return () => {};
}

async function showStatuses(target) {
    try {
        const counts = await query('/api/reports/order-status');
        fill(target, barChart({id: 'status-chart', bars: counts.map(c => ({label: c.status, value: c.count}))}),
            table('status-table', ['Status', 'Orders'], counts.map(c =>
                el('tr', {'data-status': c.status}, el('td', {}, c.status), el('td', {className: 'count'}, String(c.count))))));
    } catch (e) {
        fill(target, problemView(e));
    }
}

async function showSales(target) {
    const today = new Date();
    const days = [...Array(DAYS).keys()].reverse()
        .map(back => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - back))
            .toISOString().slice(0, 10));
    try {
        const report = await query(`/api/reports/daily-sales?from=${days[0]}&to=${days[DAYS - 1]}`);
        const currencies = [...new Set(report.rows.map(r => r.currency))].sort();
        if (!currencies.length) {
            fill(target, el('p', {id: 'no-sales'}, 'No sales in these days.'));
            return;
        }
        fill(target, currencies.map(currency => {
            const rows = report.rows.filter(r => r.currency === currency);
            const perDay = days.map(day => ({day, revenue: sum(rows.filter(r => r.day === day).map(r => r.revenue)),
                units: rows.filter(r => r.day === day).reduce((n, r) => n + r.units, 0)}));
            return el('div', {className: 'sales', 'data-currency': currency},
                el('h4', {}, `${currency}: ${sum(perDay.map(d => d.revenue))} in ${DAYS} days`),
                barChart({id: `sales-chart-${currency}`, bars: perDay.map(d => ({label: d.day.slice(8), value: Number(d.revenue),
                    title: `${d.day}: ${d.revenue} ${currency}, ${d.units} units`})), format: v => `${v}`}));
        }));
    } catch (e) {
        fill(target, problemView(e));
    }
}

async function showStock(target, low, prefix) {
    try {
        const page = await query(`/api/inventory?sort=available&limit=50${prefix ? '&skuPrefix=' + encodeURIComponent(prefix) : ''}`);
        const lowOnes = page.items.filter(s => s.available <= low);
        fill(target, el('p', {id: 'low-count', className: lowOnes.length ? 'message warning' : 'message success'},
            `${lowOnes.length} of the ${page.items.length} SKUs with the least stock are low (at most ${low} available).`),
            table('stock-table', ['SKU', 'Name', 'On hand', 'Reserved', 'Available', 'Unit price'], page.items.map(s =>
                el('tr', {'data-sku': s.sku, className: s.available <= low ? 'low' : ''},
                    el('td', {}, s.sku), el('td', {}, s.name), el('td', {}, String(s.onHand)), el('td', {}, String(s.reserved)),
                    el('td', {className: 'available'}, String(s.available)), el('td', {}, `${s.unitPrice} ${s.currency}`)))));
    } catch (e) {
        fill(target, problemView(e));
    }
}

/** Adds decimal amounts ("19.99") exactly, as the APIs send money: never through binary floating point. */
function sum(amounts) {
    const scale = Math.max(2, ...amounts.map(a => (a.split('.')[1] || '').length));
    const total = amounts.reduce((t, a) => {
        const [whole, fraction = ''] = a.replace('-', '').split('.');
        const units = BigInt(whole + fraction.padEnd(scale, '0'));
        return t + (a.startsWith('-') ? -units : units);
    }, 0n);
    const negative = total < 0n;
    const digits = (negative ? -total : total).toString().padStart(scale + 1, '0');
    return `${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}
