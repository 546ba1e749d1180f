function $ae(i) {
  const t = document.querySelector('template[data-ae-chunk="' + i + '"]'), w = document.createTreeWalker(document, NodeFilter.SHOW_COMMENT);
  let s = null, n, x;
  while (w.nextNode()) if (w.currentNode.data === 'ae:u' + i) { s = w.currentNode; break; }
  if (!t || !s) return;
  const p = s.parentNode;
  for (n = s.nextSibling; n && !(n.nodeType === Node.COMMENT_NODE && n.data === '/ae:u' + i); n = x) { x = n.nextSibling; p.removeChild(n); }
  p.insertBefore(t.content, n);
  t.remove();
}
