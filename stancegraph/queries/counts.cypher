// How much the store holds.
OPTIONAL MATCH (n:Article) WITH count(n) AS articles
OPTIONAL MATCH (s:Stance) WITH articles, count(s) AS stances
OPTIONAL MATCH (:Actor)-[r]->(:Actor) WHERE r.id IS NOT NULL
RETURN articles, stances, count(r) AS relations
