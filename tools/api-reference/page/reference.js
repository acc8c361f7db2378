// The local API's reference page: Swagger UI over the repository's OpenAPI document, served by the emulator with
// `servers` set to this API, so "try it" calls it. Writes need a bearer token: the page asks the local issuer's token
// endpoint for one (client credentials, scope products/write) and pre-authorizes every HTTP bearer scheme with it.
'use strict';

const documentUrl = '/_local/openapi.yaml';
const tokenUrl = '/_local/issuer/token';
const writeScope = 'products/write';

async function fetchLocalToken() {
  const response = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: writeScope }),
  });
  // 404 when the API trusts another issuer (--jwt-issuer): then the reader authorizes by hand.
  return response.ok ? response.json() : null;
}

function bearerSchemes(ui) {
  const schemes = ui.specSelectors.specJson().getIn(['components', 'securitySchemes']);
  if (!schemes) {
    return [];
  }

  return [...schemes.entries()]
    .filter(([, scheme]) => scheme.get('type') === 'http' && String(scheme.get('scheme')).toLowerCase() === 'bearer')
    .map(([name]) => name);
}

function showTokenStatus(text, missing) {
  const status = document.getElementById('local-token');
  status.textContent = text;
  status.classList.toggle('missing', missing);
}

const token = fetchLocalToken().catch(() => null);

const ui = SwaggerUIBundle({
  url: documentUrl,
  dom_id: '#swagger-ui',
  deepLinking: true,
  // The default validator badge asks validator.swagger.io about the document: nothing leaves this machine.
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
  onComplete: async () => {
    const granted = await token;
    const schemes = bearerSchemes(ui);
    if (!granted || schemes.length === 0) {
      showTokenStatus('No local token: this API trusts another issuer. Use "Authorize" with one of its tokens.', true);
      return;
    }

    for (const scheme of schemes) {
      ui.preauthorizeApiKey(scheme, granted.access_token);
    }

    const expires = new Date(Date.now() + granted.expires_in * 1000).toLocaleTimeString();
    showTokenStatus(`"Try it" sends a local access token (scope ${granted.scope}), valid until ${expires}; reload for a new one.`, false);
  },
});

window.ui = ui;
