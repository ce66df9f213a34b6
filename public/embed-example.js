// The example host page's script (a file of its own: a strict Content-Security-Policy allows no
// inline script). It embeds ConvArith sandboxed, sizes the frame from `resize`, drives it with
// buttons and shows what it says. Only textContent is written: nothing a message carries is HTML.
//
// ?app=<address of ConvArith> embeds another copy (default: the one beside this page);
// ?lang=zh asks for Chinese.

const SOURCE = 'convarith';
const VERSION = 1;
const here = new URL(window.location.href);
const app = new URL(here.searchParams.get('app') ?? './', here);
const frame = document.getElementById('app');

// The frame's address: embed=1, and origin=<this page's origin> so the app hears this page only
// and sends what it says to this page only.
const src = new URL(app);
src.search = '';
src.searchParams.set('embed', '1');
src.searchParams.set('origin', window.location.origin);
const lang = here.searchParams.get('lang');
if (lang) src.searchParams.set('lang', lang);
frame.src = src.href;

/** Sends one request. The sandboxed frame's origin is opaque ("null"), so targetOrigin must be '*'. */
function send(type, fields = {}) {
  frame.contentWindow.postMessage({ source: SOURCE, version: VERSION, type, ...fields }, '*');
}

const show = (id, text) => {
  document.getElementById(id).textContent = text;
};

function log(message) {
  const item = document.createElement('li');
  item.textContent = JSON.stringify(message);
  const list = document.getElementById('log');
  list.prepend(item);
  while (list.children.length > 30) list.lastChild.remove();
}

window.addEventListener('message', (event) => {
  // Only the frame's messages, in this API's envelope: its origin is "null", so the source is what identifies it.
  if (event.source !== frame.contentWindow) return;
  const m = event.data;
  if (!m || m.source !== SOURCE || m.version !== VERSION) return;
  log(m);
  switch (m.type) {
    case 'ready':
      show('ready', 'yes');
      break;
    case 'state':
      show('state', JSON.stringify(m.state, null, 2));
      break;
    case 'step':
      show('step', `${m.step + 1} of ${m.count} (${m.view})`);
      break;
    case 'resize':
      frame.height = String(m.height);
      show('height', `${m.height} px`);
      break;
    case 'error':
      show('error', `${m.code}: ${m.message}`);
      break;
  }
});

// PyTorch's ConvTranspose2d worked example: [[1,0],[2,1]] with kernel [[1,0,1],[0,1,1],[1,0,0]] → 4×4.
const PRESET = { op: 'convT', fw: 'torch', in: '2', k: '3', s: '1', p: '0', cin: '1', cout: '1', g: '1', x: '1,0,2,1', w: '1,0,1,0,1,1,1,0,0' };

document.getElementById('preset').addEventListener('click', () => send('set', { state: PRESET }));
document.getElementById('play').addEventListener('click', () => send('play'));
document.getElementById('pause').addEventListener('click', () => send('pause'));
document.getElementById('back').addEventListener('click', () => send('step', { by: -1 }));
document.getElementById('forward').addEventListener('click', () => send('step', { by: 1 }));
document.getElementById('get').addEventListener('click', () => send('get'));
