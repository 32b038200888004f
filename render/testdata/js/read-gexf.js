// Reads a GEXF file with graphology-gexf and prints a JSON summary that
// kgx's Go tests compare with the graph they exported:
//   node read-gexf.js FILE.gexf
'use strict';
const fs = require('fs');
const Graph = require('graphology');
const gexf = require('graphology-gexf');

const text = fs.readFileSync(process.argv[2], 'utf8');
const g = gexf.parse(Graph, text);
const nodes = {};
g.forEachNode((key, attrs) => {
  nodes[key] = attrs;
});
const edges = [];
g.forEachEdge((key, attrs, source, target, sa, ta, undirected) => {
  edges.push({key, source, target, undirected, attrs});
});
process.stdout.write(JSON.stringify({
  type: g.type,
  multi: g.multi,
  order: g.order,
  size: g.size,
  nodes,
  edges,
}));
