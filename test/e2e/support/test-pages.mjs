// Pages built for the highlighting scenarios: late content, client-side navigation, dark
// pages, and pages that fight back. Each holds the same article text so one phrase works everywhere.
export const ARTICLE = `
<p id="p1">Staff engineers come in different shapes. The Tech Lead guides the approach and execution
of a particular team, partnering closely with a single manager.</p>
<p id="p2">The Architect is responsible for the direction, quality, and approach within a critical
area, combining in-depth knowledge of technical constraints with user needs.</p>
<p id="p3">The Solver digs deep into arbitrarily complex problems and finds an appropriate path
forward. The Right Hand extends an executive's attention, borrowing their scope and authority.</p>`;

export const page = ({ head = '', body = ARTICLE, title = 'Staff archetypes' } = {}) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;

/**
 * The article arrives late, as on pages that render on the client: when the test calls the
 * page's `deliverArticle()` — at a moment the test chooses, not after a delay that a loaded
 * machine might outlast before the test has even looked.
 */
export const latePage = () =>
  page({
    body: `<main id="root">Loading…</main><script>
      window.deliverArticle = () => {
        document.getElementById('root').innerHTML = ${JSON.stringify(ARTICLE)};
      };
    </script>`,
  });

const SPA_START = `<p id="intro">Start page of the reading app.</p>
      <a id="go">Read the archetypes</a>`;

/**
 * A single-page app: the link swaps the content and pushes the second article's URL; back and
 * forward (popstate) swap it again, as client-side routers do.
 */
export const spaPage = (target) =>
  page({
    body: `<main id="root">${SPA_START}</main><script>
      const root = document.getElementById('root');
      const render = (article) => {
        root.innerHTML = article ? ${JSON.stringify(ARTICLE)} : ${JSON.stringify(SPA_START)};
      };
      root.addEventListener('click', (event) => {
        if (event.target.id !== 'go') return;
        history.pushState({ article: true }, '', ${JSON.stringify(target)});
        render(true);
      });
      addEventListener('popstate', (event) => render(Boolean(event.state?.article)));
    </script>`,
  });

/** Text fields and an editable region beside the article: no toolbar may pop up inside them. */
export const formPage = () =>
  page({
    body: `${ARTICLE}<textarea id="area" rows="3" cols="60">Draft notes about staff engineering scope and the next review.</textarea>
      <input id="field" size="60" value="Search for staff engineering archetypes">`,
  });

export const darkPage = () =>
  page({
    head: '<style>html,body{background:#0b0b0f;color:#f5f5f5;font:20px/1.6 sans-serif}</style>',
  });

/** Hostile pages: each must still highlight, restore, and stay unbroken, with a clean console. */
export const HOSTILE = {
  'all-unset': {
    html: page({
      head: '<style>* { all: unset !important; } p { display: block !important; }</style>',
    }),
  },
  'body-display-block': {
    html: page({
      head: '<style>body * { display: block !important; border: 1px solid red !important; }</style>',
    }),
  },
  'overridden-prototypes': {
    html: page({
      head: `<script>
        document.getSelection = window.getSelection = () => null;
        Range.prototype.getBoundingClientRect = () => { throw new Error('page says no'); };
        Element.prototype.attachShadow = () => { throw new Error('no shadows'); };
        Node.prototype.appendChild = function () { throw new Error('no appending'); };
      </script>`,
    }),
  },
  'strict-csp': {
    html: page(),
    headers: {
      'content-security-policy':
        "default-src 'none'; style-src 'none'; script-src 'none'; img-src 'none'",
    },
  },
  'shadow-dom-and-iframe': {
    html: page({
      body: `${ARTICLE}<div id="host"></div><iframe id="frame" srcdoc="<p>Inside a same-origin frame.</p>"></iframe>
        <script>document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<p>Text in an open shadow root.</p>';</script>`,
    }),
  },
  'hundred-thousand-nodes': {
    html: page({
      body: `${ARTICLE}<div id="bulk">${Array.from({ length: 100_000 }, (_, i) => `<span>w${i} </span>`).join('')}</div>`,
    }),
  },
};
