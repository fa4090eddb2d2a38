// Parse and format the KEY=value lines of .services.env (no quoting, no interpolation).

/**
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseEnvFile(text) {
  /** @type {Record<string, string>} */
  const vars = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) continue;
    vars[key] = line.slice(eq + 1).trim();
  }
  return vars;
}

/**
 * @param {Record<string, string>} vars
 * @param {string} [header]
 */
export function formatEnvFile(vars, header) {
  const lines = header ? header.split('\n').map((l) => `# ${l}`) : [];
  for (const key of Object.keys(vars).sort()) lines.push(`${key}=${vars[key]}`);
  return `${lines.join('\n')}\n`;
}
