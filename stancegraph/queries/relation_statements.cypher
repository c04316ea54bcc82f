// Every relation statement, with the same columns as relation_statements.rq.
// Parameters (null when not filtering): $subject, $object (actor ids), $predicate (e.g. 'advises').
MATCH (a:Actor)-[r]->(b:Actor), (n:Article {id: r.article})
WHERE r.id IS NOT NULL AND ($subject IS NULL OR a.id = $subject) AND ($object IS NULL OR b.id = $object)
  AND ($predicate IS NULL OR toLower(type(r)) = $predicate)
RETURN 'https://w3id.org/stancegraph/statement/' + r.id AS statement, a.id AS subjectId, a.name AS subjectName,
       toLower(type(r)) AS predicate, b.id AS objectId, b.name AS objectName, r.confidence AS confidence,
       r.evidence AS evidence, r.start AS start, r.end AS `end`, r.date AS date, n.id AS articleId,
       n.title AS title, n.url AS url, n.outlet AS outlet
ORDER BY subjectName, predicate, objectName, date, articleId
