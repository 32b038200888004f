"""Reads a GEXF or GraphML file with networkx and prints a JSON summary
that kgx's Go tests compare with the graph they exported:

    python3 read_graph.py gexf|graphml FILE
"""
import json
import sys

import networkx

kind, path = sys.argv[1], sys.argv[2]
if kind == "gexf":
    g = networkx.read_gexf(path)
elif kind == "graphml":
    g = networkx.read_graphml(path)
else:
    sys.exit("usage: read_graph.py gexf|graphml FILE")

nodes = {}
for n, d in g.nodes(data=True):
    d = dict(d)
    d["_types"] = {k: type(v).__name__ for k, v in d.items()}
    nodes[str(n)] = d
edges = []
for u, v, k, d in g.edges(keys=True, data=True):
    d = dict(d)
    d["_types"] = {k2: type(v2).__name__ for k2, v2 in d.items()}
    edges.append({"source": str(u), "target": str(v), "key": str(k), "data": d})
json.dump({"directed": g.is_directed(), "multi": g.is_multigraph(), "graph": {k: str(v) for k, v in g.graph.items()},
           "order": g.number_of_nodes(), "size": g.number_of_edges(), "nodes": nodes, "edges": edges},
          sys.stdout, ensure_ascii=False, default=str)
