// Tasklist plugins of the case workspace (loaded through customScripts in ../config.js):
// - "Cases" in Tasklist's header opens the case list (/cases), logged in with the same Tasklist session;
// - a "Case" tab on every complaint task shows the case's summary, deadlines, open tasks, timeline and letters
//   from /api/complaints/{reference}/case, with a link to the full case page;
// - every task card shows its complaint's stage, the task's due date and the customer's name, read from
//   /api/cases/by-task/{taskId}/card (the name is never a process variable, so only our API has it);
// - after "Log a complaint" has started a complaint, a dialog shows its reference and when the acknowledgement
//   is due, until the agent dismisses it (Tasklist's own notice is gone in seconds, too soon to read it out).
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

/** Tasklist's start dialog answers a started process with {id, definitionId, businessKey}; we watch for it. */
const SUBMIT_START_FORM = /\/process-definition\/[^/?]+\/submit-form$/;

function watchStartForms(onStarted) {
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function watched(method, url, ...rest) {
    if (String(method).toUpperCase() === 'POST' && SUBMIT_START_FORM.test(String(url))) {
      this.addEventListener('load', () => {
        if (this.status === 200) {
          try {
            onStarted(JSON.parse(this.responseText));
          } catch (notJson) {
            // not an answer we know: Tasklist shows its own notice
          }
        }
      });
    }
    return open.call(this, method, url, ...rest);
  };
}

const UK_DATE = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' };

