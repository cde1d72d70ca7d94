/**
 * The page of report.html as an Eta template (https://eta.js.org). Every `<%= %>` is escaped by
 * Eta (autoEscape); the only raw output (`<%~ %>`) is the table partial's, itself escaped: text
 * from the scenario is always shown, never run. `it` is a ReportView (html-report.ts). Sized for a projector: the
 * page is at most 60rem wide, table headers wrap, intervals go under their value, and the long
 * parts (the table by year, the scenario as run) are folded in <details>.
 */
export const REPORT_TEMPLATE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title><%= it.name %> \u2014 readsim report</title>
<style>
body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 1px solid #ddd; }
.headline { font-size: 1.05rem; background: #f4f7fb; border-left: 4px solid #4c78a8; padding: 0.6rem 1rem; }
.scroll { overflow-x: auto; max-width: 100%; } .meta { color: #555; } .sources { color: #555; font-size: 0.9rem; }
table { border-collapse: collapse; margin: 0.8rem 0; font-size: 0.88rem; } th, td { padding: 0.3rem 0.5rem; border-bottom: 1px solid #e3e3e3; vertical-align: top; }
td { text-align: right; white-space: nowrap; } thead th { text-align: right; vertical-align: bottom; max-width: 10rem; }
tbody th { text-align: left; font-weight: normal; max-width: 14rem; }
td .ci { display: block; color: #666; font-size: 0.78rem; }
table.years td:nth-child(2) { text-align: left; white-space: normal; min-width: 8rem; }
.swatch { display: inline-block; width: 0.8rem; height: 0.8rem; margin-right: 0.35rem; border-radius: 2px; vertical-align: baseline; }
figure { margin: 1.8rem 0; } img.chart { max-width: 100%; height: auto; border: 1px solid #eee; }
figcaption { font-size: 0.92rem; color: #333; margin-top: 0.4rem; }
details { margin: 0.8rem 0; } summary { cursor: pointer; color: #244a7a; }
pre { background: #f7f7f7; padding: 0.8rem; overflow-x: auto; font-size: 0.8rem; }
dt { font-weight: bold; margin-top: 0.6rem; } dd { margin-left: 1rem; }
</style>
</head>
<body>
<h1><%= it.name %></h1>
<p class="meta"><%= it.meta %></p>
<% if (it.headline.length) { %><p class="headline"><%= it.headline.join(' ') %></p>
<% } %><% if (it.description) { %><p><%= it.description %></p>
<% } %><% if (it.sources.length) { %><details><summary>Sources (<%= it.sources.length %>)</summary>
<ul class="sources"><% it.sources.forEach(function (src) { %><li><%= src %></li><% }) %></ul>
</details>
<% } %><h2>Arms</h2>
<ul><% it.arms.forEach(function (arm) { %>
<li><span class="swatch" style="background: <%= arm.colour %>"></span><strong><%= arm.name %></strong>: <%= arm.change %></li><% }) %>
</ul>
<h2>Summary</h2>
<p>Means over replications, with the 95% interval under each value. Waits and turnarounds are of studies that arrived after the warm-up; the backlog is at the end of the run.</p>
<%~ include('@table', it.summary) %>
<% if (it.differences) { %><h3>Differences from <%= it.firstArm %> (paired by replication: the same patients)</h3>
<%~ include('@table', it.differences) %>
<% } %><% if (it.years) { %><h2>By year</h2>
<p><%= it.yearsText %></p>
<details><summary>The table by year (<%= it.years.rows.length %> rows)</summary>
<%~ include('@table', it.years) %>
</details>
<% } %><h2>Charts</h2>
<% if (it.charts.length === 0) { %><p>No charts were drawn for this run (<code>--charts none</code>).</p>
<% } %><% it.charts.forEach(function (c, i) { %><figure id="chart-<%= c.name %>">
<img class="chart" alt="<%= c.title %>" src="<%= c.src %>">
<figcaption><strong>Figure <%= i + 1 %>. <%= c.title %>.</strong> <%= c.caption %></figcaption>
</figure>
<% }) %><h2>What this model assumes</h2>
<dl>
<% it.assumptions.forEach(function (a) { %><dt><%= a.title %></dt><dd><%= a.text %></dd>
<% }) %></dl>
<h2>The scenario as run</h2>
<p>Every default filled in (the same as <code>scenario.resolved.yaml</code>).</p>
<details><summary>The scenario (<%= it.yamlLines %> lines of YAML)</summary>
<pre><%= it.yaml %></pre>
</details>
</body>
</html>
`;

/**
 * One table: `it` is a TableView. The first column heads its row; a cell's interval, when it
 * has one, goes on a line of its own under the value so that five arms fit a projector's width.
 */
export const TABLE_TEMPLATE = `<div class="scroll"><table class="<%= it.cls %>"><thead><tr><% it.head.forEach(function (h) { %><th><%= h %></th><% }) %></tr></thead><tbody>
<% it.rows.forEach(function (r) { %><tr><th scope="row"><%= r.label %></th><% r.cells.forEach(function (c) { %><td><%= c.value %><% if (c.interval) { %><span class="ci"><%= c.interval %></span><% } %></td><% }) %></tr>
<% }) %></tbody></table></div>`;
