// The process owners' migration page: the plan's dry run, the migration (the engine's batch) and its progress,
// through /api/process-owners (with the Tasklist session's CSRF token when there is one); and the drift panel.
(function () {
  'use strict';

  function el(tag, text) {
    const node = document.createElement(tag);
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function headers() {
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    const token = document.querySelector('meta[name="csrf-token"]')?.content;
    if (token) {
      headers['X-XSRF-TOKEN'] = token;
    }
    return headers;
  }

  async function answer(response) {
    let body = null;
    try {
      body = await response.json();
    } catch (ignored) {
      // not JSON
    }
    if (!response.ok) {
      const fields = (body?.errors || []).map((e) => `${e.field}: ${e.message}`);
      throw new Error(fields.length ? fields.join('; ') : (body?.detail || `The server answered ${response.status}.`));
    }
    return body;
  }

  function showProblem(error) {
    const problem = document.getElementById('problem');
    problem.textContent = error.message;
    problem.hidden = false;
  }

  function blockedTable(blocked) {
    const table = el('table');
    table.id = 'blocked';
    table.className = 'blocked';
    const caption = el('caption', `Complaints that cannot move (${blocked.length})`);
    table.append(caption);
    const head = el('thead');
    const row = el('tr');
    ['Complaint', 'Why'].forEach((title) => {
      const th = el('th', title);
      th.scope = 'col';
      row.append(th);
    });
    head.append(row);
    table.append(head);
    const body = el('tbody');
    blocked.forEach((b) => {
      const tr = el('tr');
      const th = el('th', b.reference || b.processInstanceId);
      th.scope = 'row';
      const reasons = el('ul');
      reasons.className = 'plain';
      b.reasons.forEach((reason) => reasons.append(el('li', reason)));
      const td = el('td');
      td.append(reasons);
      tr.append(th, td);
      body.append(tr);
    });
    table.append(body);
    return table;
  }

  function showPlan(result, dryRun) {
    const out = document.getElementById('result');
    out.replaceChildren();
    const summary = el('p');
    summary.id = 'summary';
    summary.textContent = dryRun
      ? `Dry run: ${result.movable} complaints can move, ${result.blocked.length} cannot. Nothing was changed.`
      : `Migration started: ${result.movable} complaints are moving, ${result.blocked.length} cannot move.`;
    out.append(summary);
    if (result.unmapped.length) {
      out.append(el('p', `Waiting steps not mapped: ${result.unmapped.join(', ')}.`));
    }
    if (result.blocked.length) {
      out.append(blockedTable(result.blocked));
    }
  }

  function request(form, dryRun) {
    const mappings = {};
    form.querySelectorAll('select.mapping').forEach((select) => {
      if (select.value) {
        mappings[select.dataset.source] = select.value;
      }
    });
    return fetch(`/api/process-owners/processes/${encodeURIComponent(form.dataset.key)}/migrations`, {
      method: 'POST', headers: headers(), credentials: 'same-origin',
      body: JSON.stringify({ fromVersion: Number(form.dataset.from), toVersion: Number(form.dataset.to),
        mappings, processInstanceIds: [], dryRun }),
    }).then(answer);
  }

  async function follow(batchId) {
    const out = document.getElementById('result');
    const label = el('label', 'Moved');
    label.htmlFor = 'progress';
    const progress = el('progress');
    progress.id = 'progress';
    const text = el('p');
    text.id = 'progress-text';
    out.append(label, progress, text);
    for (;;) {
      const status = await fetch(`/api/process-owners/migrations/${encodeURIComponent(batchId)}`,
        { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then(answer);
      progress.max = status.instances;
      progress.value = status.migrated;
      text.textContent = `${status.migrated} of ${status.instances} complaints moved`
        + (status.failedJobs ? `; ${status.failedJobs} jobs failed: ${status.failures.join('; ')}` : '')
        + (status.finished ? '. Finished.' : '.');
      if (status.finished) {
        const again = el('a', 'Show the versions now');
        again.href = window.location.pathname + '?key=' + encodeURIComponent(status.processKey);
        again.id = 'show-versions';
        out.append(again);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }

  function drift() {
    const panel = document.getElementById('drift');
    fetch('/api/process-owners/drift', { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(answer).then((report) => {
        panel.replaceChildren();
        if (!report.ownerVersions.length && !report.supersededAtStartUp.length) {
          panel.append(el('p', 'Every latest version is the release\'s own.'));
          return;
        }
        if (report.ownerVersions.length) {
          const table = el('table');
          table.id = 'drift-table';
          const head = el('tr');
          ['Process or decision', 'Latest version', 'Deployed by', 'When', 'Release\'s latest version'].forEach((t) => {
            const th = el('th', t);
            th.scope = 'col';
            head.append(th);
          });
          const thead = el('thead');
          thead.append(head);
          const tbody = el('tbody');
          report.ownerVersions.forEach((v) => {
            const tr = el('tr');
            [`${v.key} (${v.type})`, v.latestVersion, v.deployedBy ?? 'unknown', v.deployedAt ?? '',
              v.releaseVersion ?? 'none'].forEach((value) => tr.append(el('td', String(value))));
            tbody.append(tr);
          });
          table.append(thead, tbody);
          panel.append(table);
        }
        report.supersededAtStartUp.forEach((s) => panel.append(el('p',
          `The last start-up replaced ${s.key} version ${s.ownerVersion} (a process owner's) with the release's version ${s.releaseVersion}.`)));
      }).catch((error) => {
        panel.replaceChildren(el('p', `The drift report could not be read: ${error.message}`));
      });
  }

  document.addEventListener('DOMContentLoaded', () => {
    drift();
    const form = document.getElementById('plan');
    if (!form) {
      return;
    }
    const dryRun = document.getElementById('dry-run');
    const migrate = document.getElementById('migrate');
    dryRun?.addEventListener('click', () => {
      document.getElementById('problem').hidden = true;
      request(form, true).then((result) => showPlan(result, true)).catch(showProblem);
    });
    migrate?.addEventListener('click', () => {
      document.getElementById('problem').hidden = true;
      migrate.disabled = true;
      request(form, false).then((result) => {
        showPlan(result, false);
        return result.batchId ? follow(result.batchId) : null;
      }).catch(showProblem).finally(() => {
        migrate.disabled = false;
      });
    });
  });
}());
