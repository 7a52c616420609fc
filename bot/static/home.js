// Fills in the live health of every instance on the local home page (no inline script: CSP).
(async function () {
  const table = document.getElementById('instances');
  if (!table) return;
  const lang = table.dataset.lang === 'en' ? 'en' : 'nl';
  const label = { ok: lang === 'en' ? 'healthy' : 'gezond', unreachable: lang === 'en' ? 'unreachable' : 'onbereikbaar' };
  const body = table.querySelector('tbody');
  async function refresh() {
    try {
      const response = await fetch('/api/instances', { cache: 'no-store' });
      const data = await response.json();
      body.replaceChildren(
        ...data.instances.map(function (instance) {
          const row = document.createElement('tr');
          row.dataset.instance = instance.instanceId;
          const names = document.createElement('td');
          names.textContent = instance.municipalities.map(function (m) { return m.name + ' (' + m.code + ')'; }).join(', ');
          const url = document.createElement('td');
          const link = document.createElement('a');
          link.href = instance.baseUrl + '/api/health';
          link.textContent = instance.baseUrl;
          url.appendChild(link);
          const health = document.createElement('td');
          health.textContent = label[instance.health] || instance.health;
          health.className = 'health health-' + instance.health;
          health.dataset.health = instance.health;
          row.append(names, url, health);
          return row;
        }),
      );
    } catch (error) {
      body.replaceChildren();
    }
  }
  await refresh();
  setInterval(refresh, 5000);
})();
