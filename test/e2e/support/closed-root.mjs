// Chromium only: reads the text a closed shadow root shows, through the DevTools protocol's
// piercing DOM view — what the reader sees, which page scripts cannot read.
export async function closedRootText(context, page, hostName) {
  const cdp = await context.newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    let host = null;
    const walk = (node) => {
      if (node.localName === hostName) host = node;
      for (const child of node.children ?? []) walk(child);
    };
    walk(root);
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: 'function () { return this.textContent; }',
      returnByValue: true,
    });
    return result.value;
  } finally {
    await cdp.detach();
  }
}
