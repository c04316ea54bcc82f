// Actors with their names and the surface forms articles used for them, read from every article
// (for stores without summaries); $actor (an id) narrows.
MATCH (a:Actor)
WHERE $actor IS NULL OR a.id = $actor
OPTIONAL MATCH (:Article)-[m:MENTIONS]->(a)
WITH a, m
UNWIND (CASE WHEN m IS NULL OR size(m.forms) = 0 THEN [null] ELSE m.forms END) AS mention
RETURN a.id AS id, a.name AS name, a.type AS type, coalesce(a.wikidata, '') AS wikidata, mention
ORDER BY name, mention
