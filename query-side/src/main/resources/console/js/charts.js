// Two small hand-drawn SVG charts: lines over time (lag) and bars (statuses, daily sales).

import {svg} from './dom.js';

const PAD = {left: 56, right: 12, top: 10, bottom: 24};

/** The smallest "round" number at or above value, so axes read 0, 5, 10, 50, 100, ... */
function ceiling(value) {
    if (value <= 0) {
        return 1;
    }
    const step = 10 ** Math.floor(Math.log10(value));
    return [1, 2, 5, 10].map(m => m * step).find(m => m >= value);
}

function axes(width, height, max, format) {
    const bottom = height - PAD.bottom;
    const ticks = [0, max / 2, max].map(v => {
        const y = bottom - (bottom - PAD.top) * (v / max);
        return [svg('line', {x1: PAD.left, y1: y, x2: width - PAD.right, y2: y, className: v ? 'grid' : 'axis'}),
            svg('text', {x: PAD.left - 6, y: y + 4, 'text-anchor': 'end', className: 'tick'}, format(v))];
    });
    return [svg('line', {x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: bottom, className: 'axis'}), ticks];
}

/**
 * Lines over the last {@code windowMs}: series are {name, points: [{t, v}]}, t in epoch millis.
 */
export function lineChart({id, series, windowMs, now, width = 640, height = 180, unit}) {
    const max = ceiling(Math.max(0, ...series.flatMap(s => s.points.map(p => p.v))));
    const x = t => PAD.left + (width - PAD.left - PAD.right) * (1 - (now - t) / windowMs);
    const y = v => height - PAD.bottom - (height - PAD.top - PAD.bottom) * (v / max);
    const lines = series.map((s, i) => {
        const shown = s.points.filter(p => now - p.t <= windowMs);
        const last = shown[shown.length - 1];
        return svg('g', {className: `series-${i}`},
            svg('polyline', {className: `series series-${i}`, 'data-series': s.name, fill: 'none',
                points: shown.map(p => `${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ')}),
            last ? svg('circle', {cx: x(last.t).toFixed(1), cy: y(last.v).toFixed(1), r: 3},
                svg('title', {}, `${s.name}: ${last.v} ${unit}`)) : null);
    });
    const legend = series.map((s, i) => svg('text', {x: PAD.left + 8 + i * 110, y: height - 6, className: `legend series-${i}`},
        `— ${s.name}`));
    const minutes = Math.round(windowMs / 60000);
    return svg('svg', {id, viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', className: 'chart',
            'aria-label': `${unit} over the last ${minutes} minutes`},
        axes(width, height, max, v => String(Math.round(v * 10) / 10)),
        svg('text', {x: width - PAD.right, y: height - 6, 'text-anchor': 'end', className: 'tick'}, `last ${minutes} min`),
        lines, legend);
}

/** Vertical bars: bars are {label, value, title}. */
export function barChart({id, bars, width = 640, height = 200, format = v => String(v)}) {
    const max = ceiling(Math.max(0, ...bars.map(b => b.value)));
    const inner = width - PAD.left - PAD.right;
    const slot = inner / Math.max(1, bars.length);
    const scale = v => (height - PAD.top - PAD.bottom) * (v / max);
    const drawn = bars.map((b, i) => {
        const h = scale(b.value);
        const x = PAD.left + i * slot + slot * 0.15;
        return svg('g', {className: 'bar', 'data-label': b.label, 'data-value': b.value},
            svg('rect', {x: x.toFixed(1), y: (height - PAD.bottom - h).toFixed(1), width: (slot * 0.7).toFixed(1),
                height: h.toFixed(1)}, svg('title', {}, b.title || `${b.label}: ${format(b.value)}`)),
            svg('text', {x: (x + slot * 0.35).toFixed(1), y: height - 8, 'text-anchor': 'middle', className: 'tick'}, b.label));
    });
    return svg('svg', {id, viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', className: 'chart'},
        axes(width, height, max, format), drawn);
}
