// Tasklist plugins of the case workspace (loaded through customScripts in ../config.js):
// - "Cases" in Tasklist's header opens the case list (/cases), logged in with the same Tasklist session;
// - a "Case" tab on every complaint task shows the case's summary, deadlines, open tasks, timeline and letters
//   from /api/complaints/{reference}/case, with a link to the full case page.
// Built with DOM calls and textContent only: nothing from the server is ever read as markup.

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  children.filter((child) => child !== null && child !== undefined).forEach((child) => {
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  });
  return node;
}

function table(caption, headings, rows) {
  const head = element('tr', {}, ...headings.map((h) => element('th', { scope: 'col' }, h)));
  const body = rows.length ? rows.map((cells) => element('tr', {}, ...cells.map((cell) => element('td', {}, cell))))
    : [element('tr', {}, element('td', { colspan: String(headings.length) }, 'None'))];
  return element('table', { class: 'table table-condensed' }, element('caption', {}, caption),
    element('thead', {}, head), element('tbody', {}, ...body));
}

async function json(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`${response.status}`);
  }
  return response.json();
}

function renderCase(node, c) {
  const link = element('a', { href: `/cases/${encodeURIComponent(c.reference)}`, target: '_blank', rel: 'noopener' },
    `Open the case page for ${c.reference}`);
  const summary = element('dl', { class: 'dl-horizontal' },
    element('dt', {}, 'Customer'), element('dd', {}, c.customer.name),
    element('dt', {}, 'Contact'), element('dd', {}, [c.customer.phone, c.customer.email].filter(Boolean).join(', ') || 'none'),
    element('dt', {}, 'Wants replies by'), element('dd', {}, c.preferredContact),
    element('dt', {}, 'Stage'), element('dd', {}, `${c.stageLabel} (${c.status})`),
    element('dt', {}, 'Case handler'), element('dd', {}, c.caseHandlerName || 'not assigned'),
    element('dt', {}, 'Received'), element('dd', {}, c.received));
  node.append(element('div', { class: 'putitright-case' },
    element('h3', {}, `Complaint ${c.reference}`), element('p', {}, link), summary,
    table('Deadlines', ['Deadline', 'Due', 'Verdict'], c.deadlines.map((d) => [d.label, d.due || '', d.status])),
    table('Open tasks', ['Task', 'Held by', 'Due'], c.tasks.map((t) => [
      element('a', { href: t.tasklistLink }, t.name), t.assigneeName || 'unclaimed', t.due || ''])),
    table('What happened (newest first)', ['When', 'What', 'Who'], c.timeline.slice(0, 25).map((e) => [
      e.time || '', e.text ? `${e.title}: ${e.text}` : e.title, e.by || ''])),
    table('Letters', ['Letter', 'To', 'Delivery'], c.letters.map((l) => [
      element('a', { href: l.pdfLink, target: '_blank', rel: 'noopener' }, `${l.title} (PDF)`), l.recipient,
      `${l.deliveryMethod}: ${l.delivery}`]))));
}

export default [
  {
    id: 'putitright.cases.navbar',
    pluginPoint: 'tasklist.navbar.action',
    priority: 100,
    render: (node) => {
      node.append(element('a', { href: '/cases', class: 'putitright-cases-link', title: 'Find any complaint' }, 'Cases'));
    },
  },
  {
    id: 'putitright.cases.task',
    pluginPoint: 'tasklist.task.detail',
    priority: 500,
    properties: { label: 'Case' },
    render: (node, { taskId }) => {
      node.replaceChildren(element('p', {}, 'Loading the case…'));
      (async () => {
        try {
          const { reference } = await json(`/api/cases/by-task/${encodeURIComponent(taskId)}`);
          const c = await json(`/api/complaints/${encodeURIComponent(reference)}/case`);
          node.replaceChildren();
          renderCase(node, c);
        } catch (error) {
          node.replaceChildren(element('p', {}, 'This task belongs to no complaint, or you may not read it.'));
        }
      })();
    },
  },
];
