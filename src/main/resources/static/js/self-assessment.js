// Sends the self-assessment page's forms to the API as JSON (the browser's login goes with them), then shows
// the page again with what was saved; a refusal or a problem is shown beside the form.
(function () {
  'use strict';

  function body(form) {
    var data = {};
    new FormData(form).forEach(function (value, name) {
      if (value !== '') {
        data[name] = value;
      }
    });
    return JSON.stringify(data);
  }

  function send(form, method) {
    var message = form.querySelector('.message');
    fetch(form.getAttribute('data-action'), {
      method: method,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: body(form)
    }).then(function (response) {
      if (response.ok) {
        window.location.reload();
        return null;
      }
      return response.json().then(function (problem) {
        var fields = (problem.errors || []).map(function (e) { return e.field + ' ' + e.message; });
        message.textContent = fields.length ? fields.join('; ') : (problem.detail || problem.title || response.status);
      }, function () {
        message.textContent = 'Not saved (' + response.status + ')';
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('form.provision-form').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        send(form, 'PUT');
      });
    });
    var approval = document.getElementById('approval-form');
    if (approval) {
      approval.addEventListener('submit', function (event) {
        event.preventDefault();
        send(approval, 'POST');
      });
    }
  });
}());
