// Popup entry: starts reading what the first render needs before Preact loads the page.
import '../common/tokens';
import { render } from 'preact';
import '../common/base.css';
import '../common/form-controls.css';
import '../common/goal-form.css';
import './popup.css';
import { Popup } from './Popup';
import { startPopup } from './startup';

const app = document.getElementById('app') as HTMLElement;
void startPopup().then((startup) => render(<Popup startup={startup} />, app));
