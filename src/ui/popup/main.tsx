// Popup entry.
import { render } from 'preact';
import '../common/base.css';
import './popup.css';
import { Popup } from './Popup';

render(<Popup />, document.getElementById('app') as HTMLElement);