/** The acknowledgement deadline is set by the process a moment after the start: asked for until it is there. */
async function acknowledgementDue(reference, tries = 30) {
  for (let i = 0; i < tries; i += 1) {
    try {
      const complaint = await json(`/api/complaints/${encodeURIComponent(reference)}`);
      const due = complaint.deadlines && complaint.deadlines.acknowledgeBy;
      if (due) {
        return { complaint, due: new Date(due).toLocaleDateString('en-GB', UK_DATE) };
      }
    } catch (notYet) {
      // the complaint is being stored; ask again
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return null;
}

/** Waits until Tasklist's start dialog has closed (it gives focus back to what opened it as it goes). */
function afterTasklistDialog(then) {
  const started = Date.now();
  const wait = () => {
    if (!document.querySelector('.modal, .modal-backdrop') || Date.now() - started > 3000) {
      then();
    } else {
      setTimeout(wait, 50);
    }
  };
  wait();
}

function focusables(dialog) {
  return [...dialog.querySelectorAll('a[href], button')];
}

/**
 * A modal dialog: focus moves to its heading, Tab stays inside it, Escape or "Done" closes it and gives focus
 * back to what had it. The acknowledgement date is announced when it arrives (a polite live region).
 */
function showLoggedComplaint(reference) {
  document.querySelector('.putitright-logged')?.remove();
  const previous = document.activeElement;
  const heading = element('h2', { id: 'putitright-logged-title', tabindex: '-1' }, `Complaint logged: ${reference}`);
  const due = element('dd', { id: 'putitright-logged-due' }, 'working it out…');
  const customer = element('dd', {}, '…');
  const done = element('button', { type: 'button', class: 'btn btn-primary' }, 'Done');
  const caseLink = element('a', { href: `/cases/${encodeURIComponent(reference)}`, target: '_blank', rel: 'noopener',
    class: 'btn btn-default' }, `Open the case page for ${reference}`);
  const dialog = element('div', { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': heading.id,
    'aria-describedby': 'putitright-logged-help', class: 'putitright-logged-dialog' },
  heading,
  element('p', { id: 'putitright-logged-help' },
    'Give the caller this reference and tell them when we will acknowledge their complaint.'),
  element('dl', {},
    element('dt', {}, 'Reference'), element('dd', { class: 'putitright-logged-reference' }, reference),
    element('dt', {}, 'Customer'), customer,
    element('dt', {}, 'We acknowledge it by'), element('div', { 'aria-live': 'polite' }, due)),
  element('p', {}, done, ' ', caseLink));
  const backdrop = element('div', { class: 'putitright-logged' }, dialog);
  Object.assign(backdrop.style, { position: 'fixed', inset: '0', zIndex: '2000', background: 'rgba(0, 0, 0, 0.5)',
    display: 'flex', alignItems: 'flex-start', justifyContent: 'center', paddingTop: '10vh' });
  Object.assign(dialog.style, { background: '#fff', color: '#222', padding: '24px', maxWidth: '560px',
    width: '90%', borderRadius: '4px', boxShadow: '0 4px 24px rgba(0, 0, 0, 0.4)' });
  dialog.querySelectorAll('dd').forEach((dd) => Object.assign(dd.style, { fontSize: '18px', marginBottom: '8px' }));
  const close = () => {
    backdrop.remove();
    document.removeEventListener('keydown', onKey, true);
    (previous && document.contains(previous) ? previous
      : document.querySelector('[cam-widget-header] a, a[href]'))?.focus();
  };
  const onKey = (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'Tab') {
      const items = focusables(dialog);
      const at = items.indexOf(document.activeElement);
      const next = event.shiftKey ? (at <= 0 ? items.length - 1 : at - 1) : (at + 1) % items.length;
      event.preventDefault();
      items[next].focus();
    }
  };
  done.addEventListener('click', close);
  document.addEventListener('keydown', onKey, true);
  document.body.append(backdrop);
  heading.focus();
  acknowledgementDue(reference).then((found) => {
    due.textContent = found ? found.due : 'not known yet: see the case page';
    customer.textContent = found ? found.complaint.customer.name : 'see the case page';
  });
}

watchStartForms((started) => {
  if (started && started.businessKey && String(started.definitionId || '').startsWith('complaint:')) {
    afterTasklistDialog(() => showLoggedComplaint(started.businessKey));
  }
});

/** One answer per task for a minute: Tasklist redraws its cards on every list refresh. */
const cards = new Map();

function taskCard(taskId) {
  const cached = cards.get(taskId);
  if (cached && Date.now() - cached.at < 60_000) {
    return cached.card;
  }
  const card = json(`/api/cases/by-task/${encodeURIComponent(taskId)}/card`).catch(() => null);
  cards.set(taskId, { at: Date.now(), card });
  return card;
}

function renderCard(node, card) {
  // spaces between the parts, so the card reads (and copies) as words, not run together
  const part = (label, value) => [element('dt', {}, `${label}:`), ' ', element('dd', {}, value), ' '];
  const list = element('dl', { class: 'putitright-card' },
    ...part('Stage', card.stageLabel),
    ...(card.due ? part('Due', card.dueStatus ? `${card.due} (${card.dueStatus})` : card.due) : []),
    ...part('Customer', card.customer));
  Object.assign(list.style, { margin: '4px 0', fontSize: '13px' });
  list.querySelectorAll('dt, dd').forEach((item) => Object.assign(item.style, { display: 'inline', margin: '0 4px 0 0',
    fontWeight: item.tagName === 'DT' ? 'normal' : 'bold' }));
  list.querySelectorAll('dd').forEach((item) => { item.style.marginRight = '12px'; });
  if (card.verdict === 'OVERDUE') {
    list.querySelectorAll('dd')[1].style.color = '#a4000f';
  }
  node.replaceChildren(list);
  // the complaint process is named for Tasklist's start list ("Log a complaint"); on a task's card it is the complaint
  const processName = node.closest('li')?.querySelector('h6.process-definition');
  if (processName && processName.textContent.trim() === 'Log a complaint') {
    processName.textContent = 'Complaint';
  }
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
    id: 'putitright.cases.card',
    pluginPoint: 'tasklist.card',
    priority: 300,
    render: (node, { taskId }) => {
      taskCard(taskId).then((card) => {
        if (card) {
          renderCard(node, card);
        }
      });
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
