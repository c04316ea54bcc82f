// Which actors each article mentions, with the surface forms it used for them (one row per form,
// or one with no form).
MATCH (n:Article)-[m:MENTIONS]->(a:Actor)
UNWIND (CASE WHEN m.forms IS NULL OR size(m.forms) = 0 THEN [null] ELSE m.forms END) AS form
RETURN n.id AS articleId, a.id AS actorId, form
ORDER BY articleId, actorId, form
