// Review page entry.
import '../common/tokens';
import { render } from 'preact';
import '../common/base.css';
import '../common/form-controls.css';
import './review.css';
import { Review } from './Review';

document.title = 'Trailmark — Review';
render(<Review />, document.getElementById('app') as HTMLElement);
document.body.dataset.ready = 'true';
