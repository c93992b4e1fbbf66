import { JSDOM } from 'jsdom';

/**
 * A DOM for rendering React in Node. Only what React DOM needs: no XMLHttpRequest, so axios uses Node's
 * http adapter and the client uses fetch, both seen by MSW at the network boundary.
 */
const dom = new JSDOM('<!doctype html><html><body><div id="root"></div></body></html>', { url: 'http://app.local/' });
const globals = globalThis as unknown as Record<string, unknown>;
globals.window = dom.window;
globals.document = dom.window.document;
globals.navigator = dom.window.navigator;
globals.HTMLElement = dom.window.HTMLElement;
globals.Node = dom.window.Node;
globals.MutationObserver = dom.window.MutationObserver;
globals.IS_REACT_ACT_ENVIRONMENT = false;
