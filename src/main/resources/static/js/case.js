// The case page's "Record a contact" form: sent as JSON to /api/complaints/{reference}/contacts (with the
// Tasklist session's CSRF token when there is one), then the page reloads to show it on the timeline.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('contact-form');
  if (!form) {
    return;
  }
  const error = document.getElementById('contact-error');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    const data = Object.fromEntries(new FormData(form).entries());
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    const token = document.querySelector('meta[name="csrf-token"]')?.content;
    if (token) {
      headers['X-XSRF-TOKEN'] = token;
    }
    const response = await fetch(`/api/complaints/${encodeURIComponent(form.dataset.reference)}/contacts`, {
      method: 'POST', headers, body: JSON.stringify(data), credentials: 'same-origin',
    });
    if (response.status === 201) {
      window.location.reload();
      return;
    }
    let message = `The contact was not recorded (${response.status}).`;
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
    error.textContent = message;
    error.hidden = false;
  });
});
