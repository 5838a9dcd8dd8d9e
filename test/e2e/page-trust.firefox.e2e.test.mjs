// What a hostile page can and cannot do to the reader's highlights, in real Firefox. The
// plain-http host name reaches loopback through Firefox's local-domains list.
import { launchFirefox } from './support/firefox-driver.mjs';
import { PLAIN_HOST, pageTrustScenarios } from './support/page-trust-scenarios.mjs';

pageTrustScenarios((options = {}) =>
  launchFirefox({
    ...options,
    prefs: {
      'network.dns.localDomains': PLAIN_HOST,
      // HTTPS-First would try https:// on the name first; the test serves http only.
      'dom.security.https_first': false,
    },
  }),
);
