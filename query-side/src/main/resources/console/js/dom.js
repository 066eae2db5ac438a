// Builds elements without ever parsing text as markup: whatever the APIs return is shown as text.

const SVG = 'http://www.w3.org/2000/svg';

function build(node, attrs, children) {
    for (const [key, value] of Object.entries(attrs || {})) {
        if (value === undefined || value === null || value === false) {
            continue;
        }
        if (key.startsWith('on')) {
            node.addEventListener(key.slice(2), value);
        } else {
            node.setAttribute(key === 'className' ? 'class' : key, value === true ? '' : String(value));
        }
    }
    append(node, children);
    return node;
}

function append(node, children) {
    for (const child of children.flat(Infinity)) {
        if (child === undefined || child === null || child === false) {
            continue;
        }
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
}

export function el(tag, attrs, ...children) {
    return build(document.createElement(tag), attrs, children);
}

export function svg(tag, attrs, ...children) {
    return build(document.createElementNS(SVG, tag), attrs, children);
}

/** Replaces a node's children. */
export function fill(node, ...children) {
    node.replaceChildren();
    append(node, children);
    return node;
}

/** An ISO instant as the operator's local time, seconds included. */
export function time(iso) {
    if (!iso) {
        return '';
    }
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, {hour12: false});
}

/** Pretty JSON for a payload or a state. */
export function json(value) {
    return el('pre', {className: 'json'}, JSON.stringify(value, null, 2));
}

/** A table from column headers and rows of cells. */
export function table(id, headers, rows) {
    return el('table', {id},
        el('thead', {}, el('tr', {}, headers.map(h => el('th', {}, h)))),
        el('tbody', {}, rows));
}
