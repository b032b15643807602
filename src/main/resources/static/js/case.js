// The case pages' forms (record a contact, record a customer request, log a new complaint for the same
// customer): each form names its endpoint (data-endpoint) and is sent as JSON, with the Tasklist session's
// CSRF token when there is one. Field names with a dot ("customer.name") become nested objects; empty fields
// are left out. data-done="reload" reloads the page (the timeline shows it); "show-reference" shows the new
// complaint's reference until dismissed. A select with data-shows hides a part unless its value is data-shows-when.
document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('logged-dismiss')?.addEventListener('click', () => {
    document.getElementById('logged').hidden = true;
  });
  document.querySelectorAll('select[data-shows]').forEach((select) => {
    const part = document.getElementById(select.dataset.shows);
    const toggle = () => { part.hidden = select.value !== select.dataset.showsWhen; };
    select.addEventListener('change', toggle);
    toggle();
  });
  document.querySelectorAll('form[data-endpoint]').forEach((form) => {
    const error = form.querySelector('.error');
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.hidden = true;
      const response = await fetch(form.dataset.endpoint, {
        method: 'POST', headers: headers(form), body: JSON.stringify(body(form)), credentials: 'same-origin',
      });
      if (response.status === 201) {
        done(form, await response.json());
        return;
      }
      error.textContent = await problem(response);
      error.hidden = false;
      error.focus();
    });
  });
});

function headers(form) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  const token = document.querySelector('meta[name="csrf-token"]')?.content;
  if (token) {
    headers['X-XSRF-TOKEN'] = token;
  }
  if (form.dataset.idempotencyKey) {
    headers['Idempotency-Key'] = form.dataset.idempotencyKey;
  }
  return headers;
}

function body(form) {
  const data = {};
  for (const [name, value] of new FormData(form).entries()) {
    const field = form.elements.namedItem(name);
    if (typeof value !== 'string' || value.trim() === '' || field?.closest('[hidden]')) {
      continue;
    }
    const path = name.split('.');
    let target = data;
    path.slice(0, -1).forEach((key) => { target = target[key] ??= {}; });
    target[path[path.length - 1]] = value.trim();
  }
  return data;
}

function done(form, answer) {
  if (form.dataset.done === 'show-reference') {
    const panel = document.getElementById('logged');
    const link = document.getElementById('logged-reference');
    link.textContent = answer.reference;
    link.href = `/cases/${encodeURIComponent(answer.reference)}`;
    form.hidden = true;
    panel.hidden = false;
    panel.focus();
    return;
  }
  window.location.reload();
}

async function problem(response) {
  let message = `Not recorded (${response.status}).`;
  if (response.status === 403) {
    message = 'Your role may not do this.';
  }
  try {
    const problem = await response.json();
    if (problem.errors?.length) {
      message = problem.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    } else if (problem.detail) {
      message = problem.detail;
    }
  } catch (ignored) {
    // not JSON: keep the plain message
  }
  return message;
}
