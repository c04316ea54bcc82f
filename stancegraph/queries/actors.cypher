// Actors with their names and the surface forms articles used for them (kept on the actor as
// articles come and go); $actor (an id) narrows.
MATCH (a:Actor)
WHERE $actor IS NULL OR a.id = $actor
UNWIND (CASE WHEN a.forms IS NULL OR size(a.forms) = 0 THEN [null] ELSE a.forms END) AS mention
RETURN a.id AS id, a.name AS name, a.type AS type, coalesce(a.wikidata, '') AS wikidata, mention
ORDER BY name, mention
