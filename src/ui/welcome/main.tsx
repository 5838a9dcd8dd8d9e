// Welcome page entry. The page also runs the content script itself, since browsers do not run
// content scripts on extension pages, so the sample passage can be highlighted for real.
import '../common/tokens';
import { render } from 'preact';
import '../common/base.css';
import '../common/form-controls.css';
import '../common/goal-form.css';
import './welcome.css';
import { Welcome } from './Welcome';

function loadContentScript(): void {
  const script = document.createElement('script');
  script.src = 'content.js';
  document.head.append(script);
}

document.title = 'Welcome to Trailmark';
render(<Welcome />, document.getElementById('app') as HTMLElement);
loadContentScript();
document.body.dataset.ready = 'true';
