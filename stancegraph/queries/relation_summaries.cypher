// One row per relation between two actors from the summaries kept at write time, with the same
// columns as relation_summaries.rq. Parameters (null when not filtering): $subject, $object (ids).
MATCH (m:Summary {kind: 'relation'})
WHERE ($subject IS NULL OR m.actor = $subject) AND ($object IS NULL OR m.object = $object)
MATCH (a:Actor {id: m.actor}), (b:Actor {id: m.object})
RETURN a.id AS subjectId, a.name AS subjectName, m.predicate AS predicate, b.id AS objectId, b.name AS objectName,
       m.statements AS statements, m.first_date AS first, m.last_date AS last, m.evidence AS evidence,
       m.source AS source, m.confidence AS confidence
