// The printable 1:1 brief: brief.html?goal=<id> (repeat `goal` for several, one per printed page).
// Made for the browser's print to PDF; the screen shows the same page with one Print button.
import { render } from 'preact';
import '../common/base.css';
import './brief.css';
import { BriefPage } from './BriefPage';

const goalIds = new URLSearchParams(location.search).getAll('goal');
document.title = 'Trailmark — 1:1 brief';
render(
  <BriefPage goalIds={goalIds} onReady={() => (document.body.dataset.ready = 'true')} />,
  document.getElementById('app') as HTMLElement,
);
